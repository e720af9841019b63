"""Content negotiation and conditional requests shared by the catalog reads.

Language: `?lang=` wins, else `Accept-Language` (RFC 9110 §12.5.4, BCP 47 tags with q-values):
Traditional Chinese for zh-Hant, zh-HK, zh-TW, zh-MO and a bare `zh` (Hong Kong's usage);
Simplified for zh-Hans, zh-CN, zh-SG; English otherwise.

Caching: strong ETags (RFC 9110 §8.8.3) over the exact bytes sent; `If-None-Match` → 304.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from litestar import Request, Response
from litestar.datastructures import ResponseHeader
from litestar.exceptions import HTTPException, ValidationException
from litestar.params import QueryParameter

from domain.i18n import Language

ALL = "all"
LangParam = Annotated[
    Literal["en", "zh-Hant", "zh-Hans", "all"] | None,
    QueryParameter(
        description="Language of the texts; overrides Accept-Language. `all` returns all three.",
    ),
]

_HANT = ("zh-hant", "zh-hk", "zh-tw", "zh-mo")
_HANS = ("zh-hans", "zh-cn", "zh-sg", "zh-my")


@dataclass(frozen=True, slots=True)
class Languages:
    """The languages an answer is written in: one, or all three (`?lang=all`)."""

    chosen: tuple[Language, ...]

    @property
    def content_language(self) -> str:
        return ", ".join(language.value for language in self.chosen)

    @property
    def key(self) -> str:
        return "+".join(language.value for language in self.chosen)


ALL_LANGUAGES = Languages((Language.EN, Language.ZH_HANT, Language.ZH_HANS))


def _match(tag: str) -> Language | None:
    tag = tag.strip().lower()
    if tag == "zh" or tag.startswith(_HANT):
        return Language.ZH_HANT
    if tag.startswith(_HANS):
        return Language.ZH_HANS
    if tag == "en" or tag.startswith("en-"):
        return Language.EN
    return None


MEMO_HEADERS_UP_TO = 256  # characters: clients send the same few values, request after request


def from_accept_language(header: str | None) -> Language:
    """The best of our languages by q-value; ties keep the client's order; English by default."""
    if not header:
        return Language.EN
    return _best_of(header) if len(header) <= MEMO_HEADERS_UP_TO else _best_of.__wrapped__(header)


@functools.lru_cache(maxsize=256)
def _best_of(header: str) -> Language:
    best: tuple[float, int, Language] | None = None
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = _match(tag)
        if language is None or quality <= 0:
            continue
        if best is None or quality > best[0] or (quality == best[0] and position < best[1]):
            best = (quality, position, language)
    return best[2] if best else Language.EN


def negotiate(request: Request[Any, Any, Any], lang: str | None) -> Languages:
    if lang == ALL:
        return ALL_LANGUAGES
    if lang is not None:
        return Languages((Language(lang),))
    return Languages((from_accept_language(request.headers.get("accept-language")),))


def strong_etag(body: bytes) -> str:
    digest = hashlib.blake2b(body, digest_size=16).digest()
    return '"' + base64.urlsafe_b64encode(digest).decode().rstrip("=") + '"'


def etag_matches(header: str | None, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored."""
    if not header:
        return False
    if header.strip() == "*":
        return True
    return any(candidate.strip().removeprefix("W/") == etag for candidate in header.split(","))


def validator_headers(
    etag: str, cache_control: str, content_language: str | None = None, headers: dict[str, str] | None = None
) -> dict[str, str]:
    """The headers of a cacheable answer, in the order sent (api/fast_paths.py sends the same)."""
    out = {"ETag": etag, "Cache-Control": cache_control, "Vary": "Accept-Language", **(headers or {})}
    if content_language:
        out["Content-Language"] = content_language
    return out


def cached_response(
    request: Request[Any, Any, Any],
    body: bytes,
    etag: str,
    *,
    cache_control: str,
    content_language: str | None = None,
    media_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Response[bytes]:
    """The answer with its validators, or 304 with no body when the client's copy is current."""
    out = validator_headers(etag, cache_control, content_language, headers)
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(content=b"", status_code=304, headers=out, media_type=media_type)
    return Response(content=body, status_code=200, headers=out, media_type=media_type)


class PreconditionRequired(HTTPException):
    status_code = 428
    problem_slug = "precondition-required"

    def __init__(self, what: str) -> None:
        super().__init__(detail=f"Send If-Match with the {what}'s ETag (from GET /v1/{what}s/{{id}}).")


def if_match_tags(request: Request[Any, Any, Any], what: str) -> set[str]:
    """The entity tags of If-Match (compared strongly by the caller: RFC 9110 §13.1.1); 428
    without the header, since every change must name the version it applies to."""
    header = request.headers.get("if-match")
    if not header:
        raise PreconditionRequired(what)
    return {tag.strip() for tag in header.split(",")}


def bad_parameter(name: str, message: str) -> ValidationException:
    """A 400 problem naming the query parameter."""
    return ValidationException(
        detail=f"invalid {name}", extra=[{"key": name, "source": "query", "message": message}]
    )


CACHE_HEADERS = [
    ResponseHeader(
        name="ETag", description="Strong validator of this representation.", documentation_only=True
    ),
    ResponseHeader(
        name="Cache-Control", description="How long the answer may be reused.", documentation_only=True
    ),
    ResponseHeader(name="Content-Language", description="Language(s) of the texts.", documentation_only=True),
]
