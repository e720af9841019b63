"""The test session's real PostgreSQL, migrated by Alembic, and per-test isolation.

Without TEST_DATABASE_URL the session starts a throwaway local cluster (the same code as
`make run`, with fsync off) and deletes it at the end. Each test runs inside an outer
transaction that is rolled back, so tests see an empty, migrated schema.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import httpx
import pytest
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.database import Database
from adapters.db.migrate import upgrade
from adapters.localpg import LocalCluster
from api.app import create_app, load_auth_state
from api.settings import Settings
from tests.support.databases import create_database, drop_database


@pytest.fixture(scope="session")
def admin_url() -> Iterator[str]:
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    cluster = LocalCluster(Path(tempfile.mkdtemp(prefix="hkte-test-pg-")), durable=False)
    cluster.ensure_started()
    try:
        yield cluster.url("postgres")
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
async def database_url(admin_url: str) -> AsyncIterator[str]:
    url = await create_database(admin_url, "hkte_test")
    await asyncio.to_thread(upgrade, url)
    yield url
    await drop_database(admin_url, url)


@pytest.fixture(scope="session")
async def session_database(database_url: str) -> AsyncIterator[Database]:
    database = Database.connect(database_url)
    yield database
    await database.dispose()


@pytest.fixture
async def connection(session_database: Database) -> AsyncIterator[AsyncConnection]:
    async with session_database.engine.connect() as conn:
        outer = await conn.begin()
        yield conn
        await outer.rollback()


@pytest.fixture
def database(connection: AsyncConnection) -> Database:
    """A Database whose sessions join the test's outer transaction."""
    return Database.bound_to(connection)


SERVER_SECRET = "test-server-secret-0123456789abcdefghijklmnop"


@pytest.fixture
def settings(database_url: str) -> Settings:
    # auth_refresh_seconds=0: no background refresh sharing the test's connection; tests that
    # need a refresh call `refresh_auth` themselves.
    return Settings(
        database_url=database_url, log_level="DEBUG", hkte_server_secret=SERVER_SECRET, auth_refresh_seconds=0
    )


@pytest.fixture
async def app(settings: Settings, database: Database) -> Litestar:
    application = create_app(settings, database=database)
    await load_auth_state(application)
    return application


@asynccontextmanager
async def http_client(app: Litestar, *, lifespan: bool = True) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP into the app on the test's own event loop (so it can share the test's transaction).

    The lifespan must start and end in one task: fixtures pass lifespan=False and hand the app
    its database instead."""
    transport = httpx.ASGITransport(app=app)
    async with AsyncExitStack() as stack:
        if lifespan:
            await stack.enter_async_context(app.lifespan())
        yield await stack.enter_async_context(
            httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000")
        )


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app, lifespan=False) as test_client:
        yield test_client


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def hkte_logs() -> Iterator[list[logging.LogRecord]]:
    """Every record the `hkte` loggers emit during the test."""
    collector = _Collector()
    logger = logging.getLogger("hkte")
    logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        logger.removeHandler(collector)
