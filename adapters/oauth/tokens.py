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
from joserfc.jws import JWSRegistry

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


@dataclass(frozen=True, slots=True)
class _Verified:
    principal: Principal
    kid: str
    usable_from: float
    usable_until: float


VERIFIED_CACHE_SIZE = 10_000
# what `algorithms=[ALGORITHM]` would make on every call, made once
SIGNING = JWSRegistry(algorithms=[ALGORITHM])


class AccessTokens:
    def __init__(self, policy: TokenPolicy, state: AuthState) -> None:
        self.policy = policy
        self.state = state
        # A client sends the same token for its whole life (15 minutes), so each process checks
        # its signature once: the exact token string maps to what it proved. What can change
        # meanwhile is checked on every use: the time, the key still being in the ring, revocation.
        self._verified: dict[str, _Verified] = {}

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
        return IssuedToken(jwt.encode(header, claims, ring.signing_key, registry=SIGNING), claims)

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
        known = self._verified.get(token)
        if known is None:
            known = self._verify_signature(token)
        elif not known.usable_from <= time.time() < known.usable_until:
            del self._verified[token]
            return self.verify(token)  # says why, as for a token seen the first time
        elif self.state.public_key(known.kid) is None:
            del self._verified[token]
            raise TokenRejected("unknown signing key", unknown_kid=True)
        principal = known.principal
        if self.state.is_revoked(principal.client_id, principal.token_id):
            raise TokenRejected("token revoked")
        return principal

    def _verify_signature(self, token: str) -> _Verified:
        claims = self.decode(token)
        try:
            scopes = parse_scopes(str(claims.get("scope", "")).split())
            partner_id = UUID(str(claims["partner_id"]))
            verified = _Verified(
                principal=Principal(
                    client_id=str(claims["client_id"]),
                    partner_id=partner_id,
                    scopes=scopes,
                    token_id=str(claims["jti"]),
                    is_staff=claims.get("partner_type") == "hkte",
                ),
                kid=str(jws.extract_compact(token.encode("ascii")).headers().get("kid", "")),
                usable_from=max(float(claims.get("nbf", 0)), float(claims["iat"])) - LEEWAY_S,
                usable_until=float(claims["exp"]) + LEEWAY_S,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise TokenRejected("invalid claims") from exc
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            now = time.time()
            self._verified = {t: v for t, v in self._verified.items() if v.usable_until > now}
            if len(self._verified) >= VERIFIED_CACHE_SIZE:
                self._verified.clear()
        self._verified[token] = verified
        return verified
