"""The Talent List kept in memory: the hottest reads of the API answer without the database.

The editions are small (hundreds of rows) and change only when staff publish one, which the
database announces on the `hkte_catalog` channel (a trigger on the editions table). Each API
process listens on one dedicated connection and drops its copy on every notice; while it is not
listening (connection lost, or a test bound to a transaction) the copy is reloaded at most every
`fallback_ttl_s` seconds, so a missed notice costs seconds of staleness, never a wrong answer
for long.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from adapters.db.database import Database
from adapters.db.listen import PgListener
from adapters.db.talent_list import SqlTalentListRepository
from domain.talent_list import Edition, KnownCodes

CHANNEL = "hkte_catalog"
log = logging.getLogger("hkte.catalog")
T = TypeVar("T")


class TalentListCache:
    def __init__(self, database: Database, *, fallback_ttl_s: float = 5.0) -> None:
        self.database = database
        self.fallback_ttl_s = fallback_ttl_s
        self.listening = False
        self.generation = 0  # raised on every reload; rendered answers are memoised per generation
        self._editions: tuple[Edition, ...] = ()
        self._stale = True
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()
        self._memo: dict[Hashable, Any] = {}

    def invalidate(self) -> None:
        self._stale = True

    def _fresh(self) -> bool:
        if self._stale or not self._loaded_at:  # never loaded: everyone waits for the first load
            return False
        return self.listening or time.monotonic() - self._loaded_at < self.fallback_ttl_s

    async def editions(self) -> tuple[Edition, ...]:
        """Every published edition, oldest first."""
        if self._fresh():
            return self._editions
        async with self._lock:
            if not self._fresh():
                # cleared before reading: a notice that arrives during the load marks us stale again
                self._stale = False
                async with self.database.session() as session:
                    editions = await SqlTalentListRepository(session).load_all()
                if [e.code for e in editions] != [e.code for e in self._editions]:
                    self._memo = {}
                    self.generation += 1
                self._editions = tuple(editions)
                self._loaded_at = time.monotonic()
        return self._editions

    async def codes(self) -> KnownCodes:
        """The known sector and profession codes, computed once per set of editions."""
        editions = await self.editions()
        return self.memo(("known-codes",), lambda: KnownCodes.of(editions))

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()` once per key for the editions as they are now (call after `editions()`).

        Published editions never change, so a memo stays valid until an edition is added."""
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
        return value


class CatalogListener:
    """Keeps `cache` fresh from the `hkte_catalog` channel; catches up whenever it (re)connects."""

    def __init__(self, url: str, cache: TalentListCache, *, ping_every_s: float = 15.0) -> None:
        self.cache = cache
        self.listener = PgListener(url, CHANNEL, cache.invalidate, self._state, ping_every_s=ping_every_s)

    def _state(self, listening: bool) -> None:
        self.cache.invalidate()  # anything published while we were not listening
        self.cache.listening = listening

    async def run(self) -> None:
        try:
            await self.listener.run()
        finally:
            self.cache.listening = False
