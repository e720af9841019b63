from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MoveOnline")


@_attrs_define
class MoveOnline:
    """
    Attributes:
        online_url (str):
    """

    online_url: str

    def to_dict(self) -> dict[str, Any]:
        online_url = self.online_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "online_url": online_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        online_url = d.pop("online_url")

        move_online = cls(
            online_url=online_url,
        )

        return move_online
