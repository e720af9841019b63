"""The driver unit of work against a real pool (not a test's bound connection): what it gives
back to SQLAlchemy's pool after a cancellation or a failure must not poison the next borrower,
and its transaction must hold statements of both kinds."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import uuid4

import asyncpg
import pytest
from sqlalchemy import text

from adapters.db.database import Database, PoolSettings
from adapters.db.leads_uow import SqlLeadsUnitOfWork
from adapters.db.uow import DriverUnitOfWork


@asynccontextmanager
async def _pool_of(database_url: str, size: int, overflow: int = 0) -> AsyncIterator[Database]:
    db = Database.connect(database_url, PoolSettings(size=size, max_overflow=overflow, acquire_timeout_s=2))
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A pool of one and no overflow: its connection is kept at hand between units of work, and
    a session takes it back from there."""
    async with _pool_of(database_url, 1) as db:
        yield db


async def _backend_pid(database: Database) -> int:
    async with DriverUnitOfWork(database, atomic=False) as unit_of_work:
        return int(await (await unit_of_work.driver()).fetchval("SELECT pg_backend_pid()"))


async def test_a_cancelled_statement_leaves_no_poisoned_connection_in_the_pool(database: Database) -> None:
    before = await _backend_pid(database)

    async def slow() -> None:
        async with DriverUnitOfWork(database, atomic=False) as unit_of_work:
            await (await unit_of_work.driver()).execute("SELECT pg_sleep(5)")

    task = asyncio.create_task(slow())
    await asyncio.sleep(0.3)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # the one pooled connection was dropped, not lent out mid-statement: the next one works
    after = await _backend_pid(database)
    assert after != before


async def test_a_failed_statement_rolls_back_and_the_connection_serves_again(database: Database) -> None:
    async with DriverUnitOfWork(database) as unit_of_work:
        await unit_of_work.session.execute(text("CREATE TEMP TABLE t (n int) ON COMMIT PRESERVE ROWS"))
        await unit_of_work.commit()

    async def insert_then_fail() -> None:
        async with DriverUnitOfWork(database) as unit_of_work:
            driver = await unit_of_work.driver()
            await driver.execute("INSERT INTO t VALUES (1)")
            await driver.execute("SELECT 1 / 0")

    with pytest.raises(asyncpg.DivisionByZeroError):
        await insert_then_fail()
    async with DriverUnitOfWork(database) as unit_of_work:
        # session first, then the driver: one transaction, committed together
        await unit_of_work.session.execute(text("INSERT INTO t VALUES (2)"))
        await (await unit_of_work.driver()).execute("INSERT INTO t VALUES (3)")
        await unit_of_work.commit()
    async with DriverUnitOfWork(database, atomic=False) as unit_of_work:
        rows = await (await unit_of_work.driver()).fetch("SELECT n FROM t ORDER BY n")
    assert [r["n"] for r in rows] == [2, 3]  # the failed unit of work's insert was rolled back


async def test_session_statements_after_driver_ones_are_refused(database: Database) -> None:
    async with DriverUnitOfWork(database) as unit_of_work:
        await (await unit_of_work.driver()).execute("SELECT 1")
        with pytest.raises(RuntimeError, match="before the driver"):
            await unit_of_work.session.execute(text("SELECT 1"))


@pytest.fixture
async def roomy(database_url: str) -> AsyncIterator[Database]:
    """A pool of two, no overflow."""
    async with _pool_of(database_url, 2) as db:
        yield db


async def _terminate(database_url: str, backend_pid: int) -> None:
    """The server ends that connection, and the event loop sees its socket closed."""
    admin = await asyncpg.connect(database_url)
    try:
        await admin.execute("SELECT pg_terminate_backend($1)", backend_pid)
    finally:
        await admin.close()
    await asyncio.sleep(0.2)


async def _session_backend_pid(database: Database) -> int:
    async with database.session() as session:
        return int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def test_a_connection_given_back_in_order_is_lent_again_from_hand(roomy: Database) -> None:
    first = await _backend_pid(roomy)
    assert roomy.engine.pool.checkedout() == 1  # kept at hand: still the pool's, lent out
    assert await _backend_pid(roomy) == first
    await roomy.drop_at_hand()
    assert roomy.engine.pool.checkedout() == 0


