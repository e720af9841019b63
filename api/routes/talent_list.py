"""Talent List reads (scope `talent-list:read`): served from memory, with strong ETags.

Each answer is rendered once per edition, language and day, then reused byte for byte until an
edition is published (see adapters/catalog_cache.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, QueryParameter

from adapters.catalog_cache import TalentListCache
from api.auth import requires
from api.event_filters import HONG_KONG
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
from api.schemas.talent_list import (
    EditionDiffOut,
    EditionList,
    EditionOut,
    EditionSummary,
    ProfessionDetail,
    ProfessionList,
    diff_out,
    edition_out,
    edition_summary,
    name_out,
    profession_out,
)
from domain.errors import NotFound
from domain.scopes import Scope
from domain.talent_list import Edition, diff_editions, edition_in_force

CACHE_CONTROL = "public, max-age=300"
_Request = Request[Any, Any, Any]

OnParam = Annotated[
    date | None,
    QueryParameter(description="The edition in force on this day (YYYY-MM-DD); default today in Hong Kong."),
]
EditionParam = Annotated[
    str | None, QueryParameter(description="An edition code such as `2025`; overrides `on`.", max_length=32)
]


def _ok(model: type, description: str) -> dict[int, Any]:
    return {
        200: ResponseSpec(model, description=description, generate_examples=False),
        304: ResponseSpec(None, description="Not modified: the copy named by If-None-Match is current."),
        **problem_responses(400, 401, 403, 404),
    }


_today: tuple[float, date] = (0.0, date.min)  # the date, and when it ends (epoch seconds)


def hong_kong_today() -> date:
    """Today in Hong Kong (which edition is in force), worked out once a day: a clock read
    otherwise (every Talent List request asks)."""
    global _today
    now = time.time()
    if now >= _today[0]:
        today = datetime.fromtimestamp(now, HONG_KONG).date()
        ends = datetime.combine(today + timedelta(days=1), datetime.min.time(), HONG_KONG).timestamp()
        _today = (ends, today)
    return _today[1]


class Catalog:
    """The editions as they are now, with the questions every route asks of them."""

    def __init__(self, editions: tuple[Edition, ...], cache: TalentListCache) -> None:
        self.editions = editions
        self.cache = cache
        self.today = hong_kong_today()

    def by_code(self, code: str) -> Edition:
        for edition in self.editions:
            if edition.code == code:
                return edition
        raise NotFound("Talent List edition", code)

    def on(self, day: date | None, code: str | None = None) -> Edition:
        if code is not None:
            return self.by_code(code)
        day = day or self.today
        edition = edition_in_force(self.editions, day)
        if edition is None:
            raise NotFound("Talent List edition in force on", day.isoformat())
        return edition

    def superseded_on(self, edition: Edition) -> date | None:
        later = [e.effective_from for e in self.editions if e.effective_from > edition.effective_from]
        return min(later, default=None)

    def summary(self, edition: Edition, languages: Languages) -> EditionSummary:
        in_force = edition_in_force(self.editions, self.today) is edition
        return edition_summary(edition, languages, self.superseded_on(edition), in_force)

    def rendered(
        self, key: tuple[object, ...], languages: Languages, build: Callable[[], Any]
    ) -> tuple[bytes, str]:
        """The answer's bytes and strong ETag, rendered once per edition, language and day."""

        def render() -> tuple[bytes, str]:
            body = msgspec.json.encode(build())
            return body, strong_etag(body)

        return self.cache.memo((*key, languages.key, self.today), render)

    def in_force(self, languages: Languages) -> tuple[bytes, str]:
        """`GET /v1/talent-list`: the edition in force today (also served by api/fast_paths.py)."""
        edition = self.on(None)
        return self.rendered(
            ("edition", edition.code),
            languages,
            lambda: edition_out(self.summary(edition, languages), edition, languages),
        )

    def answer(
        self, request: _Request, key: tuple[object, ...], languages: Languages, build: Callable[[], Any]
    ) -> Response[bytes]:
        body, etag = self.rendered(key, languages, build)
        return cached_response(
            request, body, etag, cache_control=CACHE_CONTROL, content_language=languages.content_language
        )


async def _catalog(state: State) -> Catalog:
    cache: TalentListCache = state.talent_list
    return Catalog(await cache.editions(), cache)


