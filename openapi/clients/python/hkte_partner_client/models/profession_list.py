from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.profession_out import ProfessionOut


T = TypeVar("T", bound="ProfessionList")


@_attrs_define
class ProfessionList:
    """
    Attributes:
        edition (str): The edition searched.
        items (list[ProfessionOut]):
    """

    edition: str
    items: list[ProfessionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edition = self.edition

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edition": edition,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profession_out import ProfessionOut  # noqa: PLC0415

        d = dict(src_dict)
        edition = d.pop("edition")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProfessionOut.from_dict(items_item_data)

            items.append(items_item)

        profession_list = cls(
            edition=edition,
            items=items,
        )

        profession_list.additional_properties = d
        return profession_list

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
