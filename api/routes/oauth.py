"""OAuth 2.0 endpoints (answers in RFC 6749 §5.2 form, not problem details) and discovery."""

from __future__ import annotations

import base64
import binascii
import functools
import ipaddress
import urllib.parse
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State
from litestar.enums import RequestEncodingType
from litestar.exceptions import ClientException, HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body
from msgspec import Meta

from adapters.db.errors import is_database_unavailable
from adapters.oauth.service import OAuthAnswer, OAuthService
from adapters.quotas import SharedQuotas
from api.errors import handle_unexpected, log_unavailable
from api.quotas import header_fields
from api.request_context import current_request_id
from api.settings import Settings
from domain.clients import AuthMethod
from domain.quotas import Decision
from domain.scopes import Scope


class TokenRequest(msgspec.Struct, kw_only=True):
    grant_type: Annotated[str, Meta(examples=["client_credentials"])]
    scope: Annotated[
        str | None,
        Meta(
            description="Space-separated; default: all of the client's scopes.",
            examples=["talent-list:read leads:write"],
        ),
    ] = None
    client_id: str | None = None
    client_secret: str | None = None
    client_assertion_type: str | None = None
    client_assertion: str | None = None


class TokenResponse(msgspec.Struct, kw_only=True):
    access_token: str
    token_type: Annotated[str, Meta(examples=["Bearer"])]
    expires_in: Annotated[int, Meta(examples=[900])]
    scope: str


class OAuthError(msgspec.Struct, kw_only=True, omit_defaults=True):
    """RFC 6749 §5.2 error."""

    error: Annotated[str, Meta(examples=["invalid_client"])]
    error_description: str | None = None


class TokenOperation(msgspec.Struct, kw_only=True):
    token: str
    token_type_hint: str | None = None


class Introspection(msgspec.Struct, kw_only=True, omit_defaults=True):
    active: bool
    scope: str | None = None
    client_id: str | None = None
    sub: str | None = None
    exp: int | None = None
    iat: int | None = None
    jti: str | None = None


_FORM = Body(media_type=RequestEncodingType.URL_ENCODED)
_ERRORS = {
    400: ResponseSpec(
        OAuthError,
        description="invalid_request, invalid_scope or unsupported_grant_type",
        generate_examples=False,
    ),
    401: ResponseSpec(
        OAuthError, description="invalid_client (with WWW-Authenticate)", generate_examples=False
    ),
    413: ResponseSpec(
        OAuthError,
        description="invalid_request: the body is larger than the service accepts",
        generate_examples=False,
    ),
    503: ResponseSpec(
        OAuthError,
        description="temporarily_unavailable: the database is away; retry after Retry-After",
        generate_examples=False,
    ),
}
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
_TOKEN_ERRORS = {
    **_ERRORS,
    429: ResponseSpec(
        OAuthError,
        description="temporarily_unavailable: too many token requests from this client id or address; "
        "retry after Retry-After",
        generate_examples=False,
    ),
}


def claimed_client_id(authorization: str, form_client_id: str | None) -> str | None:
    """Who the caller says it is (not yet verified: this only picks the counter to charge)."""
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "basic":
        try:
            user = base64.b64decode(credentials.strip(), validate=True).decode().partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            return None
        return urllib.parse.unquote(user)[:100] or None
    return (form_client_id or "")[:100] or None


@functools.lru_cache(maxsize=4096)  # the same few peers ask again and again
def _network_of(host: str) -> str:
    """An IPv6 peer is counted by its /64 (one site can hold any address in it)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is None:
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address.ipv4_mapped or address) if isinstance(address, ipaddress.IPv6Address) else str(address)


async def token_quota_refusal(state: State, host: str, claimed: str | None) -> Decision | None:
    """The token endpoint's own limits: per source address and per client id (a client that asks
    for a token on every call, or someone guessing secrets, is slowed down before any hashing).
    Counts the request; the decision that refuses it, if one does."""
    limiter: SharedQuotas = state.quotas
    per_address, per_client = state.token_quotas
    address = _network_of(host)
    checks = [(f"token-address:{address}", per_address)]
    if claimed:
        # per client id as seen from this address: a stranger naming someone else's client id
        # (they are no secret) spends their own counter, never the client's
        checks.append((f"token-client:{claimed}@{address}", per_client))
    for key, quota in checks:
        decision = await limiter.hit(key, quota)
        if not decision.allowed:
            return decision
    return None


def too_many_token_requests(decision: Decision) -> OAuthAnswer:
    return OAuthAnswer(
        429,
        {
            "error": "temporarily_unavailable",
            "error_description": f"too many token requests; retry after {decision.reset_s} s "
            "(reuse a token until it expires)",
        },
        [*_NO_STORE.items(), *header_fields(decision).items(), ("Retry-After", str(decision.reset_s))],
    )


async def _token_quota(request: Request[Any, Any, State], data: TokenRequest) -> Response[Any] | None:
    claimed = claimed_client_id(request.headers.get("authorization", ""), data.client_id)
    host = request.client.host if request.client else "unknown"
    decision = await token_quota_refusal(request.app.state, host, claimed)
    return None if decision is None else _answer(too_many_token_requests(decision))


def _answer(answer: OAuthAnswer) -> Response[Any]:
    return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))


async def _handle(endpoint: str, request: Request[Any, Any, State]) -> Response[Any]:
    service: OAuthService = request.app.state.oauth
    answer = await service.handle(
        endpoint,
        uri=str(request.url),
        headers=request.headers,
        content_type=request.headers.get("content-type"),
        body=await request.body(),
        request_id=current_request_id.get(),
    )
    return _answer(answer)


def _invalid_request(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """OAuth endpoints answer in RFC 6749 form even when the form itself does not parse."""
    if isinstance(exc, HTTPException) and exc.status_code == 413:
        return Response(
            {"error": "invalid_request", "error_description": "the request body is too large"},
            status_code=413,
            headers=_NO_STORE,
        )
    return Response(
        {
            "error": "invalid_request",
            "error_description": "the request is missing a required parameter or is malformed",
        },
        status_code=400,
        headers=_NO_STORE,
    )


def database_unavailable(exc: Exception) -> OAuthAnswer:
    """A database that is away is a 503 in RFC 6749 form (`temporarily_unavailable`, the code
    §4.1.2.1 defines for it) with Retry-After; logged as for any other endpoint."""
    log_unavailable(exc)
    return OAuthAnswer(
        503,
        {
            "error": "temporarily_unavailable",
            "error_description": "the database is not reachable right now; retry shortly",
        },
        [*_NO_STORE.items(), ("Retry-After", "2")],
    )


def _unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """The database away (503, RFC 6749 form); anything else is the API's usual 500."""
    if not is_database_unavailable(exc):
        return handle_unexpected(request, exc)
    return _answer(database_unavailable(exc))


