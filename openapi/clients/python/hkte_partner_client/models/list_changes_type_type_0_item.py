from enum import StrEnum


class ListChangesTypeType0Item(StrEnum):
    EVENT_CANCELLED = "event.cancelled"
    EVENT_PUBLISHED = "event.published"
    EVENT_UPDATED = "event.updated"
    LEAD_CONSENT_WITHDRAWN = "lead.consent_withdrawn"
    LEAD_ERASED = "lead.erased"
    LEAD_STATUS_CHANGED = "lead.status_changed"
    TALENT_LIST_EDITION_PUBLISHED = "talent_list.edition_published"

    def __str__(self) -> str:
        return str(self.value)
