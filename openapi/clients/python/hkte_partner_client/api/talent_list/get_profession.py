import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_profession_lang_type_1 import GetProfessionLangType1
from ...models.get_profession_lang_type_2_type_1 import GetProfessionLangType2Type1
from ...models.get_profession_lang_type_3_type_1 import GetProfessionLangType3Type1
from ...models.problem import Problem
from ...models.profession_detail import ProfessionDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    edition: None | str | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    lang: GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_edition: None | str | Unset
    if isinstance(edition, Unset):
        json_edition = UNSET
    else:
        json_edition = edition
    params["edition"] = json_edition

    json_on: None | str | Unset
    if isinstance(on, Unset):
        json_on = UNSET
    elif isinstance(on, datetime.date):
        json_on = on.isoformat()
    else:
        json_on = on
    params["on"] = json_on

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    elif isinstance(lang, GetProfessionLangType1):
        json_lang = lang.value
    elif isinstance(lang, GetProfessionLangType2Type1):
        json_lang = lang.value
    elif isinstance(lang, GetProfessionLangType3Type1):
        json_lang = lang.value
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/talent-list/professions/{code}".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | ProfessionDetail | None:
    if response.status_code == 200:
        response_200 = ProfessionDetail.from_dict(response.json())

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
) -> Response[Any | Problem | ProfessionDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    edition: None | str | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    lang: GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | ProfessionDetail]:
    """Get one profession

     A profession by its stable code, as the edition in force (or `edition`, or the one in
    force `on`) describes it, with the list of editions that include it.

    Args:
        code (str):
        edition (None | str | Unset): An edition code such as `2025`; overrides `on`.
        on (datetime.date | None | Unset): The edition in force on this day (YYYY-MM-DD); default
            today in Hong Kong.
        lang (GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 |
            None | Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ProfessionDetail]
    """

    kwargs = _get_kwargs(
        code=code,
        edition=edition,
        on=on,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    edition: None | str | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    lang: GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | ProfessionDetail | None:
    """Get one profession

     A profession by its stable code, as the edition in force (or `edition`, or the one in
    force `on`) describes it, with the list of editions that include it.

    Args:
        code (str):
        edition (None | str | Unset): An edition code such as `2025`; overrides `on`.
        on (datetime.date | None | Unset): The edition in force on this day (YYYY-MM-DD); default
            today in Hong Kong.
        lang (GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 |
            None | Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ProfessionDetail
    """

    return sync_detailed(
        code=code,
        client=client,
        edition=edition,
        on=on,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    edition: None | str | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    lang: GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | ProfessionDetail]:
    """Get one profession

     A profession by its stable code, as the edition in force (or `edition`, or the one in
    force `on`) describes it, with the list of editions that include it.

    Args:
        code (str):
        edition (None | str | Unset): An edition code such as `2025`; overrides `on`.
        on (datetime.date | None | Unset): The edition in force on this day (YYYY-MM-DD); default
            today in Hong Kong.
        lang (GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 |
            None | Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ProfessionDetail]
    """

    kwargs = _get_kwargs(
        code=code,
        edition=edition,
        on=on,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    edition: None | str | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    lang: GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | ProfessionDetail | None:
    """Get one profession

     A profession by its stable code, as the edition in force (or `edition`, or the one in
    force `on`) describes it, with the list of editions that include it.

    Args:
        code (str):
        edition (None | str | Unset): An edition code such as `2025`; overrides `on`.
        on (datetime.date | None | Unset): The edition in force on this day (YYYY-MM-DD); default
            today in Hong Kong.
        lang (GetProfessionLangType1 | GetProfessionLangType2Type1 | GetProfessionLangType3Type1 |
            None | Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ProfessionDetail
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            edition=edition,
            on=on,
            lang=lang,
            accept_language=accept_language,
            if_none_match=if_none_match,
        )
    ).parsed
