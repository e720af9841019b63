from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.data_subject_export import DataSubjectExport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    email: None | str | Unset = UNSET,
    phone: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_email: None | str | Unset
    if isinstance(email, Unset):
        json_email = UNSET
    else:
        json_email = email
    params["email"] = json_email

    json_phone: None | str | Unset
    if isinstance(phone, Unset):
        json_phone = UNSET
    else:
        json_phone = phone
    params["phone"] = json_phone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin/data-subjects",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DataSubjectExport | Problem | None:
    if response.status_code == 200:
        response_200 = DataSubjectExport.from_dict(response.json())

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
) -> Response[DataSubjectExport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    email: None | str | Unset = UNSET,
    phone: None | str | Unset = UNSET,
) -> Response[DataSubjectExport | Problem]:
    """Everything held about one person

     For a data access or correction request (PDPO DPP6; answer within 40 days): every lead
    about the person with that email or phone, across partners, with their histories, as one
    JSON document. The export is audited.

    Args:
        email (None | str | Unset):
        phone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataSubjectExport | Problem]
    """

    kwargs = _get_kwargs(
        email=email,
        phone=phone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    email: None | str | Unset = UNSET,
    phone: None | str | Unset = UNSET,
) -> DataSubjectExport | Problem | None:
    """Everything held about one person

     For a data access or correction request (PDPO DPP6; answer within 40 days): every lead
    about the person with that email or phone, across partners, with their histories, as one
    JSON document. The export is audited.

    Args:
        email (None | str | Unset):
        phone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataSubjectExport | Problem
    """

    return sync_detailed(
        client=client,
        email=email,
        phone=phone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    email: None | str | Unset = UNSET,
    phone: None | str | Unset = UNSET,
) -> Response[DataSubjectExport | Problem]:
    """Everything held about one person

     For a data access or correction request (PDPO DPP6; answer within 40 days): every lead
    about the person with that email or phone, across partners, with their histories, as one
    JSON document. The export is audited.

    Args:
        email (None | str | Unset):
        phone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataSubjectExport | Problem]
    """

    kwargs = _get_kwargs(
        email=email,
        phone=phone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    email: None | str | Unset = UNSET,
    phone: None | str | Unset = UNSET,
) -> DataSubjectExport | Problem | None:
    """Everything held about one person

     For a data access or correction request (PDPO DPP6; answer within 40 days): every lead
    about the person with that email or phone, across partners, with their histories, as one
    JSON document. The export is audited.

    Args:
        email (None | str | Unset):
        phone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataSubjectExport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            email=email,
            phone=phone,
        )
    ).parsed
