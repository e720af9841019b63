"""Security headers on every answer (errors, 404s, OAuth, /docs included), computed once.

An API answering JSON needs no scripts, frames or referrers: the strict policy says so. The
Swagger UI at /docs runs Swagger's own scripts and styles from /static/swagger-ui, so its pages
get a policy allowing this server's assets (and nothing from elsewhere). Answers that say how
they may be cached (the Talent List and events: `ETag` with `max-age`) keep their
`Cache-Control`; every other answer is `no-store`: tokens, leads and problems stay out of caches.
"""

from __future__ import annotations

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
    """The headers for an answer's start (api/request_context.py adds them to every answer)."""

    def __init__(self, *, https: bool) -> None:
        common = common_headers(https=https)
        self.api = [*common, (b"content-security-policy", API_POLICY)]
        self.docs = [*common, (b"content-security-policy", DOCS_POLICY)]

    def for_path(self, path: str) -> Headers:
        return self.docs if path.startswith(DOCS_PATHS) else self.api


NO_STORE = (b"cache-control", b"no-store")


def add_security_headers(headers: Headers, extra: Headers) -> None:
    """`no-store` unless the answer says how it may be cached, then the security headers."""
    for name, _ in headers:
        if name == b"cache-control":
            break
    else:
        headers.append(NO_STORE)
    headers += extra
