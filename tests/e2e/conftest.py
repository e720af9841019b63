"""A live server for end-to-end tests: `hkte serve` (granian) on a free loopback port, against a
migrated and seeded database of its own, with OAuth clients made through the real use cases."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import httpx
import pytest
from sqlalchemy import select

from adapters.crypto import ServerKeys
from adapters.db.admin_uow import client_administration
from adapters.db.database import Database
from adapters.db.migrate import upgrade
from adapters.db.tables import PartnerRow
from adapters.seed.loader import seed_reference_data, seed_sample_events
from api.reference_data import reference_editions
from domain.audit import Actor
from domain.client_admin import IssuedSecret
from domain.clients import AuthMethod
from domain.i18n import LocalizedText
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES, Scope
from tests.support import leaks
from tests.support.databases import create_database, drop_database

HKTE = str(Path(sys.executable).parent / "hkte")
SECRET = "e2e-server-secret-0123456789abcdefghijklmnopqrstuvwxyz"
leaks.register("server secret", SECRET)
STAFF_SCOPES = frozenset({Scope.EVENTS_READ, Scope.EVENTS_WRITE, Scope.TALENT_LIST_WRITE, Scope.LEADS_REVIEW})


@dataclass(frozen=True)
class Credentials:
    client_id: str
    client_secret: str


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    partner: Credentials  # an overseas office with the partner scopes
    staff: Credentials  # HKTE staff
    everything: Credentials  # every scope (HKTE partner `e2e-all`): what the fuzzer uses
    protected_ids: tuple[str, ...]  # the clients and partners above, which no test may revoke
    env: dict[str, str] = field(default_factory=dict)  # the server's environment (for `hkte worker`)
    pid: int = 0  # of `hkte serve`


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def access_token(http: httpx.AsyncClient, server: LiveServer, who: str = "partner") -> str:
    """A token of one of the server's clients (`partner`, `staff` or `everything`)."""
    creds: Credentials = getattr(server, who)
    answer = await http.post(
        f"{server.base_url}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(creds.client_id, creds.client_secret),
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


async def _partner_id(database: Database, code: str) -> UUID:
    async with database.session() as session:
        found = await session.scalar(select(PartnerRow.id).where(PartnerRow.code == code))
    assert found is not None, f"reference partner {code} is missing"
    return found


async def _prepare(url: str) -> tuple[list[Credentials], list[str]]:
    """Reference data, sample events, and three clients: a partner's, HKTE staff's, and one
    holding every scope; with the ids of every client and partner involved."""
    database = Database.connect(url)
    admin = client_administration(database, ServerKeys.derive(SECRET).secret_pepper)
    actor = Actor.operator("e2e")
    methods = frozenset({AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST})
    try:
        async with database.session() as session, session.begin():
            await seed_reference_data(session, reference_editions())
            await seed_sample_events(session, datetime.now(UTC).date())
        office = await admin.create_partner(
            actor,
            code="e2e-office",
            name=LocalizedText("E2E office", "測試辦事處", "测试办事处"),
            type=PartnerType.ETO,
            country="GB",
        )
        everyone = await admin.create_partner(
            actor,
            code="e2e-all",
            name=LocalizedText("E2E HKTE desk", "測試", "测试"),
            type=PartnerType.HKTE,
            country="HK",
        )
        hkte = await _partner_id(database, "hkte")
        made, ids = [], [str(office.id), str(hkte), str(everyone.id)]
        grants = ((office.id, PARTNER_SCOPES), (hkte, STAFF_SCOPES), (everyone.id, frozenset(Scope)))
        for partner_id, scopes in grants:
            issued = await admin.create_client(
                actor, partner_id=partner_id, name="e2e", scopes=scopes, auth_methods=methods
            )
            assert isinstance(issued, IssuedSecret)
            leaks.register("client secret", issued.secret)
            made.append(Credentials(issued.client.client_id, issued.secret))
            ids.append(issued.client.client_id)
        return made, ids
    finally:
        await database.dispose()


@pytest.fixture(scope="session")
async def live_server(admin_url: str) -> AsyncIterator[LiveServer]:
    """Shared by the SDK tests (reads, and writes that leave the reference data as it is)."""
    async with start_server(admin_url, "hkte_e2e") as server:
        yield server


@asynccontextmanager
async def start_server(
    admin_url: str, prefix: str, extra_env: dict[str, str] | None = None
) -> AsyncIterator[LiveServer]:
    url = await create_database(admin_url, prefix)
    await asyncio.to_thread(upgrade, url)
    credentials, ids = await _prepare(url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("HKTE_DATA_DIR", "HOST", "PORT")},
        "DATABASE_URL": url,
        "HKTE_SERVER_SECRET": SECRET,
        "PUBLIC_BASE_URL": base,
        "LOG_LEVEL": "INFO",  # access logs too: all of it is scanned for leaks at the end
        # tests and the fuzzer call far more often than any partner may: quotas are tested apart
        "RATE_LIMIT_STANDARD_PER_MINUTE": "1000000",
        "RATE_LIMIT_ELEVATED_PER_MINUTE": "1000000",  # the fuzzer changes its own client's tier
        "RATE_LIMIT_BULK_PER_MINUTE": "1000000",
        "TOKEN_RATE_LIMIT_PER_CLIENT_PER_MINUTE": "1000000",
        "TOKEN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "1000000",
        **(extra_env or {}),
    }
    log = tempfile.NamedTemporaryFile(prefix=f"hkte-e2e-{port}-", suffix=".log", delete=False)  # noqa: SIM115
    leaks.watch_log_file(log.name)
    process = subprocess.Popen(
        [HKTE, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        async with httpx.AsyncClient(timeout=2) as http:
            while True:
                try:
                    if (await http.get(f"{base}/health/ready")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the server did not start; see {log.name}")
                await asyncio.sleep(0.2)
        yield LiveServer(base, *credentials, protected_ids=tuple(ids), env=env, pid=process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        await drop_database(admin_url, url)
