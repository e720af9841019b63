"""`POST /oauth/token` answered before the framework when the request is a plain, well-formed
token request.

A token request is a signature and one transaction; what the framework adds around them (the
routing, the form parsed into `TokenRequest` and then again by the service, the response
conversion) was about a tenth of its CPU. This path hands the form, parsed once, to the same
`OAuthService` after charging the same token quotas, and sends what the framework would send,
byte for byte (a test compares both paths). Whatever the framework would answer differently, or
that is unusual, goes through Litestar as always, with the body as it was sent: another media
type or a query string, a large body, a form that `TokenRequest` would not take as it is (a
repeated or unknown parameter, no `grant_type`, text that is not ASCII), and any error but the
database being away (the service's transaction was rolled back: Litestar runs the request again
and answers it).
"""

from __future__ import annotations

from typing import Any

import msgspec
from authlib.oauth2.rfc6749.errors import InvalidRequestError
from litestar.datastructures import URL, Headers

from adapters.db.errors import is_database_unavailable
from adapters.oauth.service import OAuthAnswer, OAuthService, parse_form
from api.held_body import HeldBody
from api.request_context import current_request_id
from api.routes.oauth import (
    TokenRequest,
    claimed_client_id,
    database_unavailable,
    token_quota_refusal,
    too_many_token_requests,
)

PATH = "/oauth/token"
FORM = "application/x-www-form-urlencoded"
FIELDS = frozenset(TokenRequest.__struct_fields__)
MAX_FORM_BYTES = 8192  # a private_key_jwt assertion is about 1 KiB


def _only(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    """The value of a header sent once (None if absent or repeated)."""
    values = [value for key, value in headers if key == name]
    return values[0].decode("latin-1") if len(values) == 1 else None


def _form_length(state: Any, headers: list[tuple[bytes, bytes]]) -> int | None:
    """The declared length of a body small enough for this path, if it is one."""
    length = _only(headers, b"content-length")
    if length is None or not length.isdigit():
        return None
    size = int(length)
    return size if size <= min(MAX_FORM_BYTES, state.settings.max_body_bytes) else None


def _token_form(body: bytes) -> dict[str, list[str]] | None:
    """The form as the service parses it, if `TokenRequest` takes it as it is: each of its
    parameters once, nothing else, `grant_type` among them, all ASCII (Litestar decodes the
    form as Latin-1, the service as UTF-8: only ASCII reads the same in both)."""
    try:
        form = parse_form(FORM, body)
    except InvalidRequestError:
        return None
    if "grant_type" not in form or not form.keys() <= FIELDS:
        return None
    if any(len(values) != 1 or not values[0].isascii() for values in form.values()):
        return None
    return form


async def _send(send: Any, answer: OAuthAnswer) -> None:
    """The answer as Litestar sends a handler's `Response(body, status_code, headers)`."""
    body = msgspec.json.encode(answer.body)
    headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in answer.headers]
    if not any(name == b"content-type" for name, _ in headers):  # Authlib's answers name it
        headers.append((b"content-type", b"application/json"))
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _issue(service: OAuthService, scope: Any, form: dict[str, list[str]]) -> OAuthAnswer:
    return await service.handle_form(
        "token",
        uri=str(URL.from_scope(scope)),
        headers=Headers.from_scope(scope),
        form=form,
        request_id=current_request_id.get(),
    )


async def token_request(state: Any, scope: Any, receive: Any, send: Any) -> Any:
    """Answer the request if it is a plain token request: None when answered, otherwise the
    `receive` to hand to Litestar with the request (it replays any part of the body read)."""
    if scope["method"] != "POST" or scope["path"] != PATH or scope.get("query_string"):
        return receive
    headers = scope["headers"]
    content_type = _only(headers, b"content-type")
    length = _form_length(state, headers)
    if content_type is None or content_type.strip().lower() != FORM or length is None:
        return receive
    if sum(1 for key, _ in headers if key == b"authorization") > 1:
        return receive
    held = HeldBody(receive)
    body = await held.read(length)
    form = None if body is None or len(body) != length else _token_form(body)
    if form is None:
        return held.receive
    client = scope.get("client")
    claimed = claimed_client_id(_only(headers, b"authorization") or "", form.get("client_id", [None])[0])
    refusal = await token_quota_refusal(state, client[0] if client else "unknown", claimed)
    if refusal is not None:
        answer = too_many_token_requests(refusal)
    else:
        try:
            answer = await _issue(state.oauth, scope, form)
        except Exception as exc:
            if not is_database_unavailable(exc):
                return held.receive
            answer = database_unavailable(exc)
    scope["path_template"] = PATH  # the access log's route
    await _send(send, answer)
    return None
