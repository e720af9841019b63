"""Admin operations as a user sees them: rotation with a grace period, revocation taking effect,
suspension, private_key_jwt with one-time jti, introspection, and the audit trail."""

from __future__ import annotations

import base64
import secrets
import time
import uuid
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from litestar import Litestar
from sqlalchemy import text

from adapters.db.database import Database
from domain.clients import AuthMethod
from domain.partners import PartnerType
from domain.scopes import ADMIN_SCOPES
from tests.support.oauth import OPERATOR, OAuthTestClient, get_token, make_client

ISSUER = "http://127.0.0.1:8000"


@pytest.fixture
async def admin(app: Litestar, client: httpx.AsyncClient) -> dict[str, str]:
    who = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    return {"Authorization": f"Bearer {await get_token(client, who)}"}


async def _refresh(app: Litestar) -> None:
    """What the background refresher does every AUTH_REFRESH_SECONDS on every process."""
    async with app.state.database.session() as session:
        await app.state.auth.refresh(session)


async def _token_status(client: httpx.AsyncClient, client_id: str, secret: str) -> int:
    response = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    return response.status_code


async def test_create_partner_and_client_over_http_shows_the_secret_once(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    partner = await client.post(
        "/v1/admin/partners",
        headers=admin,
        json={
            "code": "hk-bankers",
            "name": {"en": "HK Bankers", "zh_hant": "香港銀行家", "zh_hans": "香港银行家"},
            "type": "industry_body",
            "country": "HK",
        },
    )
    assert partner.status_code == 201, partner.text
    created = await client.post(
        "/v1/admin/clients",
        headers=admin,
        json={"partner_id": partner.json()["id"], "name": "CRM", "scopes": ["leads:write", "leads:read"]},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    secret, client_id = body["client_secret"], body["client"]["client_id"]
    assert len(base64.urlsafe_b64decode(secret.removeprefix("hkte_cs_") + "=")) >= 32  # >= 256 bits
    shown = await client.get(f"/v1/admin/clients/{client_id}", headers=admin)
    assert secret not in shown.text
    assert await _token_status(client, client_id, secret) == 200


async def test_admin_input_errors_are_problems_naming_the_field(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    bad = await client.post(
        "/v1/admin/partners", headers=admin, json={"code": "Not Valid", "name": {"en": "x"}, "type": "pirate"}
    )
    assert bad.status_code == 422
    fields = {e["field"] for e in bad.json()["errors"]}
    assert fields & {"code", "type"}
    blank_name = await client.post(
        "/v1/admin/partners",
        headers=admin,
        json={"code": "blank-name", "name": {"en": "  "}, "type": "industry_body", "country": "HK"},
    )
    assert blank_name.status_code == 422, blank_name.text  # was a 500: the domain holds no blank name
    assert [e["field"] for e in blank_name.json()["errors"]] == ["name.en"]
    partners = (await client.get("/v1/admin/partners", headers=admin)).json()["items"]
    assert "blank-name" not in {p["code"] for p in partners}
    unknown_partner = await client.post(
        "/v1/admin/clients",
        headers=admin,
        json={"partner_id": str(uuid.uuid4()), "name": "x", "scopes": ["leads:read"]},
    )
    assert unknown_partner.status_code == 404
    assert (await client.get("/v1/admin/clients/nope", headers=admin)).status_code == 404
    cursor = await client.get("/v1/admin/partners?cursor=AAAA", headers=admin)
    assert cursor.status_code == 400, cursor.text
    too_many = await client.get("/v1/admin/partners?limit=1000", headers=admin)
    assert too_many.status_code == 400, too_many.text


async def test_a_partner_client_cannot_be_given_staff_or_admin_scopes_over_http(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    who = await make_client(app)
    for scopes in (["leads:read", "clients:admin"], ["leads:review"]):
        response = await client.patch(
            f"/v1/admin/clients/{who.client_id}", headers=admin, json={"scopes": scopes}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "scopes"


async def test_rotation_keeps_the_old_secret_for_the_grace_period_then_stops_it(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str], database: Database
) -> None:
    who = await make_client(app)
    rotated = await client.post(
        f"/v1/admin/clients/{who.client_id}/secret", headers=admin, json={"grace_period_seconds": 3600}
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["client_secret"]
    assert new_secret != who.secret
    assert await _token_status(client, who.client_id, who.secret) == 200  # still in its grace period
    assert await _token_status(client, who.client_id, new_secret) == 200
    async with database.session() as session:  # the grace period passes
        await session.execute(
            text(
                "UPDATE oauth_client_secrets SET expires_at = now() - interval '1 second' "
                "WHERE expires_at IS NOT NULL"
            )
        )
        await session.commit()
    assert await _token_status(client, who.client_id, who.secret) == 401
    assert await _token_status(client, who.client_id, new_secret) == 200


async def test_rotation_without_grace_stops_the_old_secret_at_once(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    who = await make_client(app)
    rotated = await client.post(
        f"/v1/admin/clients/{who.client_id}/secret", headers=admin, json={"grace_period_seconds": 0}
    )
    assert await _token_status(client, who.client_id, who.secret) == 401
    assert await _token_status(client, who.client_id, rotated.json()["client_secret"]) == 200


async def test_revoking_a_client_stops_new_tokens_and_its_live_tokens_after_a_refresh(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    target = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    token = {"Authorization": f"Bearer {await get_token(client, target)}"}
    assert (await client.get("/v1/admin/partners", headers=token)).status_code == 200
    revoked = await client.post(f"/v1/admin/clients/{target.client_id}/revoke", headers=admin)
    assert revoked.json()["status"] == "revoked"
    assert await _token_status(client, target.client_id, target.secret) == 401
    await _refresh(app)
    answer = await client.get("/v1/admin/partners", headers=token)
    assert answer.status_code == 401
    assert "revoked" in answer.headers["www-authenticate"]


async def test_suspending_the_partner_stops_its_clients(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    who = await make_client(app)
    token = await get_token(client, who)
    await client.patch(f"/v1/admin/partners/{who.partner.id}", headers=admin, json={"status": "suspended"})
    assert await _token_status(client, who.client_id, who.secret) == 401
    await _refresh(app)
    inspector = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    introspected = await client.post("/oauth/introspect", data={"token": token}, headers=inspector.basic())
    assert introspected.json() == {"active": False}


async def test_a_client_revokes_its_own_token_rfc7009(app: Litestar, client: httpx.AsyncClient) -> None:
    who = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    token = await get_token(client, who)
    response = await client.post("/oauth/revoke", data={"token": token}, headers=who.basic())
    assert response.status_code == 200
    await _refresh(app)
    assert (
        await client.get("/v1/admin/partners", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 401
    junk = await client.post("/oauth/revoke", data={"token": "not-a-token"}, headers=who.basic())
    assert junk.status_code == 200  # RFC 7009: unknown tokens are not an error


async def test_introspection_is_for_admin_clients_only(app: Litestar, client: httpx.AsyncClient) -> None:
    admin_client = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    partner = await make_client(app)
    token = await get_token(client, partner)
    seen_by_admin = (
        await client.post("/oauth/introspect", data={"token": token}, headers=admin_client.basic())
    ).json()
    assert seen_by_admin["active"] is True
    assert seen_by_admin["client_id"] == partner.client_id
    seen_by_partner = await client.post("/oauth/introspect", data={"token": token}, headers=partner.basic())
    assert seen_by_partner.json().get("active") is not True


def _assertion(
    key: RSAKey, client_id: str, *, jti: str | None = None, aud: str = ISSUER, lifetime: int = 120
) -> str:
    now = int(time.time())
    return jwt.encode(
        {"alg": "RS256", "kid": key.kid},
        {
            "iss": client_id,
            "sub": client_id,
            "aud": aud,
            "iat": now,
            "exp": now + lifetime,
            "jti": jti or secrets.token_urlsafe(12),
        },
        key,
        algorithms=["RS256"],
    )


async def _pkjwt_client(app: Litestar) -> tuple[OAuthTestClient, RSAKey]:
    key = RSAKey.generate_key(2048, auto_kid=True)
    who = await make_client(
        app, methods=frozenset({AuthMethod.PRIVATE_KEY_JWT, AuthMethod.CLIENT_SECRET_BASIC})
    )
    await app.state.admin.replace_keys(OPERATOR, who.client_id, {"keys": [key.as_dict(private=False)]})
    return who, key


def _pkjwt_form(assertion: str) -> dict[str, str]:
    return {
        "grant_type": "client_credentials",
        "client_assertion": assertion,
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    }


async def test_private_key_jwt_gets_a_token_and_bad_assertions_do_not(
    app: Litestar, client: httpx.AsyncClient
) -> None:
    who, key = await _pkjwt_client(app)
    good = await client.post("/oauth/token", data=_pkjwt_form(_assertion(key, who.client_id)))
    assert good.status_code == 200, good.text
    for bad in (
        _assertion(key, who.client_id, aud=f"{ISSUER}/oauth/token/other"),
        _assertion(key, who.client_id, lifetime=3600),
        _assertion(RSAKey.generate_key(2048, auto_kid=True), who.client_id),
    ):
        response = await client.post("/oauth/token", data=_pkjwt_form(bad))
        assert response.status_code == 401, response.text
        assert response.json()["error"] == "invalid_client"


async def test_a_replayed_assertion_jti_is_refused(app: Litestar, client: httpx.AsyncClient) -> None:
    who, key = await _pkjwt_client(app)
    assertion = _assertion(key, who.client_id, jti="once-only")
    first = await client.post("/oauth/token", data=_pkjwt_form(assertion))
    second = await client.post("/oauth/token", data=_pkjwt_form(assertion))
    assert first.status_code == 200
    assert second.status_code == 401
    assert second.json()["error"] == "invalid_client"


async def test_audit_log_records_admin_actions_and_token_outcomes_without_secrets(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    who = await make_client(app)
    await get_token(client, who)
    await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(who.client_id, "wrong")
    )
    rotated = await client.post(f"/v1/admin/clients/{who.client_id}/secret", headers=admin, json={})
    entries = (await client.get(f"/v1/admin/audit?target_id={who.client_id}&limit=100", headers=admin)).json()
    actions = [e["action"] for e in entries["items"]]
    assert {"client.created", "token.issued", "token.refused", "client.secret_rotated"} <= set(actions)
    dump = str(entries)
    assert who.secret not in dump
    assert rotated.json()["client_secret"] not in dump
    assert all(e["request_id"] for e in entries["items"] if e["action"].startswith("token."))


async def test_the_audit_log_refuses_updates_and_deletes(database: Database) -> None:
    from sqlalchemy.exc import DBAPIError

    async with database.session() as session:
        await session.execute(
            text("INSERT INTO audit_log (id, action, outcome) VALUES (gen_random_uuid(), 'x', 'success')")
        )
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(text("UPDATE audit_log SET action = 'y'"))
        await session.rollback()


async def test_no_secret_or_token_ever_reaches_the_logs(
    app: Litestar, client: httpx.AsyncClient, hkte_logs: list[Any]
) -> None:
    from api.logs import JsonFormatter

    who = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    token = await get_token(client, who)
    await client.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": who.client_id,
            "client_secret": who.secret + "x",
        },
    )
    await client.get("/v1/admin/partners", headers={"Authorization": f"Bearer {token}"})
    await client.get("/v1/admin/partners", headers={"Authorization": f"Bearer {token[:-3]}abc"})
    rotated = await client.post(
        f"/v1/admin/clients/{who.client_id}/secret", headers={"Authorization": f"Bearer {token}"}, json={}
    )
    formatter = JsonFormatter()
    text_of_logs = "\n".join(formatter.format(record) for record in hkte_logs)
    assert hkte_logs, "expected access log lines"
    for secret in (who.secret, token, token.split(".")[1], rotated.json()["client_secret"]):
        assert secret not in text_of_logs
    assert who.client_id in text_of_logs  # the client id is logged, so requests can be traced


async def test_an_unknown_status_filter_is_a_400_naming_the_parameter(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.get("/v1/admin/clients?status=sleeping", headers=admin)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "status"


async def test_key_rotation_publishes_both_keys_and_old_tokens_stay_valid(
    app: Litestar, client: httpx.AsyncClient, database: Database
) -> None:
    from adapters.oauth.keys import rotate_signing_key

    who = await make_client(app, scopes=frozenset(ADMIN_SCOPES), partner_type=PartnerType.HKTE)
    old_token = await get_token(client, who)
    old_kid = app.state.auth.require_key_ring().kid
    await _refresh(app)
    assert app.state.auth.require_key_ring().kid == old_kid  # nothing changed: same ring kept
    async with database.session() as session:
        new_kid = await rotate_signing_key(session, app.state.server_keys)
        await session.commit()
    await _refresh(app)
    jwks_kids = [k["kid"] for k in (await client.get("/.well-known/jwks.json")).json()["keys"]]
    assert jwks_kids[:2] == [new_kid, old_kid]
    new_token = await get_token(client, who)
    assert (
        jwt.decode(new_token, app.state.auth.require_key_ring().public_keys, algorithms=["RS256"]).header[
            "kid"
        ]
        == new_kid
    )
    for token in (old_token, new_token):
        assert (
            await client.get("/v1/admin/partners", headers={"Authorization": f"Bearer {token}"})
        ).status_code == 200


async def test_partner_listing_pages_with_a_cursor_without_gaps_or_repeats(
    app: Litestar, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    from tests.support.oauth import make_partner

    made = {str((await make_partner(app, PartnerType.GOV_COUNTERPART)).id) for _ in range(3)}
    first = (await client.get("/v1/admin/partners?type=gov_counterpart&limit=2", headers=admin)).json()
    second = (
        await client.get(
            f"/v1/admin/partners?type=gov_counterpart&limit=2&cursor={first['next_cursor']}", headers=admin
        )
    ).json()
    seen = [p["id"] for p in first["items"] + second["items"]]
    assert len(first["items"]) == 2
    assert second["next_cursor"] is None
    assert sorted(seen) == sorted(made)
    assert seen == sorted(seen, reverse=True)  # newest first
