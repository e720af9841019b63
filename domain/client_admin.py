"""Use cases of the admins (REST with `clients:admin`, or the `hkte` CLI): partners and clients.

Every change is written to the audit log in the same transaction as the change itself."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from domain.audit import Actor, AuditEntry
from domain.clients import (
    AuthMethod,
    ClientStatus,
    OAuthClient,
    RateLimitTier,
    check_auth_methods,
    check_scopes_for,
    grace_period,
    hash_secret,
    new_client_id,
    new_client_secret,
)
from domain.errors import DomainError, InvalidValue, NotFound
from domain.i18n import LocalizedText
from domain.ids import new_id
from domain.partners import Partner, PartnerStatus, PartnerType
from domain.ports import AdminUnitOfWork, Clock
from domain.scopes import Scope


class PartnerCodeTaken(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(f"a partner with code {code!r} already exists")


class ClientRevoked(DomainError):
    def __init__(self, client_id: str) -> None:
        super().__init__(f"client {client_id} is revoked; revocation is final")


@dataclass(frozen=True, slots=True)
class IssuedSecret:
    client: OAuthClient
    secret: str  # shown once, never stored
    previous_secrets_expire_at: datetime | None = None


class ClientAdministration:
    def __init__(self, unit_of_work: Callable[[], AdminUnitOfWork], pepper: bytes, clock: Clock) -> None:
        self._uow = unit_of_work
        self._pepper = pepper
        self._clock = clock

    # -- partners -----------------------------------------------------------------------------

    async def create_partner(
        self, actor: Actor, *, code: str, name: LocalizedText, type: PartnerType, country: str | None
    ) -> Partner:
        now = self._clock.now()
        partner = Partner(new_id(), code, name, type, country, PartnerStatus.ACTIVE, now, now)
        async with self._uow() as uow:
            if await uow.partners.code_taken(code):
                raise PartnerCodeTaken(code)
            await uow.partners.add(partner)
            await uow.audit.record(
                _entry(
                    "partner.created", actor, "partner", str(partner.id), {"type": type.value, "code": code}
                )
            )
            await uow.commit()
        return partner

    async def update_partner(self, actor: Actor, partner_id: UUID, **changes: Any) -> Partner:
        async with self._uow() as uow:
            partner = await uow.partners.get(partner_id)
            if partner is None:
                raise NotFound("partner", partner_id)
            updated = dataclasses.replace(partner, **changes, updated_at=self._clock.now())
            await uow.partners.update(updated)
            await uow.audit.record(
                _entry("partner.updated", actor, "partner", str(partner_id), {"fields": sorted(changes)})
            )
            await uow.commit()
        return updated

    # -- clients ------------------------------------------------------------------------------

    async def create_client(
        self,
        actor: Actor,
        *,
        partner_id: UUID,
        name: str,
        scopes: frozenset[Scope],
        auth_methods: frozenset[AuthMethod],
        tier: RateLimitTier = RateLimitTier.STANDARD,
        jwks: dict[str, object] | None = None,
    ) -> IssuedSecret | OAuthClient:
        if not name.strip():
            raise InvalidValue("name", "a display name is required")
        check_auth_methods(auth_methods)
        now = self._clock.now()
        async with self._uow() as uow:
            partner = await uow.partners.get(partner_id)
            if partner is None:
                raise NotFound("partner", partner_id)
            check_scopes_for(partner, scopes)
            client = OAuthClient(
                new_id(),
                new_client_id(),
                partner_id,
                name.strip(),
                scopes,
                auth_methods,
                ClientStatus.ACTIVE,
                tier,
                jwks,
                now,
                now,
                None,
            )
            uses_secret = bool(auth_methods - {AuthMethod.PRIVATE_KEY_JWT})
            secret = new_client_secret() if uses_secret else None
            await uow.clients.add(client, hash_secret(self._pepper, secret) if secret else None)
            await uow.audit.record(
                _entry(
                    "client.created",
                    actor,
                    "client",
                    client.client_id,
                    {
                        "partner_id": str(partner_id),
                        "scopes": sorted(s.value for s in scopes),
                        "auth_methods": sorted(m.value for m in auth_methods),
                    },
                )
            )
            await uow.commit()
        return IssuedSecret(client, secret) if secret else client

    async def _active_client(self, uow: AdminUnitOfWork, client_id: str) -> OAuthClient:
        client = await uow.clients.get(client_id)
        if client is None:
            raise NotFound("client", client_id)
        if client.status is ClientStatus.REVOKED:
            raise ClientRevoked(client_id)
        return client

    async def update_client(
        self,
        actor: Actor,
        client_id: str,
        *,
        name: str | None = None,
        scopes: frozenset[Scope] | None = None,
        tier: RateLimitTier | None = None,
    ) -> OAuthClient:
        async with self._uow() as uow:
            client = await self._active_client(uow, client_id)
            changes: dict[str, Any] = {}
            if name is not None:
                if not name.strip():
                    raise InvalidValue("name", "a display name is required")
                changes["name"] = name.strip()
            if scopes is not None:
                partner = await uow.partners.get(client.partner_id)
                assert partner is not None
                check_scopes_for(partner, scopes)
                changes["scopes"] = scopes
            if tier is not None:
                changes["rate_limit_tier"] = tier
            updated = dataclasses.replace(client, **changes, updated_at=self._clock.now())
            await uow.clients.update(updated)
            await uow.audit.record(
                _entry(
                    "client.updated",
                    actor,
                    "client",
                    client_id,
                    {
                        "fields": sorted(changes),
                        **({"scopes": sorted(s.value for s in scopes)} if scopes is not None else {}),
                    },
                )
            )
            await uow.commit()
        return updated

    async def rotate_secret(
        self, actor: Actor, client_id: str, grace: timedelta | None = None
    ) -> IssuedSecret:
        keep_for = grace_period(grace)
        async with self._uow() as uow:
            client = await self._active_client(uow, client_id)
            secret = new_client_secret()
            expires = self._clock.now() + keep_for
            await uow.clients.add_secret(client, hash_secret(self._pepper, secret), others_expire_at=expires)
            await uow.audit.record(
                _entry(
                    "client.secret_rotated",
                    actor,
                    "client",
                    client_id,
                    {"previous_secrets_expire_at": expires.isoformat()},
                )
            )
            await uow.commit()
        return IssuedSecret(client, secret, expires)

    async def revoke_client(self, actor: Actor, client_id: str) -> OAuthClient:
        async with self._uow() as uow:
            client = await uow.clients.get(client_id)
            if client is None:
                raise NotFound("client", client_id)
            if client.status is ClientStatus.REVOKED:
                return client  # idempotent
            revoked = dataclasses.replace(client, status=ClientStatus.REVOKED, updated_at=self._clock.now())
            await uow.clients.update(revoked)
            await uow.audit.record(_entry("client.revoked", actor, "client", client_id))
            await uow.commit()
        return revoked

    async def replace_keys(self, actor: Actor, client_id: str, jwks: dict[str, object]) -> OAuthClient:
        async with self._uow() as uow:
            client = await self._active_client(uow, client_id)
            updated = dataclasses.replace(client, jwks=jwks, updated_at=self._clock.now())
            await uow.clients.update(updated)
            listed = jwks.get("keys")
            kids = (
                [str(k.get("kid")) for k in listed if isinstance(k, dict)] if isinstance(listed, list) else []
            )
            await uow.audit.record(_entry("client.keys_replaced", actor, "client", client_id, {"kids": kids}))
            await uow.commit()
        return updated


def _entry(
    action: str, actor: Actor, target_type: str, target_id: str, details: dict[str, Any] | None = None
) -> AuditEntry:
    return AuditEntry(
        action=action,
        outcome="success",
        actor=actor,
        target_type=target_type,
        target_id=target_id,
        details=details or {},
    )
