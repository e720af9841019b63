"""Leads, their history and the idempotency store in PostgreSQL (Core statements, counted)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Table, and_, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.lead_tables import IdempotencyRow, LeadRow, LeadStatusChangeRow
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

# The hot statements, built once on the Core tables and executed with parameters.
INSERT_LEAD = insert(cast(Table, LeadRow.__table__))
INSERT_CHANGE = insert(cast(Table, LeadStatusChangeRow.__table__))
GET_LEAD = select(LeadRow.__table__).where(L.id == bindparam("lead_id"))
GET_LEAD_FOR_UPDATE = GET_LEAD.with_for_update()
K = IdempotencyRow.__table__.c


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


def _lead(row: Any) -> Lead:
    person = Person(**row.person) if row.person is not None else None
    profile = None
    if row.profile is not None:
        values = dict(row.profile)
        profile = Profile(
            **{
                **values,
                "languages": tuple(values["languages"]),
                "interests": tuple(Interest(i) for i in values["interests"]),
            }
        )
    c = row.consent
    consent = Consent(
        notice_version=c["notice_version"],
        notice_language=c["notice_language"],
        purposes=frozenset(Purpose(p) for p in c["purposes"]),
        method=ConsentMethod(c["method"]),
        collected_at=datetime.fromisoformat(c["collected_at"]),
        collected_by=c["collected_by"],
    )
    return Lead(
        id=row.id,
        partner_id=row.partner_id,
        submitted_by=row.submitted_by,
        status=LeadStatus(row.status),
        person=person,
        profile=profile,
        consent=consent,
        external_ref=row.external_ref,
        edition_code=row.edition_code,
        known_to_hkte=row.known_to_hkte,
        retain_until=row.retain_until,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        erased_at=row.erased_at,
    )


class SqlLeadRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def matching(
        self, partner_id: UUID, email_key: str | None, phone: str | None, external_ref: str | None
    ) -> list[LeadMatch]:
        """Leads of anyone that name the same person, and this partner's lead with the same reference."""
        conditions = []
        if email_key:
            conditions.append(L.email_key == email_key)
        if phone:
            conditions.append(L.phone == phone)
        if external_ref:
            conditions.append(and_(L.partner_id == partner_id, L.external_ref == external_ref))
        if not conditions:
            return []
        rows = await self.session.execute(
            select(L.id, L.partner_id, L.external_ref)
            .where(or_(*conditions))
            .order_by(L.created_at)
            .limit(20)
        )
        return [
            LeadMatch(
                r.id, r.partner_id, same_reference=bool(external_ref) and r.external_ref == external_ref
            )
            for r in rows
        ]

    async def add(self, lead: Lead) -> None:
        assert lead.person is not None
        assert lead.profile is not None
        await self.session.execute(
            INSERT_LEAD,
            dict(
                id=lead.id,
                partner_id=lead.partner_id,
                submitted_by=lead.submitted_by,
                status=lead.status.value,
                external_ref=lead.external_ref,
                edition_code=lead.edition_code,
                profession_code=lead.profile.profession_code,
                person=_person_json(lead.person),
                email_key=lead.person.email_key,
                phone=lead.person.phone,
                profile=_profile_json(lead.profile),
                consent=_consent_json(lead.consent),
                purposes=sorted(p.value for p in lead.consent.purposes),
                known_to_hkte=lead.known_to_hkte,
                retain_until=lead.retain_until,
                created_at=lead.created_at,
                updated_at=lead.updated_at,
            ),
        )

    async def get(self, lead_id: UUID, *, for_update: bool = False) -> Lead | None:
        stmt = GET_LEAD_FOR_UPDATE if for_update else GET_LEAD
        row = (await self.session.execute(stmt, {"lead_id": lead_id})).first()
        return None if row is None else _lead(row)

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
        return [_lead(r) for r in await self.session.execute(stmt)]

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
        return _lead(row)

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
        return _lead(row)

    async def add_change(self, change: StatusChange) -> None:
        await self.session.execute(
            INSERT_CHANGE,
            dict(
                id=new_id(),
                lead_id=change.lead_id,
                from_status=change.from_status.value if change.from_status else None,
                to_status=change.to_status.value,
                reason_code=change.reason_code,
                note=change.note,
                changed_by=change.changed_by,
                changed_at=change.changed_at,
            ),
        )

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
        return [(row[0], row[1]) for row in rows]

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
        return [_lead(r) for r in rows]

    async def history(self, lead_id: UUID) -> list[StatusChange]:
        rows = await self.session.execute(
            select(LeadStatusChangeRow.__table__).where(H.lead_id == lead_id).order_by(H.changed_at, H.id)
        )
        return [
            StatusChange(
                lead_id=r.lead_id,
                from_status=LeadStatus(r.from_status) if r.from_status else None,
                to_status=LeadStatus(r.to_status),
                reason_code=r.reason_code,
                note=r.note,
                changed_by=r.changed_by,
                changed_at=r.changed_at,
            )
            for r in rows
        ]


class SqlIdempotencyStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock(self, client_id: str, key: str) -> bool:
        """Hold the key for this transaction; False when another request holds it right now."""
        locked = await self.session.scalar(
            text("SELECT pg_try_advisory_xact_lock(hashtextextended(:name, 0))"),
            {"name": f"{client_id}\n{key}"},
        )
        return bool(locked)

    async def get(self, client_id: str, key: str) -> StoredAnswer | None:
        row = (
            await self.session.execute(
                select(K.request_hash, K.status, K.body, K.headers).where(
                    K.client_id == client_id, K.key == key, K.expires_at > func.now()
                )
            )
        ).first()
        if row is None:
            return None
        return StoredAnswer(row.request_hash, row.status, row.body, dict(row.headers))

    async def forget_expired(self) -> int:
        result = await self.session.execute(delete(IdempotencyRow).where(K.expires_at <= func.now()))
        return int(getattr(result, "rowcount", 0) or 0)

    async def put(
        self, client_id: str, key: str, answer: StoredAnswer, lead_ids: list[UUID], expires_at: datetime
    ) -> None:
        values = {
            "request_hash": answer.request_hash,
            "status": answer.status,
            "body": answer.body,
            "headers": answer.headers,
            "lead_ids": lead_ids,
            "expires_at": expires_at,
        }
        stmt = pg_insert(IdempotencyRow).values(client_id=client_id, key=key, **values)
        # a key whose answer expired may be used again: its row is replaced
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=[K.client_id, K.key], set_={**values, "created_at": func.now()}
            )
        )


ERASED_PROFILE_FIELDS = ("employer", "job_title", "notes")


async def erase_lead(session: AsyncSession, lead_id: UUID) -> None:
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
