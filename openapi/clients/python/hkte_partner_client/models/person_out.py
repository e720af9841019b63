from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonOut")


@_attrs_define
class PersonOut:
    """
    Attributes:
        chinese_name (None | str):
        city (None | str):
        email (None | str):
        family_name (str):
        given_name (str):
        nationality (None | str):
        phone (None | str):
        residence_country (str):
    """

    chinese_name: None | str
    city: None | str
    email: None | str
    family_name: str
    given_name: str
    nationality: None | str
    phone: None | str
    residence_country: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chinese_name: None | str
        chinese_name = self.chinese_name

        city: None | str
        city = self.city

        email: None | str
        email = self.email

        family_name = self.family_name

        given_name = self.given_name

        nationality: None | str
        nationality = self.nationality

        phone: None | str
        phone = self.phone

        residence_country = self.residence_country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chinese_name": chinese_name,
                "city": city,
                "email": email,
                "family_name": family_name,
                "given_name": given_name,
                "nationality": nationality,
                "phone": phone,
                "residence_country": residence_country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_chinese_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        chinese_name = _parse_chinese_name(d.pop("chinese_name"))

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        def _parse_nationality(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nationality = _parse_nationality(d.pop("nationality"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        residence_country = d.pop("residence_country")

        person_out = cls(
            chinese_name=chinese_name,
            city=city,
            email=email,
            family_name=family_name,
            given_name=given_name,
            nationality=nationality,
            phone=phone,
            residence_country=residence_country,
        )

        person_out.additional_properties = d
        return person_out

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
