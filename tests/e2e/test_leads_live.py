"""Lead submission against the real server and a committed database: 50 identical requests at
once create exactly one lead, and every answer is the lead, a replay of it, or 'in flight'."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from tests.api.test_leads import lead_body
from tests.e2e.conftest import LiveServer, access_token

pytestmark = pytest.mark.slow


async def test_fifty_concurrent_identical_submissions_create_one_lead(live_server: LiveServer) -> None:
    limits = httpx.Limits(max_connections=50)
    async with httpx.AsyncClient(base_url=live_server.base_url, limits=limits, timeout=30) as http:
        headers = {
            "Authorization": f"Bearer {await access_token(http, live_server)}",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        ref = f"live-{uuid.uuid4()}"
        body = lead_body(
            profession="actuaries",
            external_ref=ref,
            person={**lead_body()["person"], "email": f"{ref}@example.org", "phone": None},
        )
        answers = await asyncio.gather(
            *(http.post("/v1/leads", json=body, headers=headers) for _ in range(50))
        )
        statuses = sorted({a.status_code for a in answers})
        assert set(statuses) <= {201, 409}, [a.text for a in answers if a.status_code not in (201, 409)]
        created = {a.json()["id"] for a in answers if a.status_code == 201}
        assert len(created) == 1
        in_flight = [a for a in answers if a.status_code == 409]
        assert all(a.json()["type"].endswith("/request-in-flight") for a in in_flight)
        assert all(a.headers["retry-after"] for a in in_flight)
        # afterwards the key answers with the same lead, replayed
        replay = await http.post("/v1/leads", json=body, headers=headers)
        assert replay.status_code == 201
        assert replay.headers["idempotent-replayed"] == "true"
        assert {replay.json()["id"]} == created
        listed = await http.get(
            "/v1/leads", headers={"Authorization": headers["Authorization"]}, params={"limit": 100}
        )
        assert [item["id"] for item in listed.json()["items"] if item["external_ref"] == ref] == list(created)
