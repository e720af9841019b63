"""The unit of work of the lead use cases: leads, idempotency store, audit log and outbox together."""

from __future__ import annotations

from adapters.db.audit import DriverAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.database import Database
from adapters.db.leads import SqlIdempotencyStore, SqlLeadRepository
from adapters.db.uow import DriverUnitOfWork
from domain.lead_intake import LeadIntake, Policy


class SqlLeadsUnitOfWork(DriverUnitOfWork):
    leads: SqlLeadRepository
    idempotency: SqlIdempotencyStore
    audit: DriverAuditLog
    changes: SqlChangeLog

    def __init__(self, database: Database, *, atomic: bool = True) -> None:
        super().__init__(database, atomic=atomic)
        self.leads = SqlLeadRepository(self)
        self.idempotency = SqlIdempotencyStore(self)
        self.audit = DriverAuditLog(self.driver)
        self.changes = SqlChangeLog(self.session)

    async def __aenter__(self) -> SqlLeadsUnitOfWork:
        return self


def lead_intake(database: Database, policy: Policy | None = None) -> LeadIntake:
    def units(*, atomic: bool = True) -> SqlLeadsUnitOfWork:
        return SqlLeadsUnitOfWork(database, atomic=atomic)

    return LeadIntake(units, policy)
