"""Read side of the admin API: keyset-paged listings (newest first; ids are UUIDv7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.clients import client_from_row
from adapters.db.partners import partner_from_row
from adapters.db.tables import AuditRow, OAuthClientRow, PartnerRow
from domain.clients import OAuthClient
from domain.partners import Partner

Row = TypeVar("Row", PartnerRow, OAuthClientRow, AuditRow)


async def _newest_first(
    session: AsyncSession,
    table: type[Row],
    filters: list[ColumnElement[bool] | None],
    before: UUID | None,
    limit: int,
) -> list[Row]:
    """One keyset page: rows matching every given filter (None = not filtered), ids below `before`."""
    conditions: list[Any] = [f for f in filters if f is not None]
    if before:
        conditions.append(table.id < before)
    query = select(table).where(*conditions).order_by(table.id.desc()).limit(limit)
    return list((await session.scalars(query)).all())


async def list_partners(
    session: AsyncSession, *, type: str | None, status: str | None, before: UUID | None, limit: int
) -> list[Partner]:
    rows = await _newest_first(
        session,
        PartnerRow,
        [
            PartnerRow.type == type if type else None,
            PartnerRow.status == status if status else None,
        ],
        before,
        limit,
    )
    return [partner_from_row(row) for row in rows]


async def list_clients(
    session: AsyncSession, *, partner_id: UUID | None, status: str | None, before: UUID | None, limit: int
) -> list[OAuthClient]:
    rows = await _newest_first(
        session,
        OAuthClientRow,
        [
            OAuthClientRow.partner_id == partner_id if partner_id else None,
            OAuthClientRow.status == status if status else None,
        ],
        before,
        limit,
    )
    return [client_from_row(row) for row in rows]


async def list_audit(
    session: AsyncSession,
    *,
    action: str | None,
    client_id: str | None,
    target_id: str | None,
    since: datetime | None,
    until: datetime | None,
    before: UUID | None,
    limit: int,
) -> list[AuditRow]:
    return await _newest_first(
        session,
        AuditRow,
        [
            AuditRow.action == action if action else None,
            AuditRow.actor_client_id == client_id if client_id else None,
            AuditRow.target_id == target_id if target_id else None,
            AuditRow.occurred_at >= since if since else None,
            AuditRow.occurred_at < until if until else None,
        ],
        before,
        limit,
    )
