"""`python -m bench.compare [SCENARIO ...] [--rounds N] [--seconds S] [--half N]`: a quick
side-by-side of the API and the baseline on a few scenarios, for trying a change (`make bench` is
the report).

The same data, servers and pinning as `make bench` (one worker on one core, wrk and PostgreSQL on
the other), API and baseline alternately, `--rounds` times each. Printed per scenario: the median
requests/s of each and their ratio, and the worker's CPU time per request (the figure that other
processes on the machine distort least). With `--half N`, each is then driven N times more at half
its own maximum rate, alternately, and every p99 is printed: one run's p99 (as `make bench`
reports it) moves a lot between runs on a shared host, for either server. Nothing is written to
bench/results/."""

from __future__ import annotations

import argparse
import dataclasses
import secrets
import statistics
import time

from bench import wrk
from bench.lua import script
from bench.measure import half_rate_load
from bench.pinned import pinned_servers
from bench.plan import make_plan
from bench.procstat import cpu_seconds, cpu_used
from bench.runner import say
from bench.scenarios import Scenario, scenarios
from bench.servers import Server


def _run(
    server: Server, scenario: Scenario, wrk_path: str, load: wrk.Load, delay_ms: int | None = None
) -> tuple[wrk.Result, float]:
    """wrk's result and the worker's CPU ms per request, over one run of `load`."""
    path = server.log.parent / f"{scenario.key}-{server.name}{'-half' if delay_ms else ''}.lua"
    path.write_text(script(scenario, delay_ms))
    worker = server.worker_pids()[-1]
    before, started = cpu_seconds([worker]), time.monotonic()
    result = wrk.run(wrk_path, server.base_url, path, load, f"c{secrets.token_hex(3)}")
    busy = cpu_used(before, cpu_seconds([worker])) / (time.monotonic() - started)
    if result.errors:
        say(f"  {server.name}: {result.errors} errors in {scenario.key}")
    return result, (1000 * busy / result.rate if result.rate else 0.0)


def _half_rates(
    sides: dict[str, tuple[Server, Scenario]],
    rate: dict[str, float],
    wrk_path: str,
    load: wrk.Load,
    times: int,
) -> str:
    """Each server `times` times at half its own maximum, alternately: every p99 in ms."""
    p99: dict[str, list[str]] = {name: [] for name in sides}
    for turn in range(times):
        for name in sorted(sides, reverse=turn % 2 == 1):
            server, _ = sides[name]
            half = half_rate_load(rate[name], server.workers, load.seconds, load.cpus)
            if half is not None:
                result, _ = _run(*sides[name], wrk_path, *half)
                p99[name].append(f"{result.p99_us / 1000:.1f}")
    return "; ".join(f"{name} {', '.join(values)}" for name, values in p99.items())


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    parser.add_argument("scenarios", nargs="*", help="scenario keys (default: all)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--half", type=int, default=0, help="runs at half rate after, each (default 0)")
    parser.add_argument("--smoke", action="store_true", help="the small volume")
    args = parser.parse_args()
    plan = make_plan(args.smoke)
    wrk_path = wrk.ensure_wrk()
    with pinned_servers(plan, args.seconds) as pinned:
        servers, load = pinned.servers, pinned.load
        warm = dataclasses.replace(load, seconds=2)
        pairs = zip(scenarios(pinned.fixture, "api"), scenarios(pinned.fixture, "baseline"), strict=True)
        for ours, theirs in pairs:
            if args.scenarios and ours.key not in args.scenarios:
                continue
            sides = {"api": (servers["api"], ours), "baseline": (servers["baseline"], theirs)}
            runs: dict[str, list[tuple[wrk.Result, float]]] = {name: [] for name in sides}
            for side in sides.values():
                _run(*side, wrk_path, warm)
            for _ in range(args.rounds):
                for name, side in sides.items():
                    runs[name].append(_run(*side, wrk_path, load))
            rate = {name: statistics.median(r.rate for r, _ in rs) for name, rs in runs.items()}
            cpu = {name: statistics.median(c for _, c in rs) for name, rs in runs.items()}
            by_round = ", ".join(
                f"{a.rate / b.rate:.2f}" for (a, _), (b, _) in zip(runs["api"], runs["baseline"], strict=True)
            )
            say(
                f"{ours.key:18} API {rate['api']:8,.0f}/s  baseline {rate['baseline']:8,.0f}/s  "
                f"ratio {rate['api'] / rate['baseline']:.2f}  CPU ms/request "
                f"{cpu['api']:.3f} / {cpu['baseline']:.3f}  (ratios by round: {by_round})"
            )
            if args.half:
                say(f"{'':18} p99 ms at half rate: {_half_rates(sides, rate, wrk_path, load, args.half)}")


if __name__ == "__main__":
    main()
