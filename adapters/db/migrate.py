"""Apply the Alembic migrations from code (the CLI, the test session, the benchmarks)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

import migrations

SCRIPT_LOCATION = Path(migrations.__file__).parent


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def upgrade_on(connection: Connection, revision: str = "head") -> None:
    """For callers already inside an event loop: `await conn.run_sync(upgrade_on)`."""
    command.upgrade(alembic_config(connection=connection), revision)


def downgrade_on(connection: Connection, revision: str) -> None:
    command.downgrade(alembic_config(connection=connection), revision)
