"""The results as a Markdown table (printed and written to bench/results/) and as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from bench.check import Difference
from bench.measure import Outcome, Run, mib
from bench.plan import Plan, ServerSetup

MAX_RSS_MIB = 150


@dataclass
class SetupResult:
    setup: ServerSetup
    outcomes: list[Outcome]
    differences: list[Difference]
    rss_start: int  # API, largest worker, once ready
    rss_end: int
    rss_peak: int
    baseline_rss_peak: int


@dataclass
class Report:
    plan: Plan
    machine: dict[str, str]
    started: str
    seconds: float = 0.0
    setups: list[SetupResult] = field(default_factory=list)
    volume: dict[str, int] = field(default_factory=dict)


def _ms(us: float) -> str:
    return f"{us / 1000:.1f}"


def _p(runs: list[Run]) -> str:
    if not runs:
        return "-"
    p50 = sorted(r.result.p50_us for r in runs)[len(runs) // 2]
    p99 = max(r.result.p99_us for r in runs)
    return f"{_ms(p50)} / {_ms(p99)}"


def _sql(runs: list[Run]) -> str:
    if not runs:
        return "-"
    last = runs[-1].sql
    return f"{last.statements:.2f} (+{last.transaction_control:.2f})"


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _judged(text: str, ok: bool, smoke: bool) -> str:
    return text if smoke else f"{text} {_mark(ok)}"


def _cpu(api: list[Run], baseline: list[Run]) -> str:
    def mean(values: list[float]) -> float:
        return 100 * sum(values) / max(len(values), 1)

    return (
        f"{mean([r.server_cpu for r in api]):.0f} / {mean([r.server_cpu for r in baseline]):.0f} "
        f"/ {mean([r.postgres_cpu for r in api]):.0f}"
    )


def _opened(runs: list[Run]) -> str:
    """Per 1,000 requests, over the measured runs."""
    requests = sum(r.result.requests for r in runs)
    return f"{1000 * sum(r.connections for r in runs) / requests:.1f}" if requests else "-"


def cpu_per_request(runs: list[Run]) -> float:
    """Milliseconds of the server's CPU per request: unlike req/s, not lowered when other processes
    take part of the core."""
    seconds = sum(r.server_cpu * r.result.duration_us / 1e6 for r in runs)
    requests = sum(r.result.requests for r in runs)
    return 1000 * seconds / requests if requests else 0.0


def _row(o: Outcome, smoke: bool) -> str:
    api, baseline = o.of("api"), o.of("baseline")
    t = o.scenario.targets
    ratio = _judged(f"{o.ratio:.2f} (≥ {t.min_ratio:.2f})", o.ratio >= t.min_ratio, smoke)
    half = "-"
    if o.half is not None:
        p99 = o.half.result.p99_us / 1000
        text = f"{p99:.1f} @ {o.half.result.rate:,.0f}/s (≤ {t.max_p99_half_ms:g})"
        half = _judged(text, p99 <= t.max_p99_half_ms, smoke)
    baseline_half = "-"
    if o.baseline_half is not None:
        baseline_half = f"{o.baseline_half.result.p99_us / 1000:.1f} @ {o.baseline_half.result.rate:,.0f}/s"
    same = bool(api and baseline and api[-1].sql.work == baseline[-1].sql.work)
    cells = [
        o.scenario.title,
        f"{o.rate('api'):,.0f}",
        f"{o.rate('baseline'):,.0f}",
        ratio,
        _p(api),
        _p(baseline),
        half,
        baseline_half,
        f"{o.errors('api')} / {o.errors('baseline')}",
        _sql(api),
        _sql(baseline),
        "yes" if same else "no",
        _cpu(api, baseline),
        f"{cpu_per_request(api):.2f} / {cpu_per_request(baseline):.2f}",
        f"{_opened(api)} / {_opened(baseline)}",
        f"{mib(o.peak_worker_rss):.0f}",
        f"{mib(o.rss_growth):+.1f}",
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| scenario | API req/s | baseline req/s | ratio (target) | API p50 / p99 ms | baseline p50 / p99 ms "
    "| API p99 ms at ½ max (target) | baseline p99 ms at ½ its max | errors API / baseline "
    "| SQL per request API (+BEGIN/COMMIT) | SQL per request baseline | same SQL "
    "| CPU % API / baseline / PostgreSQL (API runs) "
    "| CPU ms per request API / baseline | DB connections opened per 1,000 requests API / baseline "
    "| API peak RSS MiB per worker | RSS growth MiB |\n"
    "|---|---:|---:|---|---|---|---|---|---|---|---|---|---|---|---|---:|---:|"
)


def markdown(report: Report) -> str:
    plan = report.plan
    lines = [
        f"# Benchmark {report.started}{' (smoke: no targets apply)' if plan.smoke else ''}",
        "",
        f"Volume: {report.volume}. Load: wrk on loopback, {plan.rounds} run(s) of {plan.seconds:g} s "
        f"per server and scenario, API and baseline alternately, after a {plan.warmup_s:g} s warm-up "
        f"each; then each server alone for {plan.half_rate_s:g} s at half its own maximum rate "
        "(the API's p99 there against its target; the baseline's shows what the host gives). "
        f"Whole run: {report.seconds / 60:.1f} min.",
        "",
    ]
    for s in report.setups:
        cpus = s.setup.server_cpus
        where = f"server on CPU {','.join(map(str, sorted(cpus)))}" if cpus else "no pinning"
        lines += [
            f"## {s.setup.label} ({s.setup.workers} worker(s), {where})",
            "",
            HEADER,
            *(_row(o, plan.smoke) for o in s.outcomes),
            "",
            f"API largest worker RSS: {mib(s.rss_start):.0f} MiB when ready, {mib(s.rss_peak):.0f} MiB "
            f"at peak, {mib(s.rss_end):.0f} MiB at the end (growth over the run "
            f"{mib(s.rss_end - s.rss_start):+.1f} MiB; target ≤ {MAX_RSS_MIB} MiB and flat). "
            f"Baseline peak: {mib(s.baseline_rss_peak):.0f} MiB.",
            "",
            "Ratio by round (each API run over the baseline run next to it): "
            + "; ".join(
                f"{o.scenario.key} {', '.join(f'{r:.2f}' for r in o.round_ratios())}" for o in s.outcomes
            )
            + ".",
            "",
        ]
        if s.differences:
            lines += [
                "**The baseline did not answer like the API** (ratios are not comparable where it differs):",
                "",
            ]
            lines += [f"- {d.scenario}: {d.what}" for d in s.differences]
        else:
            lines.append(
                "Check: the baseline answered every scenario with the API's status, headers and bytes."
            )
        lines.append("")
        lines += _statements(s)
    lines += ["## Machine", "", *(f"- {k}: {v}" for k, v in report.machine.items()), ""]
    return "\n".join(lines)


def _statements(s: SetupResult) -> list[str]:
    lines = ["<details><summary>Statements per request (API, last run)</summary>", ""]
    for o in s.outcomes:
        api = o.of("api")
        if not api:
            continue
        lines.append(f"- {o.scenario.title}:")
        lines += [f"  - {n:.2f} × `{q[:160]}{'…' if len(q) > 160 else ''}`" for n, q in api[-1].sql.top]
    return [*lines, "", "</details>", ""]


def as_json(report: Report) -> bytes:
    def run(r: Run) -> dict[str, Any]:
        return {
            "server": r.server,
            "rate": r.result.rate,
            **msgspec.structs.asdict(r.result),
            "errors": r.result.errors,
            "statements": r.sql.statements,
            "transaction_control": r.sql.transaction_control,
            "top_statements": [list(t) for t in r.sql.top],
            "server_cpu": r.server_cpu,
            "postgres_cpu": r.postgres_cpu,
            "connections_opened": r.connections,
        }

    return msgspec.json.format(
        msgspec.json.encode(
            {
                "started": report.started,
                "smoke": report.plan.smoke,
                "machine": report.machine,
                "volume": report.volume,
                "setups": [
                    {
                        "label": s.setup.label,
                        "workers": s.setup.workers,
                        "differences": [f"{d.scenario}: {d.what}" for d in s.differences],
                        "rss": {"start": s.rss_start, "peak": s.rss_peak, "end": s.rss_end},
                        "scenarios": [
                            {
                                "key": o.scenario.key,
                                "title": o.scenario.title,
                                "ratio": o.ratio,
                                "round_ratios": o.round_ratios(),
                                "runs": [run(r) for r in o.runs],
                                "half_rate": run(o.half) if o.half else None,
                                "baseline_half_rate": run(o.baseline_half) if o.baseline_half else None,
                                "peak_worker_rss": o.peak_worker_rss,
                                "rss_growth": o.rss_growth,
                            }
                            for o in s.outcomes
                        ],
                    }
                    for s in report.setups
                ],
            }
        ),
        indent=1,
    )


def write(report: Report, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = report.started.replace(":", "").replace("-", "").replace(" ", "-")
    stem += "-smoke" if report.plan.smoke else ""
    (folder / f"{stem}.json").write_bytes(as_json(report))
    path = folder / f"{stem}.md"
    path.write_text(markdown(report))
    return path
