from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lead_page import LeadPage
from ...models.lead_status import LeadStatus
from ...models.problem import Problem
from ...models.purpose import Purpose
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[LeadStatus] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    submitted_from: None | str | Unset = UNSET,
    submitted_to: None | str | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_profession: list[str] | None | Unset
    if isinstance(profession, Unset):
        json_profession = UNSET
    elif isinstance(profession, list):
        json_profession = profession

    else:
        json_profession = profession
    params["profession"] = json_profession

    json_sector: list[str] | None | Unset
    if isinstance(sector, Unset):
        json_sector = UNSET
    elif isinstance(sector, list):
        json_sector = sector

    else:
        json_sector = sector
    params["sector"] = json_sector

    json_submitted_from: None | str | Unset
    if isinstance(submitted_from, Unset):
        json_submitted_from = UNSET
    else:
        json_submitted_from = submitted_from
    params["submitted_from"] = json_submitted_from

    json_submitted_to: None | str | Unset
    if isinstance(submitted_to, Unset):
        json_submitted_to = UNSET
    else:
        json_submitted_to = submitted_to
    params["submitted_to"] = json_submitted_to

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_purpose: None | str | Unset
    if isinstance(purpose, Unset):
        json_purpose = UNSET
    elif isinstance(purpose, Purpose):
        json_purpose = purpose.value
    else:
        json_purpose = purpose
    params["purpose"] = json_purpose

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/leads",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LeadPage | Problem | None:
    if response.status_code == 200:
        response_200 = LeadPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LeadPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[LeadStatus] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    submitted_from: None | str | Unset = UNSET,
    submitted_to: None | str | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
) -> Response[LeadPage | Problem]:
    """List leads

     Your organisation's leads, newest first, keyset paged (`next_cursor`). HKTE staff see
    every partner's, and must state the `purpose` they will use them for: only leads whose
    consent covers it are listed (PDPO DPP3). Filters: status, profession, submitted from/to,
    updated since, sector (its professions in any edition). Each listing is written to the audit
    log with the ids shown and the purpose.

    Args:
        status (list[LeadStatus] | None | Unset):
        profession (list[str] | None | Unset):
        sector (list[str] | None | Unset):
        submitted_from (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        submitted_to (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        updated_since (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        purpose (None | Purpose | Unset): What the leads will be used for: required of HKTE staff
            (PDPO DPP3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeadPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        profession=profession,
        sector=sector,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        purpose=purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: list[LeadStatus] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    submitted_from: None | str | Unset = UNSET,
    submitted_to: None | str | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
) -> LeadPage | Problem | None:
    """List leads

     Your organisation's leads, newest first, keyset paged (`next_cursor`). HKTE staff see
    every partner's, and must state the `purpose` they will use them for: only leads whose
    consent covers it are listed (PDPO DPP3). Filters: status, profession, submitted from/to,
    updated since, sector (its professions in any edition). Each listing is written to the audit
    log with the ids shown and the purpose.

    Args:
        status (list[LeadStatus] | None | Unset):
        profession (list[str] | None | Unset):
        sector (list[str] | None | Unset):
        submitted_from (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        submitted_to (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        updated_since (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        purpose (None | Purpose | Unset): What the leads will be used for: required of HKTE staff
            (PDPO DPP3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeadPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        profession=profession,
        sector=sector,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        purpose=purpose,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[LeadStatus] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    submitted_from: None | str | Unset = UNSET,
    submitted_to: None | str | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
) -> Response[LeadPage | Problem]:
    """List leads

     Your organisation's leads, newest first, keyset paged (`next_cursor`). HKTE staff see
    every partner's, and must state the `purpose` they will use them for: only leads whose
    consent covers it are listed (PDPO DPP3). Filters: status, profession, submitted from/to,
    updated since, sector (its professions in any edition). Each listing is written to the audit
    log with the ids shown and the purpose.

    Args:
        status (list[LeadStatus] | None | Unset):
        profession (list[str] | None | Unset):
        sector (list[str] | None | Unset):
        submitted_from (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        submitted_to (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        updated_since (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        purpose (None | Purpose | Unset): What the leads will be used for: required of HKTE staff
            (PDPO DPP3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeadPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        profession=profession,
        sector=sector,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        purpose=purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: list[LeadStatus] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    submitted_from: None | str | Unset = UNSET,
    submitted_to: None | str | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
) -> LeadPage | Problem | None:
    """List leads

     Your organisation's leads, newest first, keyset paged (`next_cursor`). HKTE staff see
    every partner's, and must state the `purpose` they will use them for: only leads whose
    consent covers it are listed (PDPO DPP3). Filters: status, profession, submitted from/to,
    updated since, sector (its professions in any edition). Each listing is written to the audit
    log with the ids shown and the purpose.

    Args:
        status (list[LeadStatus] | None | Unset):
        profession (list[str] | None | Unset):
        sector (list[str] | None | Unset):
        submitted_from (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        submitted_to (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        updated_since (None | str | Unset): A date (2026-03-18) or an RFC 3339 date-time with
            offset.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        purpose (None | Purpose | Unset): What the leads will be used for: required of HKTE staff
            (PDPO DPP3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeadPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            profession=profession,
            sector=sector,
            submitted_from=submitted_from,
            submitted_to=submitted_to,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
            purpose=purpose,
        )
    ).parsed
