from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EditionText")


@_attrs_define
class EditionText:
    """
    Attributes:
        en (str):
        zh_hans (str):
        zh_hant (str):
    """

    en: str
    zh_hans: str
    zh_hant: str

    def to_dict(self) -> dict[str, Any]:
        en = self.en

        zh_hans = self.zh_hans

        zh_hant = self.zh_hant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "en": en,
                "zh-Hans": zh_hans,
                "zh-Hant": zh_hant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        en = d.pop("en")

        zh_hans = d.pop("zh-Hans")

        zh_hant = d.pop("zh-Hant")

        edition_text = cls(
            en=en,
            zh_hans=zh_hans,
            zh_hant=zh_hant,
        )

        return edition_text
