"""RFC 9068 access tokens as the API issues and checks them, straight on joserfc, against the
same signing keys (read from the database at start-up and unsealed with the same server secret).
Like the API, a token's signature is checked once: the caller it proved is remembered until the
token expires, and the time is checked on every use."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey

from adapters.crypto import ServerKeys
from bench.baseline import sql

ALGORITHMS = ["RS256"]
TOKEN_TYPES = ("at+jwt", "application/at+jwt")
LEEWAY_S = 30


@dataclass(frozen=True, slots=True)
class Caller:
    client_id: str
    partner_id: UUID
    scopes: frozenset[str]
    jti: str


class Rejected(Exception):
    pass


class Tokens:
    def __init__(self, issuer: str, audience: str, lifetime_s: int, signing: RSAKey, public: KeySet) -> None:
        self.issuer = issuer
        self.audience = audience
        self.lifetime_s = lifetime_s
        self.signing = signing
        self.public = public
        self.header = {"alg": "RS256", "typ": "at+jwt", "kid": str(signing.kid)}
        self.known: dict[str, tuple[Caller, float]] = {}

    @classmethod
    async def load(cls, conn: asyncpg.Connection, keys: ServerKeys, issuer: str, lifetime_s: int) -> Tokens:
        rows = await conn.fetch(sql.SIGNING_KEYS)
        current = next(r for r in rows if r["current"])
        pem = keys.unseal(current["private_key_enc"], context=current["kid"])
        signing = RSAKey.import_key(pem, {"kid": current["kid"]})
        public = KeySet([RSAKey.import_key(r["public_jwk"]) for r in rows])
        return cls(issuer, issuer + "/v1", lifetime_s, signing, public)

    def verify(self, token: str) -> Caller:
        known = self.known.get(token)
        if known is not None and time.time() < known[1]:
            return known[0]
        caller, until = self._verify(token)
        if len(self.known) > 10_000:
            self.known.clear()
        self.known[token] = (caller, until)
        return caller

    def _verify(self, token: str) -> tuple[Caller, float]:
        try:
            decoded = jwt.decode(token, self.public, algorithms=ALGORITHMS)
        except (JoseError, ValueError) as exc:
            raise Rejected("bad token") from exc
        if str(decoded.header.get("typ", "")).lower() not in TOKEN_TYPES:
            raise Rejected("not an access token")
        claims = decoded.claims
        aud = claims.get("aud")
        now = time.time()
        if (
            claims.get("iss") != self.issuer
            or (aud != self.audience and not (isinstance(aud, list) and self.audience in aud))
            or float(claims["exp"]) <= now - LEEWAY_S
            or float(claims.get("nbf", 0)) > now + LEEWAY_S
            or float(claims["iat"]) > now + LEEWAY_S
        ):
            raise Rejected("invalid claims")
        caller = Caller(
            str(claims["client_id"]),
            UUID(claims["partner_id"]),
            frozenset(str(claims.get("scope", "")).split()),
            str(claims["jti"]),
        )
        return caller, float(claims["exp"]) + LEEWAY_S

    def issue(
        self, client_id: str, partner_id: UUID, partner_type: str, scope: str
    ) -> tuple[str, dict[str, Any]]:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": client_id,
            "client_id": client_id,
            "scope": scope,
            "jti": secrets.token_urlsafe(16),
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime_s,
            "partner_id": str(partner_id),
            "partner_type": partner_type,
        }
        return jwt.encode(self.header, claims, self.signing, algorithms=ALGORITHMS), claims
