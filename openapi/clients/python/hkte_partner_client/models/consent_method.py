from enum import StrEnum


class ConsentMethod(StrEnum):
    EMAIL = "email"
    EVENT = "event"
    IN_PERSON = "in_person"
    ONLINE_FORM = "online_form"

    def __str__(self) -> str:
        return str(self.value)
