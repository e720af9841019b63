"""OAuth clients and their secret hashes: rows <-> domain objects."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
from sqlalchemy import ARRAY, Row, String, Table, any_, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.driver_sql import DriverStatement
from adapters.db.tables import ClientSecretRow, OAuthClientRow, PartnerRow
from domain.clients import AuthMethod, ClientStatus, OAuthClient, RateLimitTier
from domain.i18n import LocalizedText
from domain.ids import new_id
from domain.partners import Partner, PartnerStatus, PartnerType
from domain.scopes import Scope

# what client_from_row reads
_CLIENT_COLUMNS = (
    "id",
    "client_id",
    "partner_id",
    "name",
    "scopes",
    "auth_methods",
    "status",
    "rate_limit_tier",
    "jwks",
    "created_at",
    "updated_at",
    "last_used_at",
)


@functools.cache  # a handful of distinct sets: each token request maps its client's
def _scopes(values: tuple[str, ...]) -> frozenset[Scope]:
    return frozenset(Scope(s) for s in values)


@functools.cache
def _auth_methods(values: tuple[str, ...]) -> frozenset[AuthMethod]:
    return frozenset(AuthMethod(m) for m in values)


def client_from_row(row: OAuthClientRow | Row[Any]) -> OAuthClient:
    return OAuthClient(
        id=row.id,
        client_id=row.client_id,
        partner_id=row.partner_id,
        name=row.name,
        scopes=_scopes(tuple(row.scopes)),
        auth_methods=_auth_methods(tuple(row.auth_methods)),
        status=ClientStatus(row.status),
        rate_limit_tier=RateLimitTier(row.rate_limit_tier),
        jwks=row.jwks,
        created_at=row.created_at,
        updated_at=row.updated_at,
        last_used_at=row.last_used_at,
    )


def _values(client: OAuthClient) -> dict[str, object]:
    return {
        "name": client.name,
        "scopes": sorted(s.value for s in client.scopes),
        "auth_methods": sorted(m.value for m in client.auth_methods),
        "status": client.status.value,
        "rate_limit_tier": client.rate_limit_tier.value,
        "jwks": client.jwks,
        "updated_at": client.updated_at,
    }


class SqlClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, client_id: str) -> OAuthClient | None:
        row = await self._session.scalar(select(OAuthClientRow).where(OAuthClientRow.client_id == client_id))
        return client_from_row(row) if row is not None else None

    async def add(self, client: OAuthClient, secret_hash: bytes | None) -> None:
        self._session.add(
            OAuthClientRow(
                id=client.id,
                client_id=client.client_id,
                partner_id=client.partner_id,
                created_at=client.created_at,
                **_values(client),
            )
        )
        await self._session.flush()  # no ORM relationship: the client row must exist first
        if secret_hash is not None:
            self._session.add(ClientSecretRow(id=new_id(), client_pk=client.id, secret_hash=secret_hash))
        await self._session.flush()

    async def update(self, client: OAuthClient) -> None:
        values = _values(client)
        if client.status is ClientStatus.REVOKED:
            values["revoked_at"] = func.coalesce(OAuthClientRow.revoked_at, func.now())
        await self._session.execute(
            update(OAuthClientRow).where(OAuthClientRow.id == client.id).values(**values)
        )

    async def add_secret(self, client: OAuthClient, secret_hash: bytes, others_expire_at: datetime) -> None:
        await self._session.execute(
            update(ClientSecretRow)
            .where(ClientSecretRow.client_pk == client.id)
            .where(ClientSecretRow.expires_at.is_(None) | (ClientSecretRow.expires_at > others_expire_at))
            .values(expires_at=others_expire_at)
        )
        self._session.add(ClientSecretRow(id=new_id(), client_pk=client.id, secret_hash=secret_hash))
        await self._session.flush()


@dataclass(frozen=True, slots=True)
class ClientCredentials:
    """What the token endpoint needs to authenticate one client, loaded in one statement."""

    client: OAuthClient
    partner: Partner
    secret_hashes: list[bytes]


_CLIENTS = cast(Table, OAuthClientRow.__table__)
_PARTNERS = cast(Table, PartnerRow.__table__)
_C = _CLIENTS.c
_P = _PARTNERS.c
_S = cast(Table, ClientSecretRow.__table__).c

# Built once on the Core tables (every token request runs it): executed with a parameter dict, no
# statement construction, ORM compile state or entity hydration per request. `= ANY(array)`
# rather than an expanding `IN (...)`, which SQLAlchemy re-renders for each execution.
_LIVE_SECRETS = (
    select(func.coalesce(func.array_agg(_S.secret_hash), []))
    .where(_S.client_pk == _C.id)
    .where(_S.expires_at.is_(None) | (_S.expires_at > func.clock_timestamp()))
    .correlate(_CLIENTS)
    .scalar_subquery()
)
CREDENTIALS = (
    select(
        *(_C[name] for name in _CLIENT_COLUMNS),
        _P.code.label("partner_code"),
        _P.name_en.label("partner_name_en"),
        _P.name_zh_hant.label("partner_name_zh_hant"),
        _P.name_zh_hans.label("partner_name_zh_hans"),
        _P.type.label("partner_type"),
        _P.country.label("partner_country"),
        _P.status.label("partner_status"),
        _P.created_at.label("partner_created_at"),
        _P.updated_at.label("partner_updated_at"),
        _LIVE_SECRETS.label("secret_hashes"),
    )
    .join_from(_CLIENTS, _PARTNERS, _P.id == _C.partner_id)
    .where(_C.client_id == any_(bindparam("client_ids", type_=ARRAY(String))))
)

# the client's last use, recorded with each token it is issued
CLIENT_USED = update(_CLIENTS).where(_C.client_id == bindparam("used_by")).values(last_used_at=func.now())


def _credentials(row: Row[Any, *tuple[Any, ...]]) -> ClientCredentials:
    partner = Partner(
        id=row.partner_id,
        code=row.partner_code,
        name=LocalizedText(row.partner_name_en, row.partner_name_zh_hant, row.partner_name_zh_hans),
        type=PartnerType(row.partner_type),
        country=row.partner_country,
        status=PartnerStatus(row.partner_status),
        created_at=row.partner_created_at,
        updated_at=row.partner_updated_at,
    )
    return ClientCredentials(client_from_row(row), partner, list(row.secret_hashes or []))


_CREDENTIALS_ON_DRIVER = DriverStatement.of(CREDENTIALS)


async def load_credentials(driver: asyncpg.Connection, client_ids: list[str]) -> dict[str, ClientCredentials]:
    """The clients named, with their partner and live secret hashes: one prepared statement."""
    if not client_ids:
        return {}
    statement = _CREDENTIALS_ON_DRIVER
    rows = await driver.fetch(statement.sql, *statement.args({"client_ids": client_ids}))
    # read by attribute, as the row mappers above read SQLAlchemy rows: a namespace of the record's
    # columns (a `__getattr__` adapter fails a normal lookup first, for each of some 25 columns)
    return {row["client_id"]: _credentials(cast(Any, SimpleNamespace(**row))) for row in rows}
