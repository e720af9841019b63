"""`POST /oauth/token` for client_secret_basic: the credentials statement, the HMAC check, an RS256
signature, then the audit entry and the client's last use, all in one transaction, as the API does."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import urllib.parse

import asyncpg
import msgspec

from bench.baseline import sql
from bench.baseline.http import JSON, Answer, Request
from bench.baseline.tokens import Tokens
from domain.ids import new_id

NO_STORE = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]


def _error(status: int, error: str) -> Answer:
    body = msgspec.json.encode({"error": error, "error_description": error.replace("_", " ")})
    return Answer(status, body, [(b"content-type", JSON), *NO_STORE])


def _basic(header: str | None) -> tuple[str, str] | None:
    if not header or header[:6].lower() != "basic ":
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    client_id, _, secret = decoded.partition(":")
    return urllib.parse.unquote(client_id), urllib.parse.unquote(secret)


class TokenEndpoint:
    def __init__(self, pool: asyncpg.Pool, tokens: Tokens, pepper: bytes) -> None:
        self.pool = pool
        self.tokens = tokens
        self.pepper = pepper

    async def issue(self, request: Request) -> Answer:
        if (request.header(b"content-type") or "").split(";")[
            0
        ].strip() != "application/x-www-form-urlencoded":
            return _error(400, "invalid_request")
        form = urllib.parse.parse_qs(
            (await request.body()).decode(), keep_blank_values=True, max_num_fields=20
        )
        if form.get("grant_type") != ["client_credentials"] or "scope" in form:
            return _error(400, "unsupported_grant_type")
        credentials = _basic(request.header(b"authorization"))
        if credentials is None:
            return _error(401, "invalid_client")
        client_id, secret = credentials
        async with self.pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(sql.CREDENTIALS, [], [client_id])
            candidate = hmac.new(self.pepper, secret.encode(), hashlib.sha256).digest()
            matched = False
            for stored in row["secret_hashes"] if row else ():
                matched |= hmac.compare_digest(candidate, stored)
            if (
                row is None
                or not matched
                or row["status"] != "active"
                or row["partner_status"] != "active"
                or "client_secret_basic" not in row["auth_methods"]
            ):
                return _error(401, "invalid_client")
            scope = " ".join(sorted(row["scopes"]))
            token, claims = self.tokens.issue(client_id, row["partner_id"], row["partner_type"], scope)
            details = {"jti": claims["jti"], "scope": scope}
            await conn.execute(
                sql.AUDIT,
                new_id(), client_id, None, "token.issued", "success", "client", client_id,
                request.request_id, details,
            )  # fmt: skip
            await conn.execute(sql.CLIENT_USED, client_id)
        body = msgspec.json.encode(
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": self.tokens.lifetime_s,
                "scope": scope,
            }
        )
        return Answer(200, body, [(b"content-type", JSON), *NO_STORE])
