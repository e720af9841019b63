"""`hkte leads ...`: operator tasks on talent leads."""

from __future__ import annotations

import csv
import getpass
import hashlib
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import click
import msgspec

from adapters.db.database import Database
from adapters.db.leads_uow import lead_intake
from adapters.db.tables import PartnerRow
from adapters.db.talent_list import SqlTalentListRepository
from api.cli.common import database_target, load_settings, run_with_database
from api.routes.leads import new_lead
from api.schemas.leads import LeadCreate
from api.strict_bodies import describe
from domain.audit import Actor
from domain.errors import DomainError, InvalidValue
from domain.lead_intake import NewLead
from domain.leads import Lead
from domain.principal import Principal
from domain.scopes import Scope
from domain.talent_list import edition_in_force


@click.group("leads")
def leads_group() -> None:
    """Talent leads."""


@leads_group.command("purge")
def purge_command() -> None:
    """Erase the personal data of every lead whose retention period has ended (run it daily).
    Tombstones stay; each erasure is in the audit log."""
    target = database_target(load_settings())
    actor = Actor.operator(getpass.getuser())

    async def work(database: Database) -> tuple[int, int]:
        intake = lead_intake(database)
        return await intake.purge_expired(actor), await intake.forget_expired_keys()

    erased, keys = run_with_database(target.url, work)
    click.echo(f"Erased the personal data of {erased} lead(s) past their retention date.")
    click.echo(f"Forgot {keys} expired idempotency key(s).")


CSV_COLUMNS = (
    "given_name", "family_name", "chinese_name", "email", "phone", "residence_country", "nationality", "city",
    "profession", "years_of_experience", "highest_qualification", "employer", "job_title", "languages",
    "interests", "external_ref", "notes", "notice_version", "notice_language", "purposes", "consent_method",
    "collected_at", "collected_by",
)  # fmt: skip
PERSON = (
    "given_name",
    "family_name",
    "chinese_name",
    "email",
    "phone",
    "residence_country",
    "nationality",
    "city",
)
# spreadsheet column → field of the consent record
CONSENT = {
    "notice_version": "notice_version",
    "notice_language": "notice_language",
    "purposes": "purposes",
    "consent_method": "method",
    "collected_at": "collected_at",
    "collected_by": "collected_by",
}
LISTS = ("languages", "interests", "purposes")
CHUNK = 100


def row_to_lead(row: dict[str, str]) -> dict[str, object]:
    """A spreadsheet row as the JSON a partner would send (empty cells are absent values)."""
    cell = {k: (v or "").strip() for k, v in row.items() if k}
    value: dict[str, object] = {
        k: ([x.strip() for x in v.split(";") if x.strip()] if k in LISTS else v) for k, v in cell.items() if v
    }
    body: dict[str, object] = {k: v for k, v in value.items() if k not in PERSON and k not in CONSENT}
    body["person"] = {k: value[k] for k in PERSON if k in value}
    body["consent"] = {name: value[column] for column, name in CONSENT.items() if column in value}
    return body


@leads_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--partner", "partner_id", required=True, type=click.UUID, help="The partner the leads come from."
)
def import_command(file: Path, partner_id: UUID) -> None:
    """Submit the leads of a roadshow spreadsheet (CSV, UTF-8, header row with the columns of
    `POST /v1/leads` flattened: given_name ... collected_by; lists separated by `;`). Each row is
    checked and answered on its own, 100 at a time; running it again with the same file replays
    the same answers instead of creating anything twice. Exit status 1 when any row failed."""
    target = database_target(load_settings())
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [
            c
            for c in ("given_name", "family_name", "profession", "notice_version")
            if c not in (reader.fieldnames or [])
        ]
        if missing:
            raise click.ClickException(f"{file}: missing column(s): {', '.join(missing)}")
        rows = list(reader)
    digest = hashlib.sha256(file.read_bytes()).hexdigest()[:32]
    principal = Principal(
        f"cli:{getpass.getuser()}"[:64], partner_id, frozenset({Scope.LEADS_WRITE}), "cli", False
    )
    actor = Actor(principal.client_id, partner_id)

    async def work(database: Database) -> list[tuple[int, str]]:
        async with database.session() as session:
            editions = await SqlTalentListRepository(session).load_all()
            if await session.get(PartnerRow, partner_id) is None:
                raise click.ClickException(f"no partner {partner_id}")
        edition = edition_in_force(editions, datetime.now(UTC).date())
        intake = lead_intake(database)
        report: list[tuple[int, str]] = []
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            click.echo(f"Rows {start + 2}-{start + len(chunk) + 1} of {len(rows) + 1} ...", err=True)
            items: list[NewLead | DomainError] = []
            for row in chunk:
                try:
                    data = msgspec.convert(row_to_lead(row), type=LeadCreate, strict=False)
                    if edition is None or edition.profession(data.profession) is None:
                        raise InvalidValue(
                            "profession", f"{data.profession!r} is not on the Talent List in force"
                        )
                    items.append(new_lead(data, edition.code))
                except msgspec.ValidationError as exc:
                    field, message = describe(exc)
                    items.append(InvalidValue(field or "$", message))
                except InvalidValue as exc:
                    items.append(exc)

            def render(outcomes: list[Lead | DomainError]) -> tuple[int, bytes, dict[str, str]]:
                lines = [o.id.hex if isinstance(o, Lead) else f"!{o}" for o in outcomes]
                return 200, "\n".join(lines).encode(), {}

            key = f"import:{digest}:{start // CHUNK}"
            answer, _ = await intake.submit_batch(principal, actor, key, digest.encode(), items, render)
            for offset, line in enumerate(answer.body.decode().split("\n")):
                report.append((start + offset + 2, line))
        return report

    report = run_with_database(target.url, work)
    failed = 0
    for row_number, line in report:
        if line.startswith("!"):
            failed += 1
            click.echo(f"row {row_number}: {line[1:]}")
        else:
            click.echo(f"row {row_number}: created lead {UUID(hex=line)}")
    click.echo(f"{len(report) - failed} lead(s) created, {failed} row(s) refused.", err=True)
    if failed:
        raise SystemExit(1)
