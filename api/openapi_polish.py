"""What the generated OpenAPI document leaves out and SDK users need, added in one place.

- Every error as problem details (Litestar's own 400 schema, which this API never sends, is
  replaced), plus the errors any /v1 call can meet (413 for bodies, 414 for URLs over 8 KiB,
  503 when the database is away).
- Request headers the API reads: `Accept-Language` and `If-None-Match` on cached reads,
  `If-Match` (required: 428 without) on changes.
- Response headers it sends: `X-Request-ID` everywhere; `ETag`, `Cache-Control`,
  `Content-Language` on cached reads; `Link` on paged events; `Location` on 201s.
- Links from each 201 to the created resource, so tools (schemathesis) can follow them.
"""

from __future__ import annotations

import json
from typing import Any

from api.openapi_examples import add_example
from api.problems import MEDIA_TYPE

_STRING = {"type": "string"}


def _header(description: str) -> dict[str, Any]:
    return {"description": description, "schema": _STRING}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


REQUEST_ID = _header(
    "The request's id (yours when you sent a well-formed X-Request-ID); quote it to support."
)
CACHED = {
    "ETag": _header("Strong validator of this representation; send it back in If-None-Match."),
    "Cache-Control": _header("How long the answer may be reused."),
    "Content-Language": _header("Language(s) of the texts: en, zh-Hant, zh-Hans."),
}
ACCEPT_LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "zh-HK, zh-TW → Traditional Chinese; zh-CN, zh-SG → Simplified; otherwise English.",
    "schema": {**_STRING, "examples": ["zh-HK"]},
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "The ETag of your copy: 304 with no body while it is current.",
    "schema": _STRING,
}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": "The event's current ETag (GET it first): 428 without it, 412 when it is stale.",
    "schema": _STRING,
}

RATE_LIMIT = {
    "RateLimit-Policy": _header(
        'The client\'s quota (IETF draft RateLimit fields), e.g. `"standard";q=600;w=60`.'
    ),
    "RateLimit": _header('What is left of it and when it is whole again, e.g. `"standard";r=599;t=42`.'),
}
RETRY_AFTER = _header("Seconds to wait before retrying.")

# operationId of a 201 → (operationId of the created resource's GET, its parameter, where the id is)
CREATED = {
    "createEvent": ("getEvent", "event_id", "$response.body#/id"),
    "submitLead": ("getLead", "lead_id", "$response.body#/id"),
    "createPartner": ("getPartner", "partner_id", "$response.body#/id"),
    "createClient": ("getClient", "client_id", "$response.body#/client_id"),
    "publishTalentListEdition": ("getTalentListEdition", "edition", "$response.body#/code"),
    "createWebhook": ("getWebhook", "webhook_id", "$response.body#/id"),
}
NESTED_CLIENT_ID = "$response.body#/client/client_id"


BATCH_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "additionalProperties": False,
                "required": ["items"],
                "properties": {
                    "items": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 100,
                        "items": {"$ref": "#/components/schemas/LeadCreate"},
                    }
                },
            }
        }
    },
}


def polish(path: str, method: str, operation: dict[str, Any]) -> None:
    if operation.get("operationId") == "submitLeadBatch":  # read item by item, so declared here
        operation["requestBody"] = json.loads(json.dumps(BATCH_BODY))
    add_example(operation)
    responses: dict[str, Any] = operation["responses"]
    for response in responses.values():
        response.setdefault("headers", {})["X-Request-ID"] = REQUEST_ID
    if not path.startswith("/v1/"):
        return  # /oauth answers in RFC 6749 form, documented by its routes
    if "400" in responses and MEDIA_TYPE not in responses["400"].get("content", {}):
        responses["400"] = _problem("Invalid parameter or malformed body (problem details name it)")
    if operation.get("requestBody"):
        responses.setdefault("400", _problem("Malformed body (problem details name it)"))
        responses.setdefault("413", _problem("The body is larger than the service accepts"))
    responses.setdefault("414", _problem("The URL is longer than the service accepts (8 KiB)"))
    responses.setdefault("503", _problem("Temporarily unavailable; retry after Retry-After"))
    if operation.get("security"):  # counted against the client's rate limit
        responses["429"] = _problem("Over the client's rate limit; retry after Retry-After")
        responses["429"]["headers"] = {"Retry-After": RETRY_AFTER, **RATE_LIMIT}
        for code, response in responses.items():
            if code.startswith("2"):
                response.setdefault("headers", {}).update(RATE_LIMIT)
    for response in responses.values():
        response.setdefault("headers", {})["X-Request-ID"] = REQUEST_ID
    parameters: list[dict[str, Any]] = operation.setdefault("parameters", [])
    if "304" in responses:  # a cached read
        parameters += [ACCEPT_LANGUAGE, IF_NONE_MATCH]
        responses["200"]["headers"].update(CACHED)
        responses["304"]["headers"].update({"ETag": CACHED["ETag"], "Cache-Control": CACHED["Cache-Control"]})
        if operation.get("operationId") == "listEvents":
            responses["200"]["headers"]["Link"] = _header('RFC 8288 link to the next page (rel="next").')
    if "428" in responses:
        parameters.append(IF_MATCH)
        responses["200"]["headers"]["ETag"] = _header("The new ETag, for the next change.")
    if "201" in responses:
        responses["201"]["headers"]["Location"] = _header("Where the created resource lives.")
        target = CREATED.get(operation.get("operationId", ""))
        if target is not None:
            get_id, parameter, value = target
            links = {"GetCreated": {"operationId": get_id, "parameters": {parameter: value}}}
            if get_id == "getClient":  # a secret-holding answer nests the client
                links["GetCreatedWithSecret"] = {
                    "operationId": get_id,
                    "parameters": {parameter: NESTED_CLIENT_ID},
                }
            responses["201"]["links"] = links
    if not parameters:
        del operation["parameters"]
