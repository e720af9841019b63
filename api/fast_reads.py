"""The hottest read, answered before the framework: `GET /v1/talent-list` (no query) from a
client whose token, scope and quota are in order.

Partners fetch the Talent List in force all day; its answer is rendered once per edition,
language and day and kept in memory, so what a request costs is the framework around it. This
path gives the same answer (the same bytes and headers, rendered by the same `Catalog`, checked
by the same token verification and quota) without routing, parameter parsing and response
conversion. Anything else (no token or a bad one, a missing scope, a spent quota, a query, no
edition in force) goes through Litestar, which answers it as always; a test compares both paths.
"""

from __future__ import annotations

from typing import Any

from adapters.catalog_cache import TalentListCache
from adapters.oauth.tokens import AccessTokens, TokenRejected
from api.negotiation import Languages, etag_matches, from_accept_language
from api.quotas import STATE_KEY, client_decision
from api.routes.talent_list import CACHE_CONTROL, Catalog
from domain.errors import NotFound
from domain.scopes import Scope

PATH = "/v1/talent-list"
NEEDED = Scope.TALENT_LIST_READ


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


async def talent_list_in_force(state: Any, scope: dict[str, Any], send: Any) -> bool:
    """Answer the request if it is the plain, authorised read; False to leave it to Litestar."""
    if scope["method"] != "GET" or scope["path"] != PATH or scope.get("query_string"):
        return False
    headers = scope["headers"]
    authorization = _header(headers, b"authorization")
    if authorization is None or authorization[:7].lower() != "bearer ":
        return False
    tokens: AccessTokens = state.tokens
    if tokens.state.key_ring is None:
        return False
    try:
        principal = tokens.verify(authorization[7:].strip())
    except TokenRejected:
        return False
    if not principal.has(NEEDED):
        return False
    cache: TalentListCache = state.talent_list
    languages = Languages((from_accept_language(_header(headers, b"accept-language")),))
    try:
        body, etag = Catalog(await cache.editions(), cache).in_force(languages)
    except NotFound:
        return False
    decision = await client_decision(state, principal)
    if not decision.allowed:
        return False  # Litestar refuses it (429), counted once more: it is over the limit anyway
    request_state = scope.setdefault("state", {})
    request_state.update({"principal": principal, "client_id": principal.client_id, STATE_KEY: decision})
    scope["path_template"] = PATH
    out = [
        (b"etag", etag.encode()),
        (b"cache-control", CACHE_CONTROL.encode()),
        (b"vary", b"Accept-Language"),
        (b"content-language", languages.content_language.encode()),
    ]
    if etag_matches(_header(headers, b"if-none-match"), etag):
        await send({"type": "http.response.start", "status": 304, "headers": out})
        await send({"type": "http.response.body", "body": b""})
    else:
        out += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": body})
    return True
