"""Events in PostgreSQL. A listing is one statement: filters, keyset, and the partners' names."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    Uuid,
    and_,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG, aggregate_order_by, array
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.catalog_tables import EventRow
from adapters.db.tables import PartnerRow
from adapters.db.talent_list import text_from_json, text_to_json
from domain.events import (
    AttendanceMode,
    Event,
    EventDetails,
    EventQuery,
    EventStatus,
    EventType,
    PartnerRef,
    Publication,
    Venue,
)
from domain.i18n import LocalizedText

E = EventRow.__table__.c


def _partners_json() -> Any:
    """The organiser first, then co-organisers in their order, as one JSON array."""
    p = PartnerRow.__table__.c
    ids = func.array_prepend(E.organiser_id, E.co_organiser_ids)
    ordinal = func.array_position(ids, p.id)
    return (
        select(
            func.coalesce(
                func.jsonb_agg(
                    aggregate_order_by(
                        func.jsonb_build_object(
                            "id",
                            p.id,
                            "code",
                            p.code,
                            "en",
                            p.name_en,
                            "zh-Hant",
                            p.name_zh_hant,
                            "zh-Hans",
                            p.name_zh_hans,
                        ),
                        ordinal,
                    )
                ),
                literal_column("'[]'::jsonb"),
            )
        )
        .where(p.id == func.any(ids))
        .scalar_subquery()
    )


def search_text(details: EventDetails) -> str:
    parts: list[str] = []
    for text in (details.title, details.summary, details.description):
        if text is not None:
            parts += [text.en, text.zh_hant, text.zh_hans]
    if details.venue is not None:
        parts.append(details.venue.city)
        for text in (details.venue.name, details.venue.address):
            if text is not None:
                parts += [text.en, text.zh_hant, text.zh_hans]
    return " ".join(p for p in parts if p).casefold()


def _english(details: EventDetails) -> str:
    texts = [details.title.en, details.summary.en, details.description.en if details.description else ""]
    return " ".join(texts)


def event_values(event: Event) -> dict[str, Any]:
    d = event.details
    return {
        "publication": event.publication.value,
        "status": event.status.value,
        "type": d.type.value,
        "attendance_mode": d.attendance_mode.value,
        "title": text_to_json(d.title),
        "summary": text_to_json(d.summary),
        "description": text_to_json(d.description),
        "starts_at": d.starts_at,
        "ends_at": d.ends_at,
        "timezone": d.timezone,
        "previous_starts_at": event.previous_starts_at,
        "venue_name": text_to_json(d.venue.name) if d.venue else None,
        "venue_address": text_to_json(d.venue.address) if d.venue else None,
        "city": d.venue.city if d.venue else None,
        "country": d.venue.country if d.venue else None,
        "online_url": d.online_url,
        "registration_url": d.registration_url,
        "capacity": d.capacity,
        "languages": list(d.languages),
        "sector_codes": list(d.sector_codes),
        "profession_codes": list(d.profession_codes),
        "organiser_id": event.organiser.id,
        "co_organiser_ids": [p.id for p in event.co_organisers],
        "sequence": event.sequence,
        "search_text": search_text(d),
        "search_tsv": func.to_tsvector(literal("english").cast(REGCONFIG), _english(d)),
        "published_at": event.published_at,
    }


def _partner(item: dict[str, Any]) -> PartnerRef:
    return PartnerRef(
        UUID(item["id"]), item["code"], LocalizedText(item["en"], item["zh-Hant"], item["zh-Hans"])
    )


def _event(row: Any) -> Event:
    partners = [_partner(item) for item in row.partners]
    organiser = next(p for p in partners if p.id == row.organiser_id)
    by_id = {p.id: p for p in partners}
    title = text_from_json(row.title)
    summary = text_from_json(row.summary)
    assert title is not None
    assert summary is not None
    venue = None
    if row.city is not None and row.country is not None:
        venue = Venue(
            row.city, row.country, text_from_json(row.venue_name), text_from_json(row.venue_address)
        )
    details = EventDetails(
        type=EventType(row.type),
        attendance_mode=AttendanceMode(row.attendance_mode),
        title=title,
        summary=summary,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        timezone=row.timezone,
        description=text_from_json(row.description),
        venue=venue,
        online_url=row.online_url,
        registration_url=row.registration_url,
        capacity=row.capacity,
        languages=tuple(row.languages),
        sector_codes=tuple(row.sector_codes),
        profession_codes=tuple(row.profession_codes),
    )
    return Event(
        id=row.id,
        publication=Publication(row.publication),
        status=EventStatus(row.status),
        details=details,
        organiser=organiser,
        co_organisers=tuple(by_id[i] for i in row.co_organiser_ids if i in by_id),
        sequence=row.sequence,
        created_at=row.created_at,
        updated_at=row.updated_at,
        previous_starts_at=row.previous_starts_at,
        published_at=row.published_at,
    )


_COLUMNS = [c for c in EventRow.__table__.c if c.name not in ("search_text", "search_tsv")]


def _select() -> Select[Any]:
    return select(*_COLUMNS, _partners_json().label("partners"))


def _involves(partner_id: UUID) -> ColumnElement[bool]:
    """Organised or co-organised by the partner (the GIN index answers `@>`)."""
    return or_(E.organiser_id == partner_id, E.co_organiser_ids.contains(literal([partner_id], ARRAY(Uuid))))


def _filters(q: EventQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [E.publication == q.publication.value, E.ends_at >= q.ends_after]
    if q.publication is Publication.DRAFT and q.drafts_of is not None:
        where.append(_involves(q.drafts_of))
    if q.starts_before is not None:
        where.append(E.starts_at < q.starts_before)
    if q.countries:
        where.append(E.country.in_(q.countries))
    if q.cities:
        where.append(func.lower(E.city).in_([c.casefold() for c in q.cities]))
    if q.types:
        where.append(E.type.in_([t.value for t in q.types]))
    if q.modes:
        where.append(E.attendance_mode.in_([m.value for m in q.modes]))
    if q.statuses:
        where.append(E.status.in_([s.value for s in q.statuses]))
    if q.sectors:
        where.append(E.sector_codes.overlap(array(q.sectors)))
    if q.professions:
        where.append(E.profession_codes.overlap(array(q.professions)))
    if q.languages:
        where.append(E.languages.overlap(array(q.languages)))
    if q.partner_id is not None:
        where.append(_involves(q.partner_id))
    if q.text:
        pattern = "%" + q.text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        tsquery = func.websearch_to_tsquery(literal("english").cast(REGCONFIG), q.text)
        where.append(or_(E.search_text.like(pattern), E.search_tsv.op("@@")(tsquery)))
    if q.after is not None:
        where.append(tuple_(E.starts_at, E.id) > tuple_(literal(q.after[0]), literal(q.after[1])))
    return where


class SqlEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, event_id: UUID, *, for_update: bool = False) -> Event | None:
        stmt = _select().where(E.id == event_id)
        if for_update:
            stmt = stmt.with_for_update(of=EventRow.__table__)
        row = (await self.session.execute(stmt)).first()
        return None if row is None else _event(row)

    async def find(self, query: EventQuery) -> list[Event]:
        stmt = _select().where(and_(*_filters(query))).order_by(E.starts_at, E.id).limit(query.limit)
        return [_event(row) for row in await self.session.execute(stmt)]

    async def add(self, event: Event, created_by: str | None) -> Event:
        await self.session.execute(
            insert(EventRow).values(id=event.id, created_by=created_by, **event_values(event))
        )
        saved = await self.get(event.id)
        assert saved is not None
        return saved

    async def update(self, event: Event) -> Event:
        await self.session.execute(
            update(EventRow).where(E.id == event.id).values(updated_at=func.now(), **event_values(event))
        )
        saved = await self.get(event.id)
        assert saved is not None
        return saved

    async def partner_refs(self, codes: list[str]) -> dict[str, PartnerRef]:
        p = PartnerRow.__table__.c
        rows = await self.session.execute(
            select(p.id, p.code, p.name_en, p.name_zh_hant, p.name_zh_hans).where(p.code.in_(codes))
        )
        return {
            r.code: PartnerRef(r.id, r.code, LocalizedText(r.name_en, r.name_zh_hant, r.name_zh_hans))
            for r in rows
        }

    async def partner_ref(self, partner_id: UUID) -> PartnerRef | None:
        p = PartnerRow.__table__.c
        row = (
            await self.session.execute(
                select(p.id, p.code, p.name_en, p.name_zh_hant, p.name_zh_hans).where(p.id == partner_id)
            )
        ).first()
        return (
            None
            if row is None
            else PartnerRef(row.id, row.code, LocalizedText(row.name_en, row.name_zh_hant, row.name_zh_hans))
        )
