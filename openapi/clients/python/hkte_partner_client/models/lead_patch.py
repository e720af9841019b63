from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.interest import Interest
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_patch import PersonPatch


T = TypeVar("T", bound="LeadPatch")


@_attrs_define
class LeadPatch:
    """
    Attributes:
        employer (None | str | Unset):
        external_ref (None | str | Unset):
        highest_qualification (str | Unset):
        interests (list[Interest] | Unset):
        job_title (None | str | Unset):
        languages (list[str] | Unset):
        notes (None | str | Unset):
        person (PersonPatch | Unset):
        profession (str | Unset):
        years_of_experience (int | Unset):
    """

    employer: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    highest_qualification: str | Unset = UNSET
    interests: list[Interest] | Unset = UNSET
    job_title: None | str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET
    person: PersonPatch | Unset = UNSET
    profession: str | Unset = UNSET
    years_of_experience: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        highest_qualification: str | Unset
        if isinstance(self.highest_qualification, Unset):
            highest_qualification = UNSET
        else:
            highest_qualification = self.highest_qualification

        interests: list[str] | Unset
        if isinstance(self.interests, Unset):
            interests = UNSET
        else:
            interests = []
            for interests_type_0_item_data in self.interests:
                interests_type_0_item = interests_type_0_item_data.value
                interests.append(interests_type_0_item)

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        languages: list[str] | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        else:
            languages = self.languages

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        person: dict[str, Any] | Unset = UNSET
        if not isinstance(self.person, Unset):
            person = self.person.to_dict()

        profession: str | Unset
        if isinstance(self.profession, Unset):
            profession = UNSET
        else:
            profession = self.profession

        years_of_experience: int | Unset
        if isinstance(self.years_of_experience, Unset):
            years_of_experience = UNSET
        else:
            years_of_experience = self.years_of_experience

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if employer is not UNSET:
            field_dict["employer"] = employer
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if highest_qualification is not UNSET:
            field_dict["highest_qualification"] = highest_qualification
        if interests is not UNSET:
            field_dict["interests"] = interests
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if languages is not UNSET:
            field_dict["languages"] = languages
        if notes is not UNSET:
            field_dict["notes"] = notes
        if person is not UNSET:
            field_dict["person"] = person
        if profession is not UNSET:
            field_dict["profession"] = profession
        if years_of_experience is not UNSET:
            field_dict["years_of_experience"] = years_of_experience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_patch import PersonPatch  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_highest_qualification(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        highest_qualification = _parse_highest_qualification(d.pop("highest_qualification", UNSET))

        def _parse_interests(data: object) -> list[Interest] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            interests_type_0 = []
            _interests_type_0 = data
            for interests_type_0_item_data in _interests_type_0:
                interests_type_0_item = Interest(interests_type_0_item_data)

                interests_type_0.append(interests_type_0_item)

            return interests_type_0

        interests = _parse_interests(d.pop("interests", UNSET))

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_languages(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            languages_type_0 = cast(list[str], data)

            return languages_type_0

        languages = _parse_languages(d.pop("languages", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _person = d.pop("person", UNSET)
        person: PersonPatch | Unset
        if isinstance(_person, Unset):
            person = UNSET
        else:
            person = PersonPatch.from_dict(_person)

        def _parse_profession(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        profession = _parse_profession(d.pop("profession", UNSET))

        def _parse_years_of_experience(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        years_of_experience = _parse_years_of_experience(d.pop("years_of_experience", UNSET))

        lead_patch = cls(
            employer=employer,
            external_ref=external_ref,
            highest_qualification=highest_qualification,
            interests=interests,
            job_title=job_title,
            languages=languages,
            notes=notes,
            person=person,
            profession=profession,
            years_of_experience=years_of_experience,
        )

        return lead_patch
