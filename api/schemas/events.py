"""Wire structs of event listings (schema.org Event vocabulary)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from adapters.db.events import StoredEvent
from api.negotiation import Languages
from api.schemas.base import LANGUAGE_TAG, NOT_BLANK, RequestBody, ResponseBody
from api.schemas.talent_list import Text
from domain.events import AttendanceMode, EventStatus, EventType, Publication, zone
from domain.i18n import Language

Url = Annotated[
    str, Meta(pattern=r"^https://[^\s]+$", max_length=2000, examples=["https://www.hkengage.gov.hk/"])
]
SomeCode = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
LanguageTag = Annotated[str, Meta(pattern=LANGUAGE_TAG, examples=["en", "yue"])]
AwareTime = Annotated[
    datetime, Meta(tz=True, description="RFC 3339 with a UTC offset.", examples=["2026-03-18T09:00:00+08:00"])
]


class EventText(RequestBody, frozen=True):
    """A text in up to three languages; English is required, missing translations fall back to it."""

    en: Annotated[str, Meta(min_length=1, max_length=10000, pattern=NOT_BLANK)]
    zh_hant: Annotated[str, Meta(max_length=10000)] = msgspec.field(default="", name="zh-Hant")
    zh_hans: Annotated[str, Meta(max_length=10000)] = msgspec.field(default="", name="zh-Hans")


class VenueIn(RequestBody, frozen=True):
    city: Annotated[str, Meta(min_length=1, max_length=100, description="In English.", examples=["London"])]
    country: Annotated[str, Meta(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2.", examples=["GB"])]
    name: EventText | None = None
    address: EventText | None = None


class EventCreate(RequestBody, frozen=True):
    type: EventType
    attendance_mode: AttendanceMode
    title: EventText
    summary: EventText
    starts_at: AwareTime
    ends_at: AwareTime
    timezone: Annotated[
        str, Meta(max_length=64, description="IANA time zone of the venue.", examples=["Asia/Hong_Kong"])
    ]
    description: EventText | None = None
    venue: VenueIn | None = None
    online_url: Url | None = None
    registration_url: Url | None = None
    capacity: Annotated[int, Meta(ge=1, le=1_000_000)] | None = None
    languages: Annotated[list[LanguageTag], Meta(max_length=10, description="Languages spoken.")] = []  # noqa: RUF012
    sectors: Annotated[list[SomeCode], Meta(max_length=20, description="Talent List sector codes.")] = []  # noqa: RUF012
    professions: Annotated[
        list[SomeCode], Meta(max_length=50, description="Talent List profession codes.")
    ] = []  # noqa: RUF012
    organiser: Annotated[
        SomeCode | None,
        Meta(description="Partner code of the organiser; default: the caller's organisation."),
    ] = None
    co_organisers: Annotated[list[SomeCode], Meta(max_length=20, description="Partner codes.")] = []  # noqa: RUF012
    draft: Annotated[
        bool,
        Meta(
            description="Staff: keep it as a draft. Partners' events are always drafts until staff publish."
        ),
    ] = False


class EventPatch(RequestBody, frozen=True):
    """Fields to change; those left out stay as they are."""

    type: EventType | UnsetType = UNSET
    attendance_mode: AttendanceMode | UnsetType = UNSET
    title: EventText | UnsetType = UNSET
    summary: EventText | UnsetType = UNSET
    description: EventText | UnsetType | None = UNSET
    starts_at: AwareTime | UnsetType = UNSET
    ends_at: AwareTime | UnsetType = UNSET
    timezone: Annotated[str, Meta(max_length=64)] | UnsetType = UNSET
    venue: VenueIn | UnsetType | None = UNSET
    online_url: Url | UnsetType | None = UNSET
    registration_url: Url | UnsetType | None = UNSET
    capacity: Annotated[int, Meta(ge=1, le=1000000)] | UnsetType | None = UNSET
    languages: Annotated[list[LanguageTag], Meta(max_length=10)] | UnsetType = UNSET
    sectors: Annotated[list[SomeCode], Meta(max_length=20)] | UnsetType = UNSET
    professions: Annotated[list[SomeCode], Meta(max_length=50)] | UnsetType = UNSET


class Reschedule(RequestBody, frozen=True):
    starts_at: AwareTime
    ends_at: AwareTime


class MoveOnline(RequestBody, frozen=True):
    online_url: Url


class VenueOut(ResponseBody, frozen=True):
    city: str
    country: str
    name: Text | None
    address: Text | None


class EventPartner(ResponseBody, frozen=True):
    id: UUID
    code: str
    name: Text


class EventOut(ResponseBody, frozen=True):
    id: UUID
    url: str
    calendar_url: Annotated[str, Meta(description="The event as an iCalendar (RFC 5545) file.")]
    publication: Publication
    status: Annotated[EventStatus, Meta(description="schema.org eventStatus.")]
    type: EventType
    attendance_mode: Annotated[AttendanceMode, Meta(description="schema.org eventAttendanceMode.")]
    title: Text
    summary: Text
    description: Text | None
    starts_at: Annotated[datetime, Meta(description="In the event's time zone.")]
    ends_at: datetime
    timezone: str
    previous_starts_at: Annotated[datetime | None, Meta(description="Set when the event was rescheduled.")]
    venue: VenueOut | None
    online_url: str | None
    registration_url: str | None
    capacity: int | None
    languages: list[str]
    sectors: list[str]
    professions: list[str]
    organiser: EventPartner
    co_organisers: list[EventPartner]
    sequence: Annotated[int, Meta(description="Raised on every change (iCalendar SEQUENCE).")]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


class EventPage(ResponseBody, frozen=True):
    items: list[EventOut]
    next_cursor: Annotated[
        str | None, Meta(description="Pass as `cursor` for the next page; null at the end.")
    ]


class RenderedEventPage(ResponseBody, frozen=True):
    """An EventPage whose events are already JSON (api/event_renders.py): the same bytes."""

    items: list[msgspec.Raw]
    next_cursor: str | None


# plain strings: looked up in stored JSON for every text of a listing
EN, ZH_HANT, ZH_HANS = Language.EN.value, Language.ZH_HANT.value, Language.ZH_HANS.value


def _text(stored: Mapping[str, str] | None, tags: tuple[str, ...]) -> Text | None:
    """A stored text (JSON keyed by language tag) in the chosen language `tags`, missing
    translations falling back to English, as LocalizedText.in_language does."""
    if stored is None:
        return None
    english = stored.get(EN, "")
    return Text(
        en=english if EN in tags else None,
        zh_hant=(stored.get(ZH_HANT) or english) if ZH_HANT in tags else None,
        zh_hans=(stored.get(ZH_HANS) or english) if ZH_HANS in tags else None,
    )


def _partner(stored: Mapping[str, Any], tags: tuple[str, ...]) -> EventPartner:
    # the id stays the string PostgreSQL's JSON holds: the canonical form, as a UUID encodes
    return EventPartner(id=stored["id"], code=stored["code"], name=_required(stored, tags))


def _required(stored: Mapping[str, str], tags: tuple[str, ...]) -> Text:
    text = _text(stored, tags)
    assert text is not None
    return text


def event_out(event: StoredEvent, languages: Languages, base_url: str) -> EventOut:
    """The wire form of an event as stored (adapters/db/events.py: a listing's row, or
    `stored_event` of a domain event): listings map their rows straight to it, once."""
    tz = zone(event["timezone"])
    tags = tuple(language.value for language in languages.chosen)
    url = f"{base_url}/v1/events/{event['id']}"
    partners = {p["id"]: p for p in event["partners"]}
    previous, city, country = event["previous_starts_at"], event["city"], event["country"]
    return EventOut(
        id=event["id"],
        url=url,
        calendar_url=f"{url}.ics",
        publication=event["publication"],
        status=event["status"],
        type=event["type"],
        attendance_mode=event["attendance_mode"],
        title=_required(event["title"], tags),
        summary=_required(event["summary"], tags),
        description=_text(event["description"], tags),
        starts_at=event["starts_at"].astimezone(tz),
        ends_at=event["ends_at"].astimezone(tz),
        timezone=event["timezone"],
        previous_starts_at=previous.astimezone(tz) if previous else None,
        venue=None
        if city is None or country is None
        else VenueOut(
            city=city,
            country=country,
            name=_text(event["venue_name"], tags),
            address=_text(event["venue_address"], tags),
        ),
        online_url=event["online_url"],
        registration_url=event["registration_url"],
        capacity=event["capacity"],
        languages=list(event["languages"]),
        sectors=list(event["sector_codes"]),
        professions=list(event["profession_codes"]),
        organiser=_partner(partners[str(event["organiser_id"])], tags),
        co_organisers=[
            _partner(partners[key], tags) for key in map(str, event["co_organiser_ids"]) if key in partners
        ],
        sequence=event["sequence"],
        created_at=event["created_at"],
        updated_at=event["updated_at"],
        published_at=event["published_at"],
    )
