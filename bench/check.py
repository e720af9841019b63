"""Before any load: the API and the baseline answer each scenario's requests with the same status,
the same headers that matter and the same body bytes. What differs by nature in a write (the new
lead's id, its times and the unique part of the request; a token's signature and times) is masked
first; a token's claims are compared by name and, where stable, by value."""

from __future__ import annotations

import base64
import json
import re
import urllib.parse
from dataclasses import dataclass

from bench.prepare import Answer, send
from bench.scenarios import Scenario

HEADERS = (
    "content-type",
    "etag",
    "cache-control",
    "vary",
    "content-language",
    "link",
    "location",
    "idempotent-replayed",
    "pragma",
    "x-content-type-options",
    "content-security-policy",
)
UUID_RE = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")  # new ids: v7
NOW_RE = re.compile(rb'"(created_at|updated_at)":"[^"]+"')
TOKEN_RE = re.compile(rb'"access_token":"[^"]+"')
EMAIL_RE = re.compile(rb"bench-[A-Za-z0-9-]+@example\.org")  # each server submits its own people
CHANGING_CLAIMS = {"jti", "iat", "nbf", "exp"}


@dataclass(frozen=True, slots=True)
class Difference:
    scenario: str
    what: str


def _masked(body: bytes, unique: str) -> bytes:
    body = EMAIL_RE.sub(b"<email>", body.replace(unique.encode(), b"<unique>"))
    body = UUID_RE.sub(b"<id>", body)
    body = NOW_RE.sub(rb'"\1":"<now>"', body)
    return TOKEN_RE.sub(b'"access_token":"<token>"', body)


def _claims(body: bytes) -> dict[str, object]:
    token = json.loads(body)["access_token"]
    payload = token.split(".")[1]
    claims: dict[str, object] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return {k: ("<changes>" if k in CHANGING_CLAIMS else v) for k, v in claims.items()}


def _link(value: str) -> str:
    """The API lists the query in the order of a Python set (Litestar's MultiDict.multi_items), which
    changes with each process's hash seed: compare the parameters, not their order."""
    target, _, rest = value.partition(">")
    url, _, query = target.partition("?")
    return f"{url}?{sorted(urllib.parse.parse_qsl(query))}>{rest}"


def compare(key: str, api: Answer, baseline: Answer, uniques: tuple[str, str]) -> list[Difference]:
    found = []
    if api.status != baseline.status:
        found.append(Difference(key, f"status {api.status} (API) vs {baseline.status} (baseline)"))
    for name in HEADERS:
        ours, theirs = api.headers.get(name), baseline.headers.get(name)
        if ours is not None and theirs is not None:
            ours, theirs = (
                _masked(v.encode(), u).decode() for v, u in ((ours, uniques[0]), (theirs, uniques[1]))
            )
            if name == "link":
                ours, theirs = _link(ours), _link(theirs)
        if ours != theirs:
            found.append(Difference(key, f"header {name}: {ours!r} (API) vs {theirs!r} (baseline)"))
    if _masked(api.body, uniques[0]) != _masked(baseline.body, uniques[1]):
        found.append(
            Difference(key, f"body: {api.body[:200]!r}... (API) vs {baseline.body[:200]!r}... (baseline)")
        )
    tokens = b'"access_token"' in api.body and b'"access_token"' in baseline.body
    if tokens and _claims(api.body) != _claims(baseline.body):
        found.append(Difference(key, f"token claims: {_claims(api.body)} vs {_claims(baseline.body)}"))
    return found


def check(
    api_url: str,
    baseline_url: str,
    api_scenarios: list[Scenario],
    baseline_scenarios: list[Scenario],
    nonce: str,
) -> list[Difference]:
    """Every difference between the two servers' answers, over the first request of each kind."""
    found = []
    for ours, theirs in zip(api_scenarios, baseline_scenarios, strict=True):
        uniques = (f"check-{nonce}-{ours.key}-api", f"check-{nonce}-{ours.key}-baseline")
        requests = zip(ours.first_requests(uniques[0]), theirs.first_requests(uniques[1]), strict=True)
        for api_request, baseline_request in requests:
            api, baseline = send(api_url, api_request), send(baseline_url, baseline_request)
            if api.status not in ours.expected:
                found.append(Difference(ours.key, f"API answered {api.status}: {api.body[:300]!r}"))
            found += compare(ours.key, api, baseline, uniques)
    return found
