"""The baseline's own msgspec structs: field for field the API's answers (api/schemas/), so the
bytes are the same; the check step (bench/check.py) proves it on every run."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta


class Text(msgspec.Struct, frozen=True, omit_defaults=True):
    en: str | None = None
    zh_hant: str | None = msgspec.field(default=None, name="zh-Hant")
    zh_hans: str | None = msgspec.field(default=None, name="zh-Hans")


class ProfessionOut(msgspec.Struct, frozen=True):
    code: str
    sector: str
    name: Text
    description: Text | None
    qualifications: Text | None
    experience: Text | None
    schemes: list[str]


class SectorOut(msgspec.Struct, frozen=True):
    code: str
    name: Text
    description: Text | None
    professions: list[ProfessionOut]


class EditionOut(msgspec.Struct, frozen=True):
    code: str
    title: Text
    effective_from: date
    superseded_on: date | None
    in_force: bool
    announced_on: date | None
    published_at: datetime | None
    profession_count: int
    declared_profession_count: int | None
    partial: bool
    notes: Text | None
    sectors: list[SectorOut]


class VenueOut(msgspec.Struct, frozen=True):
    city: str
    country: str
    name: Text | None
    address: Text | None


class EventPartner(msgspec.Struct, frozen=True):
    id: str  # as PostgreSQL renders it in JSON: the canonical form, as str(UUID)
    code: str
    name: Text


class EventOut(msgspec.Struct, frozen=True):
    id: UUID
    url: str
    calendar_url: str
    publication: str
    status: str
    type: str
    attendance_mode: str
    title: Text
    summary: Text
    description: Text | None
    starts_at: datetime
    ends_at: datetime
    timezone: str
    previous_starts_at: datetime | None
    venue: VenueOut | None
    online_url: str | None
    registration_url: str | None
    capacity: int | None
    languages: list[str]
    sectors: list[str]
    professions: list[str]
    organiser: EventPartner
    co_organisers: list[EventPartner]
    sequence: int
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


class EventPage(msgspec.Struct, frozen=True):
    items: list[msgspec.Raw]  # each event's JSON, kept
    next_cursor: str | None


class PersonOut(msgspec.Struct, frozen=True):
    given_name: str
    family_name: str
    chinese_name: str | None
    email: str | None
    phone: str | None
    residence_country: str
    nationality: str | None
    city: str | None


class ConsentOut(msgspec.Struct, frozen=True):
    notice_version: str
    notice_language: str
    purposes: list[str]
    method: str
    collected_at: datetime
    collected_by: str


class LeadOut(msgspec.Struct, frozen=True):
    id: UUID
    url: str
    status: str
    known_to_hkte: bool
    external_ref: str | None
    person: PersonOut | None
    profession: str | None
    edition: str
    years_of_experience: int | None
    highest_qualification: str | None
    employer: str | None
    job_title: str | None
    languages: list[str]
    interests: list[str]
    notes: str | None
    consent: ConsentOut
    retain_until: datetime
    created_at: datetime
    updated_at: datetime


# -- the lead submission, with the constraints of api/schemas/leads.py --------------------------

Name = Annotated[str, Meta(min_length=1, max_length=100)]
Country = Annotated[str, Meta(pattern=r"^[A-Z]{2}$")]
LanguageTag = Annotated[str, Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
Purpose = Literal[
    "talent_attraction", "job_matching", "event_invitations", "admission_scheme_advice", "statistics"
]
Interest = Literal["jobs", "events", "admission_schemes", "starting_a_business", "study"]


class _In(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    pass


class PersonIn(_In, frozen=True):
    given_name: Name
    family_name: Name
    residence_country: Country
    email: Annotated[str, Meta(max_length=254)] | None = None
    phone: Annotated[str, Meta(pattern=r"^\+[1-9][0-9]{6,14}$")] | None = None
    chinese_name: Annotated[str, Meta(max_length=50)] | None = None
    nationality: Country | None = None
    city: Annotated[str, Meta(max_length=100)] | None = None


class ConsentIn(_In, frozen=True):
    notice_version: Annotated[str, Meta(min_length=1, max_length=50)]
    notice_language: Literal["en", "zh-Hant", "zh-Hans"]
    purposes: Annotated[list[Purpose], Meta(min_length=1, max_length=5)]
    method: Literal["in_person", "online_form", "email", "event"]
    collected_at: Annotated[datetime, Meta(tz=True)]
    collected_by: Annotated[str, Meta(min_length=1, max_length=100)]


class LeadCreate(_In, frozen=True):
    person: PersonIn
    profession: Annotated[str, Meta(max_length=63)]
    years_of_experience: Annotated[int, Meta(ge=0, le=60)]
    highest_qualification: Annotated[str, Meta(min_length=1, max_length=100)]
    consent: ConsentIn
    employer: Annotated[str, Meta(max_length=200)] | None = None
    job_title: Annotated[str, Meta(max_length=200)] | None = None
    languages: Annotated[list[LanguageTag], Meta(max_length=10)] = msgspec.field(default_factory=list)
    interests: Annotated[list[Interest], Meta(max_length=5)] = msgspec.field(default_factory=list)
    external_ref: Annotated[str, Meta(min_length=1, max_length=100)] | None = None
    notes: Annotated[str, Meta(max_length=2000)] | None = None
