"""What the scenarios need from the running API: tokens it issued, a page-2 cursor, the Talent
List's ETag, and an idempotency key already used (for the replay scenario) on each server."""

from __future__ import annotations

import http.client
import json
import urllib.parse
from dataclasses import dataclass

from bench.scenarios import Fixture, Prepared, basic_header, bearer, replay_requests
from bench.volume import Volume

EVENT_FILTERS = (("country", "GB"), ("sector", "financial-services"), ("language", "en"))
LEADS_PER_CLIENT = 5
KEY_ROTATION_PER_CONNECTION = 32


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def send(base_url: str, request: Prepared) -> Answer:
    parsed = urllib.parse.urlsplit(base_url)
    conn = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", parsed.port, timeout=30)
    try:
        conn.request(request.method, request.path, body=request.body or None, headers=request.headers)
        response = conn.getresponse()
        body = response.read()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    finally:
        conn.close()


def _ok(answer: Answer, what: str, status: int = 200) -> Answer:
    if answer.status != status:
        raise RuntimeError(f"{what}: expected {status}, got {answer.status}: {answer.body[:300]!r}")
    return answer


def prepare(api_url: str, volume: Volume, servers: dict[str, str], connections: int) -> Fixture:
    """`servers`: name -> base URL of every server the scenarios will run against."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    tokens, basic = [], []
    for client in volume.clients:
        header = basic_header(client.client_id, client.secret)
        issued = _ok(
            send(
                api_url,
                Prepared(
                    "POST",
                    "/oauth/token",
                    {**form, "Authorization": header},
                    b"grant_type=client_credentials",
                ),
            ),
            "token",
        )
        tokens.append(json.loads(issued.body)["access_token"])
        basic.append(header)
    leads = [
        (token, lead)
        for token, client in zip(tokens, volume.clients, strict=True)
        for lead in volume.lead_ids[client.partner_id][:LEADS_PER_CLIENT]
    ]
    talent = _ok(send(api_url, Prepared("GET", "/v1/talent-list", bearer(tokens[0]))), "talent list")
    query = urllib.parse.urlencode(EVENT_FILTERS)
    first = _ok(send(api_url, Prepared("GET", f"/v1/events?{query}", bearer(tokens[0]))), "events")
    cursor = json.loads(first.body)["next_cursor"]
    if cursor is None:
        raise RuntimeError(f"the loaded events have no second page for {query}: load more events")
    fixture = Fixture(
        tokens=tokens,
        leads=leads,
        talent_list_etag=talent.headers["etag"],
        events_query=f"{query}&{urllib.parse.urlencode({'cursor': cursor})}",
        basic=basic,
        profession=volume.edition.professions[0].code,
        replay_keys=-(-connections * KEY_ROTATION_PER_CONNECTION // len(tokens)),
    )
    for name, url in servers.items():
        for request in replay_requests(fixture, name):
            _ok(send(url, request), f"{name}: the first use of a replayed key", 201)
    return fixture
