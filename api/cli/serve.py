"""`hkte serve` and `hkte run`: the API under granian, with the local PostgreSQL when needed;
`hkte run` also runs the webhook worker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from types import FrameType

import click

from adapters.crypto import ServerKeys
from adapters.db.database import Database
from adapters.db.migrate import upgrade
from adapters.seed.loader import seed_sample_events
from api.cli.common import (
    DatabaseTarget,
    database_target,
    load_settings,
    require_server_secret,
    run_with_database,
)
from api.cli.db import _seed
from api.cli.demo import ensure_demo_client

READY_TIMEOUT_S = 60.0
LOOPBACK_NETWORKS = "127.0.0.0/8,::1/128"
HEADER_BLOCK_BYTES = 65536


def granian_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "granian",
        "api.app:create_app",
        "--factory",
        "--interface",
        "asgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-ws",
        "--log-level",
        "warning",
        "--workers-kill-timeout",
        "30",
        # the request line and headers of one request fit in 64 KiB (default ~400 KiB): larger
        # ones are answered 431 by granian itself, as are more than 100 header fields
        "--http1-buffer-size",
        str(HEADER_BLOCK_BYTES),
        "--http2-max-headers-size",
        str(HEADER_BLOCK_BYTES),
    ]


def _probe_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "", "::") else host  # noqa: S104 (comparison only)


def _wait_until_ready(proc: subprocess.Popen[bytes], url: str) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (our own loopback URL)
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def ensure_port_free(host: str, port: int) -> None:
    """Refuse a taken address before starting anything. Granian binds with SO_REUSEPORT, so a
    second server on the same port would otherwise start and silently share the traffic."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise click.ClickException(
                f"{host}:{port} is already in use (another `make run`?); choose another with PORT=..."
            ) from exc


WORKER_COMMAND = [sys.executable, "-c", "from api.cli.main import main; main()", "worker"]


def serve(
    target: DatabaseTarget, host: str, port: int, workers: int, banner: str = "", *, with_worker: bool = False
) -> int:
    """Run granian (and the webhook worker, if asked) until it exits or we are told to stop;
    then stop what we started."""
    env = {
        **os.environ,
        "DATABASE_URL": target.url,
        "HOST": host,
        "PORT": str(port),
        "HKTE_SERVER_SECRET": require_server_secret(target),
    }
    # Their own process groups: a Ctrl-C reaches them once, through us, so shutdown is ordered.
    proc = subprocess.Popen(granian_command(host, port, workers), env=env, start_new_session=True)
    helpers = [subprocess.Popen(WORKER_COMMAND, env=env, start_new_session=True)] if with_worker else []
    stopping = False

    def forward(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for child in (proc, *helpers):
            if child.poll() is None:
                child.send_signal(signal.SIGINT if signum == signal.SIGINT else signal.SIGTERM)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        base = f"http://{_probe_host(host)}:{port}"
        if _wait_until_ready(proc, f"{base}/health/ready"):
            click.echo(banner.format(base=f"http://{host}:{port}") if banner else f"Serving on {base}")
        code = proc.wait()
    finally:
        for child in (proc, *helpers):
            if child.poll() is None:
                child.terminate()
        for child in (proc, *helpers):
            child.wait(timeout=40)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if target.cluster is not None and target.started_here:
            target.cluster.stop()
            click.echo("Local PostgreSQL stopped.", err=True)
    return 0 if stopping else code


@click.command("serve")
@click.option("--host", default=None, help="Address to bind (HOST; default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port to bind (PORT; default 8000).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (WORKERS).")
def serve_command(host: str | None, port: int | None, workers: int | None) -> None:
    """Run the API with granian. Without DATABASE_URL it uses the local PostgreSQL."""
    settings = load_settings()
    ensure_port_free(host or settings.host, port or settings.port)
    target = database_target(settings)
    sys.exit(serve(target, host or settings.host, port or settings.port, workers or settings.workers))


RUN_BANNER = """
HKTE Partner API is ready.
  Base URL:   {base}
  Health:     {base}/health/ready
  OpenAPI:    {base}/openapi.json
  Discovery:  {base}/.well-known/oauth-authorization-server
  Webhooks:   delivered by a worker beside the server (loopback receivers allowed locally)
{demo}Press Ctrl-C to stop (the local PostgreSQL stops with it; its data is kept).
"""

DEMO_BANNER = """
Demo client (every partner scope), kept in {store}:
  client_id:     {client_id}
  client_secret: {client_secret}
Get a token:
  curl -s -u '{client_id}:{client_secret}' -d grant_type=client_credentials {{base}}/oauth/token

"""


async def _sample_events(database: Database) -> int:
    async with database.session() as session, session.begin():
        return await seed_sample_events(session, datetime.now(UTC).date())


@click.command("run")
@click.option("--host", default=None, help="Address to bind (HOST; default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port to bind (PORT; default 8000).")
def run_command(host: str | None, port: int | None) -> None:
    """What `make run` does: local PostgreSQL, migrations, reference data, then serve."""
    settings = load_settings()
    ensure_port_free(host or settings.host, port or settings.port)
    target = database_target(settings)
    if target.cluster is not None:
        click.echo(f"Data lives in {target.cluster.root}", err=True)
    try:
        upgrade(target.url)
        click.echo(f"Reference data: {run_with_database(target.url, _seed)}", err=True)
        demo = ""
        if target.cluster is not None:
            store = target.cluster.root / "demo-client.json"
            keys = ServerKeys.derive(require_server_secret(target))
            client_id, secret = run_with_database(target.url, lambda db: ensure_demo_client(db, keys, store))
            demo = DEMO_BANNER.format(store=store, client_id=client_id, client_secret=secret)
            samples = run_with_database(target.url, _sample_events)
            if samples:
                click.echo(f"Sample events for local development: {samples} inserted", err=True)
    except BaseException:
        if target.cluster is not None and target.started_here:
            target.cluster.stop()
        raise
    banner = RUN_BANNER.replace("{demo}", demo.replace("{{base}}", "{base}"))
    if target.cluster is not None and not settings.webhook_allow_networks:
        # a local receiver (e.g. on localhost) is what someone trying webhooks locally runs
        os.environ["WEBHOOK_ALLOW_NETWORKS"] = LOOPBACK_NETWORKS
    sys.exit(
        serve(
            target, host or settings.host, port or settings.port, settings.workers, banner, with_worker=True
        )
    )
