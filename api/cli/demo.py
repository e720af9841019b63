"""The demo partner and client that `make run` prints, so a new user gets a token at once.

Only for the local cluster: its credentials are kept beside the data (mode 0600) and reused
on every run; if they stopped working (revoked, rotated) a fresh secret is issued."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from adapters.crypto import ServerKeys
from adapters.db.admin_uow import client_administration
from adapters.db.clients import load_credentials
from adapters.db.database import Database
from adapters.db.tables import PartnerRow
from adapters.db.uow import DriverUnitOfWork
from domain.audit import Actor
from domain.client_admin import IssuedSecret
from domain.clients import AuthMethod, secret_matches
from domain.i18n import LocalizedText
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES

DEMO_CODE = "demo-partner"
ACTOR = Actor.operator("make-run")


async def ensure_demo_client(database: Database, keys: ServerKeys, store: Path) -> tuple[str, str]:
    admin = client_administration(database, keys.secret_pepper)
    saved = json.loads(store.read_text()) if store.exists() else None  # noqa: ASYNC240 (a CLI, once)
    if saved:
        async with DriverUnitOfWork(database, atomic=False) as unit_of_work:
            loaded = await load_credentials(await unit_of_work.driver(), [saved["client_id"]])
            found = loaded.get(saved["client_id"])
        if (
            found
            and found.client.is_active
            and secret_matches(keys.secret_pepper, saved["client_secret"], found.secret_hashes)
        ):
            return saved["client_id"], saved["client_secret"]
        if found and found.client.is_active:
            issued = await admin.rotate_secret(ACTOR, found.client.client_id, timedelta(0))
            return _save(store, issued)
    async with database.session() as session:
        partner_id = await session.scalar(select(PartnerRow.id).where(PartnerRow.code == DEMO_CODE))
    if partner_id is None:
        partner = await admin.create_partner(
            ACTOR,
            code=DEMO_CODE,
            name=LocalizedText("Demo Partner", "示範夥伴", "示范伙伴"),
            type=PartnerType.OFFICIAL_PARTNER,
            country="HK",
        )
        partner_id = partner.id
    created = await admin.create_client(
        ACTOR,
        partner_id=partner_id,
        name="Demo client (make run)",
        scopes=frozenset(PARTNER_SCOPES),
        auth_methods=frozenset({AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST}),
    )
    assert isinstance(created, IssuedSecret)
    return _save(store, created)


def _save(store: Path, issued: IssuedSecret) -> tuple[str, str]:
    fd = os.open(store, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"client_id": issued.client.client_id, "client_secret": issued.secret}, out)
    return issued.client.client_id, issued.secret
