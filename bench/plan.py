"""How long and how hard: the full run of `make bench` and the smoke run of `make test`."""

from __future__ import annotations

import os
from dataclasses import dataclass

from bench.volume import SMOKE_SIZES, Sizes


@dataclass(frozen=True, slots=True)
class ServerSetup:
    label: str
    workers: int
    server_cpus: set[int] | None  # None: not pinned
    other_cpus: set[int] | None  # wrk and PostgreSQL


@dataclass(frozen=True, slots=True)
class Plan:
    smoke: bool
    sizes: Sizes
    seconds: float  # one measured run
    warmup_s: float
    rounds: int  # API and baseline alternately, this many times each
    half_rate_s: float
    connections_per_worker: int
    setups: tuple[ServerSetup, ...]


def _setups(smoke: bool) -> tuple[ServerSetup, ...]:
    cores = sorted(os.sched_getaffinity(0))
    pinned = ServerSetup(
        "1 worker pinned to one core",
        1,
        {cores[0]},
        set(cores[1:]) or None,  # a one-core machine shares it
    )
    if smoke:
        return (pinned,)
    default = int(os.environ.get("BENCH_WORKERS") or os.environ.get("WORKERS") or "1")
    label = f"{default} worker{'s' if default > 1 else ''}, the server's default, not pinned"
    return (pinned, ServerSetup(label, default, None, None))


def make_plan(smoke: bool) -> Plan:
    connections = int(os.environ.get("BENCH_CONNECTIONS") or (8 if smoke else 16))  # per worker
    if smoke:
        return Plan(True, SMOKE_SIZES, 1.0, 1.0, 1, 1.0, connections, _setups(True))  # whole seconds
    # Four short rounds rather than two long ones: on a shared host a spell of noise lasts some
    # seconds and falls on one server's run; more alternations spread it over both.
    seconds = float(os.environ.get("BENCH_SECONDS", "4"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "4"))
    half_rate_s = float(os.environ.get("BENCH_HALF_RATE_SECONDS", "6"))
    return Plan(False, Sizes(), seconds, 2.0, rounds, half_rate_s, connections, _setups(False))
