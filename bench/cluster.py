"""The benchmark's own PostgreSQL: durable (fsync on, as in production), in a folder of the run,
with pg_stat_statements loaded so each scenario's statements per request can be counted."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

import asyncpg

from adapters.localpg import LocalCluster
from bench.procstat import descendants


async def _execute(url: str, statement: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def start_cluster(root: Path) -> LocalCluster:
    """A new durable cluster in `root` with pg_stat_statements (one restart to preload it)."""
    cluster = LocalCluster(root, durable=True)
    cluster.ensure_started()
    # ALTER SYSTEM writes postgresql.auto.conf: LocalCluster's own configuration stays as it is
    asyncio.run(_execute(cluster.url(), "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"))
    cluster.stop()
    cluster.ensure_started()
    asyncio.run(_execute(cluster.url(), "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
    return cluster


def postmaster_pid(cluster: LocalCluster) -> int:
    return int((cluster.pgdata / "postmaster.pid").read_text().split()[0])


def pin_cluster(cluster: LocalCluster, cpus: set[int] | None) -> None:
    """Keep PostgreSQL off the API's core (None: every core): its processes now, and the backends
    forked later for the servers' connections (they inherit the postmaster's affinity)."""
    allowed = cpus or os.sched_getaffinity(0)
    for pid in descendants(postmaster_pid(cluster)):
        with contextlib.suppress(ProcessLookupError):
            os.sched_setaffinity(pid, allowed)
