"""Event listings shipped with the service.

`REFERENCE_EVENTS` are HKTE's real flagship events (public facts; the hours of day are
indicative). `sample_events(today)` are clearly marked sample listings for `make run`, so a new
user has upcoming events to page through; they are never loaded by `hkte seed`.
Ids are UUIDv5 of a stable key, so loading twice inserts nothing the second time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from uuid import UUID, uuid5
from zoneinfo import ZoneInfo

from domain.events import AttendanceMode, EventStatus, EventType
from domain.i18n import LocalizedText

NAMESPACE = UUID("6c1f6f0e-5b0a-4f7e-9d3c-2a1b0c9d8e7f")
HK = "Asia/Hong_Kong"


class SeedEvent(NamedTuple):
    key: str
    type: EventType
    mode: AttendanceMode
    title: LocalizedText
    summary: LocalizedText
    starts_at: datetime
    ends_at: datetime
    timezone: str
    city: str | None
    country: str | None
    online_url: str | None
    organiser: str  # partner code
    co_organisers: tuple[str, ...] = ()
    description: LocalizedText | None = None
    sectors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en", "yue", "cmn")
    registration_url: str | None = None
    capacity: int | None = None
    status: EventStatus = EventStatus.SCHEDULED

    @property
    def id(self) -> UUID:
        return uuid5(NAMESPACE, self.key)


def _at(day: date, hour: int, tz: str) -> datetime:
    return datetime.combine(day, time(hour), ZoneInfo(tz))


REFERENCE_EVENTS: tuple[SeedEvent, ...] = (
    SeedEvent(
        key="global-talent-summit-2024",
        type=EventType.SUMMIT,
        mode=AttendanceMode.MIXED,
        title=LocalizedText(
            "Global Talent Summit · Hong Kong 2024",
            "環球人才高峰會 · 香港 2024",
            "环球人才高峰会 · 香港 2024",
        ),
        summary=LocalizedText(
            "HKTE's flagship summit: International Talent Forum, Greater Bay Area High-quality Talent "
            "Development Conference and the CareerConnect Expo with about 100 exhibitors.",
            "香港人才服務辦公室的旗艦活動：國際人才論壇、大灣區高質量人才發展大會，以及約100個參展單位的職業博覽。",
            "香港人才服务办公室的旗舰活动：国际人才论坛、大湾区高质量人才发展大会，以及约100个参展单位的职业博览。",
        ),
        description=LocalizedText(
            "About 1,000 participants in person and more than 2,500 online.",
            "約1,000人親身出席，逾2,500人網上參與。",
            "约1,000人亲身出席，逾2,500人网上参与。",
        ),
        starts_at=_at(date(2024, 5, 7), 9, HK),
        ends_at=_at(date(2024, 5, 8), 18, HK),
        timezone=HK,
        city="Hong Kong",
        country="HK",
        online_url="https://www.hkengage.gov.hk/",
        organiser="hkte",
    ),
    SeedEvent(
        key="gts-week-2026-forum-expo",
        type=EventType.SUMMIT,
        mode=AttendanceMode.IN_PERSON,
        title=LocalizedText(
            "Global Talent Summit Week 2026: Forum and Expo",
            "環球人才高峰會週 2026：論壇及博覽",
            "环球人才高峰会周 2026：论坛及博览",
        ),
        summary=LocalizedText(
            "The forum and expo at the heart of GTS Week 2026.",
            "2026年環球人才高峰會週的論壇及博覽。",
            "2026年环球人才高峰会周的论坛及博览。",
        ),
        starts_at=_at(date(2026, 3, 18), 9, HK),
        ends_at=_at(date(2026, 3, 19), 18, HK),
        timezone=HK,
        city="Hong Kong",
        country="HK",
        online_url=None,
        organiser="hkte",
    ),
    SeedEvent(
        key="gts-week-2026-satellite-events",
        type=EventType.SATELLITE_EVENT,
        mode=AttendanceMode.IN_PERSON,
        title=LocalizedText(
            "GTS Week 2026: satellite events with working partners",
            "環球人才高峰會週 2026：工作夥伴衛星活動",
            "环球人才高峰会周 2026：工作伙伴卫星活动",
        ),
        summary=LocalizedText(
            "Nine satellite events run with HKTE's working partners around the summit.",
            "與香港人才服務辦公室工作夥伴合辦的九項衛星活動。",
            "与香港人才服务办公室工作伙伴合办的九项卫星活动。",
        ),
        starts_at=_at(date(2026, 3, 17), 9, HK),
        ends_at=_at(date(2026, 3, 29), 18, HK),
        timezone=HK,
        city="Hong Kong",
        country="HK",
        online_url=None,
        organiser="hkte",
    ),
)

# (office code, city, country, IANA zone, main language tag)
_OFFICES = (
    ("heto-london", "London", "GB", "Europe/London", "en"),
    ("heto-berlin", "Berlin", "DE", "Europe/Berlin", "de"),
    ("heto-brussels", "Brussels", "BE", "Europe/Brussels", "fr"),
    ("heto-new-york", "New York", "US", "America/New_York", "en"),
    ("heto-san-francisco", "San Francisco", "US", "America/Los_Angeles", "en"),
    ("heto-toronto", "Toronto", "CA", "America/Toronto", "en"),
    ("heto-sydney", "Sydney", "AU", "Australia/Sydney", "en"),
    ("heto-singapore", "Singapore", "SG", "Asia/Singapore", "en"),
    ("heto-tokyo", "Tokyo", "JP", "Asia/Tokyo", "ja"),
    ("heto-dubai", "Dubai", "AE", "Asia/Dubai", "ar"),
)
_KINDS = (
    (
        EventType.ROADSHOW,
        AttendanceMode.IN_PERSON,
        "Hong Kong talent roadshow",
        "香港人才路演",
        "香港人才路演",
        ("financial-services",),
    ),
    (
        EventType.CAREER_FAIR,
        AttendanceMode.MIXED,
        "Careers in Hong Kong fair",
        "香港職涯博覽",
        "香港职涯博览",
        ("innovation-technology",),
    ),
    (
        EventType.WEBINAR,
        AttendanceMode.ONLINE,
        "Moving to Hong Kong: admission schemes explained",
        "移居香港：入境計劃簡介",
        "移居香港：入境计划简介",
        (),
    ),
    (
        EventType.NETWORKING,
        AttendanceMode.IN_PERSON,
        "Hong Kong professionals networking evening",
        "香港專業人士交流晚會",
        "香港专业人士交流晚会",
        ("legal-dispute-resolution",),
    ),
)
SAMPLE = LocalizedText(
    "(Sample listing for local development.)", "（本地開發用示例活動。）", "（本地开发用示例活动。）"
)


def sample_events(today: date, count: int = 40) -> list[SeedEvent]:
    """Upcoming sample events, spread over the next months, for `make run`."""
    events = []
    for n in range(count):
        office, city, country, tz, language = _OFFICES[n % len(_OFFICES)]
        kind, mode, en, hant, hans, sectors = _KINDS[n % len(_KINDS)]
        day = today + timedelta(days=7 + 4 * n)
        online = mode is not AttendanceMode.IN_PERSON
        events.append(
            SeedEvent(
                key=f"sample-{today.isoformat()}-{n}",
                type=kind,
                mode=mode,
                title=LocalizedText(f"{en} — {city}", f"{hant}（{city}）", f"{hans}（{city}）"),
                summary=LocalizedText(
                    f"Meet HKTE and Hong Kong employers in {city}.",
                    "與香港人才服務辦公室及香港僱主會面。",
                    "与香港人才服务办公室及香港雇主会面。",
                ),
                description=SAMPLE,
                starts_at=_at(day, 18 if kind is EventType.NETWORKING else 10, tz),
                ends_at=_at(day, 21 if kind is EventType.NETWORKING else 16, tz),
                timezone=tz,
                city=None if mode is AttendanceMode.ONLINE else city,
                country=None if mode is AttendanceMode.ONLINE else country,
                online_url="https://www.hkengage.gov.hk/" if online else None,
                organiser="hkte",
                co_organisers=(office,),
                sectors=sectors,
                languages=tuple(dict.fromkeys(("en", language, "yue"))),
                registration_url="https://www.hkengage.gov.hk/",
                capacity=None if online else 150,
            )
        )
    return events
