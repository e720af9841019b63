"""The generated Python SDK (openapi/clients/python) against the live server, and only through it:
a token from its OAuth operation, the Talent List in Traditional Chinese, a search in Chinese,
every event page by page, one event, and a bad filter answered with a problem the SDK parses.
And the committed SDK is exactly what the generator makes of the committed document today, so a
change of the API without `openapi/generate_python_client.sh` fails here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from enum import StrEnum
from pathlib import Path
from typing import cast

import httpx
import pytest

from tests.e2e.conftest import LiveServer

ROOT = Path(__file__).resolve().parents[2]
SDK = ROOT / "openapi" / "clients" / "python"
# The SDK is imported from the checkout, not installed: `make test` needs nothing more, and what is
# tested is the committed code.
if str(SDK) not in sys.path:
    sys.path.insert(0, str(SDK))

from hkte_partner_client import AuthenticatedClient, Client  # noqa: E402
from hkte_partner_client.api.events import get_event, list_events  # noqa: E402
from hkte_partner_client.api.leads import get_lead, get_lead_history, submit_lead  # noqa: E402
from hkte_partner_client.api.oauth import issue_token  # noqa: E402
from hkte_partner_client.api.talent_list import get_talent_list, list_professions  # noqa: E402
from hkte_partner_client.models import (  # noqa: E402
    EditionOut,
    EventOut,
    EventPage,
    EventType,
    OAuthError,
    Problem,
    ProfessionList,
    TokenRequest,
    TokenResponse,
)
from hkte_partner_client.types import UNSET, Unset  # noqa: E402

pytestmark = pytest.mark.slow

CLIENT_CREDENTIALS = TokenRequest(grant_type="client_credentials")


async def _issue(live_server: LiveServer, secret: str) -> TokenResponse | OAuthError | Problem | None:
    """POST /oauth/token through the SDK, authenticated with HTTP Basic (client_secret_basic)."""
    auth = httpx.BasicAuth(live_server.partner.client_id, secret)
    async with Client(base_url=live_server.base_url, httpx_args={"auth": auth}) as oauth:
        response = await issue_token.asyncio_detailed(client=oauth, body=CLIENT_CREDENTIALS)
    return response.parsed


@pytest.fixture
async def partner(live_server: LiveServer) -> AsyncIterator[AuthenticatedClient]:
    """The partner's SDK client, with a token from the SDK's own token operation."""
    token = await _issue(live_server, live_server.partner.client_secret)
    assert isinstance(token, TokenResponse), token
    async with AuthenticatedClient(base_url=live_server.base_url, token=token.access_token) as client:
        yield client


async def test_the_sdk_gets_a_token_and_parses_a_refusal(live_server: LiveServer) -> None:
    token = await _issue(live_server, live_server.partner.client_secret)
    assert isinstance(token, TokenResponse), token
    assert token.token_type.lower() == "bearer"
    assert 0 < token.expires_in <= 3600
    assert {"talent-list:read", "events:read"} <= set(token.scope.split())

    refused = await _issue(live_server, "not-the-secret")
    assert isinstance(refused, OAuthError), refused
    assert refused.error == "invalid_client"


async def test_the_talent_list_in_traditional_chinese(partner: AuthenticatedClient) -> None:
    async with partner.with_headers({"Accept-Language": "zh-HK"}) as zh:
        response = await get_talent_list.asyncio_detailed(client=zh)
    assert response.status_code == 200, response.content
    assert response.headers["content-language"] == "zh-Hant"
    edition = response.parsed
    assert isinstance(edition, EditionOut)
    assert edition.code == "2025"
    assert edition.in_force
    assert edition.title.zh_hant == "人才清單（2025年）"
    assert isinstance(edition.title.en, Unset)  # only the language asked for
    sectors = {sector.code: sector for sector in edition.sectors}
    assert sectors["financial-services"].name.zh_hant == "金融服務"
    names = {p.code: p.name.zh_hant for sector in edition.sectors for p in sector.professions}
    assert names["actuaries"] == "精算師"
    assert len(names) == edition.profession_count
    assert all(isinstance(name, str) and name for name in names.values())


async def test_professions_are_searched_in_chinese(partner: AuthenticatedClient) -> None:
    async with partner.with_headers({"Accept-Language": "zh-HK"}) as zh:  # a client of its own: close it
        actuaries = await list_professions.asyncio_detailed(client=zh, q="精算師")
        # Simplified words find a profession too; the answer stays in Traditional Chinese
        data = await list_professions.asyncio_detailed(client=zh, q="数据科学")
    assert actuaries.status_code == 200, actuaries.content
    assert isinstance(actuaries.parsed, ProfessionList)
    assert [(p.code, p.name.zh_hant) for p in actuaries.parsed.items] == [("actuaries", "精算師")]
    assert isinstance(data.parsed, ProfessionList), data.content
    assert [p.name.zh_hant for p in data.parsed.items] == ["資深數據科學家及網絡安全專家"]


async def test_every_event_page_by_page_then_one_event(partner: AuthenticatedClient) -> None:
    pages: list[EventPage] = []
    cursor: str | Unset = UNSET
    while True:
        response = await list_events.asyncio_detailed(client=partner, limit=7, cursor=cursor)
        assert response.status_code == 200, response.content
        page = response.parsed
        assert isinstance(page, EventPage)
        assert len(page.items) <= 7
        pages.append(page)
        if page.next_cursor is None:
            break
        assert len(page.items) == 7
        cursor = page.next_cursor
        assert len(pages) < 50, "the cursor does not advance"

    events = [event for page in pages for event in page.items]
    ids = [event.id for event in events]
    assert len(pages) > 1
    assert len(ids) == len(set(ids)), "an event came twice"
    starts = [event.starts_at for event in events]
    assert starts == sorted(starts), "pages are in start order"
    # the same events as in one big page
    whole = await list_events.asyncio_detailed(client=partner, limit=100)
    assert isinstance(whole.parsed, EventPage)
    assert whole.parsed.next_cursor is None
    assert [event.id for event in whole.parsed.items] == ids

    chosen = events[len(events) // 2]
    async with partner.with_headers({"Accept-Language": "zh-HK"}) as zh:
        one = await get_event.asyncio_detailed(client=zh, event_id=chosen.id)
    assert one.status_code == 200, one.content
    event = one.parsed
    assert isinstance(event, EventOut)
    assert (event.id, event.starts_at, event.type_) == (chosen.id, chosen.starts_at, chosen.type_)
    assert event.title.zh_hant
    assert isinstance(event.title.en, Unset)
    assert chosen.title.en  # the list, without Accept-Language, was in English


class NewerEventType(StrEnum):
    """An event type this server does not know, as an SDK made from another version of the document
    could send: the SDK's own `EventType` cannot express it."""

    GALA = "gala"


