"""Security headers on every answer: successes, errors, refusals, OAuth, the documentation."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from litestar import Litestar, get

from api.app import create_app
from api.settings import Settings
from domain.scopes import PARTNER_SCOPES
from tests.conftest import http_client
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client

ALWAYS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",
}
STRICT = "default-src 'none'; frame-ancestors 'none'"


def assert_secured(response: httpx.Response, *, cache: str | None = "no-store") -> None:
    where = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
    for name, value in ALWAYS.items():
        assert response.headers.get(name) == value, f"{where}: {name}"
    assert response.headers.get_list("x-frame-options") == ["DENY"], where  # once, not twice
    if cache is not None:
        assert response.headers.get("cache-control") == cache, where
    policy = response.headers["content-security-policy"]
    if response.request.url.path.startswith(("/docs", "/static/")):
        assert policy.startswith("default-src 'none'; script-src 'self';"), where
    else:
        assert policy.startswith(STRICT), where
    assert "strict-transport-security" not in response.headers, f"{where}: HSTS over plain http"


@get("/v1/test-explode", include_in_schema=False)
async def explode() -> None:
    raise RuntimeError("boom")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/health/live", 200),
        ("GET", "/health/ready", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/docs", 200),
        ("GET", "/static/swagger-ui/swagger-ui.css", 200),
        ("GET", "/static/swagger-ui/missing.js", 404),
        ("GET", "/.well-known/jwks.json", 200),
        ("GET", "/.well-known/oauth-authorization-server", 200),
        ("GET", "/v1/no-such-thing", 404),
        ("DELETE", "/health/live", 405),
        ("OPTIONS", "/v1/events", 204),
        ("GET", "/v1/talent-list", 401),
        ("GET", "/v1/events?city=a%00b", 400),
        ("GET", "/v1/events?city=" + "x" * 9000, 414),
        ("POST", "/oauth/token", 400),
        ("GET", "/v1/test-explode", 500),
    ],
)
async def test_every_kind_of_answer_carries_the_security_headers(
    app: Litestar, method: str, path: str, status: int
) -> None:
    app.register(explode)
    async with http_client(app, lifespan=False) as client:
        response = await client.request(method, path)
    assert response.status_code == status, response.text
    assert_secured(response)


async def test_oauth_answers_and_oversized_bodies_are_secured(
    app: Litestar, client: httpx.AsyncClient
) -> None:
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    issued = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, headers=partner.basic()
    )
    assert issued.status_code == 200
    assert_secured(issued)
    refused = await client.post("/oauth/token", data={"grant_type": "client_credentials"})
    assert refused.status_code == 401
    assert_secured(refused)
    too_big = await client.post(
        "/oauth/token",
        content=b"grant_type=client_credentials&x=" + b"x" * 1_100_000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert too_big.status_code == 413
    assert_secured(too_big)


async def test_cached_reads_keep_their_own_cache_control(app: Litestar, client: httpx.AsyncClient) -> None:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    token = await get_token(client, await make_client(app, scopes=PARTNER_SCOPES))
    bearer = {"Authorization": f"Bearer {token}"}
    first = await client.get("/v1/talent-list", headers=bearer)
    assert first.status_code == 200
    assert_secured(first, cache="public, max-age=300")
    again = await client.get("/v1/talent-list", headers={**bearer, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert_secured(again, cache="public, max-age=300")
    events = await client.get("/v1/events", headers=bearer)
    assert events.status_code == 200
    assert_secured(events, cache="private, max-age=60")
    leads = await client.get("/v1/leads", headers=bearer)
    assert leads.status_code == 200
    assert leads.headers.get_list("cache-control") == ["no-store"]  # set by the route, not repeated


async def test_hsts_only_when_clients_reach_the_api_over_https(settings: Settings, database: object) -> None:
    secure = create_app(
        Settings(
            **{
                **{f: getattr(settings, f) for f in settings.__struct_fields__},
                "public_base_url": "https://api.example.org",
            }
        ),
        database=database,  # type: ignore[arg-type]
    )
    async with http_client(secure, lifespan=False) as client:
        for path in ("/health/live", "/v1/nothing"):
            response = await client.get(path)
            assert response.headers["strict-transport-security"] == "max-age=31536000"
