"""X-Request-ID and the access log line, around everything (unknown routes included)."""

from __future__ import annotations

import itertools
import logging
import os
import re
import time
from contextvars import ContextVar

from litestar.types import ASGIApp, HTTPScope, Message, Receive, Scope, Send

from api.logs import direct_line, line_start
from api.quotas import STATE_KEY as RATE_LIMIT_KEY
from api.quotas import rate_limit_headers
from api.security_headers import SecurityHeaders, add_security_headers

REQUEST_ID_HEADER = b"x-request-id"
_VALID_REQUEST_ID = re.compile(rb"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")

ACCESS = "hkte.access"
access_log = logging.getLogger(ACCESS)
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


class _RequestIds:
    """Fresh request ids: 32 hex digits, a random prefix per process and a counter. Unique
    across processes and restarts without a random draw (a system call) per request; an id is
    a correlation handle, not a secret."""

    def __init__(self) -> None:
        self.reseed()
        os.register_at_fork(after_in_child=self.reseed)  # a forked worker must not repeat ids

    def reseed(self) -> None:
        self.prefix = os.urandom(8).hex()
        self.counter = itertools.count(1)

    def next(self) -> str:
        return f"{self.prefix}{next(self.counter):016x}"


_fresh_ids = _RequestIds()


def _incoming_request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == REQUEST_ID_HEADER and _VALID_REQUEST_ID.match(value):
            return value.decode("ascii")
    return _fresh_ids.next()  # absent or not acceptable: never echo what we did not validate


class RequestEdge:
    """Around every HTTP request (unknown routes, refusals and framework errors included), in one
    wrapper: the request id (X-Request-ID) and the access log line; on the answer, the RateLimit
    fields of a counted request, `no-store` unless it says how it may be cached, the security
    headers and the request id. One closure and one header list per answer."""

    def __init__(self, app: ASGIApp, security: SecurityHeaders) -> None:
        self.app = app
        self.security = security

    async def __call__(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        request_id = _incoming_request_id(scope)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        token = current_request_id.set(request_id)
        extra = [*self.security.for_path(scope["path"]), (REQUEST_ID_HEADER, request_id.encode())]
        status = 500
        started = time.perf_counter()

        async def send_answer(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers") or ())
                decision = state.get(RATE_LIMIT_KEY)
                if decision is not None:
                    headers += rate_limit_headers(decision)
                add_security_headers(headers, extra)
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_answer)
        finally:
            current_request_id.reset(token)
            fields = {
                "method": scope["method"],
                "route": scope.get("path_template") or "(unmatched)",
                "path": scope["path"],
                "status": status,
                # whole microseconds as milliseconds: round(x, 3) converts through decimal text
                "duration_ms": int((time.perf_counter() - started) * 1_000_000 + 0.5) / 1000,
                "request_id": request_id,
                "client_id": state.get("client_id"),
            }
            direct = direct_line(access_log)
            if direct is None:  # others listen (or the level is off): a record, as any log
                access_log.info("request", extra=fields)
            else:  # only our stdout handler listens: the same line, without a LogRecord
                direct.write_line(line_start("info", ACCESS, "request", time.time()) | fields)
