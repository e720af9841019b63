"""Bases of the wire structs: strict requests, plain responses."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Protocol, overload
from uuid import UUID

import msgspec
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter
from msgspec import Meta

from domain.i18n import LocalizedText


class RequestBody(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Requests refuse unknown fields: a typo is an error, not a silently ignored value."""


class ResponseBody(msgspec.Struct, kw_only=True, frozen=True):
    pass


# The English of a text in three languages: the domain's LocalizedText holds none that is blank, so
# a request is refused (422) for one of only white space, before anything is made of it. Written
# to mean the same in Python's regular expressions (here) and ECMA's (clients reading the
# document), whose white space differ by U+001C-U+001F, U+0085 and U+FEFF: none counts as text.
NOT_BLANK = r"[^\s\x1c-\x1f\x85\ufeff]"

# A language tag as leads and events carry them (BCP 47: a primary language, then subtags)
LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$"


NextCursor = Annotated[str | None, Meta(description="Pass as `cursor` for the next page; null at the end.")]


Limit = Annotated[int, QueryParameter(ge=1, le=100, description="Page size (1-100).")]


def encode_cursor(last: UUID) -> str:
    return base64.urlsafe_b64encode(last.bytes).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> UUID | None:
    if cursor is None:
        return None
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        return UUID(bytes=raw)
    except (binascii.Error, ValueError) as exc:
        raise ValidationException(
            detail="invalid cursor",
            extra=[{"key": "cursor", "source": "query", "message": "not a cursor this API issued"}],
        ) from exc


class Trilingual(Protocol):
    """A request struct with a text in the three languages (field names as in LocalizedText)."""

    @property
    def en(self) -> str: ...
    @property
    def zh_hant(self) -> str: ...
    @property
    def zh_hans(self) -> str: ...


@overload
def localized(value: Trilingual) -> LocalizedText: ...
@overload
def localized(value: Trilingual | None) -> LocalizedText | None: ...
def localized(value: Trilingual | None) -> LocalizedText | None:
    return None if value is None else LocalizedText(value.en, value.zh_hant, value.zh_hans)
