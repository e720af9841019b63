from enum import StrEnum


class PartnerUpdateStatusType2Type1(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
