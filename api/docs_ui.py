"""Interactive documentation at /docs, rendered entirely from this server: Swagger UI's files come
from the `openapi-ui-bundles` package and are served under /static/swagger-ui (government
networks often block third-party CDNs)."""

from __future__ import annotations

from typing import Any

import openapi_ui_bundles
from litestar import Request
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.router import Router
from litestar.static_files import create_static_files_router

from api.routes.openapi import document_of

ASSETS = "/static/swagger-ui"


class LocalSwaggerUI(SwaggerRenderPlugin):
    def __init__(self) -> None:
        super().__init__(
            path="/",
            js_url=f"{ASSETS}/swagger-ui-bundle.js",
            css_url=f"{ASSETS}/swagger-ui.css",
            standalone_preset_js_url=f"{ASSETS}/swagger-ui-standalone-preset.js",
            favicon=f"<link rel='icon' type='image/png' href='{ASSETS}/favicon-32x32.png'>",
        )

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        # the document clients download from /openapi.json, public paths included
        return super().render(request, document_of(request.app))


def swagger_assets() -> Router:
    return create_static_files_router(
        path=ASSETS,
        directories=[openapi_ui_bundles.swagger_ui.static_path],
        include_in_schema=False,
        cache_control=None,
        name="swagger-ui-assets",
    )
