"""Wire structs of webhook subscriptions, their deliveries and the change feed."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from adapters.webhooks.payload import ChangeMessage
from api.schemas.base import NextCursor, RequestBody, ResponseBody
from domain.changes import SUBSCRIBABLE
from domain.webhooks import Attempt, Delivery, DeliveryState, Subscription

# the subscribable ChangeTypes (a unit test keeps the two lists equal)
EventType = Literal[
    "lead.status_changed",
    "lead.consent_withdrawn",
    "lead.erased",
    "talent_list.edition_published",
    "event.published",
    "event.updated",
    "event.cancelled",
]
EventTypes = Annotated[
    list[EventType],
    Meta(min_length=1, max_length=len(SUBSCRIBABLE), description="The event types this endpoint receives."),
]
Url = Annotated[
    str,
    Meta(
        min_length=8,
        max_length=2048,
        description="An https:// URL whose host resolves to public addresses only.",
        examples=["https://crm.example.org/hkte/webhooks"],
    ),
]
Description = Annotated[str, Meta(max_length=500, examples=["CRM status sync"])]


class WebhookCreate(RequestBody, frozen=True):
    url: Url
    event_types: EventTypes
    description: Description | None = None
    active: bool = True


class WebhookPatch(RequestBody, frozen=True):
    """Only the fields sent change; `description: null` clears it. Reactivating a subscription
    the server disabled (410 Gone) clears `disabled_reason`."""

    url: Url | UnsetType = UNSET
    event_types: EventTypes | UnsetType = UNSET
    description: Description | UnsetType | None = UNSET
    active: bool | UnsetType = UNSET


class WebhookSecretRotation(RequestBody, frozen=True):
    grace_period_seconds: (
        Annotated[
            int,
            Meta(
                gt=-1,  # i.e. >= 0: a minimum of 0 is lost on the way to the OpenAPI document
                le=604_800,
                description="How long the previous secret keeps signing beside the new one (0: stop at once, "
                "e.g. when it leaked). Default: the server's grace (24 hours).",
            ),
        ]
        | None
    ) = None


class WebhookOut(ResponseBody, frozen=True):
    id: UUID
    url: str
    event_types: list[str]
    description: str | None
    active: bool
    disabled_reason: Annotated[str | None, Meta(description="Why the server turned it off, if it did.")]
    previous_secret_expires_at: Annotated[
        datetime | None, Meta(description="Until then the previous secret signs too (after a rotation).")
    ]
    created_at: datetime
    updated_at: datetime
    deliveries_url: str


class WebhookCreated(WebhookOut, frozen=True):
    secret: Annotated[
        str,
        Meta(
            description="The signing secret (Standard Webhooks form, `whsec_...`). Shown only now: keep it.",
            examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        ),
    ]


class WebhookList(ResponseBody, frozen=True):
    items: list[WebhookOut]


class WebhookSecret(ResponseBody, frozen=True):
    secret: Annotated[str, Meta(description="The new signing secret. Shown only now: keep it.")]
    previous_secret_expires_at: datetime


class AttemptOut(ResponseBody, frozen=True):
    attempted_at: datetime
    duration_ms: int
    status_code: Annotated[int | None, Meta(description="Your endpoint's answer; null if none came.")]
    error: Annotated[str | None, Meta(description="Why no answer came (timeout, refused address, ...).")]


class DeliveryOut(ResponseBody, frozen=True):
    id: UUID
    event_id: Annotated[UUID, Meta(description="The event delivered: its `webhook-id`.")]
    event_type: str
    state: DeliveryState
    attempts: list[AttemptOut]
    next_attempt_at: Annotated[datetime | None, Meta(description="When it is tried next, while pending.")]
    created_at: datetime
    completed_at: datetime | None


class DeliveryPage(ResponseBody, frozen=True):
    items: list[DeliveryOut]
    next_cursor: NextCursor


class ChangePage(ResponseBody, frozen=True):
    items: list[ChangeMessage]
    next_cursor: Annotated[
        str,
        Meta(
            description="Pass as `cursor` next time: the feed continues after the last item (or where it "
            "was, if empty). Store it with what you processed."
        ),
    ]


def webhook_out(subscription: Subscription, base_url: str) -> WebhookOut:
    return WebhookOut(**_fields(subscription, base_url))


def webhook_created(subscription: Subscription, base_url: str, secret: str) -> WebhookCreated:
    return WebhookCreated(**_fields(subscription, base_url), secret=secret)


def _fields(subscription: Subscription, base_url: str) -> dict[str, Any]:
    return {
        "id": subscription.id,
        "url": subscription.url,
        "event_types": [t.value for t in subscription.event_types],
        "description": subscription.description,
        "active": subscription.active,
        "disabled_reason": subscription.disabled_reason,
        "previous_secret_expires_at": subscription.previous_secret_expires_at,
        "created_at": subscription.created_at,
        "updated_at": subscription.updated_at,
        "deliveries_url": f"{base_url}/v1/webhooks/{subscription.id}/deliveries",
    }


def webhook_etag(subscription: Subscription) -> str:
    return f'"webhook-{subscription.version}"'


def _attempt(attempt: Attempt) -> AttemptOut:
    return AttemptOut(
        attempted_at=attempt.attempted_at,
        duration_ms=attempt.duration_ms,
        status_code=attempt.status_code,
        error=attempt.error,
    )


def delivery_out(delivery: Delivery) -> DeliveryOut:
    return DeliveryOut(
        id=delivery.id,
        event_id=delivery.change_id,
        event_type=delivery.change_type.value,
        state=delivery.state,
        attempts=[_attempt(a) for a in delivery.attempts],
        next_attempt_at=delivery.next_attempt_at,
        created_at=delivery.created_at,
        completed_at=delivery.completed_at,
    )
