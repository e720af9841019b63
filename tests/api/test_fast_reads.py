"""`GET /v1/talent-list` is answered before the framework when the request is the plain,
authorised read: the answer must be the framework's, byte for byte and header for header, and
everything else must still reach the framework (401, 403, 429, queries)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx
import msgspec
import pytest
from litestar import Litestar

import api.app
from adapters.quotas import SharedQuotas
from api.settings import Settings
from domain.scopes import Scope
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client

VARYING = {"x-request-id", "ratelimit"}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return msgspec.structs.replace(settings, rate_limit_standard_per_minute=12)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the fast path answered each request."""
    answers: list[bool] = []
    real: Callable[..., Awaitable[bool]] = api.app.talent_list_in_force

    async def spy(state: Any, scope: dict[str, Any], send: Any) -> bool:
        answered = await real(state, scope, send)
        if scope["path"] == "/v1/talent-list":
            answers.append(answered)
        return answered

    monkeypatch.setattr(api.app, "talent_list_in_force", spy)
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
