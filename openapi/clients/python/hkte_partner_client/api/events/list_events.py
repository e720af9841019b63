from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attendance_mode import AttendanceMode
from ...models.event_page import EventPage
from ...models.event_status import EventStatus
from ...models.event_type import EventType
from ...models.list_events_lang_type_1 import ListEventsLangType1
from ...models.list_events_lang_type_2_type_1 import ListEventsLangType2Type1
from ...models.list_events_lang_type_3_type_1 import ListEventsLangType3Type1
from ...models.problem import Problem
from ...models.publication import Publication
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    city: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    mode: list[AttendanceMode] | None | Unset = UNSET,
    status: list[EventStatus] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    publication: Publication | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    lang: ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_country: list[str] | None | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    elif isinstance(country, list):
        json_country = country

    else:
        json_country = country
    params["country"] = json_country

    json_city: list[str] | None | Unset
    if isinstance(city, Unset):
        json_city = UNSET
    elif isinstance(city, list):
        json_city = city

    else:
        json_city = city
    params["city"] = json_city

    json_sector: list[str] | None | Unset
    if isinstance(sector, Unset):
        json_sector = UNSET
    elif isinstance(sector, list):
        json_sector = sector

    else:
        json_sector = sector
    params["sector"] = json_sector

    json_profession: list[str] | None | Unset
    if isinstance(profession, Unset):
        json_profession = UNSET
    elif isinstance(profession, list):
        json_profession = profession

    else:
        json_profession = profession
    params["profession"] = json_profession

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

    json_mode: list[str] | None | Unset
    if isinstance(mode, Unset):
        json_mode = UNSET
    elif isinstance(mode, list):
        json_mode = []
        for mode_type_0_item_data in mode:
            mode_type_0_item = mode_type_0_item_data.value
            json_mode.append(mode_type_0_item)

    else:
        json_mode = mode
    params["mode"] = json_mode

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

    json_language: list[str] | None | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    elif isinstance(language, list):
        json_language = language

    else:
        json_language = language
    params["language"] = json_language

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    json_publication: str | Unset = UNSET
    if not isinstance(publication, Unset):
        json_publication = publication.value

    params["publication"] = json_publication

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    elif isinstance(lang, ListEventsLangType1):
        json_lang = lang.value
    elif isinstance(lang, ListEventsLangType2Type1):
        json_lang = lang.value
    elif isinstance(lang, ListEventsLangType3Type1):
        json_lang = lang.value
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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
) -> Response[Any | EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    city: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    mode: list[AttendanceMode] | None | Unset = UNSET,
    status: list[EventStatus] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    publication: Publication | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    lang: ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EventPage | Problem]:
    """List events

     Events that are still running at or after `from` (default: now) and start before `to`,
    in start order. Filters combine with AND; repeat a filter for OR within it
    (`type=webinar&type=forum`).
    `q` searches titles, summaries, descriptions and venues in all three languages.

    Pages are keyset pages: follow `next_cursor` (or the `Link: rel="next"` header) to the
    end; events added meanwhile never make a page repeat or skip one already listed.

    Args:
        from_ (None | str | Unset): Events still running at or after this date or date-time
            (default: now).
        to (None | str | Unset): Events starting before this date or date-time.
        country (list[str] | None | Unset): Repeat for several (OR).
        city (list[str] | None | Unset): Repeat for several (OR).
        sector (list[str] | None | Unset): Repeat for several (OR).
        profession (list[str] | None | Unset): Repeat for several (OR).
        type_ (list[EventType] | None | Unset):
        mode (list[AttendanceMode] | None | Unset):
        status (list[EventStatus] | None | Unset):
        language (list[str] | None | Unset): Repeat for several (OR).
        q (None | str | Unset): Words in any of the three languages.
        partner (None | str | Unset): Code of an organising or co-organising partner.
        publication (Publication | Unset): `draft`: staff see every draft, partners the drafts
            they organise.
        cursor (None | str | Unset):
        limit (int | Unset): Page size (1-100). Default: 20.
        lang (ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None |
            Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EventPage | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        country=country,
        city=city,
        sector=sector,
        profession=profession,
        type_=type_,
        mode=mode,
        status=status,
        language=language,
        q=q,
        partner=partner,
        publication=publication,
        cursor=cursor,
        limit=limit,
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
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    city: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    mode: list[AttendanceMode] | None | Unset = UNSET,
    status: list[EventStatus] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    publication: Publication | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    lang: ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EventPage | Problem | None:
    """List events

     Events that are still running at or after `from` (default: now) and start before `to`,
    in start order. Filters combine with AND; repeat a filter for OR within it
    (`type=webinar&type=forum`).
    `q` searches titles, summaries, descriptions and venues in all three languages.

    Pages are keyset pages: follow `next_cursor` (or the `Link: rel="next"` header) to the
    end; events added meanwhile never make a page repeat or skip one already listed.

    Args:
        from_ (None | str | Unset): Events still running at or after this date or date-time
            (default: now).
        to (None | str | Unset): Events starting before this date or date-time.
        country (list[str] | None | Unset): Repeat for several (OR).
        city (list[str] | None | Unset): Repeat for several (OR).
        sector (list[str] | None | Unset): Repeat for several (OR).
        profession (list[str] | None | Unset): Repeat for several (OR).
        type_ (list[EventType] | None | Unset):
        mode (list[AttendanceMode] | None | Unset):
        status (list[EventStatus] | None | Unset):
        language (list[str] | None | Unset): Repeat for several (OR).
        q (None | str | Unset): Words in any of the three languages.
        partner (None | str | Unset): Code of an organising or co-organising partner.
        publication (Publication | Unset): `draft`: staff see every draft, partners the drafts
            they organise.
        cursor (None | str | Unset):
        limit (int | Unset): Page size (1-100). Default: 20.
        lang (ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None |
            Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EventPage | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        country=country,
        city=city,
        sector=sector,
        profession=profession,
        type_=type_,
        mode=mode,
        status=status,
        language=language,
        q=q,
        partner=partner,
        publication=publication,
        cursor=cursor,
        limit=limit,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    city: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    mode: list[AttendanceMode] | None | Unset = UNSET,
    status: list[EventStatus] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    publication: Publication | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    lang: ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EventPage | Problem]:
    """List events

     Events that are still running at or after `from` (default: now) and start before `to`,
    in start order. Filters combine with AND; repeat a filter for OR within it
    (`type=webinar&type=forum`).
    `q` searches titles, summaries, descriptions and venues in all three languages.

    Pages are keyset pages: follow `next_cursor` (or the `Link: rel="next"` header) to the
    end; events added meanwhile never make a page repeat or skip one already listed.

    Args:
        from_ (None | str | Unset): Events still running at or after this date or date-time
            (default: now).
        to (None | str | Unset): Events starting before this date or date-time.
        country (list[str] | None | Unset): Repeat for several (OR).
        city (list[str] | None | Unset): Repeat for several (OR).
        sector (list[str] | None | Unset): Repeat for several (OR).
        profession (list[str] | None | Unset): Repeat for several (OR).
        type_ (list[EventType] | None | Unset):
        mode (list[AttendanceMode] | None | Unset):
        status (list[EventStatus] | None | Unset):
        language (list[str] | None | Unset): Repeat for several (OR).
        q (None | str | Unset): Words in any of the three languages.
        partner (None | str | Unset): Code of an organising or co-organising partner.
        publication (Publication | Unset): `draft`: staff see every draft, partners the drafts
            they organise.
        cursor (None | str | Unset):
        limit (int | Unset): Page size (1-100). Default: 20.
        lang (ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None |
            Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EventPage | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        country=country,
        city=city,
        sector=sector,
        profession=profession,
        type_=type_,
        mode=mode,
        status=status,
        language=language,
        q=q,
        partner=partner,
        publication=publication,
        cursor=cursor,
        limit=limit,
        lang=lang,
        accept_language=accept_language,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    city: list[str] | None | Unset = UNSET,
    sector: list[str] | None | Unset = UNSET,
    profession: list[str] | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    mode: list[AttendanceMode] | None | Unset = UNSET,
    status: list[EventStatus] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    publication: Publication | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    lang: ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EventPage | Problem | None:
    """List events

     Events that are still running at or after `from` (default: now) and start before `to`,
    in start order. Filters combine with AND; repeat a filter for OR within it
    (`type=webinar&type=forum`).
    `q` searches titles, summaries, descriptions and venues in all three languages.

    Pages are keyset pages: follow `next_cursor` (or the `Link: rel="next"` header) to the
    end; events added meanwhile never make a page repeat or skip one already listed.

    Args:
        from_ (None | str | Unset): Events still running at or after this date or date-time
            (default: now).
        to (None | str | Unset): Events starting before this date or date-time.
        country (list[str] | None | Unset): Repeat for several (OR).
        city (list[str] | None | Unset): Repeat for several (OR).
        sector (list[str] | None | Unset): Repeat for several (OR).
        profession (list[str] | None | Unset): Repeat for several (OR).
        type_ (list[EventType] | None | Unset):
        mode (list[AttendanceMode] | None | Unset):
        status (list[EventStatus] | None | Unset):
        language (list[str] | None | Unset): Repeat for several (OR).
        q (None | str | Unset): Words in any of the three languages.
        partner (None | str | Unset): Code of an organising or co-organising partner.
        publication (Publication | Unset): `draft`: staff see every draft, partners the drafts
            they organise.
        cursor (None | str | Unset):
        limit (int | Unset): Page size (1-100). Default: 20.
        lang (ListEventsLangType1 | ListEventsLangType2Type1 | ListEventsLangType3Type1 | None |
            Unset): Language of the texts; overrides Accept-Language. `all` returns all three.
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            country=country,
            city=city,
            sector=sector,
            profession=profession,
            type_=type_,
            mode=mode,
            status=status,
            language=language,
            q=q,
            partner=partner,
            publication=publication,
            cursor=cursor,
            limit=limit,
            lang=lang,
            accept_language=accept_language,
            if_none_match=if_none_match,
        )
    ).parsed
