"""The API and the baseline, each under granian with the very same command line and settings
(`hkte serve`'s), optionally pinned to cores with taskset."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from api.cli.serve import granian_command
from bench.procstat import descendants

API_APP = "api.app:create_app"
BASELINE_APP = "bench.baseline.app:create_app"
CHECKOUT = Path(__file__).resolve().parents[1]


def server_command(app: str, port: int, workers: int, cpus: set[int] | None) -> list[str]:
    command = granian_command("127.0.0.1", port, workers)
    command[command.index(API_APP)] = app
    if cpus:
        command = ["taskset", "-c", ",".join(str(c) for c in sorted(cpus)), *command]
    return command


@dataclass
class Server:
    name: str  # "api" or "baseline"
    app: str
    port: int
    workers: int
    cpus: set[int] | None
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60) -> None:
        env = {**self.env, "PYTHONPATH": str(CHECKOUT)}
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                server_command(self.app, self.port, self.workers, self.cpus),
                cwd=CHECKOUT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} server exited at start; see {self.log}")
            if self._ready() and len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} server not ready within {timeout_s:.0f} s; see {self.log}")

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/health/ready", timeout=2) as answer:  # noqa: S310
                return bool(answer.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def worker_pids(self) -> list[int]:
        return [pid for pid in descendants(self.pid) if pid != self.pid]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
