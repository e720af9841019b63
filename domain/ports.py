"""Ports: what the use cases need from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Protocol
from uuid import UUID

from domain.audit import AuditEntry
from domain.clients import ClientStatus, OAuthClient
from domain.partners import Partner, PartnerStatus, PartnerType


class PartnerRepository(Protocol):
    async def get(self, partner_id: UUID) -> Partner | None: ...
    async def add(self, partner: Partner) -> None: ...
    async def update(self, partner: Partner) -> None: ...
    async def code_taken(self, code: str) -> bool: ...


class ClientRepository(Protocol):
    async def get(self, client_id: str) -> OAuthClient | None: ...
    async def add(self, client: OAuthClient, secret_hash: bytes | None) -> None: ...
    async def update(self, client: OAuthClient) -> None: ...
    async def add_secret(
        self, client: OAuthClient, secret_hash: bytes, others_expire_at: datetime
    ) -> None: ...
    async def count_for_partner(self, partner_id: UUID, status: ClientStatus) -> int: ...


class AuditLog(Protocol):
    async def record(self, entry: AuditEntry) -> None: ...


class AdminUnitOfWork(Protocol):
    @property
    def partners(self) -> PartnerRepository: ...
    @property
    def clients(self) -> ClientRepository: ...
    @property
    def audit(self) -> AuditLog: ...

    async def __aenter__(self) -> AdminUnitOfWork: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    async def commit(self) -> None: ...


class Clock(Protocol):
    def now(self) -> datetime: ...


__all__ = [
    "AdminUnitOfWork",
    "AuditLog",
    "ClientRepository",
    "Clock",
    "PartnerRepository",
    "PartnerStatus",
    "PartnerType",
]
