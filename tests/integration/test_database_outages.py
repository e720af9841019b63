"""When the database is slow, away, or every pooled connection is taken, the API answers 503
problem+json with Retry-After (the OAuth endpoints: RFC 6749 `temporarily_unavailable`), never
a 500 and never a hang, and it recovers by itself once the database is back.

The only timings asserted are generous upper bounds proving that nothing hangs."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import text

from adapters.catalog_cache import TalentListCache
from adapters.crypto import ServerKeys
from adapters.db.admin_uow import client_administration
from adapters.db.database import Database, PoolSettings
from adapters.db.errors import is_database_unavailable
from adapters.db.migrate import upgrade
from adapters.localpg import LocalCluster
from api.app import create_app
from api.problems import PROBLEM_BASE
from api.settings import Settings
from domain.audit import Actor
from domain.client_admin import IssuedSecret
from domain.clients import AuthMethod
from domain.i18n import LocalizedText
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES
from tests.api.test_leads import lead_body
from tests.conftest import http_client
from tests.support import leaks
from tests.support.catalog import seed_catalog
from tests.support.databases import create_database, drop_database
from tests.support.leaks import watch_log_file
from tests.support.oauth import get_token, make_client

SECRET = "outage-server-secret-0123456789abcdefghijklmnop"
NO_HANG_S = 10.0
HKTE = str(Path(sys.executable).parent / "hkte")


@pytest.fixture(scope="module")
async def outage_url(admin_url: str) -> AsyncIterator[str]:
    """A database of its own: these apps commit (a client, a signing key) outside any test
    transaction."""
    url = await create_database(admin_url, "hkte_outage")
    await asyncio.to_thread(upgrade, url)
    yield url
    await drop_database(admin_url, url)


@asynccontextmanager
async def serving(url: str, **settings: Any) -> AsyncIterator[tuple[Any, httpx.AsyncClient, dict[str, str]]]:
    """The app with its own engine (as in production), and a partner's bearer header."""
    app = create_app(
        Settings(database_url=url, hkte_server_secret=SECRET, auth_refresh_seconds=0, **settings)
    )
    async with http_client(app) as client:
        partner = await make_client(app, scopes=PARTNER_SCOPES)
        bearer = {"Authorization": f"Bearer {await get_token(client, partner)}"}
        yield app, client, bearer


def assert_unavailable(response: httpx.Response, elapsed_s: float) -> None:
    assert elapsed_s < NO_HANG_S, f"answered after {elapsed_s:.1f}s"
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) > 0
    if response.request.url.path.startswith("/oauth/"):
        assert response.json()["error"] == "temporarily_unavailable"
        assert response.headers["cache-control"] == "no-store"
    else:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == PROBLEM_BASE + "database-unavailable"


async def timed(call: Any) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = await call
    return response, time.monotonic() - started


@asynccontextmanager
async def table_locked(url: str, table: str) -> AsyncIterator[None]:
    """Another session holds ACCESS EXCLUSIVE on `table`: every statement touching it waits."""
    connection = await asyncpg.connect(url)
    try:
        async with connection.transaction():
            await connection.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            yield
    finally:
        await connection.close()


async def test_a_statement_over_the_statement_timeout_is_a_503(outage_url: str) -> None:
    async with serving(outage_url, db_statement_timeout_ms=300) as (app, client, bearer):
        partner = await make_client(app, scopes=PARTNER_SCOPES)
        async with table_locked(outage_url, "leads"):
            response, elapsed = await timed(client.get("/v1/leads", headers=bearer))
            assert_unavailable(response, elapsed)
        async with table_locked(outage_url, "oauth_clients"):
            response, elapsed = await timed(
                client.post(
                    "/oauth/token", data={"grant_type": "client_credentials"}, headers=partner.basic()
                )
            )
            assert_unavailable(response, elapsed)
        # the lock is gone: the same requests succeed on the same pool
        assert (await client.get("/v1/leads", headers=bearer)).status_code == 200
        await get_token(client, partner)


async def test_an_exhausted_pool_is_a_503_not_a_queue_without_end(outage_url: str) -> None:
    async with serving(outage_url, db_pool_size=1, db_max_overflow=0, db_pool_timeout_seconds=0.5) as (
        app,
        client,
        bearer,
    ):
        database: Database = app.state.database
        async with database.engine.connect() as held:  # the pool's only connection
            await held.execute(text("SELECT 1"))
            response, elapsed = await timed(client.get("/v1/leads", headers=bearer))
            assert_unavailable(response, elapsed)
            ready, elapsed = await timed(client.get("/health/ready"))
            assert_unavailable(ready, elapsed)
        assert (await client.get("/v1/leads", headers=bearer)).status_code == 200


