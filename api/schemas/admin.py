"""Wire structs of the admin API (partners, OAuth clients, audit log)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from api.schemas.base import NOT_BLANK, NextCursor, RequestBody, ResponseBody
from domain.clients import AuthMethod, RateLimitTier
from domain.partners import PartnerType
from domain.scopes import Scope

Text = Annotated[str, Meta(min_length=1, max_length=200)]


class Names(RequestBody, frozen=True):
    en: Annotated[str, Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
    zh_hant: Annotated[str, Meta(max_length=200)] = ""
    zh_hans: Annotated[str, Meta(max_length=200)] = ""


class NamesOut(ResponseBody, frozen=True):
    en: str
    zh_hant: str
    zh_hans: str


class PartnerCreate(RequestBody, frozen=True):
    code: Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$", examples=["hkfi-bankers"])]
    name: Names
    type: PartnerType
    country: Annotated[str, Meta(pattern=r"^[A-Z]{2}$", examples=["GB"])] | None = None


class PartnerUpdate(RequestBody, frozen=True):
    name: Names | None = None
    status: Literal["active", "suspended"] | None = None


class PartnerOut(ResponseBody, frozen=True):
    id: UUID
    code: str
    name: NamesOut
    type: str
    country: str | None
    status: str
    created_at: datetime
    updated_at: datetime


class ClientCreate(RequestBody, frozen=True):
    partner_id: UUID
    name: Text
    scopes: Annotated[list[Scope], Meta(min_length=1, max_length=10, examples=[["talent-list:read"]])]
    auth_methods: Annotated[list[AuthMethod], Meta(min_length=1, max_length=3)] = msgspec.field(
        default_factory=lambda: [AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST]
    )
    rate_limit_tier: RateLimitTier = RateLimitTier.STANDARD
    jwks: dict[str, Any] | None = None


class ClientUpdate(RequestBody, frozen=True):
    name: Text | None = None
    scopes: Annotated[list[Scope], Meta(min_length=1, max_length=10)] | None = None
    rate_limit_tier: RateLimitTier | None = None
    status: Literal["revoked"] | None = None


class ClientOut(ResponseBody, frozen=True):
    client_id: str
    partner_id: UUID
    name: str
    scopes: list[str]
    auth_methods: list[str]
    status: str
    rate_limit_tier: str
    has_public_keys: bool
    created_at: datetime
    updated_at: datetime
    last_used_at: datetime | None


class ClientSecretOut(ResponseBody, frozen=True):
    """The secret appears here once and is never shown again: store it now."""

    client: ClientOut
    client_secret: str
    previous_secrets_expire_at: datetime | None = None


class SecretRotation(RequestBody, frozen=True):
    grace_period_seconds: Annotated[
        int, Meta(ge=0, le=30 * 24 * 3600, description="Default 86400 (24 h).")
    ] = 86400


class PublicKeys(RequestBody, frozen=True):
    jwks: Annotated[dict[str, Any], Meta(description="A JWK Set of public keys for private_key_jwt.")]


class AuditOut(ResponseBody, frozen=True):
    id: UUID
    occurred_at: datetime
    action: str
    outcome: str
    actor_client_id: str | None
    actor_partner_id: UUID | None
    target_type: str | None
    target_id: str | None
    request_id: str | None
    details: dict[str, Any]


class PartnerPage(ResponseBody, frozen=True):
    """A page of partners, newest first."""

    items: list[PartnerOut]
    next_cursor: NextCursor


class ClientPage(ResponseBody, frozen=True):
    """A page of OAuth clients, newest first."""

    items: list[ClientOut]
    next_cursor: NextCursor


class AuditPage(ResponseBody, frozen=True):
    """A page of audit entries, newest first."""

    items: list[AuditOut]
    next_cursor: NextCursor
