"""The OAuth endpoints as one async service: parse, preload, let Authlib decide, then write.

Per token request, one transaction: one statement loads the named client(s) with their live
secret hashes, Authlib authenticates and signs in memory, then the outcome is recorded (audit
entry, last-used time, and for private_key_jwt the assertion's jti, whose primary key makes a
replay lose the race even under concurrency)."""

from __future__ import annotations

import base64
import binascii
import json
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

import asyncpg
from authlib.oauth2.rfc6749.errors import InvalidClientError, InvalidRequestError
from joserfc import jws
from joserfc.errors import JoseError
from sqlalchemy import Table, bindparam
from sqlalchemy.dialects.postgresql import insert

from adapters.db.audit import insert_audit
from adapters.db.clients import CLIENT_USED, load_credentials
from adapters.db.database import Database
from adapters.db.driver_sql import DriverStatement
from adapters.db.tables import ClientAssertionJtiRow, RevokedTokenRow
from adapters.db.uow import DriverUnitOfWork
from adapters.oauth.authlib_server import Exchange, FormRequest, TokenServer, bind_exchange, unbind_exchange
from domain.audit import Actor, AuditEntry

MAX_CLIENT_ID = 64
REALM = 'Basic realm="HKTE Partner API"'

# The statements of a token request, compiled once and run on the asyncpg connection (a replayed
# jti inserts nothing)
_WHAT_EXPIRES: dict[str, Any] = {name: bindparam(name) for name in ("client_id", "jti", "expires_at")}
CLAIM_JTI = DriverStatement.of(
    insert(cast(Table, ClientAssertionJtiRow.__table__))
    .values(_WHAT_EXPIRES)
    .on_conflict_do_nothing()
    .returning(ClientAssertionJtiRow.__table__.c.jti)
)
REVOKE = DriverStatement.of(
    insert(cast(Table, RevokedTokenRow.__table__)).values(_WHAT_EXPIRES).on_conflict_do_nothing()
)
MARK_USED = DriverStatement.of(CLIENT_USED)


@dataclass(frozen=True, slots=True)
class OAuthAnswer:
    status: int
    body: dict[str, Any]
    headers: list[tuple[str, str]]


def _error(status: int, error: str, description: str) -> OAuthAnswer:
    headers = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]
    if error == "invalid_client":
        headers.append(("WWW-Authenticate", f'{REALM}, error="invalid_client"'))
    return OAuthAnswer(status, {"error": error, "error_description": description}, headers)


OAUTH_PARAMETERS = (
    "grant_type",
    "scope",
    "client_id",
    "client_secret",
    "client_assertion",
    "client_assertion_type",
    "token",
    "token_type_hint",
)


def safe_text(text: str, limit: int = 200) -> str:
    """Client-sent text fit for `error_description`, which RFC 6749 §5.2 limits to printable
    ASCII without `"` and `\\`: anything else becomes `?`."""
    return "".join(c if " " <= c <= "~" and c not in '"\\' else "?" for c in text[:limit])


