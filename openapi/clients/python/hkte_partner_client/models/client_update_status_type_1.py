from enum import StrEnum


class ClientUpdateStatusType1(StrEnum):
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
