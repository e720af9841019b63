"""Event listings (scope `events:read`): filtered keyset pages, one event, iCalendar feeds."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, QueryParameter

from adapters.catalog_cache import TalentListCache
from adapters.db.events import ListedKey, SqlEventPages, StoredEvent, listed_key, stored_event
from api.auth import provide_principal, requires
from api.event_filters import (
    Codes,
    EventFilters,
    Position,
    build_query,
    check_codes,
    decode_cursor,
    encode_cursor,
)
from api.event_renders import RenderedEvents
from api.ical import render_calendar
from api.negotiation import (
    CACHE_HEADERS,
    LangParam,
    Languages,
    bad_parameter,
    cached_response,
    negotiate,
    strong_etag,
)
from api.problems import problem_responses
from api.schemas.base import LANGUAGE_TAG
from api.schemas.events import EventOut, EventPage, RenderedEventPage, event_out
from domain.event_listings import EventListings
from domain.events import AttendanceMode, Event, EventQuery, EventStatus, EventType, Publication
from domain.principal import Principal
from domain.scopes import Scope

CACHE_CONTROL = "private, max-age=60"
CALENDAR = "text/calendar; charset=utf-8"
FEED_LIMIT = 500
PAGE_SIZE_DEFAULT = 20
_LANGUAGE_TAG = re.compile(LANGUAGE_TAG)
_Request = Request[Any, Any, Any]

From = Annotated[
    str | None,
    QueryParameter(
        name="from",
        description="Events still running at or after this date or date-time (default: now).",
        max_length=40,
        examples=[],
    ),
]
To = Annotated[
    str | None, QueryParameter(description="Events starting before this date or date-time.", max_length=40)
]
Query = Annotated[
    str | None,
    QueryParameter(description="Words in any of the three languages.", min_length=1, max_length=100),
]
PartnerCode = Annotated[
    str | None, QueryParameter(description="Code of an organising or co-organising partner.", max_length=63)
]
Drafts = Annotated[
    Publication,
    QueryParameter(description="`draft`: staff see every draft, partners the drafts they organise."),
]
Limit = Annotated[int, QueryParameter(ge=1, le=100, description="Page size (1-100).")]


def _many(values: list[Any] | None) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values or []))


async def _filters(
    state: State,
    from_: str | None,
    to: str | None,
    country: list[str] | None,
    city: list[str] | None,
    sector: list[str] | None,
    profession: list[str] | None,
    type: list[EventType] | None,
    mode: list[AttendanceMode] | None,
    status: list[EventStatus] | None,
    language: list[str] | None,
    q: str | None,
    partner: str | None,
    publication: Publication,
) -> EventFilters:
    filters = EventFilters(
        from_=from_,
        to=to,
        country=_many(country),
        city=_many(city),
        sector=_many(sector),
        profession=_many(profession),
        type=_many(type),
        mode=_many(mode),
        status=_many(status),
        language=_many(language),
        q=q.strip() or None if q else None,
        partner=partner,
        publication=publication,
    )
    cache: TalentListCache = state.talent_list
    codes = await cache.codes()
    check_codes("sector", filters.sector, codes.sectors)
    check_codes("profession", filters.profession, codes.professions)
    for value in filters.country:
        if len(value) != 2 or not value.isalpha():
            raise bad_parameter("country", f"{value!r} is not an ISO 3166-1 alpha-2 code such as GB")
    for value in filters.language:  # as events carry them: any other could match none
        if _LANGUAGE_TAG.match(value) is None:
            raise bad_parameter("language", f"{value!r} is not a language tag such as en, yue or zh-Hant")
    return filters


async def listing_filters(
    state: State,
    *,
    country: list[str],
    city: list[str],
    sector: list[str],
    profession: list[str],
    language: list[str],
) -> EventFilters:
    """The filters of a listing by codes only, as the handler makes them (api/fast_paths.py)."""
    return await _filters(
        state,
        None,
        None,
        country,
        city,
        sector,
        profession,
        None,
        None,
        None,
        language,
        None,
        None,
        Publication.PUBLISHED,
    )


def _ok(model: type, description: str, media_type: str = "application/json") -> dict[int, Any]:
    return {
        200: ResponseSpec(model, description=description, media_type=media_type, generate_examples=False),
        304: ResponseSpec(None, description="Not modified: the copy named by If-None-Match is current."),
        **problem_responses(400, 401, 403, 404),
    }


async def _query(
    state: State, principal: Principal, filters: EventFilters, limit: int, position: Position | None
) -> EventQuery:
    """The listing asked for: the partner filter resolved, drafts limited to the caller's own
    (staff see all), and the window's start (`ends_after`, which a cursor keeps)."""
    listings: EventListings = state.events
    partner_id = None
    if filters.partner is not None:
        ref = await listings.partner(filters.partner)
        if ref is None:
            raise bad_parameter("partner", f"no partner with code {filters.partner}")
        partner_id = ref.id
    drafts_of = None if principal.is_staff else principal.partner_id
    return build_query(
        filters,
        now=datetime.now(UTC),
        limit=limit,
        partner_id=partner_id,
        drafts_of=drafts_of,
        position=position,
    )


