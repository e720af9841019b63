"""The append-only audit log."""

from __future__ import annotations

from sqlalchemy import insert
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


class SqlAuditLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, entry: AuditEntry) -> None:
        await self._session.execute(insert(AuditRow).values(**audit_values(entry)))
