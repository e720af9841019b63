"""Admin API (scope `clients:admin`, audit `audit:read`): partners, OAuth clients, audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any, Literal, TypeVar
from uuid import UUID

from litestar import Controller, Response, get, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import Body, FromPath, FromQuery

from adapters.db.admin_queries import list_audit, list_clients, list_partners
from adapters.db.clients import SqlClientRepository
from adapters.db.database import Database
from adapters.db.partners import SqlPartnerRepository
from adapters.oauth.jwks import check_public_jwks
from api.auth import actor_of, provide_principal, requires
from api.event_filters import Moment, parse_moment
from api.problems import problem_responses
from api.schemas.admin import (
    AuditOut,
    AuditPage,
    ClientCreate,
    ClientOut,
    ClientPage,
    ClientSecretOut,
    ClientUpdate,
    NamesOut,
    PartnerCreate,
    PartnerOut,
    PartnerPage,
    PartnerUpdate,
    PublicKeys,
    SecretRotation,
)
from api.schemas.base import Limit, decode_cursor, encode_cursor
from domain.client_admin import ClientAdministration, IssuedSecret
from domain.clients import OAuthClient
from domain.errors import NotFound
from domain.i18n import LocalizedText
from domain.partners import Partner, PartnerStatus, PartnerType
from domain.principal import Principal
from domain.scopes import Scope

_BODY = Body()


def partner_out(p: Partner) -> PartnerOut:
    return PartnerOut(
        id=p.id,
        code=p.code,
        name=NamesOut(en=p.name.en, zh_hant=p.name.zh_hant, zh_hans=p.name.zh_hans),
        type=p.type.value,
        country=p.country,
        status=p.status.value,
        created_at=p.created_at,
        updated_at=p.updated_at,
    )


def client_out(c: OAuthClient) -> ClientOut:
    return ClientOut(
        client_id=c.client_id,
        partner_id=c.partner_id,
        name=c.name,
        scopes=sorted(s.value for s in c.scopes),
        auth_methods=sorted(m.value for m in c.auth_methods),
        status=c.status.value,
        rate_limit_tier=c.rate_limit_tier.value,
        has_public_keys=bool(c.jwks),
        created_at=c.created_at,
        updated_at=c.updated_at,
        last_used_at=c.last_used_at,
    )


def _secret_out(issued: IssuedSecret) -> ClientSecretOut:
    expires = issued.previous_secrets_expire_at
    return ClientSecretOut(
        client=client_out(issued.client),
        client_secret=issued.secret,
        previous_secrets_expire_at=expires,
    )


class PartnersController(Controller):
    path = "/v1/admin/partners"
    tags = ["admin"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012
    locals().update(requires(Scope.CLIENTS_ADMIN))

    @post(
        "/",
        operation_id="createPartner",
        summary="Register a partner organisation",
        responses=problem_responses(401, 403, 409, 422),
    )
    async def create(
        self, state: State, principal: NamedDependency[Principal], data: Annotated[PartnerCreate, _BODY]
    ) -> Response[PartnerOut]:
        """Creates an active partner. Its clients are created separately."""
        admin: ClientAdministration = state.admin
        partner = await admin.create_partner(
            actor_of(principal),
            code=data.code,
            name=LocalizedText(data.name.en, data.name.zh_hant, data.name.zh_hans),
            type=data.type,
            country=data.country,
        )
        location = {"Location": f"/v1/admin/partners/{partner.id}"}
        return Response(partner_out(partner), status_code=201, headers=location)

    @get(
        "/", operation_id="listPartners", summary="List partners", responses=problem_responses(400, 401, 403)
    )
    async def list(
        self,
        state: State,
        type: FromQuery[PartnerType | None] = None,
        status: FromQuery[PartnerStatus | None] = None,
        limit: Limit = 50,
        cursor: FromQuery[str | None] = None,
    ) -> PartnerPage:
        """Newest first, keyset paged: follow `next_cursor`."""
        database: Database = state.database
        async with database.session() as session:
            rows = await list_partners(
                session,
                type=type.value if type else None,
                status=status.value if status else None,
                before=decode_cursor(cursor),
                limit=limit + 1,
            )
        return _page(PartnerPage, [partner_out(p) for p in rows[:limit]], rows, limit)

    @get(
        "/{partner_id:uuid}",
        operation_id="getPartner",
        summary="Get a partner",
        responses=problem_responses(401, 403, 404),
    )
    async def get(self, state: State, partner_id: FromPath[UUID]) -> PartnerOut:
        """One partner."""
        async with state.database.session() as session:
            partner = await SqlPartnerRepository(session).get(partner_id)
        if partner is None:
            raise NotFound("partner", partner_id)
        return partner_out(partner)

    @patch(
        "/{partner_id:uuid}",
        operation_id="updatePartner",
        summary="Rename, suspend or reactivate",
        responses=problem_responses(401, 403, 404, 422),
    )
    async def update(
        self,
        state: State,
        principal: NamedDependency[Principal],
        partner_id: FromPath[UUID],
        data: Annotated[PartnerUpdate, _BODY],
    ) -> PartnerOut:
        """Suspending a partner stops all its clients' tokens within AUTH_REFRESH_SECONDS."""
        changes: dict[str, Any] = {}
        if data.name is not None:
            changes["name"] = LocalizedText(data.name.en, data.name.zh_hant, data.name.zh_hans)
        if data.status is not None:
            changes["status"] = PartnerStatus(data.status)
        partner = await state.admin.update_partner(actor_of(principal), partner_id, **changes)
        return partner_out(partner)


