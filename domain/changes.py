"""Changes partners hear about: the events of webhooks and of the change feed.

A change is recorded by the use case that makes it, in the same transaction (an outbox), so no
change commits without its event and no event exists for a change that rolled back. A change is
thin: what happened to which resource, and its new status; never personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from domain.events import Event, EventStatus, Publication
from domain.ids import new_id
from domain.leads import Lead


class ChangeType(StrEnum):
    LEAD_STATUS_CHANGED = "lead.status_changed"
    LEAD_CONSENT_WITHDRAWN = "lead.consent_withdrawn"
    LEAD_ERASED = "lead.erased"
    EDITION_PUBLISHED = "talent_list.edition_published"
    EVENT_PUBLISHED = "event.published"
    EVENT_UPDATED = "event.updated"
    EVENT_CANCELLED = "event.cancelled"
    WEBHOOK_TEST = "webhook.test"


SUBSCRIBABLE = tuple(t for t in ChangeType if t is not ChangeType.WEBHOOK_TEST)


class Resource(StrEnum):
    LEAD = "lead"
    EDITION = "talent_list_edition"
    EVENT = "event"
    WEBHOOK = "webhook"


@dataclass(frozen=True, slots=True)
class Change:
    type: ChangeType
    resource: Resource
    resource_id: str
    partner_id: UUID | None  # who may hear of it; None: every partner
    status: str | None = None
    subscription_id: UUID | None = None  # a test event goes to this subscription only
    id: UUID = field(default_factory=new_id)


def resource_path(resource: Resource, resource_id: str) -> str:
    return {
        Resource.LEAD: "/v1/leads/",
        Resource.EDITION: "/v1/talent-list/editions/",
        Resource.EVENT: "/v1/events/",
        Resource.WEBHOOK: "/v1/webhooks/",
    }[resource] + resource_id


class ChangeLog(Protocol):
    async def record(self, change: Change) -> None: ...


def lead_change(kind: ChangeType, lead: Lead) -> Change:
    """An erasure changes no status (status: null, whatever erased it); the others tell the new one."""
    status = None if kind is ChangeType.LEAD_ERASED else lead.status.value
    return Change(kind, Resource.LEAD, str(lead.id), lead.partner_id, status)


def edition_published(code: str) -> Change:
    return Change(ChangeType.EDITION_PUBLISHED, Resource.EDITION, code, None)


def event_change(before: Event | None, after: Event) -> Change | None:
    """What partners hear of an event's change: drafts are nobody's business but their authors'."""
    if after.publication is not Publication.PUBLISHED:
        return None
    if before is None or before.publication is not Publication.PUBLISHED:
        kind = ChangeType.EVENT_PUBLISHED
    elif after.status is EventStatus.CANCELLED and before.status is not EventStatus.CANCELLED:
        kind = ChangeType.EVENT_CANCELLED
    else:
        kind = ChangeType.EVENT_UPDATED
    return Change(kind, Resource.EVENT, str(after.id), None, after.status.value)


def webhook_test(subscription_id: UUID, partner_id: UUID) -> Change:
    return Change(
        ChangeType.WEBHOOK_TEST,
        Resource.WEBHOOK,
        str(subscription_id),
        partner_id,
        None,
        subscription_id=subscription_id,
    )
