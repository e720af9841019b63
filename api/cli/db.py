"""`hkte db ...` and `hkte seed`: the local cluster, migrations and reference data."""

from __future__ import annotations

import click

from adapters.db.database import Database
from adapters.db.migrate import upgrade
from adapters.seed.loader import SeedReport, seed_reference_data
from api.cli.common import database_target, load_settings, local_cluster, run_with_database
from api.reference_data import reference_editions


@click.group("db")
def db_group() -> None:
    """The database: the local PostgreSQL cluster (when DATABASE_URL is unset) and migrations."""


@db_group.command("start")
def db_start() -> None:
    """Start the local PostgreSQL cluster (initialising it on first use)."""
    settings = load_settings()
    if settings.database_url:
        raise click.ClickException("DATABASE_URL is set: there is no local cluster to start")
    target = database_target(settings, quiet=True)
    assert target.cluster is not None
    state = "started" if target.started_here else "already running"
    click.echo(f"Local PostgreSQL {state}: {target.cluster.describe()}")


@db_group.command("stop")
def db_stop() -> None:
    """Stop the local PostgreSQL cluster (fast shutdown: open sessions are ended cleanly)."""
    settings = load_settings()
    if settings.database_url:
        raise click.ClickException("DATABASE_URL is set: there is no local cluster to stop")
    cluster = local_cluster(settings)
    click.echo("Local PostgreSQL stopped." if cluster.stop() else "Local PostgreSQL was not running.")


@db_group.command("url")
def db_url() -> None:
    """Print the database URL in use (starting the local cluster if needed)."""
    click.echo(database_target(load_settings(), quiet=True).url)


@db_group.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""
    target = database_target(load_settings())
    upgrade(target.url, revision)
    click.echo(f"Database at revision {revision}.")


async def _seed(database: Database) -> SeedReport:
    editions = reference_editions()
    async with database.session() as session, session.begin():
        return await seed_reference_data(session, editions)


@click.command("seed")
def seed() -> None:
    """Load the reference data (idempotent: running it again changes nothing)."""
    target = database_target(load_settings())
    click.echo(f"Reference data loaded: {run_with_database(target.url, _seed)}")
