"""Webhook rules without I/O: retry schedule, outcomes, which changes partners hear of, the
address check on literal addresses, and our signatures against an independent implementation."""

from __future__ import annotations

import ipaddress
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest
from standardwebhooks.webhooks import Webhook

from adapters.webhooks.signing import show_secret, signature_header
from adapters.webhooks.targets import NetworkGuard, TargetRefused, is_public, parse_networks
from api.schemas.webhooks import EventType
from domain.changes import SUBSCRIBABLE, ChangeType, event_change
from domain.events import EventStatus, Publication
from domain.webhooks import Outcome, RetryPolicy, outcome_of
from tests.unit.test_catalog_rules import event as an_event

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_the_wire_lists_exactly_the_subscribable_types() -> None:
    assert set(get_args(EventType)) == {t.value for t in SUBSCRIBABLE}
    assert ChangeType.WEBHOOK_TEST not in SUBSCRIBABLE


def test_retry_delays_double_up_to_the_cap_and_stop_after_the_window() -> None:
    policy = RetryPolicy()
    delays = []
    at, attempts = NOW, 0
    while True:
        attempts += 1
        following = policy.next_attempt(attempts, NOW, at, jitter=0.5)  # jitter 0.5: no spread
        if following is None:
            break
        delays.append(following - at)
        at = following
    assert delays[:4] == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert max(delays) == timedelta(hours=12)
    assert timedelta(days=2) < at - NOW <= timedelta(days=3)  # about three days of retries
    assert 12 <= attempts <= 20


@pytest.mark.parametrize(("jitter", "seconds"), [(0.0, 96.0), (0.5, 120.0), (0.999, 143.952)])
def test_jitter_spreads_a_delay_by_at_most_twenty_percent(jitter: float, seconds: float) -> None:
    delay = RetryPolicy().next_attempt(3, NOW, NOW, jitter)  # 120 s before jitter
    assert delay is not None
    assert (delay - NOW).total_seconds() == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (200, Outcome.DELIVERED),
        (204, Outcome.DELIVERED),
        (299, Outcome.DELIVERED),
        (410, Outcome.GONE),
        (301, Outcome.RETRY),
        (404, Outcome.RETRY),
        (429, Outcome.RETRY),
        (500, Outcome.RETRY),
        (None, Outcome.RETRY),
    ],
)
def test_outcomes(status: int | None, outcome: Outcome) -> None:
    assert outcome_of(status) is outcome


def test_partners_hear_of_published_events_only() -> None:
    draft = replace(an_event(), publication=Publication.DRAFT)
    published = replace(draft, publication=Publication.PUBLISHED)
    assert event_change(None, draft) is None
    assert event_change(draft, replace(draft, sequence=2)) is None
    first = event_change(draft, published)
    assert first is not None
    assert (first.type, first.partner_id) == (ChangeType.EVENT_PUBLISHED, None)
    changed = event_change(published, replace(published, sequence=5))
    assert changed is not None
    assert changed.type is ChangeType.EVENT_UPDATED
    cancelled = event_change(published, replace(published, status=EventStatus.CANCELLED))
    assert cancelled is not None
    assert (cancelled.type, cancelled.status) == (ChangeType.EVENT_CANCELLED, "cancelled")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.215.14", True),
        ("2002:7f00:1::", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


async def test_allowed_networks_open_private_addresses_and_plain_http_there_only() -> None:
    guard = NetworkGuard(parse_networks("127.0.0.0/8, ::1/128"))
    assert (await guard.resolve("http://127.0.0.1:9000/hook")).port == 9000
    await guard.check("https://[::1]/hook")
    with pytest.raises(TargetRefused, match="not public"):
        await guard.check("https://10.0.0.1/hook")
    with pytest.raises(TargetRefused, match="https"):
        await guard.check("http://93.184.215.14/hook")
    with pytest.raises(ValueError, match="does not appear to be"):
        parse_networks("not-a-network")
    with pytest.raises(TargetRefused, match="port 0"):
        await guard.check("http://127.0.0.1:0/hook")
    with pytest.raises(TargetRefused) as refused:
        await guard.check("https://10.1.2.3/hook")
    assert "10.1.2.3" not in refused.value.message  # internal addresses are not told back


def test_signatures_verify_with_an_independent_implementation() -> None:
    old, new = b"o" * 32, b"n" * 32
    body = b'{"id":"x","type":"webhook.test"}'
    timestamp = int(datetime.now(UTC).timestamp())
    header = signature_header([new, old], "evt_1", timestamp, body)
    headers = {"webhook-id": "evt_1", "webhook-timestamp": str(timestamp), "webhook-signature": header}
    for secret in (old, new):
        assert Webhook(show_secret(secret)).verify(body, headers) == {"id": "x", "type": "webhook.test"}
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(show_secret(b"x" * 32)).verify(body, headers)
