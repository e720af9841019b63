"""create_app(): the one composition root of the HTTP service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Contact, Server

from adapters.db.database import Database
from api.errors import EXCEPTION_HANDLERS, problem_for_foreign_errors
from api.logs import configure_logging
from api.request_context import with_request_context
from api.routes.health import HealthController
from api.routes.openapi import openapi_document
from api.settings import Settings, SettingsError

API_VERSION = "0.1.0"

DESCRIPTION = """\
The API that Hong Kong Talent Engage (HKTE) partners' systems talk to: submit talent leads
with their PDPO consent evidence and follow their status, query the Talent List and event
listings. Errors are RFC 9457 problem details (`application/problem+json`)."""


class PartnerApi(Litestar):
    """Litestar with our request context (X-Request-ID, access log) outside everything, so that
    unknown routes and framework errors get it too."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            await with_request_context(super().__call__, scope, receive, send)
        else:
            await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, *, database: Database | None = None) -> Litestar:
    """Build the application. `database` lets tests hand in one bound to their transaction."""
    settings = settings or Settings.from_env()
    if database is None and not settings.database_url:
        raise SettingsError(
            "DATABASE_URL is not set: start the service with `hkte serve` or `make run`, "
            "which use the local PostgreSQL, or point DATABASE_URL at a database"
        )
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        if database is not None:  # handed in (tests): not ours to open or close
            yield
            return
        app.state.database = Database.connect(settings.database_url or "", settings.pool)
        try:
            yield
        finally:
            await app.state.database.dispose()

    return PartnerApi(
        route_handlers=[HealthController, openapi_document],
        after_request=problem_for_foreign_errors,
        lifespan=[lifespan],
        state=State({"database": database} if database is not None else {}),
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
            render_plugins=[JsonRenderPlugin(path="/openapi.json")],
        ),
        debug=False,
    )
