"""Bearer-token protection of /v1 routes: CPU-only verification, scopes declared per route and
visible in the OpenAPI document (OAuth2 client-credentials scheme)."""

from __future__ import annotations

import time
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.exceptions import HTTPException, ServiceUnavailableException
from litestar.openapi.spec import OAuthFlow, OAuthFlows, SecurityScheme

from adapters.oauth.tokens import AccessTokens, TokenRejected
from api.quotas import enforce
from api.request_context import current_request_id
from domain.audit import Actor
from domain.principal import Principal
from domain.scopes import SCOPE_DESCRIPTIONS, Scope

SCHEME = "oauth2"
UNKNOWN_KID_RELOAD_INTERVAL_S = 1.0


class InvalidToken(HTTPException):
    status_code = 401
    problem_slug = "invalid-token"

    def __init__(self, reason: str) -> None:
        safe = reason.replace('"', "'")
        super().__init__(
            detail=f"The access token is not valid: {reason}.",
            headers={
                "WWW-Authenticate": f'Bearer realm="hkte", error="invalid_token", error_description="{safe}"'
            },
        )


class MissingToken(HTTPException):
    status_code = 401
    problem_slug = "unauthorized"

    def __init__(self) -> None:
        super().__init__(
            detail="An access token is required (Authorization: Bearer <token>).",
            headers={"WWW-Authenticate": 'Bearer realm="hkte"'},
        )


class InsufficientScope(HTTPException):
    status_code = 403
    problem_slug = "insufficient-scope"

    def __init__(self, needed: Scope) -> None:
        super().__init__(
            detail=f"This operation needs the scope {needed.value}.",
            headers={
                "WWW-Authenticate": f'Bearer realm="hkte", error="insufficient_scope", scope="{needed.value}"'
            },
        )


def security_scheme(token_url: str) -> SecurityScheme:
    return SecurityScheme(
        type="oauth2",
        description="OAuth 2.0 client credentials (RFC 6749 §4.4). Access tokens are RFC 9068 JWTs.",
        flows=OAuthFlows(
            client_credentials=OAuthFlow(
                token_url=token_url, scopes={s.value: SCOPE_DESCRIPTIONS[s] for s in Scope}
            )
        ),
    )


async def _verified(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    state = connection.scope.setdefault("state", {})
    cached = state.get("principal")
    if isinstance(cached, Principal):
        return cached
    header = connection.headers.get("authorization")
    if not header:
        raise MissingToken()
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidToken("use the Bearer scheme")
    tokens: AccessTokens = connection.app.state.tokens
    if tokens.state.key_ring is None and not await _reload_keys(connection):
        raise ServiceUnavailableException("authentication is not ready yet", headers={"Retry-After": "2"})
    try:
        principal = tokens.verify(token.strip())
    except TokenRejected as rejected:
        if not (rejected.unknown_kid and await _reload_keys(connection)):
            raise InvalidToken(rejected.reason) from None
        try:
            principal = tokens.verify(token.strip())
        except TokenRejected as again:
            raise InvalidToken(again.reason) from None
    state["principal"] = principal
    state["client_id"] = principal.client_id
    return principal


async def _reload_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """A kid we do not know may be a key rotated in by another process: reload, at most once a second."""
    auth = connection.app.state.auth
    if time.monotonic() - auth.refreshed_at < UNKNOWN_KID_RELOAD_INTERVAL_S:
        return False
    auth.refreshed_at = time.monotonic()  # one reload at a time, even under a flood of unknown kids
    async with connection.app.state.database.session() as session:
        await auth.refresh(session)
    return auth.key_ring is not None


def requires(scope: Scope) -> dict[str, Any]:
    """Route (or controller) options: the scope the operation needs, which `check_access` enforces
    before the handler runs, and the matching OpenAPI security."""
    return {"opt": {"scope": scope}, "security": [{SCHEME: [scope.value]}]}


async def check_access(request: Request[Any, Any, Any]) -> None:
    """Before every handler that names a scope: the token, the scope, the client's rate limit.
    (A hook rather than a Litestar guard: guards get a copy of the route handler per call.)"""
    needed = request.route_handler.opt.get("scope")
    if needed is None:
        return
    principal = await _verified(request)
    if not principal.has(needed):
        raise InsufficientScope(needed)
    await enforce(request, principal)


async def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    return await _verified(request)


def actor_of(principal: Principal) -> Actor:
    """Who acts, as the audit log records it: the client, its partner and the request."""
    return Actor(principal.client_id, principal.partner_id, current_request_id.get())
