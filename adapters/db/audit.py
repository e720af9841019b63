"""The append-only audit log."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import cast

import asyncpg
from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.database import json_text
from adapters.db.tables import AuditRow
from domain.audit import AuditEntry
from domain.ids import new_id


def audit_values(entry: AuditEntry) -> dict[str, object]:
    return {
        "id": entry.id or new_id(),
        "actor_client_id": entry.actor.client_id,
        "actor_partner_id": entry.actor.partner_id,
        "action": entry.action,
        "outcome": entry.outcome,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "request_id": entry.actor.request_id,
        "details": entry.details,
    }


# Built once on the Core table and executed with a parameter dict: no statement construction,
# cache-key walk over the values or ORM bulk-insert path per entry (hot: every read of a lead).
INSERT_AUDIT = insert(cast(Table, AuditRow.__table__))


class SqlAuditLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, entry: AuditEntry) -> None:
        await self._session.execute(INSERT_AUDIT, audit_values(entry))


# The same statement as text, for units of work on the driver (the text SQLAlchemy renders for
# INSERT_AUDIT: one statement in pg_stat_statements whichever path wrote the entry).
AUDIT_SQL = (
    "INSERT INTO audit_log (id, actor_client_id, actor_partner_id, action, outcome, target_type, "
    "target_id, request_id, details) VALUES ($1::UUID, $2::VARCHAR, $3::UUID, $4::VARCHAR, $5::VARCHAR, "
    "$6::VARCHAR, $7::VARCHAR, $8::VARCHAR, $9::JSONB)"
)


async def insert_audit(driver: asyncpg.Connection, entry: AuditEntry) -> None:
    """One audit entry on the asyncpg connection: one prepared insert."""
    a = entry.actor
    await driver.execute(
        AUDIT_SQL,
        entry.id or new_id(), a.client_id, a.partner_id, entry.action, entry.outcome,
        entry.target_type, entry.target_id, a.request_id, json_text(entry.details),
    )  # fmt: skip


class DriverAuditLog:
    """The audit log of a DriverUnitOfWork (its `driver`, which takes the connection on first use)."""

    def __init__(self, driver: Callable[[], Awaitable[asyncpg.Connection]]) -> None:
        self._driver = driver

    async def record(self, entry: AuditEntry) -> None:
        await insert_audit(await self._driver(), entry)
