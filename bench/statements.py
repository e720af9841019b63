"""Statements per request, from pg_stat_statements (reset before each measured run)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import asyncpg

TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\b", re.IGNORECASE)
OWN = "pg_stat_statements"
FREQUENT = 0.05  # per request: below that, background work (the API's auth refresh) and noise


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


async def reset(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SELECT pg_stat_statements_reset()")
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
    work: frozenset[int]  # query ids of those (but BEGIN, COMMIT, ROLLBACK)


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
        frozenset(s.queryid for s in work if s.calls / requests >= FREQUENT),
    )
