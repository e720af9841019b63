"""Use cases of webhook subscriptions: a partner manages its own endpoints (`webhooks:manage`),
sees what was delivered to them, asks for a redelivery or a test event.

Another partner's subscription is as absent as one that does not exist. The signing secret is
made here, shown once, and kept by the store sealed; a rotation keeps the previous secret signing
for a grace period so receivers can switch without losing an event.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Protocol
from urllib.parse import urlsplit
from uuid import UUID

from domain.audit import Actor, AuditEntry
from domain.changes import ChangeLog, ChangeType, webhook_test
from domain.errors import DomainError, InvalidValue, NotFound, PreconditionFailed
from domain.ids import new_id
from domain.ports import AuditLog
from domain.principal import Principal
from domain.webhooks import MAX_SUBSCRIPTIONS, Delivery, DeliveryQuery, DeliveryState, Subscription

SECRET_BYTES = 32


class TooManySubscriptions(DomainError):
    def __init__(self) -> None:
        super().__init__(f"a partner has at most {MAX_SUBSCRIPTIONS} webhook subscriptions; delete one first")


class SubscriptionInactive(DomainError):
    def __init__(self) -> None:
        super().__init__("the subscription is inactive; reactivate it (PATCH active: true) to redeliver")


class DeliveryInProgress(DomainError):
    def __init__(self) -> None:
        super().__init__("the delivery is still pending; redeliver it once it has succeeded or failed")


class SubscriptionStore(Protocol):
    async def count(self, partner_id: UUID) -> int: ...
    async def add(self, subscription: Subscription, secret: bytes) -> Subscription: ...
    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None: ...
    async def of_partner(self, partner_id: UUID) -> list[Subscription]: ...
    async def update(self, subscription: Subscription) -> Subscription: ...
    async def rotate(
        self, subscription: Subscription, secret: bytes, keep_previous_until: datetime
    ) -> Subscription: ...
    async def delete(self, subscription_id: UUID) -> None: ...


class DeliveryStore(Protocol):
    async def find(self, query: DeliveryQuery) -> list[Delivery]: ...
    async def get(self, subscription_id: UUID, delivery_id: UUID) -> Delivery | None: ...
    async def of_change(self, subscription_id: UUID, change_id: UUID) -> Delivery | None: ...
    async def again(self, delivery: Delivery) -> Delivery: ...
    async def cancel_pending(self, subscription_id: UUID) -> int: ...


class TargetGuard(Protocol):
    async def check(self, url: str) -> None:
        """Raise InvalidValue("url", ...) unless `url` may receive webhooks (scheme, address)."""


class WebhooksUnitOfWork(Protocol):
    @property
    def subscriptions(self) -> SubscriptionStore: ...
    @property
    def deliveries(self) -> DeliveryStore: ...
    @property
    def changes(self) -> ChangeLog: ...
    @property
    def audit(self) -> AuditLog: ...

    async def __aenter__(self) -> WebhooksUnitOfWork: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    async def commit(self) -> None: ...


@dataclass(frozen=True, slots=True)
class NewSubscription:
    url: str
    event_types: tuple[ChangeType, ...]
    description: str | None
    active: bool


@dataclass(frozen=True, slots=True)
class SubscriptionChange:
    url: str | None = None
    event_types: tuple[ChangeType, ...] | None = None
    description: str | None = None
    clear_description: bool = False
    active: bool | None = None


def _entry(action: str, actor: Actor, subscription_id: UUID, **details: object) -> AuditEntry:
    return AuditEntry(
        action=action,
        outcome="success",
        actor=actor,
        target_type="webhook_subscription",
        target_id=str(subscription_id),
        details=dict(details),
    )


def _host(url: str) -> str:
    """Where deliveries go, for the audit log (no path or query: they may carry tokens)."""
    return urlsplit(url).netloc.rpartition("@")[2]


def _types(types: tuple[ChangeType, ...]) -> tuple[ChangeType, ...]:
    if not types:
        raise InvalidValue("event_types", "name at least one event type")
    if ChangeType.WEBHOOK_TEST in types:
        raise InvalidValue("event_types", "webhook.test is sent on request only (POST .../test)")
    return tuple(dict.fromkeys(types))


class WebhookSubscriptions:
    def __init__(
        self,
        unit_of_work: Callable[[], WebhooksUnitOfWork],
        guard: TargetGuard,
        secret_grace: timedelta = timedelta(hours=24),
    ) -> None:
        self.unit_of_work = unit_of_work
        self.guard = guard
        self.secret_grace = secret_grace

    async def create(
        self, principal: Principal, actor: Actor, new: NewSubscription
    ) -> tuple[Subscription, bytes]:
        types = _types(new.event_types)
        await self.guard.check(new.url)
        secret = secrets.token_bytes(SECRET_BYTES)
        now = datetime.now(UTC)
        async with self.unit_of_work() as uow:
            if await uow.subscriptions.count(principal.partner_id) >= MAX_SUBSCRIPTIONS:
                raise TooManySubscriptions()
            subscription = Subscription(
                id=new_id(),
                partner_id=principal.partner_id,
                url=new.url,
                event_types=types,
                description=new.description,
                active=new.active,
                disabled_reason=None,
                previous_secret_expires_at=None,
                version=1,
                created_at=now,
                updated_at=now,
            )
            saved = await uow.subscriptions.add(subscription, secret)
            await uow.audit.record(
                _entry(
                    "webhook.created", actor, saved.id, host=_host(new.url), types=[t.value for t in types]
                )
            )
            await uow.commit()
        return saved, secret

    async def of_partner(self, principal: Principal) -> list[Subscription]:
        async with self.unit_of_work() as uow:
            return await uow.subscriptions.of_partner(principal.partner_id)

    async def get(self, principal: Principal, subscription_id: UUID) -> Subscription:
        async with self.unit_of_work() as uow:
            return await self._own(uow, principal, subscription_id)

    async def change(
        self,
        principal: Principal,
        actor: Actor,
        subscription_id: UUID,
        wanted: SubscriptionChange,
        current_version: Callable[[Subscription], bool],
    ) -> Subscription:
        if wanted.url is not None:
            await self.guard.check(wanted.url)
        types = _types(wanted.event_types) if wanted.event_types is not None else None
        async with self.unit_of_work() as uow:
            current = await self._own(uow, principal, subscription_id, for_update=True)
            if not current_version(current):
                raise PreconditionFailed(
                    f"webhook {subscription_id} changed since you read it; fetch it again"
                )
            active = current.active if wanted.active is None else wanted.active
            changed = replace(
                current,
                url=wanted.url or current.url,
                event_types=types or current.event_types,
                description=None if wanted.clear_description else (wanted.description or current.description),
                active=active,
                disabled_reason=None if active else current.disabled_reason,
            )
            saved = await uow.subscriptions.update(changed)
            if current.active and not saved.active:
                await uow.deliveries.cancel_pending(saved.id)
            await uow.audit.record(
                _entry(
                    "webhook.updated",
                    actor,
                    saved.id,
                    active=saved.active,
                    host=_host(saved.url),
                    previous_host=_host(current.url),
                    types=[t.value for t in saved.event_types],
                )
            )
            await uow.commit()
            return saved

    async def delete(self, principal: Principal, actor: Actor, subscription_id: UUID) -> None:
        async with self.unit_of_work() as uow:
            await self._own(uow, principal, subscription_id, for_update=True)
            await uow.subscriptions.delete(subscription_id)
            await uow.audit.record(_entry("webhook.deleted", actor, subscription_id))
            await uow.commit()

    async def rotate_secret(
        self, principal: Principal, actor: Actor, subscription_id: UUID, grace: timedelta | None = None
    ) -> tuple[Subscription, bytes]:
        """A new secret signs from now on; the previous one keeps signing until the grace ends (a
        grace of zero drops it at once, e.g. when it leaked)."""
        secret = secrets.token_bytes(SECRET_BYTES)
        keep_until = datetime.now(UTC) + (self.secret_grace if grace is None else grace)
        async with self.unit_of_work() as uow:
            current = await self._own(uow, principal, subscription_id, for_update=True)
            saved = await uow.subscriptions.rotate(current, secret, keep_until)
            await uow.audit.record(
                _entry("webhook.secret_rotated", actor, saved.id, previous_until=keep_until.isoformat())
            )
            await uow.commit()
        return saved, secret

    async def deliveries(self, principal: Principal, query: DeliveryQuery) -> list[Delivery]:
        async with self.unit_of_work() as uow:
            await self._own(uow, principal, query.subscription_id)
            return await uow.deliveries.find(query)

    async def redeliver(
        self, principal: Principal, actor: Actor, subscription_id: UUID, delivery_id: UUID
    ) -> Delivery:
        """The same event (same `webhook-id`, so receivers can tell) queued again now."""
        async with self.unit_of_work() as uow:
            subscription = await self._own(uow, principal, subscription_id, for_update=True)
            delivery = await uow.deliveries.get(subscription_id, delivery_id)
            if delivery is None:
                raise NotFound("delivery", delivery_id)
            if delivery.state is DeliveryState.PENDING:
                raise DeliveryInProgress()
            if not subscription.active:
                raise SubscriptionInactive()
            again = await uow.deliveries.again(delivery)
            await uow.audit.record(
                _entry("webhook.redelivered", actor, subscription_id, delivery=str(delivery_id))
            )
            await uow.commit()
            return again

    async def send_test(self, principal: Principal, actor: Actor, subscription_id: UUID) -> Delivery:
        """A `webhook.test` event for this endpoint only, queued now (also when inactive: check an
        endpoint before turning it on)."""
        async with self.unit_of_work() as uow:
            await self._own(uow, principal, subscription_id, for_update=True)
            change = webhook_test(subscription_id, principal.partner_id)
            await uow.changes.record(change)
            delivery = await uow.deliveries.of_change(subscription_id, change.id)
            await uow.audit.record(_entry("webhook.tested", actor, subscription_id))
            await uow.commit()
        assert delivery is not None
        return delivery

    @staticmethod
    async def _own(
        uow: WebhooksUnitOfWork, principal: Principal, subscription_id: UUID, *, for_update: bool = False
    ) -> Subscription:
        found = await uow.subscriptions.get(subscription_id, for_update=for_update)
        if found is None or found.partner_id != principal.partner_id:
            raise NotFound("webhook", subscription_id)
        return found
