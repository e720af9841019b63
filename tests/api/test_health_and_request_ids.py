from __future__ import annotations

import logging
import socket

import httpx

from api.app import create_app
from api.problems import PROBLEM_BASE
from api.settings import Settings
from tests.conftest import http_client


async def test_liveness_and_readiness_answer_ok(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/live")).json() == {"status": "ok"}
    ready = await client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok"}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_readiness_is_a_503_problem_when_the_database_is_unreachable() -> None:
    url = f"postgresql://nobody:nothing@127.0.0.1:{_closed_port()}/hkte"
    app = create_app(Settings(database_url=url, db_connect_timeout_seconds=1, hkte_server_secret="x" * 40))
    async with http_client(app) as client:
        ready = await client.get("/health/ready")
        live = await client.get("/health/live")
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    assert ready.headers["retry-after"] == "2"
    assert ready.json()["type"] == PROBLEM_BASE + "database-unavailable"
    assert live.status_code == 200  # the process itself is fine


async def test_a_valid_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live", headers={"X-Request-ID": "crm-7f3a.2026:11"})
    assert response.headers["x-request-id"] == "crm-7f3a.2026:11"


async def test_an_invalid_request_id_is_replaced_not_echoed(client: httpx.AsyncClient) -> None:
    for bad in ["has space", "x" * 200, "<script>", ""]:
        response = await client.get("/health/live", headers={"X-Request-ID": bad})
        echoed = response.headers["x-request-id"]
        assert echoed != bad
        assert len(echoed) == 32


async def test_every_response_gets_a_fresh_request_id(client: httpx.AsyncClient) -> None:
    ids = {(await client.get("/health/live")).headers["x-request-id"] for _ in range(5)}
    assert len(ids) == 5


async def test_one_structured_access_log_line_per_request(
    client: httpx.AsyncClient, hkte_logs: list[logging.LogRecord]
) -> None:
    await client.get("/health/live?email=someone@example.org", headers={"X-Request-ID": "trace-1"})
    await client.get("/no/such/route", headers={"X-Request-ID": "trace-2"})
    access = [r for r in hkte_logs if r.name == "hkte.access"]
    assert len(access) == 2
    first, second = (vars(r) for r in access)
    assert (first["method"], first["route"], first["status"], first["request_id"]) == (
        "GET",
        "/health/live",
        200,
        "trace-1",
    )
    assert first["duration_ms"] >= 0
    assert "client_id" in first
    assert "someone@example.org" not in str(first)  # never the query string
    assert (second["status"], second["request_id"]) == (404, "trace-2")


def test_log_lines_are_json_objects() -> None:
    import json

    from api.logs import JsonFormatter

    record = logging.makeLogRecord(
        {
            "name": "hkte.access",
            "msg": "request",
            "levelno": 20,
            "levelname": "INFO",
            "status": 200,
            "request_id": "r1",
        }
    )
    line = JsonFormatter().format(record)
    parsed = json.loads(line)
    assert parsed["status"] == 200
    assert parsed["request_id"] == "r1"
    assert parsed["level"] == "info"
    assert "\n" not in line
