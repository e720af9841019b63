"""The little of ASGI the baseline needs: a request's parts, and answers."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
JSON = b"application/json"


class Request:
    __slots__ = ("headers", "path", "query", "receive", "request_id")

    def __init__(self, scope: Scope, receive: Receive) -> None:
        self.path: str = scope["path"]
        self.query: bytes = scope["query_string"]
        self.headers: dict[bytes, bytes] = dict(scope["headers"])
        self.receive = receive
        self.request_id = uuid.uuid4().hex

    def header(self, name: bytes) -> str | None:
        value = self.headers.get(name)
        return None if value is None else value.decode("latin-1")

    async def body(self) -> bytes:
        chunks = []
        while True:
            message = await self.receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                return b"".join(chunks)


# the API's security headers on every answer (api/security_headers.py), so both send as much
SECURITY = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (
        b"content-security-policy",
        b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ),
]
NO_STORE = (b"cache-control", b"no-store")


class Answer:
    __slots__ = ("body", "headers", "status")

    def __init__(self, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        self.status = status
        self.body = body
        self.headers = headers

    async def send(self, send: Send, request_id: str) -> None:
        headers = [*self.headers, (b"x-request-id", request_id.encode())]
        if not any(name == b"cache-control" for name, _ in self.headers):
            headers.append(NO_STORE)
        headers += SECURITY
        if self.status != 304:
            headers.append((b"content-length", str(len(self.body)).encode()))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body})


def problem(status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> Answer:
    body = msgspec.json.encode({"status": status, "detail": detail})
    return Answer(status, body, [(b"content-type", b"application/problem+json"), *(extra or [])])


def strong_etag(body: bytes) -> str:
    digest = hashlib.blake2b(body, digest_size=16).digest()
    return '"' + base64.urlsafe_b64encode(digest).decode().rstrip("=") + '"'


def etag_matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    return any(candidate.strip().removeprefix("W/") == etag for candidate in header.split(","))


def cached(
    request: Request, body: bytes, etag: str, cache_control: bytes, extra: list[tuple[bytes, bytes]]
) -> Answer:
    """200 with validators, or 304 when the client's copy is current (as api/negotiation.py)."""
    headers = [
        (b"etag", etag.encode()),
        (b"cache-control", cache_control),
        (b"vary", b"Accept-Language"),
        *extra,
        (b"content-language", b"en"),
    ]
    if etag_matches(request.header(b"if-none-match"), etag):
        return Answer(304, b"", headers)
    return Answer(200, body, [*headers, (b"content-type", JSON)])
