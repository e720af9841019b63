from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_status import LeadStatus

T = TypeVar("T", bound="StatusChangeOut")


@_attrs_define
class StatusChangeOut:
    """
    Attributes:
        changed_at (datetime.datetime):
        from_status (LeadStatus | None):
        note (None | str):
        reason_code (str):
        to_status (LeadStatus):
    """

    changed_at: datetime.datetime
    from_status: LeadStatus | None
    note: None | str
    reason_code: str
    to_status: LeadStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at.isoformat()

        from_status: None | str
        if isinstance(self.from_status, LeadStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        note: None | str
        note = self.note

        reason_code = self.reason_code

        to_status = self.to_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "from_status": from_status,
                "note": note,
                "reason_code": reason_code,
                "to_status": to_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        def _parse_from_status(data: object) -> LeadStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = LeadStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadStatus | None, data)

        from_status = _parse_from_status(d.pop("from_status"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        reason_code = d.pop("reason_code")

        to_status = LeadStatus(d.pop("to_status"))

        status_change_out = cls(
            changed_at=changed_at,
            from_status=from_status,
            note=note,
            reason_code=reason_code,
            to_status=to_status,
        )

        status_change_out.additional_properties = d
        return status_change_out

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
