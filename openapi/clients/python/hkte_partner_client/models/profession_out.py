from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admission_scheme import AdmissionScheme

if TYPE_CHECKING:
    from ..models.text import Text


T = TypeVar("T", bound="ProfessionOut")


@_attrs_define
class ProfessionOut:
    """
    Attributes:
        code (str): Stable across editions.
        description (None | Text):
        experience (None | Text): Specification: experience asked for.
        name (Text):
        qualifications (None | Text): Specification: qualifications asked for.
        schemes (list[AdmissionScheme]): Admission schemes it applies to.
        sector (str): Code of the sector it belongs to in this edition.
    """

    code: str
    description: None | Text
    experience: None | Text
    name: Text
    qualifications: None | Text
    schemes: list[AdmissionScheme]
    sector: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415

        code = self.code

        description: dict[str, Any] | None
        if isinstance(self.description, Text):
            description = self.description.to_dict()
        else:
            description = self.description

        experience: dict[str, Any] | None
        if isinstance(self.experience, Text):
            experience = self.experience.to_dict()
        else:
            experience = self.experience

        name = self.name.to_dict()

        qualifications: dict[str, Any] | None
        if isinstance(self.qualifications, Text):
            qualifications = self.qualifications.to_dict()
        else:
            qualifications = self.qualifications

        schemes = []
        for schemes_item_data in self.schemes:
            schemes_item = schemes_item_data.value
            schemes.append(schemes_item)

        sector = self.sector

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "description": description,
                "experience": experience,
                "name": name,
                "qualifications": qualifications,
                "schemes": schemes,
                "sector": sector,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_description(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = Text.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        description = _parse_description(d.pop("description"))

        def _parse_experience(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                experience_type_0 = Text.from_dict(data)

                return experience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        experience = _parse_experience(d.pop("experience"))

        name = Text.from_dict(d.pop("name"))

        def _parse_qualifications(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                qualifications_type_0 = Text.from_dict(data)

                return qualifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        qualifications = _parse_qualifications(d.pop("qualifications"))

        schemes = []
        _schemes = d.pop("schemes")
        for schemes_item_data in _schemes:
            schemes_item = AdmissionScheme(schemes_item_data)

            schemes.append(schemes_item)

        sector = d.pop("sector")

        profession_out = cls(
            code=code,
            description=description,
            experience=experience,
            name=name,
            qualifications=qualifications,
            schemes=schemes,
            sector=sector,
        )

        profession_out.additional_properties = d
        return profession_out

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
