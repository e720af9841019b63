"""Token signing keys: RS256, chosen by measurement (bench/jwt_algorithms.py): verification runs
on every API request and RS256 verifies ~3x faster than Ed25519 and ES256 on these machines;
signing (one per token, cached by clients for its lifetime) is the rarer operation.

Rotation keeps an overlap: the newest key signs, and the keys retired within the last
`PUBLISH_RETIRED_FOR` stay in the JWKS and verify, so no token issued before a rotation fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.crypto import ServerKeys
from adapters.db.tables import SigningKeyRow

ALGORITHM = "RS256"
PUBLISH_RETIRED_FOR = timedelta(hours=24)  # far longer than any token lifetime (max 1 h)
_BOOTSTRAP_LOCK = 7_411_020_002


@dataclass(frozen=True, slots=True)
class KeyRing:
    signing_key: RSAKey  # the current key (private)
    public_keys: KeySet  # current and recently retired (public only)
    # by kid: every request with a token already verified looks its key up (is it still published?)
    _by_kid: dict[str, RSAKey] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_kid = {key.kid: key for key in self.public_keys if key.kid is not None}
        object.__setattr__(self, "_by_kid", by_kid)

    @property
    def kid(self) -> str:
        return str(self.signing_key.kid)

    def jwks(self) -> dict[str, Any]:
        return {
            "keys": [
                {**key.as_dict(private=False), "alg": ALGORITHM, "use": "sig"} for key in self.public_keys
            ]
        }

    @property
    def published_kids(self) -> tuple[str, ...]:
        return tuple(str(key.kid) for key in self.public_keys)

    def find(self, kid: str) -> RSAKey | None:
        return self._by_kid.get(kid)


def _new_key(keys: ServerKeys) -> SigningKeyRow:
    key = RSAKey.generate_key(2048, auto_kid=True)
    kid = str(key.kid)
    return SigningKeyRow(
        kid=kid,
        alg=ALGORITHM,
        public_jwk=key.as_dict(private=False),
        private_key_enc=keys.seal(key.as_pem(private=True), context=kid),
    )


async def rotate_signing_key(session: AsyncSession, keys: ServerKeys) -> str:
    """Make a new key current; the previous one retires but stays published for a day."""
    row = _new_key(keys)
    await session.execute(
        update(SigningKeyRow).where(SigningKeyRow.retired_at.is_(None)).values(retired_at=func.now())
    )
    session.add(row)
    await session.flush()
    return row.kid


async def ensure_signing_key(session: AsyncSession, keys: ServerKeys) -> str | None:
    """Create the first key when there is none (safe when several processes start at once)."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _BOOTSTRAP_LOCK})
    current = await session.scalar(select(SigningKeyRow.kid).where(SigningKeyRow.retired_at.is_(None)))
    if current is not None:
        return None
    return await rotate_signing_key(session, keys)


async def load_key_ring(
    session: AsyncSession, keys: ServerKeys, loaded: KeyRing | None = None
) -> KeyRing | None:
    """The published keys. When they are the ones already `loaded`, that ring is returned as it
    is: the periodic refresh then costs one small query, not a decryption and key imports."""
    published = SigningKeyRow.retired_at.is_(None) | (
        SigningKeyRow.retired_at > func.now() - PUBLISH_RETIRED_FOR
    )
    listed = (
        await session.execute(
            select(SigningKeyRow.kid, SigningKeyRow.retired_at.is_(None))
            .where(published)
            .order_by(SigningKeyRow.retired_at.is_(None).desc(), SigningKeyRow.created_at.desc())
        )
    ).all()
    current_kid = next((kid for kid, active in listed if active), None)
    if current_kid is None:
        return None
    kids = tuple(kid for kid, _ in listed)
    if loaded is not None and loaded.kid == current_kid and loaded.published_kids == kids:
        return loaded
    rows = {
        row.kid: row
        for row in (await session.scalars(select(SigningKeyRow).where(SigningKeyRow.kid.in_(kids)))).all()
    }
    current = rows[current_kid]
    private = RSAKey.import_key(
        keys.unseal(current.private_key_enc, context=current.kid), {"kid": current.kid}
    )
    public = KeySet([RSAKey.import_key(rows[kid].public_jwk) for kid in kids])
    return KeyRing(signing_key=private, public_keys=public)