def parse_form(content_type: str | None, body: bytes) -> dict[str, list[str]]:
    if (content_type or "").split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        raise InvalidRequestError(description="the body must be application/x-www-form-urlencoded")
    try:
        form = urllib.parse.parse_qs(
            body.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=20
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidRequestError(description="the form body could not be parsed") from exc
    # RFC 6749 §3.2: the parameters it defines must not be repeated; unknown ones are ignored
    repeated = sorted(k for k in OAUTH_PARAMETERS if len(form.get(k, ())) > 1)
    if repeated:
        raise InvalidRequestError(description=f"repeated parameter: {safe_text(', '.join(repeated))}")
    return form


def _named_clients(authorization: str | None, form: dict[str, list[str]]) -> list[str]:
    """Every client id the request names, before any of it is verified."""
    names: set[str] = set()
    if authorization and authorization[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
            names.add(urllib.parse.unquote(decoded.split(":", 1)[0]))
        except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
            raise InvalidClientError(description="malformed Basic credentials") from exc
    names.update(form.get("client_id", []))
    assertion = form.get("client_assertion", [""])[0]
    if assertion:
        try:
            claims = json.loads(jws.extract_compact(assertion.encode("ascii")).payload)
            for key in ("sub", "iss"):
                if isinstance(claims.get(key), str):
                    names.add(claims[key])
        except (JoseError, ValueError, UnicodeError, AttributeError):
            pass  # Authlib reports it properly
    return sorted(name for name in names if 0 < len(name) <= MAX_CLIENT_ID)[:3]


class OAuthService:
    def __init__(self, server: TokenServer, database: Database, pepper: bytes) -> None:
        self.server = server
        self.database = database
        self.pepper = pepper

    async def handle(
        self,
        endpoint: str,
        *,
        uri: str,
        headers: Any,
        content_type: str | None,
        body: bytes,
        request_id: str | None,
    ) -> OAuthAnswer:
        try:
            form = parse_form(content_type, body)
        except InvalidRequestError as exc:
            return await self._refuse(endpoint, exc, request_id)
        return await self.handle_form(endpoint, uri=uri, headers=headers, form=form, request_id=request_id)

    async def handle_form(
        self, endpoint: str, *, uri: str, headers: Any, form: dict[str, list[str]], request_id: str | None
    ) -> OAuthAnswer:
        """`handle` for a body already parsed by `parse_form`."""
        try:
            names = _named_clients(headers.get("authorization"), form)
        except InvalidClientError as exc:
            return await self._refuse(endpoint, exc, request_id)
        # one transaction for the load and the writes (two transaction statements, not four); it
        # stays open only while Authlib checks and signs in memory
        async with DriverUnitOfWork(self.database) as unit_of_work:
            conn = await unit_of_work.driver()
            exchange = Exchange(await load_credentials(conn, names), self.pepper)
            answer = self._run_authlib(endpoint, uri, headers, form, exchange)
            if answer.status == 200 and not await self._claim_jtis(conn, exchange):
                answer = _error(401, "invalid_client", "the client assertion was already used")
                exchange.issued.clear()
            named = names[0] if len(names) == 1 else None
            await self._record(conn, endpoint, named, answer, request_id, exchange)
            await unit_of_work.commit()
        return answer

    async def _refuse(
        self, endpoint: str, exc: InvalidRequestError | InvalidClientError, request_id: str | None
    ) -> OAuthAnswer:
        """A request refused before any client is looked up (its form or its Basic header)."""
        answer = _error(401 if exc.error == "invalid_client" else 400, exc.error, exc.description or "")
        async with DriverUnitOfWork(self.database) as unit_of_work:
            await self._record(
                await unit_of_work.driver(), endpoint, None, answer, request_id, Exchange({}, self.pepper)
            )
            await unit_of_work.commit()
        return answer

    def _run_authlib(
        self, endpoint: str, uri: str, headers: Any, form: dict[str, list[str]], exchange: Exchange
    ) -> OAuthAnswer:
        """Authlib's answer; for the plain token request, the same answer made without its
        generic machinery (`TokenServer.plain_token_response`), Authlib asked when that declines."""
        bound = bind_exchange(exchange)
        try:
            server = self.server
            if endpoint == "token":
                plain = server.plain_token_response(headers, form)
                answered = plain or server.create_token_response(FormRequest("POST", uri, headers, form))
            else:
                answered = server.create_endpoint_response(endpoint, FormRequest("POST", uri, headers, form))
        finally:
            unbind_exchange(bound)
        status, body, response_headers = answered
        if isinstance(body, list):  # Authlib errors come as a list of pairs
            body = dict(body)
        if isinstance(body, dict) and body.get("error") == "invalid_client":
            return _error(
                401, "invalid_client", str(body.get("error_description", "client authentication failed"))
            )
        return OAuthAnswer(status, body if isinstance(body, dict) else {}, response_headers)

    @staticmethod
    async def _claim_jtis(conn: asyncpg.Connection, exchange: Exchange) -> bool:
        """Whether every assertion jti of the exchange (none but for private_key_jwt) is new."""
        for client_id, jti, exp in exchange.assertion_jtis:
            expires_at = datetime.fromtimestamp(exp, UTC)
            values = {"client_id": client_id, "jti": jti, "expires_at": expires_at}
            inserted = await conn.fetchval(CLAIM_JTI.sql, *CLAIM_JTI.args(values))
            if inserted is None:
                return False
        return True

    async def _record(
        self,
        conn: asyncpg.Connection,
        endpoint: str,
        named: str | None,
        answer: OAuthAnswer,
        request_id: str | None,
        exchange: Exchange,
    ) -> None:
        client_id = exchange.authenticated or named
        ok = answer.status == 200
        details: dict[str, Any] = {} if ok else {"error": answer.body.get("error")}
        if endpoint == "token" and ok and exchange.issued:
            details = {"jti": exchange.issued[0].claims["jti"], "scope": exchange.issued[0].claims["scope"]}
        action = {
            "token": "token.issued" if ok else "token.refused",
            "revocation": "token.revoked" if ok else "token.revocation_refused",
            "introspection": "token.introspected" if ok else "token.introspection_refused",
        }[endpoint]
        entry = AuditEntry(
            action=action,
            outcome="success" if ok else "denied",
            actor=Actor(client_id, None, request_id),
            target_type="client",
            target_id=client_id,
            details=details,
        )
        await insert_audit(conn, entry)
        if ok and exchange.authenticated:
            await conn.execute(MARK_USED.sql, *MARK_USED.args({"used_by": exchange.authenticated}))
        await self._write_revocations(conn, exchange)

    @staticmethod
    async def _write_revocations(conn: asyncpg.Connection, exchange: Exchange) -> None:
        for claims in exchange.revoke:
            values = {
                "jti": str(claims["jti"]),
                "client_id": str(claims["client_id"]),
                "expires_at": datetime.fromtimestamp(float(claims["exp"]), UTC),
            }
            await conn.execute(REVOKE.sql, *REVOKE.args(values))
