from enum import StrEnum


class PartnerUpdateStatusType1(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
