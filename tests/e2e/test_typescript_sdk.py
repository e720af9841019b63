"""The TypeScript SDK (`openapi/clients/typescript`): its generated types are those of the committed
OpenAPI document, it builds with `tsc`, and its end-to-end script drives the live server through the
SDK only. Node.js 20+ and npm are required; `npm ci` runs here when `node_modules` is missing or
older than the lock file (`make test` runs it beforehand)."""

from __future__ import annotations

import asyncio
import difflib
import json
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from tests.e2e.conftest import LiveServer

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SDK = ROOT / "openapi" / "clients" / "typescript"
SCHEMA = SDK / "src" / "schema.d.ts"
E2E_SCRIPT = SDK / "dist" / "e2e" / "e2e.js"
NODE_MAJOR = 20


def _report(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"$ {shlex.join(result.args)}  (in {SDK.relative_to(ROOT)})\nexit status {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )


def _run(
    argv: Sequence[str], *, timeout: float, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            list(argv),
            cwd=SDK,
            env={**os.environ, "NO_COLOR": "1", **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        output = "\n".join(_text(part) for part in (expired.stdout, expired.stderr))
        pytest.fail(f"{shlex.join(argv)} did not finish within {timeout:.0f} s:\n{output}")


def _text(output: str | bytes | None) -> str:
    return output.decode(errors="replace") if isinstance(output, bytes) else output or ""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not on PATH: the TypeScript SDK tests need Node.js {NODE_MAJOR}+ and npm")
    return found


def _install() -> None:
    """`npm ci` unless node_modules matches the lock file (npm writes its own copy there)."""
    node = _tool("node")
    npm = _tool("npm")
    version = _run([node, "--version"], timeout=30).stdout.strip()
    major = int(version.lstrip("v").split(".")[0] or 0)
    assert major >= NODE_MAJOR, f"Node.js {NODE_MAJOR}+ is required, found {version}"
    installed = SDK / "node_modules" / ".package-lock.json"
    lock = SDK / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    result = _run([npm, "ci", "--no-audit", "--no-fund"], timeout=600)
    assert result.returncode == 0, f"npm ci failed:\n{_report(result)}"


@pytest.fixture(scope="module")
async def node_modules() -> Path:
    await asyncio.to_thread(_install)
    return SDK / "node_modules"


def _generate(output: Path) -> subprocess.CompletedProcess[str]:
    """The package's own `generate` script, writing to `output` instead of src/schema.d.ts."""
    script = json.loads((SDK / "package.json").read_text())["scripts"]["generate"]
    argv = shlex.split(script)
    for flag in ("-o", "--output"):
        if flag in argv:
            argv[argv.index(flag) + 1] = str(output)
            break
    else:
        pytest.fail(f"the generate script names no output (-o): {script}")
    program = SDK / "node_modules" / ".bin" / argv[0]
    assert program.exists(), f"{argv[0]} is not installed in {program.parent}"
    return _run([str(program), *argv[1:]], timeout=120)


async def test_committed_schema_matches_the_openapi_document(node_modules: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="hkte-ts-schema-") as folder:
        fresh = Path(folder) / "schema.d.ts"
        result = await asyncio.to_thread(_generate, fresh)
        assert result.returncode == 0, f"openapi-typescript failed:\n{_report(result)}"
        expected = fresh.read_text()
    committed = SCHEMA.read_text()
    if committed != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    "src/schema.d.ts (committed)",
                    "src/schema.d.ts (from openapi/openapi.json)",
                )
            )[:80]
        )
        pytest.fail(
            "the TypeScript SDK is stale: regenerate it with `make sdk` "
            f"(or `npm run generate` in {SDK.relative_to(ROOT)}) and commit src/schema.d.ts\n{diff}"
        )


async def test_sdk_drives_the_live_server(node_modules: Path, live_server: LiveServer) -> None:
    npm = _tool("npm")
    build = await asyncio.to_thread(_run, [npm, "run", "--silent", "build"], timeout=300)
    assert build.returncode == 0, f"the SDK does not build (tsc):\n{_report(build)}"
    assert E2E_SCRIPT.exists(), f"tsc wrote no {E2E_SCRIPT.relative_to(SDK)}:\n{_report(build)}"
    env = {
        "HKTE_BASE_URL": live_server.base_url,
        "HKTE_CLIENT_ID": live_server.partner.client_id,
        "HKTE_CLIENT_SECRET": live_server.partner.client_secret,
    }
    result = await asyncio.to_thread(_run, [_tool("node"), str(E2E_SCRIPT)], timeout=300, env=env)
    assert result.returncode == 0, f"the SDK's end-to-end script failed:\n{_report(result)}"
    assert result.stdout.startswith("e2e OK"), _report(result)
    print(result.stdout)  # the summary line, shown with `pytest -rP`
