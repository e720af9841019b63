"""`hkte leads import` as a real process against a committed database: every row answered, the
bad ones named, and a second run replays instead of creating anything twice."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from adapters.db.database import Database
from adapters.db.lead_tables import LeadRow
from adapters.db.migrate import upgrade
from adapters.db.tables import PartnerRow
from adapters.seed.loader import seed_reference_data
from api.reference_data import reference_editions
from tests.support import leaks
from tests.support.databases import create_database, drop_database

pytestmark = pytest.mark.slow
HKTE = str(Path(sys.executable).parent / "hkte")
HEADER = (
    "given_name,family_name,email,phone,residence_country,profession,years_of_experience,"
    "highest_qualification,interests,external_ref,notice_version,notice_language,purposes,"
    "consent_method,collected_at,collected_by\n"
)
CONSENT = "PICS-2026-01,en,talent_attraction;job_matching,event,2026-11-20T15:30:00+00:00,London desk"


@pytest.fixture
async def seeded_url(admin_url: str) -> AsyncIterator[str]:
    url = await create_database(admin_url, "hkte_import")
    await asyncio.to_thread(upgrade, url)
    database = Database.connect(url)
    async with database.session() as session, session.begin():
        await seed_reference_data(session, reference_editions())
    await database.dispose()
    yield url
    await drop_database(admin_url, url)


async def _scalar(url: str, statement: object) -> object:
    database = Database.connect(url)
    try:
        async with database.session() as session:
            return await session.scalar(statement)  # type: ignore[call-overload]
    finally:
        await database.dispose()


async def test_import_answers_every_row_and_replays_on_a_second_run(seeded_url: str, tmp_path: Path) -> None:
    partner = await _scalar(seeded_url, select(PartnerRow.id).where(PartnerRow.code == "heto-london"))
    sheet = tmp_path / "roadshow.csv"
    sheet.write_text(
        HEADER
        + f"Mei,Chan,mei@example.org,,GB,actuaries,8,FIA,jobs,R-1,{CONSENT}\n"
        + f"Ka Ho,Lam,not-an-email,,GB,actuaries,5,FIA,,R-2,{CONSENT}\n"
        + f"Ada,Ng,ada@example.org,+447700900124,GB,astrologers,3,BSc,,R-3,{CONSENT}\n"
        + f"Mei,Chan,mei@example.org,,GB,actuaries,8,FIA,jobs,R-4,{CONSENT}\n"
        + f"Tom,Yip,tom@example.org,,CA,naval-architects,12,MEng,events;jobs,R-5,{CONSENT}\n",
        encoding="utf-8",
    )
    for row in csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))):
        leaks.register_person(row)
    env = {**os.environ, "DATABASE_URL": seeded_url}
    command = [HKTE, "leads", "import", str(sheet), "--partner", str(partner)]
    first = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert first.returncode == 1, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].startswith("row 2: created lead ")
    assert lines[1].startswith("row 3: ")
    assert "person.email" in lines[1]
    assert lines[2].startswith("row 4: ")
    assert "Talent List" in lines[2]
    assert lines[3].startswith("row 5: ")
    assert "already submitted" in lines[3]
    assert lines[4].startswith("row 6: created lead ")
    assert "Rows 2-6 of 6" in first.stderr
    assert "2 lead(s) created, 3 row(s) refused." in first.stderr
    second = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert second.stdout == first.stdout
    leaks.capture_output("hkte leads import (stderr: progress and logs)", first.stderr + second.stderr)
    assert await _scalar(seeded_url, select(func.count()).select_from(LeadRow)) == 2
