"""Talent leads: partners submit (`leads:write`) and follow (`leads:read`) their own; HKTE staff
(`leads:review`) read every partner's and move them along. Every read of personal data is
audited; another partner's lead is a 404, indistinguishable from one that does not exist."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath, FromQuery, HeaderParameter, QueryParameter
from msgspec import UNSET, UnsetType

from adapters.catalog_cache import TalentListCache
from api.auth import actor_of, provide_principal, requires
from api.event_filters import Moment, parse_moment
from api.negotiation import bad_parameter, if_match_tags
from api.problems import problem_responses
from api.routes.talent_list import hong_kong_today
from api.schemas.base import decode_cursor, encode_cursor
from api.schemas.leads import (
    DataSubjectExport,
    LeadCreate,
    LeadHistory,
    LeadOut,
    LeadPage,
    LeadPatch,
    StatusChangeIn,
    SubjectRecord,
    history_out,
    lead_etag,
    lead_out,
)
from domain.errors import InvalidValue
from domain.lead_intake import LeadIntake, LeadQuery, NewLead, StoredAnswer
from domain.leads import Consent, Interest, Lead, LeadStatus, Person, Profile, Purpose
from domain.principal import Principal
from domain.scopes import Scope
from domain.talent_list import Edition, edition_in_force

_BODY = Body()
_Request = Request[Any, Any, Any]
REPLAYED = "Idempotent-Replayed"
IdempotencyKey = Annotated[
    str,
    HeaderParameter(
        name="Idempotency-Key",
        description="Unique per lead you submit (a UUID is ideal). A retry with the same key and body "
        "gets the first answer again (with `Idempotent-Replayed: true`); kept at least 24 hours.",
        min_length=1,
        max_length=255,
    ),
]


def _staff(principal: Principal) -> bool:
    return principal.has(Scope.LEADS_REVIEW)


def edition_code_in(editions: tuple[Edition, ...], profession: str) -> str:
    """The code of the edition in force, if `profession` is one of its professions."""
    edition = edition_in_force(editions, hong_kong_today())
    if edition is None or edition.profession(profession) is None:
        where = f"edition {edition.code}" if edition else "any edition in force"
        raise InvalidValue("profession", f"{profession!r} is not a profession of the Talent List ({where})")
    return edition.code


async def edition_code_for(state: State, profession: str) -> str:
    cache: TalentListCache = state.talent_list
    return edition_code_in(await cache.editions(), profession)


def new_lead(data: LeadCreate, edition_code: str) -> NewLead:
    p, c = data.person, data.consent
    return NewLead(
        person=Person(
            given_name=p.given_name.strip(),
            family_name=p.family_name.strip(),
            email=p.email.strip() if p.email else None,
            phone=p.phone,
            residence_country=p.residence_country,
            chinese_name=p.chinese_name,
            nationality=p.nationality,
            city=p.city,
        ),
        profile=Profile(
            profession_code=data.profession,
            years_of_experience=data.years_of_experience,
            highest_qualification=data.highest_qualification,
            languages=tuple(dict.fromkeys(data.languages)),
            interests=tuple(dict.fromkeys(Interest(i) for i in data.interests)),
            employer=data.employer,
            job_title=data.job_title,
            notes=data.notes,
        ),
        consent=Consent(
            notice_version=c.notice_version,
            notice_language=c.notice_language,
            purposes=frozenset(c.purposes),
            method=c.method,
            collected_at=c.collected_at,
            collected_by=c.collected_by,
        ),
        external_ref=data.external_ref,
        edition_code=edition_code,
    )


def lead_json(lead: Lead, base_url: str) -> bytes:
    return msgspec.json.encode(lead_out(lead, base_url))


def lead_headers(lead: Lead) -> dict[str, str]:
    return {"ETag": lead_etag(lead), "Cache-Control": "no-store"}


def _lead_response(lead: Lead, state: State) -> Response[bytes]:
    body = lead_json(lead, state.settings.base_url)
    return Response(body, media_type="application/json", headers=lead_headers(lead))


async def read_lead(state: State, principal: Principal, lead_id: UUID) -> Lead:
    """`GET /v1/leads/{id}` (here and in api/fast_paths.py): the lead, its read audited."""
    intake: LeadIntake = state.leads
    return await intake.get(principal, actor_of(principal), lead_id, staff=_staff(principal))


async def submit_lead(
    state: State, principal: Principal, idempotency_key: str, data: LeadCreate
) -> tuple[StoredAnswer, bool]:
    """`POST /v1/leads` (here and in api/fast_paths.py): the answer, and whether it is replayed."""
    intake: LeadIntake = state.leads
    base_url: str = state.settings.base_url
    request_hash = hashlib.sha256(msgspec.json.encode(data)).digest()
    # the editions before the transaction: reloading them takes a connection of its own, which a
    # request must not wait for while it holds one (with every connection held by submissions
    # waiting so, none would be left for the reload, and all of them would fail together)
    cache: TalentListCache = state.talent_list
    editions = await cache.editions()

    async def lead() -> NewLead:  # not for a replay
        return new_lead(data, edition_code_in(editions, data.profession))

    def render(lead: Lead) -> tuple[int, bytes, dict[str, str]]:
        return 201, lead_json(lead, base_url), {"Location": f"/v1/leads/{lead.id}"}

    return await intake.submit(principal, actor_of(principal), idempotency_key, request_hash, lead, render)


def _set(value: Any, current: Any) -> Any:
    return current if value is UNSET else value


def corrected(lead: Lead, data: LeadPatch) -> Lead:
    person, profile = lead.person, lead.profile
    assert person is not None
    assert profile is not None
    if not isinstance(data.person, UnsetType):
        p = data.person
        person = Person(
            given_name=_set(p.given_name, person.given_name),
            family_name=_set(p.family_name, person.family_name),
            email=_set(p.email, person.email),
            phone=_set(p.phone, person.phone),
            residence_country=_set(p.residence_country, person.residence_country),
            chinese_name=_set(p.chinese_name, person.chinese_name),
            nationality=_set(p.nationality, person.nationality),
            city=_set(p.city, person.city),
        )
    profile = Profile(
        profession_code=_set(data.profession, profile.profession_code),
        years_of_experience=_set(data.years_of_experience, profile.years_of_experience),
        highest_qualification=_set(data.highest_qualification, profile.highest_qualification),
        languages=tuple(_set(data.languages, profile.languages)),
        interests=tuple(Interest(i) for i in _set(data.interests, profile.interests)),
        employer=_set(data.employer, profile.employer),
        job_title=_set(data.job_title, profile.job_title),
        notes=_set(data.notes, profile.notes),
    )
    return replace(
        lead, person=person, profile=profile, external_ref=_set(data.external_ref, lead.external_ref)
    )


async def _professions_filter(
    state: State, professions: list[str], sectors: list[str]
) -> tuple[str, ...] | None:
    """The profession codes to filter on (None: no filter; empty: nothing can match). A sector
    stands for its professions in every edition; both filters together intersect."""
    if not sectors:
        return tuple(professions) if professions else None
    cache: TalentListCache = state.talent_list
    codes = await cache.codes()
    unknown = sorted(set(sectors) - codes.sectors)
    if unknown:
        raise bad_parameter("sector", f"unknown sector(s): {', '.join(unknown)}")
    in_sectors = frozenset().union(*(codes.by_sector[s] for s in sectors))
    return tuple(sorted(in_sectors & set(professions))) if professions else tuple(sorted(in_sectors))


def _empty_page() -> Response[bytes]:
    page = LeadPage(items=[], next_cursor=None)
    return Response(
        msgspec.json.encode(page), media_type="application/json", headers={"Cache-Control": "no-store"}
    )


class LeadsController(Controller):
    path = "/v1/leads"
    tags = ["leads"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012

    @post(
        "/",
        operation_id="submitLead",
        summary="Submit a talent lead",
        status_code=201,
        responses={
            201: ResponseSpec(
                LeadOut, description="Received (or the first answer, replayed).", generate_examples=False
            ),
            **problem_responses(400, 401, 403, 409, 422),
        },
        **requires(Scope.LEADS_WRITE),
    )
    async def submit(
        self,
        state: State,
        principal: NamedDependency[Principal],
        idempotency_key: IdempotencyKey,
        data: Annotated[LeadCreate, _BODY],
    ) -> Response[bytes]:
        """Hands a professional you met to HKTE, with the evidence of their consent. The profession
        must be on the Talent List in force. The same person (email or phone) or `external_ref`
        already submitted by your organisation is a 409 naming that lead (`duplicate_of`); a person
        HKTE knows through another partner is accepted with `known_to_hkte: true`, and nothing
        else of the other partner's lead is shown. The lead is stored durably before 201."""
        answer, replayed = await submit_lead(state, principal, idempotency_key, data)
        headers = {**answer.headers, **({REPLAYED: "true"} if replayed else {})}
        return Response(
            answer.body, status_code=answer.status, media_type="application/json", headers=headers
        )

    @get(
        "/",
        operation_id="listLeads",
        summary="List leads",
        responses={
            200: ResponseSpec(LeadPage, description="Newest first.", generate_examples=False),
            **problem_responses(400, 401, 403),
        },
        **requires(Scope.LEADS_READ),
    )
    async def list_leads(
        self,
        state: State,
        principal: NamedDependency[Principal],
        status: FromQuery[Annotated[list[LeadStatus] | None, QueryParameter(max_items=11)]] = None,
        profession: FromQuery[Annotated[list[str] | None, QueryParameter(max_items=20)]] = None,
        sector: FromQuery[Annotated[list[str] | None, QueryParameter(max_items=20)]] = None,
        submitted_from: FromQuery[Moment] = None,
        submitted_to: FromQuery[Moment] = None,
        updated_since: FromQuery[Moment] = None,
        limit: FromQuery[Annotated[int, QueryParameter(ge=1, le=100)]] = 50,
        cursor: FromQuery[Annotated[str | None, QueryParameter(max_length=100)]] = None,
        purpose: FromQuery[
            Annotated[
                Purpose | None,
                QueryParameter(
                    description="What the leads will be used for: required of HKTE staff (PDPO DPP3)."
                ),
            ]
        ] = None,
    ) -> Response[bytes]:
        """Your organisation's leads, newest first, keyset paged (`next_cursor`). HKTE staff see
        every partner's, and must state the `purpose` they will use them for: only leads whose
        consent covers it are listed (PDPO DPP3). Filters: status, profession, submitted from/to,
        updated since, sector (its professions in any edition). Each listing is written to the audit
        log with the ids shown and the purpose."""
        if _staff(principal) and purpose is None:
            raise bad_parameter("purpose", "HKTE staff state the purpose the leads will be used for")
        intake: LeadIntake = state.leads
        professions = await _professions_filter(state, profession or [], sector or [])
        if professions == ():
            return _empty_page()
        query = LeadQuery(
            partner_id=None if _staff(principal) else principal.partner_id,
            statuses=tuple(status or ()),
            professions=professions or (),
            submitted_from=parse_moment("submitted_from", submitted_from),
            submitted_to=parse_moment("submitted_to", submitted_to),
            updated_since=parse_moment("updated_since", updated_since),
            after=decode_cursor(cursor),
            limit=limit + 1,
            purpose=purpose,
        )
        leads = await intake.find(actor_of(principal), query)
        more, leads = len(leads) > limit, leads[:limit]
        base_url: str = state.settings.base_url
        page = LeadPage(
            items=[lead_out(lead, base_url) for lead in leads],
            next_cursor=encode_cursor(leads[-1].id) if more else None,
        )
        return Response(
            msgspec.json.encode(page), media_type="application/json", headers={"Cache-Control": "no-store"}
        )

    @get(
        "/{lead_id:uuid}",
        operation_id="getLead",
        summary="Get a lead",
        responses={
            200: ResponseSpec(LeadOut, description="The lead.", generate_examples=False),
            **problem_responses(400, 401, 403, 404),
        },
        **requires(Scope.LEADS_READ),
    )
    async def get_lead(
        self, state: State, principal: NamedDependency[Principal], lead_id: FromPath[UUID]
    ) -> Response[bytes]:
        """One of your leads with its current status (audited)."""
        return _lead_response(await read_lead(state, principal, lead_id), state)

    @get(
        "/{lead_id:uuid}/history",
        operation_id="getLeadHistory",
        summary="A lead's status history",
        responses={
            200: ResponseSpec(LeadHistory, description="Oldest first.", generate_examples=False),
            **problem_responses(400, 401, 403, 404),
        },
        **requires(Scope.LEADS_READ),
    )
    async def history(
        self, state: State, principal: NamedDependency[Principal], lead_id: FromPath[UUID]
    ) -> LeadHistory:
        """Every status the lead went through, with HKTE's reason codes and notes."""
        intake: LeadIntake = state.leads
        lead, changes = await intake.history(principal, actor_of(principal), lead_id, staff=_staff(principal))
        return history_out(lead, changes)

    @patch(
        "/{lead_id:uuid}",
        operation_id="correctLead",
        summary="Correct a lead",
        responses={
            200: ResponseSpec(
                LeadOut, description="The corrected lead (with its new ETag).", generate_examples=False
            ),
            **problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
        },
        **requires(Scope.LEADS_WRITE),
    )
    async def correct(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        lead_id: FromPath[UUID],
        data: Annotated[LeadPatch, _BODY],
    ) -> Response[bytes]:
        """Corrects your own lead (the person asked, or you made a mistake). Send the ETag you
        read in `If-Match`: 428 without it, 412 when someone changed the lead since. The consent
        record is evidence and cannot be changed; an erased lead cannot be corrected (409)."""
        wanted = if_match_tags(request, "lead")
        if data.profession is not UNSET:
            await edition_code_for(state, data.profession)
        intake: LeadIntake = state.leads
        lead = await intake.correct(
            principal,
            actor_of(principal),
            lead_id,
            lambda current: "*" in wanted or lead_etag(current) in wanted,
            lambda current: corrected(current, data),
        )
        return _lead_response(lead, state)

    @post(
        "/{lead_id:uuid}/consent-withdrawal",
        operation_id="withdrawLeadConsent",
        summary="Record that the person withdrew consent",
        status_code=200,
        responses={
            200: ResponseSpec(LeadOut, description="The tombstone that remains.", generate_examples=False),
            **problem_responses(400, 401, 403, 404),
        },
        **requires(Scope.LEADS_WRITE),
    )
    async def withdraw(
        self, state: State, principal: NamedDependency[Principal], lead_id: FromPath[UUID]
    ) -> Response[bytes]:
        """The person withdrew their consent: the lead becomes `withdrawn` and its personal data is
        erased everywhere HKTE kept it (including stored idempotent answers); a tombstone with the
        id, your organisation, dates and status remains. Repeating it changes nothing."""
        intake: LeadIntake = state.leads
        lead = await intake.withdraw_consent(principal, actor_of(principal), lead_id)
        return Response(lead_json(lead, state.settings.base_url), media_type="application/json")

    @delete(
        "/{lead_id:uuid}",
        operation_id="eraseLead",
        summary="Erase a lead's personal data",
        status_code=204,
        responses=problem_responses(400, 401, 403, 404),
        **requires(Scope.LEADS_WRITE),
    )
    async def erase(
        self, state: State, principal: NamedDependency[Principal], lead_id: FromPath[UUID]
    ) -> None:
        """Erases the personal data of one of your leads at the person's request; its status and a
        tombstone remain so follow-up stays consistent. Repeating it changes nothing."""
        intake: LeadIntake = state.leads
        await intake.erase(principal, actor_of(principal), lead_id, staff=False)

    @post(
        "/{lead_id:uuid}/status",
        operation_id="changeLeadStatus",
        summary="Move a lead along (HKTE staff)",
        status_code=200,
        responses={
            200: ResponseSpec(LeadOut, description="The lead as it is now.", generate_examples=False),
            **problem_responses(400, 401, 403, 404, 409, 422),
        },
        **requires(Scope.LEADS_REVIEW),
    )
    async def change_status(
        self,
        state: State,
        principal: NamedDependency[Principal],
        lead_id: FromPath[UUID],
        data: Annotated[StatusChangeIn, _BODY],
    ) -> Response[bytes]:
        """Forward only: received → under_review → contacted → applied → approved → arrived, or a
        terminal outcome (not_eligible, declined, unreachable, withdrawn, duplicate) with a reason
        code. Anything else is a 409."""
        intake: LeadIntake = state.leads
        lead = await intake.change_status(
            actor_of(principal), lead_id, data.status, data.reason_code, data.note
        )
        return Response(lead_json(lead, state.settings.base_url), media_type="application/json")


