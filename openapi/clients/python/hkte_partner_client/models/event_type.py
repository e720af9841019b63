from enum import StrEnum


class EventType(StrEnum):
    CAREER_FAIR = "career_fair"
    EXPO = "expo"
    FORUM = "forum"
    NETWORKING = "networking"
    ROADSHOW = "roadshow"
    SATELLITE_EVENT = "satellite_event"
    SUMMIT = "summit"
    WEBINAR = "webinar"

    def __str__(self) -> str:
        return str(self.value)
