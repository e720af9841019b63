"""Load the reference data, idempotently: run it any number of times, the result is the same.

Rows are matched by their stable code. Names, type and country follow the reference data;
what admins own (a partner's status) is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.tables import PartnerRow
from adapters.seed.offices import OFFICES
from domain.ids import new_id


@dataclass(frozen=True, slots=True)
class SeedReport:
    partners_inserted: int
    partners_updated: int
    partners_total: int

    def __str__(self) -> str:
        return (
            f"partners: {self.partners_inserted} inserted, {self.partners_updated} updated, "
            f"{self.partners_total} in the reference data"
        )


async def seed_reference_data(session: AsyncSession) -> SeedReport:
    stmt = insert(PartnerRow).values(
        [
            {
                "id": new_id(),
                "code": o.code,
                "type": o.type,
                "country": o.country,
                "name_en": o.en,
                "name_zh_hant": o.zh_hant,
                "name_zh_hans": o.zh_hans,
            }
            for o in OFFICES
        ]
    )
    changed = (
        (PartnerRow.name_en != stmt.excluded.name_en)
        | (PartnerRow.name_zh_hant != stmt.excluded.name_zh_hant)
        | (PartnerRow.name_zh_hans != stmt.excluded.name_zh_hans)
        | (PartnerRow.type != stmt.excluded.type)
        | (PartnerRow.country.is_distinct_from(stmt.excluded.country))
    )
    upsert: Any = stmt.on_conflict_do_update(
        index_elements=[PartnerRow.code],
        set_={
            "name_en": stmt.excluded.name_en,
            "name_zh_hant": stmt.excluded.name_zh_hant,
            "name_zh_hans": stmt.excluded.name_zh_hans,
            "type": stmt.excluded.type,
            "country": stmt.excluded.country,
            "updated_at": func.now(),
        },
        where=changed,
        # PostgreSQL leaves xmax at 0 on a freshly inserted row and sets it on an updated one.
    ).returning(literal_column("xmax = 0"))
    inserted = [row[0] for row in (await session.execute(upsert)).all()]
    return SeedReport(sum(inserted), len(inserted) - sum(inserted), len(OFFICES))
