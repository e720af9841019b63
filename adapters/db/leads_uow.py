"""The unit of work of the lead use cases: leads, idempotency store, audit log and outbox together."""

from __future__ import annotations

from adapters.db.audit import SqlAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.database import Database
from adapters.db.leads import SqlIdempotencyStore, SqlLeadRepository
from adapters.db.uow import SqlUnitOfWork
from domain.lead_intake import LeadIntake, Policy


class SqlLeadsUnitOfWork(SqlUnitOfWork):
    leads: SqlLeadRepository
    idempotency: SqlIdempotencyStore
    audit: SqlAuditLog
    changes: SqlChangeLog

    async def __aenter__(self) -> SqlLeadsUnitOfWork:
        await super().__aenter__()
        self.leads = SqlLeadRepository(self.session)
        self.idempotency = SqlIdempotencyStore(self.session)
        self.audit = SqlAuditLog(self.session)
        self.changes = SqlChangeLog(self.session)
        return self


def lead_intake(database: Database, policy: Policy | None = None) -> LeadIntake:
    return LeadIntake(lambda: SqlLeadsUnitOfWork(database.sessions), policy)
