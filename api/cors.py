"""CORS: closed unless CORS_ALLOWED_ORIGINS names exact origins.

Partners' servers call this API directly and need no CORS; a browser application of a partner
must be named in the setting. For a named origin a preflight is answered here (any path: it
reveals nothing) and actual answers carry `Access-Control-Allow-Origin` and the response
headers scripts may read. For any other origin nothing CORS is added, so browsers refuse to
hand the answer to the script; the preflight reaches the route's own OPTIONS answer. No
credentials mode: the API authenticates with bearer tokens, never cookies.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from litestar.types import ASGIApp, Message

ALLOWED_METHODS = b"GET, HEAD, POST, PATCH, DELETE, OPTIONS"
ALLOWED_HEADERS = (
    b"Accept, Accept-Language, Authorization, Content-Type, Idempotency-Key, If-Match, "
    b"If-None-Match, X-Request-ID"
)
EXPOSED_HEADERS = (
    b"Content-Language, ETag, Idempotent-Replayed, Link, Location, RateLimit, RateLimit-Policy, "
    b"Retry-After, WWW-Authenticate, X-Request-ID"
)
MAX_AGE = b"600"


def _with_vary_origin(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Answers differ by Origin once CORS is on: say so to caches, keeping any other Vary."""
    for index, (name, value) in enumerate(headers):
        if name == b"vary":
            headers[index] = (name, value + b", Origin")
            return headers
    headers.append((b"vary", b"Origin"))
    return headers


class Cors:
    def __init__(self, app: ASGIApp, origins: Iterable[str]) -> None:
        self.app = app
        self.origins = frozenset(origin.encode("ascii") for origin in origins)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        origin = preflight = None
        for name, value in scope["headers"]:
            if name == b"origin":
                origin = value
            elif name == b"access-control-request-method":
                preflight = value
        allowed = origin is not None and origin in self.origins
        if allowed and preflight is not None and scope["method"] == "OPTIONS":
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [
                        (b"access-control-allow-origin", origin),
                        (b"access-control-allow-methods", ALLOWED_METHODS),
                        (b"access-control-allow-headers", ALLOWED_HEADERS),
                        (b"access-control-max-age", MAX_AGE),
                        (b"vary", b"Origin"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = _with_vary_origin(list(message.get("headers", ())))
                if allowed:
                    headers.append((b"access-control-allow-origin", origin or b""))
                    headers.append((b"access-control-expose-headers", EXPOSED_HEADERS))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_cors)
