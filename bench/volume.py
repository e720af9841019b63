"""The data a benchmark runs against: the Talent List editions, events, partners with OAuth
clients, and leads, in the volumes of a busy year.

Partners and clients go through the real client administration use case (genuine secret
hashes and audit entries); events through the reference-data loader, 500 rows a statement;
leads, the bulk, by COPY in the shape adapters/db/leads.py writes and reads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID, uuid5
from zoneinfo import ZoneInfo

import asyncpg
import msgspec

from adapters.crypto import ServerKeys
from adapters.db.admin_uow import client_administration
from adapters.db.database import Database
from adapters.seed.events import SeedEvent
from adapters.seed.loader import seed_events, seed_reference_data
from api.reference_data import reference_editions
from domain.audit import Actor
from domain.client_admin import IssuedSecret
from domain.clients import AuthMethod
from domain.events import AttendanceMode, EventStatus, EventType
from domain.i18n import LocalizedText
from domain.ids import new_id
from domain.leads import ConsentMethod, Interest, LeadStatus, Purpose
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES
from domain.talent_list import Edition, edition_in_force

OPERATOR = Actor.operator("bench")
NAMESPACE = UUID("3b9d2c1e-8a47-4f0e-b6a1-5d2e7c9f0a13")
EVENT_BATCH = 500
COPY_BATCH = 10_000
RETENTION = timedelta(days=730)
FINANCE = "financial-services"

# (city, country, IANA zone, local language); London listed twice: the UK is the busiest market
PLACES = (
    ("London", "GB", "Europe/London", "en"),
    ("Manchester", "GB", "Europe/London", "en"),
    ("London", "GB", "Europe/London", "en"),
    ("Berlin", "DE", "Europe/Berlin", "de"),
    ("Brussels", "BE", "Europe/Brussels", "fr"),
    ("New York", "US", "America/New_York", "en"),
    ("San Francisco", "US", "America/Los_Angeles", "en"),
    ("Toronto", "CA", "America/Toronto", "en"),
    ("Sydney", "AU", "Australia/Sydney", "en"),
    ("Singapore", "SG", "Asia/Singapore", "en"),
    ("Tokyo", "JP", "Asia/Tokyo", "ja"),
    ("Dubai", "AE", "Asia/Dubai", "ar"),
    ("Shanghai", "CN", "Asia/Shanghai", "cmn"),
    ("Hong Kong", "HK", "Asia/Hong_Kong", "yue"),
)
PARTNER_TYPES = (PartnerType.ETO, PartnerType.INDUSTRY_BODY, PartnerType.SERVICE_PARTNER)


@dataclass(frozen=True, slots=True)
class Sizes:
    partners: int = 50
    clients_per_partner: int = 2
    events: int = 5_000
    leads: int = 100_000

    @property
    def clients(self) -> int:
        return self.partners * self.clients_per_partner


SMOKE_SIZES = Sizes(partners=5, clients_per_partner=2, events=1_000, leads=2_000)


@dataclass(frozen=True, slots=True)
class Client:
    client_id: str
    secret: str
    partner_id: UUID


@dataclass(frozen=True, slots=True)
class Volume:
    clients: tuple[Client, ...]
    lead_ids: dict[UUID, list[UUID]]  # per partner: a sample of its leads
    edition: Edition  # in force today
    sizes: Sizes


def _rng(seed: str) -> random.Random:
    return random.Random(seed)


async def _partners_and_clients(database: Database, keys: ServerKeys, sizes: Sizes) -> list[Client]:
    admin = client_administration(database, keys.secret_pepper)
    methods = frozenset({AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST})
    clients = []
    for n in range(sizes.partners):
        partner = await admin.create_partner(
            OPERATOR,
            code=f"bench-partner-{n:03d}",
            name=LocalizedText(f"Bench partner {n}", f"測試夥伴 {n}", f"测试伙伴 {n}"),
            type=PARTNER_TYPES[n % len(PARTNER_TYPES)],
            country=PLACES[n % len(PLACES)][1],
        )
        for c in range(sizes.clients_per_partner):
            issued = await admin.create_client(
                OPERATOR,
                partner_id=partner.id,
                name=f"bench client {c}",
                scopes=PARTNER_SCOPES,
                auth_methods=methods,
            )
            assert isinstance(issued, IssuedSecret)
            clients.append(Client(issued.client.client_id, issued.secret, partner.id))
    return clients


def _events(edition: Edition, today: date, count: int, partner_codes: list[str]) -> list[SeedEvent]:
    rng = _rng("events")
    sectors = [s.code for s in edition.sectors]
    types = list(EventType)
    modes = (AttendanceMode.IN_PERSON, AttendanceMode.IN_PERSON, AttendanceMode.MIXED, AttendanceMode.ONLINE)
    events = []
    for n in range(count):
        city, country, tz, language = rng.choice(PLACES)
        kind, mode = rng.choice(types), rng.choice(modes)
        day = today + timedelta(days=rng.randint(-180, 540))
        start = datetime.combine(day, time(rng.choice((9, 10, 14, 18))), ZoneInfo(tz))
        online = mode is not AttendanceMode.IN_PERSON
        chosen = tuple(sorted(rng.sample(sectors, rng.choice((1, 1, 2)))))
        if rng.random() < 0.2 and FINANCE in sectors:  # the busiest sector
            chosen = tuple(sorted({*chosen, FINANCE}))
        events.append(
            SeedEvent(
                key=f"bench-event-{n}",
                type=kind,
                mode=mode,
                title=LocalizedText(
                    f"Hong Kong {kind.value.replace('_', ' ')} in {city} #{n}",
                    f"香港人才活動（{city}）#{n}",
                    f"香港人才活动（{city}）#{n}",
                ),
                summary=LocalizedText(
                    f"Meet HKTE and Hong Kong employers in {city}: {', '.join(chosen)}.",
                    "與香港人才服務辦公室及香港僱主會面。",
                    "与香港人才服务办公室及香港雇主会面。",
                ),
                description=LocalizedText(
                    "Talks on the admission schemes, one-to-one advice and employers hiring now.",
                    "講解各項人才入境計劃，提供個別諮詢，並有正在招聘的僱主。",
                    "讲解各项人才入境计划，提供个别咨询，并有正在招聘的雇主。",
                ),
                starts_at=start,
                ends_at=start + timedelta(hours=rng.choice((2, 3, 8, 32))),
                timezone=tz,
                city=None if mode is AttendanceMode.ONLINE else city,
                country=None if mode is AttendanceMode.ONLINE else country,
                online_url="https://www.hkengage.gov.hk/" if online else None,
                organiser="hkte",
                co_organisers=tuple(rng.sample(partner_codes, rng.choice((0, 1, 1, 2)))),
                sectors=chosen,
                languages=tuple(dict.fromkeys(("en", language))),
                registration_url="https://www.hkengage.gov.hk/",
                capacity=None if mode is AttendanceMode.ONLINE else rng.choice((80, 150, 400)),
                status=EventStatus.CANCELLED if rng.random() < 0.03 else EventStatus.SCHEDULED,
            )
        )
    return events


def _lead_records(
    clients: list[Client], edition: Edition, count: int, now: datetime
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Rows of `leads` and `lead_status_changes`, as the lead repository writes them."""
    rng = _rng("leads")
    professions = [p.code for p in edition.professions]
    statuses = [LeadStatus.RECEIVED] * 6 + [LeadStatus.UNDER_REVIEW] * 3 + [LeadStatus.CONTACTED]
    purposes = [p.value for p in Purpose]
    encode = msgspec.json.encode
    leads: list[tuple[object, ...]] = []
    changes: list[tuple[object, ...]] = []
    for n in range(count):
        client = clients[n % len(clients)]
        lead_id = uuid5(NAMESPACE, f"lead-{n}")
        created = now - timedelta(seconds=rng.randint(3_600, 330 * 86_400))
        collected = created - timedelta(days=rng.randint(0, 20))
        email = f"person{n}@example.org"
        phone = f"+4477009{n:05d}" if n % 3 == 0 else None
        person = {
            "given_name": f"Given{n}",
            "family_name": f"Family{n % 997}",
            "chinese_name": None,
            "email": email,
            "phone": phone,
            "residence_country": "GB",
            "nationality": None,
            "city": "London",
        }
        profession = rng.choice(professions)
        profile = {
            "profession_code": profession,
            "years_of_experience": rng.randint(2, 30),
            "highest_qualification": "MSc",
            "languages": ["en"],
            "interests": [Interest.JOBS.value],
            "employer": "Example Ltd",
            "job_title": "Engineer",
            "notes": None,
        }
        chosen = sorted(rng.sample(purposes, rng.randint(1, 3)))
        consent = {
            "notice_version": "PICS-2026-01",
            "notice_language": "en",
            "purposes": chosen,
            "method": ConsentMethod.EVENT.value,
            "collected_at": collected.isoformat(),
            "collected_by": "Bench roadshow desk",
        }
        status = rng.choice(statuses)
        leads.append(
            (
                lead_id,
                client.partner_id,
                client.client_id,
                status.value,
                None,
                edition.code,
                profession,
                encode(person).decode(),
                email,
                phone,
                encode(profile).decode(),
                encode(consent).decode(),
                chosen,
                n % 50 == 0,
                collected + RETENTION,
                1,
                created,
                created,
                None,
            )
        )
        changes.append(
            (new_id(), lead_id, None, LeadStatus.RECEIVED.value, "submitted", None, client.client_id, created)
        )
    return leads, changes


