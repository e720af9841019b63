"""create_app(): the one composition root of the HTTP service."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import msgspec
from litestar import Litestar, Request, Response
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, Contact, Server
from litestar.routes import HTTPRoute

from adapters.catalog_cache import CatalogListener, TalentListCache
from adapters.crypto import ServerKeys
from adapters.db.admin_uow import client_administration
from adapters.db.database import Database
from adapters.db.errors import is_database_unavailable
from adapters.db.events import SqlEventPages
from adapters.db.events_uow import event_listings
from adapters.db.leads_uow import lead_intake
from adapters.db.webhooks_uow import webhook_subscriptions
from adapters.oauth.authlib_server import TokenServer
from adapters.oauth.keys import ensure_signing_key
from adapters.oauth.service import OAuthService
from adapters.oauth.state import AuthState
from adapters.oauth.tokens import AccessTokens, TokenPolicy
from adapters.quotas import SharedQuotas
from adapters.webhooks.targets import NetworkGuard
from api.app_state import AppState
from api.auth import SCHEME, check_access, security_scheme
from api.cors import Cors
from api.docs_ui import LocalSwaggerUI, swagger_assets
from api.errors import EXCEPTION_HANDLERS, problem_for_foreign_errors
from api.event_renders import RenderedEvents
from api.fast_paths import RAISED_KEY, answer_before_framework
from api.logs import configure_logging, flush_logs
from api.request_context import RequestEdge
from api.request_limits import refusal_for, send_refusal
from api.routes.admin import ADMIN_CONTROLLERS
from api.routes.changes import ChangesController
from api.routes.events_admin import EventsController
from api.routes.health import HealthController
from api.routes.lead_batches import submit_batch
from api.routes.leads import DataSubjectsController, LeadsController
from api.routes.oauth import DiscoveryController, OAuthController
from api.routes.openapi import openapi_document
from api.routes.talent_list import TalentListController
from api.routes.talent_list_admin import TalentListAdminController
from api.routes.webhooks import WebhooksController
from api.security_headers import SecurityHeaders
from api.settings import Settings, SettingsError
from api.strict_bodies import strict_json_body
from domain.lead_intake import Policy

API_VERSION = "0.1.0"
log = logging.getLogger("hkte.api")

DESCRIPTION = """\
The API that Hong Kong Talent Engage (HKTE) partners' systems talk to: submit talent leads
with their PDPO consent evidence and follow their status, query the Talent List and event
listings. Errors are RFC 9457 problem details (`application/problem+json`)."""


def fix_options_allow(app: Litestar) -> None:
    """Litestar builds each path's automatic OPTIONS answer when the path's first handler is
    registered, so `Allow` misses methods added by later handlers of the same path (GET and POST
    on /v1/events). Point every automatic OPTIONS handler at its route's final methods."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        allow = ", ".join(sorted(route.methods))
        for handler in route.route_handlers:
            if handler.handler_name == "options_handler":
                handler._fn = _options_answer(allow)


def _options_answer(allow: str) -> Any:
    def options_handler(scope: Any) -> Response[None]:
        return Response(content=None, status_code=204, headers={"Allow": allow}, media_type="text/plain")

    return options_handler


def calendar_alias(scope: Any) -> Any:
    """`/v1/events/{id}.ics` is served by the route `/v1/events/{id}/ics` (routes match whole
    path segments); the OpenAPI document lists it under the public name."""
    path: str = scope["path"]
    if path.startswith("/v1/events/") and path.endswith(".ics") and path.count("/") == 3:
        alias = path[: -len(".ics")] + "/ics"
        scope = {**scope, "path": alias, "raw_path": alias.encode()}
    return scope


class PartnerApi(Litestar):
    """Litestar with our request context (X-Request-ID, access log), security headers, CORS and
    the request-line limits outside everything, so that unknown routes, refusals and framework
    errors get them too."""

    edge: Any = None  # _serve wrapped by create_app (request id, access log, answer headers, CORS)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            await self.edge(calendar_alias(scope), receive, send)
        else:
            await super().__call__(scope, receive, send)

    async def _serve(self, scope: Any, receive: Any, send: Any) -> None:
        refusal = refusal_for(scope)
        if refusal is not None:
            await send_refusal(scope, send, refusal)
        elif (receive := await answer_before_framework(self.state, scope, receive, send)) is not None:
            await super().__call__(scope, receive, send)


async def before_handler(request: Request[Any, Any, Any]) -> None:
    """What the fast path's use case raised, as the handler would have; else access first
    (401/403/429 before anything about the body), then the body's strict decoding."""
    raised = request.scope.get("state", {}).pop(RAISED_KEY, None)
    if raised is not None:
        raise raised
    await check_access(request)
    await strict_json_body(request)


def edge_of(app: PartnerApi, settings: Settings) -> Any:
    """The wrappers every answer passes through, outermost last."""
    inner: Any = app._serve
    if settings.cors_origins:
        inner = Cors(inner, settings.cors_origins)
    return RequestEdge(inner, SecurityHeaders(https=settings.https))


