"""The hottest operations, answered before the framework when the request is the plain,
authorised one: `GET /v1/talent-list`, `GET /v1/leads/{id}`, `POST /v1/leads` and
`GET /v1/events` filtered by codes (country, city, sector, profession, language) with a cursor and
a page size.

Partners call these all day, and what Litestar costs around them (routing, parameter parsing and
the signature model, dependency injection, response conversion: about 0.15 ms of CPU per request)
was most of what they cost. Here they get the same answer (the same bytes and headers, from the
same use cases and renderings, the same token verification, scope check and quota) without it.

Only the success path is taken here. Anything else goes to Litestar, which answers it as always:
no token or a bad one, a missing scope, a spent quota, a query string (but the listing's plain
one: names it takes, values of unreserved characters only, so that nothing is decoded), a body
that does not decode strictly into its struct, a domain error (a lead not found or not yours, a
duplicate, a reused key, an unknown code, a cursor of other filters), a database failure. When
the use case itself failed, the framework is handed its exception (`RAISED_KEY`) and answers it
as if its own handler had raised it, without running it again; the quota is counted once. Tests
compare both paths byte for byte (tests/api/test_fast_paths.py, tests/api/test_fast_events.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import msgspec

from adapters.catalog_cache import TalentListCache
from adapters.oauth.tokens import AccessTokens, TokenRejected
from api.event_filters import MAX_VALUES
from api.fast_token import PATH as TOKEN
from api.fast_token import token_request
from api.held_body import HeldBody
from api.negotiation import Languages, etag_matches, from_accept_language, strong_etag, validator_headers
from api.quotas import STATE_KEY, client_decision
from api.routes.events import CACHE_CONTROL as EVENTS_CACHE_CONTROL
from api.routes.events import PAGE_SIZE_DEFAULT, listing_filters, listing_page
from api.routes.leads import REPLAYED, lead_headers, lead_json, read_lead, submit_lead
from api.routes.talent_list import CACHE_CONTROL, Catalog, hong_kong_today
from api.schemas.leads import LeadCreate
from domain.errors import NotFound
from domain.i18n import Language
from domain.principal import Principal
from domain.scopes import Scope

Headers = list[tuple[bytes, bytes]]
Receive = Any
Send = Any

TALENT_LIST = "/v1/talent-list"
LEADS = "/v1/leads"
LEAD_PATH = re.compile(r"^/v1/leads/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
LEAD_TEMPLATE = "/v1/leads/{lead_id:uuid}"
JSON = b"application/json"
MAX_KEY_LENGTH = 255
RAISED_KEY = "raised_before_framework"
EVENTS = "/v1/events"
LISTING_CODES = ("country", "city", "sector", "profession", "language")
MAX_CURSOR = 200
UNRESERVED = re.compile(r"[A-Za-z0-9._~-]+\Z")  # RFC 3986: the same text before and after decoding
PAGE_SIZE = re.compile(r"[1-9][0-9]?\Z|100\Z")  # 1-100, written plainly


@dataclass(frozen=True, slots=True)
class PlainListing:
    """The parameters of a plain events listing, as the handler would receive them."""

    codes: dict[str, list[str]]
    cursor: str | None
    limit: int
    params: list[tuple[str, str]]  # in order, for the next page's link


def plain_listing(query_string: bytes) -> PlainListing | None:
    """The listing's parameters when they are the plain ones (None leaves it to the framework):
    each parameter a code filter (at most MAX_VALUES of each), `cursor` or `limit` (once), and
    every value of unreserved characters, so that it means the same however it is decoded."""
    params: list[tuple[str, str]] = []
    if query_string:
        for pair in query_string.decode("latin-1").split("&"):
            name, equals, value = pair.partition("=")
            if not equals or UNRESERVED.match(value) is None:
                return None
            params.append((name, value))
    codes: dict[str, list[str]] = {name: [] for name in LISTING_CODES}
    cursor, limit = None, None
    for name, value in params:
        if name in codes:
            codes[name].append(value)
        elif name == "cursor" and cursor is None and len(value) <= MAX_CURSOR:
            cursor = value
        elif name == "limit" and limit is None and PAGE_SIZE.match(value) is not None:
            limit = int(value)
        else:
            return None
    if any(len(values) > MAX_VALUES for values in codes.values()):
        return None
    return PlainListing(codes, cursor, PAGE_SIZE_DEFAULT if limit is None else limit, params)


def _header(headers: Headers, name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


def _encoded(headers: dict[str, str]) -> Headers:
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()]


async def _answer(send: Send, status: int, headers: Headers, body: bytes) -> None:
    if status != 304:
        headers = [*headers, (b"content-type", JSON), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _admitted(state: Any, scope: dict[str, Any], needed: Scope, template: str) -> Principal | None:
    """The caller, when its token is valid, has `needed` and its quota admits the request (counted
    here once: the framework does not count it again); None leaves the request to the framework."""
    authorization = _header(scope["headers"], b"authorization")
    if authorization is None or authorization[:7].lower() != "bearer ":
        return None
    tokens: AccessTokens = state.tokens
    if tokens.state.key_ring is None:
        return None
    try:
        principal = tokens.verify(authorization[7:].strip())
    except TokenRejected:
        return None
    if not principal.has(needed):
        return None
    decision = await client_decision(state, principal)
    if not decision.allowed:
        return None  # the framework refuses it (429), counted once more: it is over the limit anyway
    request_state = scope.setdefault("state", {})
    request_state["principal"] = principal
    request_state["client_id"] = principal.client_id
    request_state[STATE_KEY] = decision
    scope["path_template"] = template
    return principal


def _in_force_answer(catalog: Catalog, language: Language) -> tuple[bytes, str, Headers]:
    """The edition in force as answered in `language`: its body, ETag and validator headers."""
    languages = Languages((language,))
    body, etag = catalog.in_force(languages)
    return body, etag, _encoded(validator_headers(etag, CACHE_CONTROL, languages.content_language))


async def talent_list_in_force(state: Any, scope: dict[str, Any], send: Send) -> bool:
    if await _admitted(state, scope, Scope.TALENT_LIST_READ, TALENT_LIST) is None:
        return False
    cache: TalentListCache = state.talent_list
    editions = await cache.editions()
    headers = scope["headers"]
    language = from_accept_language(_header(headers, b"accept-language"))
    try:  # rendered once per language and day for the editions as they are (memo cleared on a new one)
        body, etag, out = cache.memo(
            ("in-force answer", language, hong_kong_today()),
            lambda: _in_force_answer(Catalog(editions, cache), language),
        )
    except NotFound:  # no edition in force: the framework answers it (counted already)
        return False
    if etag_matches(_header(headers, b"if-none-match"), etag):
        await _answer(send, 304, out, b"")
    else:
        await _answer(send, 200, out, body)
    return True


async def event_listing(state: Any, scope: dict[str, Any], send: Send) -> bool:
    plain = plain_listing(scope["query_string"])
    if plain is None:
        return False
    principal = await _admitted(state, scope, Scope.EVENTS_READ, EVENTS)
    if principal is None:
        return False
    headers = scope["headers"]
    languages = Languages((from_accept_language(_header(headers, b"accept-language")),))
    try:
        filters = await listing_filters(state, **plain.codes)
        body, link = await listing_page(
            state, principal, filters, plain.cursor, plain.limit, languages, plain.params
        )
    except Exception as exc:  # a bad code or cursor, the database: the framework answers it
        scope["state"][RAISED_KEY] = exc
        return False
    etag = strong_etag(body)
    out = _encoded(validator_headers(etag, EVENTS_CACHE_CONTROL, languages.content_language, link))
    if etag_matches(_header(headers, b"if-none-match"), etag):
        await _answer(send, 304, out, b"")
    else:
        await _answer(send, 200, out, body)
    return True


async def own_lead(state: Any, scope: dict[str, Any], send: Send, lead_id: UUID) -> bool:
    principal = await _admitted(state, scope, Scope.LEADS_READ, LEAD_TEMPLATE)
    if principal is None:
        return False
    try:
        lead = await read_lead(state, principal, lead_id)
    except Exception as exc:  # not found, not yours, the database: the framework answers it
        scope["state"][RAISED_KEY] = exc
        return False
    await _answer(send, 200, _encoded(lead_headers(lead)), lead_json(lead, state.settings.base_url))
    return True


async def new_lead(state: Any, scope: dict[str, Any], body: HeldBody, send: Send) -> bool:
    headers = scope["headers"]
    content_type = _header(headers, b"content-type") or ""
    key = _header(headers, b"idempotency-key")
    if (
        content_type.split(";")[0].strip().lower() != "application/json"
        or not key
        or len(key) > MAX_KEY_LENGTH
    ):
        return False
    principal = await _admitted(state, scope, Scope.LEADS_WRITE, LEADS)
    if principal is None:
        return False
    raw = await body.read(state.settings.max_body_bytes)
    if raw is None or b"\\u0000" in raw:  # too large, or text PostgreSQL cannot store
        return False
    try:
        data = msgspec.json.decode(raw, type=LeadCreate, strict=True)
    except msgspec.DecodeError:  # malformed, or not exactly as the document says
        return False
    try:
        answer, replayed = await submit_lead(state, principal, key, data)
    except Exception as exc:  # a domain error or the database (rolled back): the framework answers it
        scope["state"][RAISED_KEY] = exc
        return False
    out = _encoded(answer.headers)
    if replayed:
        out.append((REPLAYED.lower().encode(), b"true"))
    await _answer(send, answer.status, out, answer.body)
    return True


async def answer_before_framework(
    state: Any, scope: dict[str, Any], receive: Receive, send: Send
) -> Receive | None:
    """None when the request was answered here; otherwise the `receive` to hand to the framework."""
    method, path = scope["method"], scope["path"]
    if path == EVENTS and method == "GET":
        return None if await event_listing(state, scope, send) else receive
    if scope.get("query_string"):
        return receive
    if method == "GET":
        if path == TALENT_LIST:
            return None if await talent_list_in_force(state, scope, send) else receive
        if (match := LEAD_PATH.match(path)) is not None:
            return None if await own_lead(state, scope, send, UUID(match[1])) else receive
    elif method == "POST":
        if path == LEADS:
            body = HeldBody(receive)
            return None if await new_lead(state, scope, body, send) else body.receive
        if path == TOKEN:
            return await token_request(state, scope, receive, send)
    return receive
