from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.profession_out import ProfessionOut


T = TypeVar("T", bound="ProfessionChangeOut")


@_attrs_define
class ProfessionChangeOut:
    """
    Attributes:
        after (ProfessionOut):
        before (ProfessionOut):
        code (str):
        fields (list[str]): What changed, e.g. `name` or `sector_code`.
    """

    after: ProfessionOut
    before: ProfessionOut
    code: str
    fields: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after = self.after.to_dict()

        before = self.before.to_dict()

        code = self.code

        fields = self.fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "before": before,
                "code": code,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profession_out import ProfessionOut  # noqa: PLC0415

        d = dict(src_dict)
        after = ProfessionOut.from_dict(d.pop("after"))

        before = ProfessionOut.from_dict(d.pop("before"))

        code = d.pop("code")

        fields = cast(list[str], d.pop("fields"))

        profession_change_out = cls(
            after=after,
            before=before,
            code=code,
            fields=fields,
        )

        profession_change_out.additional_properties = d
        return profession_change_out

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