def settle_heap() -> None:
    """Once a served process has started: what it made at start-up (modules, the app and its
    OpenAPI document, SQLAlchemy's metadata, caches: most of its 140,000 objects) lives as long as
    the process, so it is moved out of the cyclic collector's reach (`gc.freeze`). Each full
    collection would otherwise walk all of it again: about 0.1 s per collection under load, some
    5 % of a worker's time. Requests' own garbage is collected as before."""
    gc.collect()
    gc.freeze()


async def _keep_refreshed(app: Litestar, every_s: float) -> None:
    """Keys and revocations, reloaded every few seconds: the bound on how long a revoked client
    or token keeps working on this process."""
    while True:
        await asyncio.sleep(every_s)
        try:
            await load_auth_state(app)
        except Exception as exc:  # keep serving with what we have; the next round retries
            log.warning("auth state refresh failed: %s", type(exc).__name__)


async def load_auth_state(app: Litestar) -> None:
    """Load keys and revocations into memory (creating the first signing key if there is none)."""
    database: Database = app.state.database
    auth: AuthState = app.state.auth
    if auth.key_ring is None:
        async with database.session() as session, session.begin():
            await ensure_signing_key(session, app.state.server_keys)
    async with database.session() as session:
        await auth.refresh(session)


def create_app(settings: Settings | None = None, *, database: Database | None = None) -> Litestar:
    """Build the application. `database` lets tests hand in one bound to their transaction."""
    settings = settings or Settings.from_env()
    if database is None and not settings.database_url:
        raise SettingsError(
            "DATABASE_URL is not set: start the service with `hkte serve` or `make run`, "
            "which use the local PostgreSQL, or point DATABASE_URL at a database"
        )
    configure_logging(settings.log_level)

    if not settings.hkte_server_secret:
        raise SettingsError(
            "HKTE_SERVER_SECRET is not set: it protects client secrets and signing keys "
            "(`hkte serve` and `make run` create one for the local database)"
        )
    keys = ServerKeys.derive(settings.hkte_server_secret)
    auth = AuthState(keys)
    tokens = AccessTokens(
        TokenPolicy(settings.issuer, settings.audience, settings.token_lifetime_seconds), auth
    )

    state = AppState(
        {
            "settings": settings,
            "auth": auth,
            "tokens": tokens,
            "server_keys": keys,
            # quotas built once here, not per request
            "tier_quotas": settings.quotas,
            "token_quotas": settings.token_quotas,
        }
    )

    def attach(db: Database) -> None:
        state.database = db
        state.oauth = OAuthService(TokenServer(tokens, settings.issuer), db, keys.secret_pepper)
        state.admin = client_administration(db, keys.secret_pepper)
        state.talent_list = TalentListCache(db)
        state.events = event_listings(db)
        state.event_pages = SqlEventPages(db)
        state.event_renders = RenderedEvents[msgspec.Raw]()
        state.leads = lead_intake(db, Policy(retention=timedelta(days=settings.lead_retention_days)))
        state.quotas = SharedQuotas(db)
        state.webhooks = webhook_subscriptions(
            db,
            keys,
            NetworkGuard(settings.webhook_networks),
            timedelta(hours=settings.webhook_secret_grace_hours),
        )

    if database is not None:
        attach(database)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        owned = database is None
        if owned:
            attach(Database.connect(settings.database_url or "", settings.pool))
        try:
            await load_auth_state(app)
        except Exception as exc:
            if not is_database_unavailable(exc):
                raise
            log.warning("database unavailable at start-up; serving 503 until it answers")
        every = settings.auth_refresh_seconds
        background = [asyncio.create_task(_keep_refreshed(app, every))] if every > 0 else []
        if owned:  # a database handed in (tests) is bound to one transaction: nothing to listen on
            listener = CatalogListener(settings.database_url or "", app.state.talent_list)
            background.append(asyncio.create_task(listener.run()))
            background.append(asyncio.create_task(app.state.quotas.run()))  # drops ended windows
        if owned:
            settle_heap()
        try:
            yield
        finally:
            for task in background:
                task.cancel()
            if owned:
                await app.state.database.dispose()
            flush_logs()

    app = PartnerApi(
        route_handlers=[
            HealthController,
            OAuthController,
            DiscoveryController,
            *ADMIN_CONTROLLERS,
            TalentListController,
            TalentListAdminController,
            EventsController,
            LeadsController,
            submit_batch,
            DataSubjectsController,
            WebhooksController,
            ChangesController,
            openapi_document,
            swagger_assets(),
        ],
        before_request=before_handler,
        after_request=problem_for_foreign_errors,
        lifespan=[lifespan],
        state=state,
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=settings.max_body_bytes,
        logging_config=None,
        openapi_config=OpenAPIConfig(
            title="HKTE Partner API",
            version=API_VERSION,
            description=DESCRIPTION,
            contact=Contact(name="Hong Kong Talent Engage", url="https://www.hkengage.gov.hk"),
            servers=[Server(url=settings.base_url)],
            path="/docs",
            use_handler_docstrings=True,
            render_plugins=[LocalSwaggerUI(), JsonRenderPlugin(path="/openapi.json")],
            components=Components(
                security_schemes={SCHEME: security_scheme(f"{settings.issuer}/oauth/token")}
            ),
        ),
        debug=False,
    )
    fix_options_allow(app)
    app.edge = edge_of(app, settings)
    return app
