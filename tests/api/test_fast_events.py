"""`GET /v1/events` filtered by codes, with a cursor and a page size, is answered before the
framework (api/fast_paths.py): each answer must be the framework's to the same request, byte for
byte and header for header, and every other listing, or refusal, the framework's own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from litestar import Litestar

import api.app
import api.routes.events
from tests.api.test_event_renders import VARYING, some_events
from tests.api.test_events import Actors, make_actors
from tests.support.fast_paths import FastPath, spy_on

NOW = datetime.now(UTC)


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return NOW  # the window a first page's cursor carries: the same for both answers


@pytest.fixture
async def actors(app: Litestar, client: httpx.AsyncClient) -> Actors:
    return await make_actors(app, client)


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> FastPath:
    monkeypatch.setattr(api.routes.events, "datetime", _FrozenClock)
    return spy_on(
        monkeypatch,
        api.app,
        "answer_before_framework",
        lambda scope: scope["path"] == "/v1/events" and scope["method"] == "GET",
    )


def _comparable(response: httpx.Response) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
    """All but the request id (in a header, and in a problem's body)."""
    headers = [(k, v) for k, v in response.headers.raw if k.decode() not in VARYING]
    body = response.content.replace(response.headers["x-request-id"].encode(), b"<request id>")
    return response.status_code, body, headers


async def _both_ways(
    client: httpx.AsyncClient, fast: FastPath, url: str, headers: dict[str, str]
) -> httpx.Response:
    """The answer to `url`, checked against the framework's answer to the same request."""
    ours = await client.get(url, headers=headers)
    fast.enabled = False
    try:
        theirs = await client.get(url, headers=headers)
    finally:
        fast.enabled = True
    assert _comparable(ours) == _comparable(theirs), url
    return ours


async def test_plain_listings_are_the_frameworks_answers(
    client: httpx.AsyncClient, actors: Actors, fast: FastPath
) -> None:
    await some_events(client, actors)
    urls = [
        "/v1/events",
        "/v1/events?limit=2",
        "/v1/events?country=GB&sector=financial-services&language=en",
        "/v1/events?sector=financial-services&country=GB&sector=innovation-technology&limit=1",
        "/v1/events?language=zh&language=en&limit=100",
        "/v1/events?city=London&profession=actuaries",
        "/v1/events?country=FR",  # nothing listed
    ]
    for language in ({}, {"Accept-Language": "zh-HK"}, {"Accept-Language": "zh-CN"}):
        headers = {**actors.other, **language}
        for url in urls:
            first = answer = await _both_ways(client, fast, url, headers)
            assert answer.status_code == 200
            while "link" in answer.headers:  # every next page, by its cursor
                answer = await _both_ways(client, fast, answer.links["next"]["url"], headers)
            cached = {**headers, "If-None-Match": first.headers["etag"]}
            assert (await _both_ways(client, fast, url, cached)).status_code == 304
    assert fast.answered
    assert all(fast.answered)


async def test_every_other_listing_reaches_the_framework(
    client: httpx.AsyncClient, actors: Actors, fast: FastPath
) -> None:
    await some_events(client, actors)
    cases = {
        "/v1/events?lang=en": 200,
        "/v1/events?q=roadshow": 200,
        "/v1/events?type=roadshow": 200,
        "/v1/events?from=2026-01-01": 200,
        "/v1/events?city=Hong%20Kong": 200,  # a value to decode
        "/v1/events?city=Hong+Kong": 200,
        "/v1/events?unknown=1": 200,  # ignored, by the framework
        "/v1/events?country": 400,
        "/v1/events?country=": 400,
        "/v1/events?limit=0": 400,
        "/v1/events?limit=101": 400,
        "/v1/events?limit=05": 400,
        "/v1/events?limit=2&limit=3": 200,
        "/v1/events?cursor=a&cursor=b": 400,
        f"/v1/events?cursor={'a' * 201}": 400,
        "/v1/events?" + "&".join(f"country=G{chr(65 + i)}" for i in range(21)): 400,
    }
    for url, status in cases.items():
        answer = await client.get(url, headers=actors.other)
        assert answer.status_code == status, (url, answer.text)
    assert fast.answered == [False] * len(cases)


async def test_refusals_are_the_frameworks(
    app: Litestar, client: httpx.AsyncClient, actors: Actors, fast: FastPath
) -> None:
    from domain.scopes import Scope
    from tests.support.oauth import get_token, make_client

    await some_events(client, actors)
    no_events = await make_client(app, scopes=frozenset({Scope.TALENT_LIST_READ}))
    wrong_scope = {"Authorization": f"Bearer {await get_token(client, no_events)}"}
    cases = [
        ("/v1/events?sector=no-such-sector", actors.other, 400, "sector"),
        ("/v1/events?profession=no-such-profession", actors.other, 400, "profession"),
        ("/v1/events?country=G1", actors.other, 400, "country"),
        ("/v1/events?language=en_GB", actors.other, 400, "language"),
        # found by schemathesis: a word no event's languages can hold listed nothing, as if valid
        ("/v1/events?language=false", actors.other, 400, "language"),
        ("/v1/events?cursor=not-a-cursor", actors.other, 400, "cursor"),
        ("/v1/events?country=GB", {}, 401, "Authentication required"),
        ("/v1/events?country=GB", {"Authorization": "Bearer not.a.token"}, 401, "invalid-token"),
        ("/v1/events?country=GB", wrong_scope, 403, "insufficient-scope"),
    ]
    for url, headers, status, named in cases:
        answer = await _both_ways(client, fast, url, headers)
        assert answer.status_code == status, (url, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
        assert named in answer.text
    # a cursor from other filters is refused too (the fingerprint differs)
    first = await client.get("/v1/events?limit=1", headers=actors.other)
    cursor = first.json()["next_cursor"]
    moved = await _both_ways(client, fast, f"/v1/events?country=GB&limit=1&cursor={cursor}", actors.other)
    assert moved.status_code == 400
    assert "cursor" in moved.text
    assert fast.answered == [False] * len(cases) + [True, False]
