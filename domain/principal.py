"""Who is calling: the verified claims of an access token, as the use cases see them."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.scopes import Scope


@dataclass(frozen=True, slots=True)
class Principal:
    client_id: str
    partner_id: UUID
    scopes: frozenset[Scope]
    token_id: str
    is_staff: bool  # a client of HKTE itself (partner type `hkte`)

    def has(self, scope: Scope) -> bool:
        return scope in self.scopes
