from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClientOut")


@_attrs_define
class ClientOut:
    """
    Attributes:
        auth_methods (list[str]):
        client_id (str):
        created_at (datetime.datetime):
        has_public_keys (bool):
        last_used_at (datetime.datetime | None):
        name (str):
        partner_id (UUID):
        rate_limit_tier (str):
        scopes (list[str]):
        status (str):
        updated_at (datetime.datetime):
    """

    auth_methods: list[str]
    client_id: str
    created_at: datetime.datetime
    has_public_keys: bool
    last_used_at: datetime.datetime | None
    name: str
    partner_id: UUID
    rate_limit_tier: str
    scopes: list[str]
    status: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_methods = self.auth_methods

        client_id = self.client_id

        created_at = self.created_at.isoformat()

        has_public_keys = self.has_public_keys

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        name = self.name

        partner_id = str(self.partner_id)

        rate_limit_tier = self.rate_limit_tier

        scopes = self.scopes

        status = self.status

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth_methods": auth_methods,
                "client_id": client_id,
                "created_at": created_at,
                "has_public_keys": has_public_keys,
                "last_used_at": last_used_at,
                "name": name,
                "partner_id": partner_id,
                "rate_limit_tier": rate_limit_tier,
                "scopes": scopes,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_methods = cast(list[str], d.pop("auth_methods"))

        client_id = d.pop("client_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        has_public_keys = d.pop("has_public_keys")

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        name = d.pop("name")

        partner_id = UUID(d.pop("partner_id"))

        rate_limit_tier = d.pop("rate_limit_tier")

        scopes = cast(list[str], d.pop("scopes"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        client_out = cls(
            auth_methods=auth_methods,
            client_id=client_id,
            created_at=created_at,
            has_public_keys=has_public_keys,
            last_used_at=last_used_at,
            name=name,
            partner_id=partner_id,
            rate_limit_tier=rate_limit_tier,
            scopes=scopes,
            status=status,
            updated_at=updated_at,
        )

        client_out.additional_properties = d
        return client_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
