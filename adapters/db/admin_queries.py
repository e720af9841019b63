"""Read side of the admin API: keyset-paged listings (newest first; ids are UUIDv7)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.clients import client_from_row
from adapters.db.partners import partner_from_row
from adapters.db.tables import AuditRow, OAuthClientRow, PartnerRow
from domain.clients import OAuthClient
from domain.partners import Partner


async def list_partners(
    session: AsyncSession, *, type: str | None, status: str | None, before: UUID | None, limit: int
) -> list[Partner]:
    query = select(PartnerRow).order_by(PartnerRow.id.desc()).limit(limit)
    if type:
        query = query.where(PartnerRow.type == type)
    if status:
        query = query.where(PartnerRow.status == status)
    if before:
        query = query.where(PartnerRow.id < before)
    return [partner_from_row(row) for row in (await session.scalars(query)).all()]


async def list_clients(
    session: AsyncSession, *, partner_id: UUID | None, status: str | None, before: UUID | None, limit: int
) -> list[OAuthClient]:
    query = select(OAuthClientRow).order_by(OAuthClientRow.id.desc()).limit(limit)
    if partner_id:
        query = query.where(OAuthClientRow.partner_id == partner_id)
    if status:
        query = query.where(OAuthClientRow.status == status)
    if before:
        query = query.where(OAuthClientRow.id < before)
    return [client_from_row(row) for row in (await session.scalars(query)).all()]


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
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if action:
        query = query.where(AuditRow.action == action)
    if client_id:
        query = query.where(AuditRow.actor_client_id == client_id)
    if target_id:
        query = query.where(AuditRow.target_id == target_id)
    if since:
        query = query.where(AuditRow.occurred_at >= since)
    if until:
        query = query.where(AuditRow.occurred_at < until)
    if before:
        query = query.where(AuditRow.id < before)
    return list((await session.scalars(query)).all())
