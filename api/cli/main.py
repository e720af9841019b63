"""The `hkte` command. Scripts outside the project rely on these command names."""

from __future__ import annotations

import click

from api.cli.admin import clients_group, keys_group, partners_group
from api.cli.db import db_group, seed
from api.cli.leads import leads_group
from api.cli.serve import run_command, serve_command
from api.cli.talent_list import talent_list_group
from api.cli.worker import worker_command


@click.group()
@click.version_option(package_name="hkte-partner-api")
def cli() -> None:
    """HKTE Partner API: serve it, manage its database and its reference data.

    Without DATABASE_URL every command uses the same local PostgreSQL as `make run`."""


cli.add_command(serve_command)
cli.add_command(run_command)
cli.add_command(db_group)
cli.add_command(seed)
cli.add_command(partners_group)
cli.add_command(clients_group)
cli.add_command(keys_group)
cli.add_command(talent_list_group)
cli.add_command(leads_group)
cli.add_command(worker_command)


@cli.command("openapi")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write here, not stdout.")
def openapi_command(output: str | None) -> None:
    """Print (or write) the OpenAPI document the app serves."""
    from api.openapi_document import build_document, render_document

    text = render_document(build_document())
    if output:
        with open(output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        click.echo(text, nl=False)


def main() -> None:
    cli()
