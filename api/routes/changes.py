"""The change feed (`changes:read`): the events webhooks carry, as an ordered list to poll, for
partners that cannot receive webhooks. Scoped to the partner's own leads plus public changes."""

from __future__ import annotations

import base64
import binascii
import struct
from typing import Annotated

import msgspec
from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromQuery, QueryParameter

from adapters.db.changes import CursorExpired, FeedPosition, read_feed
from adapters.db.database import Database
from adapters.webhooks.payload import message
from api.auth import provide_principal, requires
from api.negotiation import bad_parameter
from api.problems import problem_responses
from api.schemas.webhooks import ChangePage, EventType
from domain.principal import Principal
from domain.scopes import Scope

_POSITION = struct.Struct(">QQ")


def encode_position(position: FeedPosition) -> str:
    return base64.urlsafe_b64encode(_POSITION.pack(position.txid, position.position)).decode().rstrip("=")


def decode_position(cursor: str | None) -> FeedPosition:
    if cursor is None:
        return FeedPosition()
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        txid, position = _POSITION.unpack(raw)
    except (binascii.Error, ValueError, struct.error) as exc:
        raise bad_parameter("cursor", "not a cursor of this feed") from exc
    if txid >= 2**63 or position >= 2**63:
        raise bad_parameter("cursor", "not a cursor of this feed")
    return FeedPosition(txid, position)


class CursorGone(HTTPException):
    status_code = 410
    problem_slug = "cursor-expired"

    def __init__(self) -> None:
        super().__init__(
            detail="Events after this cursor were removed by retention; start again without a cursor."
        )


class ChangesController(Controller):
    path = "/v1/changes"
    tags = ["webhooks"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012

    @get(
        "/",
        operation_id="listChanges",
        summary="The change feed",
        responses={
            200: ResponseSpec(
                ChangePage, description="Oldest first, after `cursor`.", generate_examples=False
            ),
            **problem_responses(400, 401, 403),
        },
        **requires(Scope.CHANGES_READ),
    )
    async def changes(
        self,
        state: State,
        principal: NamedDependency[Principal],
        cursor: FromQuery[
            Annotated[
                str | None, QueryParameter(max_length=100, description="`next_cursor` of your last call.")
            ]
        ] = None,
        event_type: FromQuery[
            Annotated[list[EventType] | None, QueryParameter(name="type", max_items=7)]
        ] = None,
        limit: FromQuery[Annotated[int, QueryParameter(ge=1, le=500)]] = 100,
    ) -> Response[bytes]:
        """The same events as the webhooks (same ids and bodies), oldest first: status changes,
        withdrawals and erasures of your leads, published Talent List editions, published,
        updated and cancelled events. Start without a cursor, then always pass the `next_cursor`
        you got (also from an empty page): the feed has no gaps and no repeats, and an event
        appears once the transaction that made it, and every transaction that began writing before
        it, has ended (so a late commit is never skipped). Events are kept for 30 days: a cursor
        older than that is answered 410 (start again without a cursor, and reconcile by reading
        your leads)."""
        after = decode_position(cursor)
        database: Database = state.database
        async with database.session() as session:
            try:
                entries = await read_feed(
                    session, principal.partner_id, after, tuple(event_type or ()), limit
                )
            except CursorExpired:
                raise CursorGone() from None
        base_url: str = state.settings.base_url
        items = [
            message(base_url, e.id, e.type, e.resource, e.resource_id, e.status, e.occurred_at)
            for e in entries
        ]
        page = ChangePage(items=items, next_cursor=encode_position(entries[-1].after if entries else after))
        return Response(
            msgspec.json.encode(page), media_type="application/json", headers={"Cache-Control": "no-store"}
        )
