from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonPatch")


@_attrs_define
class PersonPatch:
    """
    Attributes:
        chinese_name (None | str | Unset):
        city (None | str | Unset):
        email (None | str | Unset):
        family_name (str | Unset):
        given_name (str | Unset):
        nationality (None | str | Unset): ISO 3166-1 alpha-2.
        phone (None | str | Unset):
        residence_country (str | Unset): ISO 3166-1 alpha-2.
    """

    chinese_name: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    family_name: str | Unset = UNSET
    given_name: str | Unset = UNSET
    nationality: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    residence_country: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        chinese_name: None | str | Unset
        if isinstance(self.chinese_name, Unset):
            chinese_name = UNSET
        else:
            chinese_name = self.chinese_name

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        family_name: str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        given_name: str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        residence_country: str | Unset
        if isinstance(self.residence_country, Unset):
            residence_country = UNSET
        else:
            residence_country = self.residence_country

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if chinese_name is not UNSET:
            field_dict["chinese_name"] = chinese_name
        if city is not UNSET:
            field_dict["city"] = city
        if email is not UNSET:
            field_dict["email"] = email
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if phone is not UNSET:
            field_dict["phone"] = phone
        if residence_country is not UNSET:
            field_dict["residence_country"] = residence_country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_chinese_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chinese_name = _parse_chinese_name(d.pop("chinese_name", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_family_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_given_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))

        def _parse_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_residence_country(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        residence_country = _parse_residence_country(d.pop("residence_country", UNSET))

        person_patch = cls(
            chinese_name=chinese_name,
            city=city,
            email=email,
            family_name=family_name,
            given_name=given_name,
            nationality=nationality,
            phone=phone,
            residence_country=residence_country,
        )

        return person_patch
