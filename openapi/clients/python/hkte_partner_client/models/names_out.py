from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NamesOut")


@_attrs_define
class NamesOut:
    """
    Attributes:
        en (str):
        zh_hans (str):
        zh_hant (str):
    """

    en: str
    zh_hans: str
    zh_hant: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        en = self.en

        zh_hans = self.zh_hans

        zh_hant = self.zh_hant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "en": en,
                "zh_hans": zh_hans,
                "zh_hant": zh_hant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        en = d.pop("en")

        zh_hans = d.pop("zh_hans")

        zh_hant = d.pop("zh_hant")

        names_out = cls(
            en=en,
            zh_hans=zh_hans,
            zh_hant=zh_hant,
        )

        names_out.additional_properties = d
        return names_out

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
