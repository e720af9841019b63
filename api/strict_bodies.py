"""JSON bodies decoded as strictly as the document describes them.

Litestar converts request bodies with msgspec's lax rules (it must, for query strings), so a
body with `"capacity": "10"` or `"ends_at": "612"` (a Unix time) would pass although the
document says integer and RFC 3339 date-time. Before each handler with a body, the raw JSON is
decoded strictly against the handler's own struct; what does not conform is a 422 naming the
field, the same answer as any other invalid body. The body bytes are cached by the request, so
the handler's own decoding reads them again without another receive."""

from __future__ import annotations

import re
from typing import Any

import msgspec
from litestar import Request
from litestar.exceptions import ValidationException
from litestar.handlers import HTTPRouteHandler

from api.schemas.base import NOT_BLANK

MAX_JSON_DEPTH = 32  # the deepest body this API reads (a JWK set) nests 4 levels

_PATH = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_NAMED = re.compile(r"^Object (?:missing required|contains unknown) field `(?P<name>[^`]+)`")
_BLANK = f"Expected `str` matching regex {NOT_BLANK!r}"  # msgspec's words for a blank English text


def _is_struct(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, msgspec.Struct)


def describe(exc: msgspec.ValidationError) -> tuple[str, str]:
    """The field a msgspec error is about (`person.email`, `languages[2]`) and what is wrong."""
    message = str(exc)
    match = _PATH.search(message)
    field = match.group("path").lstrip(".") if match else ""
    text = _PATH.sub("", message)
    if named := _NAMED.match(text):  # name the missing or unknown field itself
        field = f"{field}.{named['name']}".lstrip(".")
    elif text == _BLANK:
        text = "the English text is required: not empty, not only white space"
    return field, text


def _nul_at(value: Any, path: str = "") -> str | None:
    """Where a string holds U+0000 (which PostgreSQL cannot store), if anywhere."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _nul_at(item, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip("."))
        if found is not None:
            return found
    return None


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` levels (iteratively: no recursion to exhaust)."""
    level: list[Any] = [value]
    for _ in range(limit):
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, dict | list)
        ]
        if not level:
            return False
    return True


def decode_json_body(raw: bytes) -> Any:
    """The body as JSON, nested at most MAX_JSON_DEPTH levels; deeper ones are refused as
    malformed (400) before any code walks them. Raises msgspec.DecodeError when not JSON."""
    try:
        value = msgspec.json.decode(raw)
    except RecursionError:  # msgspec's own guard, far deeper than our limit
        value = None
        too_deep = True
    else:
        too_deep = _deeper_than(value, MAX_JSON_DEPTH)
    if too_deep:
        # no field named: answered as a malformed body (400), like JSON that does not parse
        raise ValidationException(detail=f"the JSON body nests deeper than {MAX_JSON_DEPTH} levels")
    return value


def integral(value: Any) -> Any:
    """JSON Schema counts 3.0 as an integer; msgspec's strict mode does not. Agree with the schema."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [integral(v) for v in value]
    if isinstance(value, dict):
        return {k: integral(v) for k, v in value.items()}
    return value


def _body_type(handler: HTTPRouteHandler) -> Any:
    parameter = handler.parsed_fn_signature.parameters.get("data")
    return None if parameter is None else parameter.annotation


async def strict_json_body(request: Request[Any, Any, Any]) -> None:
    handler = request.route_handler
    if not isinstance(handler, HTTPRouteHandler):
        return
    struct = _body_type(handler)
    if not _is_struct(struct):
        return
    try:
        raw = decode_json_body(await request.body())
    except msgspec.DecodeError:
        return  # not JSON at all: the handler's own decoding answers it (400 malformed body)
    if (where := _nul_at(raw)) is not None:
        raise ValidationException(
            detail="invalid body",
            extra=[{"key": where or "$", "source": "body", "message": "text may not contain NUL (U+0000)"}],
        )
    try:
        msgspec.convert(integral(raw), type=struct, strict=True)
    except msgspec.ValidationError as exc:
        field, text = describe(exc)
        raise ValidationException(
            detail="invalid body", extra=[{"key": field or "$", "source": "body", "message": text}]
        ) from None
