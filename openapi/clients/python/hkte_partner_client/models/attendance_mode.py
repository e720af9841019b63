from enum import StrEnum


class AttendanceMode(StrEnum):
    IN_PERSON = "in_person"
    MIXED = "mixed"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
