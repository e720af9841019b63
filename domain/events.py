"""Event listings: summits, roadshows, fairs and webinars that HKTE and its partners run.

Vocabulary follows schema.org Event (eventStatus, eventAttendanceMode). Times are instants
(aware datetimes) shown in the event's own IANA time zone. Every change raises `sequence`,
which calendars (RFC 5545 SEQUENCE) and ETags follow.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.errors import DomainError, InvalidValue
from domain.i18n import LocalizedText

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


class EventType(StrEnum):
    SUMMIT = "summit"
    FORUM = "forum"
    EXPO = "expo"
    ROADSHOW = "roadshow"
    CAREER_FAIR = "career_fair"
    WEBINAR = "webinar"
    NETWORKING = "networking"
    SATELLITE_EVENT = "satellite_event"


class EventStatus(StrEnum):
    """schema.org EventStatusType."""

    SCHEDULED = "scheduled"
    POSTPONED = "postponed"  # no new date yet
    RESCHEDULED = "rescheduled"  # new date; `previous_starts_at` keeps the old one
    CANCELLED = "cancelled"
    MOVED_ONLINE = "moved_online"


class AttendanceMode(StrEnum):
    """schema.org EventAttendanceModeEnumeration."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    MIXED = "mixed"


class Publication(StrEnum):
    DRAFT = "draft"  # visible to staff and the co-organising partners only
    PUBLISHED = "published"


class EventCancelled(DomainError):
    def __init__(self, event_id: UUID) -> None:
        super().__init__(f"event {event_id} is cancelled and can no longer change")


class EventNotPublished(DomainError):
    def __init__(self, event_id: UUID) -> None:
        super().__init__(f"event {event_id} is a draft: publish it first")


class EventAlreadyPublished(DomainError):
    def __init__(self, event_id: UUID) -> None:
        super().__init__(f"event {event_id} is already published")


@dataclass(frozen=True, slots=True)
class Venue:
    city: str  # English name; filters match it case-insensitively
    country: str  # ISO 3166-1 alpha-2
    name: LocalizedText | None = None
    address: LocalizedText | None = None


@dataclass(frozen=True, slots=True)
class PartnerRef:
    id: UUID
    code: str
    name: LocalizedText


@dataclass(frozen=True, slots=True)
class EventDetails:
    """What an organiser writes about an event (everything but identity and lifecycle)."""

    type: EventType
    attendance_mode: AttendanceMode
    title: LocalizedText
    summary: LocalizedText
    starts_at: datetime
    ends_at: datetime
    timezone: str
    description: LocalizedText | None = None
    venue: Venue | None = None
    online_url: str | None = None
    registration_url: str | None = None
    capacity: int | None = None
    languages: tuple[str, ...] = ()
    sector_codes: tuple[str, ...] = ()
    profession_codes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_details(self)


@functools.cache  # bounded: only names of files in the time zone database are found
def _found_zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, kept once found. ZoneInfo keeps only the last eight zones asked for
    (and those still referenced): a listing of events in more zones than that read each zone's
    file from disk again, for every event (a third of a page's time)."""
    try:
        return _found_zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidValue("timezone", f"{name!r} is not an IANA time zone such as Asia/Hong_Kong") from None


def check_details(d: EventDetails) -> None:
    zone(d.timezone)
    if d.starts_at.tzinfo is None or d.ends_at.tzinfo is None:
        raise InvalidValue("starts_at", "give times with a UTC offset, e.g. 2026-03-18T09:00:00+08:00")
    if d.ends_at < d.starts_at:
        raise InvalidValue("ends_at", "an event cannot end before it starts")
    needs_venue = d.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED)
    needs_url = d.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED)
    if needs_venue and d.venue is None:
        raise InvalidValue("venue", f"a {d.attendance_mode.value} event needs a venue")
    if needs_url and not d.online_url:
        raise InvalidValue("online_url", f"an {d.attendance_mode.value} event needs an online URL")
    if d.venue is not None and not COUNTRY.match(d.venue.country):
        raise InvalidValue("venue.country", "an ISO 3166-1 alpha-2 code such as GB")
    for tag in d.languages:
        if not LANGUAGE_TAG.match(tag):
            raise InvalidValue("languages", f"{tag!r} is not a BCP 47 language tag such as en or yue")
    if d.capacity is not None and d.capacity < 1:
        raise InvalidValue("capacity", "at least 1 when given")


@dataclass(frozen=True, slots=True)
class Event:
    id: UUID
    publication: Publication
    status: EventStatus
    details: EventDetails
    organiser: PartnerRef
    co_organisers: tuple[PartnerRef, ...]
    sequence: int
    created_at: datetime
    updated_at: datetime
    previous_starts_at: datetime | None = None
    published_at: datetime | None = None

    @property
    def partner_ids(self) -> frozenset[UUID]:
        return frozenset({self.organiser.id, *(p.id for p in self.co_organisers)})

    def _changing(self) -> None:
        if self.status is EventStatus.CANCELLED:
            raise EventCancelled(self.id)

    def _published(self) -> None:
        self._changing()
        if self.publication is not Publication.PUBLISHED:
            raise EventNotPublished(self.id)

    def revised(self, details: EventDetails) -> Event:
        self._changing()
        return replace(self, details=details, sequence=self.sequence + 1)

    def publish(self) -> Event:
        self._changing()
        if self.publication is Publication.PUBLISHED:
            raise EventAlreadyPublished(self.id)
        return replace(self, publication=Publication.PUBLISHED, sequence=self.sequence + 1)

    def cancel(self) -> Event:
        self._changing()
        return replace(self, status=EventStatus.CANCELLED, sequence=self.sequence + 1)

    def postpone(self) -> Event:
        self._published()
        return replace(self, status=EventStatus.POSTPONED, sequence=self.sequence + 1)

    def reschedule(self, starts_at: datetime, ends_at: datetime) -> Event:
        self._published()
        details = replace(self.details, starts_at=starts_at, ends_at=ends_at)
        return replace(
            self,
            details=details,
            status=EventStatus.RESCHEDULED,
            previous_starts_at=self.details.starts_at,
            sequence=self.sequence + 1,
        )

    def move_online(self, online_url: str) -> Event:
        self._published()
        details = replace(self.details, attendance_mode=AttendanceMode.ONLINE, online_url=online_url)
        return replace(self, details=details, status=EventStatus.MOVED_ONLINE, sequence=self.sequence + 1)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """A listing: events overlapping [`ends_after`, `starts_before`), every filter ANDed, values
    within one filter ORed; ordered by start then id, resumed after `after`."""

    ends_after: datetime
    starts_before: datetime | None = None
    countries: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    professions: tuple[str, ...] = ()
    types: tuple[EventType, ...] = ()
    modes: tuple[AttendanceMode, ...] = ()
    statuses: tuple[EventStatus, ...] = ()
    languages: tuple[str, ...] = ()
    text: str | None = None
    partner_id: UUID | None = None
    publication: Publication = Publication.PUBLISHED
    # drafts: None shows every draft (staff); a partner id shows only that partner's drafts
    drafts_of: UUID | None = None
    after: tuple[datetime, UUID] | None = None
    limit: int = 20
