from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edition_text import EditionText


T = TypeVar("T", bound="SectorIn")


@_attrs_define
class SectorIn:
    """
    Attributes:
        code (str):
        name (EditionText):
        description (EditionText | None | Unset):
    """

    code: str
    name: EditionText
    description: EditionText | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.edition_text import EditionText  # noqa: PLC0415

        code = self.code

        name = self.name.to_dict()

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, EditionText):
            description = self.description.to_dict()
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edition_text import EditionText  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = EditionText.from_dict(d.pop("name"))

        def _parse_description(data: object) -> EditionText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = EditionText.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditionText | None | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        sector_in = cls(
            code=code,
            name=name,
            description=description,
        )

        return sector_in
