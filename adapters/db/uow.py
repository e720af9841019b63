"""The unit of work: the only place that commits. It rolls back unless `commit()` is called."""

from __future__ import annotations

import logging
from types import TracebackType

import asyncpg
from asyncpg.transaction import Transaction
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

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


class DriverUnitOfWork(SqlUnitOfWork):
    """A unit of work whose hot statements go straight to the asyncpg connection (prepared once
    per connection, no statement construction, compilation or result adaptation per call), while
    the others still go through the SQLAlchemy session, on the same connection.

    Its sessions are `Database.driver_sessions`: SQLAlchemy sends no BEGIN or COMMIT of its own
    there. The transaction is asyncpg's, begun on entry, so both kinds of statements are in it
    (inside a test's transaction it is a savepoint). A unit of work made with `atomic=False` has
    no transaction: each statement commits as it runs; for a read and its audit entry, where the
    entry is durable before the answer leaves and nothing is shown when it fails, this saves the
    BEGIN and COMMIT round trips."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, atomic: bool = True) -> None:
        super().__init__(sessions)
        self._atomic = atomic
        self._connection: AsyncConnection | None = None
        self._driver: asyncpg.Connection | None = None
        self._transaction: Transaction | None = None

    @property
    def driver(self) -> asyncpg.Connection:
        if self._driver is None:
            raise RuntimeError("unit of work used outside `async with`")
        return self._driver

    async def __aenter__(self) -> DriverUnitOfWork:
        await super().__aenter__()
        try:
            self._connection = await self.session.connection()
            driver = self._driver = (await self._connection.get_raw_connection()).driver_connection
            if self._atomic:
                assert driver is not None
                transaction = driver.transaction()
                await transaction.start()
                self._transaction = transaction
        except BaseException:
            await self._release(failed=True)
            raise
        return self

    async def commit(self) -> None:
        if self._transaction is not None:
            transaction, self._transaction = self._transaction, None
            await transaction.commit()
        await self.session.commit()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._release(failed=exc is not None)

    async def _release(self, *, failed: bool) -> None:
        transaction, self._transaction = self._transaction, None
        connection, driver = self._connection, self._driver
        self._connection = self._driver = None
        broken = False
        try:
            if transaction is not None:
                await transaction.rollback()
        except Exception as error:  # the connection died or was interrupted mid-statement
            broken = True
            if not failed:
                raise
            log.debug("rollback failed: %s", type(error).__name__)
        finally:
            try:
                if connection is not None and (broken or (driver is not None and driver.is_closed())):
                    # SQLAlchemy did not see the failure (it happened on the driver): make its
                    # pool drop the connection instead of lending it out again
                    await connection.invalidate()
            finally:
                await super().__aexit__(None, None, None)
