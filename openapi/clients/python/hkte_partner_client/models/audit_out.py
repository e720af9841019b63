from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_out_details import AuditOutDetails


T = TypeVar("T", bound="AuditOut")


@_attrs_define
class AuditOut:
    """
    Attributes:
        action (str):
        actor_client_id (None | str):
        actor_partner_id (None | UUID):
        details (AuditOutDetails):
        id (UUID):
        occurred_at (datetime.datetime):
        outcome (str):
        request_id (None | str):
        target_id (None | str):
        target_type (None | str):
    """

    action: str
    actor_client_id: None | str
    actor_partner_id: None | UUID
    details: AuditOutDetails
    id: UUID
    occurred_at: datetime.datetime
    outcome: str
    request_id: None | str
    target_id: None | str
    target_type: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_client_id: None | str
        actor_client_id = self.actor_client_id

        actor_partner_id: None | str
        if isinstance(self.actor_partner_id, UUID):
            actor_partner_id = str(self.actor_partner_id)
        else:
            actor_partner_id = self.actor_partner_id

        details = self.details.to_dict()

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        outcome = self.outcome

        request_id: None | str
        request_id = self.request_id

        target_id: None | str
        target_id = self.target_id

        target_type: None | str
        target_type = self.target_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_client_id": actor_client_id,
                "actor_partner_id": actor_partner_id,
                "details": details,
                "id": id,
                "occurred_at": occurred_at,
                "outcome": outcome,
                "request_id": request_id,
                "target_id": target_id,
                "target_type": target_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_out_details import AuditOutDetails  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_client_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_client_id = _parse_actor_client_id(d.pop("actor_client_id"))

        def _parse_actor_partner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_partner_id_type_0 = UUID(data)

                return actor_partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_partner_id = _parse_actor_partner_id(d.pop("actor_partner_id"))

        details = AuditOutDetails.from_dict(d.pop("details"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        outcome = d.pop("outcome")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_target_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_id = _parse_target_id(d.pop("target_id"))

        def _parse_target_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_type = _parse_target_type(d.pop("target_type"))

        audit_out = cls(
            action=action,
            actor_client_id=actor_client_id,
            actor_partner_id=actor_partner_id,
            details=details,
            id=id,
            occurred_at=occurred_at,
            outcome=outcome,
            request_id=request_id,
            target_id=target_id,
            target_type=target_type,
        )

        audit_out.additional_properties = d
        return audit_out

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
