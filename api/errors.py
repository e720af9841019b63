"""Maps every exception to an RFC 9457 answer. Domain errors never mention HTTP; this does."""

from __future__ import annotations

import logging
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from litestar.types import ExceptionHandlersMap

from adapters.db.errors import is_database_unavailable, is_unstorable_text
from api.problems import FieldError, Problem, problem_response
from domain.errors import DomainError, InvalidValue, NotAllowed, NotFound, PreconditionFailed
from domain.lead_intake import KeyReused, LeadAlreadySubmitted, RequestInFlight
from domain.leads import IllegalTransition
from domain.talent_list import EditionRejected
from domain.webhook_subscriptions import DeliveryInProgress, SubscriptionInactive, TooManySubscriptions

log = logging.getLogger("hkte.api")

# status -> (slug, title) for errors raised by the framework or by our guards
_HTTP_PROBLEMS: dict[int, tuple[str, str]] = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Authentication required"),
    403: ("forbidden", "Not allowed"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    412: ("precondition-failed", "Precondition failed"),
    413: ("payload-too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("validation-failed", "The request is not valid"),
    428: ("precondition-required", "Precondition required"),
    429: ("rate-limited", "Too many requests"),
    503: ("service-unavailable", "Service unavailable"),
}

_Request = Request[Any, Any, Any]


def _wire_name(request: _Request, key: str, source: str) -> str:
    """Litestar names a parameter by its Python name (`idempotency_key`); clients know it by the
    name they send (`Idempotency-Key`)."""
    if source == "body":
        return key
    try:
        parameter = request.route_handler.parsed_fn_signature.parameters.get(key)
    except Exception:  # no route matched: nothing to look up
        return key
    name = getattr(getattr(parameter, "kwarg_definition", None), "name", None)
    return name if isinstance(name, str) and name else key


def _field_errors(request: _Request, extra: object) -> list[FieldError]:
    """Litestar's validation `extra` ([{message, key, source}]) as our field errors."""
    items = extra if isinstance(extra, list) else []
    errors = []
    for item in items:
        if isinstance(item, dict):
            raw = item.get("source") or "body"
            source = str(getattr(raw, "value", raw))  # Litestar's ParamType enum, or a plain string
            errors.append(
                FieldError(
                    field=_wire_name(request, str(item.get("key") or "$"), source),
                    location=source,
                    message=str(item.get("message", "invalid value")),
                )
            )
    return errors


_MISSING = re.compile(r"^Missing required (?P<kind>header|query|path|cookie) parameter '(?P<name>[^']+)'")


def handle_validation(request: _Request, exc: ValidationException) -> Response[Problem]:
    errors = _field_errors(request, exc.extra)
    missing = _MISSING.match(str(exc.detail))
    if not errors and missing:
        return problem_response(
            request,
            status=400,
            slug="invalid-parameter",
            title="The request is not valid",
            detail=f"Missing required {missing['kind']} {missing['name']}",
            errors=[FieldError(field=missing["name"], location=missing["kind"], message="required")],
        )
    in_body = all(e.location == "body" for e in errors)
    if not errors:  # malformed JSON, wrong content: nothing to name but the body
        errors = [FieldError(field="$", location="body", message=str(exc.detail))]
        return problem_response(
            request,
            status=400,
            slug="malformed-body",
            title="Malformed request body",
            detail=str(exc.detail),
            errors=errors,
        )
    status, slug = (422, "validation-failed") if in_body else (400, "invalid-parameter")
    names = ", ".join(sorted({e.field for e in errors}))
    return problem_response(
        request,
        status=status,
        slug=slug,
        title="The request is not valid",
        detail=f"Invalid value for: {names}",
        errors=errors,
    )


def handle_http(request: _Request, exc: HTTPException) -> Response[Problem]:
    slug, title = _HTTP_PROBLEMS.get(exc.status_code, ("error", "Error"))
    slug = getattr(exc, "problem_slug", slug)
    detail = exc.detail if exc.detail and exc.detail != title else title
    if exc.status_code == 404:
        detail = f"No resource at {request.url.path}"
    if isinstance(exc.__cause__, SerializationException):
        return problem_response(
            request,
            status=400,
            slug="malformed-body",
            title="Malformed request body",
            detail=f"The body could not be decoded: {exc.detail}",
            errors=[FieldError(field="$", location="body", message=str(exc.detail))],
        )
    headers = {k: v for k, v in (exc.headers or {}).items()}
    return problem_response(
        request, status=exc.status_code, slug=slug, title=title, detail=detail, headers=headers
    )


def handle_domain(request: _Request, exc: DomainError) -> Response[Problem]:
    if isinstance(exc, NotFound):
        return problem_response(request, status=404, slug="not-found", title="Not found", detail=str(exc))
    if isinstance(exc, InvalidValue):
        return problem_response(
            request,
            status=422,
            slug="validation-failed",
            title="The request is not valid",
            detail=str(exc),
            errors=[FieldError(field=exc.field, location="body", message=exc.message)],
        )
    if isinstance(exc, LeadAlreadySubmitted):
        return problem_response(
            request,
            status=409,
            slug="duplicate-lead",
            title="Lead already submitted",
            detail=str(exc),
            duplicate_of=f"/v1/leads/{exc.existing}",
        )
    if isinstance(exc, RequestInFlight):
        return problem_response(
            request,
            status=409,
            slug="request-in-flight",
            title="Request in flight",
            detail=str(exc),
            headers={"Retry-After": "1"},
        )
    if isinstance(exc, KeyReused):
        return problem_response(
            request,
            status=422,
            slug="idempotency-key-reused",
            title="Idempotency-Key reused",
            detail=str(exc),
        )
    if isinstance(exc, IllegalTransition):
        return problem_response(
            request, status=409, slug="illegal-transition", title="Illegal status change", detail=str(exc)
        )
    if isinstance(exc, NotAllowed):
        return problem_response(request, status=403, slug="not-allowed", title="Not allowed", detail=str(exc))
    if isinstance(exc, PreconditionFailed):
        return problem_response(
            request, status=412, slug="precondition-failed", title="Precondition failed", detail=str(exc)
        )
    if isinstance(exc, TooManySubscriptions):
        return problem_response(
            request, status=409, slug="subscription-limit", title="Too many subscriptions", detail=str(exc)
        )
    if isinstance(exc, SubscriptionInactive):
        return problem_response(
            request, status=409, slug="subscription-inactive", title="Subscription inactive", detail=str(exc)
        )
    if isinstance(exc, DeliveryInProgress):
        return problem_response(
            request, status=409, slug="delivery-pending", title="Delivery still pending", detail=str(exc)
        )
    if isinstance(exc, EditionRejected):
        return problem_response(
            request,
            status=422,
            slug="edition-rejected",
            title="The edition is not valid",
            detail=str(exc),
            errors=[FieldError(field=p.location, location="body", message=p.message) for p in exc.problems],
        )
    return problem_response(request, status=409, slug="conflict", title="Conflict", detail=str(exc))


def log_unavailable(exc: Exception) -> None:
    """How an answer to a database that is away is logged: one line, no traceback."""
    log.warning("database unavailable: %s", type(exc).__name__)


def handle_unexpected(request: _Request, exc: Exception) -> Response[Problem]:
    if is_unstorable_text(exc):  # URLs are checked up front, so this text came in a body
        return problem_response(
            request,
            status=422,
            slug="invalid-characters",
            title="The request is not valid",
            detail="Text may not contain NUL (U+0000) characters.",
        )
    if is_database_unavailable(exc):
        log_unavailable(exc)
        return problem_response(
            request,
            status=503,
            slug="database-unavailable",
            title="Service unavailable",
            detail="The database is not reachable right now; retry shortly.",
            headers={"Retry-After": "2"},
        )
    log.exception("unhandled error")
    return problem_response(
        request,
        status=HTTP_500_INTERNAL_SERVER_ERROR,
        slug="internal-error",
        title="Internal error",
        detail="Something went wrong on our side. Quote the request id when reporting it.",
    )


async def problem_for_foreign_errors(response: Response[Any]) -> Response[Any]:
    """Error answers made by framework parts we do not control (the documentation router's
    HTML 404 page) are turned into problem details, so clients only ever see one format."""
    status = getattr(response, "status_code", None) or 200
    media = getattr(response, "media_type", None)  # ASGI responses (static files) have none
    media_type = str(getattr(media, "value", media))
    if status < 400 or not media_type.startswith("text/"):
        return response  # ours are JSON (problem details, or RFC 6749 errors on /oauth)
    slug, title = _HTTP_PROBLEMS.get(status, ("error", "Error"))
    return problem_response(None, status=status, slug=slug, title=title, detail=title)


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    ValidationException: handle_validation,
    HTTPException: handle_http,
    DomainError: handle_domain,
    Exception: handle_unexpected,
}
