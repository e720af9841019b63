"""The plain token request (client credentials, the secret in a Basic header, no scope) is
answered without Authlib's generic machinery (`TokenServer.plain_token_response`). Its answer
must be Authlib's to the same request, with the same audit entry; and every request it is not
sure of, or that fails any of its checks, must be declined and so answered by Authlib."""

from __future__ import annotations

import base64
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import select

from adapters.db.tables import AuditRow
from adapters.oauth.authlib_server import TokenServer
from domain.clients import AuthMethod
from domain.partners import PartnerStatus
from domain.scopes import PARTNER_SCOPES, format_scopes
from tests.support.oauth import (
    OPERATOR,
    OAuthTestClient,
    answered_both_ways,
    basic_header,
    last_used,
    make_client,
)

GRANT = {"grant_type": "client_credentials"}


@dataclass
class Plain:
    """What the plain path said to each token request (an answer or None), and a switch that
    makes it decline everything, so that Authlib answers."""

    said: list[Any] = field(default_factory=list)
    enabled: bool = True


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> Plain:
    seen = Plain()
    real = TokenServer.plain_token_response

    def spy(self: TokenServer, headers: Any, form: dict[str, list[str]]) -> Any:
        if not seen.enabled:
            return None
        said = real(self, headers, form)
        seen.said.append(said)
        return said

    monkeypatch.setattr(TokenServer, "plain_token_response", spy)
    return seen


async def _against_authlib(
    client: httpx.AsyncClient, plain: Plain, data: dict[str, str], headers: dict[str, str], *, answers: bool
) -> httpx.Response:
    """The answer to a request, checked: the plain path answered it (or declined it) as
    expected, and Authlib alone answers the same request the same way."""
    before = len(plain.said)
    ours = await answered_both_ways(client, plain, data, headers)
    assert [said is not None for said in plain.said[before:]] == [answers]
    return ours


async def _token_audit(app: Litestar, client_id: str) -> Counter[tuple[str, str, str | None, str]]:
    async with app.state.database.session() as session:
        rows = await session.execute(
            select(AuditRow.action, AuditRow.outcome, AuditRow.actor_client_id, AuditRow.details)
            .where(AuditRow.target_id == client_id)
            .where(AuditRow.action.startswith("token."))
        )
        return Counter(
            (row.action, row.outcome, row.actor_client_id, ",".join(sorted(row.details))) for row in rows
        )


async def test_the_plain_request_gets_authlibs_answer_and_audit(
    app: Litestar, client: httpx.AsyncClient, plain: Plain
) -> None:
    who = await make_client(app)
    assert (await client.post("/oauth/token", data=GRANT, headers=who.basic())).status_code == 200
    assert plain.said[-1] is not None
    assert await last_used(app, who.client_id) is not None, "the client's last use is recorded"
    issued = await _against_authlib(client, plain, GRANT, who.basic(), answers=True)
    assert issued.status_code == 200
    assert issued.json()["scope"] == format_scopes(PARTNER_SCOPES)  # all the client's
    # the scheme's name is case-insensitive, and a percent-encoded id and secret are decoded
    await _against_authlib(
        client, plain, GRANT, basic_header(who.client_id, who.secret, "basic"), answers=True
    )
    await _against_authlib(
        client, plain, GRANT, basic_header(who.client_id.replace("_", "%5F"), who.secret), answers=True
    )
    assert await _token_audit(app, who.client_id) == Counter(
        {("token.issued", "success", who.client_id, "jti,scope"): 7}
    )


async def test_a_rotated_secret_in_its_grace_period_is_still_accepted(
    app: Litestar, client: httpx.AsyncClient, plain: Plain
) -> None:
    who = await make_client(app)
    await app.state.admin.rotate_secret(OPERATOR, who.client_id, grace=timedelta(hours=1))
    answer = await _against_authlib(client, plain, GRANT, who.basic(), answers=True)
    assert answer.status_code == 200


async def _suspended(app: Litestar, who: OAuthTestClient) -> OAuthTestClient:
    await app.state.admin.update_partner(OPERATOR, who.partner.id, status=PartnerStatus.SUSPENDED)
    return who


async def _revoked(app: Litestar, who: OAuthTestClient) -> OAuthTestClient:
    await app.state.admin.revoke_client(OPERATOR, who.client_id)
    return who


async def _as_is(app: Litestar, who: OAuthTestClient) -> OAuthTestClient:
    return who


@pytest.mark.parametrize(
    ("change", "data", "headers", "status"),
    [
        (_as_is, GRANT, lambda who: basic_header(who.client_id, "not-the-secret"), 401),
        (_as_is, GRANT, lambda who: basic_header("hkte_nobody", who.secret), 401),
        (_as_is, GRANT, lambda who: basic_header(who.client_id, ""), 401),
        (
            _as_is,
            GRANT,
            lambda who: {"Authorization": "Basic " + base64.b64encode(b"no-colon").decode()},
            401,
        ),
        (_as_is, GRANT, lambda who: {}, 401),
        (_revoked, GRANT, lambda who: who.basic(), 401),
        (_suspended, GRANT, lambda who: who.basic(), 401),
        (_as_is, {**GRANT, "scope": "events:read"}, lambda who: who.basic(), 200),
        (_as_is, {**GRANT, "scope": ""}, lambda who: who.basic(), 200),
        (_as_is, {**GRANT, "scope": "clients:admin"}, lambda who: who.basic(), 400),
        (_as_is, {"grant_type": "password"}, lambda who: who.basic(), 400),
    ],
)
async def test_anything_else_is_declined_and_answered_by_authlib(
    app: Litestar,
    client: httpx.AsyncClient,
    plain: Plain,
    change: Any,
    data: dict[str, str],
    headers: Any,
    status: int,
) -> None:
    who = await change(app, await make_client(app))
    answer = await _against_authlib(client, plain, data, headers(who), answers=False)
    assert answer.status_code == status, answer.text


async def test_a_client_that_may_not_use_basic_is_declined(
    app: Litestar, client: httpx.AsyncClient, plain: Plain
) -> None:
    who = await make_client(app, methods=frozenset({AuthMethod.CLIENT_SECRET_POST}))
    answer = await _against_authlib(client, plain, GRANT, who.basic(), answers=False)
    assert answer.status_code == 401
    # the same client's own method, with its id in the form, is Authlib's to answer too
    form = {**GRANT, "client_id": who.client_id, "client_secret": who.secret}
    assert (await _against_authlib(client, plain, form, {}, answers=False)).status_code == 200
