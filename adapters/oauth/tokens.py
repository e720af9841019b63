"""RFC 9068 JWT access tokens: issued at the token endpoint, verified on every API request with
no database round trip (keys and revocations come from AuthState, refreshed in the background)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from joserfc import jws, jwt
from joserfc.errors import JoseError

from adapters.oauth.keys import ALGORITHM
from adapters.oauth.state import AuthState
from domain.principal import Principal
from domain.scopes import Scope, format_scopes, parse_scopes

TOKEN_TYPE = "at+jwt"  # noqa: S105 (a media type, not a secret)
LEEWAY_S = 30
MAX_TOKEN_LENGTH = 4096


class TokenRejected(Exception):
    """The bearer token cannot be accepted; `reason` is safe to tell the client."""

    def __init__(self, reason: str, *, unknown_kid: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unknown_kid = unknown_kid


@dataclass(frozen=True, slots=True)
class TokenPolicy:
    issuer: str
    audience: str
    lifetime_s: int = 900


@dataclass(frozen=True, slots=True)
class IssuedToken:
    value: str
    claims: dict[str, Any]


class AccessTokens:
    def __init__(self, policy: TokenPolicy, state: AuthState) -> None:
        self.policy = policy
        self.state = state

    def issue(
        self, *, client_id: str, partner_id: UUID, partner_type: str, scopes: frozenset[Scope]
    ) -> IssuedToken:
        ring = self.state.require_key_ring()
        now = int(time.time())
        claims = {
            "iss": self.policy.issuer,
            "aud": self.policy.audience,
            "sub": client_id,
            "client_id": client_id,
            "scope": format_scopes(scopes),
            "jti": secrets.token_urlsafe(16),
            "iat": now,
            "nbf": now,
            "exp": now + self.policy.lifetime_s,
            "partner_id": str(partner_id),
            "partner_type": partner_type,
        }
        header = {"alg": ALGORITHM, "typ": TOKEN_TYPE, "kid": ring.kid}
        return IssuedToken(jwt.encode(header, claims, ring.signing_key, algorithms=[ALGORITHM]), claims)

    def decode(self, token: str, *, check_time: bool = True) -> dict[str, Any]:
        """The verified claims of `token`, or TokenRejected saying why not."""
        if not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 2:
            raise TokenRejected("malformed token")
        try:
            header = jws.extract_compact(token.encode("ascii")).headers()
        except (JoseError, ValueError, UnicodeError) as exc:
            raise TokenRejected("malformed token") from exc
        if header.get("alg") != ALGORITHM:
            raise TokenRejected("token algorithm not accepted")
        if str(header.get("typ", "")).lower() not in (TOKEN_TYPE, "application/" + TOKEN_TYPE):
            raise TokenRejected("not an access token (typ must be at+jwt)")
        key = self.state.public_key(str(header.get("kid", "")))
        if key is None:
            raise TokenRejected("unknown signing key", unknown_kid=True)
        try:
            claims: dict[str, Any] = jwt.decode(token, key, algorithms=[ALGORITHM]).claims
        except (JoseError, ValueError) as exc:
            raise TokenRejected("bad signature") from exc
        self._check_claims(claims, check_time)
        return claims

    def _check_claims(self, claims: dict[str, Any], check_time: bool) -> None:
        for name in ("iss", "aud", "sub", "client_id", "jti", "exp", "iat"):
            if name not in claims:
                raise TokenRejected(f"invalid claims: missing {name}")
        if claims["iss"] != self.policy.issuer:
            raise TokenRejected("wrong issuer")
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if self.policy.audience not in audiences:
            raise TokenRejected("wrong audience")
        if not check_time:
            return
        now = time.time()
        try:
            expires, issued, not_before = (
                float(claims["exp"]),
                float(claims["iat"]),
                float(claims.get("nbf", 0)),
            )
        except (TypeError, ValueError) as exc:
            raise TokenRejected("invalid claims: times must be numbers") from exc
        if expires <= now - LEEWAY_S:
            raise TokenRejected("token expired")
        if not_before > now + LEEWAY_S or issued > now + LEEWAY_S:
            raise TokenRejected("token not yet valid")

    def verify(self, token: str) -> Principal:
        claims = self.decode(token)
        client_id = str(claims["client_id"])
        if self.state.is_revoked(client_id, str(claims["jti"])):
            raise TokenRejected("token revoked")
        try:
            scopes = parse_scopes(str(claims.get("scope", "")).split())
            partner_id = UUID(str(claims["partner_id"]))
        except (ValueError, KeyError) as exc:
            raise TokenRejected("invalid claims") from exc
        return Principal(
            client_id=client_id,
            partner_id=partner_id,
            scopes=scopes,
            token_id=str(claims["jti"]),
            is_staff=claims.get("partner_type") == "hkte",
        )
