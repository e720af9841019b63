"""One error format: every error a client can cause is RFC 9457 problem+json, never a 500."""

from __future__ import annotations

import logging
from typing import Annotated

import httpx
import msgspec
import pytest
from litestar import Litestar, post
from litestar.datastructures import State
from litestar.params import Body
from msgspec import Meta

from api.problems import PROBLEM_BASE
from tests.conftest import http_client

PROBLEM = "application/problem+json"


class Probe(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    name: Annotated[str, Meta(min_length=1, max_length=20)]
    count: Annotated[int, Meta(ge=0)]


@post("/v1/test-probe", operation_id="probe", include_in_schema=False)
async def probe(data: Annotated[Probe, Body()]) -> Probe:
    return data


@pytest.fixture
def probed_app(app: Litestar) -> Litestar:
    app.register(probe)
    return app


@pytest.fixture
async def probe_client(probed_app: Litestar) -> httpx.AsyncClient:
    async with http_client(probed_app, lifespan=False) as client:
        yield client


def _assert_problem(response: object, status: int, slug: str) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["type"] == PROBLEM_BASE + slug
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    assert body["request_id"] == response.headers["x-request-id"]  # type: ignore[attr-defined]
    return body  # type: ignore[no-any-return]


async def test_unknown_route_is_a_problem(client: httpx.AsyncClient) -> None:
    body = _assert_problem(await client.get("/v1/nothing-here"), 404, "not-found")
    assert body["instance"] == "/v1/nothing-here"


async def test_unknown_route_under_the_docs_is_a_problem_too(client: httpx.AsyncClient) -> None:
    _assert_problem(await client.get("/docs/nothing-here"), 404, "not-found")


async def test_wrong_method_is_a_problem_that_says_what_is_allowed(client: httpx.AsyncClient) -> None:
    response = await client.delete("/health/live")
    _assert_problem(response, 405, "method-not-allowed")
    assert "GET" in response.headers["allow"]


async def test_malformed_json_is_a_problem(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post(
        "/v1/test-probe", content=b'{"name": "x",', headers={"content-type": "application/json"}
    )
    _assert_problem(response, 400, "malformed-body")


async def test_each_invalid_field_is_named(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post("/v1/test-probe", json={"name": "", "count": -1})
    body = _assert_problem(response, 422, "validation-failed")
    assert body["errors"]
    assert {e["location"] for e in body["errors"]} == {"body"}  # type: ignore[union-attr]


async def test_unknown_fields_are_refused(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post("/v1/test-probe", json={"name": "a", "count": 1, "admin": True})
    body = _assert_problem(response, 422, "validation-failed")
    assert "admin" in str(body["errors"])


async def test_an_oversized_body_is_refused_before_it_is_read(
    probe_client: httpx.AsyncClient, settings: object
) -> None:
    huge = b'{"name": "' + b"x" * 1_100_000 + b'", "count": 1}'
    response = await probe_client.post(
        "/v1/test-probe", content=huge, headers={"content-type": "application/json"}
    )
    _assert_problem(response, 413, "payload-too-large")


async def test_a_good_request_still_works(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post("/v1/test-probe", json={"name": "ok", "count": 2})
    assert response.status_code == 201
    assert response.json() == {"name": "ok", "count": 2}


async def test_an_unexpected_error_is_a_500_problem_without_internals(app: Litestar) -> None:
    from litestar import get

    @get("/v1/test-explode", include_in_schema=False)
    async def explode() -> None:
        raise RuntimeError("secret internals")

    app.register(explode)
    async with http_client(app, lifespan=False) as client:
        response = await client.get("/v1/test-explode")
    body = _assert_problem(response, 500, "internal-error")
    assert "secret internals" not in response.text
    assert body["request_id"]


async def test_nul_characters_are_a_400_problem_not_a_500(client: httpx.AsyncClient) -> None:
    """Found by schemathesis: PostgreSQL cannot store or match U+0000, so it is refused up front
    in URLs, and in bodies wherever it would reach the database."""
    in_query = await client.get("/v1/events?city=a%00b")
    assert in_query.status_code == 400
    assert in_query.headers["content-type"] == "application/problem+json"
    assert in_query.json()["type"].endswith("/invalid-characters")
    assert in_query.headers["x-request-id"] == in_query.json()["request_id"]


async def test_a_database_error_is_logged_without_the_data_it_quotes(
    app: Litestar, hkte_logs: list[logging.LogRecord]
) -> None:
    """Driver and PostgreSQL messages quote values ("invalid input ... 'mei@...'"); the logged
    traceback names the error and its frames, never the value."""
    from litestar import get
    from sqlalchemy import text

    from api.logs import JsonFormatter
    from tests.support import leaks

    email = "leak.probe@example.org"
    leaks.register("lead email", email)

    @get("/v1/test-bad-statement", include_in_schema=False)
    async def bad_statement(state: State) -> None:
        async with state.database.session() as session:
            await session.execute(text("SELECT CAST(:value AS uuid)"), {"value": email})

    app.register(bad_statement)
    async with http_client(app, lifespan=False) as client:
        response = await client.get("/v1/test-bad-statement")
    _assert_problem(response, 500, "internal-error")
    [record] = [r for r in hkte_logs if r.exc_info]
    assert email in str(record.exc_info[1])  # the premise: the driver's message quotes it
    written = JsonFormatter().format(record)
    assert email not in written
    assert "message omitted" in written
    assert "test_errors.py" in written  # the frames are all there
