"""`GET /v1/events` in the shape the benchmark asks for (country, sector and language, one value
each, and a cursor): the API's statement, its signed cursors, its bytes."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from typing import Any, cast
from urllib.parse import parse_qsl, urlencode
from uuid import UUID

import asyncpg
import msgspec

from bench.baseline import sql
from bench.baseline.catalog import english
from bench.baseline.http import Answer, Request, cached, problem, strong_etag
from bench.baseline.wire import EventOut, EventPage, EventPartner, Text, VenueOut
from domain.events import zone  # kept once found, as the API's listings keep them

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SUPPORTED = {"country", "sector", "language", "cursor"}
CACHE_CONTROL = b"private, max-age=60"
LIMIT = 20


def _micros(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def fingerprint(country: str, sector: str, language: str) -> bytes:
    """As api/event_filters.EventFilters.fingerprint() for these three filters."""
    values = [None, None, [country], [], [sector], [], [], [], [], [language], None, None, "published"]
    return hashlib.blake2b(msgspec.msgpack.encode(values), digest_size=12).digest()


def _partner(item: dict[str, Any]) -> EventPartner:
    return EventPartner(id=item["id"], code=item["code"], name=Text(en=item["en"]))


def event_out(row: asyncpg.Record, base_url: str) -> EventOut:
    tz = zone(row["timezone"])
    by_id = {item["id"]: item for item in row["partners"]}
    url = f"{base_url}/v1/events/{row['id']}"
    previous = row["previous_starts_at"]
    city, country = row["city"], row["country"]
    return EventOut(
        id=row["id"],
        url=url,
        calendar_url=f"{url}.ics",
        publication=row["publication"],
        status=row["status"],
        type=row["type"],
        attendance_mode=row["attendance_mode"],
        title=Text(en=row["title"]["en"]),
        summary=Text(en=row["summary"]["en"]),
        description=english(row["description"]),
        starts_at=row["starts_at"].astimezone(tz),
        ends_at=row["ends_at"].astimezone(tz),
        timezone=row["timezone"],
        previous_starts_at=previous.astimezone(tz) if previous else None,
        venue=None
        if city is None or country is None
        else VenueOut(city, country, english(row["venue_name"]), english(row["venue_address"])),
        online_url=row["online_url"],
        registration_url=row["registration_url"],
        capacity=row["capacity"],
        languages=list(row["languages"]),
        sectors=list(row["sector_codes"]),
        professions=list(row["profession_codes"]),
        organiser=_partner(by_id[str(row["organiser_id"])]),
        co_organisers=[_partner(by_id[str(i)]) for i in row["co_organiser_ids"] if str(i) in by_id],
        sequence=row["sequence"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        published_at=row["published_at"],
    )


class EventListing:
    def __init__(self, pool: asyncpg.Pool, cursor_key: bytes, sectors: frozenset[str], base_url: str) -> None:
        self.pool = pool
        self.key = cursor_key
        self.sectors = sectors
        self.base_url = base_url
        # each event's JSON by (id, version, partners' version), as the API keeps them; unbounded
        self.kept: dict[tuple[UUID, int, int], bytes] = {}

    def _decode(self, cursor: str, prints: bytes) -> tuple[datetime, UUID, datetime] | None:
        try:
            raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        except (binascii.Error, ValueError):
            return None
        payload, mac = raw[:-16], raw[-16:]
        if len(raw) <= 16 or not hmac.compare_digest(
            mac, hmac.new(self.key, payload, hashlib.sha256).digest()[:16]
        ):
            return None
        starts_us, event_id, window_us, printed = msgspec.msgpack.decode(payload)
        if printed != prints:
            return None
        return (
            EPOCH + timedelta(microseconds=starts_us),
            UUID(bytes=event_id),
            EPOCH + timedelta(microseconds=window_us),
        )

    def _encode(self, starts_at: datetime, event_id: UUID, window: datetime, prints: bytes) -> str:
        payload = msgspec.msgpack.encode([_micros(starts_at), event_id.bytes, _micros(window), prints])
        mac = hmac.new(self.key, payload, hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")

    async def _events(self, args: tuple[Any, ...]) -> tuple[list[asyncpg.Record], list[bytes]]:
        """The page's keys and its events' kept JSON; or, when one is not kept, the page read and
        rendered, each event kept where its keys are those the keys statement read."""
        keys = await self.pool.fetch(sql.EVENTS_KEYS, *args)
        kept = [self.kept.get((k["id"], k["version"], k["partners_version"])) for k in keys]
        if None not in kept:
            return keys, cast(list[bytes], kept)
        read = {(k["id"], k["version"], k["partners_version"]) for k in keys}
        rows = await self.pool.fetch(sql.EVENTS_PAGE, *args)
        items = [msgspec.json.encode(event_out(r, self.base_url)) for r in rows]
        for row, item in zip(rows, items, strict=True):
            key = (row["id"], row["version"], row["partners_version"])
            if key in read:
                self.kept[key] = item
        return rows, items

    async def page(self, request: Request) -> Answer:
        params = parse_qsl(request.query.decode(), keep_blank_values=True)
        given = dict(params)
        if set(given) != SUPPORTED or len(params) != len(SUPPORTED):
            return problem(400, "the baseline serves country, sector, language and cursor, once each")
        country, sector, language = given["country"], given["sector"], given["language"]
        if sector not in self.sectors or len(country) != 2 or not country.isalpha():
            return problem(400, "invalid filter")
        prints = fingerprint(country, sector, language)
        position = self._decode(given["cursor"], prints)
        if position is None:
            return problem(400, "invalid cursor")
        after_start, after_id, window = position
        args = ("published", window, country.upper(), [sector], [language], after_start, after_id, LIMIT + 1)
        rows, items = await self._events(args)
        more, rows = len(rows) > LIMIT, rows[:LIMIT]
        next_cursor, extra = None, []
        if more:
            last = rows[-1]
            next_cursor = self._encode(last["starts_at"], last["id"], window, prints)
            kept = [(k, v) for k, v in params if k != "cursor"]
            link = f'<{self.base_url}/v1/events?{urlencode([*kept, ("cursor", next_cursor)])}>; rel="next"'
            extra.append((b"link", link.encode()))
        body = msgspec.json.encode(EventPage([msgspec.Raw(i) for i in items[:LIMIT]], next_cursor))
        return cached(request, body, strong_etag(body), CACHE_CONTROL, extra)
