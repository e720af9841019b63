"""OAuth clients: the credentials a partner's system (or HKTE staff tooling) uses."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from domain.errors import InvalidValue
from domain.partners import Partner, PartnerStatus, PartnerType
from domain.scopes import ADMIN_SCOPES, EVENT_PARTNER_EXTRA, PARTNER_SCOPES, STAFF_SCOPES, Scope

DEFAULT_SECRET_GRACE = timedelta(hours=24)
MAX_SECRET_GRACE = timedelta(days=30)


class AuthMethod(StrEnum):
    CLIENT_SECRET_BASIC = "client_secret_basic"  # noqa: S105
    CLIENT_SECRET_POST = "client_secret_post"  # noqa: S105
    PRIVATE_KEY_JWT = "private_key_jwt"


class ClientStatus(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"


class RateLimitTier(StrEnum):
    STANDARD = "standard"
    ELEVATED = "elevated"
    BULK = "bulk"


def allowed_scopes_for(partner: Partner) -> frozenset[Scope]:
    """Every scope a client of `partner` may ever hold."""
    if partner.type is PartnerType.HKTE:
        return PARTNER_SCOPES | STAFF_SCOPES | ADMIN_SCOPES
    if partner.type is PartnerType.EVENT_PARTNER:
        return PARTNER_SCOPES | EVENT_PARTNER_EXTRA
    return PARTNER_SCOPES


def check_scopes_for(partner: Partner, scopes: frozenset[Scope]) -> None:
    if not scopes:
        raise InvalidValue("scopes", "at least one scope is required")
    forbidden = scopes - allowed_scopes_for(partner)
    if forbidden:
        names = ", ".join(sorted(s.value for s in forbidden))
        raise InvalidValue("scopes", f"a {partner.type.value} partner's client cannot hold: {names}")


def check_auth_methods(methods: frozenset[AuthMethod]) -> None:
    if not methods:
        raise InvalidValue("auth_methods", "at least one client authentication method is required")


@dataclass(frozen=True, slots=True)
class OAuthClient:
    id: UUID
    client_id: str
    partner_id: UUID
    name: str
    scopes: frozenset[Scope]
    auth_methods: frozenset[AuthMethod]
    status: ClientStatus
    rate_limit_tier: RateLimitTier
    jwks: dict[str, object] | None
    created_at: datetime
    updated_at: datetime
    last_used_at: datetime | None

    @property
    def is_active(self) -> bool:
        return self.status is ClientStatus.ACTIVE


def new_client_id() -> str:
    return "hkte_" + secrets.token_urlsafe(15)


def new_client_secret() -> str:
    """256 bits from the OS CSPRNG, with a prefix that secret scanners can recognise."""
    return "hkte_cs_" + secrets.token_urlsafe(32)


def hash_secret(pepper: bytes, secret: str) -> bytes:
    """Keyed hash (HMAC-SHA256 with a server-side pepper). The secrets are 256-bit random, so a
    slow password hash adds nothing but cost on the token endpoint; the pepper means a stolen
    table alone cannot be checked offline."""
    return hmac.new(pepper, secret.encode("utf-8"), hashlib.sha256).digest()


def secret_matches(pepper: bytes, secret: str, hashes: list[bytes]) -> bool:
    candidate = hash_secret(pepper, secret)
    matched = False
    for stored in hashes:  # compare with each (no early exit): constant time per stored secret
        matched |= hmac.compare_digest(candidate, stored)
    return matched


def grace_period(requested: timedelta | None) -> timedelta:
    grace = DEFAULT_SECRET_GRACE if requested is None else requested
    if grace < timedelta(0) or grace > MAX_SECRET_GRACE:
        raise InvalidValue("grace_period_seconds", "between 0 and 30 days")
    return grace


def partner_may_authenticate(partner: Partner) -> bool:
    return partner.status is PartnerStatus.ACTIVE
