"""`make bench` in its smoke mode, end to end, so the harness cannot rot: its own PostgreSQL, the
API and the baseline under granian, the byte-for-byte check, every scenario under wrk, and the
report. Only the structure is asserted, never a timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHECKOUT = Path(__file__).resolve().parents[2]
SCENARIOS = {
    "talent-list",
    "talent-list-304",
    "events",
    "lead-read",
    "lead-submit",
    "lead-replay",
    "token",
    "mix",
}


def test_the_smoke_benchmark_runs_every_scenario_on_both_servers_without_errors(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--results", str(tmp_path)],
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, f"the benchmark failed:\n{done.stderr[-4000:]}"

    [report] = tmp_path.glob("*-smoke.json")
    results = json.loads(report.read_text())
    assert results["smoke"] is True
    assert results["volume"]["leads"] > 0
    [setup] = results["setups"]
    assert setup["differences"] == [], "the baseline must answer like the API"
    assert {s["key"] for s in setup["scenarios"]} == SCENARIOS
    for scenario in setup["scenarios"]:
        runs = scenario["runs"]
        assert {r["server"] for r in runs} == {"api", "baseline"}, scenario["key"]
        assert scenario["baseline_half_rate"]["server"] == "baseline"
        for run in [*runs, scenario["half_rate"], scenario["baseline_half_rate"]]:
            assert run["requests"] > 0, (scenario["key"], run["server"])
            assert run["errors"] == 0, (scenario["key"], run)
        assert scenario["peak_worker_rss"] > 0
        # one ratio per round, each of an API run and the baseline run next to it
        assert len(scenario["round_ratios"]) == len(runs) // 2 >= 1, scenario["key"]
        assert all(r > 0 for r in scenario["round_ratios"]), scenario["key"]

    [table] = tmp_path.glob("*-smoke.md")
    text = table.read_text()
    assert "| scenario | API req/s | baseline req/s | ratio (target)" in text
    for scenario in setup["scenarios"]:
        assert f"| {scenario['title']} |" in text
    assert "- cpu: " in text, "the machine is described"
    ratios_line = next(line for line in text.splitlines() if line.startswith("Ratio by round"))
    assert all(f"{key} " in ratios_line for key in SCENARIOS)
