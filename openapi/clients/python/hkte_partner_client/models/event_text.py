from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventText")


@_attrs_define
class EventText:
    """
    Attributes:
        en (str):
        zh_hans (str | Unset):  Default: ''.
        zh_hant (str | Unset):  Default: ''.
    """

    en: str
    zh_hans: str | Unset = ""
    zh_hant: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        en = self.en

        zh_hans = self.zh_hans

        zh_hant = self.zh_hant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "en": en,
            }
        )
        if zh_hans is not UNSET:
            field_dict["zh-Hans"] = zh_hans
        if zh_hant is not UNSET:
            field_dict["zh-Hant"] = zh_hant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        en = d.pop("en")

        zh_hans = d.pop("zh-Hans", UNSET)

        zh_hant = d.pop("zh-Hant", UNSET)

        event_text = cls(
            en=en,
            zh_hans=zh_hans,
            zh_hant=zh_hant,
        )

        return event_text
