"""`hkte leads ...`: operator tasks on talent leads."""

from __future__ import annotations

import getpass

import click

from adapters.db.database import Database
from adapters.db.leads_uow import lead_intake
from api.cli.common import database_target, load_settings, run_with_database
from domain.audit import Actor


@click.group("leads")
def leads_group() -> None:
    """Talent leads."""


@leads_group.command("purge")
def purge_command() -> None:
    """Erase the personal data of every lead whose retention period has ended (run it daily).
    Tombstones stay; each erasure is in the audit log."""
    target = database_target(load_settings())
    actor = Actor.operator(getpass.getuser())

    async def work(database: Database) -> int:
        return await lead_intake(database).purge_expired(actor)

    erased = run_with_database(target.url, work)
    click.echo(f"Erased the personal data of {erased} lead(s) past their retention date.")
