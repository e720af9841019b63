"""Publishing Talent List editions (scope `talent-list:write`, HKTE staff)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, FromQuery, QueryParameter

from adapters.catalog_cache import TalentListCache
from adapters.db.catalog_uow import SqlCatalogUnitOfWork
from adapters.db.database import Database
from api.auth import actor_of, provide_principal, requires
from api.negotiation import ALL_LANGUAGES
from api.problems import problem_responses
from api.schemas.talent_list import EditionSummary, edition_summary
from api.schemas.talent_list_import import EditionImport
from api.talent_list_import import edition_from_import
from domain.principal import Principal
from domain.scopes import Scope
from domain.talent_list_publishing import publish_edition, validate_edition

EXAMPLE = {
    "code": "2026",
    "effective_from": "2026-03-01",
    "title": {"en": "Talent List (2026)", "zh-Hant": "人才清單（2026年）", "zh-Hans": "人才清单（2026年）"},
    "schemes": ["QMAS", "GEP", "ASMTP"],
    "declared_profession_count": 1,
    "sectors": [
        {
            "code": "financial-services",
            "name": {"en": "Financial services", "zh-Hant": "金融服務", "zh-Hans": "金融服务"},
        }
    ],
    "professions": [
        {
            "code": "actuaries",
            "sector": "financial-services",
            "name": {"en": "Actuaries", "zh-Hant": "精算師", "zh-Hans": "精算师"},
        }
    ],
}


class TalentListAdminController(Controller):
    path = "/v1/admin/talent-list/editions"
    tags = ["talent-list"]  # noqa: RUF012
    dependencies = {"principal": provide_principal}  # noqa: RUF012
    locals().update(requires(Scope.TALENT_LIST_WRITE))

    @post(
        "/",
        operation_id="publishTalentListEdition",
        request_max_body_size=8 * 1024 * 1024,  # a whole edition, possibly as CSV
        summary="Import and publish an edition",
        status_code=201,
        responses={
            200: ResponseSpec(
                EditionSummary, description="Dry run: the edition is valid (nothing published)."
            ),
            **problem_responses(400, 401, 403, 409, 422),
        },
    )
    async def publish(
        self,
        state: State,
        principal: NamedDependency[Principal],
        data: Annotated[
            EditionImport,
            Body(
                examples=[Example(summary="A one-profession edition", value=EXAMPLE)],
                description="The whole edition.",
            ),
        ],
        dry_run: FromQuery[
            Annotated[bool, QueryParameter(description="Check the edition without publishing it.")]
        ] = False,
    ) -> Response[EditionSummary]:
        """Checks the whole edition and publishes it, or publishes nothing: a 422 lists every
        problem (JSON path, or CSV row and column). A published edition never changes; its code
        and its `effective_from` must be new (409 otherwise). Partners see it at once."""
        edition = edition_from_import(data)
        summary = edition_summary(edition, ALL_LANGUAGES, None, in_force=False)
        if dry_run:
            validate_edition(edition)
            return Response(summary, status_code=200)
        database: Database = state.database
        actor = actor_of(principal)
        await publish_edition(lambda: SqlCatalogUnitOfWork(database.sessions), edition, actor)
        cache: TalentListCache = state.talent_list
        cache.invalidate()
        return Response(
            summary, status_code=201, headers={"Location": f"/v1/talent-list/editions/{edition.code}"}
        )
