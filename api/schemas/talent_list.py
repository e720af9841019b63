"""Wire structs of the Talent List reads. Texts come in the negotiated language(s)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from api.negotiation import Languages
from api.schemas.base import ResponseBody
from domain.i18n import Language, LocalizedText
from domain.talent_list import AdmissionScheme, Edition, EditionDiff, Profession, Sector


class Text(ResponseBody, frozen=True, omit_defaults=True):
    """A text in the language(s) asked for (`Content-Language` says which); missing translations
    fall back to English."""

    en: str | None = None
    zh_hant: str | None = msgspec.field(default=None, name="zh-Hant")
    zh_hans: str | None = msgspec.field(default=None, name="zh-Hans")


def text_out(text: LocalizedText | None, languages: Languages) -> Text | None:
    if text is None:
        return None
    values = {language: text.in_language(language) for language in languages.chosen}
    return Text(
        en=values.get(Language.EN),
        zh_hant=values.get(Language.ZH_HANT),
        zh_hans=values.get(Language.ZH_HANS),
    )


class ProfessionOut(ResponseBody, frozen=True):
    code: Annotated[str, Meta(description="Stable across editions.", examples=["actuaries"])]
    sector: Annotated[str, Meta(description="Code of the sector it belongs to in this edition.")]
    name: Text
    description: Text | None
    qualifications: Annotated[Text | None, Meta(description="Specification: qualifications asked for.")]
    experience: Annotated[Text | None, Meta(description="Specification: experience asked for.")]
    schemes: Annotated[list[AdmissionScheme], Meta(description="Admission schemes it applies to.")]


class SectorOut(ResponseBody, frozen=True):
    code: Annotated[str, Meta(examples=["financial-services"])]
    name: Text
    description: Text | None
    professions: list[ProfessionOut]


class EditionSummary(ResponseBody, frozen=True):
    code: Annotated[str, Meta(description="The edition's identifier, e.g. `2025`.", examples=["2025"])]
    title: Text
    effective_from: date
    superseded_on: Annotated[date | None, Meta(description="When the next edition took effect.")]
    in_force: Annotated[
        bool, Meta(description="Whether this is the edition in force today (Hong Kong time).")
    ]
    announced_on: date | None
    published_at: datetime | None
    profession_count: Annotated[int, Meta(description="Professions this API holds for the edition.")]
    declared_profession_count: Annotated[int | None, Meta(description="Professions in the official edition.")]
    partial: Annotated[
        bool, Meta(description="True when this API holds fewer professions than the official edition.")
    ]
    notes: Text | None


class EditionOut(EditionSummary, frozen=True):
    sectors: list[SectorOut]


class EditionList(ResponseBody, frozen=True):
    items: list[EditionSummary]


class ProfessionList(ResponseBody, frozen=True):
    edition: Annotated[str, Meta(description="The edition searched.")]
    items: list[ProfessionOut]


class ProfessionDetail(ProfessionOut, frozen=True):
    edition: Annotated[str, Meta(description="The edition this description comes from.")]
    sector_name: Text
    editions: Annotated[
        list[str], Meta(description="Every edition that lists this profession, oldest first.")
    ]


class ProfessionChangeOut(ResponseBody, frozen=True):
    code: str
    fields: Annotated[list[str], Meta(description="What changed, e.g. `name` or `sector_code`.")]
    before: ProfessionOut
    after: ProfessionOut


class EditionDiffOut(ResponseBody, frozen=True):
    base: Annotated[str, Meta(examples=["2023"])]
    target: Annotated[str, Meta(examples=["2025"])]
    added: list[ProfessionOut]
    removed: list[ProfessionOut]
    changed: list[ProfessionChangeOut]


def name_out(text: LocalizedText, languages: Languages) -> Text:
    out = text_out(text, languages)
    assert out is not None
    return out


def profession_out(p: Profession, languages: Languages) -> ProfessionOut:
    return ProfessionOut(
        code=p.code,
        sector=p.sector_code,
        name=name_out(p.name, languages),
        description=text_out(p.description, languages),
        qualifications=text_out(p.qualifications, languages),
        experience=text_out(p.experience, languages),
        schemes=list(p.schemes),
    )


def sector_out(edition: Edition, s: Sector, languages: Languages) -> SectorOut:
    return SectorOut(
        code=s.code,
        name=name_out(s.name, languages),
        description=text_out(s.description, languages),
        professions=[profession_out(p, languages) for p in edition.professions_in(s.code)],
    )


def edition_summary(
    edition: Edition, languages: Languages, superseded_on: date | None, in_force: bool
) -> EditionSummary:
    return EditionSummary(
        code=edition.code,
        title=name_out(edition.title, languages),
        effective_from=edition.effective_from,
        superseded_on=superseded_on,
        in_force=in_force,
        announced_on=edition.announced_on,
        published_at=edition.published_at,
        profession_count=len(edition.professions),
        declared_profession_count=edition.declared_profession_count,
        partial=edition.is_partial,
        notes=text_out(edition.notes, languages),
    )


def edition_out(summary: EditionSummary, edition: Edition, languages: Languages) -> EditionOut:
    sectors = [sector_out(edition, s, languages) for s in edition.sectors]
    return EditionOut(**msgspec.structs.asdict(summary), sectors=sectors)


def diff_out(diff: EditionDiff, languages: Languages) -> EditionDiffOut:
    return EditionDiffOut(
        base=diff.base.code,
        target=diff.target.code,
        added=[profession_out(p, languages) for p in diff.added],
        removed=[profession_out(p, languages) for p in diff.removed],
        changed=[
            ProfessionChangeOut(
                code=c.code,
                fields=list(c.fields),
                before=profession_out(c.before, languages),
                after=profession_out(c.after, languages),
            )
            for c in diff.changed
        ],
    )
