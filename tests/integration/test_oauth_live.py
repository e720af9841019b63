"""OAuth against a real server process: concurrency and cross-process revocation timing."""

from __future__ import annotations

import asyncio
import secrets
import signal
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from adapters.crypto import ServerKeys
from adapters.db.admin_uow import client_administration
from adapters.db.database import Database
from adapters.db.migrate import upgrade
from adapters.localpg import LocalCluster
from domain.client_admin import ClientAdministration, IssuedSecret
from domain.clients import AuthMethod
from domain.i18n import LocalizedText
from domain.partners import PartnerType
from domain.scopes import ADMIN_SCOPES, PARTNER_SCOPES
from tests.integration.test_service_process import HKTE, _env, _free_port, _ready_status, _wait_for
from tests.support.oauth import OPERATOR

pytestmark = pytest.mark.slow
SECRET = "live-test-server-secret-0123456789abcdef"


@dataclass
class Live:
    base: str
    admin: ClientAdministration
    database: Database


@pytest.fixture
async def live() -> AsyncIterator[Live]:
    cluster = LocalCluster(Path(tempfile.mkdtemp(prefix="hkte-live-")), durable=False)
    cluster.ensure_started()
    await asyncio.to_thread(upgrade, cluster.url())
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [HKTE, "serve", "--port", str(port)],
        env=_env(DATABASE_URL=cluster.url(), HKTE_SERVER_SECRET=SECRET, AUTH_REFRESH_SECONDS="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    database = Database.connect(cluster.url())
    try:
        await asyncio.to_thread(_wait_for, lambda: _ready_status(base) == 200, 60, "the live server")
        keys = ServerKeys.derive(SECRET)
        admin = client_administration(database, keys.secret_pepper)
        yield Live(base, admin, database)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        await database.dispose()
        cluster.destroy()


async def _client(
    live: Live, partner_type: PartnerType, scopes: frozenset, methods: frozenset
) -> IssuedSecret:  # type: ignore[type-arg]
    partner = await live.admin.create_partner(
        OPERATOR,
        code=f"live-{secrets.token_hex(3)}",
        name=LocalizedText("Live", "", ""),
        type=partner_type,
        country="HK",
    )
    issued = await live.admin.create_client(
        OPERATOR, partner_id=partner.id, name="live", scopes=scopes, auth_methods=methods
    )
    assert isinstance(issued, IssuedSecret)
    return issued


async def test_exactly_one_of_twenty_concurrent_replays_of_an_assertion_gets_a_token(live: Live) -> None:
    key = RSAKey.generate_key(2048, auto_kid=True)
    issued = await _client(
        live,
        PartnerType.ETO,
        frozenset(PARTNER_SCOPES),
        frozenset({AuthMethod.PRIVATE_KEY_JWT, AuthMethod.CLIENT_SECRET_BASIC}),
    )
    client_id = issued.client.client_id
    await live.admin.replace_keys(OPERATOR, client_id, {"keys": [key.as_dict(private=False)]})
    now = int(time.time())
    assertion = jwt.encode(
        {"alg": "RS256", "kid": key.kid},
        {
            "iss": client_id,
            "sub": client_id,
            "aud": live.base,
            "iat": now,
            "exp": now + 120,
            "jti": "replayed",
        },
        key,
        algorithms=["RS256"],
    )
    form = {
        "grant_type": "client_credentials",
        "client_assertion": assertion,
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    }
    async with httpx.AsyncClient(base_url=live.base, timeout=30) as http:
        answers = await asyncio.gather(*(http.post("/oauth/token", data=form) for _ in range(20)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(200) == 1, statuses
    assert statuses.count(401) == 19, statuses


async def test_a_revoked_client_stops_working_within_the_refresh_bound(live: Live) -> None:
    issued = await _client(
        live, PartnerType.HKTE, frozenset(ADMIN_SCOPES), frozenset({AuthMethod.CLIENT_SECRET_BASIC})
    )
    async with httpx.AsyncClient(base_url=live.base, timeout=10) as http:
        token = (
            await http.post(
                "/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(issued.client.client_id, issued.secret),
            )
        ).json()["access_token"]
        bearer = {"Authorization": f"Bearer {token}"}
        assert (await http.get("/v1/admin/partners", headers=bearer)).status_code == 200
        await live.admin.revoke_client(OPERATOR, issued.client.client_id)
        revoked_at = time.monotonic()
        while (await http.get("/v1/admin/partners", headers=bearer)).status_code == 200:
            assert time.monotonic() - revoked_at < 5, "revocation did not reach the server within 5 s"
            await asyncio.sleep(0.1)
