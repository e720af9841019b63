"""The Talent List in force, rendered once at start-up in English (the API renders each answer once
per edition, language and day, then serves those bytes): its body and strong ETag."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import msgspec

from bench.baseline import sql
from bench.baseline.http import strong_etag
from bench.baseline.wire import EditionOut, ProfessionOut, SectorOut, Text

HONG_KONG = ZoneInfo("Asia/Hong_Kong")


@dataclass(frozen=True, slots=True)
class Catalog:
    body: bytes
    etag: str
    edition: str
    professions: frozenset[str]  # of the edition in force: what a lead may name
    sectors: frozenset[str]  # of every edition: what an event filter may name


def english(value: dict[str, Any] | None) -> Text | None:
    return None if value is None else Text(en=value.get("en", ""))


def _profession(row: asyncpg.Record) -> ProfessionOut:
    return ProfessionOut(
        code=row["code"],
        sector=row["sector_code"],
        name=Text(en=row["name"]["en"]),
        description=english(row["description"]),
        qualifications=english(row["qualifications"]),
        experience=english(row["experience"]),
        schemes=list(row["schemes"]),
    )


async def load_catalog(conn: asyncpg.Connection) -> Catalog:
    editions = await conn.fetch(sql.EDITIONS)
    sectors: dict[str, list[asyncpg.Record]] = defaultdict(list)
    sector_rows = await conn.fetch(sql.SECTORS)
    for row in sector_rows:
        sectors[row["edition_code"]].append(row)
    professions: dict[str, list[asyncpg.Record]] = defaultdict(list)
    for row in await conn.fetch(sql.PROFESSIONS):
        professions[row["edition_code"]].append(row)
    today = datetime.now(HONG_KONG).date()
    current = max((e for e in editions if e["effective_from"] <= today), key=lambda e: e["effective_from"])
    later = [e["effective_from"] for e in editions if e["effective_from"] > current["effective_from"]]
    code = current["code"]
    held = professions[code]
    declared = current["declared_profession_count"]
    page = EditionOut(
        code=code,
        title=Text(en=current["title"]["en"]),
        effective_from=current["effective_from"],
        superseded_on=min(later, default=None),
        in_force=True,
        announced_on=current["announced_on"],
        published_at=current["published_at"],
        profession_count=len(held),
        declared_profession_count=declared,
        partial=declared is not None and declared > len(held),
        notes=english(current["notes"]),
        sectors=[
            SectorOut(
                code=s["code"],
                name=Text(en=s["name"]["en"]),
                description=english(s["description"]),
                professions=[_profession(p) for p in held if p["sector_code"] == s["code"]],
            )
            for s in sectors[code]
        ],
    )
    body = msgspec.json.encode(page)
    return Catalog(
        body,
        strong_etag(body),
        code,
        frozenset(p["code"] for p in held),
        frozenset(s["code"] for s in sector_rows),
    )
