from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.names_out import NamesOut


T = TypeVar("T", bound="PartnerOut")


@_attrs_define
class PartnerOut:
    """
    Attributes:
        code (str):
        country (None | str):
        created_at (datetime.datetime):
        id (UUID):
        name (NamesOut):
        status (str):
        type_ (str):
        updated_at (datetime.datetime):
    """

    code: str
    country: None | str
    created_at: datetime.datetime
    id: UUID
    name: NamesOut
    status: str
    type_: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        country: None | str
        country = self.country

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name.to_dict()

        status = self.status

        type_ = self.type_

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "country": country,
                "created_at": created_at,
                "id": id,
                "name": name,
                "status": status,
                "type": type_,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.names_out import NamesOut  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = NamesOut.from_dict(d.pop("name"))

        status = d.pop("status")

        type_ = d.pop("type")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        partner_out = cls(
            code=code,
            country=country,
            created_at=created_at,
            id=id,
            name=name,
            status=status,
            type_=type_,
            updated_at=updated_at,
        )

        partner_out.additional_properties = d
        return partner_out

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
