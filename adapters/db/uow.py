"""The unit of work: the only place that commits. It rolls back unless `commit()` is called."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import TYPE_CHECKING, Any

import asyncpg
from asyncpg.transaction import Transaction
from sqlalchemy import Executable, Result
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
from sqlalchemy.pool import PoolProxiedConnection as PooledConnection

from adapters.db.errors import is_database_unavailable

if TYPE_CHECKING:
    from adapters.db.database import Database

log = logging.getLogger("hkte.db")


class SqlUnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside `async with`")
        return self._session

    async def __aenter__(self) -> SqlUnitOfWork:
        self._session = self._sessions()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self.session, None
        try:
            await session.rollback()  # a no-op after commit(); undoes everything otherwise
        finally:
            await session.close()

    async def commit(self) -> None:
        await self.session.commit()


class DriverUnitOfWork:
    """A unit of work whose hot statements go straight to the asyncpg connection (prepared once
    per connection: no session, statement construction, compilation or result adaptation per
    call); the others go through a SQLAlchemy session on the same connection and transaction.

    Nothing is taken from the pool until the first statement. A unit of work whose first
    statement is a driver one takes a bare pooled connection (no session at all: the lead read
    and submission); one whose first statement goes through `session` opens a session in
    AUTOCOMMIT (`Database.driver_sessions`: SQLAlchemy sends no BEGIN or COMMIT of its own) and
    uses its connection. Either way the transaction is asyncpg's, begun before the first
    statement (inside a test's transaction it is a savepoint). `atomic=False`: no transaction,
    each statement commits as it runs (a read and its audit entry: the entry is durable before
    the answer leaves, and nothing is answered when it fails)."""

    def __init__(self, database: Database, *, atomic: bool = True) -> None:
        self._database = database
        self._atomic = atomic
        self._session: AsyncSession | None = None
        self._connection: AsyncConnection | None = None
        self._pooled: PooledConnection | None = None
        self._driver: asyncpg.Connection | None = None
        self._transaction: Transaction | None = None

    async def __aenter__(self) -> DriverUnitOfWork:
        return self

    @property
    def session(self) -> SessionOnDemand:
        """Where this unit of work's SQLAlchemy statements go (its session, opened on demand)."""
        return SessionOnDemand(self)

    async def driver(self) -> asyncpg.Connection:
        if self._driver is None:
            pooled = await self._database.pooled_connection()
            if pooled is None:  # bound to a test's connection: through a session on it
                await self.open_session()
            else:
                self._pooled = pooled
                self._driver = pooled.driver_connection
                await self._begin()
        assert self._driver is not None
        return self._driver

    async def open_session(self) -> AsyncSession:
        if self._session is None:
            if self._driver is not None:
                raise RuntimeError("session statements must come before the driver's in a unit of work")
            self._session = session = self._database.driver_sessions()
            self._connection = await session.connection()
            self._driver = (await self._connection.get_raw_connection()).driver_connection
            await self._begin()
        return self._session

    async def _begin(self) -> None:
        if self._atomic:
            assert self._driver is not None
            transaction = self._driver.transaction()
            await transaction.start()
            self._transaction = transaction

    async def commit(self) -> None:
        if self._transaction is not None:
            transaction, self._transaction = self._transaction, None
            await transaction.commit()
        if self._session is not None:
            await self._session.commit()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        transaction, self._transaction = self._transaction, None
        session, connection, pooled, driver = self._session, self._connection, self._pooled, self._driver
        self._session = self._connection = self._pooled = self._driver = None
        # cancelled (the client went away) perhaps mid-statement: the protocol may be cut short
        broken = exc is not None and not isinstance(exc, Exception)
        try:
            if transaction is not None:  # not committed: undo everything
                await transaction.rollback()
        except Exception as error:  # the connection died or was interrupted mid-statement
            broken = True
            if exc is None:
                raise
            log.debug("rollback failed: %s", type(error).__name__)
        finally:
            # SQLAlchemy did not see a failure on the driver: make the pool drop the connection
            # rather than lend it out again when the server went away or the protocol was cut
            # short (a connection can look open and still be unusable after a server shutdown)
            gone = (driver is not None and driver.is_closed()) or (
                exc is not None and is_database_unavailable(exc)
            )
            broken = broken or gone
            if pooled is not None:
                await self._database.give_back(pooled, broken=broken, server_gone=gone)
            if session is not None:
                try:
                    if broken and connection is not None and not self._database.bound:
                        await connection.invalidate()
                    await session.rollback()
                finally:
                    await session.close()


class SessionOnDemand:
    """A unit of work's session, opened (and joined to its transaction) by its first statement."""

    def __init__(self, unit_of_work: DriverUnitOfWork) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, statement: Executable, params: Any = None) -> Result[Any]:
        session = await self._unit_of_work.open_session()
        return await session.execute(statement, params)


# Where repositories run SQLAlchemy statements: a session, or a unit of work's on demand.
Executor = AsyncSession | SessionOnDemand
