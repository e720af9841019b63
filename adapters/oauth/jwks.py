"""Checking the public keys a client registers for private_key_jwt."""

from __future__ import annotations

from typing import Any

from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from domain.errors import InvalidValue

PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "k"}


def check_public_jwks(jwks: dict[str, Any]) -> dict[str, Any]:
    keys = jwks.get("keys")
    if not isinstance(keys, list) or not 1 <= len(keys) <= 10:
        raise InvalidValue("jwks", "a JWK Set with 1 to 10 keys")
    for key in keys:
        if not isinstance(key, dict) or key.get("kty") not in ("RSA", "EC", "OKP"):
            raise InvalidValue("jwks", "only RSA, EC or OKP public keys")
        if PRIVATE_MEMBERS & key.keys():
            raise InvalidValue("jwks", "private key material must never be sent: register public keys only")
        if not key.get("kid"):
            raise InvalidValue("jwks", "every key needs a kid")
    try:
        KeySet.import_key_set(jwks)  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError) as exc:
        raise InvalidValue("jwks", "a key could not be read") from exc
    return {"keys": keys}
