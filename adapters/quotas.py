"""Request quotas shared by every API process through PostgreSQL, exact and cheap.

A process takes a share of a caller's quota from `quota_counters` (one round trip through
`quota_take`, which grants at most what is left) and spends it from memory; when the share is
spent it takes another. Shares are a tenth of the quota while plenty is left and shrink to one
request as the limit nears, so the processes together never admit more than the limit, a
process rarely waits on the database (about once per tenth of the quota), and little is left
unused in other processes' shares when the window ends. A caller whose quota is gone is
refused from memory until the window ends. If the database cannot be reached (or does not
answer within a second), each process goes on alone for a few seconds, admitting from its own
count up to the limit: no request waits on a database that is away, and no caller is unlimited.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import text

from adapters.db.database import Database
from adapters.db.uow import DriverUnitOfWork
from domain.quotas import Decision, Quota, decide, window_of

log = logging.getLogger("hkte.quotas")

# One statement on the driver, committed as it runs (no session, no BEGIN or COMMIT of its own).
# When a window begins, every caller's first request takes a share at once: 100 callers' takes
# cost 110-190 ms (72-131 ms of the worker's CPU) through an ORM session in a transaction, and
# 32-38 ms (21-24 ms) this way. The commit does not wait for the WAL to reach the disk
# (`synchronous_commit` off for that statement's transaction only): counters are a guard, not a
# record, and a crash loses at most the takes of the last few hundred milliseconds (a caller
# may then get a little more than its limit in that window).
TAKE = (
    "SELECT granted, total FROM quota_take($1::text, $2::bigint, $3::integer, $4::integer, "
    "$5::timestamptz), set_config('synchronous_commit', 'off', true)"
)
FORGET = text("DELETE FROM quota_counters WHERE expires_at < now()")


@dataclass(slots=True)
class _Share:
    left: int = 0  # requests this process may still admit
    total: int = 0  # the shared count after our last take (our unspent share included)
    gone: bool = False  # the quota of this window is spent
    ends_at: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


TAKE_TIMEOUT_S = 1.0
ALONE_FOR_S = 5.0
TAKES_AT_ONCE = 4


@dataclass
class SharedQuotas:
    database: Database
    clock: Callable[[], float] = time.time
    _shares: dict[tuple[str, int], _Share] = field(default_factory=dict)
    _alone_until: float = 0.0  # after a failed take: decide locally until then
    # When a window begins every caller takes a share at once: a few connections serve them one
    # after another, rather than every take holding (or opening) one of the pool's connections.
    _takes: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(TAKES_AT_ONCE))

    async def hit(self, key: str, quota: Quota) -> Decision:
        now = self.clock()
        window = window_of(now, quota)
        share = self._shares.get((key, window))
        if share is None:
            self._forget_ended(now)
            share = self._shares[(key, window)] = _Share(ends_at=(window + 1) * quota.window_s)
        if share.left == 0 and not share.gone:
            async with share.lock:
                if share.left == 0 and not share.gone:  # nobody took a share while we waited
                    await self._take(key, window, quota, share)
        if share.left > 0:
            share.left -= 1
            return decide(quota, share.total - share.left - 1, now)
        return decide(quota, quota.limit, now)

    async def _take(self, key: str, window: int, quota: Quota, share: _Share) -> None:
        remaining = quota.limit - share.total
        want = max(1, min(quota.limit // 10, remaining // 4))
        if self.clock() < self._alone_until:
            self._take_locally(share, quota, want)
            return
        expires = datetime.fromtimestamp((window + 2) * quota.window_s, UTC)
        try:
            async with (
                asyncio.timeout(TAKE_TIMEOUT_S),
                self._takes,
                DriverUnitOfWork(self.database, atomic=False) as work,
            ):
                driver = await work.driver()
                row = await driver.fetchrow(TAKE, key, window, want, quota.limit, expires)
                await work.commit()  # nothing to commit on a pooled connection; a test's savepoint kept
        except Exception as exc:
            log.warning(
                "quota counters unreachable, counting alone for %.0f s: %s", ALONE_FOR_S, type(exc).__name__
            )
            self._alone_until = self.clock() + ALONE_FOR_S
            self._take_locally(share, quota, want)
            return
        share.left, share.total = int(row["granted"]), int(row["total"])
        share.gone = share.left == 0

    @staticmethod
    def _take_locally(share: _Share, quota: Quota, want: int) -> None:
        granted = max(0, min(want, quota.limit - share.total))
        share.left, share.total = granted, share.total + granted
        share.gone = granted == 0

    def _forget_ended(self, now: float) -> None:
        for slot in [slot for slot, share in self._shares.items() if share.ends_at <= now]:
            del self._shares[slot]

    async def forget_expired(self) -> int:
        async with self.database.session() as session, session.begin():
            result = await session.execute(FORGET)
            return int(result.rowcount)  # type: ignore[attr-defined]

    async def run(self, every_s: float = 60.0) -> None:
        """Drop counters of ended windows from the table, now and then."""
        while True:
            await asyncio.sleep(every_s)
            try:
                await self.forget_expired()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("quota counter cleanup failed: %s", type(exc).__name__)
