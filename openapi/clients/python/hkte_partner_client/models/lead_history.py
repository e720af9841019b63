from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_status import LeadStatus

if TYPE_CHECKING:
    from ..models.status_change_out import StatusChangeOut


T = TypeVar("T", bound="LeadHistory")


@_attrs_define
class LeadHistory:
    """
    Attributes:
        changes (list[StatusChangeOut]):
        lead_id (UUID):
        status (LeadStatus):
    """

    changes: list[StatusChangeOut]
    lead_id: UUID
    status: LeadStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        lead_id = str(self.lead_id)

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "lead_id": lead_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_change_out import StatusChangeOut  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = StatusChangeOut.from_dict(changes_item_data)

            changes.append(changes_item)

        lead_id = UUID(d.pop("lead_id"))

        status = LeadStatus(d.pop("status"))

        lead_history = cls(
            changes=changes,
            lead_id=lead_id,
            status=status,
        )

        lead_history.additional_properties = d
        return lead_history

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
