"""A local PostgreSQL for `make run`, the CLI, the tests and the benchmarks."""

from __future__ import annotations

import os
from pathlib import Path

from adapters.localpg.cluster import LocalCluster, LocalClusterError
from adapters.localpg.identity import can_traverse, fallback_data_root, server_account

__all__ = ["LocalCluster", "LocalClusterError", "default_data_dir", "project_cluster"]


def default_data_dir() -> Path:
    """`.data/` of the checkout when running from one, else the user's data folder."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").exists() and (checkout / "migrations").is_dir():
        return checkout / ".data"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "hkte"


def project_cluster(data_dir: str | None = None) -> LocalCluster:
    """The cluster `make run` and every `hkte` command share when DATABASE_URL is unset."""
    account = server_account()
    if data_dir:
        return LocalCluster(Path(data_dir), account=account)
    root = default_data_dir()
    if not can_traverse(root.parent, account):
        root = fallback_data_root(root)
    return LocalCluster(root, account=account)
