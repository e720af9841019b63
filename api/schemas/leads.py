"""Wire structs of talent leads."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from api.schemas.base import LANGUAGE_TAG, NextCursor, RequestBody, ResponseBody
from domain.leads import ConsentMethod, Interest, Lead, LeadStatus, Purpose, StatusChange

Name = Annotated[str, Meta(min_length=1, max_length=100)]
Country = Annotated[str, Meta(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2.", examples=["GB"])]
LanguageTag = Annotated[str, Meta(pattern=LANGUAGE_TAG, examples=["en"])]
AwareTime = Annotated[datetime, Meta(tz=True, examples=["2026-11-20T15:30:00+00:00"])]


class PersonIn(RequestBody, frozen=True):
    given_name: Name
    family_name: Name
    residence_country: Country
    email: Annotated[str, Meta(max_length=254, examples=["mei.chan@example.org"])] | None = None
    phone: (
        Annotated[
            str, Meta(pattern=r"^\+[1-9][0-9]{6,14}$", description="E.164.", examples=["+447700900123"])
        ]
        | None
    ) = None
    chinese_name: Annotated[str, Meta(max_length=50, examples=["陳美"])] | None = None
    nationality: Country | None = None
    city: Annotated[str, Meta(max_length=100)] | None = None


class ConsentIn(RequestBody, frozen=True):
    """The evidence of consent (PDPO DPP1): which notice was shown, in which language, what the
    person agreed to, how, when and by whom it was collected."""

    notice_version: Annotated[str, Meta(min_length=1, max_length=50, examples=["PICS-2026-01"])]
    notice_language: Literal["en", "zh-Hant", "zh-Hans"]
    purposes: Annotated[list[Purpose], Meta(min_length=1, max_length=5)]
    method: ConsentMethod
    collected_at: AwareTime
    collected_by: Annotated[str, Meta(min_length=1, max_length=100, description="Who collected it.")]


class LeadCreate(RequestBody, frozen=True):
    person: PersonIn
    profession: Annotated[
        str, Meta(max_length=63, description="A profession code of the Talent List in force.")
    ]
    years_of_experience: Annotated[int, Meta(ge=0, le=60)]
    highest_qualification: Annotated[
        str, Meta(min_length=1, max_length=100, examples=["Fellow of the Institute and Faculty of Actuaries"])
    ]
    consent: ConsentIn
    employer: Annotated[str, Meta(max_length=200)] | None = None
    job_title: Annotated[str, Meta(max_length=200)] | None = None
    languages: Annotated[list[LanguageTag], Meta(max_length=10)] = []  # noqa: RUF012
    interests: Annotated[list[Interest], Meta(max_length=5)] = []  # noqa: RUF012
    external_ref: (
        Annotated[str, Meta(min_length=1, max_length=100, description="Your own reference.")] | None
    ) = None
    notes: Annotated[str, Meta(max_length=2000)] | None = None


class PersonPatch(RequestBody, frozen=True):
    """Person fields to correct; those left out stay as they are (null clears an optional one)."""

    given_name: Name | UnsetType = UNSET
    family_name: Name | UnsetType = UNSET
    residence_country: Country | UnsetType = UNSET
    email: Annotated[str, Meta(max_length=254)] | UnsetType | None = UNSET
    phone: Annotated[str, Meta(pattern=r"^\+[1-9][0-9]{6,14}$")] | UnsetType | None = UNSET
    chinese_name: Annotated[str, Meta(max_length=50)] | UnsetType | None = UNSET
    nationality: Country | UnsetType | None = UNSET
    city: Annotated[str, Meta(max_length=100)] | UnsetType | None = UNSET


class LeadPatch(RequestBody, frozen=True):
    """Corrections to a lead (the consent record is evidence and does not change)."""

    person: PersonPatch | UnsetType = UNSET
    profession: Annotated[str, Meta(max_length=63)] | UnsetType = UNSET
    years_of_experience: Annotated[int, Meta(ge=0, le=60)] | UnsetType = UNSET
    highest_qualification: Annotated[str, Meta(min_length=1, max_length=100)] | UnsetType = UNSET
    employer: Annotated[str, Meta(max_length=200)] | UnsetType | None = UNSET
    job_title: Annotated[str, Meta(max_length=200)] | UnsetType | None = UNSET
    languages: Annotated[list[LanguageTag], Meta(max_length=10)] | UnsetType = UNSET
    interests: Annotated[list[Interest], Meta(max_length=5)] | UnsetType = UNSET
    external_ref: Annotated[str, Meta(min_length=1, max_length=100)] | UnsetType | None = UNSET
    notes: Annotated[str, Meta(max_length=2000)] | UnsetType | None = UNSET


class StatusChangeIn(RequestBody, frozen=True):
    status: LeadStatus
    reason_code: Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9_]{1,63}$", examples=["eligible_for_qmas"])]
    note: Annotated[str, Meta(max_length=2000)] | None = None


class PersonOut(ResponseBody, frozen=True):
    given_name: str
    family_name: str
    chinese_name: str | None
    email: str | None
    phone: str | None
    residence_country: str
    nationality: str | None
    city: str | None


class ConsentOut(ResponseBody, frozen=True):
    notice_version: str
    notice_language: str
    purposes: list[Purpose]
    method: ConsentMethod
    collected_at: datetime
    collected_by: str


class LeadOut(ResponseBody, frozen=True):
    id: UUID
    url: str
    status: LeadStatus
    known_to_hkte: Annotated[bool, Meta(description="HKTE already knew this person through another partner.")]
    external_ref: str | None
    person: Annotated[PersonOut | None, Meta(description="Null once the personal data was erased.")]
    profession: str | None
    edition: Annotated[str, Meta(description="The Talent List edition the profession was checked against.")]
    years_of_experience: int | None
    highest_qualification: str | None
    employer: str | None
    job_title: str | None
    languages: list[str]
    interests: list[Interest]
    notes: str | None
    consent: ConsentOut
    retain_until: datetime
    created_at: datetime
    updated_at: datetime


class LeadPage(ResponseBody, frozen=True):
    items: list[LeadOut]
    next_cursor: NextCursor


class StatusChangeOut(ResponseBody, frozen=True):
    from_status: LeadStatus | None
    to_status: LeadStatus
    reason_code: str
    note: str | None
    changed_at: datetime


class LeadHistory(ResponseBody, frozen=True):
    lead_id: UUID
    status: LeadStatus
    changes: list[StatusChangeOut]


def lead_out(lead: Lead, base_url: str) -> LeadOut:
    p, f, c = lead.person, lead.profile, lead.consent
    return LeadOut(
        id=lead.id,
        url=f"{base_url}/v1/leads/{lead.id}",
        status=lead.status,
        known_to_hkte=lead.known_to_hkte,
        external_ref=lead.external_ref,
        person=None
        if p is None
        else PersonOut(
            given_name=p.given_name,
            family_name=p.family_name,
            chinese_name=p.chinese_name,
            email=p.email,
            phone=p.phone,
            residence_country=p.residence_country,
            nationality=p.nationality,
            city=p.city,
        ),
        profession=f.profession_code if f else None,
        edition=lead.edition_code,
        years_of_experience=f.years_of_experience if f else None,
        highest_qualification=f.highest_qualification if f else None,
        employer=f.employer if f else None,
        job_title=f.job_title if f else None,
        languages=list(f.languages) if f else [],
        interests=list(f.interests) if f else [],
        notes=f.notes if f else None,
        consent=ConsentOut(
            notice_version=c.notice_version,
            notice_language=c.notice_language,
            purposes=sorted(c.purposes),
            method=c.method,
            collected_at=c.collected_at,
            collected_by=c.collected_by,
        ),
        retain_until=lead.retain_until,
        created_at=lead.created_at,
        updated_at=lead.updated_at,
    )


def history_out(lead: Lead, changes: list[StatusChange]) -> LeadHistory:
    return LeadHistory(
        lead_id=lead.id,
        status=lead.status,
        changes=[
            StatusChangeOut(
                from_status=c.from_status,
                to_status=c.to_status,
                reason_code=c.reason_code,
                note=c.note,
                changed_at=c.changed_at,
            )
            for c in changes
        ],
    )


class SubjectRecord(ResponseBody, frozen=True):
    lead: LeadOut
    history: LeadHistory


class DataSubjectExport(ResponseBody, frozen=True):
    """Everything held about one person, across partners (a data access request, PDPO DPP6)."""

    email: str | None
    phone: str | None
    generated_at: datetime
    records: list[SubjectRecord]


def lead_etag(lead: Lead) -> str:
    """Strong: every change to a lead (correction, status, erasure) raises its version."""
    return f'"lead-{lead.version}"'
