"""The shipped reference data, read as partners read it: the 2018, 2023 and 2025 editions (the
2025 one in force today), their diffs, and HKTE's flagship events."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import func, select

from adapters.db.catalog_tables import EventRow
from adapters.db.database import Database
from adapters.seed.events import REFERENCE_EVENTS
from adapters.seed.loader import seed_reference_data, seed_sample_events
from api.reference_data import reference_editions
from domain.scopes import PARTNER_SCOPES
from tests.support.catalog import seed_catalog
from tests.support.oauth import get_token, make_client


@pytest.fixture
async def partner(app: Litestar, client: httpx.AsyncClient) -> dict[str, str]:
    await seed_catalog(app)
    who = await make_client(app, scopes=PARTNER_SCOPES)
    return {"Authorization": f"Bearer {await get_token(client, who)}"}


async def test_the_2025_edition_is_in_force_today_and_honestly_partial(
    client: httpx.AsyncClient, partner: dict[str, str]
) -> None:
    editions = (await client.get("/v1/talent-list/editions", headers=partner)).json()["items"]
    assert [(e["code"], e["effective_from"]) for e in editions] == [
        ("2018", "2018-08-28"),
        ("2023", "2023-05-16"),
        ("2025", "2025-03-01"),
    ]
    assert [e["declared_profession_count"] for e in editions] == [11, 51, 60]
    assert [e["in_force"] for e in editions] == [False, False, True]
    assert editions[0]["profession_count"] == 11
    # the public record lists fewer than 51 and 60: marked partial, nothing invented
    assert editions[1]["partial"]
    assert editions[1]["profession_count"] < 51
    assert editions[2]["partial"]
    assert editions[2]["profession_count"] < 60
    current = (await client.get("/v1/talent-list", headers={**partner, "Accept-Language": "zh-HK"})).json()
    assert current["code"] == "2025"
    assert len(current["sectors"]) == 9
    maritime = next(s for s in current["sectors"] if s["code"] == "maritime")
    assert maritime["name"] == {"zh-Hant": "航空及航運"}  # renamed in 2025, same stable code


async def test_diffs_2018_to_2023_to_2025(client: httpx.AsyncClient, partner: dict[str, str]) -> None:
    first = (await client.get("/v1/talent-list/editions/2018/diff/2023", headers=partner)).json()
    removed = {p["code"] for p in first["removed"]}
    assert removed == {"creative-industries-professionals", "dispute-resolution-transactional-lawyers"}
    assert {"dispute-resolution-professionals", "transactional-lawyers"} <= {
        p["code"] for p in first["added"]
    }
    second = (await client.get("/v1/talent-list/editions/2023/diff/2025", headers=partner)).json()
    assert second["removed"] == []
    assert len(second["added"]) == 9
    assert {"accountants", "ship-surveyors", "aircraft-maintenance-engineers"} <= {
        p["code"] for p in second["added"]
    }
    counts = {e.code: len(e.professions) for e in reference_editions()}
    assert counts["2025"] == counts["2023"] + 9


async def test_flagship_events_are_listed_and_seeding_is_idempotent(
    app: Litestar, client: httpx.AsyncClient, partner: dict[str, str], database: Database
) -> None:
    past = await client.get("/v1/events", params={"from": "2024-01-01", "to": "2026-04-01"}, headers=partner)
    titles = [e["title"]["en"] for e in past.json()["items"]]
    assert titles[0] == "Global Talent Summit · Hong Kong 2024"
    assert len(titles) == len(REFERENCE_EVENTS)
    async with database.session() as session:
        again = await seed_reference_data(session, reference_editions())
        assert again.events_inserted == 0
        assert again.editions_published == ()
        samples = await seed_sample_events(session, date.today())
        assert samples == 40
        assert await seed_sample_events(session, date.today()) == 0  # enough upcoming already
        total = await session.scalar(select(func.count()).select_from(EventRow))
    assert total == len(REFERENCE_EVENTS) + 40
