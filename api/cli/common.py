"""What every `hkte` command shares: settings, and the database it talks to."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import click

from adapters.db.database import Database
from adapters.localpg import LocalCluster, LocalClusterError, project_cluster
from api.settings import Settings, SettingsError

T = TypeVar("T")


def load_settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


@dataclass(frozen=True, slots=True)
class DatabaseTarget:
    url: str
    cluster: LocalCluster | None  # the local cluster, when DATABASE_URL is not set
    started_here: bool
    server_secret: str | None = None


def _local_server_secret(cluster: LocalCluster) -> str:
    """The local cluster's server secret: made once, kept beside its data (mode 0600)."""
    path = cluster.root / "server-secret"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        secret = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secret)
        return secret


def local_cluster(settings: Settings) -> LocalCluster:
    try:
        return project_cluster(settings.hkte_data_dir)
    except (LocalClusterError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc


def database_target(settings: Settings, *, quiet: bool = False) -> DatabaseTarget:
    """DATABASE_URL when set; otherwise the local cluster, started if it is not running."""
    if settings.database_url:
        return DatabaseTarget(settings.database_url, None, False, settings.hkte_server_secret)
    cluster = local_cluster(settings)
    try:
        started = cluster.ensure_started()
    except LocalClusterError as exc:
        raise click.ClickException(f"local PostgreSQL did not start: {exc} (log: {cluster.logfile})") from exc
    if started and not quiet:
        click.echo(f"Started local PostgreSQL: {cluster.describe()}", err=True)
    return DatabaseTarget(
        cluster.url(), cluster, started, settings.hkte_server_secret or _local_server_secret(cluster)
    )


def require_server_secret(target: DatabaseTarget) -> str:
    if not target.server_secret:
        raise click.ClickException(
            "HKTE_SERVER_SECRET is not set (it protects client secrets and signing keys)"
        )
    return target.server_secret


def run_with_database(url: str, work: Callable[[Database], Awaitable[T]]) -> T:
    async def main() -> T:
        database = Database.connect(url)
        try:
            return await work(database)
        finally:
            await database.dispose()

    return asyncio.run(main())
