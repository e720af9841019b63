from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attendance_mode import AttendanceMode
from ..models.event_status import EventStatus
from ..models.event_type import EventType
from ..models.publication import Publication

if TYPE_CHECKING:
    from ..models.event_partner import EventPartner
    from ..models.text import Text
    from ..models.venue_out import VenueOut


T = TypeVar("T", bound="EventOut")


@_attrs_define
class EventOut:
    """
    Attributes:
        attendance_mode (AttendanceMode): schema.org EventAttendanceModeEnumeration.
        calendar_url (str): The event as an iCalendar (RFC 5545) file.
        capacity (int | None):
        co_organisers (list[EventPartner]):
        created_at (datetime.datetime):
        description (None | Text):
        ends_at (datetime.datetime):
        id (UUID):
        languages (list[str]):
        online_url (None | str):
        organiser (EventPartner):
        previous_starts_at (datetime.datetime | None): Set when the event was rescheduled.
        professions (list[str]):
        publication (Publication): `draft`: staff see every draft, partners the drafts they organise.
        published_at (datetime.datetime | None):
        registration_url (None | str):
        sectors (list[str]):
        sequence (int): Raised on every change (iCalendar SEQUENCE).
        starts_at (datetime.datetime): In the event's time zone.
        status (EventStatus): schema.org EventStatusType.
        summary (Text):
        timezone (str):
        title (Text):
        type_ (EventType):
        updated_at (datetime.datetime):
        url (str):
        venue (None | VenueOut):
    """

    attendance_mode: AttendanceMode
    calendar_url: str
    capacity: int | None
    co_organisers: list[EventPartner]
    created_at: datetime.datetime
    description: None | Text
    ends_at: datetime.datetime
    id: UUID
    languages: list[str]
    online_url: None | str
    organiser: EventPartner
    previous_starts_at: datetime.datetime | None
    professions: list[str]
    publication: Publication
    published_at: datetime.datetime | None
    registration_url: None | str
    sectors: list[str]
    sequence: int
    starts_at: datetime.datetime
    status: EventStatus
    summary: Text
    timezone: str
    title: Text
    type_: EventType
    updated_at: datetime.datetime
    url: str
    venue: None | VenueOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415
        from ..models.venue_out import VenueOut  # noqa: PLC0415

        attendance_mode = self.attendance_mode.value

        calendar_url = self.calendar_url

        capacity: int | None
        capacity = self.capacity

        co_organisers = []
        for co_organisers_item_data in self.co_organisers:
            co_organisers_item = co_organisers_item_data.to_dict()
            co_organisers.append(co_organisers_item)

        created_at = self.created_at.isoformat()

        description: dict[str, Any] | None
        if isinstance(self.description, Text):
            description = self.description.to_dict()
        else:
            description = self.description

        ends_at = self.ends_at.isoformat()

        id = str(self.id)

        languages = self.languages

        online_url: None | str
        online_url = self.online_url

        organiser = self.organiser.to_dict()

        previous_starts_at: None | str
        if isinstance(self.previous_starts_at, datetime.datetime):
            previous_starts_at = self.previous_starts_at.isoformat()
        else:
            previous_starts_at = self.previous_starts_at

        professions = self.professions

        publication = self.publication.value

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        registration_url: None | str
        registration_url = self.registration_url

        sectors = self.sectors

        sequence = self.sequence

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        summary = self.summary.to_dict()

        timezone = self.timezone

        title = self.title.to_dict()

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        url = self.url

        venue: dict[str, Any] | None
        if isinstance(self.venue, VenueOut):
            venue = self.venue.to_dict()
        else:
            venue = self.venue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendance_mode": attendance_mode,
                "calendar_url": calendar_url,
                "capacity": capacity,
                "co_organisers": co_organisers,
                "created_at": created_at,
                "description": description,
                "ends_at": ends_at,
                "id": id,
                "languages": languages,
                "online_url": online_url,
                "organiser": organiser,
                "previous_starts_at": previous_starts_at,
                "professions": professions,
                "publication": publication,
                "published_at": published_at,
                "registration_url": registration_url,
                "sectors": sectors,
                "sequence": sequence,
                "starts_at": starts_at,
                "status": status,
                "summary": summary,
                "timezone": timezone,
                "title": title,
                "type": type_,
                "updated_at": updated_at,
                "url": url,
                "venue": venue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_partner import EventPartner  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415
        from ..models.venue_out import VenueOut  # noqa: PLC0415

        d = dict(src_dict)
        attendance_mode = AttendanceMode(d.pop("attendance_mode"))

        calendar_url = d.pop("calendar_url")

        def _parse_capacity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity = _parse_capacity(d.pop("capacity"))

        co_organisers = []
        _co_organisers = d.pop("co_organisers")
        for co_organisers_item_data in _co_organisers:
            co_organisers_item = EventPartner.from_dict(co_organisers_item_data)

            co_organisers.append(co_organisers_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = Text.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        description = _parse_description(d.pop("description"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        id = UUID(d.pop("id"))

        languages = cast(list[str], d.pop("languages"))

        def _parse_online_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        online_url = _parse_online_url(d.pop("online_url"))

        organiser = EventPartner.from_dict(d.pop("organiser"))

        def _parse_previous_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_starts_at = _parse_previous_starts_at(d.pop("previous_starts_at"))

        professions = cast(list[str], d.pop("professions"))

        publication = Publication(d.pop("publication"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_registration_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        registration_url = _parse_registration_url(d.pop("registration_url"))

        sectors = cast(list[str], d.pop("sectors"))

        sequence = d.pop("sequence")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = EventStatus(d.pop("status"))

        summary = Text.from_dict(d.pop("summary"))

        timezone = d.pop("timezone")

        title = Text.from_dict(d.pop("title"))

        type_ = EventType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        def _parse_venue(data: object) -> None | VenueOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                venue_type_0 = VenueOut.from_dict(data)

                return venue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VenueOut, data)

        venue = _parse_venue(d.pop("venue"))

        event_out = cls(
            attendance_mode=attendance_mode,
            calendar_url=calendar_url,
            capacity=capacity,
            co_organisers=co_organisers,
            created_at=created_at,
            description=description,
            ends_at=ends_at,
            id=id,
            languages=languages,
            online_url=online_url,
            organiser=organiser,
            previous_starts_at=previous_starts_at,
            professions=professions,
            publication=publication,
            published_at=published_at,
            registration_url=registration_url,
            sectors=sectors,
            sequence=sequence,
            starts_at=starts_at,
            status=status,
            summary=summary,
            timezone=timezone,
            title=title,
            type_=type_,
            updated_at=updated_at,
            url=url,
            venue=venue,
        )

        event_out.additional_properties = d
        return event_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
