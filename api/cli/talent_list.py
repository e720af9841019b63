"""`hkte talent-list import FILE`: publish an edition from the JSON import format, or from a CSV
table of professions with the edition's facts given as options."""

from __future__ import annotations

import getpass
import json
from collections.abc import Mapping
from pathlib import Path

import click
import msgspec

from adapters.db.catalog_uow import SqlCatalogUnitOfWork
from adapters.db.database import Database
from api.cli.common import database_target, load_settings, run_with_database
from api.schemas.talent_list_import import EditionImport
from api.talent_list_import import decode_import, edition_from_import
from domain.audit import Actor
from domain.errors import DomainError
from domain.talent_list import Edition, EditionRejected
from domain.talent_list_publishing import publish_edition


@click.group("talent-list")
def talent_list_group() -> None:
    """Talent List editions."""


def _from_csv(path: Path, facts: Mapping[str, object]) -> bytes:
    """The JSON import format around the CSV table, with the edition's facts from the options."""
    code, effective_from = facts["code"], facts["effective_from"]
    if not code or not effective_from:
        raise click.UsageError("a CSV file needs --code and --effective-from (and --title-en ...)")
    body = {
        "code": code,
        "effective_from": effective_from,
        "title": {
            "en": facts["title"] or f"Talent List ({code})",
            "zh-Hant": facts["title_zh_hant"] or f"人才清單（{code}）",
            "zh-Hans": facts["title_zh_hans"] or f"人才清单（{code}）",
        },
        "schemes": list(facts["schemes"] or ("QMAS", "GEP", "ASMTP")),  # type: ignore[call-overload]
        "declared_profession_count": facts["declared"],
        "csv": path.read_text(encoding="utf-8-sig"),
    }
    return json.dumps(body).encode()


@talent_list_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", help="CSV only: the edition's code, e.g. 2026.")
@click.option("--effective-from", help="CSV only: the day it takes effect (YYYY-MM-DD).")
@click.option("--title-en", "title", help="CSV only: the English title.")
@click.option("--title-zh-hant", help="CSV only: the Traditional Chinese title.")
@click.option("--title-zh-hans", help="CSV only: the Simplified Chinese title.")
@click.option("--scheme", "schemes", multiple=True, help="CSV only: default admission scheme (repeat).")
@click.option("--declared", type=int, help="CSV only: professions in the official edition.")
@click.option("--dry-run", is_flag=True, help="Check the file and report; publish nothing.")
def import_command(
    file: Path,
    code: str | None,
    effective_from: str | None,
    title: str | None,
    title_zh_hant: str | None,
    title_zh_hans: str | None,
    schemes: tuple[str, ...],
    declared: int | None,
    dry_run: bool,
) -> None:
    """Check FILE in full and publish it as a new edition, or publish nothing and list every
    problem (exit status 1). A published edition never changes."""
    click.echo(f"Reading {file} ...", err=True)
    if file.suffix.lower() == ".csv":
        facts = {
            "code": code,
            "effective_from": effective_from,
            "title": title,
            "title_zh_hant": title_zh_hant,
            "title_zh_hans": title_zh_hans,
            "schemes": schemes,
            "declared": declared,
        }
        raw = _from_csv(file, facts)
    else:
        raw = file.read_bytes()
    try:
        data: EditionImport = decode_import(raw)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    click.echo("Checking every sector and profession ...", err=True)
    try:
        edition = edition_from_import(data)
    except EditionRejected as rejected:
        _report(rejected)
        raise SystemExit(1) from None
    click.echo(
        f"Edition {edition.code} (in force from {edition.effective_from.isoformat()}): "
        f"{len(edition.sectors)} sectors, {len(edition.professions)} professions",
        err=True,
    )
    if dry_run:
        click.echo("Dry run: the file is valid; nothing was published.")
        return
    target = database_target(load_settings())
    actor = Actor.operator(getpass.getuser())

    async def work(database: Database) -> None:
        await _publish(database, edition, actor)

    click.echo("Publishing ...", err=True)
    try:
        run_with_database(target.url, work)
    except EditionRejected as rejected:
        _report(rejected)
        raise SystemExit(1) from None
    except DomainError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Published edition {edition.code}; it takes effect on {edition.effective_from:%d %b %Y}.")


async def _publish(database: Database, edition: Edition, actor: Actor) -> None:
    await publish_edition(lambda: SqlCatalogUnitOfWork(database.sessions), edition, actor)


def _report(rejected: EditionRejected) -> None:
    click.echo(f"Rejected: {len(rejected.problems)} problem(s); nothing was published.", err=True)
    for problem in rejected.problems:
        click.echo(f"  {problem.location}: {problem.message}", err=True)
