from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.lead_history import LeadHistory
    from ..models.lead_out import LeadOut


T = TypeVar("T", bound="SubjectRecord")


@_attrs_define
class SubjectRecord:
    """
    Attributes:
        history (LeadHistory):
        lead (LeadOut):
    """

    history: LeadHistory
    lead: LeadOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        history = self.history.to_dict()

        lead = self.lead.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "history": history,
                "lead": lead,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_history import LeadHistory  # noqa: PLC0415
        from ..models.lead_out import LeadOut  # noqa: PLC0415

        d = dict(src_dict)
        history = LeadHistory.from_dict(d.pop("history"))

        lead = LeadOut.from_dict(d.pop("lead"))

        subject_record = cls(
            history=history,
            lead=lead,
        )

        subject_record.additional_properties = d
        return subject_record

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
