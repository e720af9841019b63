"""Personal data handled as the PDPO asks: withdrawal and erasure leave it nowhere in the
database (leads, history notes, stored idempotent answers, audit), retention purges it, and an
access request exports everything held about a person across partners."""

from __future__ import annotations

import uuid
from datetime import date

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.leads_uow import lead_intake
from domain.audit import Actor
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES, Scope
from tests.api.test_leads import Callers, lead_body, submit
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client, make_partner

PERSONAL = ("Mei.Chan@Example.org", "mei.chan@example.org", "+447700900123", "陳美", "Chan", "Guildford")


@pytest.fixture
async def callers(app: Litestar, client: httpx.AsyncClient) -> Callers:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    other = await make_client(app, scopes=PARTNER_SCOPES)
    hkte = await make_partner(app, PartnerType.HKTE)
    staff = await make_client(app, partner=hkte, scopes=frozenset({Scope.LEADS_READ, Scope.LEADS_REVIEW}))
    return Callers(
        partner={"Authorization": f"Bearer {await get_token(client, partner)}"},
        other={"Authorization": f"Bearer {await get_token(client, other)}"},
        staff={"Authorization": f"Bearer {await get_token(client, staff)}"},
    )


async def everything_in_the_database(connection: AsyncConnection) -> str:
    """Every row of every table of the service, as text."""
    tables = (
        await connection.execute(
            text(
                "SELECT tablename FROM pg_tables "
                "WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )
        )
    ).scalars()
    dumps = []
    for table in tables:
        rows = await connection.execute(text(f'SELECT row_to_json(t)::text FROM "{table}" t'))  # noqa: S608
        dumps += [row[0] for row in rows]
    # stored answers are bytes: decode them too
    answers = await connection.execute(text("SELECT convert_from(body, 'UTF8') FROM idempotency_keys"))
    return "\n".join(dumps + [row[0] for row in answers])


def body_with_notes() -> dict[str, object]:
    return lead_body(notes="Met at the Guildford stand", employer="Guildford Re", job_title="Actuary")


async def test_consent_withdrawal_leaves_a_tombstone_and_no_personal_data_anywhere(
    client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    key = str(uuid.uuid4())
    lead = (await submit(client, callers.partner, body_with_notes(), key=key)).json()
    await client.get(f"/v1/leads/{lead['id']}", headers=callers.partner)
    await client.post(
        f"/v1/leads/{lead['id']}/status",
        json={"status": "under_review", "reason_code": "triage", "note": "Call Mei Chan on +447700900123"},
        headers=callers.staff,
    )
    before = await everything_in_the_database(connection)
    assert all(value in before for value in ("Mei.Chan@Example.org", "Guildford"))

    other_partner = await submit(
        client,
        callers.partner,
        lead_body(
            external_ref="keep",
            person={
                **lead_body()["person"],
                "email": "keep@example.org",
                "phone": None,
                "family_name": "Wong",
                "chinese_name": None,
            },
        ),
    )
    withdrawn = await client.post(f"/v1/leads/{lead['id']}/consent-withdrawal", headers=callers.partner)
    assert withdrawn.status_code == 200, withdrawn.text
    tombstone = withdrawn.json()
    assert tombstone["status"] == "withdrawn"
    assert tombstone["person"] is None
    assert tombstone["notes"] is None
    assert tombstone["id"] == lead["id"]
    assert tombstone["profession"] == "actuaries"  # not personal on its own: kept for statistics

    after = await everything_in_the_database(connection)
    for value in PERSONAL:
        assert value not in after, f"{value!r} is still in the database"
    assert "keep@example.org" in after  # another lead is untouched
    # the idempotent replay now answers with the tombstone, not the person
    replay = await submit(client, callers.partner, body_with_notes(), key=key)
    assert replay.status_code == 201
    assert replay.json()["person"] is None
    again = await client.post(f"/v1/leads/{lead['id']}/consent-withdrawal", headers=callers.partner)
    assert again.json() == tombstone | {"updated_at": again.json()["updated_at"]}
    foreign = await client.post(
        f"/v1/leads/{other_partner.json()['id']}/consent-withdrawal", headers=callers.other
    )
    assert foreign.status_code == 404


async def test_erasure_on_request_keeps_the_status(
    client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    lead = (await submit(client, callers.partner, body_with_notes())).json()
    assert (await client.delete(f"/v1/leads/{lead['id']}", headers=callers.other)).status_code == 404
    erased = await client.delete(f"/v1/leads/{lead['id']}", headers=callers.partner)
    assert erased.status_code == 204
    got = (await client.get(f"/v1/leads/{lead['id']}", headers=callers.partner)).json()
    assert (got["status"], got["person"]) == ("received", None)
    after = await everything_in_the_database(connection)
    for value in PERSONAL:
        assert value not in after
    assert (await client.delete(f"/v1/leads/{lead['id']}", headers=callers.partner)).status_code == 204


async def test_retention_purge_erases_only_what_is_due(
    app: Litestar, client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    old = lead_body(consent={**lead_body()["consent"], "collected_at": "2020-01-01T09:00:00+00:00"})
    due = (await submit(client, callers.partner, old)).json()
    fresh = (
        await submit(
            client,
            callers.partner,
            lead_body(
                external_ref="fresh",
                person={**lead_body()["person"], "email": "fresh@example.org", "phone": None},
            ),
        )
    ).json()
    erased = await lead_intake(app.state.database).purge_expired(Actor.operator("pytest"))
    assert erased == 1
    assert (await client.get(f"/v1/leads/{due['id']}", headers=callers.partner)).json()["person"] is None
    assert (await client.get(f"/v1/leads/{fresh['id']}", headers=callers.partner)).json()[
        "person"
    ] is not None
    assert await lead_intake(app.state.database).purge_expired(Actor.operator("pytest")) == 0


async def test_access_request_exports_every_record_across_partners(
    client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    mine = (await submit(client, callers.partner, lead_body())).json()
    theirs = (
        await submit(client, callers.other, lead_body(person={**lead_body()["person"], "phone": None}))
    ).json()
    export = await client.get(
        "/v1/admin/data-subjects", params={"email": "MEI.CHAN@example.org"}, headers=callers.staff
    )
    assert export.status_code == 200, export.text
    records = export.json()["records"]
    assert [r["lead"]["id"] for r in records] == [mine["id"], theirs["id"]]
    assert records[0]["history"]["changes"][0]["to_status"] == "received"
    by_phone = await client.get(
        "/v1/admin/data-subjects", params={"phone": "+447700900123"}, headers=callers.staff
    )
    assert [r["lead"]["id"] for r in by_phone.json()["records"]] == [mine["id"]]
    assert (await client.get("/v1/admin/data-subjects", headers=callers.staff)).status_code == 400
    assert (
        await client.get(
            "/v1/admin/data-subjects", params={"phone": "+447700900123"}, headers=callers.partner
        )
    ).status_code == 403
    audited = await connection.scalar(
        text("SELECT count(*) FROM audit_log WHERE action = 'lead.subject_exported'")
    )
    assert audited == 2


async def test_expired_idempotency_keys_are_forgotten(
    app: Litestar, client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    await submit(client, callers.partner, lead_body(), key="old-key")
    await submit(
        client,
        callers.partner,
        lead_body(
            external_ref="n", person={**lead_body()["person"], "email": "n@example.org", "phone": None}
        ),
        key="new-key",
    )
    await connection.execute(
        text("UPDATE idempotency_keys SET expires_at = now() - interval '1 hour' WHERE key = 'old-key'")
    )
    assert await lead_intake(app.state.database).forget_expired_keys() == 1
    keys = (await connection.execute(text("SELECT key FROM idempotency_keys"))).scalars().all()
    assert keys == ["new-key"]
