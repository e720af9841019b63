from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admission_scheme import AdmissionScheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edition_text import EditionText


T = TypeVar("T", bound="ProfessionIn")


@_attrs_define
class ProfessionIn:
    """
    Attributes:
        code (str):
        name (EditionText):
        sector (str): Code of one of the edition's sectors.
        description (EditionText | None | Unset):
        experience (EditionText | None | Unset):
        qualifications (EditionText | None | Unset):
        schemes (list[AdmissionScheme] | None | Unset): Default: the edition's schemes.
    """

    code: str
    name: EditionText
    sector: str
    description: EditionText | None | Unset = UNSET
    experience: EditionText | None | Unset = UNSET
    qualifications: EditionText | None | Unset = UNSET
    schemes: list[AdmissionScheme] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.edition_text import EditionText  # noqa: PLC0415

        code = self.code

        name = self.name.to_dict()

        sector = self.sector

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, EditionText):
            description = self.description.to_dict()
        else:
            description = self.description

        experience: dict[str, Any] | None | Unset
        if isinstance(self.experience, Unset):
            experience = UNSET
        elif isinstance(self.experience, EditionText):
            experience = self.experience.to_dict()
        else:
            experience = self.experience

        qualifications: dict[str, Any] | None | Unset
        if isinstance(self.qualifications, Unset):
            qualifications = UNSET
        elif isinstance(self.qualifications, EditionText):
            qualifications = self.qualifications.to_dict()
        else:
            qualifications = self.qualifications

        schemes: list[str] | None | Unset
        if isinstance(self.schemes, Unset):
            schemes = UNSET
        elif isinstance(self.schemes, list):
            schemes = []
            for schemes_type_0_item_data in self.schemes:
                schemes_type_0_item = schemes_type_0_item_data.value
                schemes.append(schemes_type_0_item)

        else:
            schemes = self.schemes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "sector": sector,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if experience is not UNSET:
            field_dict["experience"] = experience
        if qualifications is not UNSET:
            field_dict["qualifications"] = qualifications
        if schemes is not UNSET:
            field_dict["schemes"] = schemes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edition_text import EditionText  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = EditionText.from_dict(d.pop("name"))

        sector = d.pop("sector")

        def _parse_description(data: object) -> EditionText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = EditionText.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditionText | None | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_experience(data: object) -> EditionText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                experience_type_0 = EditionText.from_dict(data)

                return experience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditionText | None | Unset, data)

        experience = _parse_experience(d.pop("experience", UNSET))

        def _parse_qualifications(data: object) -> EditionText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                qualifications_type_0 = EditionText.from_dict(data)

                return qualifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditionText | None | Unset, data)

        qualifications = _parse_qualifications(d.pop("qualifications", UNSET))

        def _parse_schemes(data: object) -> list[AdmissionScheme] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                schemes_type_0 = []
                _schemes_type_0 = data
                for schemes_type_0_item_data in _schemes_type_0:
                    schemes_type_0_item = AdmissionScheme(schemes_type_0_item_data)

                    schemes_type_0.append(schemes_type_0_item)

                return schemes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AdmissionScheme] | None | Unset, data)

        schemes = _parse_schemes(d.pop("schemes", UNSET))

        profession_in = cls(
            code=code,
            name=name,
            sector=sector,
            description=description,
            experience=experience,
            qualifications=qualifications,
            schemes=schemes,
        )

        return profession_in
