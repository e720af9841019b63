from enum import StrEnum


class ListTalentListEditionsLangType3Type1(StrEnum):
    ALL = "all"
    EN = "en"
    ZH_HANS = "zh-Hans"
    ZH_HANT = "zh-Hant"

    def __str__(self) -> str:
        return str(self.value)
