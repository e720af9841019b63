from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_text import EventText


T = TypeVar("T", bound="VenueIn")


@_attrs_define
class VenueIn:
    """
    Attributes:
        city (str): In English.
        country (str): ISO 3166-1 alpha-2.
        address (EventText | None | Unset):
        name (EventText | None | Unset):
    """

    city: str
    country: str
    address: EventText | None | Unset = UNSET
    name: EventText | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_text import EventText  # noqa: PLC0415

        city = self.city

        country = self.country

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, EventText):
            address = self.address.to_dict()
        else:
            address = self.address

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, EventText):
            name = self.name.to_dict()
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "country": country,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_text import EventText  # noqa: PLC0415

        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        def _parse_address(data: object) -> EventText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = EventText.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventText | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_name(data: object) -> EventText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = EventText.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventText | None | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        venue_in = cls(
            city=city,
            country=country,
            address=address,
            name=name,
        )

        return venue_in
