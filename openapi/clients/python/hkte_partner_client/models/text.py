from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Text")


@_attrs_define
class Text:
    """
    Attributes:
        en (None | str | Unset):
        zh_hans (None | str | Unset):
        zh_hant (None | str | Unset):
    """

    en: None | str | Unset = UNSET
    zh_hans: None | str | Unset = UNSET
    zh_hant: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        en: None | str | Unset
        if isinstance(self.en, Unset):
            en = UNSET
        else:
            en = self.en

        zh_hans: None | str | Unset
        if isinstance(self.zh_hans, Unset):
            zh_hans = UNSET
        else:
            zh_hans = self.zh_hans

        zh_hant: None | str | Unset
        if isinstance(self.zh_hant, Unset):
            zh_hant = UNSET
        else:
            zh_hant = self.zh_hant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if en is not UNSET:
            field_dict["en"] = en
        if zh_hans is not UNSET:
            field_dict["zh-Hans"] = zh_hans
        if zh_hant is not UNSET:
            field_dict["zh-Hant"] = zh_hant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        en = _parse_en(d.pop("en", UNSET))

        def _parse_zh_hans(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zh_hans = _parse_zh_hans(d.pop("zh-Hans", UNSET))

        def _parse_zh_hant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zh_hant = _parse_zh_hant(d.pop("zh-Hant", UNSET))

        text = cls(
            en=en,
            zh_hans=zh_hans,
            zh_hant=zh_hant,
        )

        text.additional_properties = d
        return text

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
