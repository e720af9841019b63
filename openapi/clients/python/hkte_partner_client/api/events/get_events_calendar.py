from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attendance_mode import AttendanceMode
from ...models.event_status import EventStatus
from ...models.event_type import EventType
from ...models.problem import Problem
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events.ics",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
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
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Events as an iCalendar feed

     A calendar to subscribe to: the published events matching the same filters as
    `GET /v1/events` (at most 500, in start order), cancelled ones included so calendars
    learn of the cancellation.

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
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
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
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Events as an iCalendar feed

     A calendar to subscribe to: the published events matching the same filters as
    `GET /v1/events` (at most 500, in start order), cancelled ones included so calendars
    learn of the cancellation.

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
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
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
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Events as an iCalendar feed

     A calendar to subscribe to: the published events matching the same filters as
    `GET /v1/events` (at most 500, in start order), cancelled ones included so calendars
    learn of the cancellation.

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
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
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
    accept_language: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Events as an iCalendar feed

     A calendar to subscribe to: the published events matching the same filters as
    `GET /v1/events` (at most 500, in start order), cancelled ones included so calendars
    learn of the cancellation.

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
        accept_language (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
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
            accept_language=accept_language,
            if_none_match=if_none_match,
        )
    ).parsed
