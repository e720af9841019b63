from enum import StrEnum


class Scope(StrEnum):
    AUDITREAD = "audit:read"
    CHANGESREAD = "changes:read"
    CLIENTSADMIN = "clients:admin"
    EVENTSREAD = "events:read"
    EVENTSWRITE = "events:write"
    LEADSREAD = "leads:read"
    LEADSREVIEW = "leads:review"
    LEADSWRITE = "leads:write"
    TALENT_LISTREAD = "talent-list:read"
    TALENT_LISTWRITE = "talent-list:write"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)