async def test_a_session_takes_the_connection_at_hand_rather_than_open_another(roomy: Database) -> None:
    first = await _backend_pid(roomy)  # the only connection opened so far, kept at hand
    assert await _session_backend_pid(roomy) == first  # none free in the pool: taken back
    assert roomy.engine.pool.checkedout() == 0
    assert await _backend_pid(roomy) == first  # from the pool again, then at hand


async def _both_at_hand(database: Database) -> set[int]:
    """Two units of work at once, so that both of a pool of two end up at hand."""
    release = asyncio.Event()

    async def hold() -> int:
        async with DriverUnitOfWork(database, atomic=False) as unit_of_work:
            pid = int(await (await unit_of_work.driver()).fetchval("SELECT pg_backend_pid()"))
            await release.wait()
            return pid

    tasks = [asyncio.create_task(hold()) for _ in range(2)]
    await asyncio.sleep(0.2)
    release.set()
    return set(await asyncio.gather(*tasks))


async def test_a_session_takes_a_connection_back_from_hand_rather_than_wait(roomy: Database) -> None:
    at_hand = await _both_at_hand(roomy)
    assert len(at_hand) == 2
    assert roomy.engine.pool.checkedout() == 2  # the whole pool at hand, none free in it
    # no overflow: without taking one back, this would wait out the 2 s timeout and fail
    assert await _session_backend_pid(roomy) in at_hand
    assert roomy.engine.pool.checkedout() == 1  # it went back to the pool; one is still at hand
    assert await _backend_pid(roomy) in at_hand  # and the hot paths still find theirs


async def test_a_session_is_not_handed_a_connection_the_server_closed_while_at_hand(
    roomy: Database, database_url: str
) -> None:
    await _both_at_hand(roomy)
    oldest, newest = (p.driver_connection.get_server_pid() for p in roomy._at_hand)
    await _terminate(database_url, oldest)
    # the dead one is dropped, and its place in the pool connects afresh for the session
    assert await _session_backend_pid(roomy) not in {oldest, newest}
    assert [p.driver_connection.get_server_pid() for p in roomy._at_hand] == [newest]


async def test_a_session_takes_a_connection_back_from_hand_rather_than_open_one(database_url: str) -> None:
    async with _pool_of(database_url, 2, overflow=5) as db:
        at_hand = await _both_at_hand(db)
        assert await _session_backend_pid(db) in at_hand  # not a new overflow connection
        assert db.engine.pool.overflow() <= 0


async def test_the_pool_made_again_on_dispose_still_takes_back_from_hand(database: Database) -> None:
    await database.dispose()  # SQLAlchemy makes a new pool: the hook goes with it
    first = await _backend_pid(database)
    assert await _session_backend_pid(database) == first


async def test_a_connection_at_hand_that_the_server_closed_is_not_lent(
    roomy: Database, database_url: str
) -> None:
    first = await _backend_pid(roomy)
    await _terminate(database_url, first)
    second = await _backend_pid(roomy)  # no error: the dead one was dropped, not lent
    assert second != first


async def test_a_cancelled_statement_keeps_nothing_at_hand(roomy: Database) -> None:
    async def slow() -> None:
        async with DriverUnitOfWork(roomy, atomic=False) as unit_of_work:
            await (await unit_of_work.driver()).execute("SELECT pg_sleep(5)")

    before = await _backend_pid(roomy)  # at hand
    task = asyncio.create_task(slow())  # takes it from hand
    await asyncio.sleep(0.3)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await _backend_pid(roomy) != before  # the cut-short one was invalidated, not kept


async def test_a_lead_unit_of_work_is_freed_as_soon_as_it_is_let_go(database: Database) -> None:
    """Its stores refer back to it: forgotten when it ends, so a lead read leaves nothing for the
    cyclic collector (which runs more often, and longer, with every cycle left behind)."""
    gc.disable()  # only reference counting may free it here
    try:
        async with SqlLeadsUnitOfWork(database, atomic=False) as unit_of_work:
            assert await unit_of_work.leads.get(uuid4()) is None
            stores = (unit_of_work.leads, unit_of_work.idempotency, unit_of_work.audit, unit_of_work.changes)
        freed = weakref.ref(unit_of_work)
        del unit_of_work, stores
        assert freed() is None
    finally:
        gc.enable()
