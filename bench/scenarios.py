"""The benchmarked requests. A scenario is a weighted list of request kinds; a kind is a rotation
of prepared requests (many tokens, many leads) or a generated one (a new lead per request)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from uuid import UUID

import msgspec

JSON_HEADERS = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
UNIQUE = "%s"  # where a generated request puts its unique part (wrk: string.format)


@dataclass(frozen=True, slots=True)
class Prepared:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Generated:
    """A request made anew each time: `body` has UNIQUE where a unique string goes, which is also
    the Idempotency-Key; one of `heads` (the headers, one set per token) is used in turn."""

    path: str
    heads: tuple[dict[str, str], ...]
    body: str

    def made(self, unique: str, head: int = 0) -> Prepared:
        headers = {**self.heads[head % len(self.heads)], "Idempotency-Key": unique}
        return Prepared("POST", self.path, headers, self.body.replace(UNIQUE, unique).encode())


Kind = tuple[Prepared, ...] | Generated


@dataclass(frozen=True, slots=True)
class Targets:
    min_ratio: float  # our req/s over the baseline's
    max_p99_half_ms: float  # p99 at half the maximum rate


@dataclass(frozen=True, slots=True)
class Scenario:
    key: str
    title: str
    kinds: tuple[tuple[int, Kind], ...]  # (weight, kind)
    expected: tuple[int, ...]  # statuses a response may have
    targets: Targets
    writes: bool = False

    def first_requests(self, unique: str) -> list[Prepared]:
        """One request of each kind, for the check step."""
        found = []
        for _, kind in self.kinds:
            found.append(kind.made(unique) if isinstance(kind, Generated) else kind[0])
        return found


@dataclass(frozen=True, slots=True)
class Fixture:
    """What the scenarios are made of, prepared against the running API."""

    tokens: list[str]  # one per client, every partner scope
    leads: list[tuple[str, UUID]]  # (token, a lead of that token's partner)
    talent_list_etag: str
    events_query: str  # page 2 of a three-filter listing, with its cursor
    basic: list[str]  # Authorization: Basic ... of every client
    profession: str  # of the Talent List in force
    replay_keys: int  # replayed keys per client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def basic_header(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def lead_body(profession: str) -> str:
    body = {
        "person": {
            "given_name": "Mei",
            "family_name": "Chan",
            "residence_country": "GB",
            "email": f"bench-{UNIQUE}@example.org",
            "city": "London",
        },
        "profession": profession,
        "years_of_experience": 8,
        "highest_qualification": "MSc Financial Mathematics",
        "employer": "Example Capital",
        "job_title": "Quantitative analyst",
        "languages": ["en", "yue"],
        "interests": ["jobs", "admission_schemes"],
        "consent": {
            "notice_version": "PICS-2026-01",
            "notice_language": "en",
            "purposes": ["talent_attraction", "job_matching"],
            "method": "event",
            "collected_at": "2026-10-18T15:30:00+01:00",
            "collected_by": "HKETO London roadshow desk",
        },
    }
    return msgspec.json.encode(body).decode()


def replay_requests(f: Fixture, server: str) -> tuple[Prepared, ...]:
    """Keys whose answer is already stored (bench/prepare.py made them), so every request is a
    replay. Several per client: a key used by two requests at once is a 409 by design (the first
    still holds it), so the rotation is long enough that no key is ever in flight twice."""
    requests = []
    for n, token in enumerate(f.tokens):
        for k in range(f.replay_keys):
            unique = f"replay-{server}-{n}-{k}"
            headers = {**bearer(token), **JSON_HEADERS, "Idempotency-Key": unique}
            requests.append(
                Prepared(
                    "POST", "/v1/leads", headers, lead_body(f.profession).replace(UNIQUE, unique).encode()
                )
            )
    return tuple(requests)


READ = Targets(min_ratio=0.85, max_p99_half_ms=10)


def scenarios(f: Fixture, server: str) -> list[Scenario]:
    """Every scenario; `server` names whose replayed key to use (each server has its own)."""
    talent = tuple(Prepared("GET", "/v1/talent-list", bearer(t)) for t in f.tokens)
    not_modified = tuple(
        Prepared("GET", "/v1/talent-list", {**bearer(t), "If-None-Match": f.talent_list_etag})
        for t in f.tokens
    )
    events = tuple(Prepared("GET", f"/v1/events?{f.events_query}", bearer(t)) for t in f.tokens)
    leads = tuple(Prepared("GET", f"/v1/leads/{lead}", bearer(t)) for t, lead in f.leads)
    new_lead = Generated(
        "/v1/leads", tuple({**bearer(t), **JSON_HEADERS} for t in f.tokens), lead_body(f.profession)
    )
    replay = replay_requests(f, server)
    tokens = tuple(
        Prepared("POST", "/oauth/token", {**FORM, "Authorization": b}, b"grant_type=client_credentials")
        for b in f.basic
    )
    return [
        Scenario("talent-list", "GET /v1/talent-list (200)", ((1, talent),), (200,), READ),
        Scenario("talent-list-304", "GET /v1/talent-list (304)", ((1, not_modified),), (304,), READ),
        Scenario("events", "GET /v1/events, 3 filters, page 2", ((1, events),), (200,), Targets(0.75, 10)),
        Scenario("lead-read", "GET /v1/leads/{id}", ((1, leads),), (200,), READ),
        Scenario("lead-submit", "POST /v1/leads, new key", ((1, new_lead),), (201,), Targets(0.70, 20), True),
        Scenario(
            "lead-replay", "POST /v1/leads, replayed keys", ((1, replay),), (201,), Targets(0.70, 20), True
        ),
        Scenario("token", "POST /oauth/token", ((1, tokens),), (200,), Targets(0.80, 20), True),
        Scenario(
            "mix",
            "mix (reads 85 %)",
            ((2, talent), (4, not_modified), (5, events), (6, leads), (2, new_lead), (1, tokens)),
            (200, 201, 304),
            Targets(0.75, 20),
            True,
        ),
    ]