async def listing_page(
    state: State,
    principal: Principal,
    filters: EventFilters,
    cursor: str | None,
    limit: int,
    languages: Languages,
    params: list[tuple[str, str]],
) -> tuple[bytes, dict[str, str]]:
    """A page of a listing (its body and, when there is a next page, its Link header), for the
    handler and api/fast_paths.py alike; `params` are the request's query parameters in order."""
    keys = state.server_keys.cursor_key
    position = decode_cursor(keys, filters, cursor) if cursor else None
    query = await _query(state, principal, filters, limit + 1, position)
    listed, items = await _rendered_page(state, query, languages)
    more, listed = len(listed) > limit, listed[:limit]
    next_cursor = None
    headers = {}
    if more:
        last = listed[-1]
        next_cursor = encode_cursor(keys, filters, Position(last["starts_at"], last["id"], query.ends_after))
        kept = [(k, v) for k, v in params if k != "cursor"]
        base_url: str = state.settings.base_url
        headers["Link"] = f'<{base_url}/v1/events?{urlencode([*kept, ("cursor", next_cursor)])}>; rel="next"'
    page = RenderedEventPage(items=items[:limit], next_cursor=next_cursor)
    return msgspec.json.encode(page), headers


async def _rendered_page(
    state: State, query: EventQuery, languages: Languages
) -> tuple[list[ListedKey] | list[StoredEvent], list[msgspec.Raw]]:
    """A listing's rows (read for their `id` and `starts_at`) and its events as JSON, in order:
    the bytes kept for its keys (api/event_renders.py), or else the page read and rendered, its
    events kept where their keys are those the keys statement read (not when an event or a
    partner was written between the two statements)."""
    pages: SqlEventPages = state.event_pages
    renders: RenderedEvents[msgspec.Raw] = state.event_renders
    tags = tuple(language.value for language in languages.chosen)
    listed = await pages.keys(query)
    kept = renders.page([(*listed_key(k), tags) for k in listed])
    if kept is not None:
        return listed, kept
    read = {listed_key(k) for k in listed}
    events = await pages.find(query)
    base_url: str = state.settings.base_url
    items = []
    for event in events:
        body = msgspec.Raw(msgspec.json.encode(event_out(event, languages, base_url)))
        items.append(body)
        key = listed_key(event)
        if key in read:
            renders.keep((*key, tags), body)
    return events, items


def event_etag(event: Event, languages: Languages, base_url: str) -> tuple[bytes, str]:
    body = msgspec.json.encode(event_out(stored_event(event), languages, base_url))
    return body, strong_etag(body)


READ = requires(Scope.EVENTS_READ)


