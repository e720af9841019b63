"""The OpenAPI document at /openapi.json (the same document `make openapi` commits)."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Litestar, Request, Response, get

from api.openapi_polish import polish
from api.schemas.base import RequestBody

PUBLIC_PATHS = {"/v1/events/{event_id}/ics": "/v1/events/{event_id}.ics"}


def request_schema_names() -> set[str]:
    """Component names Litestar may give the request structs (module-prefixed on a name clash)."""
    names: set[str] = set()
    pending = list(RequestBody.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        names |= {cls.__name__, f"{cls.__module__.rsplit('.', 1)[-1]}_{cls.__name__}"}
    return names


def document_of(app: Litestar) -> dict[str, Any]:
    """The app's OpenAPI document, with routes listed under their public paths, and request
    structs (which refuse unknown fields) saying so with `additionalProperties: false`."""
    document: dict[str, Any] = app.openapi_schema.to_schema()
    paths = document.get("paths", {})
    for route, public in PUBLIC_PATHS.items():
        if route in paths:
            paths[public] = paths.pop(route)
    for path, operations in paths.items():
        for method, operation in operations.items():
            if isinstance(operation, dict) and "responses" in operation:
                polish(path, method, operation)
    strict = request_schema_names()
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        if name in strict and schema.get("type") == "object":
            schema["additionalProperties"] = False
    return document


@get("/openapi.json", include_in_schema=False, operation_id="getOpenApiDocument", cache_control=None)
async def openapi_document(request: Request[Any, Any, Any]) -> Response[bytes]:
    app = request.app
    cached: bytes | None = getattr(app.state, "openapi_bytes", None)
    if cached is None:
        cached = msgspec.json.encode(document_of(app))
        app.state.openapi_bytes = cached
    return Response(cached, media_type="application/vnd.oai.openapi+json")
