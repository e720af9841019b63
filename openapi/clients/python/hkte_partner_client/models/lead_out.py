from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interest import Interest
from ..models.lead_status import LeadStatus

if TYPE_CHECKING:
    from ..models.consent_out import ConsentOut
    from ..models.person_out import PersonOut


T = TypeVar("T", bound="LeadOut")


@_attrs_define
class LeadOut:
    """
    Attributes:
        consent (ConsentOut):
        created_at (datetime.datetime):
        edition (str): The Talent List edition the profession was checked against.
        employer (None | str):
        external_ref (None | str):
        highest_qualification (None | str):
        id (UUID):
        interests (list[Interest]):
        job_title (None | str):
        known_to_hkte (bool): HKTE already knew this person through another partner.
        languages (list[str]):
        notes (None | str):
        person (None | PersonOut): Null once the personal data was erased.
        profession (None | str):
        retain_until (datetime.datetime):
        status (LeadStatus):
        updated_at (datetime.datetime):
        url (str):
        years_of_experience (int | None):
    """

    consent: ConsentOut
    created_at: datetime.datetime
    edition: str
    employer: None | str
    external_ref: None | str
    highest_qualification: None | str
    id: UUID
    interests: list[Interest]
    job_title: None | str
    known_to_hkte: bool
    languages: list[str]
    notes: None | str
    person: None | PersonOut
    profession: None | str
    retain_until: datetime.datetime
    status: LeadStatus
    updated_at: datetime.datetime
    url: str
    years_of_experience: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_out import PersonOut  # noqa: PLC0415

        consent = self.consent.to_dict()

        created_at = self.created_at.isoformat()

        edition = self.edition

        employer: None | str
        employer = self.employer

        external_ref: None | str
        external_ref = self.external_ref

        highest_qualification: None | str
        highest_qualification = self.highest_qualification

        id = str(self.id)

        interests = []
        for interests_item_data in self.interests:
            interests_item = interests_item_data.value
            interests.append(interests_item)

        job_title: None | str
        job_title = self.job_title

        known_to_hkte = self.known_to_hkte

        languages = self.languages

        notes: None | str
        notes = self.notes

        person: dict[str, Any] | None
        if isinstance(self.person, PersonOut):
            person = self.person.to_dict()
        else:
            person = self.person

        profession: None | str
        profession = self.profession

        retain_until = self.retain_until.isoformat()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        url = self.url

        years_of_experience: int | None
        years_of_experience = self.years_of_experience

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consent": consent,
                "created_at": created_at,
                "edition": edition,
                "employer": employer,
                "external_ref": external_ref,
                "highest_qualification": highest_qualification,
                "id": id,
                "interests": interests,
                "job_title": job_title,
                "known_to_hkte": known_to_hkte,
                "languages": languages,
                "notes": notes,
                "person": person,
                "profession": profession,
                "retain_until": retain_until,
                "status": status,
                "updated_at": updated_at,
                "url": url,
                "years_of_experience": years_of_experience,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_out import ConsentOut  # noqa: PLC0415
        from ..models.person_out import PersonOut  # noqa: PLC0415

        d = dict(src_dict)
        consent = ConsentOut.from_dict(d.pop("consent"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        edition = d.pop("edition")

        def _parse_employer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        employer = _parse_employer(d.pop("employer"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        def _parse_highest_qualification(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        highest_qualification = _parse_highest_qualification(d.pop("highest_qualification"))

        id = UUID(d.pop("id"))

        interests = []
        _interests = d.pop("interests")
        for interests_item_data in _interests:
            interests_item = Interest(interests_item_data)

            interests.append(interests_item)

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        known_to_hkte = d.pop("known_to_hkte")

        languages = cast(list[str], d.pop("languages"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_person(data: object) -> None | PersonOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                person_type_0 = PersonOut.from_dict(data)

                return person_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonOut, data)

        person = _parse_person(d.pop("person"))

        def _parse_profession(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profession = _parse_profession(d.pop("profession"))

        retain_until = datetime.datetime.fromisoformat(d.pop("retain_until"))

        status = LeadStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        def _parse_years_of_experience(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        years_of_experience = _parse_years_of_experience(d.pop("years_of_experience"))

        lead_out = cls(
            consent=consent,
            created_at=created_at,
            edition=edition,
            employer=employer,
            external_ref=external_ref,
            highest_qualification=highest_qualification,
            id=id,
            interests=interests,
            job_title=job_title,
            known_to_hkte=known_to_hkte,
            languages=languages,
            notes=notes,
            person=person,
            profession=profession,
            retain_until=retain_until,
            status=status,
            updated_at=updated_at,
            url=url,
            years_of_experience=years_of_experience,
        )

        lead_out.additional_properties = d
        return lead_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
