"""Statements per request, from pg_stat_statements (reset before each measured run)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import asyncpg

TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\b", re.IGNORECASE)
OWN = "pg_stat_statements"
FREQUENT = 0.05  # per request: below that, background work (the API's auth refresh) and noise
# what "the same SQL" compares: the statements of the request itself, not those of connections
# opened on the way (a pool too small for the load), nor the mix's rarer requests
SAME_SQL = 0.2


@dataclass(frozen=True, slots=True)
class Statement:
    queryid: int
    query: str
    calls: int

    @property
    def is_transaction_control(self) -> bool:
        return bool(TRANSACTION_CONTROL.match(self.query))


def normalized(query: str) -> str:
    return " ".join(query.split())


SESSIONS = "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"


async def reset(url: str) -> int:
    """Forget the statements counted so far; the number of sessions opened so far."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SELECT pg_stat_statements_reset()")
        return int(await conn.fetchval(SESSIONS))
    finally:
        await conn.close()


async def sessions(url: str) -> int:
    """Sessions opened so far, but the one asking (PostgreSQL 14 and later count them)."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SELECT pg_stat_clear_snapshot()")
        return int(await conn.fetchval(SESSIONS)) - 1
    finally:
        await conn.close()


async def read(url: str) -> list[Statement]:
    """Every statement run since the last reset, but ours, most called first."""
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT queryid, query, calls FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "ORDER BY calls DESC"
        )
    finally:
        await conn.close()
    return [
        Statement(int(r["queryid"]), normalized(r["query"]), int(r["calls"]))
        for r in rows
        if OWN not in r["query"]
    ]


@dataclass(frozen=True, slots=True)
class PerRequest:
    statements: float  # excluding transaction control
    transaction_control: float  # BEGIN / COMMIT / ROLLBACK
    top: tuple[tuple[float, str], ...]  # (per request, query) of those run at least once per 20 requests
    work: frozenset[int]  # query ids of the statements run at least SAME_SQL times per request


def per_request(statements: list[Statement], requests: int) -> PerRequest:
    if requests <= 0:
        return PerRequest(0.0, 0.0, (), frozenset())
    work = [s for s in statements if not s.is_transaction_control]
    control = [s for s in statements if s.is_transaction_control]
    top = tuple((s.calls / requests, s.query) for s in statements if s.calls / requests >= FREQUENT)
    return PerRequest(
        sum(s.calls for s in work) / requests,
        sum(s.calls for s in control) / requests,
        top,
        frozenset(s.queryid for s in work if s.calls / requests >= SAME_SQL),
    )
