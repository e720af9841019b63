"""The pinned setup of the side-by-side tools (`bench.profile`, `bench.compare`): a local
PostgreSQL with the benchmark's volume, the servers started (one worker pinned to one core, as
in `make bench`), tokens and fixtures prepared; everything stopped and removed afterwards."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from adapters.db.migrate import upgrade
from bench import wrk
from bench.cluster import pin_cluster, start_cluster
from bench.plan import Plan
from bench.prepare import prepare
from bench.runner import make_servers
from bench.scenarios import Fixture
from bench.servers import Server
from bench.volume import load_volume


@dataclass(frozen=True, slots=True)
class Pinned:
    servers: dict[str, Server]  # "api", and "baseline" unless left out
    fixture: Fixture
    load: wrk.Load  # the plan's connections, wrk on the cores the servers are not on


@contextmanager
def pinned_servers(plan: Plan, seconds: float, *, baseline: bool = True) -> Iterator[Pinned]:
    setup = plan.setups[0]
    workdir = Path(tempfile.mkdtemp(prefix="hkte-pinned-"))
    os.chmod(workdir, 0o711)  # noqa: S103 (PostgreSQL runs as another account when we are root)
    cluster = start_cluster(workdir / "pg")
    try:
        db_url = cluster.url()
        upgrade(db_url)
        secret = secrets.token_urlsafe(32)
        volume = asyncio.run(load_volume(db_url, secret, plan.sizes))
        pin_cluster(cluster, setup.other_cpus)
        servers = make_servers(setup, db_url, secret, workdir)
        if not baseline:
            del servers["baseline"]
        for server in servers.values():
            server.start()
        try:
            connections = plan.connections_per_worker * setup.workers
            urls = {name: server.base_url for name, server in servers.items()}
            fixture = prepare(servers["api"].base_url, volume, urls, connections)
            yield Pinned(servers, fixture, wrk.Load(connections, seconds, cpus=setup.other_cpus))
        finally:
            for server in servers.values():
                server.stop()
    finally:
        cluster.destroy()
        shutil.rmtree(workdir, ignore_errors=True)
