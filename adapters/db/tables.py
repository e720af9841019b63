"""Rows: the SQLAlchemy declarative classes. Repositories map them to domain objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from sqlalchemy import CheckConstraint, MetaData, String, Text, func
from sqlalchemy.dialects.postgresql import TIMESTAMP
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PARTNER_TYPES = (
    "eto",
    "mainland_office",
    "industry_body",
    "official_partner",
    "service_partner",
    "event_partner",
    "gov_counterpart",
    "hkte",
)


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
