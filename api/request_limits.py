"""Bounds on what a client controls in the request line and headers, checked before routing.

Bodies are bounded by MAX_BODY_BYTES (413, Litestar) and their JSON nesting by
`api.strict_bodies`; page sizes and list filters by their parameters (`limit` 1-100, a filter
repeated at most 20 times). Here, cheaply and before anything else runs: NUL characters (which
PostgreSQL can neither store nor match), the length of the URL, the number of query parameters
and the number of headers. The size of the header block is bounded by the HTTP server (granian's
HTTP/1 buffer, see `api.cli.serve`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import msgspec

from api.problems import MEDIA_TYPE, FieldError, Problem, problem_type
from api.request_context import current_request_id

MAX_URL_BYTES = 8192  # path and query string, as most proxies and servers bound them
MAX_QUERY_PARAMETERS = 200  # every filter of GET /v1/events at its 20 values fits
MAX_HEADERS = 100


class Refusal(msgspec.Struct, frozen=True):
    status: int
    slug: str
    title: str
    detail: str
    errors: list[FieldError] | None = None


def _most_repeated(query: bytes) -> tuple[str, int]:
    names = Counter(part.split(b"=", 1)[0] for part in query.split(b"&"))
    name, count = names.most_common(1)[0]
    return name.decode("latin-1")[:100], count


def refusal_for(scope: Any) -> Refusal | None:
    """Why this request is refused before routing, if it is (None for nearly every request)."""
    path: str = scope["path"]
    query: bytes = scope.get("query_string", b"")
    if len(path) + len(query) > MAX_URL_BYTES:
        return Refusal(
            414,
            "uri-too-long",
            "URI too long",
            f"The URL is longer than {MAX_URL_BYTES} bytes; send fewer or shorter parameters.",
        )
    if b"%00" in query or "\x00" in path:
        return Refusal(
            400,
            "invalid-characters",
            "The request is not valid",
            "The URL may not contain NUL (%00) characters.",
        )
    if query.count(b"&") >= MAX_QUERY_PARAMETERS:
        name, count = _most_repeated(query)
        return Refusal(
            400,
            "invalid-parameter",
            "The request is not valid",
            f"More than {MAX_QUERY_PARAMETERS} query parameters (`{name}` {count} times).",
            [FieldError(field=name, location="query", message=f"repeated {count} times")],
        )
    if len(scope["headers"]) > MAX_HEADERS:
        return Refusal(
            431,
            "headers-too-large",
            "Request header fields too large",
            f"More than {MAX_HEADERS} header fields.",
        )
    return None


async def send_refusal(scope: Any, send: Any, refusal: Refusal) -> None:
    body = msgspec.json.encode(
        Problem(
            type=problem_type(refusal.slug),
            title=refusal.title,
            status=refusal.status,
            detail=refusal.detail,
            instance=scope["path"].replace("\x00", "")[:200],
            request_id=current_request_id.get(),
            errors=refusal.errors,
        )
    )
    headers = [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
