from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.attendance_mode import AttendanceMode
from ..models.event_type import EventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_text import EventText
    from ..models.venue_in import VenueIn


T = TypeVar("T", bound="EventCreate")


@_attrs_define
class EventCreate:
    """
    Attributes:
        attendance_mode (AttendanceMode): schema.org EventAttendanceModeEnumeration.
        ends_at (datetime.datetime): RFC 3339 with a UTC offset.
        starts_at (datetime.datetime): RFC 3339 with a UTC offset.
        summary (EventText):
        timezone (str): IANA time zone of the venue.
        title (EventText):
        type_ (EventType):
        capacity (int | None | Unset):
        co_organisers (list[str] | Unset): Partner codes.
        description (EventText | None | Unset):
        draft (bool | Unset): Staff: keep it as a draft. Partners' events are always drafts until staff publish.
            Default: False.
        languages (list[str] | Unset): Languages spoken.
        online_url (None | str | Unset):
        organiser (None | str | Unset): Partner code of the organiser; default: the caller's organisation.
        professions (list[str] | Unset): Talent List profession codes.
        registration_url (None | str | Unset):
        sectors (list[str] | Unset): Talent List sector codes.
        venue (None | Unset | VenueIn):
    """

    attendance_mode: AttendanceMode
    ends_at: datetime.datetime
    starts_at: datetime.datetime
    summary: EventText
    timezone: str
    title: EventText
    type_: EventType
    capacity: int | None | Unset = UNSET
    co_organisers: list[str] | Unset = UNSET
    description: EventText | None | Unset = UNSET
    draft: bool | Unset = False
    languages: list[str] | Unset = UNSET
    online_url: None | str | Unset = UNSET
    organiser: None | str | Unset = UNSET
    professions: list[str] | Unset = UNSET
    registration_url: None | str | Unset = UNSET
    sectors: list[str] | Unset = UNSET
    venue: None | Unset | VenueIn = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_text import EventText  # noqa: PLC0415
        from ..models.venue_in import VenueIn  # noqa: PLC0415

        attendance_mode = self.attendance_mode.value

        ends_at = self.ends_at.isoformat()

        starts_at = self.starts_at.isoformat()

        summary = self.summary.to_dict()

        timezone = self.timezone

        title = self.title.to_dict()

        type_ = self.type_.value

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        co_organisers: list[str] | Unset = UNSET
        if not isinstance(self.co_organisers, Unset):
            co_organisers = self.co_organisers

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, EventText):
            description = self.description.to_dict()
        else:
            description = self.description

        draft = self.draft

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        online_url: None | str | Unset
        if isinstance(self.online_url, Unset):
            online_url = UNSET
        else:
            online_url = self.online_url

        organiser: None | str | Unset
        if isinstance(self.organiser, Unset):
            organiser = UNSET
        else:
            organiser = self.organiser

        professions: list[str] | Unset = UNSET
        if not isinstance(self.professions, Unset):
            professions = self.professions

        registration_url: None | str | Unset
        if isinstance(self.registration_url, Unset):
            registration_url = UNSET
        else:
            registration_url = self.registration_url

        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = self.sectors

        venue: dict[str, Any] | None | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        elif isinstance(self.venue, VenueIn):
            venue = self.venue.to_dict()
        else:
            venue = self.venue

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attendance_mode": attendance_mode,
                "ends_at": ends_at,
                "starts_at": starts_at,
                "summary": summary,
                "timezone": timezone,
                "title": title,
                "type": type_,
            }
        )
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if co_organisers is not UNSET:
            field_dict["co_organisers"] = co_organisers
        if description is not UNSET:
            field_dict["description"] = description
        if draft is not UNSET:
            field_dict["draft"] = draft
        if languages is not UNSET:
            field_dict["languages"] = languages
        if online_url is not UNSET:
            field_dict["online_url"] = online_url
        if organiser is not UNSET:
            field_dict["organiser"] = organiser
        if professions is not UNSET:
            field_dict["professions"] = professions
        if registration_url is not UNSET:
            field_dict["registration_url"] = registration_url
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if venue is not UNSET:
            field_dict["venue"] = venue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_text import EventText  # noqa: PLC0415
        from ..models.venue_in import VenueIn  # noqa: PLC0415

        d = dict(src_dict)
        attendance_mode = AttendanceMode(d.pop("attendance_mode"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        summary = EventText.from_dict(d.pop("summary"))

        timezone = d.pop("timezone")

        title = EventText.from_dict(d.pop("title"))

        type_ = EventType(d.pop("type"))

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

        co_organisers = cast(list[str], d.pop("co_organisers", UNSET))

        def _parse_description(data: object) -> EventText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = EventText.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventText | None | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        draft = d.pop("draft", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))

        def _parse_online_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        online_url = _parse_online_url(d.pop("online_url", UNSET))

        def _parse_organiser(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organiser = _parse_organiser(d.pop("organiser", UNSET))

        professions = cast(list[str], d.pop("professions", UNSET))

        def _parse_registration_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_url = _parse_registration_url(d.pop("registration_url", UNSET))

        sectors = cast(list[str], d.pop("sectors", UNSET))

        def _parse_venue(data: object) -> None | Unset | VenueIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                venue_type_0 = VenueIn.from_dict(data)

                return venue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VenueIn, data)

        venue = _parse_venue(d.pop("venue", UNSET))

        event_create = cls(
            attendance_mode=attendance_mode,
            ends_at=ends_at,
            starts_at=starts_at,
            summary=summary,
            timezone=timezone,
            title=title,
            type_=type_,
            capacity=capacity,
            co_organisers=co_organisers,
            description=description,
            draft=draft,
            languages=languages,
            online_url=online_url,
            organiser=organiser,
            professions=professions,
            registration_url=registration_url,
            sectors=sectors,
            venue=venue,
        )

        return event_create
