"""Quotas: how many requests a caller may make per window, and the answer to one request.

Windows are fixed (aligned to the clock), so every API process agrees on which window a request
falls in without talking to the others; the counts themselves are shared (see the adapter)."""

from __future__ import annotations

from typing import NamedTuple


class Quota(NamedTuple):
    """A tuple: its hash (the RateLimit-Policy field is made once per quota) is the tuple's own,
    not a generated method."""

    policy: str  # named in the RateLimit-Policy header, e.g. "standard"
    limit: int
    window_s: int


class Decision(NamedTuple):
    """The answer to one request (a tuple: one is made for every request a quota counts)."""

    allowed: bool
    quota: Quota
    remaining: int
    reset_s: int  # seconds until the window ends (and the quota is whole again)


def window_of(now: float, quota: Quota) -> int:
    return int(now // quota.window_s)


def decide(quota: Quota, used: int, now: float) -> Decision:
    """`used`: requests already counted in this window, this one not included."""
    reset = max(1, int(quota.window_s - now % quota.window_s + 0.999))
    if used >= quota.limit:
        return Decision(False, quota, 0, reset)
    return Decision(True, quota, quota.limit - used - 1, reset)
