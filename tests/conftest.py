"""The test session's real PostgreSQL, migrated by Alembic, and per-test isolation.

Without TEST_DATABASE_URL the session starts a throwaway local cluster (the same code as
`make run`, with fsync off) and deletes it at the end. Each test runs inside an outer
transaction that is rolled back, so tests see an empty, migrated schema.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import tempfile
import urllib.parse
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
from tests.support import leak_plugin, leaks
from tests.support.databases import create_database, drop_database


def pytest_configure(config: pytest.Config) -> None:
    """Log hygiene for the whole session (tests/support/leak_plugin.py)."""
    if not config.pluginmanager.is_registered(leak_plugin):
        config.pluginmanager.register(leak_plugin, "hkte-leak-watch")


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
leaks.register("server secret", SERVER_SECRET)


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
    register_signing_key(application)
    return application


def register_signing_key(app: Litestar) -> None:
    """The private signing key in the forms it could leak in: its JWK `d` and a PEM line."""
    key = app.state.auth.require_key_ring().signing_key
    leaks.register("signing key", key.as_dict(private=True)["d"])
    pem = key.as_pem(private=True).decode().splitlines()
    leaks.register("signing key", pem[len(pem) // 2])


async def _register_request(request: httpx.Request) -> None:
    """What a test sends: lead bodies (their people) and client secrets in token forms."""
    content_type = request.headers.get("content-type", "")
    try:
        content = request.content
    except httpx.RequestNotRead:  # a streamed body: nothing a test registers goes that way
        return
    if content_type.startswith("application/json"):
        with contextlib.suppress(ValueError, RecursionError):  # the limits tests send bad JSON
            leaks.register_payload(json.loads(content or b"null"))
    elif content_type.startswith("application/x-www-form-urlencoded"):
        form = urllib.parse.parse_qs(content.decode("utf-8", "replace"))
        for value in form.get("client_secret", []):
            leaks.register("client secret", value)


async def _register_response(response: httpx.Response) -> None:
    """What the API hands out: access tokens and client secrets."""
    if response.headers.get("content-type", "").startswith("application/json"):
        await response.aread()
        with contextlib.suppress(ValueError):
            body = response.json()
            for found in _values(body, ("access_token", "client_secret")):
                leaks.register("access token" if found[0] == "access_token" else "client secret", found[1])


def _values(body: object, names: tuple[str, ...]) -> list[tuple[str, object]]:
    if isinstance(body, dict):
        here = [(k, v) for k, v in body.items() if k in names]
        return here + [f for v in body.values() for f in _values(v, names)]
    if isinstance(body, list):
        return [f for v in body for f in _values(v, names)]
    return []


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
            httpx.AsyncClient(
                transport=transport,
                base_url="http://127.0.0.1:8000",
                event_hooks={"request": [_register_request], "response": [_register_response]},
            )
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
