"""Identifiers: UUID version 7 (RFC 9562), time-ordered so new rows land at the end of indexes
and keyset pages follow creation order."""

from __future__ import annotations

import os
import time
from uuid import UUID


def new_id() -> UUID:
    unix_ms = time.time_ns() // 1_000_000
    rand_a = int.from_bytes(os.urandom(2), "big") & 0xFFF
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (unix_ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return UUID(int=value)
