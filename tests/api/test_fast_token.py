"""`POST /oauth/token` is answered before the framework when the request is a plain, well-formed
token request: the answer must be the framework's, byte for byte and header for header (but for
what differs in every token: its signature, `jti` and times), with the same audit entry, and
everything unusual must still reach the framework."""

from __future__ import annotations

import time
from collections import Counter

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import select

import api.fast_paths
from adapters.db.tables import AuditRow
from adapters.quotas import SharedQuotas
from domain.clients import AuthMethod
from domain.quotas import Quota
from tests.support.fast_paths import FastPath, spy_on
from tests.support.oauth import (
    OAuthTestClient,
    answered_both_ways,
    basic_header,
    comparable,
    last_used,
    make_client,
)

GRANT = {"grant_type": "client_credentials"}


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> FastPath:
    return spy_on(monkeypatch, api.fast_paths, "token_request", lambda scope: scope["path"] == "/oauth/token")


async def _both(
    client: httpx.AsyncClient, fast: FastPath, data: dict[str, str], headers: dict[str, str]
) -> httpx.Response:
    """The fast path's answer, once checked against the framework's to the same request."""
    answered = len(fast.answered)
    ours = await answered_both_ways(client, fast, data, headers)
    assert fast.answered[answered:] == [True], "the fast path answers it"
    return ours


async def _token_audit(app: Litestar, who: OAuthTestClient) -> Counter[tuple[str, str, str | None]]:
    async with app.state.database.session() as session:
        rows = await session.execute(
            select(AuditRow.action, AuditRow.outcome, AuditRow.actor_client_id)
            .where(AuditRow.target_id == who.client_id)
            .where(AuditRow.action.startswith("token."))
        )
        return Counter((row.action, row.outcome, row.actor_client_id) for row in rows)


async def test_the_fast_answer_is_the_frameworks_answer(
    app: Litestar, client: httpx.AsyncClient, fast: FastPath
) -> None:
    who = await make_client(app)
    await _both(client, fast, GRANT, who.basic())
    await _both(client, fast, {**GRANT, "scope": "events:read leads:read"}, who.basic())
    await _both(client, fast, {**GRANT, "client_id": who.client_id, "client_secret": who.secret}, {})
    wrong = await _both(client, fast, GRANT, basic_header(who.client_id, "not-the-secret"))
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"].startswith("Basic")
    unknown = await _both(client, fast, GRANT, basic_header("hkte_nobody", "secret"))
    assert unknown.status_code == 401
    scope = await _both(client, fast, {**GRANT, "scope": "clients:admin"}, who.basic())
    assert scope.json()["error"] == "invalid_scope"
    grant = await _both(client, fast, {"grant_type": "password"}, who.basic())
    assert grant.json()["error"] == "unsupported_grant_type"

    issued, refused = ("token.issued", "success", who.client_id), ("token.refused", "denied", who.client_id)
    assert await _token_audit(app, who) == Counter({issued: 6, refused: 6})
    assert await last_used(app, who.client_id) is not None


async def test_a_spent_token_quota_is_the_same_429_counted_once(
    app: Litestar, client: httpx.AsyncClient, fast: FastPath
) -> None:
    app.state.quotas = SharedQuotas(app.state.database, clock=lambda: (time.time() // 60) * 60 + 20)
    per_address, _ = app.state.token_quotas
    limit = 3
    app.state.token_quotas = (per_address, Quota("token-client", limit, 60))
    who = await make_client(app)
    for _ in range(limit):
        assert (await client.post("/oauth/token", data=GRANT, headers=who.basic())).status_code == 200
    assert fast.answered == [True] * limit
    await _both(client, fast, GRANT, who.basic())
    refused = await client.post("/oauth/token", data=GRANT, headers=who.basic())
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "40"


@pytest.mark.parametrize(
    ("content", "headers", "url"),
    [
        (b"grant_type=client_credentials&grant_type=client_credentials", {}, "/oauth/token"),
        (b"scope=events%3Aread", {}, "/oauth/token"),  # no grant_type
        (b"grant_type=client_credentials&resource=x", {}, "/oauth/token"),  # not TokenRequest's
        (b"grant_type=client_credentials&scope=%C3%A9", {}, "/oauth/token"),  # not ASCII
        (b"grant_type=client_credentials", {"content-type": "application/json"}, "/oauth/token"),
        (b"grant_type=client_credentials", {}, "/oauth/token?scope=events%3Aread"),
    ],
)
async def test_anything_unusual_goes_through_the_framework(
    app: Litestar,
    client: httpx.AsyncClient,
    fast: FastPath,
    content: bytes,
    headers: dict[str, str],
    url: str,
) -> None:
    who = await make_client(app, methods=frozenset({AuthMethod.CLIENT_SECRET_BASIC}))
    sent = {"content-type": "application/x-www-form-urlencoded", **who.basic(), **headers}
    ours = await client.post(url, content=content, headers=sent)
    assert fast.answered in ([], [False])
    fast.enabled = False
    theirs = await client.post(url, content=content, headers=sent)
    assert comparable(ours) == comparable(theirs)
