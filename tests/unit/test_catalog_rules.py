"""Rules of the catalog that need no database: language negotiation, editions in force, event lifecycle."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from api.negotiation import etag_matches, from_accept_language
from domain.errors import InvalidValue
from domain.events import (
    AttendanceMode,
    Event,
    EventAlreadyPublished,
    EventCancelled,
    EventDetails,
    EventNotPublished,
    EventStatus,
    EventType,
    PartnerRef,
    Publication,
    Venue,
)
from domain.i18n import Language, LocalizedText
from domain.talent_list import edition_in_force
from tests.support.catalog import small_edition


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, Language.EN),
        ("zh-HK", Language.ZH_HANT),
        ("zh-TW,en;q=0.8", Language.ZH_HANT),
        ("zh-Hant-HK", Language.ZH_HANT),
        ("zh", Language.ZH_HANT),
        ("zh-CN", Language.ZH_HANS),
        ("zh-Hans-SG", Language.ZH_HANS),
        ("fr-FR, de;q=0.9", Language.EN),
        ("fr, zh-CN;q=0.5, en;q=0.4", Language.ZH_HANS),
        ("en;q=0.2, zh-HK;q=0.9", Language.ZH_HANT),
        ("zh-HK;q=0, en", Language.EN),
        ("zh-HK;q=abc, zh-CN", Language.ZH_HANS),
        ("", Language.EN),
        # longer than what is memoised: parsed each time, the same way
        ("fr;q=0.1, " + "x-private-tag;q=0.5, " * 12 + "zh-CN;q=0.9, en;q=0.8", Language.ZH_HANS),
    ],
)
def test_accept_language_picks_the_best_of_our_three(header: str | None, expected: Language) -> None:
    assert from_accept_language(header) is expected
    assert from_accept_language(header) is expected  # again (from the memo, if it was kept)


def test_if_none_match_uses_weak_comparison() -> None:
    assert etag_matches('"a", W/"b"', '"b"')
    assert etag_matches("*", '"x"')
    assert not etag_matches('"a"', '"b"')
    assert not etag_matches(None, '"b"')


def test_the_edition_in_force_is_the_latest_started() -> None:
    old, new = small_edition("2030", date(2030, 1, 1)), small_edition("2031", date(2031, 6, 1))
    assert edition_in_force([new, old], date(2029, 12, 31)) is None
    assert edition_in_force([new, old], date(2030, 1, 1)) is old
    assert edition_in_force([new, old], date(2031, 5, 31)) is old
    assert edition_in_force([new, old], date(2031, 6, 1)) is new


START = datetime(2030, 3, 18, 1, tzinfo=UTC)
TEXT = LocalizedText("Roadshow", "路演", "路演")


def details(**changes: object) -> EventDetails:
    values: dict[str, object] = {
        "type": EventType.ROADSHOW,
        "attendance_mode": AttendanceMode.IN_PERSON,
        "title": TEXT,
        "summary": TEXT,
        "starts_at": START,
        "ends_at": START + timedelta(hours=2),
        "timezone": "Europe/London",
        "venue": Venue("London", "GB"),
    }
    values.update(changes)
    return EventDetails(**values)  # type: ignore[arg-type]


def event(publication: Publication = Publication.PUBLISHED) -> Event:
    organiser = PartnerRef(uuid4(), "hkte", TEXT)
    return Event(uuid4(), publication, EventStatus.SCHEDULED, details(), organiser, (), 0, START, START)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": START - timedelta(minutes=1)}, "ends_at"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"venue": None}, "venue"),
        ({"attendance_mode": AttendanceMode.MIXED}, "online_url"),
        ({"starts_at": datetime(2030, 3, 18, 1)}, "starts_at"),
        ({"languages": ("English",)}, "languages"),
        ({"capacity": 0}, "capacity"),
        ({"venue": Venue("London", "gb")}, "venue.country"),
    ],
)
def test_event_details_are_checked(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        details(**changes)
    assert raised.value.field == field


def test_lifecycle_raises_sequence_and_ends_at_cancellation() -> None:
    draft = event(Publication.DRAFT)
    with pytest.raises(EventNotPublished):
        draft.postpone()
    published = draft.publish()
    assert (published.publication, published.sequence) == (Publication.PUBLISHED, 1)
    with pytest.raises(EventAlreadyPublished):
        published.publish()
    moved = published.reschedule(START + timedelta(days=1), START + timedelta(days=1, hours=2))
    assert (moved.status, moved.previous_starts_at, moved.sequence) == (EventStatus.RESCHEDULED, START, 2)
    online = moved.move_online("https://example.org/live")
    assert online.details.attendance_mode is AttendanceMode.ONLINE
    cancelled = online.cancel()
    assert cancelled.sequence == 4
    for change in (cancelled.cancel, cancelled.postpone, lambda: cancelled.revised(details())):
        with pytest.raises(EventCancelled):
            change()
    with pytest.raises(InvalidValue):
        published.reschedule(START, START - timedelta(hours=1))
