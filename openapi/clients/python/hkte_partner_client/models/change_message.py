from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_type import ChangeType

if TYPE_CHECKING:
    from ..models.changed_resource import ChangedResource


T = TypeVar("T", bound="ChangeMessage")


@_attrs_define
class ChangeMessage:
    """
    Attributes:
        data (ChangedResource):
        id (str): The event id: also the `webhook-id` header, the same on every retry.
        timestamp (datetime.datetime): When the change was made.
        type_ (ChangeType):
    """

    data: ChangedResource
    id: str
    timestamp: datetime.datetime
    type_: ChangeType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        id = self.id

        timestamp = self.timestamp.isoformat()

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "id": id,
                "timestamp": timestamp,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.changed_resource import ChangedResource  # noqa: PLC0415

        d = dict(src_dict)
        data = ChangedResource.from_dict(d.pop("data"))

        id = d.pop("id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = ChangeType(d.pop("type"))

        change_message = cls(
            data=data,
            id=id,
            timestamp=timestamp,
            type_=type_,
        )

        change_message.additional_properties = d
        return change_message

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
