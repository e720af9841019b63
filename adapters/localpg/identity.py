"""Who runs the local PostgreSQL server, and where its data may live.

PostgreSQL refuses to run as root. When we are root, the server runs as an unprivileged
account (`HKTE_PG_USER`, else `postgres` when the machine has one, else `nobody`), and every
folder it needs must be reachable by that account without loosening anything outside the
project's own data folder. When we are an ordinary user, the server simply runs as us.
"""

from __future__ import annotations

import grp
import hashlib
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ServerAccount:
    name: str
    uid: int
    gid: int
    gids: frozenset[int]

    @property
    def is_self(self) -> bool:
        return self.uid == os.geteuid()


def server_account() -> ServerAccount:
    if os.geteuid() != 0:
        entry = pwd.getpwuid(os.geteuid())
    else:
        wanted = os.environ.get("HKTE_PG_USER")
        names = [wanted] if wanted else ["postgres", "nobody"]
        entry = None
        for name in names:
            try:
                entry = pwd.getpwnam(name)
                break
            except KeyError:
                continue
        if entry is None or entry.pw_uid == 0:  # pragma: no cover - machine without such accounts
            raise RuntimeError(
                f"No unprivileged account to run PostgreSQL as (tried {', '.join(names)}); "
                "set HKTE_PG_USER to an existing non-root user."
            )
    assert entry is not None
    gids = {entry.pw_gid} | {g.gr_gid for g in grp.getgrall() if entry.pw_name in g.gr_mem}
    return ServerAccount(entry.pw_name, entry.pw_uid, entry.pw_gid, frozenset(gids))


def can_traverse(path: Path, account: ServerAccount) -> bool:
    """True when `account` can reach `path` (execute permission on it and every parent)."""
    if account.uid == 0:
        return True
    for folder in [path, *path.parents]:
        try:
            st = folder.stat()
        except FileNotFoundError:
            continue  # created later, by us, with modes we choose
        if st.st_uid == account.uid:
            bit = stat.S_IXUSR
        elif st.st_gid in account.gids:
            bit = stat.S_IXGRP
        else:
            bit = stat.S_IXOTH
        if not st.st_mode & bit:
            return False
    return True


def fallback_data_root(preferred: Path) -> Path:
    """A data folder reachable by an unprivileged server account, stable for one checkout.

    Used only as root when the preferred folder sits under a folder the server account cannot
    enter (a checkout under a 0700 home). /var/lib is root's to create folders in, and a
    per-checkout name keeps two checkouts from sharing one cluster.
    """
    digest = hashlib.sha256(str(preferred.resolve()).encode()).hexdigest()[:10]
    return Path("/var/lib/hkte") / f"{preferred.resolve().parent.name or 'root'}-{digest}"
