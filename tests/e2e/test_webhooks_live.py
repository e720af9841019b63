"""Webhooks end to end: the real server, `hkte worker` processes, and a real HTTP receiver on
loopback that checks every signature with an independent Standard Webhooks implementation.

Retries are fast here (1 s base, 1 s timeouts, a 10.8 s window) so the whole schedule runs in
seconds; the rules are the ones production runs with other numbers."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
import httpx
import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from adapters.db.listen import driver_dsn
from adapters.webhooks.sender import Timeouts, WebhookSender
from adapters.webhooks.targets import NetworkGuard
from api.routes.talent_list_admin import EXAMPLE as EDITION
from tests.api.test_events import event_body
from tests.api.test_leads import lead_body
from tests.e2e.conftest import HKTE, LiveServer, access_token, start_server
from tests.support import leaks
from tests.support.webhook_receiver import Receiver, running_receiver

pytestmark = pytest.mark.slow

FAST_RETRIES = {
    "WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
    "WEBHOOK_RETRY_BASE_SECONDS": "1",
    "WEBHOOK_CONNECT_TIMEOUT_SECONDS": "1",
    "WEBHOOK_READ_TIMEOUT_SECONDS": "1",
    "WEBHOOK_POLL_SECONDS": "0.2",
    "WEBHOOK_RETRY_WINDOW_HOURS": "0.003",  # 10.8 s
}
LEAD_EVENTS = {"lead.status_changed", "lead.consent_withdrawn", "lead.erased"}
ALL_TYPES = [
    *sorted(LEAD_EVENTS),
    "talent_list.edition_published",
    "event.published",
    "event.updated",
    "event.cancelled",
]


@contextmanager
def running_workers(
    server: LiveServer, count: int, *, stop_cleanly: bool = True
) -> Iterator[list[subprocess.Popen[bytes]]]:
    log = tempfile.NamedTemporaryFile(prefix="hkte-worker-", suffix=".log", delete=False)  # noqa: SIM115
    leaks.watch_log_file(log.name)  # the workers' logs are scanned for secrets too
    workers = [
        subprocess.Popen([HKTE, "worker"], env=server.env, stdout=log, stderr=subprocess.STDOUT)
        for _ in range(count)
    ]
    try:
        yield workers
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        codes = [worker.wait(timeout=30) for worker in workers]
        log.close()
    assert codes == [0] * count or not stop_cleanly, f"a worker did not stop cleanly; see {log.name}"


async def listening_workers(server: LiveServer, count: int, timeout_s: float = 30) -> None:
    """Wait until `count` workers listen for new deliveries (each holds one LISTEN connection)."""
    conn = await asyncpg.connect(driver_dsn(server.env["DATABASE_URL"]))
    try:
        deadline = time.monotonic() + timeout_s
        query = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hkte-listen-hkte_webhooks'"
        while await conn.fetchval(query) < count:
            assert time.monotonic() < deadline, f"fewer than {count} workers started"
            await asyncio.sleep(0.1)
    finally:
        await conn.close()


@pytest.fixture(scope="module")
async def server(admin_url: str) -> AsyncIterator[LiveServer]:
    async with start_server(admin_url, "hkte_webhooks", FAST_RETRIES) as live:
        yield live


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    with running_receiver(slow_s=2.5, busy_s=0.2) as found:
        yield found


@pytest.fixture(scope="module")
def worker(server: LiveServer) -> Iterator[subprocess.Popen[bytes]]:
    with running_workers(server, 1) as workers:
        yield workers[0]


class Api:
    def __init__(self, http: httpx.AsyncClient, server: LiveServer) -> None:
        self.http = http
        self.server = server
        self.tokens: dict[str, dict[str, str]] = {}

    async def auth(self, who: str) -> dict[str, str]:
        if who not in self.tokens:
            self.tokens[who] = {"Authorization": f"Bearer {await access_token(self.http, self.server, who)}"}
        return self.tokens[who]

    async def call(self, who: str, method: str, path: str, expect: int = 200, **kwargs: Any) -> Any:
        headers = {**(await self.auth(who)), **kwargs.pop("headers", {})}
        response = await self.http.request(method, path, headers=headers, **kwargs)
        assert response.status_code == expect, response.text
        return response.json() if response.content else None

    async def subscribe(self, who: str, url: str, types: list[str]) -> dict[str, Any]:
        body = {"url": url, "event_types": types}
        created = dict(await self.call(who, "POST", "/v1/webhooks", 201, json=body))
        leaks.register("webhook secret", created["secret"])
        return created

    async def lead(self, who: str = "partner") -> dict[str, Any]:
        ref = f"wh-{uuid.uuid4()}"
        person = {**lead_body()["person"], "email": f"{ref}@example.org", "phone": None}
        body = lead_body(external_ref=ref, person=person)
        return dict(
            await self.call(who, "POST", "/v1/leads", 201, json=body, headers={"Idempotency-Key": ref})
        )

    async def move(self, lead_id: str, status: str = "under_review") -> None:
        body = {"status": status, "reason_code": "screening"}
        await self.call("staff", "POST", f"/v1/leads/{lead_id}/status", json=body)

    async def deliveries(self, who: str, webhook_id: str) -> list[dict[str, Any]]:
        return list((await self.call(who, "GET", f"/v1/webhooks/{webhook_id}/deliveries"))["items"])

    async def settled(
        self, who: str, webhook_id: str, count: int, timeout_s: float = 30
    ) -> list[dict[str, Any]]:
        """The deliveries, once `count` of them are no longer pending."""
        deadline = time.monotonic() + timeout_s
        while True:
            found = await self.deliveries(who, webhook_id)
            if sum(d["state"] != "pending" for d in found) >= count:
                return found
            assert time.monotonic() < deadline, found
            await asyncio.sleep(0.1)


@pytest.fixture
async def api(server: LiveServer, worker: subprocess.Popen[bytes]) -> AsyncIterator[Api]:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        yield Api(http, server)


def verified(secret: str, received: Any) -> dict[str, Any]:
    return dict(Webhook(secret).verify(received.body, received.headers))


async def test_every_event_type_is_delivered_signed_thin_and_only_to_whom_it_concerns(
    api: Api, receiver: Receiver, server: LiveServer
) -> None:
    mine = await api.subscribe("partner", f"{receiver.base_url}/ok/partner", ALL_TYPES)
    public = await api.subscribe("everything", f"{receiver.base_url}/ok/public", ALL_TYPES)
    moved, withdrawn, erased = await api.lead(), await api.lead(), await api.lead()
    await api.move(moved["id"])
    await api.call("partner", "POST", f"/v1/leads/{withdrawn['id']}/consent-withdrawal")
    await api.call("partner", "DELETE", f"/v1/leads/{erased['id']}", 204)
    edition = {**EDITION, "code": "2099", "effective_from": "2099-03-01"}
    await api.call("staff", "POST", "/v1/admin/talent-list/editions", 201, json=edition)
    event = await api.call("staff", "POST", "/v1/events", 201, json=event_body())
    path = f"/v1/events/{event['id']}"
    etag = (await api.http.get(path, headers=await api.auth("staff"))).headers["etag"]
    changed = await api.http.patch(
        path, json={"capacity": 300}, headers={**(await api.auth("staff")), "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    cancelled = await api.http.post(
        f"{path}/cancel", headers={**(await api.auth("staff")), "If-Match": changed.headers["etag"]}
    )
    assert cancelled.status_code == 200, cancelled.text

    to_partner = receiver.wait_for("/ok/partner", 7)
    to_public = receiver.wait_for("/ok/public", 4)
    await asyncio.sleep(1)  # nothing else arrives: lead events are the partner's alone
    assert len(receiver.of("/ok/public")) == 4
    assert len(receiver.of("/ok/partner")) == 7
    bodies = {r.json["type"]: verified(mine["secret"], r) for r in to_partner}
    assert set(bodies) == set(ALL_TYPES)
    assert {verified(public["secret"], r)["type"] for r in to_public} == set(ALL_TYPES) - LEAD_EVENTS
    status_changed = bodies["lead.status_changed"]
    assert status_changed["data"] == {
        "resource": "lead",
        "id": moved["id"],
        "url": f"{server.base_url}/v1/leads/{moved['id']}",
        "status": "under_review",
    }
    assert bodies["lead.consent_withdrawn"]["data"]["status"] == "withdrawn"
    assert bodies["lead.erased"]["data"]["id"] == erased["id"]
    assert bodies["talent_list.edition_published"]["data"]["url"].endswith("/v1/talent-list/editions/2099")
    assert bodies["event.cancelled"]["data"]["status"] == "cancelled"
    assert {bodies[t]["data"]["id"] for t in ("event.published", "event.updated")} == {event["id"]}
    for r in to_partner:
        assert r.headers["webhook-id"] == r.json["id"]
        for lead in (moved, withdrawn, erased):  # thin: never personal data
            assert lead["person"]["email"].encode() not in r.body
        assert b"Chan" not in r.body
        assert b"Mei" not in r.body
    delivered = await api.settled("partner", mine["id"], 7)
    assert {d["state"] for d in delivered} == {"succeeded"}
    assert [[(a["status_code"], a["error"]) for a in d["attempts"]] for d in delivered] == [[(204, None)]] * 7


async def test_retries_back_off_after_500s_and_timeouts_and_give_up_after_the_window(
    api: Api, receiver: Receiver
) -> None:
    flaky = await api.subscribe("partner", f"{receiver.base_url}/flaky/retry", ["lead.status_changed"])
    slow = await api.subscribe("partner", f"{receiver.base_url}/slow/retry", ["lead.status_changed"])
    down = await api.subscribe("partner", f"{receiver.base_url}/down/retry", ["lead.status_changed"])
    await api.move((await api.lead())["id"])

    arrivals = [r.at for r in receiver.wait_for("/flaky/retry", 3)]
    first_gap, second_gap = arrivals[1] - arrivals[0], arrivals[2] - arrivals[1]
    assert second_gap > first_gap  # the delay doubles (1 s, then 2 s; ±20 % jitter)
    [flaky_delivery] = await api.settled("partner", flaky["id"], 1)
    assert flaky_delivery["state"] == "succeeded"
    assert [a["status_code"] for a in flaky_delivery["attempts"]] == [500, 500, 200]

    [slow_delivery] = await api.settled("partner", slow["id"], 1)
    assert slow_delivery["state"] == "succeeded"
    assert [(a["status_code"], a["error"]) for a in slow_delivery["attempts"]] == [
        (None, "timeout"),
        (None, "timeout"),
        (200, None),
    ]
    assert all(a["duration_ms"] < 2500 for a in slow_delivery["attempts"][:2])  # cut at the read timeout

    [down_delivery] = await api.settled("partner", down["id"], 1)
    assert down_delivery["state"] == "failed"
    assert down_delivery["next_attempt_at"] is None
    assert len(down_delivery["attempts"]) >= 3
    assert {a["status_code"] for a in down_delivery["attempts"]} == {500}


async def test_410_gone_disables_the_subscription(api: Api, receiver: Receiver) -> None:
    gone = await api.subscribe("partner", f"{receiver.base_url}/gone/x", ["lead.status_changed"])
    await api.move((await api.lead())["id"])
    receiver.wait_for("/gone/x", 1)
    [delivery] = await api.settled("partner", gone["id"], 1)
    assert delivery["state"] == "failed"
    assert [a["status_code"] for a in delivery["attempts"]] == [410]
    now = await api.call("partner", "GET", f"/v1/webhooks/{gone['id']}")
    assert now["active"] is False
    assert "410" in now["disabled_reason"]
    await api.move((await api.lead())["id"])
    await asyncio.sleep(1)
    assert len(receiver.of("/gone/x")) == 1
    assert len(await api.deliveries("partner", gone["id"])) == 1


async def test_a_rotated_secret_signs_beside_the_new_one_during_the_grace(
    api: Api, receiver: Receiver
) -> None:
    hook = await api.subscribe("partner", f"{receiver.base_url}/ok/rotation", ["lead.erased"])
    rotate = f"/v1/webhooks/{hook['id']}/secret/rotate"
    new = (await api.call("partner", "POST", rotate, json={}))["secret"]
    leaks.register("webhook secret", new)
    await api.call("partner", "POST", f"/v1/webhooks/{hook['id']}/test", 202)
    [during] = receiver.wait_for("/ok/rotation", 1)
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    assert verified(hook["secret"], during)["type"] == "webhook.test"  # receivers not yet switched
    assert verified(new, during)["type"] == "webhook.test"  # receivers already switched
    newest = (await api.call("partner", "POST", rotate, json={"grace_period_seconds": 0}))["secret"]
    leaks.register("webhook secret", newest)
    await api.call("partner", "POST", f"/v1/webhooks/{hook['id']}/test", 202)
    after = receiver.wait_for("/ok/rotation", 2)[1]
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    assert verified(newest, after)["type"] == "webhook.test"
    for stale in (hook["secret"], new):
        with pytest.raises(WebhookVerificationError):
            verified(stale, after)


async def test_the_test_event_and_redelivery_of_the_same_event(
    api: Api, receiver: Receiver, server: LiveServer
) -> None:
    hook = await api.subscribe("partner", f"{receiver.base_url}/ok/again", ["lead.erased"])
    queued = await api.call("partner", "POST", f"/v1/webhooks/{hook['id']}/test", 202)
    [first] = receiver.wait_for("/ok/again", 1)
    body = verified(hook["secret"], first)
    assert body["type"] == "webhook.test"
    assert body["data"] == {
        "resource": "webhook",
        "id": hook["id"],
        "url": f"{server.base_url}/v1/webhooks/{hook['id']}",
        "status": None,
    }
    await api.settled("partner", hook["id"], 1)
    again = await api.call(
        "partner", "POST", f"/v1/webhooks/{hook['id']}/deliveries/{queued['id']}/redeliver", 202
    )
    assert again["event_id"] == queued["event_id"]
    second = receiver.wait_for("/ok/again", 2)[1]
    assert second.headers["webhook-id"] == first.headers["webhook-id"]  # the same event, again
    assert second.body == first.body
    listed = await api.settled("partner", hook["id"], 2)
    assert [d["id"] for d in listed] == [again["id"], queued["id"]]  # newest first


async def test_delivery_checks_the_address_again(receiver: Receiver) -> None:
    """A subscription accepted earlier (or a name re-pointed since) is checked before each send:
    without the loopback exemption nothing leaves for 127.0.0.1."""
    sender = WebhookSender(NetworkGuard(()), Timeouts(1, 1))
    try:
        result = await sender.send(f"{receiver.base_url}/ok/ssrf", {}, b"{}")
        by_name = await sender.send(
            receiver.base_url.replace("127.0.0.1", "localhost") + "/ok/ssrf", {}, b"{}"
        )
    finally:
        await sender.close()
    assert result.status_code is None
    assert result.error is not None
    assert result.error.startswith("refused")
    assert by_name.error is not None
    assert by_name.error.startswith("refused")
    assert receiver.of("/ok/ssrf") == []


async def _feed(api: Api, who: str, cursor: str | None, limit: int = 3) -> tuple[list[dict[str, Any]], str]:
    params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
    page = await api.call(who, "GET", "/v1/changes", params=params)
    return list(page["items"]), str(page["next_cursor"])


async def _drain(api: Api, who: str, cursor: str | None) -> tuple[list[dict[str, Any]], str]:
    items: list[dict[str, Any]] = []
    while True:
        page, next_cursor = await _feed(api, who, cursor)
        items += page
        if not page:
            return items, next_cursor
        cursor = next_cursor


async def test_the_change_feed_pages_without_gaps_and_never_skips_a_late_commit(
    api: Api, receiver: Receiver, server: LiveServer
) -> None:
    await api.subscribe("partner", f"{receiver.base_url}/ok/feed", ALL_TYPES)
    _, cursor = await _drain(api, "partner", None)
    leads = [await api.lead() for _ in range(4)]
    await asyncio.gather(*(api.move(lead["id"]) for lead in leads))
    theirs = await api.lead("everything")  # another organisation's lead: not in our feed
    await api.move(theirs["id"])
    items, cursor = await _drain(api, "partner", cursor)
    assert sorted(i["data"]["id"] for i in items) == sorted(lead["id"] for lead in leads)
    assert len({i["id"] for i in items}) == len(items)
    hooked = {r.headers["webhook-id"] for r in receiver.wait_for("/ok/feed", 4)}
    assert {i["id"] for i in items} == hooked  # the same events as the webhooks

    # A transaction that wrote first but commits last must not be skipped by a cursor that moved
    # past a later writer's event.
    dsn = driver_dsn(server.env["DATABASE_URL"])
    early, late = await asyncpg.connect(dsn), await asyncpg.connect(dsn)
    insert = (
        "INSERT INTO change_events (id, type, resource, resource_id) "
        "VALUES ($1, 'event.updated', 'event', $2) RETURNING id"
    )
    try:
        early_tx = early.transaction()
        await early_tx.start()
        first = await early.fetchval(insert, uuid.uuid4(), "early")
        async with late.transaction():
            second = await late.fetchval(insert, uuid.uuid4(), "late")
        meanwhile, cursor = await _drain(api, "partner", cursor)
        assert meanwhile == []  # the late event waits behind the open transaction
        await early_tx.commit()
    finally:
        await early.close()
        await late.close()
    items, cursor = await _drain(api, "partner", cursor)
    assert [i["id"] for i in items] == [str(first), str(second)]
    assert (await _drain(api, "partner", cursor))[0] == []
    bad = await api.http.get(
        "/v1/changes", params={"cursor": "not-a-cursor"}, headers=await api.auth("partner")
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "cursor"


async def test_two_workers_share_the_queue_without_delivering_an_event_twice_at_once(
    api: Api, receiver: Receiver, server: LiveServer
) -> None:
    hook = await api.subscribe("partner", f"{receiver.base_url}/busy/pair", ["lead.erased"])
    with running_workers(server, 1):  # beside the module's worker
        await listening_workers(server, 2)
        await asyncio.gather(
            *(api.call("partner", "POST", f"/v1/webhooks/{hook['id']}/test", 202) for _ in range(40))
        )
        arrived = receiver.wait_for("/busy/pair", 40)
        await api.settled("partner", hook["id"], 40)
    await asyncio.sleep(0.5)
    assert len(receiver.of("/busy/pair")) == 40
    assert len({r.webhook_id for r in arrived}) == 40  # each event exactly once
    assert receiver.overlaps == 0
    dsn = driver_dsn(server.env["DATABASE_URL"])
    conn = await asyncpg.connect(dsn)
    try:
        workers = await conn.fetch(
            "SELECT DISTINCT a.worker FROM webhook_attempts a "
            "JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.subscription_id = $1",
            uuid.UUID(hook["id"]),
        )
    finally:
        await conn.close()
    assert len(workers) == 2  # both took a share
