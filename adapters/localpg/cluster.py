"""A local PostgreSQL cluster kept in a data folder of ours.

One implementation serves `make run`, the `hkte db` commands, the test session and the
benchmarks. Layout of the data folder (the project's own, nothing outside it is touched):

    ROOT/                0700 (0711 when the server runs as another account)
      cluster.json       0600: superuser name, password, port, database
      postgres/          the cluster (PGDATA), owned by the server account, 0700
      log/postgres.log   the server's log
      .lock              serialises start/stop between concurrent `hkte` commands
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from adapters.localpg.binaries import find_bin_dir, server_version
from adapters.localpg.identity import ServerAccount, can_traverse, server_account

SUPERUSER = "hkte"
DURABLE_SETTINGS: dict[str, str] = {}
THROWAWAY_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class LocalClusterError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class ClusterState:
    password: str
    port: int
    database: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as PostgreSQL binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class LocalCluster:
    def __init__(
        self,
        root: Path,
        *,
        durable: bool = True,
        database: str = "hkte",
        account: ServerAccount | None = None,
        bin_dir: Path | None = None,
    ) -> None:
        self.root = root.resolve()
        self.durable = durable
        self.database = database
        self.account = account or server_account()
        self.bin_dir = bin_dir or find_bin_dir()
        self.pgdata = self.root / "postgres"
        self.logfile = self.root / "log" / "postgres.log"
        self._state_file = self.root / "cluster.json"
        if not can_traverse(self.root.parent, self.account):
            raise LocalClusterError(
                f"{self.root} is not reachable by the account PostgreSQL runs as ({self.account.name}); "
                "choose a data folder outside private home folders (HKTE_DATA_DIR)."
            )

    # -- commands ---------------------------------------------------------------------------

    def _reachable_bin_dir(self) -> Path:
        """The binaries, copied into our data folder when the server account cannot reach them
        where they are installed (a virtualenv under a private home folder)."""
        if can_traverse(self.bin_dir / "postgres", self.account):
            return self.bin_dir
        copy = self.root / "pginstall"
        if not (copy / "bin" / "postgres").exists():
            shutil.copytree(self.bin_dir.parent, copy, symlinks=True, dirs_exist_ok=True)
        self.bin_dir = copy / "bin"
        return self.bin_dir

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        bin_dir = self._reachable_bin_dir()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update({"HOME": str(self.root), "LC_ALL": "C"})
        switch: dict[str, object] = {}
        if not self.account.is_self:
            switch = {"user": self.account.uid, "group": self.account.gid, "extra_groups": []}
        result = subprocess.run(
            [str(bin_dir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            cwd=self.root,
            env=env,
            check=False,
            **switch,  # type: ignore[call-overload]
        )
        if check and result.returncode != 0:
            raise LocalClusterError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}")
        return result  # type: ignore[no-any-return]

    def _own(self, path: Path) -> None:
        if not self.account.is_self:
            os.chown(path, self.account.uid, self.account.gid)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700 if self.account.is_self else 0o711)
        with os.fdopen(os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT, 0o600), "r+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # -- state ------------------------------------------------------------------------------

    def _read_state(self) -> ClusterState | None:
        try:
            raw = json.loads(self._state_file.read_text())
        except FileNotFoundError:
            return None
        return ClusterState(raw["password"], int(raw["port"]), raw["database"])

    def _write_state(self, state: ClusterState) -> None:
        tmp = self._state_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump(
                {
                    "user": SUPERUSER,
                    "password": state.password,
                    "port": state.port,
                    "database": state.database,
                },
                out,
            )
        tmp.replace(self._state_file)

    @property
    def initialised(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists() and self._state_file.exists()

    def _initialise(self) -> ClusterState:
        if self.pgdata.exists():  # left by an initdb that did not finish: it holds nothing of value
            shutil.rmtree(self.pgdata)
        for folder in (self.pgdata, self.logfile.parent):
            folder.mkdir(mode=0o700, exist_ok=True)
            self._own(folder)
        state = ClusterState(secrets.token_urlsafe(24), _free_port(), self.database)
        pwfile = self.root / "log" / ".pw"
        pwfile.write_text(state.password)
        os.chmod(pwfile, 0o600)
        self._own(pwfile)
        try:
            self._run(
                "initdb",
                "-D",
                str(self.pgdata),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
            )
        finally:
            pwfile.unlink(missing_ok=True)
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": "''",
            **(DURABLE_SETTINGS if self.durable else THROWAWAY_SETTINGS),
        }
        with open(self.pgdata / "postgresql.conf", "a") as conf:
            conf.write("\n# hkte local cluster\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self._write_state(state)
        return state

    # -- lifecycle --------------------------------------------------------------------------

    def is_running(self) -> bool:
        if not (self.pgdata / "PG_VERSION").exists():
            return False
        return self._run("pg_ctl", "status", "-D", str(self.pgdata), check=False).returncode == 0

    def ensure_started(self) -> bool:
        """Start the cluster (initialising it on first use). True when this call started it."""
        with self._locked():
            created = not self.initialised
            state = self._initialise() if created else self._read_state()
            assert state is not None
            if self.is_running():
                return False
            if not _port_is_free(state.port):
                state = ClusterState(state.password, _free_port(), state.database)
                self._write_state(state)
            self._run(
                "pg_ctl",
                "start",
                "-D",
                str(self.pgdata),
                "-l",
                str(self.logfile),
                "-w",
                "-t",
                "60",
                "-o",
                f"-p {state.port}",
            )
            if created:
                self._create_database(state, state.database)
            return True

    def stop(self) -> bool:
        """Stop the cluster cleanly (fast shutdown). True when it was running."""
        with self._locked():
            if not self.is_running():
                return False
            self._run("pg_ctl", "stop", "-D", str(self.pgdata), "-m", "fast", "-w", "-t", "60")
            return True

    def _create_database(self, state: ClusterState, name: str) -> None:
        env = {**os.environ, "PGPASSWORD": state.password}
        subprocess.run(
            [str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(state.port), "-U", SUPERUSER, name],
            env=env,
            check=True,
            capture_output=True,
        )

    def url(self, database: str | None = None) -> str:
        state = self._read_state()
        if state is None:
            raise LocalClusterError(f"no local cluster in {self.root}: start it first (hkte db start)")
        return (
            f"postgresql://{SUPERUSER}:{state.password}@127.0.0.1:{state.port}/{database or state.database}"
        )

    def describe(self) -> str:
        return f"{server_version(self.bin_dir)} from {self.bin_dir}, data in {self.root}"

    def destroy(self) -> None:
        """Stop and delete the cluster and its folder (throwaway clusters of tests)."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
