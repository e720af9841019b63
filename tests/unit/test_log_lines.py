"""The access log's direct line (written without a LogRecord when only our stdout handler
listens) is the line the JSON formatter writes for the same record, and the direct path is
taken only when nothing else would see the record."""

from __future__ import annotations

import io
import json
import logging
import time
import uuid
from datetime import datetime
from typing import Any

from api.logs import BatchedStreamHandler, JsonFormatter, direct_line, line_start

FIELDS = {
    "method": "GET",
    "route": "/v1/leads/{lead_id:uuid}",
    "path": "/v1/leads/0193e4a0-0000-7000-8000-000000000000",
    "status": 200,
    "duration_ms": 0.412,
    "request_id": "a7ec627abd95e79c0000000000000005",
    "client_id": None,
}


def _loggers() -> tuple[logging.Logger, logging.Logger, BatchedStreamHandler, io.StringIO]:
    name = f"direct-line-{uuid.uuid4().hex}"  # a fresh pair in logging's own hierarchy
    parent, child = logging.getLogger(name), logging.getLogger(f"{name}.access")
    parent.propagate = False
    parent.setLevel(logging.INFO)
    out = io.StringIO()
    handler = BatchedStreamHandler(out)
    handler.setFormatter(JsonFormatter())
    parent.addHandler(handler)
    return parent, child, handler, out


def test_the_direct_line_is_the_formatters_line() -> None:
    _, child, handler, out = _loggers()
    assert direct_line(child) is handler
    child.info("request", extra=FIELDS)
    now = time.time()
    handler.write_line({**line_start("info", child.name, "request", now), **FIELDS})
    handler.flush()
    by_record, direct = (json.loads(line) for line in out.getvalue().splitlines())
    assert by_record.pop("ts")[:16] == direct.pop("ts")[:16]  # the same minute, to the format
    assert by_record == direct
    assert list(by_record) == ["level", "logger", "msg", *FIELDS]


def test_records_are_made_whenever_anything_else_would_see_them() -> None:
    parent, child, handler, _ = _loggers()
    capture = logging.Handler()
    parent.addHandler(capture)  # as the tests' log capture does
    assert direct_line(child) is None
    parent.removeHandler(capture)
    child.addHandler(capture)
    assert direct_line(child) is None
    child.removeHandler(capture)
    parent.setLevel(logging.WARNING)
    assert direct_line(child) is None
    parent.setLevel(logging.INFO)
    assert direct_line(child) is handler


def test_timestamps_keep_milliseconds_across_seconds() -> None:
    from api.logs import timestamp

    assert timestamp(0.25) == "1970-01-01T00:00:00.250Z"
    assert timestamp(61.5) == "1970-01-01T00:01:01.500Z"
    assert timestamp(0.0) == "1970-01-01T00:00:00.000Z"


async def test_lines_leave_in_batches_and_warnings_at_once() -> None:
    import asyncio

    from api import logs

    _, child, _, out = _loggers()
    child.info("first")
    child.info("second")
    assert out.getvalue() == ""  # pending: written together, soon
    await asyncio.sleep(logs.FLUSH_AFTER_S * 3)
    assert [json.loads(line)["msg"] for line in out.getvalue().splitlines()] == ["first", "second"]
    child.info("third")
    child.warning("trouble")  # at once, after what was pending
    assert [json.loads(line)["msg"] for line in out.getvalue().splitlines()][2:] == ["third", "trouble"]


def test_outside_a_loop_a_line_is_written_at_once() -> None:
    _, child, _, out = _loggers()
    child.info("now")
    assert json.loads(out.getvalue())["msg"] == "now"


async def test_the_request_edge_writes_the_line_a_record_would() -> None:
    """The access line as RequestEdge writes it directly, and as the formatter writes its record
    when something else listens too: the same fields, in the same order."""
    from api.request_context import ACCESS, RequestEdge
    from api.security_headers import SecurityHeaders

    async def app(scope: Any, receive: Any, send: Any) -> None:
        scope["path_template"] = "/v1/things/{id}"
        scope["state"]["client_id"] = "hkte_client"
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def ignore(message: Any) -> None:
        return None

    async def nothing() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    edge = RequestEdge(app, SecurityHeaders(https=False))
    hkte = logging.getLogger("hkte")
    handlers, level, propagate = hkte.handlers[:], hkte.level, hkte.propagate
    out = io.StringIO()
    handler = BatchedStreamHandler(out)
    handler.setFormatter(JsonFormatter())
    hkte.handlers[:] = [handler]
    hkte.setLevel(logging.INFO)
    hkte.propagate = False
    try:
        lines = []
        for listener in (None, logging.NullHandler()):  # alone: direct; with another: a record
            if listener is not None:
                hkte.addHandler(listener)
            assert (direct_line(logging.getLogger(ACCESS)) is handler) == (listener is None)
            headers = [(b"x-request-id", b"req-1")]
            scope = {"type": "http", "method": "GET", "path": "/v1/things/7", "headers": headers}
            await edge(scope, nothing, ignore)
            handler.flush()
            lines.append(json.loads(out.getvalue().splitlines()[-1]))
    finally:
        hkte.handlers[:], hkte.propagate = handlers, propagate
        hkte.setLevel(level)
    direct, by_record = lines
    for line in lines:
        written = datetime.fromisoformat(line.pop("ts").replace("Z", "+00:00"))
        assert abs(written.timestamp() - time.time()) < 60
        assert line.pop("duration_ms") >= 0
    assert direct == by_record
    assert direct == {
        "level": "info",
        "logger": ACCESS,
        "msg": "request",
        "method": "GET",
        "route": "/v1/things/{id}",
        "path": "/v1/things/7",
        "status": 204,
        "request_id": "req-1",
        "client_id": "hkte_client",
    }
    assert list(direct) == list(by_record)


def test_a_line_that_cannot_be_encoded_leaves_nothing_behind() -> None:
    _, _, handler, out = _loggers()
    handler.write_line({**line_start("info", "hkte.access", "request", time.time()), "n": 1})
    try:
        handler.write_line({"n": object()})
    except TypeError:
        pass
    else:
        raise AssertionError("an object msgspec cannot encode was encoded")
    handler.write_line({"n": 3})
    handler.flush()
    assert [json.loads(line)["n"] for line in out.getvalue().splitlines()] == [1, 3]
