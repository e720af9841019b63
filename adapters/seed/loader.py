"""Load the reference data, idempotently: run it any number of times, the result is the same.

Rows are matched by their stable code. Names, type and country follow the reference data;
what admins own (a partner's status) is never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.audit import SqlAuditLog
from adapters.db.catalog_tables import EventRow
from adapters.db.events import SqlEventRepository, event_values
from adapters.db.tables import PartnerRow
from adapters.db.talent_list import SqlTalentListRepository
from adapters.seed.events import REFERENCE_EVENTS, SeedEvent, sample_events
from adapters.seed.offices import OFFICES
from domain.audit import Actor, AuditEntry
from domain.events import Event, EventDetails, Publication, Venue
from domain.ids import new_id
from domain.talent_list import Edition

SEED_ACTOR = Actor.operator("seed")


@dataclass(frozen=True, slots=True)
class SeedReport:
    partners_inserted: int
    partners_updated: int
    partners_total: int
    editions_published: tuple[str, ...] = ()
    editions_kept: tuple[str, ...] = ()  # published before: immutable, left as they are
    events_inserted: int = 0

    def __str__(self) -> str:
        text = (
            f"partners: {self.partners_inserted} inserted, {self.partners_updated} updated, "
            f"{self.partners_total} in the reference data"
        )
        if self.editions_published or self.editions_kept:
            published = ", ".join(self.editions_published) or "none"
            text += f"; Talent List editions published: {published} ({len(self.editions_kept)} already there)"
        return text + f"; events: {self.events_inserted} inserted"


async def seed_reference_data(session: AsyncSession, editions: Sequence[Edition] = ()) -> SeedReport:
    """Partners (upserted) and Talent List editions (published once; never changed after)."""
    partners = await _seed_partners(session)
    published, kept = await _seed_editions(session, editions)
    events = await seed_events(session, REFERENCE_EVENTS)
    return replace(partners, editions_published=published, editions_kept=kept, events_inserted=events)


async def _seed_editions(
    session: AsyncSession, editions: Sequence[Edition]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    repository = SqlTalentListRepository(session)
    existing = {e.code for e in await repository.load_all()}
    published = []
    for edition in editions:
        if edition.code in existing:
            continue
        await repository.publish(edition, SEED_ACTOR.client_id)
        await SqlAuditLog(session).record(
            AuditEntry(
                "talent_list.edition_published",
                "success",
                SEED_ACTOR,
                "talent_list_edition",
                edition.code,
                {
                    "effective_from": edition.effective_from.isoformat(),
                    "professions": len(edition.professions),
                },
            )
        )
        published.append(edition.code)
    kept = tuple(e.code for e in editions if e.code in existing)
    return tuple(published), kept


async def _seed_partners(session: AsyncSession) -> SeedReport:
    stmt = insert(PartnerRow).values(
        [
            {
                "id": new_id(),
                "code": o.code,
                "type": o.type,
                "country": o.country,
                "name_en": o.en,
                "name_zh_hant": o.zh_hant,
                "name_zh_hans": o.zh_hans,
            }
            for o in OFFICES
        ]
    )
    changed = (
        (PartnerRow.name_en != stmt.excluded.name_en)
        | (PartnerRow.name_zh_hant != stmt.excluded.name_zh_hant)
        | (PartnerRow.name_zh_hans != stmt.excluded.name_zh_hans)
        | (PartnerRow.type != stmt.excluded.type)
        | (PartnerRow.country.is_distinct_from(stmt.excluded.country))
    )
    upsert: Any = stmt.on_conflict_do_update(
        index_elements=[PartnerRow.code],
        set_={
            "name_en": stmt.excluded.name_en,
            "name_zh_hant": stmt.excluded.name_zh_hant,
            "name_zh_hans": stmt.excluded.name_zh_hans,
            "type": stmt.excluded.type,
            "country": stmt.excluded.country,
            "updated_at": func.now(),
        },
        where=changed,
        # PostgreSQL leaves xmax at 0 on a freshly inserted row and sets it on an updated one.
    ).returning(literal_column("xmax = 0"))
    inserted = [row[0] for row in (await session.execute(upsert)).all()]
    return SeedReport(sum(inserted), len(inserted) - sum(inserted), len(OFFICES))


async def seed_events(session: AsyncSession, events: Sequence[SeedEvent]) -> int:
    """Insert the events not there yet (matched by their stable id); returns how many were new."""
    repository = SqlEventRepository(session)
    codes = sorted({code for e in events for code in (e.organiser, *e.co_organisers)})
    partners = await repository.partner_refs(codes)
    rows = []
    now = datetime.now(UTC)
    for seed in events:
        if seed.organiser not in partners:
            continue  # reference partners not loaded (yet)
        details = EventDetails(
            type=seed.type,
            attendance_mode=seed.mode,
            title=seed.title,
            summary=seed.summary,
            starts_at=seed.starts_at,
            ends_at=seed.ends_at,
            timezone=seed.timezone,
            description=seed.description,
            venue=Venue(seed.city, seed.country) if seed.city and seed.country else None,
            online_url=seed.online_url,
            registration_url=seed.registration_url,
            capacity=seed.capacity,
            languages=seed.languages,
            sector_codes=seed.sectors,
        )
        event = Event(
            id=seed.id,
            publication=Publication.PUBLISHED,
            status=seed.status,
            details=details,
            organiser=partners[seed.organiser],
            co_organisers=tuple(partners[c] for c in seed.co_organisers if c in partners),
            sequence=0,
            created_at=now,
            updated_at=now,
            published_at=now,
        )
        rows.append({"id": event.id, "created_by": SEED_ACTOR.client_id, **event_values(event)})
    if not rows:
        return 0
    stmt = (
        insert(EventRow)
        .values(rows)
        .on_conflict_do_nothing(index_elements=[EventRow.id])
        .returning(EventRow.id)
    )
    return len((await session.execute(stmt)).all())


async def seed_sample_events(session: AsyncSession, today: date) -> int:
    """Sample upcoming events for local development, when fewer than ten are upcoming."""
    upcoming = await session.scalar(
        select(func.count()).select_from(EventRow).where(EventRow.ends_at >= func.now())
    )
    if (upcoming or 0) >= 10:
        return 0
    return await seed_events(session, sample_events(today))
