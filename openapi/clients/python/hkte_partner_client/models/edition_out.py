from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sector_out import SectorOut
    from ..models.text import Text


T = TypeVar("T", bound="EditionOut")


@_attrs_define
class EditionOut:
    """
    Attributes:
        announced_on (datetime.date | None):
        code (str): The edition's identifier, e.g. `2025`.
        declared_profession_count (int | None): Professions in the official edition.
        effective_from (datetime.date):
        in_force (bool): Whether this is the edition in force today (Hong Kong time).
        notes (None | Text):
        partial (bool): True when this API holds fewer professions than the official edition.
        profession_count (int): Professions this API holds for the edition.
        published_at (datetime.datetime | None):
        sectors (list[SectorOut]):
        superseded_on (datetime.date | None): When the next edition took effect.
        title (Text):
    """

    announced_on: datetime.date | None
    code: str
    declared_profession_count: int | None
    effective_from: datetime.date
    in_force: bool
    notes: None | Text
    partial: bool
    profession_count: int
    published_at: datetime.datetime | None
    sectors: list[SectorOut]
    superseded_on: datetime.date | None
    title: Text
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415

        announced_on: None | str
        if isinstance(self.announced_on, datetime.date):
            announced_on = self.announced_on.isoformat()
        else:
            announced_on = self.announced_on

        code = self.code

        declared_profession_count: int | None
        declared_profession_count = self.declared_profession_count

        effective_from = self.effective_from.isoformat()

        in_force = self.in_force

        notes: dict[str, Any] | None
        if isinstance(self.notes, Text):
            notes = self.notes.to_dict()
        else:
            notes = self.notes

        partial = self.partial

        profession_count = self.profession_count

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.to_dict()
            sectors.append(sectors_item)

        superseded_on: None | str
        if isinstance(self.superseded_on, datetime.date):
            superseded_on = self.superseded_on.isoformat()
        else:
            superseded_on = self.superseded_on

        title = self.title.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "announced_on": announced_on,
                "code": code,
                "declared_profession_count": declared_profession_count,
                "effective_from": effective_from,
                "in_force": in_force,
                "notes": notes,
                "partial": partial,
                "profession_count": profession_count,
                "published_at": published_at,
                "sectors": sectors,
                "superseded_on": superseded_on,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sector_out import SectorOut  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_announced_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                announced_on_type_0 = datetime.date.fromisoformat(data)

                return announced_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        announced_on = _parse_announced_on(d.pop("announced_on"))

        code = d.pop("code")

        def _parse_declared_profession_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        declared_profession_count = _parse_declared_profession_count(d.pop("declared_profession_count"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        in_force = d.pop("in_force")

        def _parse_notes(data: object) -> None | Text:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notes_type_0 = Text.from_dict(data)

                return notes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text, data)

        notes = _parse_notes(d.pop("notes"))

        partial = d.pop("partial")

        profession_count = d.pop("profession_count")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in _sectors:
            sectors_item = SectorOut.from_dict(sectors_item_data)

            sectors.append(sectors_item)

        def _parse_superseded_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_on_type_0 = datetime.date.fromisoformat(data)

                return superseded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        superseded_on = _parse_superseded_on(d.pop("superseded_on"))

        title = Text.from_dict(d.pop("title"))

        edition_out = cls(
            announced_on=announced_on,
            code=code,
            declared_profession_count=declared_profession_count,
            effective_from=effective_from,
            in_force=in_force,
            notes=notes,
            partial=partial,
            profession_count=profession_count,
            published_at=published_at,
            sectors=sectors,
            superseded_on=superseded_on,
            title=title,
        )

        edition_out.additional_properties = d
        return edition_out

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
