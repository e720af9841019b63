"""The import format of a Talent List edition (JSON; professions optionally as a CSV table).

The same format serves `POST /v1/admin/talent-list/editions`, `hkte talent-list import` and the
reference data in adapters/seed/talent_list/.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec
from msgspec import Meta

from api.schemas.base import NOT_BLANK, RequestBody
from domain.talent_list import AdmissionScheme

Code = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$", examples=["actuaries"])]
Words = Annotated[str, Meta(max_length=4000)]


class EditionText(RequestBody, frozen=True):
    """A text in the three languages. Names need all three; elsewhere an empty translation falls
    back to English."""

    en: Annotated[str, Meta(min_length=1, max_length=4000, pattern=NOT_BLANK)]
    zh_hant: Words = msgspec.field(name="zh-Hant")
    zh_hans: Words = msgspec.field(name="zh-Hans")


class SectorIn(RequestBody, frozen=True):
    code: Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$", examples=["financial-services"])]
    name: EditionText
    description: EditionText | None = None


class ProfessionIn(RequestBody, frozen=True):
    code: Code
    sector: Annotated[str, Meta(description="Code of one of the edition's sectors.", max_length=63)]
    name: EditionText
    description: EditionText | None = None
    qualifications: EditionText | None = None
    experience: EditionText | None = None
    schemes: (
        Annotated[list[AdmissionScheme], Meta(description="Default: the edition's schemes.", max_length=10)]
        | None
    ) = None


class EditionImport(RequestBody, frozen=True):
    """A whole edition. Give the professions either as `sectors` + `professions`, or as `csv`: a
    table with the header `sector_code,sector_name_en,sector_name_zh_hant,sector_name_zh_hans,
    profession_code,name_en,name_zh_hant,name_zh_hans` and optionally `description_*`,
    `qualifications_*`, `experience_*` (each `_en`, `_zh_hant`, `_zh_hans`) and `schemes`
    (separated by `;`)."""

    code: Annotated[str, Meta(pattern=r"^[0-9]{4}(-[a-z0-9]{1,20})?$", examples=["2026"])]
    effective_from: Annotated[date, Meta(description="The day the edition takes effect.")]
    title: EditionText
    schemes: Annotated[
        list[AdmissionScheme], Meta(min_length=1, max_length=10, examples=[["QMAS", "GEP", "ASMTP"]])
    ]
    announced_on: date | None = None
    declared_profession_count: (
        Annotated[int, Meta(ge=1, le=1000, description="Size of the official edition, when known.")] | None
    ) = None
    notes: EditionText | None = None
    sectors: Annotated[list[SectorIn], Meta(max_length=100)] | None = None
    professions: Annotated[list[ProfessionIn], Meta(max_length=2000)] | None = None
    csv: Annotated[str, Meta(max_length=500_000, description="The professions as CSV (UTF-8).")] | None = None
