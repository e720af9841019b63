"""CORS: closed by default; open to exactly the origins CORS_ALLOWED_ORIGINS names."""

from __future__ import annotations

import httpx
import msgspec
import pytest
from litestar import Litestar

from adapters.db.database import Database
from api.app import create_app, load_auth_state
from api.settings import Settings, SettingsError
from domain.scopes import PARTNER_SCOPES
from tests.conftest import http_client
from tests.support.oauth import get_token, make_client

ALLOWED = "https://crm.partner.example"
OTHER = "https://evil.example"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
}


@pytest.fixture
async def cors_app(settings: Settings, database: Database) -> Litestar:
    changed = msgspec.structs.replace(
        settings, cors_allowed_origins=f"{ALLOWED}, https://other.partner.example:8443"
    )
    application = create_app(changed, database=database)
    await load_auth_state(application)
    return application


def cors_headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("access-control-")}


async def test_without_the_setting_no_answer_carries_cors_headers(client: httpx.AsyncClient) -> None:
    preflight = await client.options("/v1/leads", headers={"Origin": ALLOWED, **PREFLIGHT})
    simple = await client.get("/health/live", headers={"Origin": ALLOWED})
    for response in (preflight, simple):
        assert cors_headers(response) == {}
        assert "origin" not in response.headers.get("vary", "").lower()


async def test_a_preflight_from_an_allowed_origin_is_answered(cors_app: Litestar) -> None:
    async with http_client(cors_app, lifespan=False) as client:
        response = await client.options("/v1/leads", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ALLOWED
    methods = {m.strip() for m in response.headers["access-control-allow-methods"].split(",")}
    assert {"GET", "POST", "PATCH", "DELETE"} <= methods
    allowed = {h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"authorization", "content-type", "idempotency-key", "if-match", "if-none-match"} <= allowed
    assert int(response.headers["access-control-max-age"]) > 0
    assert "access-control-allow-credentials" not in response.headers
    assert response.headers["vary"] == "Origin"
    assert response.headers["x-content-type-options"] == "nosniff"  # secured like any answer


async def test_answers_to_an_allowed_origin_expose_the_headers_clients_read(
    cors_app: Litestar, connection: object
) -> None:
    async with http_client(cors_app, lifespan=False) as client:
        partner = await make_client(cors_app, scopes=PARTNER_SCOPES)
        token = await get_token(client, partner)
        response = await client.get(
            "/v1/talent-list", headers={"Origin": ALLOWED, "Authorization": f"Bearer {token}"}
        )
        missing = await client.get("/v1/nothing", headers={"Origin": ALLOWED})
    for answer in (response, missing):
        assert answer.headers["access-control-allow-origin"] == ALLOWED
        exposed = {h.strip() for h in answer.headers["access-control-expose-headers"].split(",")}
        assert {
            "ETag",
            "Location",
            "Link",
            "RateLimit",
            "Retry-After",
            "X-Request-ID",
            "Idempotent-Replayed",
        } <= exposed
    vary = [v.strip() for v in response.headers["vary"].split(",")]
    assert "Origin" in vary


async def test_another_origin_gets_no_cors_headers(cors_app: Litestar) -> None:
    async with http_client(cors_app, lifespan=False) as client:
        preflight = await client.options("/v1/leads", headers={"Origin": OTHER, **PREFLIGHT})
        simple = await client.get("/health/live", headers={"Origin": OTHER})
        lookalike = await client.get("/health/live", headers={"Origin": ALLOWED + ".evil.example"})
        no_origin = await client.get("/health/live")
    assert preflight.status_code == 204  # the route's own OPTIONS answer: Allow, nothing for CORS
    assert "allow" in preflight.headers
    for response in (preflight, simple, lookalike, no_origin):
        assert cors_headers(response) == {}, response.headers
        assert "Origin" in response.headers["vary"]  # caches must not serve one origin's answer to another


def test_the_setting_takes_exact_origins_only() -> None:
    settings = Settings.from_env({"CORS_ALLOWED_ORIGINS": "https://a.example, http://localhost:3000/"})
    assert settings.cors_origins == ("https://a.example", "http://localhost:3000")
    assert Settings.from_env({}).cors_origins == ()
    for bad in ("*", "https://*.example", "null", "https://a.example/path", "a.example", "ftp://a.example"):
        with pytest.raises(SettingsError, match=r"(?i)cors_allowed_origins"):
            Settings.from_env({"CORS_ALLOWED_ORIGINS": bad})
