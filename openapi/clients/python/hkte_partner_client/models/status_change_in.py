from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lead_status import LeadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusChangeIn")


@_attrs_define
class StatusChangeIn:
    """
    Attributes:
        reason_code (str):
        status (LeadStatus):
        note (None | str | Unset):
    """

    reason_code: str
    status: LeadStatus
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code

        status = self.status.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason_code": reason_code,
                "status": status,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason_code = d.pop("reason_code")

        status = LeadStatus(d.pop("status"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        status_change_in = cls(
            reason_code=reason_code,
            status=status,
            note=note,
        )

        return status_change_in
