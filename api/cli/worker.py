"""`hkte worker`: the webhook delivery worker. Run one or more beside the API, on any machine
that reaches the database; SIGTERM or Ctrl-C lets deliveries in flight finish, then exits."""

from __future__ import annotations

import asyncio
import signal

import click

from adapters.crypto import ServerKeys
from adapters.db.database import Database, PoolSettings
from adapters.webhooks.sender import Timeouts, WebhookSender
from adapters.webhooks.targets import NetworkGuard
from adapters.webhooks.worker import DeliveryWorker, WorkerSettings
from api.cli.common import database_target, load_settings, require_server_secret
from api.logs import configure_logging
from api.settings import Settings


def delivery_worker(settings: Settings, database: Database, url: str, keys: ServerKeys) -> DeliveryWorker:
    timeouts = Timeouts(settings.webhook_connect_timeout_seconds, settings.webhook_read_timeout_seconds)
    sender = WebhookSender(NetworkGuard(settings.webhook_networks), timeouts, settings.webhook_concurrency)
    worker_settings = WorkerSettings(
        base_url=settings.base_url,
        concurrency=settings.webhook_concurrency,
        poll_s=settings.webhook_poll_seconds,
        retry=settings.retry_policy,
        retention_days=settings.webhook_retention_days,
    )
    return DeliveryWorker(database, url, keys, sender, worker_settings)


async def run_worker(settings: Settings, url: str, keys: ServerKeys) -> None:
    pool = PoolSettings(
        size=2,
        max_overflow=2,
        acquire_timeout_s=settings.db_pool_timeout_seconds,
        connect_timeout_s=settings.db_connect_timeout_seconds,
        statement_timeout_ms=settings.db_statement_timeout_ms,
        application_name="hkte-worker",
    )
    database = Database.connect(url, pool)
    worker = delivery_worker(settings, database, url, keys)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await worker.run(stop)
    finally:
        await worker.sender.close()
        await database.dispose()


@click.command("worker")
def worker_command() -> None:
    """Deliver webhooks until stopped. Without DATABASE_URL it uses the local PostgreSQL."""
    settings = load_settings()
    configure_logging(settings.log_level)
    target = database_target(settings)
    keys = ServerKeys.derive(require_server_secret(target))
    try:
        asyncio.run(run_worker(settings, target.url, keys))
    finally:
        if target.cluster is not None and target.started_here:
            target.cluster.stop()
