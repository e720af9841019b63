"""The live server answers real HTTP with real tokens (what the SDK tests build on)."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import LiveServer

pytestmark = pytest.mark.slow


async def test_live_server_issues_tokens_and_serves_the_talent_list(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=live_server.base_url) as http:
        token = await http.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(live_server.partner.client_id, live_server.partner.client_secret),
        )
        assert token.status_code == 200, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}", "Accept-Language": "zh-HK"}
        current = await http.get("/v1/talent-list", headers=headers)
        assert current.json()["code"] == "2025"
        events = await http.get("/v1/events", params={"limit": 5}, headers=headers)
        assert len(events.json()["items"]) == 5
        assert events.json()["next_cursor"]


async def test_granian_bounds_the_header_block_and_the_app_the_rest(live_server: LiveServer) -> None:
    """What never reaches the app is refused by the HTTP server (431), and the server goes on."""
    async with httpx.AsyncClient(base_url=live_server.base_url) as http:
        huge = await http.get("/health/live", headers={"X-Padding": "x" * 70_000})
        assert huge.status_code == 431
        many = await http.get("/health/live", headers=[(f"x-h{i}", "1") for i in range(120)])
        assert many.status_code == 431
        long_url = await http.get("/v1/events", params={"q": "x", "pad": "x" * 9000})
        assert long_url.status_code == 414
        assert long_url.headers["content-type"] == "application/problem+json"
        live = await http.get("/health/live")
        assert live.status_code == 200
        assert live.headers["x-content-type-options"] == "nosniff"
        assert live.headers["content-security-policy"].startswith("default-src 'none'")
