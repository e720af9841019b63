"""One engine and one session factory per process, made in the app's lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import msgspec
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import AsyncAdaptedQueuePool, PoolProxiedConnection
from sqlalchemy.util import greenlet_spawn

COMMAND_TIMEOUT_MARGIN_S = 2.0


@dataclass(frozen=True, slots=True)
class PoolSettings:
    size: int = 20
    max_overflow: int = 10
    acquire_timeout_s: float = 5.0
    connect_timeout_s: float = 5.0
    statement_timeout_ms: int = 5000
    application_name: str = "hkte-api"


def async_url(url: str) -> str:
    """Accept the usual `postgresql://` DSN and point it at the asyncpg driver."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError("DATABASE_URL must be a postgresql:// URL")
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


def json_text(value: object) -> str:
    """A JSON value as the text JSONB parameters take (through SQLAlchemy and on the driver)."""
    return msgspec.json.encode(value).decode()


def _jsonb_as_text(dbapi_connection: Any, _record: object) -> None:
    """JSONB in its text form, decoded by msgspec with no Python frame between: the dialect's own
    codec (binary form) copies each value twice and goes through two Python functions, which
    shows on listings (seven JSONB values per event). Values to store arrive as JSON text."""
    dbapi_connection.run_async(
        lambda connection: connection.set_type_codec(
            "jsonb", schema="pg_catalog", encoder=str, decoder=msgspec.json.decode, format="text"
        )
    )


class LendingPool(AsyncAdaptedQueuePool):
    """SQLAlchemy's async queue pool, which takes back a connection kept at hand
    (`Database.pooled_connection`) rather than open another or make a checkout wait: when none
    is free in the pool, `reclaim` is called first (in the checkout's greenlet, so it may close
    one synchronously) and the checkout then finds that one in the queue."""

    reclaim: Callable[[], None] | None = None

    def _do_get(self) -> Any:
        reclaim = self.reclaim
        if reclaim is not None and self._pool.empty():
            reclaim()
        return super()._do_get()

    def recreate(self) -> LendingPool:
        pool = cast(LendingPool, super().recreate())  # engine.dispose(): the same hook on the new one
        pool.reclaim = self.reclaim
        return pool


def _idle(pooled: PoolProxiedConnection) -> bool:
    """Open, and no transaction left behind."""
    driver = pooled.driver_connection
    return driver is not None and not driver.is_closed() and not driver.is_in_transaction()


def _release_all(connections: list[PoolProxiedConnection], invalidate: bool) -> None:
    for pooled in connections:
        if invalidate:
            pooled.invalidate()
        else:
            pooled.close()


