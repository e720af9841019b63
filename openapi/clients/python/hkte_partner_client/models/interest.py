from enum import StrEnum


class Interest(StrEnum):
    ADMISSION_SCHEMES = "admission_schemes"
    EVENTS = "events"
    JOBS = "jobs"
    STARTING_A_BUSINESS = "starting_a_business"
    STUDY = "study"

    def __str__(self) -> str:
        return str(self.value)
