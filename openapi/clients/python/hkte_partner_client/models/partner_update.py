from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_update_status_type_1 import PartnerUpdateStatusType1
from ..models.partner_update_status_type_2_type_1 import PartnerUpdateStatusType2Type1
from ..models.partner_update_status_type_3_type_1 import PartnerUpdateStatusType3Type1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.names import Names


T = TypeVar("T", bound="PartnerUpdate")


@_attrs_define
class PartnerUpdate:
    """
    Attributes:
        name (Names | None | Unset):
        status (None | PartnerUpdateStatusType1 | PartnerUpdateStatusType2Type1 | PartnerUpdateStatusType3Type1 |
            Unset):
    """

    name: Names | None | Unset = UNSET
    status: None | PartnerUpdateStatusType1 | PartnerUpdateStatusType2Type1 | PartnerUpdateStatusType3Type1 | Unset = (
        UNSET
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.names import Names  # noqa: PLC0415

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, Names):
            name = self.name.to_dict()
        else:
            name = self.name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PartnerUpdateStatusType1):
            status = self.status.value
        elif isinstance(self.status, PartnerUpdateStatusType2Type1):
            status = self.status.value
        elif isinstance(self.status, PartnerUpdateStatusType3Type1):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.names import Names  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> Names | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = Names.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Names | None | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_status(
            data: object,
        ) -> None | PartnerUpdateStatusType1 | PartnerUpdateStatusType2Type1 | PartnerUpdateStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = PartnerUpdateStatusType1(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = PartnerUpdateStatusType2Type1(data)

                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = PartnerUpdateStatusType3Type1(data)

                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None | PartnerUpdateStatusType1 | PartnerUpdateStatusType2Type1 | PartnerUpdateStatusType3Type1 | Unset,
                data,
            )

        status = _parse_status(d.pop("status", UNSET))

        partner_update = cls(
            name=name,
            status=status,
        )

        return partner_update
