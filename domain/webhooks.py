"""Webhook subscriptions and deliveries: the rules, apart from HTTP and the database.

A partner subscribes HTTPS endpoints to change types. Each change it may hear of becomes one
delivery per matching subscription, delivered at least once: a 2xx answer ends it, 410 Gone
disables the subscription, anything else is retried with exponential backoff and jitter until
the retry window (about three days) is over, then the delivery has failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from domain.changes import ChangeType

MAX_SUBSCRIPTIONS = 10  # per partner


class DeliveryState(StrEnum):
    PENDING = "pending"  # waiting for its next attempt (or being attempted now)
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # retry window over, or the endpoint answered 410 Gone
    CANCELLED = "cancelled"  # the subscription was disabled or deleted first


@dataclass(frozen=True, slots=True)
class Subscription:
    id: UUID
    partner_id: UUID
    url: str
    event_types: tuple[ChangeType, ...]
    description: str | None
    active: bool
    disabled_reason: str | None  # why the server turned it off (410 Gone), None otherwise
    previous_secret_expires_at: datetime | None  # while in the future, the old secret signs too
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Attempt:
    attempted_at: datetime
    duration_ms: int
    status_code: int | None  # None: no answer (refused, timed out, unsafe address)
    error: str | None


@dataclass(frozen=True, slots=True)
class Delivery:
    id: UUID
    subscription_id: UUID
    change_id: UUID
    change_type: ChangeType
    state: DeliveryState
    attempts: tuple[Attempt, ...]
    next_attempt_at: datetime | None
    created_at: datetime
    completed_at: datetime | None


class Outcome(StrEnum):
    DELIVERED = "delivered"
    GONE = "gone"
    RETRY = "retry"


def outcome_of(status_code: int | None) -> Outcome:
    """2xx is success; 410 says the endpoint is gone for good; everything else may pass. Redirects
    are not followed (the subscribed URL is the one that was checked), so they count as failures."""
    if status_code is not None and 200 <= status_code < 300:
        return Outcome.DELIVERED
    if status_code == 410:
        return Outcome.GONE
    return Outcome.RETRY


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=12)
    window: timedelta = timedelta(days=3)

    def next_attempt(
        self, attempts_made: int, created_at: datetime, now: datetime, jitter: float
    ) -> datetime | None:
        """When to try again after `attempts_made` failed attempts, or None once the window is
        over. The delay doubles from `base` up to `cap`; `jitter` in [0, 1) spreads it ±20 % so
        endpoints that failed together are not all retried in the same second."""
        exponent = min(max(attempts_made - 1, 0), 32)
        delay = min(self.cap, self.base * (2**exponent)) * (0.8 + 0.4 * jitter)
        at = now + delay
        return at if at - created_at <= self.window else None


@dataclass(frozen=True, slots=True)
class DeliveryQuery:
    subscription_id: UUID
    states: tuple[DeliveryState, ...] = ()
    before: UUID | None = None  # keyset: newest first
    limit: int = 50
