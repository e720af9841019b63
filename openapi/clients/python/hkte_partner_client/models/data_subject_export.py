from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subject_record import SubjectRecord


T = TypeVar("T", bound="DataSubjectExport")


@_attrs_define
class DataSubjectExport:
    """
    Attributes:
        email (None | str):
        generated_at (datetime.datetime):
        phone (None | str):
        records (list[SubjectRecord]):
    """

    email: None | str
    generated_at: datetime.datetime
    phone: None | str
    records: list[SubjectRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email: None | str
        email = self.email

        generated_at = self.generated_at.isoformat()

        phone: None | str
        phone = self.phone

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "generated_at": generated_at,
                "phone": phone,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subject_record import SubjectRecord  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = SubjectRecord.from_dict(records_item_data)

            records.append(records_item)

        data_subject_export = cls(
            email=email,
            generated_at=generated_at,
            phone=phone,
            records=records,
        )

        data_subject_export.additional_properties = d
        return data_subject_export

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
