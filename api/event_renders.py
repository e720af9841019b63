"""Events as listings send them (JSON bytes), kept between requests.

An event renders to the same bytes as long as its row, its partners' codes and names and the
languages asked for are the same. A listing therefore first reads only its page's keys
(adapters/db/events.py `SqlEventPages.keys`: each event's id, start, row version and the
partners' version) and, when every event of the page is kept under those keys, sends the kept
JSON (as `msgspec.Raw`, spliced into the page as it is): the rows are neither decoded nor mapped.
Otherwise it reads and renders the page as without this cache, and keeps each event whose keys
are those it listed.

The row version is PostgreSQL's `xmin`, new whenever the row is written, by the API or by anyone
else; the partners' version is one row a trigger raises on every write of a code or a name
(migration 0008). Nothing has to be told to forget an event, and every worker keeps its own.
Bounded: the least recently used event goes first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

EVENT_RENDERS = 4096  # events kept per worker (about 1.5 KiB each with its key)

RenderKey = tuple[Hashable, ...]
Rendered = TypeVar("Rendered")  # the listing keeps `msgspec.Raw`


class RenderedEvents(Generic[Rendered]):
    def __init__(self, size: int = EVENT_RENDERS) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self.size = size
        self._kept: OrderedDict[RenderKey, Rendered] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def page(self, keys: Sequence[RenderKey]) -> list[Rendered] | None:
        """The JSON kept for every key, in order; None when any is missing."""
        kept, found = self._kept, []
        for key in keys:
            body = kept.get(key)
            if body is None:
                return None
            kept.move_to_end(key)
            found.append(body)
        return found

    def keep(self, key: RenderKey, body: Rendered) -> None:
        kept = self._kept
        kept[key] = body
        kept.move_to_end(key)
        if len(kept) > self.size:
            kept.popitem(last=False)
