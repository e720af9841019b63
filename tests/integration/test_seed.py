from __future__ import annotations

from sqlalchemy import func, select, update

from adapters.db.database import Database
from adapters.db.tables import PartnerRow
from adapters.seed.loader import seed_reference_data
from adapters.seed.offices import OFFICES


async def test_seeding_twice_changes_nothing_the_second_time(database: Database) -> None:
    async with database.session() as session:
        first = await seed_reference_data(session)
        second = await seed_reference_data(session)
        count = await session.scalar(select(func.count()).select_from(PartnerRow))
    assert (first.partners_inserted, first.partners_updated) == (len(OFFICES), 0)
    assert (second.partners_inserted, second.partners_updated) == (0, 0)
    assert count == len(OFFICES) == 20  # HKTE, 14 overseas ETOs, 5 Mainland offices


async def test_seed_corrects_reference_fields_but_keeps_what_admins_set(database: Database) -> None:
    async with database.session() as session:
        await seed_reference_data(session)
        await session.execute(
            update(PartnerRow)
            .where(PartnerRow.code == "heto-london")
            .values(status="suspended", name_en="Renamed by hand")
        )
        report = await seed_reference_data(session)
        row = (await session.execute(select(PartnerRow).where(PartnerRow.code == "heto-london"))).scalar_one()
    assert report.partners_updated == 1
    assert row.name_en == "Hong Kong Economic and Trade Office, London"
    assert row.status == "suspended"


async def test_reference_partners_carry_three_languages_and_countries(database: Database) -> None:
    async with database.session() as session:
        await seed_reference_data(session)
        rows = (await session.execute(select(PartnerRow))).scalars().all()
    by_code = {row.code: row for row in rows}
    assert by_code["hkte"].type == "hkte"
    assert by_code["heto-tokyo"].name_zh_hant == "香港駐東京經濟貿易辦事處"
    assert by_code["heto-tokyo"].name_zh_hans == "香港驻东京经济贸易办事处"
    assert {row.country for row in rows if row.type == "mainland_office"} == {"CN"}
    assert sum(row.type == "eto" for row in rows) == 14
