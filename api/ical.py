"""RFC 5545 iCalendar feeds of events, written by hand.

The output is a pure function of its input (DTSTAMP is the event's own `updated_at`, never the
clock) because the bytes are hashed into a strong ETag. Times are written in each event's own
IANA zone, so calendars show the wall time the organiser chose, with a VTIMEZONE per zone built
from the tz database Python already has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.events import AttendanceMode, Event, EventDetails, EventStatus
from domain.events import zone as time_zone
from domain.i18n import Language, LocalizedText

PRODID = "-//Hong Kong Talent Engage//HKTE Partner API//EN"
UID_DOMAIN = "api.hkte.gov.hk"
FOLD_OCTETS = 75  # RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF
STATUS = {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}
REGISTER = {Language.EN: "Register: ", Language.ZH_HANT: "報名：", Language.ZH_HANS: "报名："}
JOIN_ONLINE = {Language.EN: "Join online: ", Language.ZH_HANT: "網上參與：", Language.ZH_HANS: "网上参与："}
# A VTIMEZONE needs only cover the events that use it; a year either side absorbs clients that
# expand a little beyond the event itself.
MARGIN = timedelta(days=365)
DAY, MINUTE = timedelta(days=1), timedelta(minutes=1)
# TEXT may hold no control characters but HTAB (§3.3.11); newlines are escaped before this runs.
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def render_calendar(
    events: Sequence[Event], language: Language, *, name: str, event_url: Callable[[UUID], str]
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
    ]
    # VTIMEZONEs go first: some clients resolve a TZID only against zones they have already read.
    for tzid in sorted({event.details.timezone for event in events}):
        lines += _vtimezone(tzid, [event.details for event in events if event.details.timezone == tzid])
    for event in events:
        lines += _vevent(event, language, event_url(event.id))
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) for line in lines)


def _vevent(event: Event, language: Language, url: str) -> list[str]:
    d = event.details
    title_tag = _tag(language, d.title)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{UID_DOMAIN}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{_utc(event.updated_at)}",
        f"CREATED:{_utc(event.created_at)}",
        f"LAST-MODIFIED:{_utc(event.updated_at)}",
        _local("DTSTART", d.starts_at, d.timezone),
    ]
    # §3.8.2.2: DTEND must be later than DTSTART; without it an event ends when it starts.
    if d.ends_at > d.starts_at:
        lines.append(_local("DTEND", d.ends_at, d.timezone))
    lines += [
        f"SUMMARY;LANGUAGE={title_tag}:{_text(d.title.in_language(language))}",
        _description(d, language),
        *_location(d, language),
        f"URL:{url}",
        f"STATUS:{STATUS.get(event.status, 'CONFIRMED')}",
        f"CATEGORIES:{_text(d.type.value)}",
        f"X-HKTE-ATTENDANCE-MODE:{d.attendance_mode.value}",
    ]
    if event.previous_starts_at is not None:
        lines.append(f"X-HKTE-PREVIOUS-START:{_utc(event.previous_starts_at)}")
    return [*lines, "END:VEVENT"]


def _tag(language: Language, *texts: LocalizedText | None) -> Language:
    """The language the text will really be in: English when every part fell back to it."""
    for text in texts:
        if text is not None and (language is Language.EN or text.in_language(language) != text.en):
            return language
    return Language.EN


def _description(d: EventDetails, language: Language) -> str:
    tag = _tag(language, d.summary, d.description)
    parts = [d.summary.in_language(language)]
    if d.description is not None:
        parts.append(d.description.in_language(language))
    if d.online_url and d.attendance_mode is AttendanceMode.MIXED:  # LOCATION holds the venue
        parts.append(JOIN_ONLINE[tag] + d.online_url)
    if d.registration_url:
        parts.append(REGISTER[tag] + d.registration_url)
    text = _text("\n\n".join(parts))
    return f"DESCRIPTION;LANGUAGE={tag}:{text}"


def _location(d: EventDetails, language: Language) -> list[str]:
    if d.attendance_mode is AttendanceMode.ONLINE or d.venue is None:
        # A URL has no language; the event has moved online or never had a place.
        return [f"LOCATION:{_text(d.online_url)}"] if d.online_url else []
    v = d.venue
    parts = [t.in_language(language) for t in (v.name, v.address) if t is not None] + [v.city, v.country]
    return [f"LOCATION;LANGUAGE={_tag(language, v.name, v.address)}:{_text(', '.join(parts))}"]


def _utc(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(name: str, instant: datetime, tzid: str) -> str:
    local = instant.astimezone(time_zone(tzid))
    # A wall time repeated when clocks go back means its first occurrence (§3.3.5); an instant in
    # the second one can only be written in UTC.
    if local.replace(fold=0).utcoffset() != local.utcoffset():
        return f"{name}:{_utc(instant)}"
    return f"{name};TZID={tzid}:{local.strftime('%Y%m%dT%H%M%S')}"


def _text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 §3.3.11 (the backslash first, so it is not doubled)."""
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\\n"), ("\r", "\\n")):
        value = value.replace(raw, escaped)
    return CONTROL.sub("", value.replace("\n", "\\n"))


