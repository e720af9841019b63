from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_result import BatchResult
from ...models.problem import Problem
from ...models.submit_lead_batch_body import SubmitLeadBatchBody
from ...types import Response


def _get_kwargs(
    *,
    body: SubmitLeadBatchBody,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/leads/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchResult | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResult.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[BatchResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SubmitLeadBatchBody,
    idempotency_key: str,
) -> Response[BatchResult | Problem]:
    """Submit up to 100 leads at once

     For roadshows and fairs: each lead is checked and answered on its own (its index, 201 with
    its URL, or a problem: 422 naming the bad field, 409 for a duplicate, including one earlier in
    the same batch); one bad lead does not sink the others. One `Idempotency-Key` covers the
    whole batch: a retry replays the first answer.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (SubmitLeadBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SubmitLeadBatchBody,
    idempotency_key: str,
) -> BatchResult | Problem | None:
    """Submit up to 100 leads at once

     For roadshows and fairs: each lead is checked and answered on its own (its index, 201 with
    its URL, or a problem: 422 naming the bad field, 409 for a duplicate, including one earlier in
    the same batch); one bad lead does not sink the others. One `Idempotency-Key` covers the
    whole batch: a retry replays the first answer.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (SubmitLeadBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SubmitLeadBatchBody,
    idempotency_key: str,
) -> Response[BatchResult | Problem]:
    """Submit up to 100 leads at once

     For roadshows and fairs: each lead is checked and answered on its own (its index, 201 with
    its URL, or a problem: 422 naming the bad field, 409 for a duplicate, including one earlier in
    the same batch); one bad lead does not sink the others. One `Idempotency-Key` covers the
    whole batch: a retry replays the first answer.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (SubmitLeadBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SubmitLeadBatchBody,
    idempotency_key: str,
) -> BatchResult | Problem | None:
    """Submit up to 100 leads at once

     For roadshows and fairs: each lead is checked and answered on its own (its index, 201 with
    its URL, or a problem: 422 naming the bad field, 409 for a duplicate, including one earlier in
    the same batch); one bad lead does not sink the others. One `Idempotency-Key` covers the
    whole batch: a retry replays the first answer.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (SubmitLeadBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
