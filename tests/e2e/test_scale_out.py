"""Scale-out, as docker-compose runs it: two API processes and two webhook workers against one
PostgreSQL. A client's rate limit holds across both processes, a revocation made through one
reaches the other, and events created through either are delivered once each, never twice at
once."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest

from adapters.db.listen import driver_dsn
from tests.e2e.conftest import HKTE, LiveServer, access_token, free_port, start_server
from tests.e2e.test_webhooks_live import listening_workers, running_workers
from tests.support import leaks
from tests.support.webhook_receiver import running_receiver

pytestmark = pytest.mark.slow

LIMIT = 40


@pytest.fixture(scope="module")
async def first(admin_url: str) -> AsyncIterator[LiveServer]:
    env = {
        "RATE_LIMIT_STANDARD_PER_MINUTE": str(LIMIT),
        "AUTH_REFRESH_SECONDS": "1",
        "WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
        "WEBHOOK_POLL_SECONDS": "0.2",
    }
    async with start_server(admin_url, "hkte_scale", env) as server:
        yield server


@pytest.fixture(scope="module")
async def second(first: LiveServer) -> AsyncIterator[str]:
    """Another API process on the same database (another port, as another machine would be)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="hkte-second-", suffix=".log", delete=False)  # noqa: SIM115
    leaks.watch_log_file(log.name)
    env = {**first.env, "PORT": str(port)}
    process = subprocess.Popen(
        [HKTE, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(timeout=2) as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if (await http.get(f"{base}/health/ready")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert process.poll() is None, f"the second process stopped; see {log.name}"
                assert time.monotonic() < deadline, f"the second process did not start; see {log.name}"
                await asyncio.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


async def _inside_one_window() -> None:
    """Start with most of a minute ahead, so the quota window cannot end mid-test."""
    second_of_minute = dt.datetime.now(dt.UTC).second
    if second_of_minute > 40:
        await asyncio.sleep(61 - second_of_minute)


async def test_a_rate_limit_holds_across_two_api_processes(first: LiveServer, second: str) -> None:
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=16)) as http:
        await _inside_one_window()
        headers = {"Authorization": f"Bearer {await access_token(http, first)}"}
        bases = [first.base_url, second] * LIMIT  # twice the quota, half through each process
        answers = await asyncio.gather(
            *(http.get(f"{base}/v1/talent-list/editions", headers=headers) for base in bases)
        )
    by_process = {
        base: sorted(a.status_code for a, b in zip(answers, bases, strict=True) if b == base)
        for base in (first.base_url, second)
    }
    accepted = sum(a.status_code == 200 for a in answers)
    print(f"\nscale-out: {len(answers)} requests through 2 processes, quota {LIMIT}: {accepted} accepted")
    assert {a.status_code for a in answers} == {200, 429}
    assert accepted == LIMIT  # not per process: 40 in all
    assert all(429 in statuses and 200 in statuses for statuses in by_process.values())


async def test_a_token_revoked_through_one_process_is_refused_by_the_other(
    first: LiveServer, second: str
) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        token = await access_token(http, first, "staff")
        headers = {"Authorization": f"Bearer {token}"}
        assert (await http.get(f"{second}/v1/events", headers=headers)).status_code == 200
        creds = first.staff
        revoked = await http.post(
            f"{first.base_url}/oauth/revoke",
            data={"token": token},
            auth=(creds.client_id, creds.client_secret),
        )
        assert revoked.status_code == 200
        deadline = time.monotonic() + 10  # AUTH_REFRESH_SECONDS is 1 here
        while (status := (await http.get(f"{second}/v1/events", headers=headers)).status_code) == 200:
            assert time.monotonic() < deadline, "the other process still accepts the revoked token"
            await asyncio.sleep(0.2)
        assert status == 401


async def test_two_workers_deliver_events_made_through_both_processes_once_each(
    first: LiveServer, second: str
) -> None:
    with running_receiver(busy_s=0.1) as receiver, running_workers(first, 2):
        await listening_workers(first, 2)
        async with httpx.AsyncClient(timeout=30) as http:
            headers = {"Authorization": f"Bearer {await access_token(http, first, 'everything')}"}
            created = await http.post(
                f"{first.base_url}/v1/webhooks",
                json={"url": f"{receiver.base_url}/busy/scale", "event_types": ["lead.erased"]},
                headers=headers,
            )
            assert created.status_code == 201, created.text
            leaks.register("webhook secret", created.json()["secret"])
            hook = created.json()["id"]
            sent = await asyncio.gather(
                *(
                    http.post(f"{base}/v1/webhooks/{hook}/test", headers=headers)
                    for base in [first.base_url, second] * 15
                )
            )
            assert {s.status_code for s in sent} == {202}
            arrived = receiver.wait_for("/busy/scale", 30)
            await asyncio.sleep(1)
    delivered = len(receiver.of("/busy/scale"))
    print(f"\nscale-out: 30 events, 2 workers: {delivered} deliveries, {receiver.overlaps} overlaps")
    assert len(receiver.of("/busy/scale")) == 30
    assert len({r.webhook_id for r in arrived}) == 30
    assert receiver.overlaps == 0
    conn = await asyncpg.connect(driver_dsn(first.env["DATABASE_URL"]))
    try:
        workers = await conn.fetchval(
            "SELECT count(DISTINCT a.worker) FROM webhook_attempts a "
            "JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.subscription_id = $1",
            uuid.UUID(hook),
        )
    finally:
        await conn.close()
    assert workers == 2  # both took a share
