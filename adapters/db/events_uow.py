"""The unit of work of the event use cases: events and the audit log in one transaction."""

from __future__ import annotations

from adapters.db.audit import SqlAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.database import Database
from adapters.db.events import SqlEventRepository
from adapters.db.uow import SqlUnitOfWork
from domain.event_listings import EventListings


class SqlEventsUnitOfWork(SqlUnitOfWork):
    events: SqlEventRepository
    audit: SqlAuditLog
    changes: SqlChangeLog

    async def __aenter__(self) -> SqlEventsUnitOfWork:
        await super().__aenter__()
        self.events = SqlEventRepository(self.session)
        self.audit = SqlAuditLog(self.session)
        self.changes = SqlChangeLog(self.session)
        return self


def event_listings(database: Database) -> EventListings:
    return EventListings(lambda: SqlEventsUnitOfWork(database.sessions))
