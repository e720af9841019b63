"""The whole benchmark: its own PostgreSQL and data, then for each server setup the API and the
baseline side by side, the check, and every scenario; the report at the end."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from adapters.db.migrate import upgrade
from bench.check import check
from bench.cluster import pin_cluster, postmaster_pid, start_cluster
from bench.machine import describe, load_average
from bench.measure import Bench, Outcome
from bench.plan import Plan, ServerSetup
from bench.prepare import prepare
from bench.procstat import MemorySampler
from bench.report import Report, SetupResult, markdown, write
from bench.scenarios import scenarios
from bench.servers import API_APP, BASELINE_APP, Server
from bench.volume import Volume, load_volume
from bench.wrk import ensure_wrk


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_servers(setup: ServerSetup, db_url: str, secret: str, workdir: Path) -> dict[str, Server]:
    ports = {"api": _free_port(), "baseline": _free_port()}
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("HKTE_DATA_DIR", "HOST", "PORT", "WORKERS")},
        "DATABASE_URL": db_url,
        "HKTE_SERVER_SECRET": secret,
        # one issuer for both, so each verifies the other's tokens and writes the same URLs
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{ports['api']}",
        # throughput, not quotas, is measured: limits far above it (the quota code still runs,
        # taking a share from the database once per ten million requests)
        "RATE_LIMIT_STANDARD_PER_MINUTE": "100000000",
        "RATE_LIMIT_ELEVATED_PER_MINUTE": "100000000",
        "RATE_LIMIT_BULK_PER_MINUTE": "100000000",
        "TOKEN_RATE_LIMIT_PER_CLIENT_PER_MINUTE": "100000000",
        "TOKEN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "100000000",
    }
    return {
        name: Server(
            name,
            API_APP if name == "api" else BASELINE_APP,
            port,
            setup.workers,
            setup.server_cpus,
            env,
            workdir / f"{name}.log",
        )
        for name, port in ports.items()
    }


def _setup(
    plan: Plan,
    setup: ServerSetup,
    wrk_path: str,
    db_url: str,
    postmaster: int,
    volume: Volume,
    secret: str,
    workdir: Path,
) -> SetupResult:
    servers = make_servers(setup, db_url, secret, workdir)
    try:
        for server in servers.values():
            server.start()
        api, baseline = servers["api"], servers["baseline"]
        connections = plan.connections_per_worker * setup.workers
        fixture = prepare(api.base_url, volume, {n: s.base_url for n, s in servers.items()}, connections)
        differences = check(
            api.base_url,
            baseline.base_url,
            scenarios(fixture, "api"),
            scenarios(fixture, "baseline"),
            secrets.token_hex(3),
        )
        for difference in differences:
            say(f"  DIFFERENT {difference.scenario}: {difference.what}")
        bench = Bench(wrk_path, db_url, postmaster, workdir, plan, setup)
        outcomes: list[Outcome] = []
        with MemorySampler({"api": api.pid, "baseline": baseline.pid}) as sampler:
            for ours, theirs in zip(scenarios(fixture, "api"), scenarios(fixture, "baseline"), strict=True):
                outcome = bench.scenario({"api": (api, ours), "baseline": (baseline, theirs)}, sampler)
                rates = f"API {outcome.rate('api'):,.0f}/s, baseline {outcome.rate('baseline'):,.0f}/s"
                errors = f"{outcome.errors('api')}/{outcome.errors('baseline')}"
                say(f"  {ours.title}: {rates}, ratio {outcome.ratio:.2f}, errors {errors}")
                outcomes.append(outcome)
        series, theirs_series = sampler.series["api"].samples, sampler.series["baseline"]
        return SetupResult(
            setup,
            outcomes,
            differences,
            rss_start=series[0][2],
            rss_end=series[-1][2],
            rss_peak=max(s[2] for s in series),
            baseline_rss_peak=theirs_series.peak_worker(),
        )
    finally:
        for server in servers.values():
            server.stop()


def run(plan: Plan, results: Path, keep: bool = False) -> Path:
    started = time.monotonic()
    wrk_path = ensure_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="hkte-bench-"))
    os.chmod(workdir, 0o711)  # noqa: S103 (PostgreSQL runs as another account when we are root)
    say(f"Benchmark data and logs in {workdir}")
    cluster = start_cluster(workdir / "pg")
    try:
        db_url = cluster.url()
        upgrade(db_url)
        secret = secrets.token_urlsafe(32)
        say(f"Loading {plan.sizes} ...")
        volume = asyncio.run(load_volume(db_url, secret, plan.sizes))
        report = Report(plan, describe(db_url, wrk_path), datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ"))
        report.volume = {
            "partners": plan.sizes.partners,
            "clients": plan.sizes.clients,
            "events": plan.sizes.events,
            "leads": plan.sizes.leads,
        }
        for setup in plan.setups:
            say(f"{setup.label}:")
            pin_cluster(cluster, setup.other_cpus)
            report.setups.append(
                _setup(plan, setup, wrk_path, db_url, postmaster_pid(cluster), volume, secret, workdir)
            )
        report.seconds = time.monotonic() - started
        report.machine["load average at the end"] = load_average()
        path = write(report, results)
        print(markdown(report))
        say(f"Written to {path}")
        return path
    finally:
        if keep:
            cluster.stop()
            say(f"Kept {workdir}")
        else:
            cluster.destroy()
            shutil.rmtree(workdir, ignore_errors=True)
