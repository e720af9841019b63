"""Leads, their history and the idempotency store in PostgreSQL.

The statements of the hot paths (a lead read by id, a submission) are SQL text run on the asyncpg
connection of a DriverUnitOfWork (prepared once per connection); the rest are Core statements
through the session, in the same transaction."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import bindparam, delete, func, or_, select, text, update

from adapters.db.database import json_text
from adapters.db.lead_tables import IdempotencyRow, LeadRow, LeadStatusChangeRow
from adapters.db.uow import DriverUnitOfWork, Executor
from domain.ids import new_id
from domain.lead_intake import LeadMatch, LeadQuery, StoredAnswer
from domain.leads import (
    Consent,
    ConsentMethod,
    Interest,
    Lead,
    LeadStatus,
    Person,
    Profile,
    Purpose,
    StatusChange,
)

L = LeadRow.__table__.c
H = LeadStatusChangeRow.__table__.c

GET_LEAD_FOR_UPDATE = select(LeadRow.__table__).where(L.id == bindparam("lead_id")).with_for_update()
K = IdempotencyRow.__table__.c

LEAD_BY_ID = (
    "SELECT leads.id, leads.partner_id, leads.submitted_by, leads.status, leads.external_ref, "
    "leads.edition_code, leads.profession_code, leads.person, leads.email_key, leads.phone, leads.profile, "
    "leads.consent, leads.purposes, leads.known_to_hkte, leads.retain_until, leads.version, "
    "leads.created_at, leads.updated_at, leads.erased_at FROM leads WHERE leads.id = $1::UUID"
)
LEAD_INSERT = (
    "INSERT INTO leads (id, partner_id, submitted_by, status, external_ref, edition_code, profession_code, "
    "person, email_key, phone, profile, consent, purposes, known_to_hkte, retain_until, created_at, "
    "updated_at) VALUES ($1::UUID, $2::UUID, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::VARCHAR, "
    "$7::VARCHAR, $8::JSONB, $9::VARCHAR, $10::VARCHAR, $11::JSONB, $12::JSONB, $13::VARCHAR(32)[], "
    "$14::BOOLEAN, $15::TIMESTAMP WITH TIME ZONE, $16::TIMESTAMP WITH TIME ZONE, "
    "$17::TIMESTAMP WITH TIME ZONE)"
)
STATUS_CHANGE_INSERT = (
    "INSERT INTO lead_status_changes (id, lead_id, from_status, to_status, reason_code, note, changed_by, "
    "changed_at) VALUES ($1::UUID, $2::UUID, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::VARCHAR, "
    "$7::VARCHAR, $8::TIMESTAMP WITH TIME ZONE)"
)
HISTORY = (
    "SELECT lead_id, from_status, to_status, reason_code, note, changed_by, changed_at "
    "FROM lead_status_changes WHERE lead_id = $1::UUID ORDER BY changed_at, id"
)
KEY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))"
KEY_GET = (
    "SELECT idempotency_keys.request_hash, idempotency_keys.status, idempotency_keys.body, "
    "idempotency_keys.headers FROM idempotency_keys WHERE idempotency_keys.client_id = $1::VARCHAR "
    "AND idempotency_keys.key = $2::VARCHAR AND idempotency_keys.expires_at > now()"
)
# a key whose answer expired may be used again: its row is replaced
KEY_PUT = (
    "INSERT INTO idempotency_keys (client_id, key, request_hash, status, body, headers, lead_ids, "
    "expires_at) VALUES ($1::VARCHAR, $2::VARCHAR, $3::BYTEA, $4::INTEGER, $5::BYTEA, $6::JSONB, "
    "$7::UUID[], $8::TIMESTAMP WITH TIME ZONE) ON CONFLICT (client_id, key) DO UPDATE SET "
    "request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, "
    "headers = excluded.headers, lead_ids = excluded.lead_ids, created_at = now(), "
    "expires_at = excluded.expires_at"
)
MATCH_LIMIT = 20


@functools.cache
def matching_sql(email: bool, phone: bool, reference: bool) -> str:
    """Leads naming the same person (email or phone: anyone's) or carrying this partner's
    reference; parameters in that order (email key, phone, partner id and reference), then the
    limit. One text per combination, prepared once per connection."""
    conditions, n = [], 0
    if email:
        conditions.append(f"leads.email_key = ${n + 1}::VARCHAR")
        n += 1
    if phone:
        conditions.append(f"leads.phone = ${n + 1}::VARCHAR")
        n += 1
    if reference:
        conditions.append(f"leads.partner_id = ${n + 1}::UUID AND leads.external_ref = ${n + 2}::VARCHAR")
        n += 2
    where = " OR ".join(f"({c})" if len(conditions) > 1 else c for c in conditions)
    # fixed fragments only: every value is a parameter
    select_matches = "SELECT leads.id, leads.partner_id, leads.external_ref FROM leads WHERE "
    return select_matches + where + f" ORDER BY leads.created_at LIMIT ${n + 1}::INTEGER"


def _person_json(p: Person) -> dict[str, Any]:
    return {
        "given_name": p.given_name,
        "family_name": p.family_name,
        "chinese_name": p.chinese_name,
        "email": p.email,
        "phone": p.phone,
        "residence_country": p.residence_country,
        "nationality": p.nationality,
        "city": p.city,
    }


def _profile_json(p: Profile) -> dict[str, Any]:
    return {
        "profession_code": p.profession_code,
        "years_of_experience": p.years_of_experience,
        "highest_qualification": p.highest_qualification,
        "languages": list(p.languages),
        "interests": [i.value for i in p.interests],
        "employer": p.employer,
        "job_title": p.job_title,
        "notes": p.notes,
    }


def _consent_json(c: Consent) -> dict[str, Any]:
    return {
        "notice_version": c.notice_version,
        "notice_language": c.notice_language,
        "purposes": sorted(p.value for p in c.purposes),
        "method": c.method.value,
        "collected_at": c.collected_at.isoformat(),
        "collected_by": c.collected_by,
    }


# Stored values to their enum members by dictionary: calling an enum class to look a member up
# costs about a microsecond each, and a lead has half a dozen (every read of a lead maps one).
_STATUS = {member.value: member for member in LeadStatus}
_PURPOSE = {member.value: member for member in Purpose}
_METHOD = {member.value: member for member in ConsentMethod}
_INTEREST = {member.value: member for member in Interest}


def _lead(row: Mapping[Any, Any]) -> Lead:
    """A lead from its row (an asyncpg record, or a SQLAlchemy row's `_mapping`)."""
    person = Person(**row["person"]) if row["person"] is not None else None
    profile = None
    if (f := row["profile"]) is not None:
        profile = Profile(
            profession_code=f["profession_code"],
            years_of_experience=f["years_of_experience"],
            highest_qualification=f["highest_qualification"],
            languages=tuple(f["languages"]),
            interests=tuple([_INTEREST[i] for i in f["interests"]]),
            employer=f.get("employer"),
            job_title=f.get("job_title"),
            notes=f.get("notes"),
        )
    c = row["consent"]
    consent = Consent(
        notice_version=c["notice_version"],
        notice_language=c["notice_language"],
        purposes=frozenset([_PURPOSE[p] for p in c["purposes"]]),
        method=_METHOD[c["method"]],
        collected_at=datetime.fromisoformat(c["collected_at"]),
        collected_by=c["collected_by"],
    )
    return Lead(
        id=row["id"],
        partner_id=row["partner_id"],
        submitted_by=row["submitted_by"],
        status=_STATUS[row["status"]],
        person=person,
        profile=profile,
        consent=consent,
        external_ref=row["external_ref"],
        edition_code=row["edition_code"],
        known_to_hkte=row["known_to_hkte"],
        retain_until=row["retain_until"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        erased_at=row["erased_at"],
    )


class SqlLeadRepository:
    def __init__(self, unit_of_work: DriverUnitOfWork) -> None:
        self.session = unit_of_work.session
        self.driver = unit_of_work.driver

    async def matching(
        self, partner_id: UUID, email_key: str | None, phone: str | None, external_ref: str | None
    ) -> list[LeadMatch]:
        """Leads of anyone that name the same person, and this partner's lead with the same reference."""
        if not (email_key or phone or external_ref):
            return []
        parameters: list[object] = [v for v in (email_key, phone) if v]
        if external_ref:
            parameters += [partner_id, external_ref]
        statement = matching_sql(bool(email_key), bool(phone), bool(external_ref))
        rows = await (await self.driver()).fetch(statement, *parameters, MATCH_LIMIT)
        same = bool(external_ref)
        return [LeadMatch(r["id"], r["partner_id"], same and r["external_ref"] == external_ref) for r in rows]

    async def add(self, lead: Lead) -> None:
        assert lead.person is not None
        assert lead.profile is not None
        await (await self.driver()).execute(
            LEAD_INSERT,
            lead.id, lead.partner_id, lead.submitted_by, lead.status.value, lead.external_ref,
            lead.edition_code, lead.profile.profession_code, json_text(_person_json(lead.person)),
            lead.person.email_key, lead.person.phone, json_text(_profile_json(lead.profile)),
            json_text(_consent_json(lead.consent)), sorted(p.value for p in lead.consent.purposes),
            lead.known_to_hkte, lead.retain_until, lead.created_at, lead.updated_at,
        )  # fmt: skip

    async def get(self, lead_id: UUID, *, for_update: bool = False) -> Lead | None:
        if for_update:
            row = (await self.session.execute(GET_LEAD_FOR_UPDATE, {"lead_id": lead_id})).first()
            return None if row is None else _lead(row._mapping)
        record = await (await self.driver()).fetchrow(LEAD_BY_ID, lead_id)
        return None if record is None else _lead(record)

    async def find(self, query: LeadQuery) -> list[Lead]:
        where = []
        if query.partner_id is not None:
            where.append(L.partner_id == query.partner_id)
        if query.statuses:
            where.append(L.status.in_([s.value for s in query.statuses]))
        if query.professions:
            where.append(L.profession_code.in_(query.professions))
        if query.purpose is not None:
            where.append(L.purposes.contains([query.purpose.value]))
        if query.submitted_from is not None:
            where.append(L.created_at >= query.submitted_from)
        if query.submitted_to is not None:
            where.append(L.created_at < query.submitted_to)
        if query.updated_since is not None:
            where.append(L.updated_at >= query.updated_since)
        if query.after is not None:
            where.append(L.id < query.after)
        stmt = select(LeadRow.__table__).where(*where).order_by(L.id.desc()).limit(query.limit)
        return [_lead(r._mapping) for r in await self.session.execute(stmt)]

    async def set_status(self, lead: Lead, change: StatusChange) -> Lead:
        row = (
            await self.session.execute(
                update(LeadRow)
                .where(L.id == lead.id)
                .values(status=change.to_status.value, version=L.version + 1, updated_at=func.now())
                .returning(LeadRow.__table__)
            )
        ).one()
        await self.add_change(change)
        return _lead(row._mapping)

    async def correct(self, lead: Lead) -> Lead:
        """Store corrected person and profile (the caller checked the version it applies to)."""
        assert lead.person is not None
        assert lead.profile is not None
        row = (
            await self.session.execute(
                update(LeadRow)
                .where(L.id == lead.id)
                .values(
                    person=_person_json(lead.person),
                    email_key=lead.person.email_key,
                    phone=lead.person.phone,
                    profile=_profile_json(lead.profile),
                    profession_code=lead.profile.profession_code,
                    external_ref=lead.external_ref,
                    version=L.version + 1,
                    updated_at=func.now(),
                )
                .returning(LeadRow.__table__)
            )
        ).one()
        return _lead(row._mapping)

    async def add_change(self, change: StatusChange) -> None:
        await (await self.driver()).execute(
            STATUS_CHANGE_INSERT,
            new_id(), change.lead_id, change.from_status.value if change.from_status else None,
            change.to_status.value, change.reason_code, change.note, change.changed_by, change.changed_at,
        )  # fmt: skip

    async def erase(self, lead_id: UUID) -> None:
        await erase_lead(self.session, lead_id)

    async def expired(self, limit: int) -> list[tuple[UUID, UUID]]:
        """(lead, partner) of leads whose retention ended and whose personal data is still held,
        oldest first."""
        rows = await self.session.execute(
            select(L.id, L.partner_id)
            .where(L.retain_until < func.now(), L.erased_at.is_(None))
            .order_by(L.retain_until)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return [(row.id, row.partner_id) for row in rows]

    async def by_subject(self, email_key: str | None, phone: str | None) -> list[Lead]:
        conditions = []
        if email_key:
            conditions.append(L.email_key == email_key)
        if phone:
            conditions.append(L.phone == phone)
        if not conditions:
            return []
        rows = await self.session.execute(
            select(LeadRow.__table__).where(or_(*conditions)).order_by(L.created_at)
        )
        return [_lead(r._mapping) for r in rows]

    async def history(self, lead_id: UUID) -> list[StatusChange]:
        rows = await (await self.driver()).fetch(HISTORY, lead_id)
        return [
            StatusChange(
                lead_id=r["lead_id"],
                from_status=LeadStatus(r["from_status"]) if r["from_status"] else None,
                to_status=LeadStatus(r["to_status"]),
                reason_code=r["reason_code"],
                note=r["note"],
                changed_by=r["changed_by"],
                changed_at=r["changed_at"],
            )
            for r in rows
        ]


class SqlIdempotencyStore:
    def __init__(self, unit_of_work: DriverUnitOfWork) -> None:
        self.session = unit_of_work.session
        self.driver = unit_of_work.driver

    async def lock(self, client_id: str, key: str) -> bool:
        """Hold the key for this transaction; False when another request holds it right now."""
        return bool(await (await self.driver()).fetchval(KEY_LOCK, f"{client_id}\n{key}"))

    async def get(self, client_id: str, key: str) -> StoredAnswer | None:
        row = await (await self.driver()).fetchrow(KEY_GET, client_id, key)
        if row is None:
            return None
        return StoredAnswer(row["request_hash"], row["status"], row["body"], dict(row["headers"]))

    async def forget_expired(self) -> int:
        result = await self.session.execute(delete(IdempotencyRow).where(K.expires_at <= func.now()))
        return int(getattr(result, "rowcount", 0) or 0)

    async def put(
        self, client_id: str, key: str, answer: StoredAnswer, lead_ids: list[UUID], expires_at: datetime
    ) -> None:
        await (await self.driver()).execute(
            KEY_PUT,
            client_id, key, answer.request_hash, answer.status, answer.body, json_text(answer.headers),
            lead_ids, expires_at,
        )  # fmt: skip


ERASED_PROFILE_FIELDS = ("employer", "job_title", "notes")


async def erase_lead(session: Executor, lead_id: UUID) -> None:
    """Remove the personal data of a lead everywhere it was kept, leaving a tombstone: the person,
    the match keys, the free-text and identifying parts of the profile, staff notes on its status
    changes, and the copy of it in stored idempotent answers."""
    await session.execute(
        update(LeadRow)
        .where(L.id == lead_id)
        .values(
            person=None,
            email_key=None,
            phone=None,
            profile=L.profile.op("-")(text("ARRAY['employer','job_title','notes']")),
            erased_at=func.now(),
            updated_at=func.now(),
            version=L.version + 1,
        )
    )
    await session.execute(update(LeadStatusChangeRow).where(H.lead_id == lead_id).values(note=None))
    rows = await session.execute(select(K.client_id, K.key, K.body).where(K.lead_ids.contains([lead_id])))
    for row in rows:
        await session.execute(
            update(IdempotencyRow)
            .where(K.client_id == row.client_id, K.key == row.key)
            .values(body=strip_answer(row.body, lead_id))
        )


def strip_answer(body: bytes, lead_id: UUID) -> bytes:
    """A stored answer with the erased lead's personal data removed (other leads' stay as they were)."""
    try:
        document = json.loads(body)
    except ValueError:
        return b"{}"

    def strip(item: Any) -> Any:
        if isinstance(item, dict) and item.get("id") == str(lead_id):
            return {**item, "person": None, **{f: None for f in ERASED_PROFILE_FIELDS}}
        if isinstance(item, dict):
            return {k: strip(v) for k, v in item.items()}
        if isinstance(item, list):
            return [strip(v) for v in item]
        return item

    return json.dumps(strip(document), ensure_ascii=False, separators=(",", ":")).encode()
