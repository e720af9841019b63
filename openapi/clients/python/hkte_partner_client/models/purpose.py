from enum import StrEnum


class Purpose(StrEnum):
    ADMISSION_SCHEME_ADVICE = "admission_scheme_advice"
    EVENT_INVITATIONS = "event_invitations"
    JOB_MATCHING = "job_matching"
    STATISTICS = "statistics"
    TALENT_ATTRACTION = "talent_attraction"

    def __str__(self) -> str:
        return str(self.value)
