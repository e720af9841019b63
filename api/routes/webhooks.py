"""Webhook subscriptions (`webhooks:manage`): a partner's own endpoints, what was delivered to
them, redelivery and a test event. Another partner's subscription is a 404."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath, FromQuery, QueryParameter
from msgspec import UNSET

from adapters.webhooks.signing import show_secret
from api.auth import actor_of, provide_principal, requires
from api.negotiation import if_match_tags
from api.problems import problem_responses
from api.schemas.base import decode_cursor, encode_cursor
from api.schemas.webhooks import (
    DeliveryOut,
    DeliveryPage,
    WebhookCreate,
    WebhookCreated,
    WebhookList,
    WebhookOut,
    WebhookPatch,
    WebhookSecret,
    WebhookSecretRotation,
    delivery_out,
    webhook_created,
    webhook_etag,
    webhook_out,
)
from domain.changes import ChangeType
from domain.principal import Principal
from domain.scopes import Scope
from domain.webhook_subscriptions import NewSubscription, SubscriptionChange, WebhookSubscriptions
from domain.webhooks import DeliveryQuery, DeliveryState, Subscription

_BODY = Body()
_Request = Request[Any, Any, Any]
NO_STORE = {"Cache-Control": "no-store"}


def _service(state: State) -> WebhookSubscriptions:
    webhooks: WebhookSubscriptions = state.webhooks
    return webhooks


def _json(value: object, status: int = 200, headers: dict[str, str] | None = None) -> Response[bytes]:
    return Response(
        msgspec.json.encode(value),
        status_code=status,
        media_type="application/json",
        headers={**NO_STORE, **(headers or {})},
    )


def _webhook(subscription: Subscription, state: State) -> Response[bytes]:
    return _json(
        webhook_out(subscription, state.settings.base_url), headers={"ETag": webhook_etag(subscription)}
    )


class WebhooksController(Controller):
    path = "/v1/webhooks"
    tags = ["webhooks"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012

    @post(
        "/",
        operation_id="createWebhook",
        summary="Subscribe an endpoint",
        status_code=201,
        responses={
            201: ResponseSpec(
                WebhookCreated,
                description="Subscribed; the secret is shown only now.",
                generate_examples=False,
            ),
            **problem_responses(400, 401, 403, 409, 422),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def create(
        self, state: State, principal: NamedDependency[Principal], data: Annotated[WebhookCreate, _BODY]
    ) -> Response[bytes]:
        """Subscribes an HTTPS endpoint of yours to event types. Every delivery is signed per
        Standard Webhooks 1.0 (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the
        secret in this answer, which is shown only once. The URL must resolve to public addresses
        only (422 otherwise). At most 10 subscriptions per organisation (409 beyond)."""
        new = NewSubscription(
            url=data.url,
            event_types=tuple(ChangeType(t) for t in data.event_types),
            description=data.description,
            active=data.active,
        )
        subscription, secret = await _service(state).create(principal, actor_of(principal), new)
        body = webhook_created(subscription, state.settings.base_url, show_secret(secret))
        headers = {"Location": f"/v1/webhooks/{subscription.id}", "ETag": webhook_etag(subscription)}
        return _json(body, 201, headers)

    @get(
        "/",
        operation_id="listWebhooks",
        summary="List your subscriptions",
        responses={
            200: ResponseSpec(WebhookList, description="Oldest first.", generate_examples=False),
            **problem_responses(401, 403),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def list_webhooks(self, state: State, principal: NamedDependency[Principal]) -> Response[bytes]:
        """Your organisation's subscriptions (never their secrets)."""
        found = await _service(state).of_partner(principal)
        base_url: str = state.settings.base_url
        return _json(WebhookList(items=[webhook_out(s, base_url) for s in found]))

    @get(
        "/{webhook_id:uuid}",
        operation_id="getWebhook",
        summary="Get a subscription",
        responses={
            200: ResponseSpec(WebhookOut, description="The subscription.", generate_examples=False),
            **problem_responses(400, 401, 403, 404),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def get_webhook(
        self, state: State, principal: NamedDependency[Principal], webhook_id: FromPath[UUID]
    ) -> Response[bytes]:
        """One of your subscriptions, with its ETag for changes."""
        return _webhook(await _service(state).get(principal, webhook_id), state)

    @patch(
        "/{webhook_id:uuid}",
        operation_id="updateWebhook",
        summary="Change a subscription",
        responses={
            200: ResponseSpec(
                WebhookOut, description="The subscription as it is now.", generate_examples=False
            ),
            **problem_responses(400, 401, 403, 404, 412, 422, 428),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def update(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        webhook_id: FromPath[UUID],
        data: Annotated[WebhookPatch, _BODY],
    ) -> Response[bytes]:
        """Changes the URL (checked again), the event types, the description, or turns the
        subscription off and on (`active`). Turning it off cancels its pending deliveries. Send the
        ETag you read in `If-Match` (428 without it, 412 if it changed since)."""
        wanted = if_match_tags(request, "webhook")
        change = SubscriptionChange(
            url=None if data.url is UNSET else data.url,
            event_types=None if data.event_types is UNSET else tuple(ChangeType(t) for t in data.event_types),
            description=None if data.description is UNSET else data.description,
            clear_description=data.description is None,
            active=None if data.active is UNSET else data.active,
        )
        saved = await _service(state).change(
            principal,
            actor_of(principal),
            webhook_id,
            change,
            lambda current: "*" in wanted or webhook_etag(current) in wanted,
        )
        return _webhook(saved, state)

    @delete(
        "/{webhook_id:uuid}",
        operation_id="deleteWebhook",
        summary="Delete a subscription",
        status_code=204,
        responses=problem_responses(400, 401, 403, 404),
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def delete_webhook(
        self, state: State, principal: NamedDependency[Principal], webhook_id: FromPath[UUID]
    ) -> None:
        """Deletes the subscription and its delivery history; nothing more is sent to it."""
        await _service(state).delete(principal, actor_of(principal), webhook_id)

    @post(
        "/{webhook_id:uuid}/secret/rotate",
        operation_id="rotateWebhookSecret",
        summary="Rotate the signing secret",
        status_code=200,
        responses={
            200: ResponseSpec(
                WebhookSecret, description="The new secret, shown only now.", generate_examples=False
            ),
            **problem_responses(400, 401, 403, 404, 422),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def rotate(
        self,
        state: State,
        principal: NamedDependency[Principal],
        webhook_id: FromPath[UUID],
        data: Annotated[WebhookSecretRotation, _BODY],
    ) -> Response[bytes]:
        """A new secret signs every delivery from now on. During the grace period the previous
        secret signs too (two signatures in `webhook-signature`), so your receiver can switch
        without rejecting anything; send a grace of 0 to stop the old one at once."""
        grace = None if data.grace_period_seconds is None else timedelta(seconds=data.grace_period_seconds)
        saved, secret = await _service(state).rotate_secret(principal, actor_of(principal), webhook_id, grace)
        assert saved.previous_secret_expires_at is not None
        body = WebhookSecret(
            secret=show_secret(secret), previous_secret_expires_at=saved.previous_secret_expires_at
        )
        return _json(body, headers={"ETag": webhook_etag(saved)})

    @get(
        "/{webhook_id:uuid}/deliveries",
        operation_id="listWebhookDeliveries",
        summary="What was delivered to the endpoint",
        responses={
            200: ResponseSpec(DeliveryPage, description="Newest first.", generate_examples=False),
            **problem_responses(400, 401, 403, 404),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def deliveries(
        self,
        state: State,
        principal: NamedDependency[Principal],
        webhook_id: FromPath[UUID],
        delivery_state: FromQuery[
            Annotated[list[DeliveryState] | None, QueryParameter(name="state", max_items=4)]
        ] = None,
        limit: FromQuery[Annotated[int, QueryParameter(ge=1, le=100)]] = 50,
        cursor: FromQuery[Annotated[str | None, QueryParameter(max_length=100)]] = None,
    ) -> Response[bytes]:
        """Each delivery with every attempt (time, duration, your status code or why none came)
        and, while pending, when it is tried next. Retries back off exponentially with jitter for
        about three days; 410 Gone disables the subscription."""
        query = DeliveryQuery(
            subscription_id=webhook_id,
            states=tuple(delivery_state or ()),
            before=decode_cursor(cursor),
            limit=limit + 1,
        )
        found = await _service(state).deliveries(principal, query)
        more, found = len(found) > limit, found[:limit]
        page = DeliveryPage(
            items=[delivery_out(d) for d in found], next_cursor=encode_cursor(found[-1].id) if more else None
        )
        return _json(page)

    @post(
        "/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/redeliver",
        operation_id="redeliverWebhook",
        summary="Send a delivery again",
        status_code=202,
        responses={
            202: ResponseSpec(DeliveryOut, description="Queued: the new delivery.", generate_examples=False),
            **problem_responses(400, 401, 403, 404, 409),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def redeliver(
        self,
        state: State,
        principal: NamedDependency[Principal],
        webhook_id: FromPath[UUID],
        delivery_id: FromPath[UUID],
    ) -> Response[bytes]:
        """Queues the same event again (same `webhook-id`, so your receiver can tell it already
        has it), e.g. after your endpoint was down past the retry window. A pending delivery is
        still being retried: 409."""
        again = await _service(state).redeliver(principal, actor_of(principal), webhook_id, delivery_id)
        return _json(delivery_out(again), 202)

    @post(
        "/{webhook_id:uuid}/test",
        operation_id="testWebhook",
        summary="Send a test event",
        status_code=202,
        responses={
            202: ResponseSpec(DeliveryOut, description="Queued: the test delivery.", generate_examples=False),
            **problem_responses(400, 401, 403, 404),
        },
        **requires(Scope.WEBHOOKS_MANAGE),
    )
    async def send_test(
        self, state: State, principal: NamedDependency[Principal], webhook_id: FromPath[UUID]
    ) -> Response[bytes]:
        """Queues a signed `webhook.test` event for this endpoint now (also while it is inactive),
        to check your receiver and its signature check. Follow it in the deliveries."""
        delivery = await _service(state).send_test(principal, actor_of(principal), webhook_id)
        return _json(delivery_out(delivery), 202)
