from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.interest import Interest
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_in import ConsentIn
    from ..models.person_in import PersonIn


T = TypeVar("T", bound="LeadCreate")


@_attrs_define
class LeadCreate:
    """
    Attributes:
        consent (ConsentIn):
        highest_qualification (str):
        person (PersonIn):
        profession (str): A profession code of the Talent List in force.
        years_of_experience (int):
        employer (None | str | Unset):
        external_ref (None | str | Unset): Your own reference.
        interests (list[Interest] | Unset):
        job_title (None | str | Unset):
        languages (list[str] | Unset):
        notes (None | str | Unset):
    """

    consent: ConsentIn
    highest_qualification: str
    person: PersonIn
    profession: str
    years_of_experience: int
    employer: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    interests: list[Interest] | Unset = UNSET
    job_title: None | str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        consent = self.consent.to_dict()

        highest_qualification = self.highest_qualification

        person = self.person.to_dict()

        profession = self.profession

        years_of_experience = self.years_of_experience

        employer: None | str | Unset
        if isinstance(self.employer, Unset):
            employer = UNSET
        else:
            employer = self.employer

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        interests: list[str] | Unset = UNSET
        if not isinstance(self.interests, Unset):
            interests = []
            for interests_item_data in self.interests:
                interests_item = interests_item_data.value
                interests.append(interests_item)

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consent": consent,
                "highest_qualification": highest_qualification,
                "person": person,
                "profession": profession,
                "years_of_experience": years_of_experience,
            }
        )
        if employer is not UNSET:
            field_dict["employer"] = employer
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if interests is not UNSET:
            field_dict["interests"] = interests
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if languages is not UNSET:
            field_dict["languages"] = languages
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_in import ConsentIn  # noqa: PLC0415
        from ..models.person_in import PersonIn  # noqa: PLC0415

        d = dict(src_dict)
        consent = ConsentIn.from_dict(d.pop("consent"))

        highest_qualification = d.pop("highest_qualification")

        person = PersonIn.from_dict(d.pop("person"))

        profession = d.pop("profession")

        years_of_experience = d.pop("years_of_experience")

        def _parse_employer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employer = _parse_employer(d.pop("employer", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        _interests = d.pop("interests", UNSET)
        interests: list[Interest] | Unset = UNSET
        if _interests is not UNSET:
            interests = []
            for interests_item_data in _interests:
                interests_item = Interest(interests_item_data)

                interests.append(interests_item)

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        languages = cast(list[str], d.pop("languages", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        lead_create = cls(
            consent=consent,
            highest_qualification=highest_qualification,
            person=person,
            profession=profession,
            years_of_experience=years_of_experience,
            employer=employer,
            external_ref=external_ref,
            interests=interests,
            job_title=job_title,
            languages=languages,
            notes=notes,
        )

        return lead_create
