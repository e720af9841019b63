"""The service as a user runs it: `hkte run` / `hkte serve` as real processes, over real HTTP."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from adapters.db.migrate import upgrade
from adapters.localpg import LocalCluster
from tests.support import leaks

pytestmark = pytest.mark.slow
HKTE = str(Path(sys.executable).parent / "hkte")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(check: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")


def _ready_status(base: str) -> int | None:
    try:
        return httpx.get(f"{base}/health/ready", timeout=3).status_code
    except httpx.TransportError:
        return None


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "HKTE_DATA_DIR", "PORT", "HOST", "HKTE_SERVER_SECRET")
    }
    env.update(extra)
    return env


def _stop(proc: subprocess.Popen[bytes], sig: int) -> int:
    proc.send_signal(sig)
    return proc.wait(timeout=60)


@pytest.fixture
def data_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="hkte-run-test-"))
    yield path
    LocalCluster(path).destroy()


def test_hkte_run_serves_stops_cleanly_on_signals_and_keeps_data(data_dir: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = _env(HKTE_DATA_DIR=str(data_dir), PORT=str(port))

    log = data_dir.parent / f"{data_dir.name}.out"
    started = time.monotonic()
    with open(log, "wb") as out:
        first = subprocess.Popen([HKTE, "run"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: _ready_status(base) == 200, 60, "first start to be ready")
        assert time.monotonic() - started < 60
        _wait_for(lambda: "is ready" in log.read_text(), 10, "the banner")
        cluster = LocalCluster(data_dir)

        async def mark() -> None:
            conn = await asyncpg.connect(cluster.url())
            await conn.execute(
                "INSERT INTO partners (id, code, name_en, name_zh_hant, name_zh_hans, type) "
                "VALUES (gen_random_uuid(), 'kept-across-runs', 'Kept', '保留', '保留', 'industry_body')"
            )
            await conn.close()

        asyncio.run(mark())
    finally:
        assert _stop(first, signal.SIGINT) == 0
    output = log.read_text()
    leaks.capture_output("hkte run", output)
    log.unlink()
    assert "HKTE Partner API is ready" in output
    assert f"{base}/openapi.json" in output
    assert not LocalCluster(data_dir).is_running(), "Ctrl-C must stop the local PostgreSQL too"
    assert _ready_status(base) is None

    second = subprocess.Popen([HKTE, "run"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _ready_status(base) == 200, 60, "second start to be ready")

        async def count() -> int:
            conn = await asyncpg.connect(LocalCluster(data_dir).url())
            value = await conn.fetchval("SELECT count(*) FROM partners WHERE code = 'kept-across-runs'")
            await conn.close()
            return int(value)

        assert asyncio.run(count()) == 1
    finally:
        assert _stop(second, signal.SIGTERM) == 0
    assert not LocalCluster(data_dir).is_running()


def test_readiness_follows_the_database_without_restarting_the_api(data_dir: Path) -> None:
    cluster = LocalCluster(data_dir, durable=False)
    cluster.ensure_started()
    upgrade(cluster.url())
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [HKTE, "serve", "--port", str(port)],
        env=_env(DATABASE_URL=cluster.url(), HKTE_SERVER_SECRET="s" * 40),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: _ready_status(base) == 200, 60, "the API to be ready")
        cluster.stop()
        _wait_for(lambda: _ready_status(base) == 503, 15, "readiness to turn 503 with PostgreSQL stopped")
        answer = httpx.get(f"{base}/health/ready", timeout=5)
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["retry-after"]
        assert httpx.get(f"{base}/health/live", timeout=5).status_code == 200
        cluster.ensure_started()
        _wait_for(lambda: _ready_status(base) == 200, 15, "readiness to return to 200")
        assert server.poll() is None, "the API must not have restarted or died"
    finally:
        assert _stop(server, signal.SIGTERM) == 0


def test_a_taken_port_is_refused_before_anything_starts(data_dir: Path) -> None:
    port = _free_port()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        result = subprocess.run(
            [HKTE, "run"],
            env=_env(HKTE_DATA_DIR=str(data_dir), PORT=str(port)),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode != 0
    assert f"127.0.0.1:{port} is already in use" in result.stderr
    assert not (data_dir / "postgres").exists()  # no PostgreSQL was started for nothing
