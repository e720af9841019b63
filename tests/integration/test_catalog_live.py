"""The catalog against a committed database: publishing reaches other processes' caches, and
`hkte talent-list import` publishes a good file and refuses a bad one whole."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from adapters.catalog_cache import CatalogListener, TalentListCache
from adapters.db.database import Database
from adapters.db.migrate import upgrade
from adapters.db.talent_list import SqlTalentListRepository
from tests.support.catalog import small_edition
from tests.support.databases import create_database, drop_database

HKTE = str(Path(sys.executable).parent / "hkte")


@pytest.fixture
async def committed_url(admin_url: str) -> AsyncIterator[str]:
    url = await create_database(admin_url, "hkte_catalog")
    await asyncio.to_thread(upgrade, url)
    yield url
    await drop_database(admin_url, url)


async def _codes(url: str) -> list[str]:
    database = Database.connect(url)
    try:
        async with database.session() as session:
            return [e.code for e in await SqlTalentListRepository(session).load_all()]
    finally:
        await database.dispose()


async def test_a_publication_reaches_every_process_cache_through_notify(committed_url: str) -> None:
    writer, reader = Database.connect(committed_url), Database.connect(committed_url)
    # a fallback TTL of an hour: only the notice can make the reader see the new edition
    cache = TalentListCache(reader, fallback_ttl_s=3600)
    listener = asyncio.create_task(CatalogListener(committed_url, cache, ping_every_s=0.5).run())
    try:
        for _ in range(100):
            if cache.listening:
                break
            await asyncio.sleep(0.05)
        assert cache.listening
        assert await cache.editions() == ()
        async with writer.session() as session, session.begin():
            await SqlTalentListRepository(session).publish(small_edition("2030", date(2030, 1, 1)), "pytest")
        for _ in range(100):
            if [e.code for e in await cache.editions()] == ["2030"]:
                break
            await asyncio.sleep(0.05)
        assert [e.code for e in await cache.editions()] == ["2030"]
    finally:
        listener.cancel()
        await writer.dispose()
        await reader.dispose()


def _hkte(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([HKTE, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


CSV = (
    "sector_code,sector_name_en,sector_name_zh_hant,sector_name_zh_hans,"
    "profession_code,name_en,name_zh_hant,name_zh_hans,schemes\n"
    "financial-services,Financial services,金融服務,金融服务,actuaries,Actuaries,精算師,精算师,QMAS\n"
)


@pytest.mark.slow
async def test_cli_import_publishes_a_good_file_and_reports_every_bad_row(
    committed_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV + "financial-services,Financial services,金融服務,金融服务,actuaries,Twice,兩次,两次,QMAS\n"
        "maritime,Shipping,航運,航运,,No code,無,无,QMAS;NOPE\n",
        encoding="utf-8",
    )
    rejected = await asyncio.to_thread(
        _hkte,
        committed_url,
        "talent-list",
        "import",
        str(bad),
        "--code",
        "2030",
        "--effective-from",
        "2030-01-01",
    )
    assert rejected.returncode == 1, rejected.stderr
    assert "4 problem(s); nothing was published" in rejected.stderr
    assert "csv row 3.code: profession actuaries appears twice" in rejected.stderr
    assert "csv row 4: profession_code: empty" in rejected.stderr
    assert "csv row 4: schemes: unknown scheme 'NOPE'" in rejected.stderr
    assert await _codes(committed_url) == []

    good = tmp_path / "good.csv"
    good.write_text(CSV, encoding="utf-8")
    published = await asyncio.to_thread(
        _hkte,
        committed_url,
        "talent-list",
        "import",
        str(good),
        "--code",
        "2030",
        "--effective-from",
        "2030-01-01",
    )
    assert published.returncode == 0, published.stderr
    assert "Checking every sector and profession" in published.stderr
    assert "Published edition 2030" in published.stdout
    edition_json = tmp_path / "2031.json"
    edition_json.write_text(
        json.dumps(
            {
                "code": "2031",
                "effective_from": "2031-01-01",
                "title": {"en": "Talent List (2031)", "zh-Hant": "人才清單", "zh-Hans": "人才清单"},
                "schemes": ["QMAS"],
                "csv": CSV,
            }
        ),
        encoding="utf-8",
    )
    from_json = await asyncio.to_thread(_hkte, committed_url, "talent-list", "import", str(edition_json))
    assert from_json.returncode == 0, from_json.stderr
    again = await asyncio.to_thread(_hkte, committed_url, "talent-list", "import", str(edition_json))
    assert again.returncode == 1
    assert "already published" in again.stderr
    assert await _codes(committed_url) == ["2030", "2031"]


async def test_concurrent_first_reads_all_wait_for_the_first_load(committed_url: str) -> None:
    writer = Database.connect(committed_url)
    try:
        async with writer.session() as session, session.begin():
            await SqlTalentListRepository(session).publish(small_edition("2030", date(2030, 1, 1)), "pytest")
        cache = TalentListCache(writer)
        cache.listening = True  # as in a server: notices keep the copy fresh once it is loaded
        results = await asyncio.gather(*(cache.editions() for _ in range(20)))
        assert all([e.code for e in editions] == ["2030"] for editions in results)
    finally:
        await writer.dispose()
