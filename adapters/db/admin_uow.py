"""The unit of work of the admin use cases: partners, clients and the audit log in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.db.audit import SqlAuditLog
from adapters.db.clients import SqlClientRepository
from adapters.db.database import Database
from adapters.db.partners import SqlPartnerRepository
from adapters.db.uow import SqlUnitOfWork
from domain.client_admin import ClientAdministration


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


def client_administration(database: Database, pepper: bytes) -> ClientAdministration:
    """The admin use cases wired to PostgreSQL (the API, the CLI and `make run` share this)."""
    return ClientAdministration(lambda: SqlAdminUnitOfWork(database.sessions), pepper, SystemClock())


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)
