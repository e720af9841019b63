"""`hkte partners`, `hkte clients` and `hkte keys`: admin work from the command line.

They work before any admin client exists (bootstrap), straight on the database; each change
is audited with the operator as actor (`cli:<user>`)."""

from __future__ import annotations

import getpass
import json
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeVar
from uuid import UUID

import click

from adapters.crypto import ServerKeys
from adapters.db.admin_queries import list_clients, list_partners
from adapters.db.admin_uow import client_administration
from adapters.db.clients import SqlClientRepository
from adapters.db.database import Database
from adapters.oauth.keys import rotate_signing_key
from api.cli.common import database_target, load_settings, require_server_secret, run_with_database
from api.routes.admin import client_out, partner_out
from domain.audit import Actor, AuditEntry
from domain.client_admin import ClientAdministration, IssuedSecret
from domain.clients import AuthMethod
from domain.errors import DomainError
from domain.i18n import LocalizedText
from domain.partners import PartnerType
from domain.scopes import Scope, parse_scopes

T = TypeVar("T")


def _operator() -> Actor:
    return Actor.operator(getpass.getuser())


def _run(work: Callable[[Database, ServerKeys], Awaitable[T]]) -> T:
    target = database_target(load_settings())
    keys = ServerKeys.derive(require_server_secret(target))
    try:
        return run_with_database(target.url, lambda db: work(db, keys))
    except DomainError as exc:
        raise click.ClickException(str(exc)) from exc


def _admin(db: Database, keys: ServerKeys) -> ClientAdministration:
    return client_administration(db, keys.secret_pepper)


def _echo_json(value: Any) -> None:
    import msgspec

    click.echo(json.dumps(json.loads(msgspec.json.encode(value)), indent=2, ensure_ascii=False))


@click.group("partners")
def partners_group() -> None:
    """Partner organisations."""


@partners_group.command("create")
@click.option("--name", required=True, help="English name.")
@click.option("--name-zh-hant", default="", help="Traditional Chinese name.")
@click.option("--name-zh-hans", default="", help="Simplified Chinese name.")
@click.option("--type", "type_", required=True, type=click.Choice([t.value for t in PartnerType]))
@click.option("--country", default=None, help="ISO 3166-1 alpha-2, e.g. GB.")
@click.option("--code", default=None, help="Stable code (default: derived from the name).")
@click.option("--json", "as_json", is_flag=True, help="Print the partner as JSON.")
def partners_create(
    name: str,
    name_zh_hant: str,
    name_zh_hans: str,
    type_: str,
    country: str | None,
    code: str | None,
    as_json: bool,
) -> None:
    """Register a partner."""
    import re
    import secrets

    if not name.strip():  # the domain holds no blank English name
        raise click.BadParameter("give the English name, not only white space", param_hint="--name")

    slug = code or (
        re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50] or "partner"
    ) + "-" + secrets.token_hex(2)

    async def work(db: Database, keys: ServerKeys) -> Any:
        return await _admin(db, keys).create_partner(
            _operator(),
            code=slug,
            name=LocalizedText(name, name_zh_hant, name_zh_hans),
            type=PartnerType(type_),
            country=country.upper() if country else None,
        )

    partner = _run(work)
    if as_json:
        _echo_json(partner_out(partner))
    else:
        click.echo(f"{partner.id}  {partner.code}  {partner.name.en}")


@partners_group.command("list")
@click.option("--json", "as_json", is_flag=True)
def partners_list(as_json: bool) -> None:
    """List partners (newest first)."""

    async def work(db: Database, keys: ServerKeys) -> Any:
        async with db.session() as session:
            return await list_partners(session, type=None, status=None, before=None, limit=1000)

    partners = _run(work)
    if as_json:
        _echo_json([partner_out(p) for p in partners])
        return
    for p in partners:
        click.echo(f"{p.id}  {p.type.value:<16} {p.status.value:<9} {p.code:<24} {p.name.en}")


@click.group("clients")
def clients_group() -> None:
    """OAuth clients."""


