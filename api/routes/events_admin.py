"""Changing event listings (scope `events:write`): staff create, change, publish, cancel and
reschedule; partners create and correct drafts of the events they co-organise.

Every change names the version it applies to with `If-Match` (the event's ETag): 428 without
it, 412 when someone changed the event meanwhile, so no change is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any
from uuid import UUID

from litestar import Request, Response, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath
from msgspec import UNSET

from adapters.catalog_cache import TalentListCache
from api.auth import actor_of, requires
from api.negotiation import if_match_tags, negotiate
from api.problems import problem_responses
from api.routes.events import EventReads, event_etag
from api.schemas.base import localized
from api.schemas.events import EventCreate, EventOut, EventPatch, MoveOnline, Reschedule, VenueIn
from domain.errors import InvalidValue
from domain.event_listings import EventListings
from domain.events import Event, EventDetails, Venue
from domain.principal import Principal
from domain.scopes import Scope

_BODY = Body()
_Request = Request[Any, Any, Any]


def _venue(value: VenueIn | None) -> Venue | None:
    if value is None:
        return None
    return Venue(value.city, value.country, localized(value.name), localized(value.address))


async def _check_codes(state: State, sectors: list[str], professions: list[str]) -> None:
    cache: TalentListCache = state.talent_list
    codes = await cache.codes()
    for field, values, known in (
        ("sectors", sectors, codes.sectors),
        ("professions", professions, codes.professions),
    ):
        unknown = sorted(set(values) - known)
        if unknown:
            raise InvalidValue(field, f"not in the Talent List: {', '.join(unknown)}")


def _answer(request: _Request, state: State, event: Event, status: int = 200) -> Response[bytes]:
    body, etag = event_etag(event, negotiate(request, None), state.settings.base_url)
    headers = {"ETag": etag}
    if status == 201:
        headers["Location"] = f"/v1/events/{event.id}"
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _if_match(request: _Request, state: State) -> Callable[[Event], bool]:
    wanted = if_match_tags(request, "event")
    languages = negotiate(request, None)
    base_url = state.settings.base_url
    # strong comparison (RFC 9110 §13.1.1): a weak tag never matches
    return lambda current: "*" in wanted or event_etag(current, languages, base_url)[1] in wanted


def _changed(current: EventDetails, data: EventPatch) -> EventDetails:
    values: dict[str, Any] = {}
    for name in (
        "type",
        "attendance_mode",
        "starts_at",
        "ends_at",
        "timezone",
        "online_url",
        "registration_url",
        "capacity",
    ):
        value = getattr(data, name)
        if value is not UNSET:
            values[name] = value
    for name in ("title", "summary"):
        if (value := getattr(data, name)) is not UNSET:
            values[name] = localized(value)
    if data.description is not UNSET:
        values["description"] = localized(data.description)
    if data.venue is not UNSET:
        values["venue"] = _venue(data.venue)
    for name, field in (
        ("languages", "languages"),
        ("sectors", "sector_codes"),
        ("professions", "profession_codes"),
    ):
        if (value := getattr(data, name)) is not UNSET:
            values[field] = tuple(dict.fromkeys(value))
    return replace(current, **values)


_CHANGE = {
    200: ResponseSpec(
        EventOut, description="The event as it is now (with its new ETag).", generate_examples=False
    ),
    **problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
}


WRITE = requires(Scope.EVENTS_WRITE)


class EventsController(EventReads):
    @post(
        "/events",
        operation_id="createEvent",
        summary="Create an event",
        status_code=201,
        responses={
            201: ResponseSpec(EventOut, description="Created (Location names it).", generate_examples=False),
            **problem_responses(400, 401, 403, 422),
        },
        **WRITE,
    )
    async def create(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        data: Annotated[EventCreate, _BODY],
    ) -> Response[bytes]:
        """Staff create published events (or drafts with `draft: true`). A partner's event is a
        draft that HKTE staff publish; the partner is listed among its organisers."""
        await _check_codes(state, data.sectors, data.professions)
        details = EventDetails(
            type=data.type,
            attendance_mode=data.attendance_mode,
            title=localized(data.title),
            summary=localized(data.summary),
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            timezone=data.timezone,
            description=localized(data.description),
            venue=_venue(data.venue),
            online_url=data.online_url,
            registration_url=data.registration_url,
            capacity=data.capacity,
            languages=tuple(dict.fromkeys(data.languages)),
            sector_codes=tuple(dict.fromkeys(data.sectors)),
            profession_codes=tuple(dict.fromkeys(data.professions)),
        )
        listings: EventListings = state.events
        event = await listings.create(
            principal,
            actor_of(principal),
            details,
            organiser=data.organiser,
            co_organisers=data.co_organisers,
            draft=data.draft,
        )
        return _answer(request, state, event, 201)

    @patch(
        "/events/{event_id:uuid}",
        operation_id="updateEvent",
        summary="Change an event",
        responses=_CHANGE,
        **WRITE,
    )
    async def update(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        event_id: FromPath[UUID],
        data: Annotated[EventPatch, _BODY],
    ) -> Response[bytes]:
        """Changes the fields sent (others stay). Partners change only their own drafts."""
        sectors = data.sectors if data.sectors is not UNSET else []
        professions = data.professions if data.professions is not UNSET else []
        await _check_codes(state, sectors, professions)
        listings: EventListings = state.events
        event = await listings.change(
            principal,
            actor_of(principal),
            event_id,
            lambda e: e.revised(_changed(e.details, data)),
            action="event.updated",
            precondition=_if_match(request, state),
        )
        return _answer(request, state, event)

    async def _lifecycle(
        self,
        request: _Request,
        state: State,
        principal: Principal,
        event_id: UUID,
        change: Callable[[Event], Event],
        action: str,
        what: str,
    ) -> Response[bytes]:
        listings: EventListings = state.events
        event = await listings.change(
            principal,
            actor_of(principal),
            event_id,
            change,
            action=action,
            staff_only=what,
            precondition=_if_match(request, state),
        )
        return _answer(request, state, event)

    @post(
        "/events/{event_id:uuid}/publish",
        operation_id="publishEvent",
        summary="Publish a draft",
        status_code=200,
        responses=_CHANGE,
        **WRITE,
    )
    async def publish(
        self, request: _Request, state: State, principal: NamedDependency[Principal], event_id: FromPath[UUID]
    ) -> Response[bytes]:
        """Staff publish a draft: partners see it from now on."""
        return await self._lifecycle(
            request, state, principal, event_id, lambda e: e.publish(), "event.published", "publish"
        )

    @post(
        "/events/{event_id:uuid}/cancel",
        operation_id="cancelEvent",
        summary="Cancel an event",
        status_code=200,
        responses=_CHANGE,
        **WRITE,
    )
    async def cancel(
        self, request: _Request, state: State, principal: NamedDependency[Principal], event_id: FromPath[UUID]
    ) -> Response[bytes]:
        """Staff cancel the event (schema.org EventCancelled). It stays listed, with status
        `cancelled` and STATUS:CANCELLED in calendars, and can no longer change."""
        return await self._lifecycle(
            request, state, principal, event_id, lambda e: e.cancel(), "event.cancelled", "cancel"
        )

    @post(
        "/events/{event_id:uuid}/postpone",
        operation_id="postponeEvent",
        summary="Postpone an event",
        status_code=200,
        responses=_CHANGE,
        **WRITE,
    )
    async def postpone(
        self, request: _Request, state: State, principal: NamedDependency[Principal], event_id: FromPath[UUID]
    ) -> Response[bytes]:
        """Staff postpone a published event with no new date yet (schema.org EventPostponed)."""
        return await self._lifecycle(
            request, state, principal, event_id, lambda e: e.postpone(), "event.postponed", "postpone"
        )

    @post(
        "/events/{event_id:uuid}/reschedule",
        operation_id="rescheduleEvent",
        summary="Reschedule an event",
        status_code=200,
        responses=_CHANGE,
        **WRITE,
    )
    async def reschedule(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        event_id: FromPath[UUID],
        data: Annotated[Reschedule, _BODY],
    ) -> Response[bytes]:
        """Staff move a published event to new times (schema.org EventRescheduled);
        `previous_starts_at` keeps the old start."""
        return await self._lifecycle(
            request,
            state,
            principal,
            event_id,
            lambda e: e.reschedule(data.starts_at, data.ends_at),
            "event.rescheduled",
            "reschedule",
        )

    @post(
        "/events/{event_id:uuid}/move-online",
        operation_id="moveEventOnline",
        summary="Move an event online",
        status_code=200,
        responses=_CHANGE,
        **WRITE,
    )
    async def move_online(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        event_id: FromPath[UUID],
        data: Annotated[MoveOnline, _BODY],
    ) -> Response[bytes]:
        """Staff turn a published event into an online one (schema.org EventMovedOnline)."""
        return await self._lifecycle(
            request,
            state,
            principal,
            event_id,
            lambda e: e.move_online(data.online_url),
            "event.moved_online",
            "move",
        )
