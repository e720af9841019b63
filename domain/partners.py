"""Partners: the organisations that work with HKTE and whose systems call the API."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from domain.errors import InvalidValue
from domain.i18n import LocalizedText

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class PartnerType(StrEnum):
    ETO = "eto"
    MAINLAND_OFFICE = "mainland_office"
    INDUSTRY_BODY = "industry_body"
    OFFICIAL_PARTNER = "official_partner"
    SERVICE_PARTNER = "service_partner"
    EVENT_PARTNER = "event_partner"
    GOV_COUNTERPART = "gov_counterpart"
    HKTE = "hkte"


class PartnerStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


@dataclass(frozen=True, slots=True)
class Partner:
    id: UUID
    code: str
    name: LocalizedText
    type: PartnerType
    country: str | None
    status: PartnerStatus
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise InvalidValue("code", "lower-case letters, digits and hyphens, 2 to 63 characters")
        if self.country is not None and not _COUNTRY.match(self.country):
            raise InvalidValue("country", "an ISO 3166-1 alpha-2 code such as GB or CN")

    @property
    def is_staff(self) -> bool:
        """HKTE's own office: its clients may hold staff and admin scopes."""
        return self.type is PartnerType.HKTE
