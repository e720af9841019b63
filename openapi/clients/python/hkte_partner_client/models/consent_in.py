from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_in_notice_language import ConsentInNoticeLanguage
from ..models.consent_method import ConsentMethod
from ..models.purpose import Purpose

T = TypeVar("T", bound="ConsentIn")


@_attrs_define
class ConsentIn:
    """
    Attributes:
        collected_at (datetime.datetime):
        collected_by (str): Who collected it.
        method (ConsentMethod):
        notice_language (ConsentInNoticeLanguage):
        notice_version (str):
        purposes (list[Purpose]):
    """

    collected_at: datetime.datetime
    collected_by: str
    method: ConsentMethod
    notice_language: ConsentInNoticeLanguage
    notice_version: str
    purposes: list[Purpose]

    def to_dict(self) -> dict[str, Any]:
        collected_at = self.collected_at.isoformat()

        collected_by = self.collected_by

        method = self.method.value

        notice_language = self.notice_language.value

        notice_version = self.notice_version

        purposes = []
        for purposes_item_data in self.purposes:
            purposes_item = purposes_item_data.value
            purposes.append(purposes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "collected_at": collected_at,
                "collected_by": collected_by,
                "method": method,
                "notice_language": notice_language,
                "notice_version": notice_version,
                "purposes": purposes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collected_at = datetime.datetime.fromisoformat(d.pop("collected_at"))

        collected_by = d.pop("collected_by")

        method = ConsentMethod(d.pop("method"))

        notice_language = ConsentInNoticeLanguage(d.pop("notice_language"))

        notice_version = d.pop("notice_version")

        purposes = []
        _purposes = d.pop("purposes")
        for purposes_item_data in _purposes:
            purposes_item = Purpose(purposes_item_data)

            purposes.append(purposes_item)

        consent_in = cls(
            collected_at=collected_at,
            collected_by=collected_by,
            method=method,
            notice_language=notice_language,
            notice_version=notice_version,
            purposes=purposes,
        )

        return consent_in