def _fold(line: str) -> bytes:
    """A content line folded at 75 octets without splitting a UTF-8 character (§3.1)."""
    if "\r" in line or "\n" in line:
        # Only unescaped values (URLs) could get here; a raw newline would forge properties.
        raise ValueError(f"a content line cannot contain a line break: {line!r}")
    chunks, chunk, size, limit = [], "", 0, FOLD_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            # Continuation lines start with a space, which counts towards their 75 octets.
            chunks.append(chunk)
            chunk, size, limit = "", 0, FOLD_OCTETS - 1
        chunk += char
        size += octets
    chunks.append(chunk)
    return ("\r\n ".join(chunks) + "\r\n").encode()


def _vtimezone(tzid: str, events: Sequence[EventDetails]) -> list[str]:
    zone = time_zone(tzid)
    start = (min(d.starts_at for d in events) - MARGIN).astimezone(UTC).replace(second=0, microsecond=0)
    changes = list(_transitions(zone, start, max(d.ends_at for d in events) + MARGIN))
    # The tz database gives Ireland (and Morocco in Ramadan) a negative dst() in winter, their law
    # calling summer time standard. Clients expect DAYLIGHT to be ahead of STANDARD, so measure
    # savings from the lowest dst() in the span, as the tz database's "rearguard" form does.
    floor = min(timedelta(0), *(_dst(zone, t) for t in (start, *changes)))
    saving = _dst(zone, start) - floor
    # The first observance states the offset in force when the span begins, so clients need not
    # guess what applies before the first transition. Clients such as dateutil take a DAYLIGHT
    # saving to be TZOFFSETTO - TZOFFSETFROM: if that is summer time, say it began from standard.
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    lines += _observance(zone, start, _offset(zone, start) - saving, "19700101T000000", bool(saving))
    for change in changes:
        before = _offset(zone, change - MINUTE)
        local = (change + before).strftime("%Y%m%dT%H%M%S")
        lines += _observance(zone, change, before, local, _dst(zone, change) > floor)
    return [*lines, "END:VTIMEZONE"]


def _observance(zone: ZoneInfo, instant: datetime, before: timedelta, local: str, summer: bool) -> list[str]:
    kind = "DAYLIGHT" if summer else "STANDARD"
    return [
        f"BEGIN:{kind}",
        f"DTSTART:{local}",  # local time in the offset before the change (§3.6.5)
        f"TZOFFSETFROM:{_utc_offset(before)}",
        f"TZOFFSETTO:{_utc_offset(_offset(zone, instant))}",
        f"TZNAME:{_text(instant.astimezone(zone).tzname() or '')}",
        f"END:{kind}",
    ]


def _transitions(zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[datetime]:
    """The UTC minutes at which `zone` takes a new UTC offset, from `start` (on a minute) to `end`.

    zoneinfo exposes no list of transitions: step a day at a time, then bisect the day that
    changed. Two changes within one day that cancel out would be missed; no zone has them.
    """
    day = start
    while day < end:
        if _offset(zone, day + DAY) != _offset(zone, day):
            yield _first_minute_after(zone, day, day + DAY)
        day += DAY


def _first_minute_after(zone: ZoneInfo, old: datetime, new: datetime) -> datetime:
    """The first minute in (old, new] with the offset of `new` (minute-aligned, one change between)."""
    offset = _offset(zone, old)
    while new - old > MINUTE:
        middle = old + (new - old) // MINUTE // 2 * MINUTE
        if _offset(zone, middle) == offset:
            old = middle
        else:
            new = middle
    return new


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


def _dst(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).dst() or timedelta(0)


def _utc_offset(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    hours, rest = divmod(abs(int(offset.total_seconds())), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02}{minutes:02}" + (f"{seconds:02}" if seconds else "")
