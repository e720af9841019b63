"""The outbox: a change event and its webhook deliveries, written in one statement inside the
transaction of the change; and the change feed read back from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.uow import Executor
from domain.changes import Change, ChangeType, Resource

# One round trip: the event, then one pending delivery per subscription that hears it: the
# subscriptions of the partner concerned (or of every partner for public changes) that are
# active and subscribed to the type; a test event goes to its one subscription only.
RECORD = text(
    """
    WITH change AS (
        INSERT INTO change_events (id, type, resource, resource_id, partner_id, status, subscription_id)
        VALUES (:id, :type, :resource, :resource_id, :partner_id, :status, :subscription_id)
        RETURNING id, type, partner_id, subscription_id
    )
    INSERT INTO webhook_deliveries (subscription_id, change_id)
    SELECT s.id, change.id
    FROM change JOIN webhook_subscriptions s ON CASE
        WHEN change.subscription_id IS NOT NULL THEN s.id = change.subscription_id
        ELSE s.active AND change.type = ANY(s.event_types)
             AND (change.partner_id IS NULL OR s.partner_id = change.partner_id)
    END
    """
).bindparams(
    bindparam("id", type_=PG_UUID(as_uuid=True)),
    bindparam("partner_id", type_=PG_UUID(as_uuid=True)),
    bindparam("subscription_id", type_=PG_UUID(as_uuid=True)),
)

# Rows of transactions older than every running one (their xmin) are final: nothing can be
# written before them any more, so the cursor never skips a late commit. The partner's own rows
# and the public ones are read apart (each from the (partner_id, txid, position) index) and merged.
_FEED_PART = """
    SELECT id, txid, position, type, resource, resource_id, status, occurred_at
    FROM change_events
    WHERE partner_id {who}
      AND type <> 'webhook.test'
      AND (txid, position) > (:txid, :position)
      AND txid < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
      AND (cardinality(CAST(:types AS text[])) = 0 OR type = ANY(CAST(:types AS text[])))
    ORDER BY txid, position
    LIMIT :limit
"""
FEED = text(
    f"({_FEED_PART.format(who='= :partner_id')}) UNION ALL ({_FEED_PART.format(who='IS NULL')}) "
    "ORDER BY txid, position LIMIT :limit"
).bindparams(bindparam("partner_id", type_=PG_UUID(as_uuid=True)))
HORIZON = text("SELECT txid, position FROM change_feed_horizon WHERE id = 1")


class CursorExpired(Exception):
    """The events after this cursor were partly forgotten (retention): start the feed again."""


@dataclass(frozen=True, slots=True)
class FeedPosition:
    txid: int = 0
    position: int = 0


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: UUID
    type: ChangeType
    resource: Resource
    resource_id: str
    status: str | None
    occurred_at: datetime
    after: FeedPosition  # the cursor that continues after this entry


class SqlChangeLog:
    def __init__(self, session: Executor) -> None:
        self.session = session

    async def record(self, change: Change) -> None:
        await self.session.execute(
            RECORD,
            {
                "id": change.id,
                "type": change.type.value,
                "resource": change.resource.value,
                "resource_id": change.resource_id,
                "partner_id": change.partner_id,
                "status": change.status,
                "subscription_id": change.subscription_id,
            },
        )


async def read_feed(
    session: AsyncSession, partner_id: UUID, after: FeedPosition, types: tuple[str, ...], limit: int
) -> list[FeedEntry]:
    """The entries after `after`; CursorExpired if retention removed some of them (a cursor of
    the very start, never issued by a page, reads from the oldest entry kept)."""
    if after != FeedPosition():
        horizon = (await session.execute(HORIZON)).one()
        if (after.txid, after.position) < (horizon.txid, horizon.position):
            raise CursorExpired()
    rows = await session.execute(
        FEED,
        {
            "partner_id": partner_id,
            "txid": after.txid,
            "position": after.position,
            "types": list(types),
            "limit": limit,
        },
    )
    return [
        FeedEntry(
            id=row.id,
            type=ChangeType(row.type),
            resource=Resource(row.resource),
            resource_id=row.resource_id,
            status=row.status,
            occurred_at=row.occurred_at,
            after=FeedPosition(row.txid, row.position),
        )
        for row in rows
    ]
