"""`GET /v1/talent-list`, `GET /v1/leads/{id}` and `POST /v1/leads` are answered before the
framework when the request is the plain, authorised one: the answer must be the framework's, byte
for byte and header for header (a query string sends a request to the framework), and everything
else must still reach the framework (401, 403, 404, 409, 422, 429) and be answered there as always."""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx
import msgspec
import pytest
from litestar import Litestar

import api.app
from adapters.db.lead_tables import LeadRow
from adapters.db.tables import AuditRow
from adapters.quotas import SharedQuotas
from api.settings import Settings
from domain.scopes import PARTNER_SCOPES, Scope
from tests.api.test_leads import lead_body
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client

VARYING = {"x-request-id", "ratelimit"}
AT_THE_FRAMEWORK = {"via": "framework"}  # any query string takes the framework's path


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return msgspec.structs.replace(settings, rate_limit_standard_per_minute=12)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the fast path answered each request to a fast path's route."""
    answers: list[bool] = []
    real: Callable[..., Awaitable[Any]] = api.app.answer_before_framework

    async def spy(state: Any, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        handed_over = await real(state, scope, receive, send)
        if scope["path"].startswith(("/v1/talent-list", "/v1/leads")):
            answers.append(handed_over is None)
        return handed_over

    monkeypatch.setattr(api.app, "answer_before_framework", spy)
    return answers


def _same(fast: httpx.Response, framework: httpx.Response) -> None:
    assert fast.status_code == framework.status_code
    assert fast.content == framework.content
    assert [(k, v) for k, v in fast.headers.raw if k.decode() not in VARYING] == [
        (k, v) for k, v in framework.headers.raw if k.decode() not in VARYING
    ]


async def test_the_fast_answer_is_the_frameworks_answer(
    app: Litestar, client: httpx.AsyncClient, served: list[bool]
) -> None:
    app.state.quotas = SharedQuotas(app.state.database, clock=lambda: (time.time() // 60) * 60 + 20)
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    reader = await make_client(app, scopes=frozenset({Scope.TALENT_LIST_READ}))
    token = {"Authorization": f"Bearer {await get_token(client, reader)}"}
    for language, lang in [(None, "en"), ("zh-HK", "zh-Hant"), ("zh-CN", "zh-Hans")]:
        headers = {**token, **({"Accept-Language": language} if language else {})}
        fast = await client.get("/v1/talent-list", headers=headers)
        framework = await client.get("/v1/talent-list", params={"lang": lang}, headers=token)
        _same(fast, framework)
        assert fast.headers["content-language"] == lang
        cached = {"If-None-Match": fast.headers["etag"]}
        _same(
            await client.get("/v1/talent-list", headers={**headers, **cached}),
            await client.get("/v1/talent-list", params={"lang": lang}, headers={**token, **cached}),
        )
    assert served == [True, False, True, False] * 3  # every plain read fast, every query not
    assert fast.headers["ratelimit-policy"] == '"standard";q=12;w=60'
    assert fast.headers["x-content-type-options"] == "nosniff"

    refused = await client.get("/v1/talent-list", headers=token)  # the 13th request of the window
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert served[-1] is False


async def test_whatever_is_not_the_plain_authorised_read_reaches_the_framework(
    app: Litestar, client: httpx.AsyncClient, served: list[bool]
) -> None:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    other = await make_client(app, scopes=frozenset({Scope.EVENTS_READ}))
    missing = await client.get("/v1/talent-list")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    forged = await client.get("/v1/talent-list", headers={"Authorization": "Bearer not.a.token"})
    assert forged.status_code == 401
    wrong_scope = {"Authorization": f"Bearer {await get_token(client, other)}"}
    assert (await client.get("/v1/talent-list", headers=wrong_scope)).status_code == 403
    assert served == [False, False, False]


async def _count(app: Litestar, table: Any) -> int:
    from sqlalchemy import func, select

    async with app.state.database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_a_lead_read_fast_is_the_frameworks_read_and_is_audited(
    app: Litestar, client: httpx.AsyncClient, served: list[bool]
) -> None:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    other = await make_client(app, scopes=PARTNER_SCOPES)
    token = {"Authorization": f"Bearer {await get_token(client, partner)}"}
    stranger = {"Authorization": f"Bearer {await get_token(client, other)}"}
    created = await client.post("/v1/leads", json=lead_body(), headers={**token, "Idempotency-Key": "k1"})
    url = f"/v1/leads/{created.json()['id']}"
    served.clear()
    audited = await _count(app, AuditRow)

    fast = await client.get(url, headers=token)
    framework = await client.get(url, params=AT_THE_FRAMEWORK, headers=token)
    assert fast.status_code == 200
    _same(fast, framework)
    assert fast.headers["etag"] == '"lead-1"'
    assert await _count(app, AuditRow) == audited + 2  # every read audited, on either path

    # not yours, not there, not a UUID: the framework answers (the same 404 either way)
    for path in (url, f"/v1/leads/{uuid.uuid4()}"):
        refused = await client.get(path, headers=stranger if path == url else token)
        assert refused.status_code == 404
        assert refused.headers["content-type"] == "application/problem+json"
    assert (await client.get("/v1/leads/not-a-uuid", headers=token)).status_code == 404
    assert served == [True, False, False, False, False]


async def test_a_submission_fast_is_the_frameworks_submission(
    app: Litestar, client: httpx.AsyncClient, served: list[bool]
) -> None:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    token = {"Authorization": f"Bearer {await get_token(client, partner)}"}
    served.clear()

    def body(n: int) -> dict[str, Any]:
        person = {**lead_body()["person"], "email": f"person{n}@example.org", "phone": None}
        return lead_body(person=person, external_ref=f"ref-{n}")

    fast = await client.post("/v1/leads", json=body(1), headers={**token, "Idempotency-Key": "a"})
    framework = await client.post(
        "/v1/leads", params=AT_THE_FRAMEWORK, json=body(2), headers={**token, "Idempotency-Key": "b"}
    )
    assert (fast.status_code, framework.status_code) == (201, 201)
    assert fast.headers["location"] == f"/v1/leads/{fast.json()['id']}"
    assert [k for k, _ in fast.headers.raw] == [k for k, _ in framework.headers.raw]
    differing = {"id", "url", "person", "external_ref", "created_at", "updated_at"}
    assert {k: v for k, v in fast.json().items() if k not in differing} == {
        k: v for k, v in framework.json().items() if k not in differing
    }

    # a replay on the other path is the same stored answer, replayed
    again = await client.post(
        "/v1/leads", params=AT_THE_FRAMEWORK, json=body(1), headers={**token, "Idempotency-Key": "a"}
    )
    fast_again = await client.post("/v1/leads", json=body(2), headers={**token, "Idempotency-Key": "b"})
    _same(again, await client.post("/v1/leads", json=body(1), headers={**token, "Idempotency-Key": "a"}))
    assert again.content == fast.content
    assert again.headers["idempotent-replayed"] == "true"
    assert fast_again.content == framework.content
    assert fast_again.headers["idempotent-replayed"] == "true"
    assert served == [True, False, False, True, True]
    assert await _count(app, LeadRow) == 2


async def test_submissions_the_fast_path_does_not_take_are_answered_by_the_framework(
    app: Litestar, client: httpx.AsyncClient, served: list[bool]
) -> None:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    token = {"Authorization": f"Bearer {await get_token(client, partner)}"}
    ok = await client.post("/v1/leads", json=lead_body(), headers={**token, "Idempotency-Key": "first"})
    assert ok.status_code == 201
    served.clear()
    cases: list[tuple[dict[str, Any], Any, int, str]] = [
        ({}, lead_body(), 400, "Idempotency-Key"),  # no key
        ({"Idempotency-Key": "first"}, lead_body(notes="changed"), 422, "idempotency-key-reused"),
        ({"Idempotency-Key": "dup"}, lead_body(), 409, "duplicate-lead"),
        ({"Idempotency-Key": "p"}, lead_body(profession="no-such-profession"), 422, "profession"),
        ({"Idempotency-Key": "y"}, lead_body(years_of_experience="10"), 422, "years_of_experience"),
        ({"Idempotency-Key": "n"}, lead_body(notes="a\u0000b"), 422, "notes"),
    ]
    for extra, sent, status, named in cases:
        answer = await client.post("/v1/leads", json=sent, headers={**token, **extra})
        assert answer.status_code == status, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert named in answer.text
    malformed = await client.post(
        "/v1/leads",
        content=b"{not json",
        headers={**token, "Idempotency-Key": "m", "Content-Type": "application/json"},
    )
    assert malformed.status_code == 400
    assert served == [False] * 7
    assert await _count(app, LeadRow) == 1
