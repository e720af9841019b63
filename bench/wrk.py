"""Running wrk (installed from Debian's packages when missing) and reading its results."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import msgspec

from bench.lua import RESULT_MARK


class WrkMissing(RuntimeError):
    pass


def ensure_wrk() -> str:
    """The path of wrk; as root on Debian it is installed with apt-get when missing."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
            subprocess.run(
                command,
                check=False,
                capture_output=True,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            )
        found = shutil.which("wrk")
        if found:
            return found
    raise WrkMissing(
        "wrk is needed to drive the load and could not be installed: "
        "install it with `apt-get install -y wrk` (Debian) and run again"
    )


class Result(msgspec.Struct, frozen=True):
    requests: int
    duration_us: int
    bytes: int
    connect: int
    read: int
    write: int
    status: int
    timeout: int
    p50_us: int
    p90_us: int
    p99_us: int
    max_us: int
    mean_us: float

    @property
    def rate(self) -> float:
        return self.requests / (self.duration_us / 1e6) if self.duration_us else 0.0

    @property
    def errors(self) -> int:
        return self.connect + self.read + self.write + self.status + self.timeout


@dataclass(frozen=True, slots=True)
class Load:
    connections: int
    seconds: float
    threads: int = 1
    cpus: set[int] | None = None  # where wrk runs


def run(wrk: str, url: str, script: Path, load: Load, nonce: str) -> Result:
    command = [
        wrk,
        f"-t{load.threads}",
        f"-c{max(load.connections, load.threads)}",
        f"-d{max(1, round(load.seconds))}s",
        "--timeout",
        "5s",
        "-s",
        str(script),
        url,
        "--",
        nonce,
    ]
    if load.cpus:
        command = ["taskset", "-c", ",".join(str(c) for c in sorted(load.cpus)), *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=load.seconds + 60)
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            return msgspec.json.decode(line[len(RESULT_MARK) :], type=Result)
    raise RuntimeError(
        f"wrk gave no result (exit {done.returncode}): {done.stderr.strip() or done.stdout[-500:]}"
    )
