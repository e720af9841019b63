from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_page import ChangePage
from ...models.list_changes_type_type_0_item import ListChangesTypeType0Item
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    type_: list[ListChangesTypeType0Item] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item = type_type_0_item_data.value
            json_type_.append(type_type_0_item)

    else:
        json_type_ = type_
    params["type"] = json_type_

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())

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
) -> Response[ChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    type_: list[ListChangesTypeType0Item] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ChangePage | Problem]:
    """The change feed

     The same events as the webhooks (same ids and bodies), oldest first: status changes,
    withdrawals and erasures of your leads, published Talent List editions, published,
    updated and cancelled events. Start without a cursor, then always pass the `next_cursor`
    you got (also from an empty page): the feed has no gaps and no repeats, and an event
    appears once the transaction that made it, and every transaction that began writing before
    it, has ended (so a late commit is never skipped). Events are kept for 30 days: a cursor
    older than that is answered 410 (start again without a cursor, and reconcile by reading
    your leads).

    Args:
        cursor (None | str | Unset): `next_cursor` of your last call.
        type_ (list[ListChangesTypeType0Item] | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        type_=type_,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    type_: list[ListChangesTypeType0Item] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> ChangePage | Problem | None:
    """The change feed

     The same events as the webhooks (same ids and bodies), oldest first: status changes,
    withdrawals and erasures of your leads, published Talent List editions, published,
    updated and cancelled events. Start without a cursor, then always pass the `next_cursor`
    you got (also from an empty page): the feed has no gaps and no repeats, and an event
    appears once the transaction that made it, and every transaction that began writing before
    it, has ended (so a late commit is never skipped). Events are kept for 30 days: a cursor
    older than that is answered 410 (start again without a cursor, and reconcile by reading
    your leads).

    Args:
        cursor (None | str | Unset): `next_cursor` of your last call.
        type_ (list[ListChangesTypeType0Item] | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        type_=type_,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    type_: list[ListChangesTypeType0Item] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ChangePage | Problem]:
    """The change feed

     The same events as the webhooks (same ids and bodies), oldest first: status changes,
    withdrawals and erasures of your leads, published Talent List editions, published,
    updated and cancelled events. Start without a cursor, then always pass the `next_cursor`
    you got (also from an empty page): the feed has no gaps and no repeats, and an event
    appears once the transaction that made it, and every transaction that began writing before
    it, has ended (so a late commit is never skipped). Events are kept for 30 days: a cursor
    older than that is answered 410 (start again without a cursor, and reconcile by reading
    your leads).

    Args:
        cursor (None | str | Unset): `next_cursor` of your last call.
        type_ (list[ListChangesTypeType0Item] | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        type_=type_,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    type_: list[ListChangesTypeType0Item] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> ChangePage | Problem | None:
    """The change feed

     The same events as the webhooks (same ids and bodies), oldest first: status changes,
    withdrawals and erasures of your leads, published Talent List editions, published,
    updated and cancelled events. Start without a cursor, then always pass the `next_cursor`
    you got (also from an empty page): the feed has no gaps and no repeats, and an event
    appears once the transaction that made it, and every transaction that began writing before
    it, has ended (so a late commit is never skipped). Events are kept for 30 days: a cursor
    older than that is answered 410 (start again without a cursor, and reconcile by reading
    your leads).

    Args:
        cursor (None | str | Unset): `next_cursor` of your last call.
        type_ (list[ListChangesTypeType0Item] | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            type_=type_,
            limit=limit,
        )
    ).parsed
