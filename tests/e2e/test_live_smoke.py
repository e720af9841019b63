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
