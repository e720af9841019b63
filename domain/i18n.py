"""Languages the API speaks (BCP 47 tags) and text kept in all three of them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    ZH_HANT = "zh-Hant"
    ZH_HANS = "zh-Hans"


@dataclass(frozen=True, slots=True)
class LocalizedText:
    en: str
    zh_hant: str
    zh_hans: str

    def __post_init__(self) -> None:
        if not self.en.strip():
            raise ValueError("English text is required")

    def in_language(self, language: Language) -> str:
        """The text in `language`, falling back to English where a translation is missing."""
        if language is Language.ZH_HANT:
            return self.zh_hant or self.en
        if language is Language.ZH_HANS:
            return self.zh_hans or self.en
        return self.en