P = TypeVar("P", PartnerPage, ClientPage, AuditPage)


def _page(page: type[P], items: list[Any], rows: list[Any], limit: int) -> P:
    more = len(rows) > limit
    return page(items=items, next_cursor=encode_cursor(rows[limit - 1].id) if more else None)


class ClientsController(Controller):
    path = "/v1/admin/clients"
    tags = ["admin"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012
    locals().update(requires(Scope.CLIENTS_ADMIN))

    @post(
        "/",
        operation_id="createClient",
        summary="Create an OAuth client (secret shown once)",
        responses=problem_responses(401, 403, 404, 422),
    )
    async def create(
        self, state: State, principal: NamedDependency[Principal], data: Annotated[ClientCreate, _BODY]
    ) -> Response[ClientSecretOut | ClientOut]:
        """A partner client can never hold staff or admin scopes. The secret is in this answer only."""
        jwks = check_public_jwks(data.jwks) if data.jwks is not None else None
        issued = await state.admin.create_client(
            actor_of(principal),
            partner_id=data.partner_id,
            name=data.name,
            scopes=frozenset(data.scopes),
            auth_methods=frozenset(data.auth_methods),
            tier=data.rate_limit_tier,
            jwks=jwks,
        )
        body = _secret_out(issued) if isinstance(issued, IssuedSecret) else client_out(issued)
        client = issued.client if isinstance(issued, IssuedSecret) else issued
        return Response(body, status_code=201, headers={"Location": f"/v1/admin/clients/{client.client_id}"})

    @get(
        "/",
        operation_id="listClients",
        summary="List OAuth clients",
        responses=problem_responses(400, 401, 403),
    )
    async def list(
        self,
        state: State,
        partner_id: FromQuery[UUID | None] = None,
        status: FromQuery[Literal["active", "revoked"] | None] = None,
        limit: Limit = 50,
        cursor: FromQuery[str | None] = None,
    ) -> ClientPage:
        """Newest first, keyset paged; filter by partner and status (active, revoked)."""
        async with state.database.session() as session:
            rows = await list_clients(
                session, partner_id=partner_id, status=status, before=decode_cursor(cursor), limit=limit + 1
            )
        return _page(ClientPage, [client_out(c) for c in rows[:limit]], rows, limit)

    @get(
        "/{client_id:str}",
        operation_id="getClient",
        summary="Get an OAuth client",
        responses=problem_responses(401, 403, 404),
    )
    async def get(self, state: State, client_id: FromPath[str]) -> ClientOut:
        """One client (never its secret)."""
        async with state.database.session() as session:
            found = await SqlClientRepository(session).get(client_id)
        if found is None:
            raise NotFound("client", client_id)
        return client_out(found)

    @patch(
        "/{client_id:str}",
        operation_id="updateClient",
        summary="Rename, re-scope, re-tier or revoke",
        responses=problem_responses(401, 403, 404, 409, 422),
    )
    async def update(
        self,
        state: State,
        principal: NamedDependency[Principal],
        client_id: FromPath[str],
        data: Annotated[ClientUpdate, _BODY],
    ) -> ClientOut:
        """`status: revoked` is final and stops its tokens within AUTH_REFRESH_SECONDS."""
        admin: ClientAdministration = state.admin
        actor = actor_of(principal)
        client = await admin.update_client(
            actor,
            client_id,
            name=data.name,
            scopes=frozenset(data.scopes) if data.scopes else None,
            tier=data.rate_limit_tier,
        )
        if data.status == "revoked":
            client = await admin.revoke_client(actor, client_id)
        return client_out(client)

    @post(
        "/{client_id:str}/secret",
        operation_id="rotateClientSecret",
        status_code=200,
        summary="Rotate the client secret",
        responses=problem_responses(401, 403, 404, 409, 422),
    )
    async def rotate(
        self,
        state: State,
        principal: NamedDependency[Principal],
        client_id: FromPath[str],
        data: Annotated[SecretRotation, _BODY],
    ) -> ClientSecretOut:
        """A new secret, shown once. Earlier secrets keep working for the grace period (default 24 h)."""
        issued = await state.admin.rotate_secret(
            actor_of(principal), client_id, timedelta(seconds=data.grace_period_seconds)
        )
        return _secret_out(issued)

    @post(
        "/{client_id:str}/revoke",
        operation_id="revokeClient",
        status_code=200,
        summary="Revoke a client",
        responses=problem_responses(401, 403, 404),
    )
    async def revoke(
        self, state: State, principal: NamedDependency[Principal], client_id: FromPath[str]
    ) -> ClientOut:
        """Final. Its tokens fail on every API process within AUTH_REFRESH_SECONDS (default 5 s)."""
        return client_out(await state.admin.revoke_client(actor_of(principal), client_id))

    @post(
        "/{client_id:str}/keys",
        operation_id="replaceClientKeys",
        status_code=200,
        summary="Register or replace the client's public keys",
        responses=problem_responses(401, 403, 404, 409, 422),
    )
    async def keys(
        self,
        state: State,
        principal: NamedDependency[Principal],
        client_id: FromPath[str],
        data: Annotated[PublicKeys, _BODY],
    ) -> ClientOut:
        """Public keys (JWK Set) for private_key_jwt; private members are refused."""
        client = await state.admin.replace_keys(actor_of(principal), client_id, check_public_jwks(data.jwks))
        return client_out(client)


class AuditController(Controller):
    path = "/v1/admin/audit"
    tags = ["admin"]  # noqa: RUF012
    locals().update(requires(Scope.AUDIT_READ))

    @get(
        "/",
        operation_id="listAuditEntries",
        summary="Read the audit log",
        responses=problem_responses(400, 401, 403),
    )
    async def list(
        self,
        state: State,
        action: FromQuery[str | None] = None,
        client_id: FromQuery[str | None] = None,
        target_id: FromQuery[str | None] = None,
        since: FromQuery[Moment] = None,
        until: FromQuery[Moment] = None,
        limit: Limit = 50,
        cursor: FromQuery[str | None] = None,
    ) -> AuditPage:
        """Newest first, keyset paged. Entries never hold secrets or personal data. `since` and
        `until` take a date (midnight in Hong Kong) or a date-time with its UTC offset."""
        since_at, until_at = parse_moment("since", since), parse_moment("until", until)
        async with state.database.session() as session:
            rows = await list_audit(
                session,
                action=action,
                client_id=client_id,
                target_id=target_id,
                since=since_at,
                until=until_at,
                before=decode_cursor(cursor),
                limit=limit + 1,
            )
        items = [
            AuditOut(
                id=r.id,
                occurred_at=r.occurred_at,
                action=r.action,
                outcome=r.outcome,
                actor_client_id=r.actor_client_id,
                actor_partner_id=r.actor_partner_id,
                target_type=r.target_type,
                target_id=r.target_id,
                request_id=r.request_id,
                details=r.details,
            )
            for r in rows[:limit]
        ]
        return _page(AuditPage, items, rows, limit)


ADMIN_CONTROLLERS = [PartnersController, ClientsController, AuditController]
