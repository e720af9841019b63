from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Reschedule")


@_attrs_define
class Reschedule:
    """
    Attributes:
        ends_at (datetime.datetime): RFC 3339 with a UTC offset.
        starts_at (datetime.datetime): RFC 3339 with a UTC offset.
    """

    ends_at: datetime.datetime
    starts_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        starts_at = self.starts_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ends_at": ends_at,
                "starts_at": starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        reschedule = cls(
            ends_at=ends_at,
            starts_at=starts_at,
        )

        return reschedule
