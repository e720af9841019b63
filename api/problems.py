"""RFC 9457 problem details: the one error format of the API (OAuth endpoints excepted)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import msgspec
from litestar import Request, Response
from msgspec import Meta

from api.request_context import current_request_id

PROBLEM_BASE = "https://api.hkte.gov.hk/problems/"
MEDIA_TYPE = "application/problem+json"


class FieldError(msgspec.Struct, frozen=True, kw_only=True):
    """One bad input, named so a client can show it next to the field."""

    field: Annotated[str, Meta(description="The field or parameter, e.g. `consent.purposes` or `limit`.")]
    location: Annotated[str, Meta(description="Where it was sent: body, query, path or header.")]
    message: str


class Problem(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """An error answer (RFC 9457). `type` is stable and names the kind of problem."""

    type: Annotated[str, Meta(description="A URI naming the kind of problem; stable across releases.")]
    title: Annotated[str, Meta(description="A short summary of the kind of problem.")]
    status: Annotated[int, Meta(ge=400, le=599)]
    detail: Annotated[str, Meta(description="What went wrong with this request.")]
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None
    duplicate_of: Annotated[str | None, Meta(description="The lead this one duplicates (409 on a lead).")] = (
        None
    )


def problem_type(slug: str) -> str:
    return PROBLEM_BASE + slug


def problem_response(
    request: Request[Any, Any, Any] | None,
    *,
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
    duplicate_of: str | None = None,
) -> Response[Problem]:
    request_id = current_request_id.get()
    body = Problem(
        type=problem_type(slug),
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path if request is not None else None,
        request_id=request_id,
        errors=errors,
        duplicate_of=duplicate_of,
    )
    return Response(content=body, status_code=status, media_type=MEDIA_TYPE, headers=dict(headers or {}))


_DESCRIPTIONS = {
    400: "Invalid parameter (problem details name it)",
    401: "Missing or invalid access token (see WWW-Authenticate)",
    403: "The token lacks the scope this operation needs",
    404: "No such resource (or not yours)",
    409: "Conflicts with the current state",
    410: "Gone: what this refers to was removed (problem details say what to do)",
    412: "If-Match does not match the current ETag",
    413: "The body is larger than the service accepts",
    422: "The body is not valid (each bad field is named)",
    428: "If-Match is required: send the ETag you last read",
    503: "Temporarily unavailable; retry after Retry-After",
}


def problem_responses(*statuses: int) -> dict[int, Any]:
    """OpenAPI response entries for the problem+json errors an operation can answer."""
    from litestar.openapi.datastructures import ResponseSpec

    return {
        status: ResponseSpec(
            Problem, description=_DESCRIPTIONS[status], media_type=MEDIA_TYPE, generate_examples=False
        )
        for status in statuses
    }
