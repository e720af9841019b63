"""Partners: rows <-> domain objects."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.db.tables import PartnerRow
from domain.i18n import LocalizedText
from domain.partners import Partner, PartnerStatus, PartnerType


def partner_from_row(row: PartnerRow) -> Partner:
    return Partner(
        id=row.id,
        code=row.code,
        name=LocalizedText(row.name_en, row.name_zh_hant, row.name_zh_hans),
        type=PartnerType(row.type),
        country=row.country,
        status=PartnerStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _values(partner: Partner) -> dict[str, object]:
    return {
        "code": partner.code,
        "name_en": partner.name.en,
        "name_zh_hant": partner.name.zh_hant,
        "name_zh_hans": partner.name.zh_hans,
        "type": partner.type.value,
        "country": partner.country,
        "status": partner.status.value,
        "updated_at": partner.updated_at,
    }


class SqlPartnerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, partner_id: UUID) -> Partner | None:
        row = await self._session.get(PartnerRow, partner_id)
        return partner_from_row(row) if row is not None else None

    async def add(self, partner: Partner) -> None:
        self._session.add(PartnerRow(id=partner.id, created_at=partner.created_at, **_values(partner)))
        await self._session.flush()

    async def update(self, partner: Partner) -> None:
        await self._session.execute(
            update(PartnerRow).where(PartnerRow.id == partner.id).values(**_values(partner))
        )

    async def code_taken(self, code: str) -> bool:
        return bool(await self._session.scalar(select(exists().where(PartnerRow.code == code))))
