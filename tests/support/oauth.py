"""Partners and OAuth clients for tests, made through the real admin use cases."""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import httpx
from litestar import Litestar
from sqlalchemy import select

from adapters.db.tables import OAuthClientRow
from domain.audit import Actor
from domain.client_admin import ClientAdministration, IssuedSecret
from domain.clients import AuthMethod
from domain.i18n import LocalizedText
from domain.partners import Partner, PartnerType
from domain.scopes import PARTNER_SCOPES, Scope
from tests.support import leaks

OPERATOR = Actor.operator("pytest")
VARYING_HEADERS = {"x-request-id"}
CHANGING_CLAIMS = {"jti", "iat", "nbf", "exp"}


@dataclass(frozen=True)
class OAuthTestClient:
    partner: Partner
    client_id: str
    secret: str

    def basic(self) -> dict[str, str]:
        return basic_header(self.client_id, self.secret)


def basic_header(client_id: str, secret: str, scheme: str = "Basic") -> dict[str, str]:
    """HTTP Basic credentials as a token request sends them (any id and secret, right or wrong)."""
    return {"Authorization": f"{scheme} " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


async def last_used(app: Litestar, client_id: str) -> datetime | None:
    """When the client was last issued a token, as recorded."""
    async with app.state.database.session() as session:
        used: datetime | None = await session.scalar(
            select(OAuthClientRow.last_used_at).where(OAuthClientRow.client_id == client_id)
        )
        return used


async def make_partner(
    app: Litestar, type: PartnerType = PartnerType.ETO, code: str | None = None
) -> Partner:
    admin: ClientAdministration = app.state.admin
    code = code or f"test-{secrets.token_hex(4)}"
    return await admin.create_partner(
        OPERATOR, code=code, name=LocalizedText(f"Partner {code}", "夥伴", "伙伴"), type=type, country="GB"
    )


async def make_client(
    app: Litestar,
    *,
    scopes: frozenset[Scope] = PARTNER_SCOPES,
    partner_type: PartnerType = PartnerType.ETO,
    methods: frozenset[AuthMethod] = frozenset(
        {AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST}
    ),
    partner: Partner | None = None,
) -> OAuthTestClient:
    admin: ClientAdministration = app.state.admin
    partner = partner or await make_partner(app, partner_type)
    issued = await admin.create_client(
        OPERATOR, partner_id=partner.id, name="test client", scopes=scopes, auth_methods=methods
    )
    assert isinstance(issued, IssuedSecret)
    leaks.register("client secret", issued.secret)
    return OAuthTestClient(partner, issued.client.client_id, issued.secret)


async def get_token(client: httpx.AsyncClient, who: OAuthTestClient, scope: str | None = None) -> str:
    form = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
    response = await client.post("/oauth/token", data=form, headers=who.basic())
    assert response.status_code == 200, response.text
    token = str(response.json()["access_token"])
    leaks.register("access token", token)
    return token


def comparable(response: httpx.Response) -> tuple[int, bytes, list[tuple[bytes, bytes]], dict[str, Any]]:
    """What two answers to the same token request must have alike: all but the request id, and
    the token compared by its claims less those that change with every token."""
    body, claims = response.content, {}
    if response.status_code == 200:
        token = response.json()["access_token"]
        body = body.replace(token.encode(), b"<token>")
        payload = token.split(".")[1]
        decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims = {k: "<changes>" if k in CHANGING_CLAIMS else v for k, v in decoded.items()}
    headers = [(k, v) for k, v in response.headers.raw if k.decode().lower() not in VARYING_HEADERS]
    return response.status_code, body, headers, claims


class Switchable(Protocol):
    enabled: bool


async def answered_both_ways(
    client: httpx.AsyncClient, path: Switchable, data: dict[str, str], headers: dict[str, str]
) -> httpx.Response:
    """The answer to a token request, once checked against the answer to the same request with
    `path` (a shortcut a test can switch off) switched off."""
    ours = await client.post("/oauth/token", data=data, headers=headers)
    path.enabled = False
    try:
        theirs = await client.post("/oauth/token", data=data, headers=headers)
    finally:
        path.enabled = True
    assert comparable(ours) == comparable(theirs)
    return ours
