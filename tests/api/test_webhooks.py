"""Webhook subscriptions over HTTP with real tokens: the partner's own only, secrets shown once,
SSRF refusals, If-Match, limits; and the outbox: a change writes its event and deliveries in its
own transaction, to the partners allowed to hear of it, and a rolled-back change writes none."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import func, select, update

from adapters.db.catalog_uow import SqlCatalogUnitOfWork
from adapters.db.database import Database
from adapters.db.leads_uow import SqlLeadsUnitOfWork
from adapters.db.webhook_tables import (
    AttemptRow,
    ChangeEventRow,
    ChangeFeedHorizonRow,
    DeliveryRow,
    SubscriptionRow,
)
from adapters.webhooks.queue import DeliveryQueue
from adapters.webhooks.sender import Timeouts
from adapters.webhooks.worker import DeliveryWorker, WorkerSettings
from domain.audit import Actor
from domain.lead_intake import LeadIntake
from domain.leads import LeadStatus
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES, Scope
from domain.talent_list_publishing import publish_edition
from domain.webhooks import Attempt, DeliveryState
from tests.api.test_leads import lead_body, submit
from tests.support import leaks
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client, make_partner

PUBLIC = "https://93.184.215.14/hkte/webhooks"  # a public address: nothing is sent in these tests
ALL_TYPES = [
    "lead.status_changed",
    "lead.consent_withdrawn",
    "lead.erased",
    "talent_list.edition_published",
    "event.published",
    "event.updated",
    "event.cancelled",
]


@dataclass
class Callers:
    partner: dict[str, str]
    other: dict[str, str]
    staff: dict[str, str]
    reader: dict[str, str]  # a partner client without webhooks:manage


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def callers(app: Litestar, client: httpx.AsyncClient) -> Callers:
    await publish_editions(app, small_edition("2020", date(2020, 1, 1)))
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    other = await make_client(app, scopes=PARTNER_SCOPES)
    reader = await make_client(app, scopes=frozenset({Scope.LEADS_READ}))
    hkte = await make_partner(app, PartnerType.HKTE)
    staff_scopes = frozenset({Scope.LEADS_READ, Scope.LEADS_REVIEW, Scope.TALENT_LIST_WRITE})
    staff = await make_client(app, partner=hkte, scopes=staff_scopes)
    return Callers(
        partner=_bearer(await get_token(client, partner)),
        other=_bearer(await get_token(client, other)),
        staff=_bearer(await get_token(client, staff)),
        reader=_bearer(await get_token(client, reader)),
    )


async def subscribe(client: httpx.AsyncClient, headers: dict[str, str], **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"url": PUBLIC, "event_types": ALL_TYPES, "description": "CRM sync"}
    body.update(changes)
    response = await client.post("/v1/webhooks", json=body, headers=headers)
    assert response.status_code == 201, response.text
    leaks.register("webhook secret", response.json()["secret"])
    return dict(response.json())


async def test_subscribe_secret_once_and_only_the_partner_sees_it(
    client: httpx.AsyncClient, callers: Callers
) -> None:
    created = await subscribe(client, callers.partner)
    assert created["secret"].startswith("whsec_")
    assert created["active"] is True
    assert created["event_types"] == ALL_TYPES
    path = f"/v1/webhooks/{created['id']}"
    got = await client.get(path, headers=callers.partner)
    assert got.status_code == 200
    assert "secret" not in got.json()
    assert got.headers["etag"] == '"webhook-1"'
    listed = (await client.get("/v1/webhooks", headers=callers.partner)).json()["items"]
    assert [w["id"] for w in listed] == [created["id"]]
    assert (await client.get("/v1/webhooks", headers=callers.other)).json()["items"] == []
    for method, suffix in [("GET", ""), ("DELETE", ""), ("GET", "/deliveries"), ("POST", "/test")]:
        response = await client.request(method, path + suffix, headers=callers.other)
        assert response.status_code == 404, (method, suffix)
    refused = await client.get("/v1/webhooks", headers=callers.reader)
    assert refused.status_code == 403
    assert (await client.delete(path, headers=callers.partner)).status_code == 204
    assert (await client.get(path, headers=callers.partner)).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[fd00::1]/hook",
        "https://224.0.0.1/hook",
        "http://93.184.215.14/hook",
        "ftp://93.184.215.14/hook",
        "https://user:pw@93.184.215.14/hook",
        "https://93.184.215.14/hook#part",
        "https:///nohost",
    ],
)
async def test_unsafe_urls_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, callers: Callers, url: str
) -> None:
    response = await client.post(
        "/v1/webhooks", json={"url": url, "event_types": ["lead.status_changed"]}, headers=callers.partner
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == ["url"]
    assert (await client.get("/v1/webhooks", headers=callers.partner)).json()["items"] == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"event_types": []}, "event_types"),
        ({"event_types": ["lead.created"]}, "event_types"),
        ({"event_types": ["webhook.test"]}, "event_types"),
        ({"description": "x" * 501}, "description"),
        ({"url": "https://93.184.215.14/" + "a" * 2048}, "url"),
        ({"secret": "mine"}, "secret"),
    ],
)
async def test_bad_bodies_name_the_field(
    client: httpx.AsyncClient, callers: Callers, changes: dict[str, Any], field: str
) -> None:
    body = {"url": PUBLIC, "event_types": ["lead.status_changed"], **changes}
    response = await client.post("/v1/webhooks", json=body, headers=callers.partner)
    assert response.status_code in (400, 422), response.text
    assert [e["field"].split("[")[0] for e in response.json()["errors"]] == [field]


async def test_at_most_ten_subscriptions(client: httpx.AsyncClient, callers: Callers) -> None:
    for _ in range(10):
        await subscribe(client, callers.partner)
    eleventh = await client.post(
        "/v1/webhooks", json={"url": PUBLIC, "event_types": ALL_TYPES}, headers=callers.partner
    )
    assert eleventh.status_code == 409
    assert eleventh.json()["type"].endswith("/subscription-limit")
    assert len((await client.get("/v1/webhooks", headers=callers.partner)).json()["items"]) == 10


async def test_changes_need_the_current_etag(client: httpx.AsyncClient, callers: Callers) -> None:
    created = await subscribe(client, callers.partner)
    path = f"/v1/webhooks/{created['id']}"
    without = await client.patch(path, json={"active": False}, headers=callers.partner)
    assert without.status_code == 428
    stale = await client.patch(
        path, json={"active": False}, headers={**callers.partner, "If-Match": '"webhook-9"'}
    )
    assert stale.status_code == 412
    changed = await client.patch(
        path,
        json={"active": False, "description": None, "event_types": ["lead.erased"]},
        headers={**callers.partner, "If-Match": '"webhook-1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["active"] is False
    assert changed.json()["description"] is None
    assert changed.json()["event_types"] == ["lead.erased"]
    assert changed.headers["etag"] == '"webhook-2"'
    unsafe = await client.patch(
        path, json={"url": "https://10.0.0.1/x"}, headers={**callers.partner, "If-Match": '"webhook-2"'}
    )
    assert unsafe.status_code == 422


async def test_rotation_shows_a_new_secret_and_keeps_the_old_one_for_the_grace(
    client: httpx.AsyncClient, callers: Callers, database: Database
) -> None:
    created = await subscribe(client, callers.partner)
    path = f"/v1/webhooks/{created['id']}/secret/rotate"
    rotated = await client.post(path, json={}, headers=callers.partner)
    assert rotated.status_code == 200, rotated.text
    body = rotated.json()
    assert body["secret"].startswith("whsec_")
    assert body["secret"] != created["secret"]
    until = datetime.fromisoformat(body["previous_secret_expires_at"])
    assert timedelta(hours=23) < until - datetime.now(UTC) <= timedelta(hours=24)
    at_once = await client.post(path, json={"grace_period_seconds": 0}, headers=callers.partner)
    assert datetime.fromisoformat(at_once.json()["previous_secret_expires_at"]) <= datetime.now(UTC)
    async with database.session() as session:
        row = await session.scalar(
            select(SubscriptionRow).where(SubscriptionRow.id == uuid.UUID(created["id"]))
        )
    assert row is not None
    raw = base64.b64decode(created["secret"].removeprefix("whsec_"))
    assert len(raw) == 32
    assert raw not in row.secret_sealed  # sealed at rest
    too_long = await client.post(path, json={"grace_period_seconds": 604_801}, headers=callers.partner)
    assert too_long.status_code in (400, 422)


async def _deliveries_of(database: Database, subscription_id: str) -> list[tuple[str, str]]:
    async with database.session() as session:
        rows = await session.execute(
            select(ChangeEventRow.type, DeliveryRow.state)
            .join(ChangeEventRow, ChangeEventRow.id == DeliveryRow.change_id)
            .where(DeliveryRow.subscription_id == uuid.UUID(subscription_id))
            .order_by(ChangeEventRow.position)
        )
        return [(r[0], r[1]) for r in rows]


async def test_a_change_queues_deliveries_only_for_partners_allowed_to_hear_it(
    client: httpx.AsyncClient, callers: Callers, database: Database
) -> None:
    mine = await subscribe(client, callers.partner)
    theirs = await subscribe(client, callers.other)
    only_erasures = await subscribe(client, callers.partner, event_types=["lead.erased"])
    lead = (await submit(client, callers.partner, lead_body())).json()
    moved = await client.post(
        f"/v1/leads/{lead['id']}/status",
        json={"status": "under_review", "reason_code": "screening"},
        headers=callers.staff,
    )
    assert moved.status_code == 200, moved.text
    assert await _deliveries_of(database, mine["id"]) == [("lead.status_changed", "pending")]
    assert await _deliveries_of(database, theirs["id"]) == []  # another partner's lead
    assert await _deliveries_of(database, only_erasures["id"]) == []
    erased = await client.delete(f"/v1/leads/{lead['id']}", headers=callers.partner)
    assert erased.status_code == 204
    assert await _deliveries_of(database, only_erasures["id"]) == [("lead.erased", "pending")]
    edition = small_edition("2031", date(2031, 1, 1))
    await publish_edition(lambda: SqlCatalogUnitOfWork(database.sessions), edition, Actor.operator("t"))
    published = ("talent_list.edition_published", "pending")
    assert (await _deliveries_of(database, theirs["id"])) == [published]  # public: every partner hears it
    assert (await _deliveries_of(database, mine["id"]))[-1] == published
    async with database.session() as session:
        change = await session.scalar(
            select(ChangeEventRow).where(ChangeEventRow.type == "lead.status_changed")
        )
    assert change is not None
    assert (change.resource, change.resource_id, change.status) == ("lead", lead["id"], "under_review")


async def test_a_rolled_back_change_leaves_no_event(
    client: httpx.AsyncClient, callers: Callers, database: Database
) -> None:
    await subscribe(client, callers.partner)
    lead = (await submit(client, callers.partner, lead_body())).json()

    class CommitFails(SqlLeadsUnitOfWork):
        async def commit(self) -> None:
            raise ConnectionResetError("the database went away at commit")

    intake = LeadIntake(lambda atomic=True: CommitFails(database, atomic=atomic))
    with pytest.raises(ConnectionResetError):
        await intake.change_status(
            Actor("staff", None), uuid.UUID(lead["id"]), LeadStatus.UNDER_REVIEW, "screening", None
        )
    async with database.session() as session:
        events = await session.scalar(select(func.count()).select_from(ChangeEventRow))
        deliveries = await session.scalar(select(func.count()).select_from(DeliveryRow))
    assert (events, deliveries) == (0, 0)
    got = await client.get(f"/v1/leads/{lead['id']}", headers=callers.partner)
    assert got.json()["status"] == "received"


async def test_test_event_and_redelivery_rules(client: httpx.AsyncClient, callers: Callers) -> None:
    created = await subscribe(client, callers.partner, active=False)
    queued = await client.post(f"/v1/webhooks/{created['id']}/test", headers=callers.partner)
    assert queued.status_code == 202, queued.text
    delivery = queued.json()
    assert (delivery["event_type"], delivery["state"], delivery["attempts"]) == (
        "webhook.test",
        "pending",
        [],
    )
    listed = await client.get(f"/v1/webhooks/{created['id']}/deliveries", headers=callers.partner)
    assert [d["id"] for d in listed.json()["items"]] == [delivery["id"]]
    pending = await client.post(
        f"/v1/webhooks/{created['id']}/deliveries/{delivery['id']}/redeliver", headers=callers.partner
    )
    assert pending.status_code == 409
    assert pending.json()["type"].endswith("/delivery-pending")
    missing = await client.post(
        f"/v1/webhooks/{created['id']}/deliveries/{uuid.uuid4()}/redeliver", headers=callers.partner
    )
    assert missing.status_code == 404
    filtered = await client.get(
        f"/v1/webhooks/{created['id']}/deliveries", params={"state": "succeeded"}, headers=callers.partner
    )
    assert filtered.json()["items"] == []
    bad = await client.get(
        f"/v1/webhooks/{created['id']}/deliveries", params={"state": "lost"}, headers=callers.partner
    )
    assert bad.status_code == 400


async def test_retention_forgets_old_finished_deliveries_and_events_but_never_pending_ones(
    client: httpx.AsyncClient, callers: Callers, database: Database
) -> None:
    hook = await subscribe(client, callers.partner)
    ids = [
        (await client.post(f"/v1/webhooks/{hook['id']}/test", headers=callers.partner)).json()
        for _ in range(3)
    ]
    old_done, old_pending, recent = (uuid.UUID(d["event_id"]) for d in ids)
    async with database.session() as session, session.begin():
        await session.execute(
            update(ChangeEventRow)
            .where(ChangeEventRow.id.in_([old_done, old_pending]))
            .values(occurred_at=func.now() - timedelta(days=40))
        )
        await session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.change_id.in_([old_done, old_pending]))
            .values(created_at=func.now() - timedelta(days=40))
        )
        await session.execute(
            update(DeliveryRow).where(DeliveryRow.change_id.in_([old_done, recent])).values(state="succeeded")
        )
    assert await DeliveryQueue(database, "pytest", 60).purge(30) == 1
    async with database.session() as session:
        left = set(await session.scalars(select(ChangeEventRow.id)))
    assert left == {old_pending, recent}


class Unsendable:
    """A sender that breaks (as a header our HTTP client refuses would)."""

    timeouts = Timeouts(1, 1)

    async def send(self, url: str, headers: dict[str, str], body: bytes) -> None:
        raise RuntimeError("cannot send this")


def _worker(database: Database, app: Litestar) -> DeliveryWorker:
    settings = WorkerSettings(base_url="http://test")
    url = app.state.settings.database_url
    return DeliveryWorker(database, url, app.state.server_keys, Unsendable(), settings, name="pytest")  # type: ignore[arg-type]


async def _state_of(database: Database, delivery_id: str) -> tuple[str, int, list[str | None]]:
    async with database.session() as session:
        row = await session.get(DeliveryRow, uuid.UUID(delivery_id))
        assert row is not None
        errors = list(await session.scalars(select(AttemptRow.error).where(AttemptRow.delivery_id == row.id)))
        return row.state, row.attempts, errors


async def test_a_cancellation_made_during_an_attempt_stays(
    client: httpx.AsyncClient, callers: Callers, database: Database
) -> None:
    hook = await subscribe(client, callers.partner)
    queued = (await client.post(f"/v1/webhooks/{hook['id']}/test", headers=callers.partner)).json()
    queue = DeliveryQueue(database, "pytest", 60)
    [job] = await queue.claim(10)
    off = await client.patch(
        f"/v1/webhooks/{hook['id']}",
        json={"active": False},
        headers={**callers.partner, "If-Match": '"webhook-1"'},
    )
    assert off.status_code == 200
    attempt = Attempt(datetime.now(UTC), 1000, None, "timeout")
    assert await queue.finish(job, attempt, DeliveryState.PENDING, datetime.now(UTC)) is False
    assert await _state_of(database, queued["id"]) == ("cancelled", 0, [])
    again = await client.post(
        f"/v1/webhooks/{hook['id']}/deliveries/{queued['id']}/redeliver", headers=callers.partner
    )
    assert again.status_code == 409
    assert again.json()["type"].endswith("/subscription-inactive")


async def test_a_delivery_that_cannot_be_attempted_is_recorded_and_retried(
    client: httpx.AsyncClient, callers: Callers, database: Database, app: Litestar
) -> None:
    hook = await subscribe(client, callers.partner)
    queued = (await client.post(f"/v1/webhooks/{hook['id']}/test", headers=callers.partner)).json()
    worker = _worker(database, app)
    [job] = await worker.queue.claim(10)
    await worker._deliver(job)
    assert await _state_of(database, queued["id"]) == ("pending", 1, ["internal error: RuntimeError"])
    listed = (await client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=callers.partner)).json()
    assert listed["items"][0]["next_attempt_at"] is not None  # the retry window still applies


async def test_a_delivery_queued_as_its_subscription_was_turned_off_is_never_sent(
    client: httpx.AsyncClient, callers: Callers, database: Database, app: Litestar
) -> None:
    hook = await subscribe(client, callers.partner)
    lead = (await submit(client, callers.partner, lead_body())).json()
    await client.delete(f"/v1/leads/{lead['id']}", headers=callers.partner)  # queues lead.erased
    async with database.session() as session, session.begin():  # as if turned off mid-queueing
        await session.execute(
            update(SubscriptionRow).where(SubscriptionRow.id == uuid.UUID(hook["id"])).values(active=False)
        )
    worker = _worker(database, app)
    [job] = await worker.queue.claim(10)
    await worker._deliver(job)  # the sender would raise if it were called
    [delivery] = (await client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=callers.partner)).json()[
        "items"
    ]
    assert (delivery["state"], delivery["attempts"]) == ("cancelled", [])


async def test_a_feed_cursor_from_before_the_retention_horizon_is_gone(
    client: httpx.AsyncClient, callers: Callers, database: Database
) -> None:
    async with database.session() as session, session.begin():
        await session.execute(update(ChangeFeedHorizonRow).values(txid=500, position=70))
    stale = base64.urlsafe_b64encode((400).to_bytes(8, "big") + (9).to_bytes(8, "big")).decode().rstrip("=")
    answer = await client.get("/v1/changes", params={"cursor": stale}, headers=callers.partner)
    assert answer.status_code == 410
    assert answer.json()["type"].endswith("/cursor-expired")
    fresh = await client.get("/v1/changes", headers=callers.partner)  # starting again works
    assert fresh.status_code == 200
