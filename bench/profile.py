"""`python -m bench.profile [SCENARIO ...]`: where the API's worker spends its CPU under a scenario's
load, sampled by py-spy (`pip install py-spy`; not a dependency of the project).

The same data and servers as `make bench` (one worker pinned to one core); for each scenario wrk
drives the load while py-spy samples the worker without pausing it. Printed (and written to
bench/results/profile-<time>.md): the share of samples by library of the innermost frame (self
time), and the functions with the largest inclusive and self shares."""

from __future__ import annotations

import argparse
import dataclasses
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bench import wrk
from bench.lua import script
from bench.pinned import pinned_servers
from bench.plan import make_plan
from bench.procstat import cpu_seconds, cpu_used
from bench.runner import say
from bench.scenarios import Scenario, scenarios
from bench.servers import Server

FRAME = re.compile(r"^(?P<function>.*) \((?P<path>[^()]*?)(?::\d+)?\)$")
LAYERS = {
    "api": "ours: api",
    "adapters": "ours: adapters",
    "domain": "ours: domain",
    "litestar": "Litestar",
    "sqlalchemy": "SQLAlchemy",
    "asyncpg": "asyncpg",
    "joserfc": "JWT: joserfc",
    "cryptography": "JWT: cryptography",
    "authlib": "Authlib",
    "logging": "logging",
    "asyncio": "asyncio (loop, sockets)",
    "msgspec": "msgspec",
    "json": "json (stdlib)",
}
# frames every sample has (the server and the event loop): left out of the inclusive table
BOILERPLATE = (
    "granian/",
    "click/",
    "multiprocessing/",
    "<frozen",
    "asyncio/base_events.py",
    "asyncio/events.py",
)
RESULTS = Path(__file__).parent / "results"


def layer(path: str) -> str:
    """What a frame belongs to, from the path py-spy shows (relative to its import root)."""
    first = path.split("/", 1)[0].removesuffix(".py")
    return LAYERS.get(first, f"other: {first}")


def _frames(stack: str) -> list[tuple[str, str]]:
    found = []
    for frame in stack.split(";"):
        match = FRAME.match(frame.strip())
        if match:
            found.append((f"{match['function']} ({match['path']})", match["path"]))
    return found


def summarise(raw: str, top: int = 30) -> str:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    by_layer: Counter[str] = Counter()
    roots: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        frames = _frames(stack) if count.isdigit() else []
        if not frames:
            continue
        n = int(count)
        total += n
        for name in {name for name, path in frames if not path.startswith(BOILERPLATE)}:
            inclusive[name] += n
        own[frames[-1][0]] += n
        by_layer[layer(frames[-1][1])] += n
        outer = [name for name, path in frames if not path.startswith(BOILERPLATE)]
        roots[outer[0] if outer else frames[-1][0]] += n
    if not total:
        return "no samples\n"

    def table(counter: Counter[str], limit: int) -> list[str]:
        return [f"| {100 * n / total:5.1f} % | `{name}` |" for name, n in counter.most_common(limit)]

    return "\n".join(
        [
            f"{total} samples. Time spent in native code (granian's Rust send and receive, OpenSSL)",
            "counts as the self time of the Python frame that called it.",
            "",
            "| self time | layer of the innermost frame |",
            "|---:|---|",
            *table(by_layer, 15),
            "",
            "| inclusive | what the event loop ran (outermost frame past the loop) |",
            "|---:|---|",
            *table(roots, 10),
            "",
            "| inclusive | function |",
            "|---:|---|",
            *table(inclusive, top),
            "",
            "| self | function |",
            "|---:|---|",
            *table(own, 20),
            "",
        ]
    )


NATIVE: list[str] = []  # ["--native"] to see the frames of native code too
# ["--gil"]: only the samples where a thread holds the GIL. Without it, a frame that called native
# code which waits (granian's send handing the answer to its I/O threads on the same core, and
# waiting to take the GIL back) counts that wait as its own time.
OPTIONS: list[str] = []


def _record(pid: int, seconds: int, out: Path) -> None:
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    command = [py_spy, "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "250"]
    # native frames need the process paused while its stack is read
    command += NATIVE or ["--nonblocking"]
    command += OPTIONS
    command += ["--format", "raw", "--output", str(out)]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"py-spy failed: {done.stderr.strip()}")


def _profile(server: Server, scenario: Scenario, wrk_path: str, load: wrk.Load, seconds: int) -> str:
    path = server.log.parent / f"{scenario.key}-{server.name}.lua"
    path.write_text(script(scenario))
    wrk.run(wrk_path, server.base_url, path, dataclasses.replace(load, seconds=2), f"w{secrets.token_hex(3)}")
    raw = server.log.parent / f"{scenario.key}-{server.name}.txt"
    worker = server.worker_pids()[-1]
    recorder = threading.Thread(target=_record, args=(worker, seconds, raw))
    before, started = cpu_seconds([worker]), time.monotonic()
    recorder.start()
    result = wrk.run(wrk_path, server.base_url, path, dataclasses.replace(load, seconds=seconds + 1), "p")
    busy = cpu_used(before, cpu_seconds([worker])) / (time.monotonic() - started)
    recorder.join()
    per_request = 1000 * busy / result.rate if result.rate else 0.0
    heading = (
        f"### {server.name}: {result.rate:,.0f} req/s while sampled, worker CPU {100 * busy:.0f} %, "
        f"{per_request:.2f} ms CPU per request"
    )
    return f"{heading}\n\n{summarise(raw.read_text())}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("scenarios", nargs="*", help="scenario keys (default: all)")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--smoke", action="store_true", help="the small volume")
    parser.add_argument("--baseline", action="store_true", help="profile the baseline too")
    parser.add_argument("--native", action="store_true", help="sample native frames too (slower)")
    parser.add_argument(
        "--gil", action="store_true", help="only samples holding the GIL: Python's CPU, not its waits"
    )
    args = parser.parse_args()
    if args.native:
        NATIVE.append("--native")
    if args.gil:
        OPTIONS.append("--gil")
    if not (shutil.which("py-spy") or (Path(sys.executable).parent / "py-spy").exists()):
        sys.exit("py-spy is needed: pip install py-spy")
    plan = make_plan(args.smoke)
    wrk_path = wrk.ensure_wrk()
    sections = [f"# Profiles {datetime.now(UTC):%Y-%m-%d %H:%MZ} (py-spy, 1 worker pinned to one core)", ""]
    with pinned_servers(plan, args.seconds, baseline=args.baseline) as pinned:
        for name, server in pinned.servers.items():
            for scenario in scenarios(pinned.fixture, name):
                if args.scenarios and scenario.key not in args.scenarios:
                    continue
                profile = _profile(server, scenario, wrk_path, pinned.load, args.seconds)
                text = f"## {scenario.title}\n\n{profile}"
                sections.append(text)
                say(text)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"profile-{datetime.now(UTC):%Y%m%d-%H%M}.md"
    out.write_text("\n".join(sections))
    say(f"Written to {out}")


if __name__ == "__main__":
    main()