async def test_a_bad_filter_is_a_problem_naming_it(partner: AuthenticatedClient) -> None:
    gala = cast(EventType, NewerEventType.GALA)
    response = await list_events.asyncio_detailed(client=partner, type_=[gala])
    assert response.status_code == 400, response.content
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.parsed
    assert isinstance(problem, Problem)
    assert problem.status == 400
    assert isinstance(problem.errors, list)
    assert [error.field for error in problem.errors] == ["type"]
    assert problem.request_id == response.headers["x-request-id"]


async def test_a_bad_filter_names_where_it_was_sent(partner: AuthenticatedClient) -> None:
    gala = cast(EventType, NewerEventType.GALA)
    response = await list_events.asyncio_detailed(client=partner, type_=[gala])
    assert isinstance(response.parsed, Problem), response.content
    assert isinstance(response.parsed.errors, list)
    assert [(error.location, error.field) for error in response.parsed.errors] == [("query", "type")]


async def test_a_lead_submitted_replayed_and_followed(partner: AuthenticatedClient) -> None:
    import uuid

    from hkte_partner_client.models import LeadCreate, LeadOut

    from tests.api.test_leads import lead_body

    ref = f"sdk-{uuid.uuid4()}"
    body = LeadCreate.from_dict(
        lead_body(
            external_ref=ref, person={**lead_body()["person"], "email": f"{ref}@example.org", "phone": None}
        )
    )
    key = str(uuid.uuid4())
    first = await submit_lead.asyncio_detailed(client=partner, body=body, idempotency_key=key)
    assert first.status_code == 201, first.content
    assert isinstance(first.parsed, LeadOut)
    again = await submit_lead.asyncio_detailed(client=partner, body=body, idempotency_key=key)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.content == first.content
    lead = await get_lead.asyncio_detailed(client=partner, lead_id=first.parsed.id)
    assert isinstance(lead.parsed, LeadOut)
    assert lead.parsed.status.value == "received"
    history = await get_lead_history.asyncio_detailed(client=partner, lead_id=first.parsed.id)
    assert [c.to_status.value for c in history.parsed.changes] == ["received"]  # type: ignore[union-attr]


def _tree(root: Path) -> dict[str, bytes]:
    """Every file of an SDK tree except bytecode, local build output and the README template (an input)."""
    files = {}
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if "__pycache__" in parts or parts[0] in {"templates", ".pdm-build", "build", "dist"}:
            continue
        if path.is_file():
            files["/".join(parts)] = path.read_bytes()
    return files


def test_the_committed_sdk_is_what_the_document_generates(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    if shutil.which("openapi-python-client", path=str(bin_dir)) is None:
        pytest.fail("openapi-python-client is not installed in the project's environment (dev extras)")
    fresh = tmp_path / "python"
    done = subprocess.run(
        [
            shutil.which("bash") or "/bin/bash",
            str(ROOT / "openapi" / "generate_python_client.sh"),
            str(fresh),
        ],
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"the generator failed or warned:\n{done.stdout}\n{done.stderr}"
    committed, generated = _tree(SDK), _tree(fresh)
    stale = sorted(
        name for name in committed.keys() | generated.keys() if committed.get(name) != generated.get(name)
    )
    assert not stale, (
        "openapi/clients/python is not what openapi/openapi.json generates; run "
        f"openapi/generate_python_client.sh. Differing files: {stale[:20]}"
    )
