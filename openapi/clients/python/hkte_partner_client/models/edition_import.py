from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admission_scheme import AdmissionScheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edition_text import EditionText
    from ..models.profession_in import ProfessionIn
    from ..models.sector_in import SectorIn


T = TypeVar("T", bound="EditionImport")


@_attrs_define
class EditionImport:
    """The whole edition.

    Attributes:
        code (str):
        effective_from (datetime.date): The day the edition takes effect.
        schemes (list[AdmissionScheme]):
        title (EditionText):
        announced_on (datetime.date | None | Unset):
        csv (None | str | Unset): The professions as CSV (UTF-8).
        declared_profession_count (int | None | Unset): Size of the official edition, when known.
        notes (EditionText | None | Unset):
        professions (list[ProfessionIn] | None | Unset):
        sectors (list[SectorIn] | None | Unset):
    """

    code: str
    effective_from: datetime.date
    schemes: list[AdmissionScheme]
    title: EditionText
    announced_on: datetime.date | None | Unset = UNSET
    csv: None | str | Unset = UNSET
    declared_profession_count: int | None | Unset = UNSET
    notes: EditionText | None | Unset = UNSET
    professions: list[ProfessionIn] | None | Unset = UNSET
    sectors: list[SectorIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.edition_text import EditionText  # noqa: PLC0415

        code = self.code

        effective_from = self.effective_from.isoformat()

        schemes = []
        for schemes_item_data in self.schemes:
            schemes_item = schemes_item_data.value
            schemes.append(schemes_item)

        title = self.title.to_dict()

        announced_on: None | str | Unset
        if isinstance(self.announced_on, Unset):
            announced_on = UNSET
        elif isinstance(self.announced_on, datetime.date):
            announced_on = self.announced_on.isoformat()
        else:
            announced_on = self.announced_on

        csv: None | str | Unset
        if isinstance(self.csv, Unset):
            csv = UNSET
        else:
            csv = self.csv

        declared_profession_count: int | None | Unset
        if isinstance(self.declared_profession_count, Unset):
            declared_profession_count = UNSET
        else:
            declared_profession_count = self.declared_profession_count

        notes: dict[str, Any] | None | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        elif isinstance(self.notes, EditionText):
            notes = self.notes.to_dict()
        else:
            notes = self.notes

        professions: list[dict[str, Any]] | None | Unset
        if isinstance(self.professions, Unset):
            professions = UNSET
        elif isinstance(self.professions, list):
            professions = []
            for professions_type_0_item_data in self.professions:
                professions_type_0_item = professions_type_0_item_data.to_dict()
                professions.append(professions_type_0_item)

        else:
            professions = self.professions

        sectors: list[dict[str, Any]] | None | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        elif isinstance(self.sectors, list):
            sectors = []
            for sectors_type_0_item_data in self.sectors:
                sectors_type_0_item = sectors_type_0_item_data.to_dict()
                sectors.append(sectors_type_0_item)

        else:
            sectors = self.sectors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "effective_from": effective_from,
                "schemes": schemes,
                "title": title,
            }
        )
        if announced_on is not UNSET:
            field_dict["announced_on"] = announced_on
        if csv is not UNSET:
            field_dict["csv"] = csv
        if declared_profession_count is not UNSET:
            field_dict["declared_profession_count"] = declared_profession_count
        if notes is not UNSET:
            field_dict["notes"] = notes
        if professions is not UNSET:
            field_dict["professions"] = professions
        if sectors is not UNSET:
            field_dict["sectors"] = sectors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edition_text import EditionText  # noqa: PLC0415
        from ..models.profession_in import ProfessionIn  # noqa: PLC0415
        from ..models.sector_in import SectorIn  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        schemes = []
        _schemes = d.pop("schemes")
        for schemes_item_data in _schemes:
            schemes_item = AdmissionScheme(schemes_item_data)

            schemes.append(schemes_item)

        title = EditionText.from_dict(d.pop("title"))

        def _parse_announced_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                announced_on_type_0 = datetime.date.fromisoformat(data)

                return announced_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        announced_on = _parse_announced_on(d.pop("announced_on", UNSET))

        def _parse_csv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        csv = _parse_csv(d.pop("csv", UNSET))

        def _parse_declared_profession_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        declared_profession_count = _parse_declared_profession_count(d.pop("declared_profession_count", UNSET))

        def _parse_notes(data: object) -> EditionText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notes_type_0 = EditionText.from_dict(data)

                return notes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditionText | None | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_professions(data: object) -> list[ProfessionIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                professions_type_0 = []
                _professions_type_0 = data
                for professions_type_0_item_data in _professions_type_0:
                    professions_type_0_item = ProfessionIn.from_dict(professions_type_0_item_data)

                    professions_type_0.append(professions_type_0_item)

                return professions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProfessionIn] | None | Unset, data)

        professions = _parse_professions(d.pop("professions", UNSET))

        def _parse_sectors(data: object) -> list[SectorIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sectors_type_0 = []
                _sectors_type_0 = data
                for sectors_type_0_item_data in _sectors_type_0:
                    sectors_type_0_item = SectorIn.from_dict(sectors_type_0_item_data)

                    sectors_type_0.append(sectors_type_0_item)

                return sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SectorIn] | None | Unset, data)

        sectors = _parse_sectors(d.pop("sectors", UNSET))

        edition_import = cls(
            code=code,
            effective_from=effective_from,
            schemes=schemes,
            title=title,
            announced_on=announced_on,
            csv=csv,
            declared_profession_count=declared_profession_count,
            notes=notes,
            professions=professions,
            sectors=sectors,
        )

        return edition_import
