from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.edition_list import EditionList
from ...models.list_talent_list_editions_lang_type_1 import ListTalentListEditionsLangType1
from ...models.list_talent_list_editions_lang_type_2_type_1 import ListTalentListEditionsLangType2Type1
from ...models.list_talent_list_editions_lang_type_3_type_1 import ListTalentListEditionsLangType3Type1
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    lang: ListTalentListEditionsLangType1
    | ListTalentListEditionsLangType2Type1
    | ListTalentListEditionsLangType3Type1
    | None
    | Unset = UNSET,
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
    elif isinstance(lang, ListTalentListEditionsLangType1):
        json_lang = lang.value
    elif isinstance(lang, ListTalentListEditionsLangType2Type1):
        json_lang = lang.value
    elif isinstance(lang, ListTalentListEditionsLangType3Type1):
        json_lang = lang.value
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/talent-list/editions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | EditionList | Problem | None:
    if response.status_code == 200:
        response_200 = EditionList.from_dict(response.json())

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
) -> Response[Any | EditionList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    lang: ListTalentListEditionsLangType1
    | ListTalentListEditionsLangType2Type1
    | ListTalentListEditionsLangType3Type1
    | None
    | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EditionList | Problem]:
    """List the editions

     Every published edition with its dates and size, oldest first. `partial` marks editions
    of which this API holds fewer professions than the official list.

    Args:
        lang (ListTalentListEditionsLangType1 | ListTalentListEditionsLangType2Type1 |
            ListTalentListEditionsLangType3Type1 | None | Unset): Language of the texts; overrides
            Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EditionList | Problem]
    """

    kwargs = _get_kwargs(
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    lang: ListTalentListEditionsLangType1
    | ListTalentListEditionsLangType2Type1
    | ListTalentListEditionsLangType3Type1
    | None
    | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EditionList | Problem | None:
    """List the editions

     Every published edition with its dates and size, oldest first. `partial` marks editions
    of which this API holds fewer professions than the official list.

    Args:
        lang (ListTalentListEditionsLangType1 | ListTalentListEditionsLangType2Type1 |
            ListTalentListEditionsLangType3Type1 | None | Unset): Language of the texts; overrides
            Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EditionList | Problem
    """

    return sync_detailed(
        client=client,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    lang: ListTalentListEditionsLangType1
    | ListTalentListEditionsLangType2Type1
    | ListTalentListEditionsLangType3Type1
    | None
    | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EditionList | Problem]:
    """List the editions

     Every published edition with its dates and size, oldest first. `partial` marks editions
    of which this API holds fewer professions than the official list.

    Args:
        lang (ListTalentListEditionsLangType1 | ListTalentListEditionsLangType2Type1 |
            ListTalentListEditionsLangType3Type1 | None | Unset): Language of the texts; overrides
            Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EditionList | Problem]
    """

    kwargs = _get_kwargs(
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    lang: ListTalentListEditionsLangType1
    | ListTalentListEditionsLangType2Type1
    | ListTalentListEditionsLangType3Type1
    | None
    | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EditionList | Problem | None:
    """List the editions

     Every published edition with its dates and size, oldest first. `partial` marks editions
    of which this API holds fewer professions than the official list.

    Args:
        lang (ListTalentListEditionsLangType1 | ListTalentListEditionsLangType2Type1 |
            ListTalentListEditionsLangType3Type1 | None | Unset): Language of the texts; overrides
            Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EditionList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            lang=lang,
            accept_language=accept_language,
            if_none_match=if_none_match,
        )
    ).parsed
