from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.public_keys_jwks import PublicKeysJwks


T = TypeVar("T", bound="PublicKeys")


@_attrs_define
class PublicKeys:
    """
    Attributes:
        jwks (PublicKeysJwks): A JWK Set of public keys for private_key_jwt.
    """

    jwks: PublicKeysJwks

    def to_dict(self) -> dict[str, Any]:
        jwks = self.jwks.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jwks": jwks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_keys_jwks import PublicKeysJwks  # noqa: PLC0415

        d = dict(src_dict)
        jwks = PublicKeysJwks.from_dict(d.pop("jwks"))

        public_keys = cls(
            jwks=jwks,
        )

        return public_keys
