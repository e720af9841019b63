from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.text import Text


T = TypeVar("T", bound="VenueOut")


@_attrs_define
class VenueOut:
    """
    Attributes:
        address (None | Text):
        city (str):
        country (str):
        name (None | Text):
    """

    address: None | Text
    city: str
    country: str
    name: None | Text
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415

        address: dict[str, Any] | None
        if isinstance(self.address, Text):
            address = self.address.to_dict()
        else:
            address = self.address

        city = self.city

        country = self.country

        name: dict[str, Any] | None
        if isinstance(self.name, Text):
            name = self.name.to_dict()
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "city": city,
                "country": country,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_address(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = Text.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        address = _parse_address(d.pop("address"))

        city = d.pop("city")

        country = d.pop("country")

        def _parse_name(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = Text.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        name = _parse_name(d.pop("name"))

        venue_out = cls(
            address=address,
            city=city,
            country=country,
            name=name,
        )

        venue_out.additional_properties = d
        return venue_out

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
