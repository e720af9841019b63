from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lead_create import LeadCreate
from ...models.lead_out import LeadOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: LeadCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/leads",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LeadOut | Problem | None:
    if response.status_code == 201:
        response_201 = LeadOut.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LeadOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LeadCreate,
    idempotency_key: str,
) -> Response[LeadOut | Problem]:
    """Submit a talent lead

     Hands a professional you met to HKTE, with the evidence of their consent. The profession
    must be on the Talent List in force. The same person (email or phone) or `external_ref`
    already submitted by your organisation is a 409 naming that lead (`duplicate_of`); a person
    HKTE knows through another partner is accepted with `known_to_hkte: true`, and nothing
    else of the other partner's lead is shown. The lead is stored durably before 201.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (LeadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeadOut | Problem]
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
    body: LeadCreate,
    idempotency_key: str,
) -> LeadOut | Problem | None:
    """Submit a talent lead

     Hands a professional you met to HKTE, with the evidence of their consent. The profession
    must be on the Talent List in force. The same person (email or phone) or `external_ref`
    already submitted by your organisation is a 409 naming that lead (`duplicate_of`); a person
    HKTE knows through another partner is accepted with `known_to_hkte: true`, and nothing
    else of the other partner's lead is shown. The lead is stored durably before 201.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (LeadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeadOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LeadCreate,
    idempotency_key: str,
) -> Response[LeadOut | Problem]:
    """Submit a talent lead

     Hands a professional you met to HKTE, with the evidence of their consent. The profession
    must be on the Talent List in force. The same person (email or phone) or `external_ref`
    already submitted by your organisation is a 409 naming that lead (`duplicate_of`); a person
    HKTE knows through another partner is accepted with `known_to_hkte: true`, and nothing
    else of the other partner's lead is shown. The lead is stored durably before 201.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (LeadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeadOut | Problem]
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
    body: LeadCreate,
    idempotency_key: str,
) -> LeadOut | Problem | None:
    """Submit a talent lead

     Hands a professional you met to HKTE, with the evidence of their consent. The profession
    must be on the Talent List in force. The same person (email or phone) or `external_ref`
    already submitted by your organisation is a 409 naming that lead (`duplicate_of`); a person
    HKTE knows through another partner is accepted with `known_to_hkte: true`, and nothing
    else of the other partner's lead is shown. The lead is stored durably before 201.

    Args:
        idempotency_key (str): Unique per lead you submit (a UUID is ideal). A retry with the same
            key and body gets the first answer again (with `Idempotent-Replayed: true`); kept at least
            24 hours.
        body (LeadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeadOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
