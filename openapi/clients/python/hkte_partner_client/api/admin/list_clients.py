from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_page import ClientPage
from ...models.list_clients_status_type_1 import ListClientsStatusType1
from ...models.list_clients_status_type_2_type_1 import ListClientsStatusType2Type1
from ...models.list_clients_status_type_3_type_1 import ListClientsStatusType3Type1
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    partner_id: None | Unset | UUID = UNSET,
    status: ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partner_id"] = json_partner_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListClientsStatusType1):
        json_status = status.value
    elif isinstance(status, ListClientsStatusType2Type1):
        json_status = status.value
    elif isinstance(status, ListClientsStatusType3Type1):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin/clients",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClientPage | Problem | None:
    if response.status_code == 200:
        response_200 = ClientPage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
    status: ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ClientPage | Problem]:
    """List OAuth clients

     Newest first, keyset paged; filter by partner and status (active, revoked).

    Args:
        partner_id (None | Unset | UUID):
        status (ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1
            | None | Unset):
        limit (int | Unset): Page size (1-100). Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientPage | Problem]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
    status: ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ClientPage | Problem | None:
    """List OAuth clients

     Newest first, keyset paged; filter by partner and status (active, revoked).

    Args:
        partner_id (None | Unset | UUID):
        status (ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1
            | None | Unset):
        limit (int | Unset): Page size (1-100). Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientPage | Problem
    """

    return sync_detailed(
        client=client,
        partner_id=partner_id,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
    status: ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ClientPage | Problem]:
    """List OAuth clients

     Newest first, keyset paged; filter by partner and status (active, revoked).

    Args:
        partner_id (None | Unset | UUID):
        status (ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1
            | None | Unset):
        limit (int | Unset): Page size (1-100). Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientPage | Problem]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
    status: ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ClientPage | Problem | None:
    """List OAuth clients

     Newest first, keyset paged; filter by partner and status (active, revoked).

    Args:
        partner_id (None | Unset | UUID):
        status (ListClientsStatusType1 | ListClientsStatusType2Type1 | ListClientsStatusType3Type1
            | None | Unset):
        limit (int | Unset): Page size (1-100). Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            partner_id=partner_id,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
