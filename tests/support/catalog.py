"""Talent List editions and events for tests, loaded through the real code paths."""

from __future__ import annotations

from datetime import date

from litestar import Litestar

from adapters.catalog_cache import TalentListCache
from adapters.db.database import Database
from adapters.db.talent_list import SqlTalentListRepository
from adapters.seed.loader import seed_reference_data
from api.reference_data import reference_editions
from domain.i18n import LocalizedText
from domain.talent_list import AdmissionScheme, Edition, Profession, Sector


async def seed_catalog(app: Litestar) -> None:
    """The reference partners and the 2018, 2023 and 2025 editions, in the test's transaction."""
    database: Database = app.state.database
    async with database.session() as session, session.begin():
        await seed_reference_data(session, reference_editions())
    cache: TalentListCache = app.state.talent_list
    cache.invalidate()


def text(en: str, hant: str | None = None, hans: str | None = None) -> LocalizedText:
    return LocalizedText(
        en, hant if hant is not None else f"{en}（繁）", hans if hans is not None else f"{en}（简）"
    )


def small_edition(code: str = "2030", effective_from: date = date(2030, 1, 1)) -> Edition:
    """Two sectors, three professions: enough for filters, without the reference data."""
    schemes = (AdmissionScheme.QMAS,)
    return Edition(
        code=code,
        effective_from=effective_from,
        title=text(f"Test list {code}"),
        sectors=(
            Sector("financial-services", text("Financial services", "金融服務", "金融服务")),
            Sector("innovation-technology", text("Innovation and technology", "創新科技", "创新科技")),
        ),
        professions=(
            Profession(
                "actuaries", "financial-services", text("Actuaries", "精算師", "精算师"), schemes=schemes
            ),
            Profession(
                "fintech-professionals", "financial-services", text("Fintech professionals"), schemes=schemes
            ),
            Profession(
                "data-scientists",
                "innovation-technology",
                text("Data scientists", "數據科學家", "数据科学家"),
                schemes=schemes,
            ),
        ),
    )


async def publish_editions(app: Litestar, *editions: Edition) -> None:
    database: Database = app.state.database
    async with database.session() as session, session.begin():
        for edition in editions:
            await SqlTalentListRepository(session).publish(edition, "pytest")
    cache: TalentListCache = app.state.talent_list
    cache.invalidate()
