"""Interactive documentation at /docs, rendered entirely from this server: Swagger UI's files come
from the `openapi-ui-bundles` package and are served under /static/swagger-ui (government
networks often block third-party CDNs), with `hkte-docs.js` (in `docs_assets/`), which starts it
on the document clients download from /openapi.json. The page holds no inline script or style,
so its Content-Security-Policy (api/security_headers.py) allows this server's files only."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import openapi_ui_bundles
from litestar import Request
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.router import Router
from litestar.static_files import create_static_files_router

ASSETS = "/static/swagger-ui"
OWN_ASSETS = Path(__file__).parent / "docs_assets"


class LocalSwaggerUI(SwaggerRenderPlugin):
    def __init__(self) -> None:
        super().__init__(
            path="/",
            js_url=f"{ASSETS}/swagger-ui-bundle.js",
            css_url=f"{ASSETS}/swagger-ui.css",
            standalone_preset_js_url=f"{ASSETS}/swagger-ui-standalone-preset.js",
            favicon=f"<link rel='icon' type='image/png' href='{ASSETS}/favicon-32x32.png'>",
            style=f"<link rel='stylesheet' href='{ASSETS}/index.css'>",
        )

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        title = escape(str(openapi_schema["info"]["title"]))
        return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{title}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    {self.favicon}
    <link rel='stylesheet' href='{self.css_url}'>
    {self.style}
    <script src='{self.js_url}'></script>
    <script src='{self.standalone_preset_js_url}'></script>
    <script src='{ASSETS}/hkte-docs.js'></script>
  </head>
  <body>
    <div id="swagger-container"></div>
  </body>
</html>
""".encode()


def swagger_assets() -> Router:
    return create_static_files_router(
        path=ASSETS,
        directories=[openapi_ui_bundles.swagger_ui.static_path, OWN_ASSETS],
        include_in_schema=False,
        cache_control=None,
        name="swagger-ui-assets",
    )
