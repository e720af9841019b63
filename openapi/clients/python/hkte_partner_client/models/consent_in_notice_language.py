from enum import StrEnum


class ConsentInNoticeLanguage(StrEnum):
    EN = "en"
    ZH_HANS = "zh-Hans"
    ZH_HANT = "zh-Hant"

    def __str__(self) -> str:
        return str(self.value)
