"""Rate limits over HTTP with real tokens: a client's quota by its tier, the IETF RateLimit fields,
429 problem details with Retry-After, clients counted apart, and the token endpoint's own limits
per client id and per address. The clock is pinned inside one window."""

from __future__ import annotations

import time
from typing import Any

import httpx
import msgspec
import pytest
from litestar import Litestar

from adapters.db.database import Database, PoolSettings
from adapters.oauth.state import AuthState
from adapters.quotas import SharedQuotas
from api.settings import Settings
from domain.clients import RateLimitTier
from domain.quotas import Quota
from domain.scopes import Scope
from tests.support.oauth import OPERATOR, get_token, make_client

MID_WINDOW = (time.time() // 60) * 60 + 20


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return msgspec.structs.replace(
        settings,
        rate_limit_standard_per_minute=12,
        rate_limit_elevated_per_minute=20,
        token_rate_limit_per_client_per_minute=4,
        token_rate_limit_per_address_per_minute=9,
    )


@pytest.fixture
def pinned(app: Litestar) -> None:
    app.state.quotas = SharedQuotas(app.state.database, clock=lambda: MID_WINDOW)


async def test_a_client_gets_its_quota_then_429_with_retry_after(
    app: Litestar, client: httpx.AsyncClient, pinned: None
) -> None:
    reader = await make_client(app, scopes=frozenset({Scope.TALENT_LIST_READ}))
    other = await make_client(app, scopes=frozenset({Scope.TALENT_LIST_READ}))
    headers = {"Authorization": f"Bearer {await get_token(client, reader)}"}
    remaining = []
    for _ in range(12):
        answer = await client.get("/v1/talent-list/editions", headers=headers)
        assert answer.status_code == 200, answer.text
        assert answer.headers["ratelimit-policy"] == '"standard";q=12;w=60'
        remaining.append(answer.headers["ratelimit"])
    assert remaining[0] == '"standard";r=11;t=40'
    assert remaining[-1] == '"standard";r=0;t=40'
    refused = await client.get("/v1/talent-list/editions", headers=headers)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("/rate-limited")
    assert refused.headers["retry-after"] == "40"
    assert refused.headers["ratelimit"] == '"standard";r=0;t=40'
    theirs = {"Authorization": f"Bearer {await get_token(client, other)}"}
    assert (await client.get("/v1/talent-list/editions", headers=theirs)).status_code == 200


async def test_the_tier_admins_set_is_the_quota(
    app: Litestar, client: httpx.AsyncClient, pinned: None
) -> None:
    bulk = await make_client(app, scopes=frozenset({Scope.TALENT_LIST_READ}))
    await app.state.admin.update_client(OPERATOR, bulk.client_id, tier=RateLimitTier.ELEVATED)
    auth: AuthState = app.state.auth
    async with app.state.database.session() as session:
        await auth.refresh(session)
    headers = {"Authorization": f"Bearer {await get_token(client, bulk)}"}
    statuses = [
        (await client.get("/v1/talent-list/editions", headers=headers)).status_code for _ in range(21)
    ]
    assert statuses == [200] * 20 + [429]


async def test_the_token_endpoint_limits_each_client_id_and_each_address(
    app: Litestar, client: httpx.AsyncClient, pinned: None
) -> None:
    first = await make_client(app)
    second = await make_client(app)
    form = {"grant_type": "client_credentials"}
    answers = [
        (await client.post("/oauth/token", data=form, headers=first.basic())).status_code for _ in range(5)
    ]
    assert answers == [200, 200, 200, 200, 429]
    refused = await client.post("/oauth/token", data=form, headers=first.basic())
    assert refused.json()["error"] == "temporarily_unavailable"
    assert int(refused.headers["retry-after"]) == 40
    # the same address: 9 per window in all (5 + 1 above, then 3 more of another client id)
    others = [
        (await client.post("/oauth/token", data=form, headers=second.basic())).status_code for _ in range(4)
    ]
    assert others == [200, 200, 200, 429]


class CountingQuotas(SharedQuotas):
    takes = 0

    async def _take(self, key: str, window: int, quota: Quota, share: Any) -> None:
        type(self).takes += 1
        await super()._take(key, window, quota, share)


async def test_two_processes_sharing_a_quota_admit_exactly_the_limit_with_few_round_trips(
    app: Litestar,
) -> None:
    """Two limiters on one database stand for two API processes."""
    quota = Quota("standard", 1000, 60)
    first, second = (CountingQuotas(app.state.database, clock=lambda: MID_WINDOW) for _ in range(2))
    admitted = 0
    for i in range(1500):
        decision = await (first if i % 2 else second).hit("client:shared", quota)
        admitted += decision.allowed
    assert admitted == 1000
    assert CountingQuotas.takes < 100  # shares of a tenth, shrinking near the end: not one per request


async def test_without_the_database_each_process_still_holds_the_limit_alone() -> None:
    unreachable = Database.connect(
        "postgresql://nobody:nothing@127.0.0.1:1/none", PoolSettings(connect_timeout_s=1)
    )
    limiter = SharedQuotas(unreachable, clock=lambda: MID_WINDOW)
    try:
        started = time.monotonic()
        decisions = [await limiter.hit("client:alone", Quota("standard", 50, 60)) for _ in range(60)]
        elapsed = time.monotonic() - started
    finally:
        await unreachable.dispose()
    assert [d.allowed for d in decisions] == [True] * 50 + [False] * 10
    assert elapsed < 5  # one failed attempt, then no waiting on the database (a bound, not a timing)
