"""Core statements compiled once for the asyncpg connection of a DriverUnitOfWork.

The statement stays defined with SQLAlchemy (one definition of tables and columns, and the text
SQLAlchemy's own compiler renders, so pg_stat_statements sees one statement whichever path runs
it); each execution is then the driver's alone: no execution context, parameter processing or
result adaptation. Parameters go in as the driver takes them (JSONB as JSON text)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

_DIALECT = PGDialect_asyncpg()  # type: ignore[no-untyped-call]


@dataclass(frozen=True, slots=True)
class DriverStatement:
    sql: str
    names: tuple[str, ...]  # the parameters in their positional order ($1, $2, ...)
    given: Mapping[str, Any]  # values the statement carries itself (literals made parameters)

    @classmethod
    def of(cls, statement: ClauseElement) -> DriverStatement:
        compiled = statement.compile(dialect=_DIALECT)
        assert isinstance(compiled, SQLCompiler)
        names = tuple(compiled.positiontup or ())
        bound = compiled.binds
        given = {name: compiled.params[name] for name in names if bound[name].value is not None}
        return cls(compiled.string, names, given)

    def args(self, values: Mapping[str, Any]) -> list[Any]:
        """The positional arguments for `values` by name (a missing one is a KeyError)."""
        return [values[name] if name in values else self.given[name] for name in self.names]
