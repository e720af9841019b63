from enum import StrEnum


class EventStatus(StrEnum):
    CANCELLED = "cancelled"
    MOVED_ONLINE = "moved_online"
    POSTPONED = "postponed"
    RESCHEDULED = "rescheduled"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
