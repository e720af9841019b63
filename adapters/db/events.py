"""Events in PostgreSQL. A listing is one statement (filters, keyset, and the partners' names);
for the wire, a page's keys first (`SqlEventPages.keys`), the page itself only when needed."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    DateTime,
    Dialect,
    Integer,
    String,
    Uuid,
    any_,
    bindparam,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG, array
from sqlalchemy.engine import Result
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import Label

from adapters.db.catalog_tables import EventRow
from adapters.db.database import Database
from adapters.db.tables import PartnerNamesRow, PartnerRow
from adapters.db.talent_list import text_from_json, text_to_json
from adapters.db.uow import DriverUnitOfWork
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
    """The organiser's and co-organisers' names as one JSON array, in no particular order (readers
    match them by id): each id looked up in `partners`, without sorting or scanning it per event."""
    p = PartnerRow.__table__.c
    ids = (
        func.unnest(func.array_prepend(E.organiser_id, E.co_organiser_ids))
        .table_valued("id")
        .render_derived("ids")
    )
    fields = {
        "id": p.id,
        "code": p.code,
        "en": p.name_en,
        "zh-Hant": p.name_zh_hant,
        "zh-Hans": p.name_zh_hans,
    }
    pairs = [x for key, column in fields.items() for x in (literal_column(f"'{key}'"), column)]
    return (
        select(func.coalesce(func.jsonb_agg(func.jsonb_build_object(*pairs)), literal_column("'[]'::jsonb")))
        .select_from(ids.join(PartnerRow.__table__, p.id == ids.c.id))
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


def _columns(event: Event) -> dict[str, Any]:
    """The event's columns as a row holds them: what is written, and what listings map from."""
    d, venue = event.details, event.details.venue
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
        "venue_name": text_to_json(venue.name) if venue else None,
        "venue_address": text_to_json(venue.address) if venue else None,
        "city": venue.city if venue else None,
        "country": venue.country if venue else None,
        "online_url": d.online_url,
        "registration_url": d.registration_url,
        "capacity": d.capacity,
        "languages": list(d.languages),
        "sector_codes": list(d.sector_codes),
        "profession_codes": list(d.profession_codes),
        "organiser_id": event.organiser.id,
        "co_organiser_ids": [p.id for p in event.co_organisers],
        "sequence": event.sequence,
        "published_at": event.published_at,
    }


def event_values(event: Event) -> dict[str, Any]:
    """The columns to write (with the search columns derived from the texts)."""
    english = _english(event.details)
    return {
        **_columns(event),
        "search_text": search_text(event.details),
        "search_tsv": func.to_tsvector(literal("english").cast(REGCONFIG), english),
    }


StoredEvent = Mapping[str, Any]
"""An event as the listing statement returns it: the columns of `events` by name (texts as the
stored JSON), and `partners`, the organiser's and co-organisers' JSON (ids as strings); a page's rows
(`SqlEventPages.find`) also `version` and `partners_version`, its keys."""
ListedKey = Mapping[str, Any]
"""An event of a listing as `SqlEventPages.keys` returns it."""


def listed_key(row: ListedKey | StoredEvent) -> tuple[UUID, int, int]:
    """What an event of a listing renders from, besides the languages: its id, its row's version
    and the partners' version (from a row of `SqlEventPages.keys` or `find`)."""
    return row["id"], row["version"], row["partners_version"]


def _partner(item: dict[str, Any]) -> PartnerRef:
    return PartnerRef(
        UUID(item["id"]), item["code"], LocalizedText(item["en"], item["zh-Hant"], item["zh-Hans"])
    )


