from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_type import PartnerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.names import Names


T = TypeVar("T", bound="PartnerCreate")


@_attrs_define
class PartnerCreate:
    """
    Attributes:
        code (str):
        name (Names):
        type_ (PartnerType):
        country (None | str | Unset):
    """

    code: str
    name: Names
    type_: PartnerType
    country: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name.to_dict()

        type_ = self.type_.value

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "type": type_,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.names import Names  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = Names.from_dict(d.pop("name"))

        type_ = PartnerType(d.pop("type"))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        partner_create = cls(
            code=code,
            name=name,
            type_=type_,
            country=country,
        )

        return partner_create
