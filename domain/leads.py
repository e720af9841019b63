"""Talent leads: a professional a partner met, handed to HKTE with the evidence of consent that
the Personal Data (Privacy) Ordinance asks for (DPP1: purpose and notice; DPP3: use limited to
the purposes consented to).

A lead's status only moves forward; terminal states end it. Personal data lives in `Person`, so
erasure can remove exactly that and keep a tombstone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from domain.errors import DomainError, InvalidValue

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


class LeadStatus(StrEnum):
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    CONTACTED = "contacted"
    APPLIED = "applied"
    APPROVED = "approved"
    ARRIVED = "arrived"
    NOT_ELIGIBLE = "not_eligible"
    DECLINED = "declined"
    UNREACHABLE = "unreachable"
    WITHDRAWN = "withdrawn"
    DUPLICATE = "duplicate"


PROGRESS = (
    LeadStatus.RECEIVED,
    LeadStatus.UNDER_REVIEW,
    LeadStatus.CONTACTED,
    LeadStatus.APPLIED,
    LeadStatus.APPROVED,
    LeadStatus.ARRIVED,
)
TERMINAL = frozenset(
    {
        LeadStatus.ARRIVED,
        LeadStatus.NOT_ELIGIBLE,
        LeadStatus.DECLINED,
        LeadStatus.UNREACHABLE,
        LeadStatus.WITHDRAWN,
        LeadStatus.DUPLICATE,
    }
)


class Purpose(StrEnum):
    """What the person agreed their data may be used for (DPP1, DPP3)."""

    TALENT_ATTRACTION = "talent_attraction"  # HKTE contacts them about moving to Hong Kong
    JOB_MATCHING = "job_matching"  # shared with employers through HKTE's job services
    EVENT_INVITATIONS = "event_invitations"
    ADMISSION_SCHEME_ADVICE = "admission_scheme_advice"
    STATISTICS = "statistics"  # anonymised statistics and research


class ConsentMethod(StrEnum):
    IN_PERSON = "in_person"
    ONLINE_FORM = "online_form"
    EMAIL = "email"
    EVENT = "event"


class Interest(StrEnum):
    JOBS = "jobs"
    EVENTS = "events"
    ADMISSION_SCHEMES = "admission_schemes"
    STARTING_A_BUSINESS = "starting_a_business"
    STUDY = "study"


class IllegalTransition(DomainError):
    def __init__(self, current: LeadStatus, wanted: LeadStatus) -> None:
        super().__init__(f"a lead cannot move from {current.value} to {wanted.value}")
        self.current = current
        self.wanted = wanted


def can_move(current: LeadStatus, wanted: LeadStatus) -> bool:
    """Forward only: along the path (skipping steps is allowed), or to a terminal outcome."""
    if current in TERMINAL or wanted == current or wanted is LeadStatus.RECEIVED:
        return False
    if wanted in PROGRESS:
        return PROGRESS.index(wanted) > PROGRESS.index(current)
    return True


@dataclass(frozen=True, slots=True)
class Person:
    given_name: str
    family_name: str
    email: str | None
    phone: str | None
    residence_country: str
    chinese_name: str | None = None
    nationality: str | None = None
    city: str | None = None

    def __post_init__(self) -> None:
        if not self.email and not self.phone:
            raise InvalidValue("person.email", "give an email address or a phone number (or both)")
        if self.email is not None and not EMAIL.match(self.email):
            raise InvalidValue("person.email", "not an email address")
        if self.phone is not None and not E164.match(self.phone):
            raise InvalidValue("person.phone", "an E.164 number such as +447700900123")
        for field, value in (
            ("residence_country", self.residence_country),
            ("nationality", self.nationality),
        ):
            if value is not None and not COUNTRY.match(value):
                raise InvalidValue(f"person.{field}", "an ISO 3166-1 alpha-2 code such as GB")

    @property
    def email_key(self) -> str | None:
        """The email as duplicates are matched: trimmed and case-folded."""
        return self.email.strip().casefold() if self.email else None


@dataclass(frozen=True, slots=True)
class Consent:
    notice_version: str  # the personal information collection statement shown
    notice_language: str  # en, zh-Hant or zh-Hans
    purposes: frozenset[Purpose]
    method: ConsentMethod
    collected_at: datetime
    collected_by: str

    def __post_init__(self) -> None:
        if not self.purposes:
            raise InvalidValue("consent.purposes", "name at least one purpose the person agreed to")
        if self.collected_at.tzinfo is None:
            raise InvalidValue("consent.collected_at", "give the time with its UTC offset")

    def allows(self, purpose: Purpose) -> bool:
        return purpose in self.purposes


@dataclass(frozen=True, slots=True)
class Profile:
    """What the person does and wants (not identifying on its own)."""

    profession_code: str
    years_of_experience: int
    highest_qualification: str
    languages: tuple[str, ...] = ()
    interests: tuple[Interest, ...] = ()
    employer: str | None = None
    job_title: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Lead:
    id: UUID
    partner_id: UUID
    submitted_by: str  # OAuth client id
    status: LeadStatus
    person: Person | None  # None once erased (withdrawal, retention, request)
    profile: Profile | None
    consent: Consent
    external_ref: str | None
    edition_code: str
    known_to_hkte: bool
    retain_until: datetime
    version: int
    created_at: datetime
    updated_at: datetime
    erased_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StatusChange:
    lead_id: UUID
    from_status: LeadStatus | None
    to_status: LeadStatus
    reason_code: str
    note: str | None
    changed_by: str
    changed_at: datetime
