"""Everything a client controls is bounded: each over-limit input gets its problem+json status,
never a 500, a hang or a silently truncated answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from litestar import Litestar

from api.problems import PROBLEM_BASE
from api.request_limits import MAX_HEADERS, MAX_QUERY_PARAMETERS, MAX_URL_BYTES
from api.strict_bodies import MAX_JSON_DEPTH
from domain.scopes import PARTNER_SCOPES
from tests.api.test_leads import lead_body
from tests.support.oauth import get_token, make_client

JSON = {"content-type": "application/json", "Idempotency-Key": "limits-1"}
LIMIT = 1_048_576  # MAX_BODY_BYTES's default, as the test settings leave it


def nested(depth: int) -> bytes:
    return b'{"person": ' + b"[" * depth + b"]" * depth + b"}"


async def chunks(total: int) -> AsyncIterator[bytes]:
    """A body without Content-Length (chunked): the limit must hold while it streams."""
    sent = 0
    while sent < total:
        yield b" " * 65536
        sent += 65536


def person(**changes: Any) -> dict[str, Any]:
    return lead_body(person={**lead_body()["person"], **changes})


# (what, method, path, keyword arguments for httpx, status, problem slug, the field it names)
CASES: list[tuple[str, str, str, dict[str, Any], int, str, str | None]] = [
    (
        "body over MAX_BODY_BYTES",
        "POST",
        "/v1/leads",
        {"content": b" " * (LIMIT + 1), "headers": JSON},
        413,
        "payload-too-large",
        None,
    ),
    (
        "chunked body over it",
        "POST",
        "/v1/leads",
        {"content": chunks(LIMIT + 65536), "headers": JSON},
        413,
        "payload-too-large",
        None,
    ),
    (
        "JSON nested too deep",
        "POST",
        "/v1/leads",
        {"content": nested(MAX_JSON_DEPTH + 1), "headers": JSON},
        400,
        "malformed-body",
        None,
    ),
    (
        "JSON nested 100 000 deep",
        "POST",
        "/v1/leads",
        {"content": nested(100_000), "headers": JSON},
        400,
        "malformed-body",
        None,
    ),
    (
        "a batch nested too deep",
        "POST",
        "/v1/leads/batch",
        {"content": nested(5000), "headers": JSON},
        400,
        "malformed-body",
        None,
    ),
    (
        "a batch of 101 leads",
        "POST",
        "/v1/leads/batch",
        {"json": {"items": [lead_body()] * 101}, "headers": JSON},
        422,
        "validation-failed",
        "items",
    ),
    (
        "a name over 100 characters",
        "POST",
        "/v1/leads",
        {"json": person(given_name="x" * 101), "headers": JSON},
        422,
        "validation-failed",
        "person.given_name",
    ),
    (
        "an email over 254 characters",
        "POST",
        "/v1/leads",
        {"json": person(email="x" * 250 + "@x.org"), "headers": JSON},
        422,
        "validation-failed",
        "person.email",
    ),
    (
        "11 languages",
        "POST",
        "/v1/leads",
        {"json": lead_body(languages=["en"] * 11), "headers": JSON},
        422,
        "validation-failed",
        "languages",
    ),
    (
        "notes over 2000 characters",
        "POST",
        "/v1/leads",
        {"json": lead_body(notes="x" * 2001), "headers": JSON},
        422,
        "validation-failed",
        "notes",
    ),
    (
        "an Idempotency-Key over 255",
        "POST",
        "/v1/leads",
        {"json": lead_body(), "headers": {"Idempotency-Key": "k" * 256}},
        400,
        "invalid-parameter",
        "Idempotency-Key",
    ),
    ("a page over 100", "GET", "/v1/events?limit=101", {}, 400, "invalid-parameter", "limit"),
    ("a lead page over 100", "GET", "/v1/leads?limit=101", {}, 400, "invalid-parameter", "limit"),
    (
        "a filter repeated 21 times",
        "GET",
        "/v1/events?" + "&".join(["city=x"] * 21),
        {},
        400,
        "invalid-parameter",
        "city",
    ),
    (
        "a lead filter repeated 21 times",
        "GET",
        "/v1/leads?" + "&".join(["sector=x"] * 21),
        {},
        400,
        "invalid-parameter",
        "sector",
    ),
    ("a search over 100 characters", "GET", "/v1/events?q=" + "x" * 101, {}, 400, "invalid-parameter", "q"),
    (
        f"over {MAX_QUERY_PARAMETERS} query parameters",
        "GET",
        "/v1/events?" + "&".join(["zz=1"] * (MAX_QUERY_PARAMETERS + 1)),
        {},
        400,
        "invalid-parameter",
        "zz",
    ),
    (
        f"a URL over {MAX_URL_BYTES} bytes",
        "GET",
        "/v1/events?q=x&pad=" + "x" * MAX_URL_BYTES,
        {},
        414,
        "uri-too-long",
        None,
    ),
    ("a path over it", "GET", "/v1/events/" + "x" * MAX_URL_BYTES, {}, 414, "uri-too-long", None),
    (
        f"over {MAX_HEADERS} header fields",
        "GET",
        "/v1/events",
        {"headers": [(f"x-h{i}", "1") for i in range(MAX_HEADERS)]},
        431,
        "headers-too-large",
        None,
    ),
]


@pytest.fixture
async def bearer(app: Litestar, client: httpx.AsyncClient) -> dict[str, str]:
    token = await get_token(client, await make_client(app, scopes=PARTNER_SCOPES))
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(
    ("what", "method", "path", "kwargs", "status", "slug", "field"), CASES, ids=[c[0] for c in CASES]
)
async def test_each_over_limit_input_is_a_problem(
    client: httpx.AsyncClient,
    bearer: dict[str, str],
    what: str,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    slug: str,
    field: str | None,
) -> None:
    kwargs = dict(kwargs)
    headers = kwargs.pop("headers", {})
    headers = [*bearer.items(), *(headers.items() if isinstance(headers, dict) else headers)]
    response = await client.request(method, path, headers=headers, **kwargs)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == PROBLEM_BASE + slug
    assert problem["status"] == status
    assert problem["request_id"] == response.headers["x-request-id"]
    if field is not None:
        assert field in {e["field"] for e in problem["errors"]}, problem
    assert len(response.content) < 4096  # refusals never echo the oversized input


async def test_an_oversized_token_request_is_a_413_in_oauth_form(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/oauth/token",
        content=b"grant_type=client_credentials&pad=" + b"x" * LIMIT,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert response.json()["error"] == "invalid_request"
    assert response.headers["cache-control"] == "no-store"


async def test_bodies_within_the_limits_still_work(client: httpx.AsyncClient, bearer: dict[str, str]) -> None:
    """Deep enough for every body the API takes, and the limits are not off by one."""
    at_limit = await client.get("/v1/events?" + "&".join(["city=x"] * 20), headers=bearer)
    assert at_limit.status_code == 200
    nested_ok = await client.post("/v1/leads", content=nested(MAX_JSON_DEPTH - 1), headers={**bearer, **JSON})
    assert nested_ok.status_code == 422  # deep enough to be read, and refused for what it says
    assert nested_ok.json()["errors"][0]["field"] == "person"
