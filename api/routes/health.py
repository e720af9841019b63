"""Health probes for load balancers and orchestrators."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from msgspec import Meta

from adapters.db.database import Database
from api.problems import MEDIA_TYPE, Problem


class Health(msgspec.Struct, frozen=True, kw_only=True):
    status: Annotated[str, Meta(examples=["ok"])]


class HealthController(Controller):
    path = "/health"
    tags = ["health"]  # noqa: RUF012

    @get("/live", operation_id="getLiveness", summary="Process is up", security=[], cache_control=None)
    async def live(self) -> Health:
        """Answers 200 as long as the process can serve requests. Touches nothing else."""
        return Health(status="ok")

    @get(
        "/ready",
        operation_id="getReadiness",
        summary="Ready to serve: the database answers",
        security=[],
        responses={
            503: ResponseSpec(
                data_container=Problem,
                description="The database is not reachable",
                media_type=MEDIA_TYPE,
                generate_examples=False,
            )
        },
    )
    async def ready(self, state: State) -> Health:
        """200 when a trivial query succeeds within 2 seconds, else 503 problem+json with
        `Retry-After` (the error handler recognises an unreachable database). Recovers by
        itself when the database comes back: no restart needed."""
        database: Database = state.database
        await database.ping(timeout_s=2.0)
        return Health(status="ok")
