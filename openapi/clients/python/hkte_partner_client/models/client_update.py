from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.client_update_status_type_1 import ClientUpdateStatusType1
from ..models.client_update_status_type_2_type_1 import ClientUpdateStatusType2Type1
from ..models.client_update_status_type_3_type_1 import ClientUpdateStatusType3Type1
from ..models.rate_limit_tier import RateLimitTier
from ..models.scope import Scope
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientUpdate")


@_attrs_define
class ClientUpdate:
    """
    Attributes:
        name (None | str | Unset):
        rate_limit_tier (None | RateLimitTier | Unset):
        scopes (list[Scope] | None | Unset):
        status (ClientUpdateStatusType1 | ClientUpdateStatusType2Type1 | ClientUpdateStatusType3Type1 | None | Unset):
    """

    name: None | str | Unset = UNSET
    rate_limit_tier: None | RateLimitTier | Unset = UNSET
    scopes: list[Scope] | None | Unset = UNSET
    status: ClientUpdateStatusType1 | ClientUpdateStatusType2Type1 | ClientUpdateStatusType3Type1 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        rate_limit_tier: None | str | Unset
        if isinstance(self.rate_limit_tier, Unset):
            rate_limit_tier = UNSET
        elif isinstance(self.rate_limit_tier, RateLimitTier):
            rate_limit_tier = self.rate_limit_tier.value
        else:
            rate_limit_tier = self.rate_limit_tier

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = []
            for scopes_type_0_item_data in self.scopes:
                scopes_type_0_item = scopes_type_0_item_data.value
                scopes.append(scopes_type_0_item)

        else:
            scopes = self.scopes

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ClientUpdateStatusType1):
            status = self.status.value
        elif isinstance(self.status, ClientUpdateStatusType2Type1):
            status = self.status.value
        elif isinstance(self.status, ClientUpdateStatusType3Type1):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if rate_limit_tier is not UNSET:
            field_dict["rate_limit_tier"] = rate_limit_tier
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_rate_limit_tier(data: object) -> None | RateLimitTier | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rate_limit_tier_type_0 = RateLimitTier(data)

                return rate_limit_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RateLimitTier | Unset, data)

        rate_limit_tier = _parse_rate_limit_tier(d.pop("rate_limit_tier", UNSET))

        def _parse_scopes(data: object) -> list[Scope] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = []
                _scopes_type_0 = data
                for scopes_type_0_item_data in _scopes_type_0:
                    scopes_type_0_item = Scope(scopes_type_0_item_data)

                    scopes_type_0.append(scopes_type_0_item)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Scope] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))

        def _parse_status(
            data: object,
        ) -> ClientUpdateStatusType1 | ClientUpdateStatusType2Type1 | ClientUpdateStatusType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ClientUpdateStatusType1(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = ClientUpdateStatusType2Type1(data)

                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = ClientUpdateStatusType3Type1(data)

                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ClientUpdateStatusType1 | ClientUpdateStatusType2Type1 | ClientUpdateStatusType3Type1 | None | Unset,
                data,
            )

        status = _parse_status(d.pop("status", UNSET))

        client_update = cls(
            name=name,
            rate_limit_tier=rate_limit_tier,
            scopes=scopes,
            status=status,
        )

        return client_update