class OAuthController(Controller):
    path = "/oauth"
    tags = ["oauth"]  # noqa: RUF012
    security = []  # noqa: RUF012 (client authentication is in the body or Basic header)
    exception_handlers = {  # noqa: RUF012
        ValidationException: _invalid_request,
        ClientException: _invalid_request,
        Exception: _unavailable,
    }

    @post(
        "/token",
        operation_id="issueToken",
        summary="Get an access token (client credentials)",
        status_code=200,
        responses=_TOKEN_ERRORS,
    )
    async def token(
        self, request: Request[Any, Any, State], data: Annotated[TokenRequest, _FORM]
    ) -> TokenResponse:
        """RFC 6749 §4.4. Authenticate with `client_secret_basic`, `client_secret_post` or
        `private_key_jwt` (RFC 7523: `aud` is the issuer identifier, `exp` at most 5 minutes away,
        each `jti` accepted once). The answer is an RFC 9068 JWT to send as `Authorization: Bearer`;
        reuse it until it expires: token requests are limited per client id and per address (429)."""
        refused = await _token_quota(request, data)
        if refused is not None:
            return refused  # type: ignore[return-value]
        return await _handle("token", request)  # type: ignore[return-value]

    @post(
        "/revoke",
        operation_id="revokeToken",
        summary="Revoke an access token (RFC 7009)",
        status_code=200,
        responses=_ERRORS,
    )
    async def revoke(self, request: Request[Any, Any, State], data: Annotated[TokenOperation, _FORM]) -> None:
        """A client revokes one of its own tokens. Answers 200 for unknown or expired tokens too.
        The revocation reaches every API process within AUTH_REFRESH_SECONDS (default 5 s)."""
        return await _handle("revocation", request)  # type: ignore[return-value]

    @post(
        "/introspect",
        operation_id="introspectToken",
        summary="Introspect an access token (RFC 7662)",
        status_code=200,
        responses=_ERRORS,
    )
    async def introspect(
        self, request: Request[Any, Any, State], data: Annotated[TokenOperation, _FORM]
    ) -> Introspection:
        """For clients holding `clients:admin` only; any other client learns `{"active": false}`."""
        return await _handle("introspection", request)  # type: ignore[return-value]


class AuthorizationServerMetadata(msgspec.Struct, kw_only=True):
    issuer: str
    token_endpoint: str
    jwks_uri: str
    revocation_endpoint: str
    introspection_endpoint: str
    grant_types_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    token_endpoint_auth_signing_alg_values_supported: list[str]
    revocation_endpoint_auth_methods_supported: list[str]
    introspection_endpoint_auth_methods_supported: list[str]
    scopes_supported: list[str]
    response_types_supported: list[str]
    service_documentation: str


class DiscoveryController(Controller):
    path = "/.well-known"
    tags = ["oauth"]  # noqa: RUF012
    security = []  # noqa: RUF012

    @get(
        "/oauth-authorization-server",
        operation_id="getAuthorizationServerMetadata",
        summary="Authorization server metadata (RFC 8414)",
        cache_control=None,
    )
    async def metadata(self, request: Request[Any, Any, State]) -> AuthorizationServerMetadata:
        """Where to get tokens and how to authenticate: read this instead of hard-coding URLs."""
        settings: Settings = request.app.state.settings
        base = settings.issuer
        methods = [m.value for m in AuthMethod]
        return AuthorizationServerMetadata(
            issuer=base,
            token_endpoint=f"{base}/oauth/token",
            jwks_uri=f"{base}/.well-known/jwks.json",
            revocation_endpoint=f"{base}/oauth/revoke",
            introspection_endpoint=f"{base}/oauth/introspect",
            grant_types_supported=["client_credentials"],
            token_endpoint_auth_methods_supported=methods,
            token_endpoint_auth_signing_alg_values_supported=["RS256", "PS256", "ES256", "Ed25519"],
            revocation_endpoint_auth_methods_supported=methods,
            introspection_endpoint_auth_methods_supported=methods,
            scopes_supported=[s.value for s in Scope],
            response_types_supported=[],
            service_documentation=f"{base}/docs",
        )

    @get("/jwks.json", operation_id="getJwks", summary="Public keys that sign access tokens")
    async def jwks(self, request: Request[Any, Any, State]) -> dict[str, Any]:
        """The current signing key and the recently rotated-out ones (RS256, with `kid`)."""
        return request.app.state.auth.require_key_ring().jwks()  # type: ignore[no-any-return]
