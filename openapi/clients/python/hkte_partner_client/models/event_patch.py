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


T = TypeVar("T", bound="EventPatch")


@_attrs_define
class EventPatch:
    """
    Attributes:
        attendance_mode (AttendanceMode | Unset): schema.org EventAttendanceModeEnumeration.
        capacity (int | None | Unset):
        description (EventText | None | Unset):
        ends_at (datetime.datetime | Unset): RFC 3339 with a UTC offset.
        languages (list[str] | Unset):
        online_url (None | str | Unset):
        professions (list[str] | Unset):
        registration_url (None | str | Unset):
        sectors (list[str] | Unset):
        starts_at (datetime.datetime | Unset): RFC 3339 with a UTC offset.
        summary (EventText | Unset):
        timezone (str | Unset):
        title (EventText | Unset):
        type_ (EventType | Unset):
        venue (None | Unset | VenueIn):
    """

    attendance_mode: AttendanceMode | Unset = UNSET
    capacity: int | None | Unset = UNSET
    description: EventText | None | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    languages: list[str] | Unset = UNSET
    online_url: None | str | Unset = UNSET
    professions: list[str] | Unset = UNSET
    registration_url: None | str | Unset = UNSET
    sectors: list[str] | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    summary: EventText | Unset = UNSET
    timezone: str | Unset = UNSET
    title: EventText | Unset = UNSET
    type_: EventType | Unset = UNSET
    venue: None | Unset | VenueIn = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_text import EventText  # noqa: PLC0415
        from ..models.venue_in import VenueIn  # noqa: PLC0415

        attendance_mode: str | Unset = UNSET
        if not isinstance(self.attendance_mode, Unset):
            attendance_mode = self.attendance_mode.value

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, EventText):
            description = self.description.to_dict()
        else:
            description = self.description

        ends_at: str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = self.ends_at.isoformat()

        languages: list[str] | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        else:
            languages = self.languages

        online_url: None | str | Unset
        if isinstance(self.online_url, Unset):
            online_url = UNSET
        else:
            online_url = self.online_url

        professions: list[str] | Unset
        if isinstance(self.professions, Unset):
            professions = UNSET
        else:
            professions = self.professions

        registration_url: None | str | Unset
        if isinstance(self.registration_url, Unset):
            registration_url = UNSET
        else:
            registration_url = self.registration_url

        sectors: list[str] | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        else:
            sectors = self.sectors

        starts_at: str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = self.starts_at.isoformat()

        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_dict()

        timezone: str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        title: dict[str, Any] | Unset = UNSET
        if not isinstance(self.title, Unset):
            title = self.title.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        venue: dict[str, Any] | None | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        elif isinstance(self.venue, VenueIn):
            venue = self.venue.to_dict()
        else:
            venue = self.venue

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attendance_mode is not UNSET:
            field_dict["attendance_mode"] = attendance_mode
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if description is not UNSET:
            field_dict["description"] = description
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if languages is not UNSET:
            field_dict["languages"] = languages
        if online_url is not UNSET:
            field_dict["online_url"] = online_url
        if professions is not UNSET:
            field_dict["professions"] = professions
        if registration_url is not UNSET:
            field_dict["registration_url"] = registration_url
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if summary is not UNSET:
            field_dict["summary"] = summary
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if venue is not UNSET:
            field_dict["venue"] = venue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_text import EventText  # noqa: PLC0415
        from ..models.venue_in import VenueIn  # noqa: PLC0415

        d = dict(src_dict)
        _attendance_mode = d.pop("attendance_mode", UNSET)
        attendance_mode: AttendanceMode | Unset
        if isinstance(_attendance_mode, Unset):
            attendance_mode = UNSET
        else:
            attendance_mode = AttendanceMode(_attendance_mode)

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

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

        def _parse_ends_at(data: object) -> datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            ends_at_type_0 = datetime.datetime.fromisoformat(data)

            return ends_at_type_0

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        def _parse_languages(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            languages_type_0 = cast(list[str], data)

            return languages_type_0

        languages = _parse_languages(d.pop("languages", UNSET))

        def _parse_online_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        online_url = _parse_online_url(d.pop("online_url", UNSET))

        def _parse_professions(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            professions_type_0 = cast(list[str], data)

            return professions_type_0

        professions = _parse_professions(d.pop("professions", UNSET))

        def _parse_registration_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_url = _parse_registration_url(d.pop("registration_url", UNSET))

        def _parse_sectors(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            sectors_type_0 = cast(list[str], data)

            return sectors_type_0

        sectors = _parse_sectors(d.pop("sectors", UNSET))

        def _parse_starts_at(data: object) -> datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            starts_at_type_0 = datetime.datetime.fromisoformat(data)

            return starts_at_type_0

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        _summary = d.pop("summary", UNSET)
        summary: EventText | Unset
        if isinstance(_summary, Unset):
            summary = UNSET
        else:
            summary = EventText.from_dict(_summary)

        def _parse_timezone(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        _title = d.pop("title", UNSET)
        title: EventText | Unset
        if isinstance(_title, Unset):
            title = UNSET
        else:
            title = EventText.from_dict(_title)

        _type_ = d.pop("type", UNSET)
        type_: EventType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = EventType(_type_)

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

        event_patch = cls(
            attendance_mode=attendance_mode,
            capacity=capacity,
            description=description,
            ends_at=ends_at,
            languages=languages,
            online_url=online_url,
            professions=professions,
            registration_url=registration_url,
            sectors=sectors,
            starts_at=starts_at,
            summary=summary,
            timezone=timezone,
            title=title,
            type_=type_,
            venue=venue,
        )

        return event_patch
