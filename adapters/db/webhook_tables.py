"""Rows of the outbox (change events), webhook subscriptions, deliveries and their attempts.

`change_events` is written in the transaction of the change it reports. Its feed order is
(`txid`, `position`): the writing transaction's id, then insertion order. A reader only takes
rows of transactions older than every transaction still running (the snapshot's xmin), so a row
committed late can never appear behind a cursor that already moved past it.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Identity,
    Index,
    LargeBinary,
    String,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from adapters.db.tables import Base, _one_of
from domain.changes import ChangeType, Resource
from domain.webhooks import DeliveryState

CURRENT_TXID = text("(pg_current_xact_id()::text)::bigint")


class ChangeEventRow(Base):
    __tablename__ = "change_events"
    __table_args__ = (
        CheckConstraint(_one_of("type", tuple(t.value for t in ChangeType)), name="type"),
        CheckConstraint(_one_of("resource", tuple(r.value for r in Resource)), name="resource"),
        Index("ix_change_events_feed", "partner_id", "txid", "position"),
        Index("ix_change_events_occurred_at", "occurred_at"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger, Identity(always=True), unique=True)
    txid: Mapped[int] = mapped_column(BigInteger, server_default=CURRENT_TXID)
    type: Mapped[str] = mapped_column(String(40))
    resource: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[str] = mapped_column(String(64))
    partner_id: Mapped[UUID | None] = mapped_column(ForeignKey("partners.id"))
    status: Mapped[str | None] = mapped_column(String(32))
    subscription_id: Mapped[UUID | None] = mapped_column()
    occurred_at: Mapped[datetime] = mapped_column(server_default=func.now())


class ChangeFeedHorizonRow(Base):
    """One row: the feed position up to which events were purged (retention). A cursor before
    it may have missed events, and is told so."""

    __tablename__ = "change_feed_horizon"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    txid: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(BigInteger)


class SubscriptionRow(Base):
    __tablename__ = "webhook_subscriptions"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    partner_id: Mapped[UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(40)))
    description: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column()
    disabled_reason: Mapped[str | None] = mapped_column(String(200))
    secret_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    previous_secret_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column()
    version: Mapped[int] = mapped_column(server_default=text("1"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())


class DeliveryRow(Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        CheckConstraint(_one_of("state", tuple(s.value for s in DeliveryState)), name="state"),
        Index("ix_webhook_deliveries_subscription_id_id", "subscription_id", "id"),
        Index(
            "ix_webhook_deliveries_due",
            "next_attempt_at",
            postgresql_where=text("state = 'pending'"),
        ),
        Index(
            "ix_webhook_deliveries_leased",
            "subscription_id",
            "leased_until",
            postgresql_where=text("leased_until IS NOT NULL"),
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, server_default=text("hkte_uuid7()"))
    subscription_id: Mapped[UUID] = mapped_column(ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"))
    change_id: Mapped[UUID] = mapped_column(ForeignKey("change_events.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), server_default=text("'pending'"))
    attempts: Mapped[int] = mapped_column(server_default=text("0"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(server_default=func.now())
    leased_until: Mapped[datetime | None] = mapped_column()
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    completed_at: Mapped[datetime | None] = mapped_column()


class AttemptRow(Base):
    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery_id_id", "delivery_id", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    delivery_id: Mapped[UUID] = mapped_column(ForeignKey("webhook_deliveries.id", ondelete="CASCADE"))
    attempted_at: Mapped[datetime] = mapped_column()
    duration_ms: Mapped[int] = mapped_column()
    status_code: Mapped[int | None] = mapped_column()
    error: Mapped[str | None] = mapped_column(String(200))
    worker: Mapped[str] = mapped_column(String(64))  # which `hkte worker` made the attempt
