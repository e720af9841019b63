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
_millisecond: tuple[int, str] = (-1, "")


def timestamp(created: float) -> str:
    """RFC 3339 UTC with milliseconds (the last second's and millisecond's text kept: under load
    lines come many per millisecond)."""
    global _second, _millisecond
    milliseconds = int(created * 1000)
    if _millisecond[0] == milliseconds:
        return _millisecond[1]
    whole, fraction = divmod(milliseconds, 1000)
    if _second[0] != whole:
        _second = (whole, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)))
    text = f"{_second[1]}.{fraction:03d}Z"
    _millisecond = (milliseconds, text)
    return text


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


FLUSH_AFTER_S = 0.1
FLUSH_AT_BYTES = 64 * 1024


class BatchedStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Lines are written in batches: at most a tenth of a second after they were logged (or at
    64 KiB), not one write and flush per line (the access log writes a line per request, and
    that write was some 5 % of a small request's time); a line at WARNING or above goes out at
    once, with those before it. Outside a running loop, or from another thread, a line is
    written at once. `flush()` writes what is pending: the app's shutdown and `logging.shutdown`
    at exit call it. Pending lines are kept as UTF-8 in one buffer (a direct line is encoded
    straight into it, no string per line)."""

    def __init__(self, stream: Any = None) -> None:
        super().__init__(stream)
        self._pending = bytearray()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_loop: asyncio.AbstractEventLoop | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:
            self.handleError(record)
            return
        self._pending += line.encode("utf-8", "backslashreplace")  # Handler.handle holds the lock
        self._pending += b"\n"
        self._written(urgent=record.levelno >= logging.WARNING)

    def write_line(self, fields: dict[str, Any]) -> None:
        """A line made of `fields` (the fields of `line_start()` first, then the line's own),
        written as `emit` writes one."""
        with self.lock:  # type: ignore[union-attr]
            end = len(self._pending)
            try:
                _encoder.encode_into(fields, self._pending, -1)
            except Exception:
                del self._pending[end:]  # nothing of a line that could not be encoded
                raise
            self._pending += b"\n"
            self._written()

    def _written(self, *, urgent: bool = False) -> None:
        if urgent or len(self._pending) >= FLUSH_AT_BYTES:
            self.flush()
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not in the event loop's thread
            self.flush()
            return
        if self._timer is None or self._timer_loop is not loop:  # none due (in this loop)
            self._timer_loop = loop
            self._timer = loop.call_later(FLUSH_AFTER_S, self._when_due)

    def _when_due(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            self._timer = None
            self.flush()

    def flush(self) -> None:
        if self._pending:
            data, self._pending = self._pending, bytearray()
            try:  # as text, one write per batch (the stream may be text only, or unbuffered)
                self.stream.write(data.decode("utf-8"))
            except Exception:  # a closed or broken stdout loses log lines, never a request
                return
        super().flush()


def flush_logs() -> None:
    """Write the pending lines of our handler now (at shutdown: a worker process may end without
    running `logging.shutdown`)."""
    for handler in logging.getLogger("hkte").handlers:
        handler.flush()


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
