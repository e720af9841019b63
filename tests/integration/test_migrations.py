"""Every revision upgrades, downgrades and upgrades again, and the models match the schema."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.db.database import async_url
from adapters.db.migrate import alembic_config, downgrade_on, upgrade_on
from adapters.db.models import metadata
from tests.support.databases import create_database, drop_database


@pytest.fixture
async def scratch_url(admin_url: str) -> AsyncIterator[str]:
    url = await create_database(admin_url, "hkte_stairway")
    yield url
    await drop_database(admin_url, url)


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) - {"alembic_version"}


async def test_stairway_upgrade_downgrade_upgrade_each_revision(scratch_url: str) -> None:
    revisions = _revisions()
    assert revisions, "no migrations found"
    engine = create_async_engine(async_url(scratch_url))
    try:
        previous = "base"
        for revision in revisions:
            async with engine.begin() as conn:
                await conn.run_sync(upgrade_on, revision)
                after_up = await conn.run_sync(_tables)
                await conn.run_sync(downgrade_on, previous)
                after_down = await conn.run_sync(_tables)
                await conn.run_sync(upgrade_on, revision)
                assert await conn.run_sync(_tables) == after_up
            assert after_down <= after_up
            previous = revision
        async with engine.begin() as conn:
            await conn.run_sync(downgrade_on, "base")
            assert await conn.run_sync(_tables) == set()
    finally:
        await engine.dispose()


def _diff(conn: Connection) -> list[object]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


async def test_models_and_migrated_schema_do_not_differ(session_database: object, database_url: str) -> None:
    engine = create_async_engine(async_url(database_url))
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()