LEAD_COLUMNS = (
    "id",
    "partner_id",
    "submitted_by",
    "status",
    "external_ref",
    "edition_code",
    "profession_code",
    "person",
    "email_key",
    "phone",
    "profile",
    "consent",
    "purposes",
    "known_to_hkte",
    "retain_until",
    "version",
    "created_at",
    "updated_at",
    "erased_at",
)
CHANGE_COLUMNS = (
    "id",
    "lead_id",
    "from_status",
    "to_status",
    "reason_code",
    "note",
    "changed_by",
    "changed_at",
)


async def _copy_leads(url: str, leads: list[tuple[object, ...]], changes: list[tuple[object, ...]]) -> None:
    conn = await asyncpg.connect(url)
    try:
        async with conn.transaction():
            for start in range(0, len(leads), COPY_BATCH):
                await conn.copy_records_to_table(
                    "leads", records=leads[start : start + COPY_BATCH], columns=LEAD_COLUMNS
                )
                await conn.copy_records_to_table(
                    "lead_status_changes", records=changes[start : start + COPY_BATCH], columns=CHANGE_COLUMNS
                )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def load_volume(url: str, server_secret: str, sizes: Sizes) -> Volume:
    """Reference data, then the volume. Run on a freshly migrated database."""
    keys = ServerKeys.derive(server_secret)
    editions = reference_editions()
    today = datetime.now(ZoneInfo("Asia/Hong_Kong")).date()
    edition = edition_in_force(editions, today)
    assert edition is not None, "no Talent List edition in force today"
    database = Database.connect(url)
    try:
        async with database.session() as session, session.begin():
            await seed_reference_data(session, editions)
        clients = await _partners_and_clients(database, keys, sizes)
        codes = [f"bench-partner-{n:03d}" for n in range(sizes.partners)]
        events = _events(edition, today, sizes.events, codes)
        for start in range(0, len(events), EVENT_BATCH):
            async with database.session() as session, session.begin():
                await seed_events(session, events[start : start + EVENT_BATCH])
    finally:
        await database.dispose()
    leads, changes = _lead_records(clients, edition, sizes.leads, datetime.now(UTC))
    await _copy_leads(url, leads, changes)
    lead_ids: dict[UUID, list[UUID]] = {}
    for row in leads:
        lead_ids.setdefault(row[1], []).append(row[0])  # type: ignore[arg-type]
    sample = {partner: ids[:200] for partner, ids in lead_ids.items()}
    return Volume(tuple(clients), sample, edition, sizes)
