"""Standard Webhooks 1.0 signatures: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`,
base64, as `v1,<signature>`; several space-separated while a rotated secret is still honoured."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable

SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix, not a secret)


def show_secret(secret: bytes) -> str:
    """How a secret is shown to its owner, once (the form Standard Webhooks libraries accept)."""
    return SECRET_PREFIX + base64.b64encode(secret).decode()


def sign(secret: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.digest(secret, signed, hashlib.sha256)).decode()


def signature_header(secrets: Iterable[bytes], message_id: str, timestamp: int, body: bytes) -> str:
    return " ".join(sign(secret, message_id, timestamp, body) for secret in secrets)
