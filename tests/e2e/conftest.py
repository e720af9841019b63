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
from dataclasses import dataclass
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
from tests.support.databases import create_database, drop_database

HKTE = str(Path(sys.executable).parent / "hkte")
SECRET = "e2e-server-secret-0123456789abcdefghijklmnopqrstuvwxyz"
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _partner_id(database: Database, code: str) -> UUID:
    async with database.session() as session:
        found = await session.scalar(select(PartnerRow.id).where(PartnerRow.code == code))
    assert found is not None, f"reference partner {code} is missing"
    return found


async def _prepare(url: str) -> tuple[Credentials, Credentials]:
    """Reference data, sample events, and two clients: a partner's and HKTE staff's."""
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
        made = []
        for partner_id, scopes in (
            (office.id, PARTNER_SCOPES),
            (await _partner_id(database, "hkte"), STAFF_SCOPES),
        ):
            issued = await admin.create_client(
                actor, partner_id=partner_id, name="e2e", scopes=scopes, auth_methods=methods
            )
            assert isinstance(issued, IssuedSecret)
            made.append(Credentials(issued.client.client_id, issued.secret))
        return made[0], made[1]
    finally:
        await database.dispose()


@pytest.fixture(scope="session")
async def live_server(admin_url: str) -> AsyncIterator[LiveServer]:
    url = await create_database(admin_url, "hkte_e2e")
    await asyncio.to_thread(upgrade, url)
    partner, staff = await _prepare(url)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("HKTE_DATA_DIR", "HOST", "PORT")},
        "DATABASE_URL": url,
        "HKTE_SERVER_SECRET": SECRET,
        "PUBLIC_BASE_URL": base,
        "LOG_LEVEL": "WARNING",
    }
    log = tempfile.NamedTemporaryFile(prefix=f"hkte-e2e-{port}-", suffix=".log", delete=False)  # noqa: SIM115
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
        yield LiveServer(base, partner, staff)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        await drop_database(admin_url, url)
