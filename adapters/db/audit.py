"""The append-only audit log."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

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
