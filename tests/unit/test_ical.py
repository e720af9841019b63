"""The iCalendar feed, read back by an independent parser (icalendar) as a calendar client would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import icalendar
import pytest

from api.ical import render_calendar
from domain.events import (
    AttendanceMode,
    Event,
    EventDetails,
    EventStatus,
    EventType,
    PartnerRef,
    Publication,
    Venue,
)
from domain.i18n import Language, LocalizedText

HONG_KONG, LONDON, NEW_YORK = (
    ZoneInfo("Asia/Hong_Kong"),
    ZoneInfo("Europe/London"),
    ZoneInfo("America/New_York"),
)
SYDNEY, DUBLIN = ZoneInfo("Australia/Sydney"), ZoneInfo("Europe/Dublin")
CREATED = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
UPDATED = datetime(2026, 2, 1, 12, 30, tzinfo=UTC)
HKTE = PartnerRef(UUID("00000000-0000-7000-8000-000000000001"), "hkte", LocalizedText("HKTE", "", ""))


def _event(number: int = 1, *, timezone: ZoneInfo = HONG_KONG, **details: Any) -> Event:
    starts_at = details.pop("starts_at", datetime(2026, 3, 18, 9, 0, tzinfo=timezone))
    fields: dict[str, Any] = {
        "type": EventType.CAREER_FAIR,
        "attendance_mode": AttendanceMode.IN_PERSON,
        "title": LocalizedText("Talent Fair", "人才博覽", "人才博览"),
        "summary": LocalizedText("Meet employers.", "與僱主見面。", "与雇主见面。"),
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=8),
        "timezone": timezone.key,
        "venue": Venue("Hong Kong", "HK", LocalizedText("Convention Centre", "會議展覽中心", "会议展览中心")),
    }
    fields.update(details)
    return Event(
        id=UUID(f"00000000-0000-7000-8000-{number:012}"),
        publication=Publication.PUBLISHED,
        status=EventStatus.SCHEDULED,
        details=EventDetails(**fields),
        organiser=HKTE,
        co_organisers=(),
        sequence=0,
        created_at=CREATED,
        updated_at=UPDATED,
    )


def _render(events: list[Event], language: Language = Language.EN) -> bytes:
    return render_calendar(
        events, language, name="HKTE Events", event_url=lambda id_: f"https://api.hkte.gov.hk/v1/events/{id_}"
    )


def _parse(events: list[Event], language: Language = Language.EN) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(_render(events, language)).events


def test_identical_input_gives_identical_bytes_and_the_same_uid() -> None:
    event = _event()
    first, second = _render([event]), _render([event])
    assert first == second
    calendar = icalendar.Calendar.from_ical(first)
    assert calendar["PRODID"] == "-//Hong Kong Talent Engage//HKTE Partner API//EN"
    assert calendar["X-WR-CALNAME"] == "HKTE Events"
    (parsed,) = calendar.events
    (in_chinese,) = _parse([event], Language.ZH_HANT)
    assert parsed["UID"] == in_chinese["UID"] == "00000000-0000-7000-8000-000000000001@api.hkte.gov.hk"
    # DTSTAMP comes from the event, not the clock, so the ETag only changes when the event does.
    assert parsed["DTSTAMP"].dt == parsed["LAST-MODIFIED"].dt == UPDATED
    assert parsed["CREATED"].dt == CREATED
    assert parsed["URL"] == "https://api.hkte.gov.hk/v1/events/00000000-0000-7000-8000-000000000001"


def test_times_are_written_in_the_event_zone_and_resolve_to_the_right_instants() -> None:
    events = [
        _event(1, starts_at=datetime(2026, 3, 18, 9, 0, tzinfo=HONG_KONG)),
        _event(2, timezone=LONDON, starts_at=datetime(2026, 7, 1, 9, 0, tzinfo=LONDON)),  # BST
        _event(3, timezone=LONDON, starts_at=datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)),  # GMT
        _event(4, timezone=NEW_YORK, starts_at=datetime(2026, 11, 10, 18, 30, tzinfo=NEW_YORK)),
    ]
    body = _render(events)
    assert b"DTSTART;TZID=Asia/Hong_Kong:20260318T090000\r\n" in body
    assert b"DTEND;TZID=Europe/London:20260701T170000\r\n" in body
    starts = [datetime(2026, 3, 18, 1, 0), datetime(2026, 7, 1, 8, 0), datetime(2026, 12, 1, 9, 0)]
    starts.append(datetime(2026, 11, 10, 23, 30))
    calendar = icalendar.Calendar.from_ical(body)
    for parsed, event, start in zip(calendar.events, events, starts, strict=True):
        assert parsed["DTSTART"].params["TZID"] == event.details.timezone
        assert parsed["DTSTART"].dt.tzinfo == ZoneInfo(event.details.timezone)
        assert parsed["DTSTART"].dt == start.replace(tzinfo=UTC)
        assert parsed["DTEND"].dt == start.replace(tzinfo=UTC) + timedelta(hours=8)


def test_each_zone_used_has_exactly_one_vtimezone_that_agrees_with_the_tz_database() -> None:
    events = [
        _event(1),
        _event(2, timezone=LONDON, starts_at=datetime(2026, 7, 1, 9, 0, tzinfo=LONDON)),
        _event(3, timezone=LONDON, starts_at=datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)),
        _event(4, timezone=NEW_YORK, starts_at=datetime(2026, 11, 10, 18, 30, tzinfo=NEW_YORK)),
        _event(5, timezone=SYDNEY, starts_at=datetime(2027, 1, 20, 10, 0, tzinfo=SYDNEY)),  # summer there
        _event(6, timezone=DUBLIN, starts_at=datetime(2026, 9, 1, 10, 0, tzinfo=DUBLIN)),  # negative DST
    ]
    calendar = icalendar.Calendar.from_ical(_render(events))
    used = ["America/New_York", "Asia/Hong_Kong", "Australia/Sydney", "Europe/Dublin", "Europe/London"]
    assert sorted(zone.tz_name for zone in calendar.timezones) == used
    assert calendar.get_missing_tzids() == set()
    (hong_kong,) = (zone for zone in calendar.timezones if zone.tz_name == "Asia/Hong_Kong")
    (standard,) = hong_kong.subcomponents
    assert (standard.name, standard["DTSTART"].dt) == ("STANDARD", datetime(1970, 1, 1))
    assert standard["TZOFFSETTO"].td == timedelta(hours=8)
    for component in calendar.timezones:
        # Clients take summer time to be ahead of standard time (the tz database's Irish winter is
        # a negative saving).
        assert all(s["TZOFFSETTO"].td > s["TZOFFSETFROM"].td for s in component.walk("DAYLIGHT"))
        # Rebuild the zone from our VTIMEZONE alone (not from its TZID) and compare it with the tz
        # database we wrote it from, over the events' span.
        ours, truth = component.to_tz(lookup_tzid=False), ZoneInfo(component.tz_name)
        for instant in _samples(truth, datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)):
            assert instant.astimezone(ours).utcoffset() == instant.astimezone(truth).utcoffset(), instant


def _samples(zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[datetime]:
    """Daily instants, and every quarter of an hour through days on which `zone` changes offset."""
    day = timedelta(days=1)
    while start < end:
        changes = (start + day).astimezone(zone).utcoffset() != start.astimezone(zone).utcoffset()
        yield from (start + timedelta(minutes=m) for m in range(0, 24 * 60 if changes else 1, 15))
        start += day


def test_london_changes_offset_at_the_right_minute() -> None:
    calendar = icalendar.Calendar.from_ical(_render([_event(timezone=LONDON)]))
    (london,) = calendar.timezones
    spring = [c for c in london.walk("DAYLIGHT") if c["DTSTART"].dt.year == 2026]
    assert [(c["DTSTART"].dt, c["TZOFFSETFROM"].td, c["TZNAME"]) for c in spring] == [
        (datetime(2026, 3, 29, 1, 0), timedelta(0), "BST")
    ]
    ours = london.to_tz(lookup_tzid=False)
    assert datetime(2026, 10, 25, 0, 59, tzinfo=UTC).astimezone(ours).utcoffset() == timedelta(hours=1)
    assert datetime(2026, 10, 25, 1, 0, tzinfo=UTC).astimezone(ours).utcoffset() == timedelta(0)


def test_a_wall_time_repeated_when_clocks_go_back_is_written_in_utc() -> None:
    # 01:30 happens twice in London on 25 October 2026; the second time (GMT) is 01:30 UTC.
    second = datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)
    body = _render([_event(timezone=LONDON, starts_at=second)])
    assert b"DTSTART:20261025T013000Z\r\n" in body
    (parsed,) = icalendar.Calendar.from_ical(body).events
    assert parsed["DTSTART"].dt == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert parsed["DTEND"].dt == datetime(2026, 10, 25, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "status"),
    [
        (lambda e: e, "CONFIRMED"),
        (lambda e: e.cancel(), "CANCELLED"),
        (lambda e: e.postpone(), "TENTATIVE"),
        (lambda e: e.move_online("https://meet.example/fair").cancel(), "CANCELLED"),
    ],
)
def test_status_and_sequence_follow_the_event(change: Any, status: str) -> None:
    event = change(replace(_event(), sequence=4))
    (parsed,) = _parse([event])
    assert parsed["STATUS"] == status
    assert parsed["SEQUENCE"] == event.sequence


def test_a_rescheduled_event_keeps_its_uid_and_raises_its_sequence() -> None:
    event = _event()
    later = datetime(2026, 4, 1, 9, 0, tzinfo=HONG_KONG)
    moved = event.reschedule(later, later + timedelta(hours=2))
    (before,), (after,) = _parse([event]), _parse([moved])
    assert before["UID"] == after["UID"]
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert (after["STATUS"], after["DTSTART"].dt) == ("CONFIRMED", later)
    assert after["X-HKTE-PREVIOUS-START"] == "20260318T010000Z"


def test_text_comes_in_the_language_asked_for_and_falls_back_to_english() -> None:
    title = LocalizedText("Talent Fair", "人才博覽", "")
    event = _event(title=title, registration_url="https://hkte.example/register")
    (traditional,) = _parse([event], Language.ZH_HANT)
    (simplified,) = _parse([event], Language.ZH_HANS)
    assert (traditional["SUMMARY"], traditional["SUMMARY"].params["LANGUAGE"]) == ("人才博覽", "zh-Hant")
    assert (simplified["SUMMARY"], simplified["SUMMARY"].params["LANGUAGE"]) == ("Talent Fair", "en")
    assert traditional["DESCRIPTION"] == "與僱主見面。\n\n報名：https://hkte.example/register"
    assert traditional["LOCATION"] == "會議展覽中心, Hong Kong, HK"


def test_commas_semicolons_backslashes_and_newlines_round_trip() -> None:
    tricky = "Fintech, AI; and C:\\data\nSecond line\r\nThird, last"
    event = _event(
        title=LocalizedText(tricky, "", ""),
        description=LocalizedText("Bring: CV, ID;\npassport", "", ""),
        venue=Venue("Hong Kong", "HK", LocalizedText("Hall 1, Level 2; East", "", "")),
    )
    body = _render([event])
    assert b"SUMMARY;LANGUAGE=en:Fintech\\, AI\\; and C:\\\\data\\nSecond line\\nThird\\, last\r\n" in body
    (parsed,) = icalendar.Calendar.from_ical(body).events
    assert parsed["SUMMARY"] == tricky.replace("\r\n", "\n")
    assert parsed["DESCRIPTION"] == "Meet employers.\n\nBring: CV, ID;\npassport"
    assert parsed["LOCATION"] == "Hall 1, Level 2; East, Hong Kong, HK"


def test_long_chinese_text_is_folded_within_75_octets_and_parses_back_intact() -> None:
    # 3-octet characters cannot fill 75 octets exactly, so every fold point is one where a
    # character would straddle the limit; the ASCII title shows lines do use all 75 octets.
    description = "Agenda: " + "香港人才引進計劃，歡迎海外專才；" * 30 + "完"
    title = LocalizedText("Global Talent Summit " * 10, "", "")
    body = _render([_event(title=title, description=LocalizedText("x", description, ""))], Language.ZH_HANT)
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    lines = body.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) == 75
    for line in lines:
        line.decode()  # a character split across lines would not decode on its own
        assert len(line) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 10
    (parsed,) = icalendar.Calendar.from_ical(body).events
    assert parsed["DESCRIPTION"] == "與僱主見面。\n\n" + description
    assert parsed["SUMMARY"] == title.en


def test_online_events_are_located_at_their_url() -> None:
    event = _event().move_online("https://meet.example/fair?room=1,2")
    (parsed,) = _parse([event])
    assert parsed["LOCATION"] == "https://meet.example/fair?room=1,2"
    assert "LANGUAGE" not in parsed["LOCATION"].params
    assert parsed["X-HKTE-ATTENDANCE-MODE"] == "online"
    assert parsed["CATEGORIES"].cats == ["career_fair"]


def test_an_event_without_duration_has_no_dtend() -> None:
    start = datetime(2026, 3, 18, 9, 0, tzinfo=HONG_KONG)
    (parsed,) = _parse([_event(starts_at=start, ends_at=start)])
    assert "DTEND" not in parsed  # RFC 5545 wants DTEND later than DTSTART
    assert parsed.end == start


def test_a_line_break_in_an_unescaped_value_cannot_forge_properties() -> None:
    with pytest.raises(ValueError, match="line break"):
        render_calendar(
            [_event()], Language.EN, name="x", event_url=lambda _: "https://x\r\nSTATUS:CANCELLED"
        )