class TalentListController(Controller):
    path = "/v1/talent-list"
    tags = ["talent-list"]  # noqa: RUF012
    locals().update(requires(Scope.TALENT_LIST_READ))

    def _edition(
        self, catalog: Catalog, request: _Request, edition: Edition, languages: Languages
    ) -> Response[bytes]:
        return catalog.answer(
            request,
            ("edition", edition.code),
            languages,
            lambda: edition_out(catalog.summary(edition, languages), edition, languages),
        )

    @get(
        "/",
        operation_id="getTalentList",
        summary="The Talent List in force",
        responses=_ok(EditionOut, "The edition in force, with its sectors and professions."),
        response_headers=CACHE_HEADERS,
    )
    async def current(
        self,
        request: _Request,
        state: State,
        on: FromQuery[OnParam] = None,
        lang: FromQuery[LangParam] = None,
    ) -> Response[bytes]:
        """The edition in force today in Hong Kong (or on `on`), with its sectors and their professions.

        Texts follow `Accept-Language` (zh-HK → Traditional, zh-CN → Simplified, else English) or
        `lang`. Send the ETag back in `If-None-Match` to get a 304 while nothing changed."""
        catalog = await _catalog(state)
        return self._edition(catalog, request, catalog.on(on), negotiate(request, lang))

    @get(
        "/editions",
        operation_id="listTalentListEditions",
        summary="List the editions",
        responses=_ok(EditionList, "Every published edition, oldest first."),
        response_headers=CACHE_HEADERS,
    )
    async def editions(
        self, request: _Request, state: State, lang: FromQuery[LangParam] = None
    ) -> Response[bytes]:
        """Every published edition with its dates and size, oldest first. `partial` marks editions
        of which this API holds fewer professions than the official list."""
        catalog = await _catalog(state)
        languages = negotiate(request, lang)
        return catalog.answer(
            request,
            ("editions",),
            languages,
            lambda: EditionList(items=[catalog.summary(e, languages) for e in catalog.editions]),
        )

    @get(
        "/editions/{edition:str}",
        operation_id="getTalentListEdition",
        summary="Get one edition",
        responses=_ok(EditionOut, "The edition with its sectors and professions."),
        response_headers=CACHE_HEADERS,
    )
    async def edition(
        self, request: _Request, state: State, edition: FromPath[str], lang: FromQuery[LangParam] = None
    ) -> Response[bytes]:
        """One edition by its code (e.g. `2023`), with its sectors and their professions."""
        catalog = await _catalog(state)
        return self._edition(catalog, request, catalog.by_code(edition), negotiate(request, lang))

    @get(
        "/editions/{base:str}/diff/{target:str}",
        operation_id="diffTalentListEditions",
        summary="Compare two editions",
        responses=_ok(EditionDiffOut, "Professions added, removed and changed."),
        response_headers=CACHE_HEADERS,
    )
    async def diff(
        self,
        request: _Request,
        state: State,
        base: FromPath[str],
        target: FromPath[str],
        lang: FromQuery[LangParam] = None,
    ) -> Response[bytes]:
        """What changed from edition `base` to edition `target`: professions added, removed, and
        changed (with the names of the fields that differ), matched by their stable codes."""
        catalog = await _catalog(state)
        a, b = catalog.by_code(base), catalog.by_code(target)
        languages = negotiate(request, lang)
        return catalog.answer(
            request, ("diff", a.code, b.code), languages, lambda: diff_out(diff_editions(a, b), languages)
        )

    @get(
        "/professions",
        operation_id="listProfessions",
        summary="Search professions",
        responses=_ok(ProfessionList, "The matching professions of the edition."),
        response_headers=CACHE_HEADERS,
    )
    async def professions(
        self,
        request: _Request,
        state: State,
        sector: FromQuery[
            Annotated[str | None, QueryParameter(description="A sector code.", max_length=63)]
        ] = None,
        q: FromQuery[
            Annotated[
                str | None,
                QueryParameter(
                    description="Words in any of the three languages.", min_length=1, max_length=100
                ),
            ]
        ] = None,
        edition: FromQuery[EditionParam] = None,
        on: FromQuery[OnParam] = None,
        lang: FromQuery[LangParam] = None,
    ) -> Response[bytes]:
        """Professions of the edition in force (or `edition`, or the one in force `on`), filtered by
        sector and by `q`, a case-insensitive search of names and descriptions in English,
        Traditional and Simplified Chinese."""
        catalog = await _catalog(state)
        chosen = catalog.on(on, edition)
        if sector is not None and sector not in {s.code for s in chosen.sectors}:
            raise bad_parameter("sector", f"edition {chosen.code} has no sector {sector}")
        languages = negotiate(request, lang)
        needle = q.strip().casefold() if q else ""

        def build() -> ProfessionList:
            found = [
                p
                for p in chosen.professions
                if (sector is None or p.sector_code == sector) and (not needle or p.matches(needle))
            ]
            return ProfessionList(edition=chosen.code, items=[profession_out(p, languages) for p in found])

        return catalog.answer(request, ("professions", chosen.code, sector, needle), languages, build)

    @get(
        "/professions/{code:str}",
        operation_id="getProfession",
        summary="Get one profession",
        responses=_ok(ProfessionDetail, "The profession as the edition describes it."),
        response_headers=CACHE_HEADERS,
    )
    async def profession(
        self,
        request: _Request,
        state: State,
        code: FromPath[str],
        edition: FromQuery[EditionParam] = None,
        on: FromQuery[OnParam] = None,
        lang: FromQuery[LangParam] = None,
    ) -> Response[bytes]:
        """A profession by its stable code, as the edition in force (or `edition`, or the one in
        force `on`) describes it, with the list of editions that include it."""
        catalog = await _catalog(state)
        chosen = catalog.on(on, edition)
        found = chosen.profession(code)
        if found is None:
            raise NotFound(f"Profession in edition {chosen.code}:", code)
        profession = found
        languages = negotiate(request, lang)

        def build() -> ProfessionDetail:
            sector = next(s for s in chosen.sectors if s.code == profession.sector_code)
            base = profession_out(profession, languages)
            return ProfessionDetail(
                **msgspec.structs.asdict(base),
                edition=chosen.code,
                sector_name=name_out(sector.name, languages),
                editions=[e.code for e in catalog.editions if e.profession(profession.code) is not None],
            )

        return catalog.answer(request, ("profession", chosen.code, code), languages, build)
