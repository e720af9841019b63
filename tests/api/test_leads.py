"""Talent leads over HTTP with real tokens: validation, idempotency, duplicates, reads that stay
within the partner, forward-only status, the audit of every read, and the statement count."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import event, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.lead_tables import LeadRow
from adapters.db.tables import AuditRow
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES, Scope
from tests.support import leaks
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client, make_partner


@dataclass
class Callers:
    partner: dict[str, str]
    other: dict[str, str]
    staff: dict[str, str]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def callers(app: Litestar, client: httpx.AsyncClient) -> Callers:
    from datetime import date

    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    other = await make_client(app, scopes=PARTNER_SCOPES)
    hkte = await make_partner(app, PartnerType.HKTE)
    staff = await make_client(app, partner=hkte, scopes=frozenset({Scope.LEADS_READ, Scope.LEADS_REVIEW}))
    return Callers(
        partner=_bearer(await get_token(client, partner)),
        other=_bearer(await get_token(client, other)),
        staff=_bearer(await get_token(client, staff)),
    )


def lead_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "person": {
            "given_name": "Mei",
            "family_name": "Chan",
            "chinese_name": "陳美",
            "email": "Mei.Chan@Example.org",
            "phone": "+447700900123",
            "residence_country": "GB",
            "city": "London",
        },
        "profession": "actuaries",
        "years_of_experience": 8,
        "highest_qualification": "FIA",
        "languages": ["en", "yue"],
        "interests": ["jobs", "admission_schemes"],
        "external_ref": "LDN-2026-0042",
        "consent": {
            "notice_version": "PICS-2026-01",
            "notice_language": "en",
            "purposes": ["talent_attraction", "job_matching"],
            "method": "event",
            "collected_at": "2026-11-20T15:30:00+00:00",
            "collected_by": "London ETO roadshow desk",
        },
    }
    body.update(changes)
    leaks.register_payload(body)  # also when sent by other means than the test client (SDKs)
    return body


async def submit(
    client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any], key: str | None = None
) -> httpx.Response:
    return await client.post(
        "/v1/leads", json=body, headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())}
    )


async def test_submit_then_replay_exactly_and_refuse_a_reused_key(
    client: httpx.AsyncClient, callers: Callers
) -> None:
    first = await submit(client, callers.partner, lead_body(), key="k-1")
    assert first.status_code == 201, first.text
    lead = first.json()
    assert first.headers["location"] == f"/v1/leads/{lead['id']}"
    assert lead["status"] == "received"
    assert lead["known_to_hkte"] is False
    assert lead["edition"] == "2020"
    assert "idempotent-replayed" not in first.headers
    again = await submit(client, callers.partner, lead_body(), key="k-1")
    assert again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    different = await submit(client, callers.partner, lead_body(years_of_experience=9), key="k-1")
    assert different.status_code == 422
    assert different.json()["type"].endswith("/idempotency-key-reused")
    missing = await client.post("/v1/leads", json=lead_body(), headers=callers.partner)
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["field"] == "Idempotency-Key"


async def test_a_replay_gets_its_first_answer_after_the_profession_left_the_list(
    app: Litestar, client: httpx.AsyncClient, callers: Callers
) -> None:
    from dataclasses import replace
    from datetime import date

    first = await submit(client, callers.partner, lead_body(), key="before-the-new-list")
    assert first.status_code == 201
    later = small_edition("2021", date(2021, 1, 1))
    await publish_editions(app, replace(later, professions=later.professions[1:]))  # no actuaries
    again = await submit(client, callers.partner, lead_body(), key="before-the-new-list")
    assert again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    refused = await submit(client, callers.other, lead_body(), key="after-the-new-list")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "profession"


async def test_duplicates_within_a_partner_and_known_people_across_partners(
    client: httpx.AsyncClient, callers: Callers
) -> None:
    first = (await submit(client, callers.partner, lead_body())).json()
    same_ref = await submit(
        client,
        callers.partner,
        lead_body(person={**lead_body()["person"], "email": "x@example.org", "phone": None}),
    )
    assert same_ref.status_code == 409
    assert same_ref.json()["duplicate_of"] == f"/v1/leads/{first['id']}"
    same_person = await submit(
        client,
        callers.partner,
        lead_body(
            external_ref="other-ref", person={**lead_body()["person"], "email": "mei.chan@example.ORG "}
        ),
    )
    assert same_person.status_code == 409
    assert same_person.json()["duplicate_of"] == f"/v1/leads/{first['id']}"
    elsewhere = await submit(client, callers.other, lead_body())
    assert elsewhere.status_code == 201, elsewhere.text
    assert elsewhere.json()["known_to_hkte"] is True
    assert first["id"] not in elsewhere.text  # nothing of the other partner's lead


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"consent": None}, "consent"),
        ({"person": {**lead_body()["person"], "email": "not-an-email"}}, "person.email"),
        ({"person": {**lead_body()["person"], "phone": "07700 900123"}}, "person.phone"),
        ({"person": {**lead_body()["person"], "email": None, "phone": None}}, "person.email"),
        ({"person": {**lead_body()["person"], "residence_country": "UK1"}}, "person.residence_country"),
        ({"profession": "astrologers"}, "profession"),
        ({"years_of_experience": -1}, "years_of_experience"),
        ({"notes": "x" * 2001}, "notes"),
        ({"interests": ["yachts"]}, "interests"),
        ({"consent": {**lead_body()["consent"], "purposes": []}}, "consent.purposes"),
        (
            {"consent": {**lead_body()["consent"], "collected_at": "2026-11-20T15:30:00"}},
            "consent.collected_at",
        ),
        ({"consent": {**lead_body()["consent"], "method": "telepathy"}}, "consent.method"),
        ({"surprise": True}, "surprise"),
    ],
)
async def test_every_bad_field_is_named_and_nothing_is_stored(
    client: httpx.AsyncClient,
    callers: Callers,
    connection: AsyncConnection,
    changes: dict[str, Any],
    field: str,
) -> None:
    body = lead_body(**changes)
    if changes.get("consent", ...) is None:
        del body["consent"]
    response = await submit(client, callers.partner, body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert any(field in e["field"] for e in response.json()["errors"]), response.text
    assert await connection.scalar(select(func.count()).select_from(LeadRow)) == 0


async def test_partners_see_only_their_own_leads_and_every_read_is_audited(
    client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    mine = (await submit(client, callers.partner, lead_body())).json()
    theirs = (
        await submit(
            client,
            callers.other,
            lead_body(
                external_ref="B-1", person={**lead_body()["person"], "email": "b@example.org", "phone": None}
            ),
        )
    ).json()
    nobody = str(uuid.uuid4())
    for suffix in ("", "/history"):
        hidden = await client.get(f"/v1/leads/{theirs['id']}{suffix}", headers=callers.partner)
        absent = await client.get(f"/v1/leads/{nobody}{suffix}", headers=callers.partner)
        assert hidden.status_code == absent.status_code == 404
        # indistinguishable from a lead that does not exist
        assert hidden.json()["detail"].replace(theirs["id"], nobody) == absent.json()["detail"]
    listed = await client.get("/v1/leads", headers=callers.partner)
    assert [item["id"] for item in listed.json()["items"]] == [mine["id"]]
    got = await client.get(f"/v1/leads/{mine['id']}", headers=callers.partner)
    assert got.json()["person"]["email"] == "Mei.Chan@Example.org"
    everyone = await client.get("/v1/leads", params={"purpose": "job_matching"}, headers=callers.staff)
    assert {item["id"] for item in everyone.json()["items"]} == {mine["id"], theirs["id"]}
    # PDPO DPP3: staff say what for, and see only leads whose consent covers it
    assert (await client.get("/v1/leads", headers=callers.staff)).status_code == 400
    events_only = await client.get(
        "/v1/leads", params={"purpose": "event_invitations"}, headers=callers.staff
    )
    assert events_only.json()["items"] == []
    rows = (
        await connection.execute(
            select(AuditRow.action, AuditRow.details).where(AuditRow.action.like("lead.%"))
        )
    ).all()
    actions = [r.action for r in rows]
    assert actions.count("lead.read") == 1
    assert actions.count("lead.listed") == 2
    assert "Mei" not in str([r.details for r in rows])  # ids only, never personal data


async def test_status_moves_forward_only(client: httpx.AsyncClient, callers: Callers) -> None:
    lead = (await submit(client, callers.partner, lead_body())).json()
    url = f"/v1/leads/{lead['id']}/status"

    async def move(status: str) -> httpx.Response:
        return await client.post(url, json={"status": status, "reason_code": "review"}, headers=callers.staff)

    assert (await move("under_review")).status_code == 200
    assert (await move("contacted")).json()["status"] == "contacted"
    backwards = await move("under_review")
    assert backwards.status_code == 409
    assert backwards.json()["type"].endswith("/illegal-transition")
    assert (await move("not_eligible")).status_code == 200
    assert (await move("approved")).status_code == 409  # terminal
    denied = await client.post(url, json={"status": "approved", "reason_code": "x1"}, headers=callers.partner)
    assert denied.status_code == 403
    history = (await client.get(f"/v1/leads/{lead['id']}/history", headers=callers.partner)).json()
    assert [c["to_status"] for c in history["changes"]] == [
        "received",
        "under_review",
        "contacted",
        "not_eligible",
    ]


async def test_a_submission_takes_a_fixed_number_of_statements(
    client: httpx.AsyncClient, callers: Callers, connection: AsyncConnection
) -> None:
    await submit(
        client,
        callers.partner,
        lead_body(
            external_ref="warm-up", person={**lead_body()["person"], "email": "w@example.org", "phone": None}
        ),
    )
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement.split()[0].upper())

    def count_on_driver(query: Any) -> None:  # the hot statements go straight to asyncpg
        statements.append(query.query.split()[0].upper())

    engine = connection.sync_engine
    driver = (await connection.get_raw_connection()).driver_connection
    event.listen(engine, "before_cursor_execute", count)
    driver.add_query_logger(count_on_driver)
    try:
        response = await submit(client, callers.partner, lead_body())
        await asyncio.sleep(0)  # query loggers are called soon after, not during
    finally:
        event.remove(engine, "before_cursor_execute", count)
        driver.remove_query_logger(count_on_driver)
    assert response.status_code == 201
    # advisory lock, key lookup, duplicate lookup, lead, history, audit, stored answer
    # (+ the savepoints the test's outer transaction adds around the unit of work)
    work = [s for s in statements if s not in ("SAVEPOINT", "RELEASE", "ROLLBACK")]
    assert len(work) == 7, statements
    await connection.execute(text("SELECT 1"))


async def test_partners_correct_their_own_leads_with_if_match(
    client: httpx.AsyncClient, callers: Callers
) -> None:
    lead = (await submit(client, callers.partner, lead_body())).json()
    url = f"/v1/leads/{lead['id']}"
    etag = (await client.get(url, headers=callers.partner)).headers["etag"]
    change = {"person": {"email": "mei.chan@new.example.org"}, "years_of_experience": 9}
    assert (await client.patch(url, json=change, headers=callers.partner)).status_code == 428
    fixed = await client.patch(url, json=change, headers={**callers.partner, "If-Match": etag})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["person"]["email"] == "mei.chan@new.example.org"
    assert fixed.json()["person"]["given_name"] == "Mei"  # untouched
    assert fixed.json()["years_of_experience"] == 9
    assert fixed.headers["etag"] != etag
    stale = await client.patch(
        url, json={"years_of_experience": 10}, headers={**callers.partner, "If-Match": etag}
    )
    assert stale.status_code == 412
    foreign = await client.patch(
        url, json=change, headers={**callers.other, "If-Match": fixed.headers["etag"]}
    )
    assert foreign.status_code == 404
    bad = await client.patch(
        url,
        json={"person": {"phone": "12345"}},
        headers={**callers.partner, "If-Match": fixed.headers["etag"]},
    )
    assert bad.status_code == 422
    unknown = await client.patch(
        url,
        json={"profession": "astrologers"},
        headers={**callers.partner, "If-Match": fixed.headers["etag"]},
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "profession"


async def test_a_batch_answers_each_lead_on_its_own(client: httpx.AsyncClient, callers: Callers) -> None:
    existing = (await submit(client, callers.partner, lead_body())).json()

    def person(n: int) -> dict[str, Any]:
        return {**lead_body()["person"], "email": f"batch{n}@example.org", "phone": None}

    items = [
        lead_body(external_ref="b-0", person=person(0)),
        lead_body(external_ref="b-1", person={**person(1), "email": "nope"}),  # invalid
        lead_body(),  # the lead submitted before: duplicate
        lead_body(external_ref="b-3", person=person(3)),
        lead_body(external_ref="b-4", person=person(3)),  # same person as item 3
        {**lead_body(external_ref="b-5", person=person(5)), "profession": "astrologers"},
    ]
    key = str(uuid.uuid4())
    response = await client.post(
        "/v1/leads/batch", json={"items": items}, headers={**callers.partner, "Idempotency-Key": key}
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert [(i["index"], i["status"]) for i in result["items"]] == [
        (0, 201),
        (1, 422),
        (2, 409),
        (3, 201),
        (4, 409),
        (5, 422),
    ]
    assert (result["created"], result["failed"]) == (2, 4)
    assert result["items"][1]["problem"]["errors"][0]["field"] == "person.email"
    assert result["items"][2]["problem"]["duplicate_of"] == f"/v1/leads/{existing['id']}"
    assert result["items"][5]["problem"]["errors"][0]["field"] == "profession"
    created = await client.get(result["items"][0]["url"].split("8000", 1)[-1], headers=callers.partner)
    assert created.status_code == 200
    replay = await client.post(
        "/v1/leads/batch", json={"items": items}, headers={**callers.partner, "Idempotency-Key": key}
    )
    assert replay.content == response.content
    assert replay.headers["idempotent-replayed"] == "true"
    listed = await client.get("/v1/leads", headers=callers.partner)
    assert len(listed.json()["items"]) == 3
    too_many = await client.post(
        "/v1/leads/batch",
        json={"items": [items[0]] * 101},
        headers={**callers.partner, "Idempotency-Key": "x"},
    )
    assert too_many.status_code in (400, 422)
    assert too_many.json()["errors"][0]["field"] == "items"


async def test_list_filters(client: httpx.AsyncClient, callers: Callers) -> None:
    actuary = (await submit(client, callers.partner, lead_body())).json()
    scientist = (
        await submit(
            client,
            callers.partner,
            lead_body(
                profession="data-scientists",
                external_ref="d-1",
                person={**lead_body()["person"], "email": "d@example.org", "phone": None},
            ),
        )
    ).json()

    async def ids(**params: Any) -> list[str]:
        response = await client.get("/v1/leads", params=params, headers=callers.partner)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert await ids() == [scientist["id"], actuary["id"]]  # newest first
    assert await ids(sector="financial-services") == [actuary["id"]]
    assert await ids(profession="data-scientists") == [scientist["id"]]
    assert await ids(sector="financial-services", profession="data-scientists") == []
    assert await ids(status="received") == [scientist["id"], actuary["id"]]
    assert await ids(status="arrived") == []
    assert await ids(submitted_from="2000-01-01", submitted_to="2000-02-01") == []
    assert await ids(updated_since="2000-01-01") == [scientist["id"], actuary["id"]]
    first = await client.get("/v1/leads", params={"limit": 1}, headers=callers.partner)
    second = await client.get(
        "/v1/leads", params={"limit": 1, "cursor": first.json()["next_cursor"]}, headers=callers.partner
    )
    assert [i["id"] for i in first.json()["items"] + second.json()["items"]] == [
        scientist["id"],
        actuary["id"],
    ]
    bad = await client.get("/v1/leads", params={"sector": "astrology"}, headers=callers.partner)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "sector"