async def test_a_submission_never_waits_for_a_second_connection_while_holding_one(outage_url: str) -> None:
    """A submission checks its profession against the Talent List in force. When the copy in
    memory must be reloaded, the reload takes a connection of its own: asked for inside the
    submission's transaction, every submission in flight would hold one connection and wait for
    another, and at full concurrency the pool runs dry and all of them fail together. A pool of
    one and a stale copy show it on a single request."""
    async with serving(outage_url, db_pool_size=1, db_max_overflow=0, db_pool_timeout_seconds=1) as (
        app,
        client,
        bearer,
    ):
        await seed_catalog(app)
        cache: TalentListCache = app.state.talent_list
        for key in ("first", "second"):
            cache.invalidate()  # as on a notice from the database: the next use reloads it
            headers = {**bearer, "Idempotency-Key": f"one-connection-{key}"}
            person = {**lead_body()["person"], "email": f"one-connection-{key}@example.org", "phone": None}
            leaks.register("lead email", person["email"])
            body = lead_body(external_ref=f"one-connection-{key}", person=person)
            response, elapsed = await timed(client.post("/v1/leads", json=body, headers=headers))
            assert response.status_code == 201, response.text
            assert elapsed < NO_HANG_S


async def test_a_server_that_stops_answering_is_bounded_on_our_side(outage_url: str) -> None:
    """statement_timeout is enforced by the server; if the server itself hangs (frozen, network
    gone) the driver's own timeout still ends the wait, and it counts as unavailable (503)."""
    database = Database.connect(outage_url, PoolSettings(statement_timeout_ms=200))
    try:
        async with database.session() as session:
            await session.execute(text("SET statement_timeout = 0"))  # the server will not end it
            started = time.monotonic()
            with pytest.raises(Exception) as caught:  # noqa: PT011 (which one is the driver's choice)
                await session.execute(text("SELECT pg_sleep(60)"))
        assert time.monotonic() - started < NO_HANG_S
        assert is_database_unavailable(caught.value), repr(caught.value)
    finally:
        await database.dispose()


# --- the database stops and comes back under a live server -------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _eventually(check: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")


async def _make_partner_client(url: str) -> tuple[str, str]:
    database = Database.connect(url)
    try:
        admin = client_administration(database, ServerKeys.derive(SECRET).secret_pepper)
        actor = Actor.operator("outage-test")
        partner = await admin.create_partner(
            actor,
            code="outage-eto",
            name=LocalizedText("Outage ETO", "測試", "测试"),
            type=PartnerType.ETO,
            country="GB",
        )
        issued = await admin.create_client(
            actor,
            partner_id=partner.id,
            name="outage",
            scopes=PARTNER_SCOPES,
            auth_methods=frozenset({AuthMethod.CLIENT_SECRET_BASIC}),
        )
        assert isinstance(issued, IssuedSecret)
        return issued.client.client_id, issued.secret
    finally:
        await database.dispose()


@pytest.fixture
def cluster() -> Iterator[LocalCluster]:
    local = LocalCluster(Path(tempfile.mkdtemp(prefix="hkte-outage-pg-")), durable=False)
    local.ensure_started()
    yield local
    local.destroy()


@pytest.mark.slow
def test_the_database_stops_and_returns_under_a_live_server(cluster: LocalCluster) -> None:
    url = cluster.url()
    upgrade(url)
    client_id, secret = asyncio.run(_make_partner_client(url))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("HKTE_DATA_DIR", "HOST", "PORT")},
        "DATABASE_URL": url,
        "HKTE_SERVER_SECRET": SECRET,
        "PUBLIC_BASE_URL": base,
        "LOG_LEVEL": "INFO",
        "DB_CONNECT_TIMEOUT_SECONDS": "2",
        "DB_POOL_TIMEOUT_SECONDS": "2",
    }
    log = Path(tempfile.mkstemp(prefix="hkte-outage-", suffix=".log")[1])
    watch_log_file(log)
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [HKTE, "serve", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    http = httpx.Client(base_url=base, timeout=NO_HANG_S + 5)
    try:
        _eventually(lambda: _status(http, "/health/ready") == 200, 60, "the API to be ready")

        def token() -> httpx.Response:
            return http.post(
                "/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
            )

        first = token()
        assert first.status_code == 200, first.text
        bearer = {"Authorization": f"Bearer {first.json()['access_token']}"}
        assert http.get("/v1/leads", headers=bearer).status_code == 200

        cluster.stop()
        for _ in range(3):  # the stale pooled connection first, then failed connects
            started = time.monotonic()
            assert_unavailable(http.get("/v1/leads", headers=bearer), time.monotonic() - started)
            started = time.monotonic()
            assert_unavailable(token(), time.monotonic() - started)
        assert http.get("/health/live").status_code == 200

        cluster.ensure_started()
        _eventually(lambda: _status(http, "/v1/leads", bearer) == 200, 15, "leads to answer 200 again")
        assert token().status_code == 200
        assert server.poll() is None, "the API must not have restarted or died"
    finally:
        http.close()
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0


def _status(http: httpx.Client, path: str, headers: dict[str, str] | None = None) -> int | None:
    try:
        return http.get(path, headers=headers, timeout=5).status_code
    except httpx.TransportError:
        return None
