"""The unit of work of the catalog use cases: editions, events and the audit log together."""

from __future__ import annotations

from adapters.db.audit import SqlAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.talent_list import SqlTalentListRepository
from adapters.db.uow import SqlUnitOfWork


class SqlCatalogUnitOfWork(SqlUnitOfWork):
    editions: SqlTalentListRepository
    audit: SqlAuditLog
    changes: SqlChangeLog

    async def __aenter__(self) -> SqlCatalogUnitOfWork:
        await super().__aenter__()
        self.editions = SqlTalentListRepository(self.session)
        self.audit = SqlAuditLog(self.session)
        self.changes = SqlChangeLog(self.session)
        return self
