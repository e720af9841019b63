from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.auth_method import AuthMethod
from ..models.rate_limit_tier import RateLimitTier
from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_create_jwks_type_0 import ClientCreateJwksType0


T = TypeVar("T", bound="ClientCreate")


@_attrs_define
class ClientCreate:
    """
    Attributes:
        name (str):
        partner_id (UUID):
        scopes (list[Scope]):
        auth_methods (list[AuthMethod] | Unset):
        jwks (ClientCreateJwksType0 | None | Unset):
        rate_limit_tier (RateLimitTier | Unset):
    """

    name: str
    partner_id: UUID
    scopes: list[Scope]
    auth_methods: list[AuthMethod] | Unset = UNSET
    jwks: ClientCreateJwksType0 | None | Unset = UNSET
    rate_limit_tier: RateLimitTier | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_create_jwks_type_0 import ClientCreateJwksType0  # noqa: PLC0415

        name = self.name

        partner_id = str(self.partner_id)

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        auth_methods: list[str] | Unset = UNSET
        if not isinstance(self.auth_methods, Unset):
            auth_methods = []
            for auth_methods_item_data in self.auth_methods:
                auth_methods_item = auth_methods_item_data.value
                auth_methods.append(auth_methods_item)

        jwks: dict[str, Any] | None | Unset
        if isinstance(self.jwks, Unset):
            jwks = UNSET
        elif isinstance(self.jwks, ClientCreateJwksType0):
            jwks = self.jwks.to_dict()
        else:
            jwks = self.jwks

        rate_limit_tier: str | Unset = UNSET
        if not isinstance(self.rate_limit_tier, Unset):
            rate_limit_tier = self.rate_limit_tier.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "partner_id": partner_id,
                "scopes": scopes,
            }
        )
        if auth_methods is not UNSET:
            field_dict["auth_methods"] = auth_methods
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if rate_limit_tier is not UNSET:
            field_dict["rate_limit_tier"] = rate_limit_tier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_create_jwks_type_0 import ClientCreateJwksType0  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        partner_id = UUID(d.pop("partner_id"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = Scope(scopes_item_data)

            scopes.append(scopes_item)

        _auth_methods = d.pop("auth_methods", UNSET)
        auth_methods: list[AuthMethod] | Unset = UNSET
        if _auth_methods is not UNSET:
            auth_methods = []
            for auth_methods_item_data in _auth_methods:
                auth_methods_item = AuthMethod(auth_methods_item_data)

                auth_methods.append(auth_methods_item)

        def _parse_jwks(data: object) -> ClientCreateJwksType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                jwks_type_0 = ClientCreateJwksType0.from_dict(data)

                return jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClientCreateJwksType0 | None | Unset, data)

        jwks = _parse_jwks(d.pop("jwks", UNSET))

        _rate_limit_tier = d.pop("rate_limit_tier", UNSET)
        rate_limit_tier: RateLimitTier | Unset
        if isinstance(_rate_limit_tier, Unset):
            rate_limit_tier = UNSET
        else:
            rate_limit_tier = RateLimitTier(_rate_limit_tier)

        client_create = cls(
            name=name,
            partner_id=partner_id,
            scopes=scopes,
            auth_methods=auth_methods,
            jwks=jwks,
            rate_limit_tier=rate_limit_tier,
        )

        return client_create
