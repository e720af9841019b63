"""`GET /v1/leads/{id}` (audited) and `POST /v1/leads` (idempotent) with the API's statements:
a read is the lead and its audit entry; a submission is one transaction of seven statements."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from adapters.db.leads import MATCH_LIMIT
from bench.baseline import sql
from bench.baseline.http import JSON, Answer, Request, problem
from bench.baseline.tokens import Caller
from bench.baseline.wire import ConsentOut, LeadCreate, LeadOut, PersonOut
from domain.ids import new_id

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
KEYS_KEPT_FOR = timedelta(hours=48)
NO_STORE = b"no-store"


def _person(p: dict[str, Any] | None) -> PersonOut | None:
    if p is None:
        return None
    return PersonOut(
        p["given_name"],
        p["family_name"],
        p["chinese_name"],
        p["email"],
        p["phone"],
        p["residence_country"],
        p["nationality"],
        p["city"],
    )


def lead_out(row: asyncpg.Record, base_url: str) -> LeadOut:
    f, c = row["profile"], row["consent"]
    return LeadOut(
        id=row["id"],
        url=f"{base_url}/v1/leads/{row['id']}",
        status=row["status"],
        known_to_hkte=row["known_to_hkte"],
        external_ref=row["external_ref"],
        person=_person(row["person"]),
        profession=f["profession_code"] if f else None,
        edition=row["edition_code"],
        years_of_experience=f["years_of_experience"] if f else None,
        highest_qualification=f["highest_qualification"] if f else None,
        employer=f["employer"] if f else None,
        job_title=f["job_title"] if f else None,
        languages=list(f["languages"]) if f else [],
        interests=list(f["interests"]) if f else [],
        notes=f["notes"] if f else None,
        consent=ConsentOut(
            c["notice_version"],
            c["notice_language"],
            sorted(c["purposes"]),
            c["method"],
            datetime.fromisoformat(c["collected_at"]),
            c["collected_by"],
        ),
        retain_until=row["retain_until"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _audit(request: Request, caller: Caller, action: str, lead_id: UUID) -> tuple[object, ...]:
    details = {"lead_ids": [str(lead_id)]}
    return (
        new_id(),
        caller.client_id,
        caller.partner_id,
        action,
        "success",
        "lead",
        str(lead_id),
        request.request_id,
        details,
    )


class Leads:
    def __init__(
        self,
        pool: asyncpg.Pool,
        professions: frozenset[str],
        edition: str,
        base_url: str,
        retention_days: int,
    ) -> None:
        self.pool = pool
        self.professions = professions
        self.edition = edition
        self.base_url = base_url
        self.retention = timedelta(days=retention_days)

    async def get(self, request: Request, caller: Caller, lead_id: UUID) -> Answer:
        async with self.pool.acquire() as conn:
            row = await conn.fetchrow(sql.LEAD, lead_id)
            if row is None or row["partner_id"] != caller.partner_id:
                return problem(404, "no such lead")
            await conn.execute(sql.AUDIT, *_audit(request, caller, "lead.read", lead_id))
        body = msgspec.json.encode(lead_out(row, self.base_url))
        etag = f'"lead-{row["version"]}"'.encode()
        return Answer(200, body, [(b"etag", etag), (b"cache-control", NO_STORE), (b"content-type", JSON)])

    async def submit(self, request: Request, caller: Caller) -> Answer:
        key = request.header(b"idempotency-key")
        if not key or len(key) > 255:
            return problem(400, "Idempotency-Key is required")
        try:
            data = msgspec.json.decode(await request.body(), type=LeadCreate)
        except msgspec.ValidationError as exc:
            return problem(400, str(exc))
        p = data.person
        if not p.email or p.phone or data.external_ref or not EMAIL.match(p.email):
            return problem(400, "the baseline takes leads with an email only")
        if data.profession not in self.professions:
            return problem(422, "not a profession of the Talent List in force")
        request_hash = hashlib.sha256(msgspec.json.encode(data)).digest()
        async with self.pool.acquire() as conn, conn.transaction():
            if not await conn.fetchval(sql.KEY_LOCK, f"{caller.client_id}\n{key}"):
                return problem(409, "a request with this Idempotency-Key is in flight")
            stored = await conn.fetchrow(sql.KEY_GET, caller.client_id, key)
            if stored is not None:
                if stored["request_hash"] != request_hash:
                    return problem(422, "this Idempotency-Key was used with another body")
                headers = [(k.lower().encode(), v.encode()) for k, v in stored["headers"].items()]
                return Answer(
                    stored["status"],
                    stored["body"],
                    [*headers, (b"idempotent-replayed", b"true"), (b"content-type", JSON)],
                )
            return await self._create(conn, request, caller, key, data, request_hash)

    async def _create(
        self,
        conn: asyncpg.Connection,
        request: Request,
        caller: Caller,
        key: str,
        data: LeadCreate,
        request_hash: bytes,
    ) -> Answer:
        p, c = data.person, data.consent
        email = p.email.strip() if p.email else None
        email_key = email.casefold() if email else None
        matches = await conn.fetch(sql.LEAD_MATCHES, email_key, MATCH_LIMIT)
        if any(m["partner_id"] == caller.partner_id for m in matches):
            return problem(409, "this partner already submitted this person")
        now = datetime.now(UTC)
        lead_id = new_id()
        person = PersonOut(
            p.given_name.strip(),
            p.family_name.strip(),
            p.chinese_name,
            email,
            p.phone,
            p.residence_country,
            p.nationality,
            p.city,
        )
        languages = list(dict.fromkeys(data.languages))
        interests: list[str] = list(dict.fromkeys(data.interests))
        purposes: list[str] = sorted(set(c.purposes))
        out = LeadOut(
            id=lead_id,
            url=f"{self.base_url}/v1/leads/{lead_id}",
            status="received",
            known_to_hkte=bool(matches),
            external_ref=None,
            person=person,
            profession=data.profession,
            edition=self.edition,
            years_of_experience=data.years_of_experience,
            highest_qualification=data.highest_qualification,
            employer=data.employer,
            job_title=data.job_title,
            languages=languages,
            interests=interests,
            notes=data.notes,
            consent=ConsentOut(
                c.notice_version, c.notice_language, purposes, c.method, c.collected_at, c.collected_by
            ),
            retain_until=c.collected_at + self.retention,
            created_at=now,
            updated_at=now,
        )
        profile = {
            "profession_code": data.profession,
            "years_of_experience": data.years_of_experience,
            "highest_qualification": data.highest_qualification,
            "languages": languages,
            "interests": interests,
            "employer": data.employer,
            "job_title": data.job_title,
            "notes": data.notes,
        }
        consent = {
            "notice_version": c.notice_version,
            "notice_language": c.notice_language,
            "purposes": purposes,
            "method": c.method,
            "collected_at": c.collected_at.isoformat(),
            "collected_by": c.collected_by,
        }
        await conn.execute(
            sql.LEAD_INSERT,
            lead_id, caller.partner_id, caller.client_id, "received", None, self.edition, data.profession,
            msgspec.structs.asdict(person), email_key, p.phone, profile, consent, purposes, bool(matches),
            out.retain_until, now, now,
        )  # fmt: skip
        await conn.execute(
            sql.STATUS_CHANGE_INSERT,
            new_id(),
            lead_id,
            None,
            "received",
            "submitted",
            None,
            caller.client_id,
            now,
        )
        await conn.execute(sql.AUDIT, *_audit(request, caller, "lead.submitted", lead_id))
        body = msgspec.json.encode(out)
        location = f"/v1/leads/{lead_id}"
        stored_headers = {"Location": location}
        expires = now + KEYS_KEPT_FOR
        answer = (request_hash, 201, body, stored_headers, [lead_id], expires)
        await conn.execute(sql.KEY_PUT, caller.client_id, key, *answer)
        return Answer(201, body, [(b"location", location.encode()), (b"content-type", JSON)])
