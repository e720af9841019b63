"""The local PostgreSQL that `make run`, the CLI and the tests share one implementation of."""

from __future__ import annotations

import os
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from adapters.localpg import LocalCluster
from adapters.localpg.identity import ServerAccount, can_traverse, server_account

pytestmark = pytest.mark.slow


@pytest.fixture
def cluster() -> Iterator[LocalCluster]:
    local = LocalCluster(Path(tempfile.mkdtemp(prefix="hkte-cluster-test-")), durable=False)
    yield local
    local.destroy()


async def _query(url: str, sql: str) -> object:
    conn = await asyncpg.connect(url)
    try:
        if ";" in sql:
            await conn.execute(sql)
            return None
        return await conn.fetchval(sql)
    finally:
        await conn.close()


async def test_a_cluster_starts_stops_and_keeps_its_data(cluster: LocalCluster) -> None:
    assert cluster.ensure_started() is True
    assert cluster.ensure_started() is False  # already running: nothing to do
    url = cluster.url()
    await _query(url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')")
    assert cluster.stop() is True
    assert not cluster.is_running()
    with pytest.raises(ConnectionRefusedError):
        await _query(url, "SELECT 1")
    assert cluster.ensure_started() is True
    assert await _query(cluster.url(), "SELECT v FROM kept") == "still here"


async def test_it_listens_on_loopback_with_a_password_and_no_unix_socket(cluster: LocalCluster) -> None:
    cluster.ensure_started()
    url = cluster.url()
    assert "@127.0.0.1:" in url
    assert await _query(url, "SHOW listen_addresses") == "127.0.0.1"
    assert await _query(url, "SHOW unix_socket_directories") == ""
    with pytest.raises(asyncpg.InvalidPasswordError):
        await _query(url.replace(url.split(":")[2].split("@")[0], "wrong"), "SELECT 1")


def test_it_never_runs_as_root_and_keeps_its_files_private(cluster: LocalCluster) -> None:
    cluster.ensure_started()
    owner = cluster.pgdata.stat().st_uid
    assert owner != 0
    assert owner == cluster.account.uid
    assert stat.S_IMODE(cluster.pgdata.stat().st_mode) == 0o700
    assert stat.S_IMODE((cluster.root / "cluster.json").stat().st_mode) == 0o600
    root_mode = stat.S_IMODE(cluster.root.stat().st_mode)
    assert root_mode & 0o077 in (0, 0o011)  # at most traversable by others, never readable


def test_a_taken_port_is_replaced_by_a_free_one(cluster: LocalCluster) -> None:
    cluster.ensure_started()
    cluster.stop()
    taken_port = int(cluster.url().rsplit(":", 1)[1].split("/")[0])
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", taken_port))
        squatter.listen()
        cluster.ensure_started()
        assert f":{taken_port}/" not in cluster.url()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root has to pick another account")
def test_as_root_an_unreachable_folder_is_refused_before_anything_is_created() -> None:
    private = Path(tempfile.mkdtemp(prefix="hkte-private-"))  # 0700, root's
    try:
        account = server_account()
        assert not can_traverse(private / "data", account)
        with pytest.raises(RuntimeError, match="not reachable"):
            LocalCluster(private / "data" / "pg", account=account)
        assert not (private / "data").exists()
    finally:
        private.rmdir()


def test_traversal_check_follows_owner_group_and_other_bits(tmp_path: Path) -> None:
    stranger = ServerAccount("stranger", 54321, 54321, frozenset({54321}))
    folder = tmp_path / "f"
    folder.mkdir(mode=0o700)
    assert not can_traverse(folder, stranger)
    folder.chmod(0o701)
    assert can_traverse(folder, stranger) is can_traverse(tmp_path, stranger)
