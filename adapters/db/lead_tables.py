"""Rows of talent leads, their status history, and the idempotency store.

Personal data sits in `person` (JSONB) plus the two match keys `email_key` and `phone`; erasing a
lead sets all three to NULL and keeps the rest as a tombstone."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text, Uuid, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from adapters.db.tables import Base, _one_of
from domain.leads import LeadStatus

STATUSES = tuple(s.value for s in LeadStatus)


class LeadRow(Base):
    __tablename__ = "leads"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        # one lead per person and per external reference within a partner (duplicates → 409)
        Index(
            "uq_leads_partner_external_ref",
            "partner_id",
            "external_ref",
            unique=True,
            postgresql_where=text("external_ref IS NOT NULL"),
        ),
        Index("ix_leads_email_key", "email_key", postgresql_where=text("email_key IS NOT NULL")),
        Index("ix_leads_phone", "phone", postgresql_where=text("phone IS NOT NULL")),
        Index("ix_leads_partner_id_id", "partner_id", "id"),
        Index("ix_leads_retain_until", "retain_until", postgresql_where=text("erased_at IS NULL")),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    partner_id: Mapped[UUID] = mapped_column(ForeignKey("partners.id"))
    submitted_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    external_ref: Mapped[str | None] = mapped_column(String(100))
    edition_code: Mapped[str] = mapped_column(String(32))
    profession_code: Mapped[str | None] = mapped_column(String(63))
    person: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    email_key: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(16))
    profile: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    consent: Mapped[dict[str, Any]] = mapped_column(JSONB)
    purposes: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    known_to_hkte: Mapped[bool] = mapped_column()
    retain_until: Mapped[datetime] = mapped_column()
    version: Mapped[int] = mapped_column(server_default=text("1"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    erased_at: Mapped[datetime | None] = mapped_column()


class LeadStatusChangeRow(Base):
    __tablename__ = "lead_status_changes"
    __table_args__ = (Index("ix_lead_status_changes_lead_id_changed_at", "lead_id", "changed_at"),)

    id: Mapped[UUID] = mapped_column(primary_key=True)
    lead_id: Mapped[UUID] = mapped_column(ForeignKey("leads.id"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason_code: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(server_default=func.now())


class IdempotencyRow(Base):
    """A request's answer, kept so a retry with the same key gets the same answer."""

    __tablename__ = "idempotency_keys"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[int] = mapped_column()
    body: Mapped[bytes] = mapped_column(LargeBinary)
    headers: Mapped[dict[str, str]] = mapped_column(JSONB)
    lead_ids: Mapped[list[UUID]] = mapped_column(ARRAY(Uuid), server_default=text("'{}'"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(index=True)
