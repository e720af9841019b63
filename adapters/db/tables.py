"""Rows: the SQLAlchemy declarative classes. Repositories map them to domain objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TIMESTAMP
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from domain.partners import PartnerType

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PARTNER_TYPES = tuple(t.value for t in PartnerType)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: TIMESTAMP(timezone=True)}


class PartnerRow(Base):
    __tablename__ = "partners"
    __table_args__ = (
        CheckConstraint(_one_of("type", PARTNER_TYPES), name="type"),
        CheckConstraint(_one_of("status", ("active", "suspended")), name="status"),
        CheckConstraint("country ~ '^[A-Z]{2}$'", name="country"),
        CheckConstraint("code ~ '^[a-z0-9][a-z0-9-]{1,62}$'", name="code"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(63), unique=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh_hant: Mapped[str] = mapped_column(Text)
    name_zh_hans: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(16), server_default="active")
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())


class PartnerNamesRow(Base):
    """One row: `version` is raised by a trigger on every statement that writes a partner's code
    or names (migration 0008), whoever runs it. Event listings key what they keep by it."""

    __tablename__ = "partner_names"
    __table_args__ = (CheckConstraint("id", name="one_row"),)

    id: Mapped[bool] = mapped_column(primary_key=True, server_default=text("true"))
    version: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))


class OAuthClientRow(Base):
    __tablename__ = "oauth_clients"
    __table_args__ = (
        CheckConstraint(_one_of("status", ("active", "revoked")), name="status"),
        CheckConstraint(_one_of("rate_limit_tier", ("standard", "elevated", "bulk")), name="rate_limit_tier"),
        CheckConstraint("cardinality(scopes) > 0", name="scopes"),
        CheckConstraint("cardinality(auth_methods) > 0", name="auth_methods"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    partner_id: Mapped[UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    scopes: Mapped[list[str]] = mapped_column(ARRAY(Text))
    auth_methods: Mapped[list[str]] = mapped_column(ARRAY(Text))
    status: Mapped[str] = mapped_column(String(16), server_default="active")
    rate_limit_tier: Mapped[str] = mapped_column(String(16), server_default="standard")
    jwks: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    last_used_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()


class ClientSecretRow(Base):
    """Keyed hashes of client secrets. A rotated-out secret keeps working until `expires_at`."""

    __tablename__ = "oauth_client_secrets"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    client_pk: Mapped[UUID] = mapped_column(ForeignKey("oauth_clients.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime | None] = mapped_column()


class SigningKeyRow(Base):
    """Token signing keys; the private half is encrypted (AES-GCM) with a key derived from the
    server secret, so a database dump alone cannot mint tokens."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    alg: Mapped[str] = mapped_column(String(16))
    public_jwk: Mapped[dict[str, Any]] = mapped_column(JSONB)
    private_key_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    retired_at: Mapped[datetime | None] = mapped_column()


class ClientAssertionJtiRow(Base):
    """`jti` of private_key_jwt assertions already used: each is accepted once (RFC 7523)."""

    __tablename__ = "client_assertion_jtis"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    jti: Mapped[str] = mapped_column(String(255), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class RevokedTokenRow(Base):
    __tablename__ = "revoked_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(index=True)
    revoked_at: Mapped[datetime] = mapped_column(server_default=func.now())


class AuditRow(Base):
    """Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Never holds secrets or
    personal data: ids, actions and outcomes only."""

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(_one_of("outcome", ("success", "denied", "failure")), name="outcome"),
        Index("ix_audit_log_occurred_at_id", "occurred_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(server_default=func.now())
    actor_client_id: Mapped[str | None] = mapped_column(String(64), index=True)
    actor_partner_id: Mapped[UUID | None] = mapped_column()
    action: Mapped[str] = mapped_column(String(64), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    target_type: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(128))
    request_id: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