def _event(row: StoredEvent) -> Event:
    partners = [_partner(item) for item in row["partners"]]
    organiser = next(p for p in partners if p.id == row["organiser_id"])
    by_id = {p.id: p for p in partners}
    title = text_from_json(row["title"])
    summary = text_from_json(row["summary"])
    assert title is not None
    assert summary is not None
    venue = None
    if row["city"] is not None and row["country"] is not None:
        venue = Venue(
            row["city"],
            row["country"],
            text_from_json(row["venue_name"]),
            text_from_json(row["venue_address"]),
        )
    details = EventDetails(
        type=EventType(row["type"]),
        attendance_mode=AttendanceMode(row["attendance_mode"]),
        title=title,
        summary=summary,
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        timezone=row["timezone"],
        description=text_from_json(row["description"]),
        venue=venue,
        online_url=row["online_url"],
        registration_url=row["registration_url"],
        capacity=row["capacity"],
        languages=tuple(row["languages"]),
        sector_codes=tuple(row["sector_codes"]),
        profession_codes=tuple(row["profession_codes"]),
    )
    return Event(
        id=row["id"],
        publication=Publication(row["publication"]),
        status=EventStatus(row["status"]),
        details=details,
        organiser=organiser,
        co_organisers=tuple(by_id[i] for i in row["co_organiser_ids"] if i in by_id),
        sequence=row["sequence"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        previous_starts_at=row["previous_starts_at"],
        published_at=row["published_at"],
    )


_COLUMNS = [c for c in EventRow.__table__.c if c.name not in ("search_text", "search_tsv")]
_SELECT = select(*_COLUMNS, _partners_json().label("partners"))


# What a listing's events render from, besides the languages: the row, whose version stands for
# it (PostgreSQL's xmin, new whenever the row is written, by whatever writes it), and the partners'
# codes and names, whose version a trigger raises on every write (migration 0008): one row read.
_VERSION: Label[Any] = literal_column("events.xmin").label("version")
_PARTNERS_VERSION: Label[Any] = select(PartnerNamesRow.version).scalar_subquery().label("partners_version")
# a page for the wire (with its keys), and only a page's keys: each event's id, start and keys
_LISTINGS = {
    "events": _SELECT,
    "page": select(*_COLUMNS, _VERSION, _PARTNERS_VERSION, _partners_json().label("partners")),
    "keys": select(E.id, E.starts_at, _VERSION, _PARTNERS_VERSION),
}


def stored_event(event: Event) -> StoredEvent:
    """What the listing statement would return for `event`: one wire mapping serves both."""
    return {
        **_columns(event),
        "id": event.id,
        "created_at": event.created_at,
        "updated_at": event.updated_at,
        "partners": [
            {"id": str(p.id), "code": p.code, **(text_to_json(p.name) or {})}
            for p in (event.organiser, *event.co_organisers)
        ],
    }


def _involves(partner_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """Organised or co-organised by the partner (the GIN index answers `@>`)."""
    return or_(E.organiser_id == partner_id, E.co_organiser_ids.contains(array([partner_id])))


def _strings(name: str) -> BindParameter[Any]:
    """One array parameter, whatever the number of values: one statement per filter shape."""
    return bindparam(name, type_=ARRAY(String))


# The optional conditions, by the parameter that turns each on (in the order they are written).
_CONDITIONS: dict[str, Callable[[], ColumnElement[bool]]] = {
    "drafts_of": lambda: _involves(bindparam("drafts_of", type_=Uuid)),
    "starts_before": lambda: E.starts_at < bindparam("starts_before", type_=DateTime(timezone=True)),
    # one country: an equality, which ix_events_publication_country_starts_at_id walks in order
    "country": lambda: E.country == bindparam("country", type_=String),
    "countries": lambda: E.country == any_(_strings("countries")),
    "cities": lambda: func.lower(E.city) == any_(_strings("cities")),
    "types": lambda: E.type == any_(_strings("types")),
    "modes": lambda: E.attendance_mode == any_(_strings("modes")),
    "statuses": lambda: E.status == any_(_strings("statuses")),
    "sectors": lambda: E.sector_codes.overlap(_strings("sectors")),
    "professions": lambda: E.profession_codes.overlap(_strings("professions")),
    "languages": lambda: E.languages.overlap(_strings("languages")),
    "partner_id": lambda: _involves(bindparam("partner_id", type_=Uuid)),
    "text": lambda: or_(
        E.search_text.like(bindparam("pattern", type_=String)),
        E.search_tsv.op("@@")(
            func.websearch_to_tsquery(
                literal_column("'english'").cast(REGCONFIG), bindparam("text", type_=String)
            )
        ),
    ),
    "after_starts_at": lambda: (
        tuple_(E.starts_at, E.id)
        > tuple_(
            bindparam("after_starts_at", type_=DateTime(timezone=True)), bindparam("after_id", type_=Uuid)
        )
    ),
}


def _parameters(q: EventQuery) -> dict[str, Any]:
    """The listing's parameters: the filters given, which also decide the statement's shape."""
    given: dict[str, Any] = {"publication": q.publication.value, "ends_after": q.ends_after, "limit": q.limit}
    if q.publication is Publication.DRAFT and q.drafts_of is not None:
        given["drafts_of"] = q.drafts_of
    if q.starts_before is not None:
        given["starts_before"] = q.starts_before
    if len(q.countries) == 1:
        given["country"] = q.countries[0]
    for name, values in (
        ("countries", q.countries if len(q.countries) > 1 else ()),
        ("cities", [c.casefold() for c in q.cities]),
        ("types", [t.value for t in q.types]),
        ("modes", [m.value for m in q.modes]),
        ("statuses", [s.value for s in q.statuses]),
        ("sectors", q.sectors),
        ("professions", q.professions),
        ("languages", q.languages),
    ):
        if values:
            given[name] = list(values)
    if q.partner_id is not None:
        given["partner_id"] = q.partner_id
    if q.text:
        given["text"] = q.text
        given["pattern"] = (
            "%" + q.text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
    if q.after is not None:
        given["after_starts_at"], given["after_id"] = q.after
    return given


@dataclass(frozen=True, slots=True)
class _Listing:
    """A listing statement compiled once for one filter shape, run as SQL with its parameters
    in order: no statement built, cache key computed or parameter processed per request."""

    sql: str
    names: tuple[str, ...]

    def arguments(self, given: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(given[name] for name in self.names)


@functools.lru_cache(maxsize=512)
def _listing(shape: frozenset[str], dialect: Dialect, columns: str = "events") -> _Listing:
    """The listing for a filter shape, selecting `_LISTINGS[columns]`."""
    where = [
        E.publication == bindparam("publication", type_=String),
        E.ends_at >= bindparam("ends_after", type_=DateTime(timezone=True)),
        *(condition() for name, condition in _CONDITIONS.items() if name in shape),
    ]
    statement = (
        _LISTINGS[columns].where(*where).order_by(E.starts_at, E.id).limit(bindparam("limit", type_=Integer))
    )
    compiled = statement.compile(dialect=dialect)
    assert compiled.positiontup is not None
    return _Listing(compiled.string, tuple(compiled.positiontup))


async def _find(connection: AsyncConnection, query: EventQuery) -> list[StoredEvent]:
    given = _parameters(query)
    listing = _listing(frozenset(given), connection.dialect)
    return _stored(await connection.exec_driver_sql(listing.sql, listing.arguments(given)))


def _stored(result: Result[Any]) -> list[StoredEvent]:
    """The rows as dicts by column name: what the wire mapping and `_event` read."""
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


class SqlEventPages:
    """Listing pages for the wire, read outside the unit of work: each a statement on the asyncpg
    connection (no session, no transaction), rows kept as stored (they were validated when
    written) for api/schemas/events.py to map once."""

    def __init__(self, database: Database) -> None:
        self.database = database

    async def find(self, query: EventQuery) -> list[StoredEvent]:
        """The page's events, each with its keys (`version`, `partners_version`) too."""
        return cast(list[StoredEvent], await self._fetch(query, "page"))

    async def keys(self, query: EventQuery) -> list[ListedKey]:
        """The same page as `find`, as keys: `id`, `starts_at`, `version`, `partners_version`."""
        return cast(list[ListedKey], await self._fetch(query, "keys"))

    async def _fetch(self, query: EventQuery, columns: str) -> list[Any]:
        given = _parameters(query)
        listing = _listing(frozenset(given), self.database.engine.dialect, columns)
        async with DriverUnitOfWork(self.database, atomic=False) as unit_of_work:
            driver = await unit_of_work.driver()
            # asyncpg's records are read by name, as mappings
            return list(await driver.fetch(listing.sql, *listing.arguments(given)))


class SqlEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, event_id: UUID, *, for_update: bool = False) -> Event | None:
        stmt = _SELECT.where(E.id == event_id)
        if for_update:
            stmt = stmt.with_for_update(of=EventRow.__table__)
        rows = _stored(await self.session.execute(stmt))
        return _event(rows[0]) if rows else None

    async def find(self, query: EventQuery) -> list[Event]:
        return [_event(row) for row in await _find(await self.session.connection(), query)]

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
