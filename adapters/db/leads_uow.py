"""The unit of work of the lead use cases: leads, idempotency store, audit log and outbox together."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType

from adapters.db.audit import DriverAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.database import Database
from adapters.db.leads import SqlIdempotencyStore, SqlLeadRepository
from adapters.db.uow import DriverUnitOfWork
from domain.lead_intake import LeadIntake, Policy


class SqlLeadsUnitOfWork(DriverUnitOfWork):
    """Its stores are made when a use case first asks for them: a lead read touches two of four."""

    @cached_property
    def leads(self) -> SqlLeadRepository:
        return SqlLeadRepository(self)

    @cached_property
    def idempotency(self) -> SqlIdempotencyStore:
        return SqlIdempotencyStore(self)

    @cached_property
    def audit(self) -> DriverAuditLog:
        return DriverAuditLog(self.driver)

    @cached_property
    def changes(self) -> SqlChangeLog:
        return SqlChangeLog(self.session)

    async def __aenter__(self) -> SqlLeadsUnitOfWork:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await super().__aexit__(exc_type, exc, tb)
        finally:
            # A store refers back to this unit of work (its `driver` and `session`): forgotten
            # here, the two are freed when the use case lets go of them, not left to the cyclic
            # collector (a lead read would otherwise leave seven objects of garbage behind).
            for name in _STORES:
                self.__dict__.pop(name, None)


# the stores: every cached property of the unit of work
_STORES = tuple(
    name for name, member in vars(SqlLeadsUnitOfWork).items() if isinstance(member, cached_property)
)


def lead_intake(database: Database, policy: Policy | None = None) -> LeadIntake:
    def units(*, atomic: bool = True) -> SqlLeadsUnitOfWork:
        return SqlLeadsUnitOfWork(database, atomic=atomic)

    return LeadIntake(units, policy)
