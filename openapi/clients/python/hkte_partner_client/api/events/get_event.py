from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_out import EventOut
from ...models.get_event_lang_type_1 import GetEventLangType1
from ...models.get_event_lang_type_2_type_1 import GetEventLangType2Type1
from ...models.get_event_lang_type_3_type_1 import GetEventLangType3Type1
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    event_id: UUID,
    *,
    lang: GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    elif isinstance(lang, GetEventLangType1):
        json_lang = lang.value
    elif isinstance(lang, GetEventLangType2Type1):
        json_lang = lang.value
    elif isinstance(lang, GetEventLangType3Type1):
        json_lang = lang.value
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events/{event_id}".format(
            event_id=quote(str(event_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | EventOut | Problem | None:
    if response.status_code == 200:
        response_200 = EventOut.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | EventOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EventOut | Problem]:
    """Get one event

     One event. Drafts are visible only to HKTE staff and the partners organising them.
    Its ETag is what `If-Match` takes on changes.

    Args:
        event_id (UUID):
        lang (GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset):
            Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EventOut | Problem]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EventOut | Problem | None:
    """Get one event

     One event. Drafts are visible only to HKTE staff and the partners organising them.
    Its ETag is what `If-Match` takes on changes.

    Args:
        event_id (UUID):
        lang (GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset):
            Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EventOut | Problem
    """

    return sync_detailed(
        event_id=event_id,
        client=client,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EventOut | Problem]:
    """Get one event

     One event. Drafts are visible only to HKTE staff and the partners organising them.
    Its ETag is what `If-Match` takes on changes.

    Args:
        event_id (UUID):
        lang (GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset):
            Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EventOut | Problem]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EventOut | Problem | None:
    """Get one event

     One event. Drafts are visible only to HKTE staff and the partners organising them.
    Its ETag is what `If-Match` takes on changes.

    Args:
        event_id (UUID):
        lang (GetEventLangType1 | GetEventLangType2Type1 | GetEventLangType3Type1 | None | Unset):
            Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EventOut | Problem
    """

    return (
        await asyncio_detailed(
            event_id=event_id,
            client=client,
            lang=lang,
            accept_language=accept_language,
            if_none_match=if_none_match,
        )
    ).parsed
