from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.profession_change_out import ProfessionChangeOut
    from ..models.profession_out import ProfessionOut


T = TypeVar("T", bound="EditionDiffOut")


@_attrs_define
class EditionDiffOut:
    """
    Attributes:
        added (list[ProfessionOut]):
        base (str):
        changed (list[ProfessionChangeOut]):
        removed (list[ProfessionOut]):
        target (str):
    """

    added: list[ProfessionOut]
    base: str
    changed: list[ProfessionChangeOut]
    removed: list[ProfessionOut]
    target: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added = []
        for added_item_data in self.added:
            added_item = added_item_data.to_dict()
            added.append(added_item)

        base = self.base

        changed = []
        for changed_item_data in self.changed:
            changed_item = changed_item_data.to_dict()
            changed.append(changed_item)

        removed = []
        for removed_item_data in self.removed:
            removed_item = removed_item_data.to_dict()
            removed.append(removed_item)

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added": added,
                "base": base,
                "changed": changed,
                "removed": removed,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profession_change_out import ProfessionChangeOut  # noqa: PLC0415
        from ..models.profession_out import ProfessionOut  # noqa: PLC0415

        d = dict(src_dict)
        added = []
        _added = d.pop("added")
        for added_item_data in _added:
            added_item = ProfessionOut.from_dict(added_item_data)

            added.append(added_item)

        base = d.pop("base")

        changed = []
        _changed = d.pop("changed")
        for changed_item_data in _changed:
            changed_item = ProfessionChangeOut.from_dict(changed_item_data)

            changed.append(changed_item)

        removed = []
        _removed = d.pop("removed")
        for removed_item_data in _removed:
            removed_item = ProfessionOut.from_dict(removed_item_data)

            removed.append(removed_item)

        target = d.pop("target")

        edition_diff_out = cls(
            added=added,
            base=base,
            changed=changed,
            removed=removed,
            target=target,
        )

        edition_diff_out.additional_properties = d
        return edition_diff_out

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
