from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.profession_out import ProfessionOut
    from ..models.text import Text


T = TypeVar("T", bound="SectorOut")


@_attrs_define
class SectorOut:
    """
    Attributes:
        code (str):
        description (None | Text):
        name (Text):
        professions (list[ProfessionOut]):
    """

    code: str
    description: None | Text
    name: Text
    professions: list[ProfessionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415

        code = self.code

        description: dict[str, Any] | None
        if isinstance(self.description, Text):
            description = self.description.to_dict()
        else:
            description = self.description

        name = self.name.to_dict()

        professions = []
        for professions_item_data in self.professions:
            professions_item = professions_item_data.to_dict()
            professions.append(professions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "description": description,
                "name": name,
                "professions": professions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profession_out import ProfessionOut  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

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

        name = Text.from_dict(d.pop("name"))

        professions = []
        _professions = d.pop("professions")
        for professions_item_data in _professions:
            professions_item = ProfessionOut.from_dict(professions_item_data)

            professions.append(professions_item)

        sector_out = cls(
            code=code,
            description=description,
            name=name,
            professions=professions,
        )

        sector_out.additional_properties = d
        return sector_out

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
