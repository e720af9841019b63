"""The unit of work of the lead use cases: leads, idempotency store, audit log and outbox together."""

from __future__ import annotations

from adapters.db.audit import DriverAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.database import Database
from adapters.db.leads import SqlIdempotencyStore, SqlLeadRepository
from adapters.db.uow import DriverUnitOfWork
from domain.lead_intake import LeadIntake, Policy


class SqlLeadsUnitOfWork(DriverUnitOfWork):
    """Its stores are made when a use case first asks for them: a lead read touches two of four."""

    _leads: SqlLeadRepository | None = None
    _idempotency: SqlIdempotencyStore | None = None
    _audit: DriverAuditLog | None = None
    _changes: SqlChangeLog | None = None

    @property
    def leads(self) -> SqlLeadRepository:
        if self._leads is None:
            self._leads = SqlLeadRepository(self)
        return self._leads

    @property
    def idempotency(self) -> SqlIdempotencyStore:
        if self._idempotency is None:
            self._idempotency = SqlIdempotencyStore(self)
        return self._idempotency

    @property
    def audit(self) -> DriverAuditLog:
        if self._audit is None:
            self._audit = DriverAuditLog(self.driver)
        return self._audit

    @property
    def changes(self) -> SqlChangeLog:
        if self._changes is None:
            self._changes = SqlChangeLog(self.session)
        return self._changes

    async def __aenter__(self) -> SqlLeadsUnitOfWork:
        return self


def lead_intake(database: Database, policy: Policy | None = None) -> LeadIntake:
    def units(*, atomic: bool = True) -> SqlLeadsUnitOfWork:
        return SqlLeadsUnitOfWork(database, atomic=atomic)

    return LeadIntake(units, policy)
