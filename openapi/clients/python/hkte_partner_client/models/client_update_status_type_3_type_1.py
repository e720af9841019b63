from enum import StrEnum


class ClientUpdateStatusType3Type1(StrEnum):
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