def _print_secret(issued: IssuedSecret | Any, as_json: bool) -> None:
    client = issued.client if isinstance(issued, IssuedSecret) else issued
    secret = issued.secret if isinstance(issued, IssuedSecret) else None
    if as_json:
        click.echo(
            json.dumps(
                {
                    "client_id": client.client_id,
                    "client_secret": secret,
                    "scopes": sorted(s.value for s in client.scopes),
                },
                indent=2,
            )
        )
    else:
        click.echo(f"client_id:     {client.client_id}")
        if secret:
            click.echo(f"client_secret: {secret}   (shown once: store it now)")


@clients_group.command("create")
@click.option("--partner", "partner_id", required=True, type=click.UUID)
@click.option("--name", required=True)
@click.option("--scope", "scopes", multiple=True, required=True, type=click.Choice([s.value for s in Scope]))
@click.option(
    "--auth-method",
    "methods",
    multiple=True,
    type=click.Choice([m.value for m in AuthMethod]),
    default=("client_secret_basic", "client_secret_post"),
    show_default=True,
)
@click.option("--json", "as_json", is_flag=True, help="Print client_id and client_secret as JSON.")
def clients_create(
    partner_id: UUID, name: str, scopes: tuple[str, ...], methods: tuple[str, ...], as_json: bool
) -> None:
    """Create an OAuth client for a partner; prints its secret once."""

    async def work(db: Database, keys: ServerKeys) -> Any:
        return await _admin(db, keys).create_client(
            _operator(),
            partner_id=partner_id,
            name=name,
            scopes=parse_scopes(scopes),
            auth_methods=frozenset(AuthMethod(m) for m in methods),
        )

    _print_secret(_run(work), as_json)


@clients_group.command("list")
@click.option("--partner", "partner_id", type=click.UUID, default=None)
@click.option("--json", "as_json", is_flag=True)
def clients_list(partner_id: UUID | None, as_json: bool) -> None:
    """List OAuth clients (never their secrets)."""

    async def work(db: Database, keys: ServerKeys) -> Any:
        async with db.session() as session:
            return await list_clients(session, partner_id=partner_id, status=None, before=None, limit=1000)

    clients = _run(work)
    if as_json:
        _echo_json([client_out(c) for c in clients])
        return
    for c in clients:
        click.echo(
            f"{c.client_id}  {c.status.value:<8} {c.name:<24} {' '.join(sorted(s.value for s in c.scopes))}"
        )


@clients_group.command("show")
@click.argument("client_id")
def clients_show(client_id: str) -> None:
    """Show one client as JSON."""

    async def work(db: Database, keys: ServerKeys) -> Any:
        async with db.session() as session:
            return await SqlClientRepository(session).get(client_id)

    client = _run(work)
    if client is None:
        raise click.ClickException(f"client {client_id} does not exist")
    _echo_json(client_out(client))


@clients_group.command("rotate-secret")
@click.argument("client_id")
@click.option(
    "--grace-hours",
    type=click.FloatRange(0, 720),
    default=24.0,
    show_default=True,
    help="How long the previous secret keeps working.",
)
@click.option("--json", "as_json", is_flag=True)
def clients_rotate(client_id: str, grace_hours: float, as_json: bool) -> None:
    """Issue a new secret (shown once); the old one works for the grace period."""

    async def work(db: Database, keys: ServerKeys) -> Any:
        return await _admin(db, keys).rotate_secret(_operator(), client_id, timedelta(hours=grace_hours))

    _print_secret(_run(work), as_json)


@clients_group.command("revoke")
@click.argument("client_id")
def clients_revoke(client_id: str) -> None:
    """Revoke a client (final); its tokens stop within AUTH_REFRESH_SECONDS on every process."""

    async def work(db: Database, keys: ServerKeys) -> Any:
        return await _admin(db, keys).revoke_client(_operator(), client_id)

    click.echo(f"{_run(work).client_id} revoked")


@click.group("keys")
def keys_group() -> None:
    """Token signing keys."""


@keys_group.command("rotate")
def keys_rotate() -> None:
    """Make a new signing key current; the previous stays published (JWKS) and valid for 24 h."""

    async def work(db: Database, keys: ServerKeys) -> str:
        from adapters.db.audit import SqlAuditLog

        async with db.session() as session, session.begin():
            kid = await rotate_signing_key(session, keys)
            await SqlAuditLog(session).record(
                AuditEntry("signing_key.rotated", "success", _operator(), "signing_key", kid)
            )
            return kid

    click.echo(f"new signing key {_run(work)}; API processes pick it up within AUTH_REFRESH_SECONDS")
