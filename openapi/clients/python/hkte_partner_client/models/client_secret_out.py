from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_out import ClientOut


T = TypeVar("T", bound="ClientSecretOut")


@_attrs_define
class ClientSecretOut:
    """
    Attributes:
        client (ClientOut):
        client_secret (str):
        previous_secrets_expire_at (datetime.datetime | None | Unset):
    """

    client: ClientOut
    client_secret: str
    previous_secrets_expire_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client = self.client.to_dict()

        client_secret = self.client_secret

        previous_secrets_expire_at: None | str | Unset
        if isinstance(self.previous_secrets_expire_at, Unset):
            previous_secrets_expire_at = UNSET
        elif isinstance(self.previous_secrets_expire_at, datetime.datetime):
            previous_secrets_expire_at = self.previous_secrets_expire_at.isoformat()
        else:
            previous_secrets_expire_at = self.previous_secrets_expire_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client": client,
                "client_secret": client_secret,
            }
        )
        if previous_secrets_expire_at is not UNSET:
            field_dict["previous_secrets_expire_at"] = previous_secrets_expire_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_out import ClientOut  # noqa: PLC0415

        d = dict(src_dict)
        client = ClientOut.from_dict(d.pop("client"))

        client_secret = d.pop("client_secret")

        def _parse_previous_secrets_expire_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secrets_expire_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secrets_expire_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_secrets_expire_at = _parse_previous_secrets_expire_at(d.pop("previous_secrets_expire_at", UNSET))

        client_secret_out = cls(
            client=client,
            client_secret=client_secret,
            previous_secrets_expire_at=previous_secrets_expire_at,
        )

        client_secret_out.additional_properties = d
        return client_secret_out

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
