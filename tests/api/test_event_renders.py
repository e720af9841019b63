"""Event listings send kept renders (api/event_renders.py) when every event of the page is kept
under its current keys: the bytes and headers must be those of the page read and rendered, and
any write to an event or to the name of one of its partners, by the API or straight in the
database, must show in the next listing."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import text

from api.event_renders import RenderedEvents
from tests.api.test_events import Actors, create, make_actors

VARYING = {"x-request-id", "ratelimit"}
LANGUAGES = [{}, {"Accept-Language": "zh-HK"}, {"Accept-Language": "zh-CN, en;q=0.5"}]


@pytest.fixture
async def actors(app: Litestar, client: httpx.AsyncClient) -> Actors:
    return await make_actors(app, client)


@pytest.fixture
def reads(app: Litestar) -> list[int]:
    """How many rows each full read of a page returned (a kept page reads none)."""
    counts: list[int] = []
    pages = app.state.event_pages
    real = pages.find

    async def find(query: Any) -> Any:
        rows = await real(query)
        counts.append(len(rows))
        return rows

    pages.find = find
    return counts


def _headers(response: httpx.Response) -> list[tuple[bytes, bytes]]:
    return [(k, v) for k, v in response.headers.raw if k.decode() not in VARYING]


async def some_events(client: httpx.AsyncClient, actors: Actors) -> list[dict[str, Any]]:
    made = [
        await create(client, actors.staff),
        await create(
            client,
            actors.staff,
            title={"en": "Finance summit", "zh-Hans": "金融峰会"},
            description={"en": "Two days.", "zh-Hant": "兩天。"},
            co_organisers=[actors.partner_code],
            capacity=300,
        ),
        await create(
            client,
            actors.staff,
            attendance_mode="online",
            venue=None,
            online_url="https://example.org/live",
            languages=["zh"],
        ),
    ]
    for n in range(3):
        made.append(await create(client, actors.staff, title={"en": f"Roadshow {n}"}))
    return made


async def _pages(client: httpx.AsyncClient, headers: dict[str, str]) -> list[httpx.Response]:
    """Every page of the listing, two events a page, following the Link header (from a given
    day, for the cursors to be the same each time)."""
    pages, url = [], f"/v1/events?limit=2&from={date.today().isoformat()}"
    while url:
        page = await client.get(url, headers=headers)
        assert page.status_code == 200, page.text
        pages.append(page)
        url = page.links.get("next", {}).get("url", "")
    return pages


async def test_a_kept_page_is_the_page_rendered(
    app: Litestar, client: httpx.AsyncClient, actors: Actors, reads: list[int]
) -> None:
    made = await some_events(client, actors)
    for language in LANGUAGES:
        headers = {**actors.other, **language}
        rendered = await _pages(client, headers)
        assert reads == [3, 3, 2], language  # nothing kept yet: read (one more to know of a next page)
        reads.clear()
        kept = await _pages(client, headers)
        assert reads == []  # no page read again: every event sent as kept
        assert [p.content for p in kept] == [p.content for p in rendered]
        assert [_headers(p) for p in kept] == [_headers(p) for p in rendered]
        listed = [e["id"] for p in kept for e in p.json()["items"]]
        assert sorted(listed) == sorted(e["id"] for e in made)
        cached = {**headers, "If-None-Match": rendered[1].headers["etag"]}
        assert (await client.get(rendered[0].links["next"]["url"], headers=cached)).status_code == 304
    assert len(app.state.event_renders) == len(made) * len(LANGUAGES)


async def test_every_write_shows_in_the_next_listing(
    app: Litestar, client: httpx.AsyncClient, actors: Actors, reads: list[int]
) -> None:
    await some_events(client, actors)
    first = (await client.get("/v1/events", headers=actors.other)).json()["items"]
    assert (await client.get("/v1/events", headers=actors.other)).json()["items"] == first
    assert reads == [6]
    changed = first[1]
    url = f"/v1/events/{changed['id']}"

    # through the API
    etag = (await client.get(url, headers=actors.staff)).headers["etag"]
    patched = await client.patch(url, json={"capacity": 42}, headers={**actors.staff, "If-Match": etag})
    assert patched.status_code == 200, patched.text
    listed = (await client.get("/v1/events", headers=actors.other)).json()["items"]
    assert listed[1] == patched.json()
    assert listed[0] == first[0]
    assert reads == [6, 6]

    # straight in the database: the event's row, not even its updated_at
    async with app.state.database.session() as session:
        await session.execute(text("UPDATE events SET capacity = 7 WHERE id = :id"), {"id": changed["id"]})
        await session.commit()
    listed = (await client.get("/v1/events", headers=actors.other)).json()["items"]
    assert listed[1]["capacity"] == 7
    assert listed[1]["updated_at"] == patched.json()["updated_at"]

    # a partner's new name, which no event row holds
    async with app.state.database.session() as session:
        await session.execute(
            text("UPDATE partners SET name_en = 'Renamed organiser' WHERE code = :code"),
            {"code": actors.partner_code},
        )
        await session.commit()
    listed = (await client.get("/v1/events", headers=actors.other)).json()["items"]
    assert [p["name"]["en"] for p in listed[1]["co_organisers"]] == ["Renamed organiser"]
    assert [e for i, e in enumerate(listed) if i != 1] == [e for i, e in enumerate(first) if i != 1]
    assert reads == [6, 6, 6, 6]
    assert (await client.get("/v1/events", headers=actors.other)).json()["items"] == listed
    assert reads == [6, 6, 6, 6]


@pytest.mark.parametrize(
    ("write", "not_kept"),
    [
        ("UPDATE events SET capacity = 9 WHERE id = :event", 1),
        # the partners' version is part of every event's key: none is kept under the old one
        ("UPDATE partners SET name_en = 'Renamed' WHERE code = :partner", 6),
    ],
)
async def test_an_event_written_between_keys_and_rows_is_sent_but_not_kept(
    app: Litestar, client: httpx.AsyncClient, actors: Actors, reads: list[int], write: str, not_kept: int
) -> None:
    made = await some_events(client, actors)
    written = made[1]  # the only one co-organised by the partner
    pages = app.state.event_pages
    real = pages.keys

    async def keys_then_write(query: Any) -> Any:
        listed = await real(query)
        async with app.state.database.session() as session:
            await session.execute(text(write), {"event": written["id"], "partner": actors.partner_code})
            await session.commit()
        return listed

    pages.keys = keys_then_write
    listed = (await client.get("/v1/events", headers=actors.other)).json()["items"]
    pages.keys = real
    assert [e for e in listed if e["id"] == written["id"]] == [
        (await client.get(f"/v1/events/{written['id']}", headers=actors.other)).json()
    ]  # the rows as read
    assert len(app.state.event_renders) == len(made) - not_kept  # not kept under the keys read before
    assert (await client.get("/v1/events", headers=actors.other)).json()["items"] == listed
    assert reads == [6, 6]  # the one not kept made the page read again, and then kept
    assert (await client.get("/v1/events", headers=actors.other)).json()["items"] == listed
    assert reads == [6, 6]


def test_the_least_recently_used_event_goes_first() -> None:
    renders = RenderedEvents(size=2)
    renders.keep(("a",), b"A")
    renders.keep(("b",), b"B")
    assert renders.page([("a",)]) == [b"A"]  # a used: b is now the oldest
    renders.keep(("c",), b"C")
    assert renders.page([("b",)]) is None
    assert renders.page([("a",), ("c",)]) == [b"A", b"C"]
    assert renders.page([("a",), ("missing",)]) is None
    assert len(renders) == 2
    with pytest.raises(ValueError, match="at least 1"):
        RenderedEvents(size=0)
