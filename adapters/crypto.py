"""Keys derived from the one server secret, and sealing of private key material."""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def _derive(server_secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"hkte-partner-api", info=purpose).derive(
        server_secret.encode("utf-8")
    )


@dataclass(frozen=True, slots=True)
class ServerKeys:
    """Everything secret the server derives from HKTE_SERVER_SECRET."""

    secret_pepper: bytes  # HMAC key for client secrets
    key_encryption_key: bytes  # AES-256-GCM key sealing signing keys at rest
    cursor_key: bytes  # HMAC key signing paging cursors

    @classmethod
    def derive(cls, server_secret: str) -> ServerKeys:
        if len(server_secret) < 32:
            raise ValueError("HKTE_SERVER_SECRET must be at least 32 characters of random data")
        return cls(
            secret_pepper=_derive(server_secret, b"client-secret-pepper"),
            key_encryption_key=_derive(server_secret, b"signing-key-encryption"),
            cursor_key=_derive(server_secret, b"cursor-signing"),
        )

    def seal(self, plaintext: bytes, context: str) -> bytes:
        nonce = os.urandom(12)
        return nonce + AESGCM(self.key_encryption_key).encrypt(nonce, plaintext, context.encode())

    def unseal(self, sealed: bytes, context: str) -> bytes:
        return AESGCM(self.key_encryption_key).decrypt(sealed[:12], sealed[12:], context.encode())
