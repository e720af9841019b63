"""Recognising 'the database is not there right now' among the exceptions a query can raise."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import asyncpg
from sqlalchemy import exc as sa_exc

_UNAVAILABLE_SQLSTATES = {
    "57P01",  # admin_shutdown
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now (starting up)
    "57014",  # query_canceled (statement_timeout)
    "53300",  # too_many_connections
    "08000",
    "08003",
    "08006",
    "08001",
    "08004",  # connection exceptions
}


_UNSTORABLE_TEXT_SQLSTATES = {
    "22021",  # character_not_in_repertoire (a NUL character in text)
    "22P05",  # untranslatable_character
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and every exception behind it (causes, contexts, the DBAPI error SQLAlchemy wraps)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or getattr(current, "orig", None) or current.__context__


def is_unstorable_text(exc: BaseException) -> bool:
    """True when the client sent text PostgreSQL cannot store (a NUL character): its fault, not ours."""
    return any(getattr(e, "sqlstate", None) in _UNSTORABLE_TEXT_SQLSTATES for e in _chain(exc))


def is_database_unavailable(exc: BaseException) -> bool:
    """True when `exc` means the database is down, restarting, overloaded or too slow."""
    for current in _chain(exc):
        if isinstance(current, sa_exc.TimeoutError | asyncio.TimeoutError | ConnectionError | OSError):
            return True
        if isinstance(current, sa_exc.DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(
            current,
            sa_exc.InterfaceError
            | asyncpg.InterfaceError
            | asyncpg.PostgresConnectionError
            | asyncpg.InternalClientError,  # a connection left mid-protocol by a lost server
        ):
            return True
        if getattr(current, "sqlstate", None) in _UNAVAILABLE_SQLSTATES:
            return True
    return False
