from enum import StrEnum


class Resource(StrEnum):
    EVENT = "event"
    LEAD = "lead"
    TALENT_LIST_EDITION = "talent_list_edition"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
