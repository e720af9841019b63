"""/docs is served entirely by this server, and the document says which bodies are strict."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

DOCUMENT = Path(__file__).parents[2] / "openapi" / "openapi.json"


async def test_docs_page_loads_only_assets_this_server_serves(client: httpx.AsyncClient) -> None:
    page = await client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assets = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=['"]([^'"]+)['"]""", html)
    assert len(assets) >= 4  # favicon, stylesheet, bundle, preset
    for asset in assets:
        assert asset.startswith("/static/swagger-ui/"), asset  # no third-party CDN
        fetched = await client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 100
    starter = (await client.get("/static/swagger-ui/hkte-docs.js")).text
    assert 'url: "/openapi.json"' in starter  # the same document clients download
    assert "/v1/events/{event_id}.ics" in (await client.get("/openapi.json")).text
    # no inline script or style: the page's Content-Security-Policy allows this server's files only
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy


def test_every_request_body_refuses_unknown_fields_in_the_document() -> None:
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    checked = 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if not content:
                continue
            schema = content["schema"]
            if "properties" in schema:  # declared inline (the lead batch)
                assert schema.get("additionalProperties") is False, f"{method.upper()} {path}"
                checked += 1
                continue
            ref = schema["$ref"] if "$ref" in schema else schema["allOf"][0]["$ref"]
            name = ref.rsplit("/", 1)[-1]
            assert schemas[name].get("additionalProperties") is False, f"{method.upper()} {path}: {name}"
            checked += 1
    assert checked >= 10


async def test_an_unknown_field_is_refused_as_the_document_says(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/admin/partners", json={"code": "x", "surprise": 1})
    assert response.status_code in (401, 422)  # no token: refused before the body, and never 500


async def test_a_missing_asset_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/static/swagger-ui/no-such-file.js")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
