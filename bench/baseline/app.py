"""The baseline: the practical limit of this stack for the benchmarked requests.

A bare ASGI callable on raw asyncpg and msgspec, served by the same granian with the same
settings as the API. It runs the API's statements, verifies the same JWTs with joserfc against the
same keys, and answers the same bytes (proven by bench/check.py); it does nothing else: no
framework, no ORM, no access log, and transaction control only where writes must be atomic.
Only what the scenarios ask for is served; anything else is a 404 or a 400.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from adapters.crypto import ServerKeys
from bench.baseline.catalog import Catalog, load_catalog
from bench.baseline.events import EventListing
from bench.baseline.http import Answer, Receive, Request, Scope, Send, cached, problem
from bench.baseline.leads import Leads
from bench.baseline.oauth import TokenEndpoint
from bench.baseline.tokens import Caller, Rejected, Tokens

LEADS = "/v1/leads/"
TALENT_LIST_CACHE = b"public, max-age=300"
UNAUTHORIZED = [(b"www-authenticate", b'Bearer realm="hkte"')]


@dataclass(frozen=True, slots=True)
class Config:
    database_url: str
    server_secret: str
    base_url: str
    token_lifetime_s: int
    retention_days: int
    pool_max: int
    statement_timeout_ms: int

    @classmethod
    def from_env(cls) -> Config:
        env = os.environ
        host, port = env.get("HOST", "127.0.0.1"), env.get("PORT", "8000")
        return cls(
            database_url=env["DATABASE_URL"],
            server_secret=env["HKTE_SERVER_SECRET"],
            base_url=(env.get("PUBLIC_BASE_URL") or f"http://{host}:{port}").rstrip("/"),
            token_lifetime_s=int(env.get("TOKEN_LIFETIME_SECONDS", "900")),
            retention_days=int(env.get("LEAD_RETENTION_DAYS", "730")),
            pool_max=int(env.get("DB_POOL_SIZE", "10")) + int(env.get("DB_MAX_OVERFLOW", "10")),
            statement_timeout_ms=int(env.get("DB_STATEMENT_TIMEOUT_MS", "5000")),
        )


async def _codecs(conn: asyncpg.Connection) -> None:
    for name in ("json", "jsonb"):
        await conn.set_type_codec(
            name,
            schema="pg_catalog",
            encoder=lambda value: msgspec.json.encode(value).decode(),
            decoder=msgspec.json.decode,
            format="text",
        )


async def _keep(conn: asyncpg.Connection) -> None:
    """Nothing to reset between requests (no session state; advisory locks are transaction-scoped):
    asyncpg's default reset would add four statements to every request, SQLAlchemy's pool none."""


class Baseline:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.pool: asyncpg.Pool | None = None
        self.catalog: Catalog | None = None

    async def _start(self) -> None:
        config = self.config
        keys = ServerKeys.derive(config.server_secret)
        self.pool = pool = await asyncpg.create_pool(
            config.database_url,
            min_size=1,
            max_size=config.pool_max,
            init=_codecs,
            reset=_keep,
            server_settings={
                "statement_timeout": str(config.statement_timeout_ms),
                "application_name": "hkte-bench-baseline",
            },
        )
        async with pool.acquire() as conn:
            self.tokens = await Tokens.load(conn, keys, config.base_url, config.token_lifetime_s)
            self.catalog = catalog = await load_catalog(conn)
        self.events = EventListing(pool, keys.cursor_key, catalog.sectors, config.base_url)
        self.leads = Leads(pool, catalog.professions, catalog.edition, config.base_url, config.retention_days)
        self.token_endpoint = TokenEndpoint(pool, self.tokens, keys.secret_pepper)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self._start()
                except Exception as exc:
                    await send({"type": "lifespan.startup.failed", "message": repr(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.pool is not None:
                    await self.pool.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    def _caller(self, request: Request, scope: str) -> Caller | Answer:
        header = request.header(b"authorization")
        if not header or header[:7].lower() != "bearer ":
            return problem(401, "an access token is required", UNAUTHORIZED)
        try:
            caller = self.tokens.verify(header[7:].strip())
        except Rejected:
            return problem(401, "the access token is not valid", UNAUTHORIZED)
        if scope not in caller.scopes:
            return problem(403, f"this operation needs the scope {scope}")
        return caller

    async def _route(self, method: str, request: Request) -> Answer:
        path = request.path
        if path == "/oauth/token" and method == "POST":
            return await self.token_endpoint.issue(request)
        if path == "/health/ready":
            return Answer(200, b'{"status":"ok"}', [(b"content-type", b"application/json")])
        if path in ("/v1/talent-list", "/v1/talent-list/") and method == "GET":
            caller = self._caller(request, "talent-list:read")
            if isinstance(caller, Answer):
                return caller
            assert self.catalog is not None
            return cached(request, self.catalog.body, self.catalog.etag, TALENT_LIST_CACHE, [])
        if path == "/v1/events" and method == "GET":
            caller = self._caller(request, "events:read")
            return caller if isinstance(caller, Answer) else await self.events.page(request)
        if path in ("/v1/leads", "/v1/leads/") and method == "POST":
            caller = self._caller(request, "leads:write")
            return caller if isinstance(caller, Answer) else await self.leads.submit(request, caller)
        if path.startswith(LEADS) and method == "GET":
            caller = self._caller(request, "leads:read")
            if isinstance(caller, Answer):
                return caller
            try:
                lead_id = UUID(path[len(LEADS) :])
            except ValueError:
                return problem(404, "no such lead")
            return await self.leads.get(request, caller, lead_id)
        return problem(404, "the baseline serves the benchmarked routes only")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        answer = await self._route(scope["method"], request)
        await answer.send(send, request.request_id)


def create_app() -> Any:
    return Baseline(Config.from_env())
