"""The bad-token matrix: every way a bearer token can be wrong is a 401 invalid_token problem."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from litestar import Litestar

from domain.partners import PartnerType
from domain.scopes import ADMIN_SCOPES, Scope
from tests.support.oauth import get_token, make_client

ADMIN_ROUTE = "/v1/admin/partners"


@pytest.fixture
async def admin_token(app: Litestar, client: httpx.AsyncClient) -> str:
    who = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    return await get_token(client, who)


def _claims(app: Litestar, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": "http://127.0.0.1:8000",
        "aud": "http://127.0.0.1:8000/v1",
        "sub": "c",
        "client_id": "c",
        "scope": "clients:admin",
        "jti": "j1",
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "partner_id": "01a212c4-c58b-705d-8229-8cef6e70cc80",
        "partner_type": "hkte",
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(app: Litestar, claims: dict[str, Any], **header: Any) -> str:
    ring = app.state.auth.require_key_ring()
    head = {"alg": "RS256", "typ": "at+jwt", "kid": ring.kid, **header}
    return jwt.encode(
        {k: v for k, v in head.items() if v is not None}, claims, ring.signing_key, algorithms=["RS256"]
    )


def _b64(obj: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def _unsigned(claims: dict[str, Any]) -> str:
    return f"{_b64({'alg': 'none', 'typ': 'at+jwt'})}.{_b64(claims)}."


async def _call(client: httpx.AsyncClient, token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return await client.get(ADMIN_ROUTE, headers=headers)


def _assert_invalid_token(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith("Bearer")
    assert 'error="invalid_token"' in challenge


async def test_a_valid_token_with_the_scope_passes(client: httpx.AsyncClient, admin_token: str) -> None:
    assert (await _call(client, admin_token)).status_code == 200


async def test_no_token_is_a_401_with_a_bearer_challenge(client: httpx.AsyncClient) -> None:
    response = await _call(client, None)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "case",
    [
        "malformed",
        "expired",
        "not_yet_valid",
        "issued_in_future",
        "wrong_issuer",
        "wrong_audience",
        "wrong_typ",
        "no_typ",
        "unknown_kid",
        "bad_signature",
        "alg_none",
        "hs256_with_public_key",
        "other_key",
        "basic_scheme",
    ],
)
async def test_bad_tokens_are_invalid_token(app: Litestar, client: httpx.AsyncClient, case: str) -> None:
    now = int(time.time())
    token: str
    if case == "malformed":
        token = "not.a.jwt"
    elif case == "expired":
        token = _sign(app, _claims(app, iat=now - 2000, nbf=now - 2000, exp=now - 600))
    elif case == "not_yet_valid":
        token = _sign(app, _claims(app, nbf=now + 600, exp=now + 1200))
    elif case == "issued_in_future":
        token = _sign(app, _claims(app, iat=now + 600, nbf=None, exp=now + 1200))
    elif case == "wrong_issuer":
        token = _sign(app, _claims(app, iss="https://evil.example"))
    elif case == "wrong_audience":
        token = _sign(app, _claims(app, aud="https://other-api.example"))
    elif case == "wrong_typ":
        token = _sign(app, _claims(app), typ="JWT")
    elif case == "no_typ":
        token = _sign(app, _claims(app), typ=None)
    elif case == "unknown_kid":
        token = _sign(app, _claims(app), kid="no-such-key")
    elif case == "bad_signature":
        good = _sign(app, _claims(app))
        head, body, sig = good.split(".")
        token = f"{head}.{body}.{sig[:-4]}AAAA"
    elif case == "alg_none":
        token = _unsigned(_claims(app))
    elif case == "hs256_with_public_key":
        # the classic confusion attack: HMAC "signed" with the public key as the shared secret
        ring = app.state.auth.require_key_ring()
        public_pem = ring.signing_key.as_pem(private=False)
        signing_input = f"{_b64({'alg': 'HS256', 'typ': 'at+jwt', 'kid': ring.kid})}.{_b64(_claims(app))}"
        mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
        token = f"{signing_input}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"
    elif case == "other_key":
        stranger = RSAKey.generate_key(2048)
        token = jwt.encode(
            {"alg": "RS256", "typ": "at+jwt", "kid": app.state.auth.require_key_ring().kid},
            _claims(app),
            stranger,
            algorithms=["RS256"],
        )
    else:  # basic_scheme
        response = await client.get(ADMIN_ROUTE, headers={"Authorization": "Basic YTpi"})
        _assert_invalid_token(response)
        return
    _assert_invalid_token(await _call(client, token))


async def test_a_valid_token_without_the_scope_is_403_insufficient_scope(
    app: Litestar, client: httpx.AsyncClient
) -> None:
    partner = await make_client(app, scopes=frozenset({Scope.LEADS_READ}))
    response = await _call(client, await get_token(client, partner))
    assert response.status_code == 403
    assert response.json()["type"].endswith("/insufficient-scope")
    assert 'error="insufficient_scope"' in response.headers["www-authenticate"]
    assert 'scope="clients:admin"' in response.headers["www-authenticate"]


async def test_every_v1_route_declares_a_scope_in_the_openapi_document(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    scheme = document["components"]["securitySchemes"]["oauth2"]
    assert scheme["flows"]["clientCredentials"]["tokenUrl"].endswith("/oauth/token")
    assert set(scheme["flows"]["clientCredentials"]["scopes"]) >= {"leads:write", "clients:admin"}
    for path, item in document["paths"].items():
        if not path.startswith("/v1"):
            continue
        for method, operation in item.items():
            scopes = [
                s for requirement in operation.get("security", []) for s in requirement.get("oauth2", [])
            ]
            assert scopes, f"{method.upper()} {path} declares no scope"
