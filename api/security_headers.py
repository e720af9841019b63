"""Security headers on every answer (errors, 404s, OAuth, /docs included), computed once.

An API answering JSON needs no scripts, frames or referrers: the strict policy says so. The
Swagger UI at /docs runs Swagger's own scripts and styles from /static/swagger-ui, so its pages
get a policy allowing this server's assets (and nothing from elsewhere). Answers that say how
they may be cached (the Talent List and events: `ETag` with `max-age`) keep their
`Cache-Control`; every other answer is `no-store`: tokens, leads and problems stay out of caches.
"""

from __future__ import annotations

from litestar.types import ASGIApp, Message, Receive, Scope, Send

Headers = list[tuple[bytes, bytes]]

API_POLICY = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# Swagger UI sets inline style attributes as it renders; scripts stay strictly this server's own.
DOCS_POLICY = (
    b"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    b"connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
DOCS_PATHS = ("/docs", "/static/")
HSTS = b"max-age=31536000"


def common_headers(*, https: bool) -> Headers:
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]
    if https:  # only over TLS: browsers ignore it on http, and it would pin a local http server
        headers.append((b"strict-transport-security", HSTS))
    return headers


class SecurityHeaders:
    """ASGI wrapper adding the headers to each `http.response.start` (a list concatenation)."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        common = common_headers(https=https)
        self.api = [*common, (b"content-security-policy", API_POLICY)]
        self.docs = [*common, (b"content-security-policy", DOCS_POLICY)]
        self.no_store = (b"cache-control", b"no-store")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        extra = self.docs if scope["path"].startswith(DOCS_PATHS) else self.api
        no_store = self.no_store

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: Headers = list(message.get("headers") or ())
                for name, _ in headers:
                    if name == b"cache-control":
                        break
                else:
                    headers.append(no_store)
                headers += extra
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_secured)
