"""Property-based contract testing of the live server with schemathesis: every operation, valid
and invalid data, stateful sequences through the links the document declares, every check on
(no 5xx, status codes and content types documented, bodies match their schemas, invalid data
refused, authentication not ignored). A fixed seed here; `make fuzz` runs longer with a random one."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import LiveServer, start_server

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")
SEED = os.environ.get("HKTE_FUZZ_SEED", "20261125")  # `make fuzz`: random
EXAMPLES = os.environ.get("HKTE_FUZZ_EXAMPLES", "100")


@pytest.fixture(scope="module")
async def fuzz_server(admin_url: str) -> AsyncIterator[LiveServer]:
    """A server and database of its own: the fuzzer publishes, cancels and revokes at will."""
    async with start_server(admin_url, "hkte_fuzz") as server:
        yield server


async def _token(server: LiveServer) -> str:
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        response = await http.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(server.everything.client_id, server.everything.client_secret),
        )
        response.raise_for_status()
        return str(response.json()["access_token"])


def fuzz_command(base_url: str, token: str, *, seed: str | None, examples: str) -> list[str]:
    command = [
        SCHEMATHESIS,
        "run",
        f"{base_url}/openapi.json",
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        "all",
        "--max-examples",
        examples,
        "--workers",
        "2",
        # no example database: each run stands alone (a fresh clone and this machine run alike)
        "--generation-database",
        "none",
        "--no-color",
    ]
    return [*command, "--seed", seed] if seed else command


async def test_schemathesis_finds_nothing(fuzz_server: LiveServer) -> None:
    token = await _token(fuzz_server)
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.contract.schemathesis_hooks",
        "HKTE_FUZZ_PROTECTED": ",".join(fuzz_server.protected_ids),
        "PYTHONPATH": str(ROOT),
    }
    seed = None if SEED == "random" else SEED
    command = fuzz_command(fuzz_server.base_url, token, seed=seed, examples=EXAMPLES)
    result = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=1800, check=False
    )
    # every failure with its reproduction (the warnings after it can be long), else the tail
    failures = result.stdout.find("= FAILURES =")
    summary = (
        result.stdout[result.stdout.rfind("\n", 0, failures) + 1 :]
        if failures >= 0
        else result.stdout[-6000:]
    )
    assert result.returncode == 0, summary + result.stderr[-2000:]
