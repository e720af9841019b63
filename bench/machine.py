"""What the figures were measured on."""

from __future__ import annotations

import asyncio
import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import asyncpg

PACKAGES = ("granian", "litestar", "msgspec", "sqlalchemy", "asyncpg", "joserfc", "authlib")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _output(*command: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=10)
    except OSError:
        return "unknown"
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr) else "unknown"


async def _postgres(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        return (
            str(await conn.fetchval("SHOW server_version"))
            + ", fsync "
            + str(await conn.fetchval("SHOW fsync"))
        )
    finally:
        await conn.close()


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def describe(db_url: str, wrk_path: str) -> dict[str, str]:
    checkout = Path(__file__).resolve().parents[1]
    commit = _output("git", "-C", str(checkout), "rev-parse", "--short", "HEAD")
    dirty = _output("git", "-C", str(checkout), "status", "--porcelain", "--untracked-files=no")
    return {
        "cores": f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)",
        "cpu": _cpu_model(),
        "memory": _memory(),
        "kernel": platform.release(),
        "python": sys.version.split()[0],
        "postgresql": asyncio.run(_postgres(db_url)),
        "wrk": _output(wrk_path, "-v").split(" Copyright")[0],
        **{name: metadata.version(name) for name in PACKAGES},
        "commit": commit + (" (with uncommitted changes)" if dirty and dirty != "unknown" else ""),
        "load average at start": load_average(),
    }