class Database:
    def __init__(self, engine: AsyncEngine, *, keep_at_hand: int = 0) -> None:
        self.engine = engine
        self.sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        # SQLAlchemy sends no BEGIN or COMMIT of its own on these: for units of work that control
        # the transaction on the asyncpg connection (adapters/db/uow.py, DriverUnitOfWork).
        self.driver_sessions = async_sessionmaker(
            engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False, autoflush=False
        )
        self._bound: AsyncConnection | None = None
        self._at_hand: list[PoolProxiedConnection] = []
        self._keep_at_hand = keep_at_hand

    @classmethod
    def connect(cls, url: str, pool: PoolSettings | None = None) -> Database:
        pool = pool or PoolSettings()
        engine = create_async_engine(
            async_url(url),
            poolclass=LendingPool,
            pool_size=pool.size,
            max_overflow=pool.max_overflow,
            pool_timeout=pool.acquire_timeout_s,
            # No pre-ping: it would cost a round trip on every request. A connection that died
            # with the server is detected on use (that request answers 503); SQLAlchemy then
            # invalidates the whole pool, so the next requests connect afresh: the API recovers
            # by itself once the database is back (tests/integration/test_database_outages.py).
            pool_pre_ping=False,
            # JSONB in and out through msgspec (several times faster than the stdlib json)
            json_serializer=json_text,
            json_deserializer=msgspec.json.decode,
            # Error messages and tracebacks (logged for a 500) never carry the statement's
            # parameters: they hold personal data and secrets.
            hide_parameters=True,
            connect_args={
                "timeout": pool.connect_timeout_s,
                # statement_timeout ends slow statements on the server; this bounds the wait on
                # our side when the server itself stops answering (frozen, or the network gone)
                "command_timeout": pool.statement_timeout_ms / 1000 + COMMAND_TIMEOUT_MARGIN_S,
                "server_settings": {
                    "statement_timeout": str(pool.statement_timeout_ms),
                    # a transaction left open holds back every partner's change feed (which waits
                    # for older transactions to end) and vacuum: never for more than a minute
                    "idle_in_transaction_session_timeout": "60000",
                    "application_name": pool.application_name,
                },
            },
        )
        event.listen(engine.sync_engine, "connect", _jsonb_as_text)
        # as many connections at hand for the hot paths as the pool keeps open; a session finding
        # none free in the pool takes one back from hand (LendingPool)
        database = cls(engine, keep_at_hand=pool.size)
        cast(LendingPool, engine.sync_engine.pool).reclaim = database._reclaim_one
        return database

    @classmethod
    def bound_to(cls, connection: AsyncConnection) -> Database:
        """A database whose sessions join `connection`'s transaction as savepoints (tests)."""
        db = cls(connection.engine)
        db.sessions = async_sessionmaker(
            bind=connection,
            expire_on_commit=False,
            autoflush=False,
            join_transaction_mode="create_savepoint",
        )
        db.driver_sessions = db.sessions  # inside the test's transaction, a driver one nests as a savepoint
        db._bound = connection
        return db

    def session(self) -> AsyncSession:
        return self.sessions()

    @property
    def bound(self) -> bool:
        """Bound to a test's connection (which is never invalidated: the test owns it)."""
        return self._bound is not None

    async def pooled_connection(self) -> PoolProxiedConnection | None:
        """A connection of the pool, no SQLAlchemy Connection or session around it (give it back
        with `give_back`); None when this database is bound to a test's connection.

        Connections given back in good order are kept at hand (`_at_hand`, up to the pool's
        size) rather than returned to SQLAlchemy's pool, and lent again from there: SQLAlchemy's
        pool is used from a greenlet, and the two switches of a checkout and a checkin, deep in a
        request's stack, cost more than a lead read's own Python. They stay the pool's
        connections (checked out, as far as it knows), so its size and overflow bound them, and a
        session that finds no connection free in the pool takes one back from hand
        (`LendingPool`) before the pool opens another or waits. One found closed (the server went
        away) is dropped with every other one at hand."""
        if self.bound:
            return None
        if self._at_hand:
            pooled = self._at_hand.pop()
            if _idle(pooled):
                return pooled
            self._at_hand.append(pooled)  # the server went away: it took the others with it
            await self.drop_at_hand(invalidate=True)
        return await self.engine.raw_connection()

    async def give_back(
        self, pooled: PoolProxiedConnection, *, broken: bool, server_gone: bool = False
    ) -> None:
        """Return a connection from `pooled_connection`: kept at hand when it is in good order
        (no transaction open) and there is room, to the pool otherwise. `broken` (cut short
        mid-statement, or the server went away) invalidates it; `server_gone` those at hand too
        (a server that went away took them with it)."""
        if broken and server_gone:
            self._at_hand.append(pooled)
            await self.drop_at_hand(invalidate=True)
        elif broken:
            await greenlet_spawn(pooled.invalidate)
        elif len(self._at_hand) < self._keep_at_hand and _idle(pooled):
            self._at_hand.append(pooled)
        else:
            await greenlet_spawn(pooled.close)

    def _reclaim_one(self) -> None:
        """Give one connection at hand back to SQLAlchemy's pool, for a checkout that finds none
        free there (called by LendingPool in the checkout's greenlet: closing needs no spawn)."""
        if self._at_hand:
            pooled = self._at_hand.pop(0)  # the one idle longest
            if _idle(pooled):
                pooled.close()
            else:  # closed by the server meanwhile: its place in the pool gets a fresh connection
                pooled.invalidate()

    async def drop_at_hand(self, *, invalidate: bool = False) -> None:
        """Give the connections at hand back to the pool (invalidated: closed and replaced)."""
        at_hand, self._at_hand = self._at_hand, []
        if at_hand:  # all of them in one greenlet: a switch each would cost more than the work
            await greenlet_spawn(_release_all, at_hand, invalidate)

    async def ping(self, timeout_s: float = 2.0) -> None:
        """Raise unless the database answers a trivial query within `timeout_s`."""
        async with asyncio.timeout(timeout_s), self.sessions() as session:
            await session.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.drop_at_hand()
        await self.engine.dispose()
