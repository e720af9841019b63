"""Rows of the catalog partners read all day: Talent List editions and event listings.

Localised text is kept as JSONB objects keyed by BCP 47 tag: {"en", "zh-Hant", "zh-Hans"}.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from adapters.db.tables import Base, _one_of
from domain.events import AttendanceMode, EventStatus, EventType, Publication

Localized = dict[str, str]


class EditionRow(Base):
    """Published editions are immutable: triggers refuse UPDATE, DELETE and TRUNCATE."""

    __tablename__ = "talent_list_editions"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    effective_from: Mapped[date] = mapped_column(unique=True)
    announced_on: Mapped[date | None] = mapped_column()
    title: Mapped[Localized] = mapped_column(JSONB)
    notes: Mapped[Localized | None] = mapped_column(JSONB)
    declared_profession_count: Mapped[int | None] = mapped_column()
    published_at: Mapped[datetime] = mapped_column(server_default=func.now())
    published_by: Mapped[str | None] = mapped_column(String(64))


class SectorRow(Base):
    __tablename__ = "talent_list_sectors"

    edition_code: Mapped[str] = mapped_column(
        ForeignKey("talent_list_editions.code", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(63), primary_key=True)
    position: Mapped[int] = mapped_column()
    name: Mapped[Localized] = mapped_column(JSONB)
    description: Mapped[Localized | None] = mapped_column(JSONB)


class ProfessionRow(Base):
    __tablename__ = "talent_list_professions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["edition_code", "sector_code"],
            ["talent_list_sectors.edition_code", "talent_list_sectors.code"],
            name="fk_talent_list_professions_sector",
            ondelete="CASCADE",
        ),
        Index("ix_talent_list_professions_code", "code"),
    )

    edition_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(63), primary_key=True)
    sector_code: Mapped[str] = mapped_column(String(63))
    position: Mapped[int] = mapped_column()
    name: Mapped[Localized] = mapped_column(JSONB)
    description: Mapped[Localized | None] = mapped_column(JSONB)
    qualifications: Mapped[Localized | None] = mapped_column(JSONB)
    experience: Mapped[Localized | None] = mapped_column(JSONB)
    schemes: Mapped[list[str]] = mapped_column(ARRAY(String(16)))


def _values(enum: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(_one_of("type", _values(EventType)), name="type"),
        CheckConstraint(_one_of("status", _values(EventStatus)), name="status"),
        CheckConstraint(_one_of("attendance_mode", _values(AttendanceMode)), name="attendance_mode"),
        CheckConstraint(_one_of("publication", _values(Publication)), name="publication"),
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("country ~ '^[A-Z]{2}$'", name="country"),
        # the listing's keyset order
        Index("ix_events_publication_starts_at_id", "publication", "starts_at", "id"),
        # ... and within one country, the filter partners use most
        Index("ix_events_publication_country_starts_at_id", "publication", "country", "starts_at", "id"),
        Index("ix_events_sector_codes", "sector_codes", postgresql_using="gin"),
        Index("ix_events_profession_codes", "profession_codes", postgresql_using="gin"),
        Index("ix_events_co_organiser_ids", "co_organiser_ids", postgresql_using="gin"),
        Index("ix_events_search_tsv", "search_tsv", postgresql_using="gin"),
        Index(
            "ix_events_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    publication: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(32))
    attendance_mode: Mapped[str] = mapped_column(String(16))
    title: Mapped[Localized] = mapped_column(JSONB)
    summary: Mapped[Localized] = mapped_column(JSONB)
    description: Mapped[Localized | None] = mapped_column(JSONB)
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()
    timezone: Mapped[str] = mapped_column(String(64))
    previous_starts_at: Mapped[datetime | None] = mapped_column()
    venue_name: Mapped[Localized | None] = mapped_column(JSONB)
    venue_address: Mapped[Localized | None] = mapped_column(JSONB)
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    online_url: Mapped[str | None] = mapped_column(Text)
    registration_url: Mapped[str | None] = mapped_column(Text)
    capacity: Mapped[int | None] = mapped_column()
    languages: Mapped[list[str]] = mapped_column(ARRAY(String(35)), server_default=text("'{}'"))
    sector_codes: Mapped[list[str]] = mapped_column(ARRAY(String(63)), server_default=text("'{}'"))
    profession_codes: Mapped[list[str]] = mapped_column(ARRAY(String(63)), server_default=text("'{}'"))
    organiser_id: Mapped[UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    co_organiser_ids: Mapped[list[UUID]] = mapped_column(ARRAY(Uuid), server_default=text("'{}'"))
    sequence: Mapped[int] = mapped_column(server_default=text("0"))
    # lower-cased text of every language, for substring search (trigram index) ...
    search_text: Mapped[str] = mapped_column(Text)
    # ... and English words, for stemmed full-text search
    search_tsv: Mapped[Any] = mapped_column(TSVECTOR)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    published_at: Mapped[datetime | None] = mapped_column()
