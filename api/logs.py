"""Structured JSON logs: one object per line on stdout. Never bodies, tokens or secrets."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
import traceback
from typing import Any

import msgspec

_encoder = msgspec.json.Encoder()
_STANDARD = set(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


# Their messages quote the data a statement carried ("invalid input syntax for type uuid:
# \"mei@example.org\"", "Key (email)=(...) already exists"): a log keeps their type only.
_QUOTING_DATA = ("sqlalchemy.", "asyncpg.")


def _exception_text(exc: BaseException, quiet: bool) -> str:
    kind = type(exc)
    if quiet:
        sqlstate = getattr(exc, "sqlstate", None) or getattr(getattr(exc, "orig", None), "sqlstate", None)
        state = f"; sqlstate {sqlstate}" if sqlstate else ""
        return f"{kind.__module__}.{kind.__qualname__}: (message omitted: it may quote data{state})"
    return "".join(traceback.format_exception_only(exc)).strip()


def format_exception_safely(exc: BaseException) -> str:
    """A traceback with every frame. When a database error is in the chain, every exception of
    the chain is named without its message (the driver's own ValueError quotes the value too)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    quiet = any(type(item).__module__.startswith(_QUOTING_DATA) for item in chain)
    parts = []
    for item in reversed(chain):
        frames = "".join(traceback.format_tb(item.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{_exception_text(item, quiet)}")
    return "\n\nThe above led to:\n\n".join(parts)


_second: tuple[int, str] = (-1, "")


def timestamp(created: float) -> str:
    """RFC 3339 UTC with milliseconds (the second's text kept: lines come many per second)."""
    global _second
    whole = int(created)
    if _second[0] != whole:
        _second = (whole, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)))
    return f"{_second[1]}.{int((created - whole) * 1000):03d}Z"


def line_start(level: str, logger: str, msg: str, created: float) -> dict[str, Any]:
    """The fields every line starts with."""
    return {"ts": timestamp(created), "level": level, "logger": logger, "msg": msg}


class JsonFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        return format_exception_safely(ei[1]) if ei[1] is not None else ""

    def format(self, record: logging.LogRecord) -> str:
        fields = line_start(record.levelname.lower(), record.name, record.getMessage(), record.created)
        fields.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info and record.exc_info[0] is not None:
            fields["exc_type"] = record.exc_info[0].__name__
            fields["traceback"] = self.formatException(record.exc_info)
        return _encoder.encode(fields).decode()


def direct_line(logger: logging.Logger) -> BatchedStreamHandler | None:
    """Our handler, when a record of `logger` (an `hkte.*` logger at INFO) would reach it and
    nothing else: then a line can be written to it directly, without a LogRecord (the access
    log, a line per request). None when anything else listens (tests capture records) or the
    level is off: log through `logger` then."""
    if logger.handlers or logger.filters or not logger.propagate or not logger.isEnabledFor(logging.INFO):
        return None
    parent = logger.parent
    if parent is None or parent.filters or len(parent.handlers) != 1:
        return None
    handler = parent.handlers[0]
    if not isinstance(handler, BatchedStreamHandler) or handler.filters or handler.level > logging.INFO:
        return None
    return handler


class BatchedStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Lines logged during one turn of the event loop leave in one write, at the end of that
    turn (not one write and flush per line: the access log writes a line per request). Outside
    a running loop, or from another thread, a line is written at once. Nothing waits longer than
    the turn that logged it; `logging.shutdown` flushes what is left at exit."""

    def __init__(self, stream: Any = None) -> None:
        super().__init__(stream)
        self._pending: list[str] = []
        self._loop: asyncio.AbstractEventLoop | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:
            self.handleError(record)
            return
        self.write(line)  # Handler.handle holds the lock

    def write_line(self, fields: dict[str, Any]) -> None:
        """A line made of `fields` (which start with `line_start()`), written as `emit` writes one."""
        line = _encoder.encode(fields).decode()
        with self.lock:  # type: ignore[union-attr]
            self.write(line)

    def write(self, line: str) -> None:
        self._pending.append(line)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not in the event loop's thread
            self.flush()
            return
        if self._loop is not loop:  # the first line of this turn: write them all when it ends
            self._loop = loop
            loop.call_soon(self._end_of_turn)

    def _end_of_turn(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            self._loop = None
            self.flush()

    def flush(self) -> None:
        if self._pending:
            lines, self._pending = self._pending, []
            try:
                self.stream.write("\n".join(lines) + "\n")
            except Exception:  # a closed or broken stdout loses log lines, never a request
                return
        super().flush()


def configure_logging(level: str = "INFO") -> None:
    """Route the `hkte` loggers to stdout as JSON lines (idempotent)."""
    # Attributes a JSON line never shows (the caller's file and line, thread and process names),
    # not collected for every record: the logging documentation's own optimisation advice
    # (a stack walk per record otherwise, and the access log writes a record per request).
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    logger = logging.getLogger("hkte")
    logger.setLevel(level.upper())
    logger.propagate = False
    if not any(getattr(h, "_hkte", False) for h in logger.handlers):
        handler = BatchedStreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        handler._hkte = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
