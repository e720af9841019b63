"""The OpenAPI document at /openapi.json (the same document `make openapi` commits)."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get


@get("/openapi.json", include_in_schema=False, operation_id="getOpenApiDocument", cache_control=None)
async def openapi_document(request: Request[Any, Any, Any]) -> Response[bytes]:
    app = request.app
    cached: bytes | None = getattr(app.state, "openapi_bytes", None)
    if cached is None:
        cached = msgspec.json.encode(app.openapi_schema.to_schema())
        app.state.openapi_bytes = cached
    return Response(cached, media_type="application/vnd.oai.openapi+json")
