"""What every API process keeps in memory to verify tokens without a database round trip:
the signing keys, and which clients and tokens are revoked. Refreshed every few seconds
(AUTH_REFRESH_SECONDS), which bounds how long a revocation takes to reach every process."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from joserfc.jwk import RSAKey
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.crypto import ServerKeys
from adapters.db.tables import OAuthClientRow, PartnerRow, RevokedTokenRow
from adapters.oauth.keys import KeyRing, load_key_ring


class NoSigningKey(RuntimeError):
    pass


@dataclass
class AuthState:
    keys: ServerKeys
    key_ring: KeyRing | None = None
    revoked_clients: frozenset[str] = frozenset()
    revoked_tokens: frozenset[str] = frozenset()
    tiers: dict[str, str] = field(default_factory=dict)  # client id -> rate-limit tier, if not standard
    refreshed_at: float = field(default=0.0)

    def require_key_ring(self) -> KeyRing:
        if self.key_ring is None:
            raise NoSigningKey("no signing key loaded yet")
        return self.key_ring

    def public_key(self, kid: str) -> RSAKey | None:
        return self.key_ring.find(kid) if self.key_ring is not None else None

    def is_revoked(self, client_id: str, jti: str) -> bool:
        return client_id in self.revoked_clients or jti in self.revoked_tokens

    async def refresh(self, session: AsyncSession) -> None:
        """Reload keys (when they changed), revocations and rate-limit tiers: four small queries."""
        ring = await load_key_ring(session, self.keys, self.key_ring)
        blocked = await session.scalars(
            select(OAuthClientRow.client_id)
            .join(PartnerRow, PartnerRow.id == OAuthClientRow.partner_id)
            .where((OAuthClientRow.status != "active") | (PartnerRow.status != "active"))
        )
        revoked = await session.scalars(
            select(RevokedTokenRow.jti).where(RevokedTokenRow.expires_at > func.now())
        )
        tiers = await session.execute(
            select(OAuthClientRow.client_id, OAuthClientRow.rate_limit_tier).where(
                OAuthClientRow.rate_limit_tier != "standard", OAuthClientRow.status == "active"
            )
        )
        self.key_ring = ring
        self.revoked_clients = frozenset(blocked)
        self.revoked_tokens = frozenset(revoked)
        self.tiers = {client_id: tier for client_id, tier in tiers}
        self.refreshed_at = time.monotonic()