class DataSubjectsController(Controller):
    path = "/v1/admin/data-subjects"
    tags = ["leads"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012

    @get(
        "/",
        operation_id="exportDataSubject",
        summary="Everything held about one person",
        responses={
            200: ResponseSpec(
                DataSubjectExport, description="Every lead about the person.", generate_examples=False
            ),
            **problem_responses(400, 401, 403),
        },
        **requires(Scope.LEADS_REVIEW),
    )
    async def export(
        self,
        state: State,
        principal: NamedDependency[Principal],
        email: FromQuery[Annotated[str | None, QueryParameter(max_length=254)]] = None,
        phone: FromQuery[Annotated[str | None, QueryParameter(pattern=r"^\+[1-9][0-9]{6,14}$")]] = None,
    ) -> Response[bytes]:
        """For a data access or correction request (PDPO DPP6; answer within 40 days): every lead
        about the person with that email or phone, across partners, with their histories, as one
        JSON document. The export is audited."""
        if not email and not phone:
            raise bad_parameter("email", "give the person's email or phone")
        intake: LeadIntake = state.leads
        found = await intake.subject_export(actor_of(principal), email, phone)
        base_url: str = state.settings.base_url
        export = DataSubjectExport(
            email=email,
            phone=phone,
            generated_at=datetime.now(UTC),
            records=[
                SubjectRecord(lead=lead_out(lead, base_url), history=history_out(lead, h))
                for lead, h in found
            ],
        )
        return Response(
            msgspec.json.encode(export), media_type="application/json", headers={"Cache-Control": "no-store"}
        )
