"""Alembic environment: async engine, one advisory lock so concurrent deploys migrate once."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.db.database import async_url
from adapters.db.models import metadata

MIGRATION_LOCK = 7_411_020_001  # any constant shared by every migrating process

config = context.config
target_metadata = metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


async def _run_async(url: str) -> None:
    engine = create_async_engine(async_url(url))
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        await engine.dispose()


def main() -> None:
    if context.is_offline_mode():
        raise SystemExit("offline (SQL script) migrations are not supported; run against a database")
    given = config.attributes.get("connection")
    if given is not None:  # called by code that already holds a connection (tests, hkte)
        _run(given)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("DATABASE_URL is not set (or use `hkte db upgrade`, which finds the local cluster)")
    asyncio.run(_run_async(url))


main()
