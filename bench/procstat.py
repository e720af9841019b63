"""Memory and CPU of process trees, read from /proc (Linux)."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
MIB = 1024 * 1024


def _stat_fields(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()  # after "pid (comm) "


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """CPU time used so far by each process (user and system)."""
    used = {}
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            used[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    return used


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds between two readings of a tree, counting processes that started in between
    (processes that ended in between are lost: their time is no longer readable)."""
    return sum(t - before.get(pid, 0.0) for pid, t in after.items())


@dataclass
class MemorySeries:
    """RSS of a server over time: the sum over its processes and its largest worker."""

    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (t, total, largest worker)

    def peak_worker(self) -> int:
        return max((s[2] for s in self.samples), default=0)

    def peak_total(self) -> int:
        return max((s[1] for s in self.samples), default=0)

    def between(self, start: float, end: float) -> list[tuple[float, int, int]]:
        return [s for s in self.samples if start <= s[0] <= end]


class MemorySampler:
    """Samples the RSS of each named process tree every `every_s` seconds in a thread."""

    def __init__(self, roots: dict[str, int], every_s: float = 0.5) -> None:
        self.roots = roots
        self.every_s = every_s
        self.series = {name: MemorySeries() for name in roots}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _sample(self) -> None:
        now = time.monotonic()
        for name, root in self.roots.items():
            pids = descendants(root)
            workers = [rss(pid) for pid in pids if pid != root]
            self.series[name].samples.append((now, rss(root) + sum(workers), max(workers, default=0)))

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self._sample()

    def __enter__(self) -> MemorySampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
