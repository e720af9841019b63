"""Talent List editions in PostgreSQL: load them all (they are small), publish a new one."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.catalog_tables import EditionRow, ProfessionRow, SectorRow
from domain.i18n import LocalizedText
from domain.talent_list import AdmissionScheme, Edition, EditionConflict, Profession, Sector


def text_to_json(text: LocalizedText | None) -> dict[str, str] | None:
    if text is None:
        return None
    return {"en": text.en, "zh-Hant": text.zh_hant, "zh-Hans": text.zh_hans}


def text_from_json(value: dict[str, Any] | None) -> LocalizedText | None:
    if value is None:
        return None
    return LocalizedText(value.get("en", ""), value.get("zh-Hant", ""), value.get("zh-Hans", ""))


def _required(value: dict[str, Any]) -> LocalizedText:
    text = text_from_json(value)
    assert text is not None
    return text


class SqlTalentListRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def load_all(self) -> list[Edition]:
        """Every published edition, oldest first: three queries whatever the size."""
        editions = (await self.session.scalars(select(EditionRow).order_by(EditionRow.effective_from))).all()
        sectors: dict[str, list[Sector]] = defaultdict(list)
        for s in await self.session.scalars(select(SectorRow).order_by(SectorRow.position)):
            sectors[s.edition_code].append(Sector(s.code, _required(s.name), text_from_json(s.description)))
        professions: dict[str, list[Profession]] = defaultdict(list)
        for p in await self.session.scalars(select(ProfessionRow).order_by(ProfessionRow.position)):
            professions[p.edition_code].append(
                Profession(
                    code=p.code,
                    sector_code=p.sector_code,
                    name=_required(p.name),
                    description=text_from_json(p.description),
                    qualifications=text_from_json(p.qualifications),
                    experience=text_from_json(p.experience),
                    schemes=tuple(AdmissionScheme(s) for s in p.schemes),
                )
            )
        return [
            Edition(
                code=e.code,
                effective_from=e.effective_from,
                title=_required(e.title),
                sectors=tuple(sectors[e.code]),
                professions=tuple(professions[e.code]),
                announced_on=e.announced_on,
                declared_profession_count=e.declared_profession_count,
                notes=text_from_json(e.notes),
                published_at=e.published_at,
            )
            for e in editions
        ]

    async def taken(self, edition: Edition) -> str | None:
        """Why `edition` cannot be published: its code or date belongs to another edition."""
        row = (
            await self.session.execute(
                select(EditionRow.code, EditionRow.effective_from).where(
                    (EditionRow.code == edition.code) | (EditionRow.effective_from == edition.effective_from)
                )
            )
        ).first()
        if row is None:
            return None
        if row.code == edition.code:
            return f"edition {edition.code} is already published and cannot change; publish a new edition"
        return f"edition {row.code} already takes effect on {edition.effective_from.isoformat()}"

    async def publish(self, edition: Edition, published_by: str | None) -> None:
        """Insert the edition with its sectors and professions (three statements)."""
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(EditionRow).values(
                        code=edition.code,
                        effective_from=edition.effective_from,
                        announced_on=edition.announced_on,
                        title=text_to_json(edition.title),
                        notes=text_to_json(edition.notes),
                        declared_profession_count=edition.declared_profession_count,
                        published_by=published_by,
                    )
                )
        except IntegrityError:  # published by someone else since `taken` looked
            raise EditionConflict(f"edition {edition.code} or its date was published meanwhile") from None
        await self.session.execute(
            insert(SectorRow),
            [
                {
                    "edition_code": edition.code,
                    "code": s.code,
                    "position": i,
                    "name": text_to_json(s.name),
                    "description": text_to_json(s.description),
                }
                for i, s in enumerate(edition.sectors)
            ],
        )
        await self.session.execute(
            insert(ProfessionRow),
            [
                {
                    "edition_code": edition.code,
                    "code": p.code,
                    "sector_code": p.sector_code,
                    "position": i,
                    "name": text_to_json(p.name),
                    "description": text_to_json(p.description),
                    "qualifications": text_to_json(p.qualifications),
                    "experience": text_to_json(p.experience),
                    "schemes": [s.value for s in p.schemes],
                }
                for i, p in enumerate(edition.professions)
            ],
        )
