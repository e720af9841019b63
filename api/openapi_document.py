"""The OpenAPI document as committed in openapi/openapi.json (`make openapi`)."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from api.app import create_app
from api.routes.openapi import document_of
from api.settings import Settings

# Any URL will do: building the document opens no connection.
_OFFLINE = Settings(database_url="postgresql://offline@127.0.0.1:1/offline", hkte_server_secret="offline" * 8)


def build_document() -> dict[str, Any]:
    # through msgspec: the schema may hold structs (examples), which plain json cannot encode
    document: dict[str, Any] = json.loads(msgspec.json.encode(document_of(create_app(_OFFLINE))))
    return document


def render_document(document: dict[str, Any]) -> str:
    """Stable text: sorted keys, two-space indent, UTF-8 kept readable, final newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
