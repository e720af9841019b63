"""The filters of `GET /v1/events` and its calendar feed, checked, and its signed keyset cursors.

A cursor carries the position (start, id), the window start it was computed with, and a
fingerprint of the filters; it is signed with a key derived from the server secret, so a cursor
that was edited, or that belongs to another query, is refused with a 400 naming `cursor`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec
from litestar.params import QueryParameter

from api.negotiation import bad_parameter
from domain.events import AttendanceMode, EventQuery, EventStatus, EventType, Publication

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
MAX_VALUES = 20

Moment = Annotated[
    str | None,
    QueryParameter(description="A date (2026-03-18) or an RFC 3339 date-time with offset.", max_length=40),
]
Codes = Annotated[
    list[str] | None, QueryParameter(max_items=MAX_VALUES, description="Repeat for several (OR).")
]


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The raw filters as sent (what a cursor's fingerprint covers)."""

    from_: str | None
    to: str | None
    country: tuple[str, ...]
    city: tuple[str, ...]
    sector: tuple[str, ...]
    profession: tuple[str, ...]
    type: tuple[EventType, ...]
    mode: tuple[AttendanceMode, ...]
    status: tuple[EventStatus, ...]
    language: tuple[str, ...]
    q: str | None
    partner: str | None
    publication: Publication

    def fingerprint(self) -> bytes:
        values = [getattr(self, name) for name in EventFilters.__dataclass_fields__]
        return hashlib.blake2b(msgspec.msgpack.encode(values), digest_size=12).digest()


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _micros(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def _moment(micros: int) -> datetime:
    return EPOCH + timedelta(microseconds=micros)


def parse_moment(name: str, value: str | None) -> datetime | None:
    """A date (midnight in Hong Kong) or an RFC 3339 date-time with an offset."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), HONG_KONG)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise bad_parameter(
            name, "a date (2026-03-18) or a date-time with offset (2026-03-18T09:00:00+08:00)"
        ) from None
    if moment.tzinfo is None:
        raise bad_parameter(name, "give the date-time with a UTC offset, e.g. +08:00 or Z")
    return moment


def check_codes(name: str, values: tuple[str, ...], known: frozenset[str]) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        raise bad_parameter(name, f"unknown code(s): {', '.join(unknown)}")


@dataclass(frozen=True, slots=True)
class Position:
    starts_at: datetime
    id: UUID
    window_start: datetime


def encode_cursor(key: bytes, filters: EventFilters, position: Position) -> str:
    payload = msgspec.msgpack.encode(
        [
            _micros(position.starts_at),
            position.id.bytes,
            _micros(position.window_start),
            filters.fingerprint(),
        ]
    )
    mac = hmac.new(key, payload, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


def decode_cursor(key: bytes, filters: EventFilters, cursor: str) -> Position:
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise bad_parameter("cursor", "not a cursor this API issued") from None
    payload, mac = raw[:-16], raw[-16:]
    if len(raw) <= 16 or not hmac.compare_digest(mac, hmac.new(key, payload, hashlib.sha256).digest()[:16]):
        raise bad_parameter("cursor", "not a cursor this API issued (or it was altered)")
    starts_us, event_id, window_us, fingerprint = msgspec.msgpack.decode(payload)
    if fingerprint != filters.fingerprint():
        raise bad_parameter("cursor", "this cursor belongs to a listing with other filters")
    return Position(
        _moment(starts_us),
        UUID(bytes=event_id),
        _moment(window_us),
    )


def build_query(
    filters: EventFilters,
    *,
    now: datetime,
    limit: int,
    partner_id: UUID | None,
    drafts_of: UUID | None,
    position: Position | None,
) -> EventQuery:
    start = parse_moment("from", filters.from_)
    end = parse_moment("to", filters.to)
    if start is not None and end is not None and start > end:
        raise bad_parameter("from", "`from` is after `to`")
    window_start = position.window_start if position else (start or now)
    return EventQuery(
        ends_after=window_start,
        starts_before=end,
        countries=tuple(c.upper() for c in filters.country),
        cities=filters.city,
        sectors=filters.sector,
        professions=filters.profession,
        types=filters.type,
        modes=filters.mode,
        statuses=filters.status,
        languages=filters.language,
        text=filters.q,
        partner_id=partner_id,
        publication=filters.publication,
        drafts_of=drafts_of,
        after=(position.starts_at, position.id) if position else None,
        limit=limit,
    )
