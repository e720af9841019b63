"""The audit log: who did what, when, with which outcome. Never secrets, never personal data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: an OAuth client over HTTP, or an operator at the `hkte` command line."""

    client_id: str | None
    partner_id: UUID | None
    request_id: str | None = None

    @classmethod
    def operator(cls, name: str) -> Actor:
        return cls(client_id=f"cli:{name}", partner_id=None)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    action: str
    outcome: str  # success | denied | failure
    actor: Actor
    target_type: str | None = None
    target_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    id: UUID | None = None
    occurred_at: datetime | None = None
