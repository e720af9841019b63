"""The unit of work of the admin use cases: partners, clients and the audit log in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.db.audit import SqlAuditLog
from adapters.db.clients import SqlClientRepository
from adapters.db.partners import SqlPartnerRepository
from adapters.db.uow import SqlUnitOfWork


class SqlAdminUnitOfWork(SqlUnitOfWork):
    partners: SqlPartnerRepository
    clients: SqlClientRepository
    audit: SqlAuditLog

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(sessions)

    async def __aenter__(self) -> SqlAdminUnitOfWork:
        await super().__aenter__()
        self.partners = SqlPartnerRepository(self.session)
        self.clients = SqlClientRepository(self.session)
        self.audit = SqlAuditLog(self.session)
        return self


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)
