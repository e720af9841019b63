"""The committed OpenAPI document is what the app serves, and it is a valid OpenAPI 3.1 document."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from openapi_spec_validator import validate

from api.openapi_document import build_document, render_document

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
METHODS = {"get", "put", "post", "patch", "delete"}


def test_committed_document_matches_the_app() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render_document(build_document()), (
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    )


def test_document_is_valid_openapi_3_1() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_operation_is_named_tagged_and_described() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    operation_ids = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            where = f"{method.upper()} {path}"
            assert operation.get("operationId"), where
            assert operation.get("tags"), where
            assert operation.get("summary"), where
            assert operation.get("description"), where
            operation_ids.append(operation["operationId"])
    assert len(operation_ids) == len(set(operation_ids))


async def test_the_app_serves_the_same_document(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    assert response.json() == build_document()


def test_every_v1_operation_says_its_scope_and_every_error_it_can_answer() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    scopes = document["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]["scopes"]
    assert all(description for description in scopes.values())
    checked = 0
    for path, item in document["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in item.items():
            if method not in METHODS:
                continue
            where = f"{method.upper()} {path}"
            [requirement] = operation["security"]
            assert set(requirement["oauth2"]) <= set(scopes), where
            assert len(requirement["oauth2"]) == 1, where
            responses = operation["responses"]
            for status in ("401", "403", "503"):
                assert status in responses, f"{where} does not document {status}"
            for status, response in responses.items():
                assert "X-Request-ID" in response.get("headers", {}), f"{where} {status}"
                if status >= "400":
                    assert list(response["content"]) == ["application/problem+json"], f"{where} {status}"
            if "201" in responses:
                assert "Location" in responses["201"]["headers"], where
                assert responses["201"].get("links"), where
            checked += 1
    assert checked >= 30
