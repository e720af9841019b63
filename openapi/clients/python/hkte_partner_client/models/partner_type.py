from enum import StrEnum


class PartnerType(StrEnum):
    ETO = "eto"
    EVENT_PARTNER = "event_partner"
    GOV_COUNTERPART = "gov_counterpart"
    HKTE = "hkte"
    INDUSTRY_BODY = "industry_body"
    MAINLAND_OFFICE = "mainland_office"
    OFFICIAL_PARTNER = "official_partner"
    SERVICE_PARTNER = "service_partner"

    def __str__(self) -> str:
        return str(self.value)
