from enum import StrEnum


class ClientUpdateStatusType2Type1(StrEnum):
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
