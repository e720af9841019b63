"""OAuth clients and their secret hashes: rows <-> domain objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.partners import partner_from_row
from adapters.db.tables import ClientSecretRow, OAuthClientRow, PartnerRow
from domain.clients import AuthMethod, ClientStatus, OAuthClient, RateLimitTier
from domain.ids import new_id
from domain.partners import Partner
from domain.scopes import Scope


def client_from_row(row: OAuthClientRow) -> OAuthClient:
    return OAuthClient(
        id=row.id,
        client_id=row.client_id,
        partner_id=row.partner_id,
        name=row.name,
        scopes=frozenset(Scope(s) for s in row.scopes),
        auth_methods=frozenset(AuthMethod(m) for m in row.auth_methods),
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


async def load_credentials(session: AsyncSession, client_ids: list[str]) -> dict[str, ClientCredentials]:
    if not client_ids:
        return {}
    live_secrets = (
        select(func.coalesce(func.array_agg(ClientSecretRow.secret_hash), []))
        .where(ClientSecretRow.client_pk == OAuthClientRow.id)
        .where(ClientSecretRow.expires_at.is_(None) | (ClientSecretRow.expires_at > func.clock_timestamp()))
        .correlate(OAuthClientRow)
        .scalar_subquery()
    )
    rows = await session.execute(
        select(OAuthClientRow, PartnerRow, live_secrets)
        .join(PartnerRow, PartnerRow.id == OAuthClientRow.partner_id)
        .where(OAuthClientRow.client_id.in_(client_ids))
    )
    return {
        client.client_id: ClientCredentials(
            client_from_row(client), partner_from_row(partner), list(hashes or [])
        )
        for client, partner, hashes in rows.all()
    }
