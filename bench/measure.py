"""One scenario against both servers: a warm-up each, then measured runs alternating API and
baseline (statements counted, CPU of each side read from /proc), then each alone at half its own
maximum rate: the API's p99 there is the latency target, the baseline's what the host gives."""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import statements, wrk
from bench.lua import script
from bench.plan import Plan, ServerSetup
from bench.procstat import MIB, MemorySampler, cpu_seconds, cpu_used, descendants
from bench.scenarios import Scenario
from bench.servers import Server

HALF_RATE_MIN_CONNECTIONS = 8


@dataclass(frozen=True, slots=True)
class Run:
    server: str
    result: wrk.Result
    sql: statements.PerRequest
    server_cpu: float  # cores busy in the server's processes
    postgres_cpu: float
    connections: int  # database sessions the server opened during the run


@dataclass
class Outcome:
    scenario: Scenario
    runs: list[Run] = field(default_factory=list)
    half: Run | None = None  # the API alone at half its maximum rate
    baseline_half: Run | None = None  # the baseline alone at half its own maximum rate
    peak_worker_rss: int = 0
    rss_growth: int = 0  # of the API's largest worker over the scenario

    def of(self, server: str) -> list[Run]:
        return [r for r in self.runs if r.server == server]

    def rate(self, server: str) -> float:
        runs = self.of(server)
        return sum(r.result.rate for r in runs) / len(runs) if runs else 0.0

    @property
    def ratio(self) -> float:
        baseline = self.rate("baseline")
        return self.rate("api") / baseline if baseline else 0.0

    def round_ratios(self) -> list[float]:
        """Each round's API rate over the baseline's run next to it (the spread the host gives)."""
        pairs = zip(self.of("api"), self.of("baseline"), strict=False)  # each in round order
        return [a.result.rate / b.result.rate for a, b in pairs if b.result.rate]

    def errors(self, server: str) -> int:
        half = self.half if server == "api" else self.baseline_half
        runs = self.of(server) + ([half] if half else [])
        return sum(r.result.errors for r in runs)


class Bench:
    def __init__(
        self, wrk_path: str, db_url: str, postmaster: int, workdir: Path, plan: Plan, setup: ServerSetup
    ) -> None:
        self.wrk = wrk_path
        self.db_url = db_url
        self.postmaster = postmaster
        self.workdir = workdir
        self.plan = plan
        self.setup = setup
        self.load = wrk.Load(plan.connections_per_worker * setup.workers, plan.seconds, cpus=setup.other_cpus)
        self._nonce = 0

    def _nonce_for(self, server: str) -> str:
        self._nonce += 1
        return f"{server[0]}{int(time.time())}x{self._nonce}"

    def _script(self, scenario: Scenario, server: str, delay_ms: int | None = None) -> Path:
        path = self.workdir / f"{scenario.key}-{server}{'-half' if delay_ms else ''}.lua"
        path.write_text(script(scenario, delay_ms))
        return path

    def _run(self, server: Server, scenario: Scenario, load: wrk.Load, delay_ms: int | None = None) -> Run:
        opened = asyncio.run(statements.reset(self.db_url))
        before = (cpu_seconds(descendants(server.pid)), cpu_seconds(descendants(self.postmaster)))
        started = time.monotonic()
        result = wrk.run(
            self.wrk,
            server.base_url,
            self._script(scenario, server.name, delay_ms),
            load,
            self._nonce_for(server.name),
        )
        wall = time.monotonic() - started
        used = (
            cpu_used(before[0], cpu_seconds(descendants(server.pid))),
            cpu_used(before[1], cpu_seconds(descendants(self.postmaster))),
        )
        opened = asyncio.run(statements.sessions(self.db_url)) - opened
        sql = statements.per_request(asyncio.run(statements.read(self.db_url)), result.requests)
        return Run(server.name, result, sql, used[0] / wall, used[1] / wall, opened)

    def scenario(self, pair: dict[str, tuple[Server, Scenario]], sampler: MemorySampler) -> Outcome:
        outcome = Outcome(pair["api"][1])
        warm = wrk.Load(self.load.connections, self.plan.warmup_s, cpus=self.load.cpus)
        for server, scenario in pair.values():
            self._run(server, scenario, warm)
        started = time.monotonic()
        for round_ in range(self.plan.rounds):
            order = ("api", "baseline") if round_ % 2 == 0 else ("baseline", "api")
            for name in order:
                server, scenario = pair[name]
                outcome.runs.append(self._run(server, scenario, self.load))
        outcome.half = self._half_rate(*pair["api"], outcome.rate("api"))
        outcome.baseline_half = self._half_rate(*pair["baseline"], outcome.rate("baseline"))
        memory = sampler.series["api"].between(started, time.monotonic())
        if memory:
            outcome.peak_worker_rss = max(s[2] for s in memory)
            outcome.rss_growth = memory[-1][2] - memory[0][2]
        return outcome

    def _half_rate(self, server: Server, scenario: Scenario, maximum: float) -> Run | None:
        """A run at half `maximum` (none when nothing was served)."""
        half = half_rate_load(maximum, self.setup.workers, self.plan.half_rate_s, self.load.cpus)
        return None if half is None else self._run(server, scenario, *half)


def half_rate_load(
    maximum: float, workers: int, seconds: float, cpus: set[int] | None
) -> tuple[wrk.Load, int] | None:
    """The load and the per-connection delay (ms) that drive a server at half `maximum` req/s
    (None when nothing was served). wrk has no rate option: each connection waits `delay`
    between requests, and there are as many connections as it takes to reach the target (at
    least a few, to smooth rounding)."""
    target = maximum / 2
    if target <= 0:
        return None
    delay_ms = max(10, math.ceil(HALF_RATE_MIN_CONNECTIONS / target * 1000))
    cycle_s = delay_ms / 1000 + workers / maximum
    connections = max(1, round(target * cycle_s))
    return wrk.Load(connections, seconds, cpus=cpus), delay_ms


def mib(value: int) -> float:
    return value / MIB