class EventReads(Controller):
    """The reads; api/routes/events_admin.py adds the writes on the same paths (one controller,
    guards per route, since a path's methods must live in one controller)."""

    path = "/v1"
    tags = ["events"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012

    @get(
        "/events",
        operation_id="listEvents",
        summary="List events",
        responses=_ok(EventPage, "A page of events in start order."),
        response_headers=CACHE_HEADERS,
        **READ,
    )
    async def list_events(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        from_: FromQuery[From] = None,
        to: FromQuery[To] = None,
        country: FromQuery[Codes] = None,
        city: FromQuery[Codes] = None,
        sector: FromQuery[Codes] = None,
        profession: FromQuery[Codes] = None,
        type: FromQuery[Annotated[list[EventType] | None, QueryParameter(max_items=20)]] = None,
        mode: FromQuery[Annotated[list[AttendanceMode] | None, QueryParameter(max_items=20)]] = None,
        status: FromQuery[Annotated[list[EventStatus] | None, QueryParameter(max_items=20)]] = None,
        language: FromQuery[Codes] = None,
        q: FromQuery[Query] = None,
        partner: FromQuery[PartnerCode] = None,
        publication: FromQuery[Drafts] = Publication.PUBLISHED,
        cursor: FromQuery[Annotated[str | None, QueryParameter(max_length=200)]] = None,
        limit: FromQuery[Limit] = PAGE_SIZE_DEFAULT,
        lang: FromQuery[LangParam] = None,
    ) -> Response[bytes]:
        """Events that are still running at or after `from` (default: now) and start before `to`,
        in start order. Filters combine with AND; repeat a filter for OR within it
        (`type=webinar&type=forum`).
        `q` searches titles, summaries, descriptions and venues in all three languages.

        Pages are keyset pages: follow `next_cursor` (or the `Link: rel="next"` header) to the
        end; events added meanwhile never make a page repeat or skip one already listed."""
        filters = await _filters(
            state,
            from_,
            to,
            country,
            city,
            sector,
            profession,
            type,
            mode,
            status,
            language,
            q,
            partner,
            publication,
        )
        languages = negotiate(request, lang)
        # in the order sent (the framework's multi_items() groups them in a set's order)
        params = parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True)
        body, headers = await listing_page(state, principal, filters, cursor, limit, languages, params)
        return cached_response(
            request,
            body,
            strong_etag(body),
            cache_control=CACHE_CONTROL,
            content_language=languages.content_language,
            headers=headers,
        )

    @get(
        "/events/{event_id:uuid}",
        operation_id="getEvent",
        summary="Get one event",
        responses=_ok(EventOut, "The event."),
        response_headers=CACHE_HEADERS,
        **READ,
    )
    async def get_event(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        event_id: FromPath[UUID],
        lang: FromQuery[LangParam] = None,
    ) -> Response[bytes]:
        """One event. Drafts are visible only to HKTE staff and the partners organising them.
        Its ETag is what `If-Match` takes on changes."""
        listings: EventListings = state.events
        event = await listings.get(principal, event_id)
        languages = negotiate(request, lang)
        body, etag = event_etag(event, languages, state.settings.base_url)
        return cached_response(
            request, body, etag, cache_control=CACHE_CONTROL, content_language=languages.content_language
        )

    @get(
        "/events/{event_id:uuid}/ics",
        operation_id="getEventCalendar",
        summary="One event as iCalendar",
        responses=_ok(str, "RFC 5545 calendar with the event.", CALENDAR),
        **READ,
    )
    async def event_calendar(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        event_id: FromPath[UUID],
    ) -> Response[bytes]:
        """The event as an iCalendar file (stable UID, SEQUENCE raised on every change,
        STATUS:CANCELLED once cancelled), in the language of `Accept-Language`."""
        listings: EventListings = state.events
        event = await listings.get(principal, event_id)
        return self._calendar(request, state, [event], event.details.title.en)

    @get(
        "/events.ics",
        operation_id="getEventsCalendar",
        summary="Events as an iCalendar feed",
        responses=_ok(str, "RFC 5545 calendar of the matching events.", CALENDAR),
        **READ,
    )
    async def events_calendar(
        self,
        request: _Request,
        state: State,
        principal: NamedDependency[Principal],
        from_: FromQuery[From] = None,
        to: FromQuery[To] = None,
        country: FromQuery[Codes] = None,
        city: FromQuery[Codes] = None,
        sector: FromQuery[Codes] = None,
        profession: FromQuery[Codes] = None,
        type: FromQuery[Annotated[list[EventType] | None, QueryParameter(max_items=20)]] = None,
        mode: FromQuery[Annotated[list[AttendanceMode] | None, QueryParameter(max_items=20)]] = None,
        status: FromQuery[Annotated[list[EventStatus] | None, QueryParameter(max_items=20)]] = None,
        language: FromQuery[Codes] = None,
        q: FromQuery[Query] = None,
        partner: FromQuery[PartnerCode] = None,
    ) -> Response[bytes]:
        """A calendar to subscribe to: the published events matching the same filters as
        `GET /v1/events` (at most 500, in start order), cancelled ones included so calendars
        learn of the cancellation."""
        filters = await _filters(
            state,
            from_,
            to,
            country,
            city,
            sector,
            profession,
            type,
            mode,
            status,
            language,
            q,
            partner,
            Publication.PUBLISHED,
        )
        listings: EventListings = state.events
        events = await listings.find(await _query(state, principal, filters, FEED_LIMIT, None))
        return self._calendar(request, state, events, "HKTE events")

    def _calendar(self, request: _Request, state: State, events: list[Event], name: str) -> Response[bytes]:
        languages = negotiate(request, None)
        base_url: str = state.settings.base_url
        body = render_calendar(
            events,
            languages.chosen[0],
            name=name,
            event_url=lambda event_id: f"{base_url}/v1/events/{event_id}",
        )
        return cached_response(
            request,
            body,
            strong_etag(body),
            cache_control=CACHE_CONTROL,
            content_language=languages.content_language,
            media_type=CALENDAR,
        )
