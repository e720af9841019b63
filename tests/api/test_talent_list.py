"""The Talent List over HTTP: editions in force, languages, ETags, search, diffs, imports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import text

from adapters.db.database import Database
from domain.partners import PartnerType
from domain.scopes import PARTNER_SCOPES, Scope
from tests.support.catalog import publish_editions, small_edition
from tests.support.oauth import get_token, make_client, make_partner


@dataclass
class Callers:
    partner: dict[str, str]
    staff: dict[str, str]


@pytest.fixture
async def callers(app: Litestar, client: httpx.AsyncClient) -> Callers:
    partner = await make_client(app, scopes=PARTNER_SCOPES)
    hkte = await make_partner(app, PartnerType.HKTE)
    staff = await make_client(
        app, partner=hkte, scopes=frozenset({Scope.TALENT_LIST_WRITE, Scope.TALENT_LIST_READ})
    )
    return Callers(
        partner={"Authorization": f"Bearer {await get_token(client, partner)}"},
        staff={"Authorization": f"Bearer {await get_token(client, staff)}"},
    )


def import_body(code: str = "2031", effective_from: str = "2031-01-01", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": code,
        "effective_from": effective_from,
        "title": {
            "en": f"Talent List ({code})",
            "zh-Hant": f"人才清單（{code}年）",
            "zh-Hans": f"人才清单（{code}年）",
        },
        "schemes": ["QMAS", "GEP"],
        "declared_profession_count": 2,
        "sectors": [
            {
                "code": "financial-services",
                "name": {"en": "Financial services", "zh-Hant": "金融服務", "zh-Hans": "金融服务"},
            },
            {
                "code": "maritime",
                "name": {"en": "Aviation and shipping", "zh-Hant": "航空及航運", "zh-Hans": "航空及航运"},
            },
        ],
        "professions": [
            {
                "code": "actuaries",
                "sector": "financial-services",
                "name": {"en": "Actuaries", "zh-Hant": "精算師", "zh-Hans": "精算师"},
                "qualifications": {
                    "en": "A recognised actuarial qualification",
                    "zh-Hant": "認可精算資格",
                    "zh-Hans": "认可精算资格",
                },
            },
            {
                "code": "ship-surveyors",
                "sector": "maritime",
                "name": {"en": "Ship surveyors", "zh-Hant": "驗船師", "zh-Hans": "验船师"},
                "schemes": ["QMAS"],
            },
        ],
    }
    body.update(changes)
    return body


async def test_edition_in_force_by_date_language_and_etag(
    app: Litestar, client: httpx.AsyncClient, callers: Callers
) -> None:
    await publish_editions(app, small_edition("2030", date(2030, 1, 1)))
    none_yet = await client.get("/v1/talent-list", headers=callers.partner)
    assert none_yet.status_code == 404  # today is before the (test) edition
    response = await client.get(
        "/v1/talent-list",
        params={"on": "2030-06-01"},
        headers={**callers.partner, "Accept-Language": "zh-HK"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-language"] == "zh-Hant"
    assert "Accept-Language" in response.headers["vary"]
    assert response.headers["cache-control"].startswith("public")
    body = response.json()
    assert body["code"] == "2030"
    assert [s["code"] for s in body["sectors"]] == ["financial-services", "innovation-technology"]
    assert body["sectors"][0]["name"] == {"zh-Hant": "金融服務"}
    assert body["sectors"][0]["professions"][0]["name"] == {"zh-Hant": "精算師"}

    simplified = await client.get(
        "/v1/talent-list",
        params={"on": "2030-06-01"},
        headers={**callers.partner, "Accept-Language": "zh-CN,en;q=0.5"},
    )
    assert simplified.json()["sectors"][0]["name"] == {"zh-Hans": "金融服务"}
    assert simplified.headers["etag"] != response.headers["etag"]
    english = await client.get(
        "/v1/talent-list",
        params={"on": "2030-06-01"},
        headers={**callers.partner, "Accept-Language": "fr-FR"},
    )
    assert english.headers["content-language"] == "en"
    every = await client.get(
        "/v1/talent-list", params={"on": "2030-06-01", "lang": "all"}, headers=callers.partner
    )
    assert every.json()["sectors"][0]["name"] == {
        "en": "Financial services",
        "zh-Hant": "金融服務",
        "zh-Hans": "金融服务",
    }
    assert every.headers["content-language"] == "en, zh-Hant, zh-Hans"

    cached = await client.get(
        "/v1/talent-list",
        params={"on": "2030-06-01"},
        headers={**callers.partner, "Accept-Language": "zh-HK", "If-None-Match": response.headers["etag"]},
    )
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["etag"] == response.headers["etag"]


async def test_reads_are_served_from_memory_until_an_edition_is_published(
    app: Litestar, client: httpx.AsyncClient, callers: Callers, connection: Any
) -> None:
    await publish_editions(app, small_edition("2030", date(2030, 1, 1)))
    first = await client.get("/v1/talent-list/editions", headers=callers.partner)
    assert [e["code"] for e in first.json()["items"]] == ["2030"]
    # a change behind the cache's back (no notice) is not seen while the copy is fresh ...
    await connection.execute(
        text("ALTER TABLE talent_list_editions DISABLE TRIGGER talent_list_editions_published")
    )
    database: Database = app.state.database
    from adapters.db.talent_list import SqlTalentListRepository

    async with database.session() as session, session.begin():
        await SqlTalentListRepository(session).publish(small_edition("2031", date(2031, 1, 1)), "pytest")
    stale = await client.get("/v1/talent-list/editions", headers=callers.partner)
    assert [e["code"] for e in stale.json()["items"]] == ["2030"]
    # ... and publishing through the API invalidates it at once
    published = await client.post(
        "/v1/admin/talent-list/editions", json=import_body("2032", "2032-01-01"), headers=callers.staff
    )
    assert published.status_code == 201, published.text
    fresh = await client.get("/v1/talent-list/editions", headers=callers.partner)
    assert [e["code"] for e in fresh.json()["items"]] == ["2030", "2031", "2032"]
    assert fresh.headers["etag"] != first.headers["etag"]


async def test_professions_search_in_three_languages_and_by_sector(
    app: Litestar, client: httpx.AsyncClient, callers: Callers
) -> None:
    await publish_editions(app, small_edition("2030", date(2030, 1, 1)))

    async def codes(**params: str) -> list[str]:
        response = await client.get(
            "/v1/talent-list/professions", params={"edition": "2030", **params}, headers=callers.partner
        )
        assert response.status_code == 200, response.text
        return [p["code"] for p in response.json()["items"]]

    assert await codes() == ["actuaries", "fintech-professionals", "data-scientists"]
    assert await codes(sector="innovation-technology") == ["data-scientists"]
    assert await codes(q="ACTUAR") == ["actuaries"]
    assert await codes(q="精算師") == ["actuaries"]
    assert await codes(q="数据科学") == ["data-scientists"]
    assert await codes(q="nothing like it") == []
    bad_sector = await client.get(
        "/v1/talent-list/professions",
        params={"edition": "2030", "sector": "astrology"},
        headers=callers.partner,
    )
    assert bad_sector.status_code == 400
    assert bad_sector.json()["errors"][0]["field"] == "sector"

    one = await client.get(
        "/v1/talent-list/professions/data-scientists", params={"edition": "2030"}, headers=callers.partner
    )
    assert one.status_code == 200
    assert one.json()["editions"] == ["2030"]
    assert one.json()["sector_name"] == {"en": "Innovation and technology"}
    missing = await client.get(
        "/v1/talent-list/professions/wizards", params={"edition": "2030"}, headers=callers.partner
    )
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        ("/v1/talent-list?on=2030-13-01", 400, "on"),
        ("/v1/talent-list?on=yesterday", 400, "on"),
        ("/v1/talent-list?lang=fr", 400, "lang"),
        ("/v1/talent-list/editions/1999", 404, None),
        ("/v1/talent-list/editions/2030/diff/1999", 404, None),
        ("/v1/talent-list/professions?edition=2030&q=", 400, "q"),
    ],
)
async def test_bad_input_is_a_problem(
    app: Litestar, client: httpx.AsyncClient, callers: Callers, path: str, status: int, field: str | None
) -> None:
    await publish_editions(app, small_edition("2030", date(2030, 1, 1)))
    response = await client.get(path, headers=callers.partner)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if field:
        assert field in [e["field"] for e in response.json()["errors"]]


async def test_reads_need_a_token_with_the_scope(app: Litestar, client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/talent-list")).status_code == 401
    events_only = await make_client(app, scopes=frozenset({Scope.EVENTS_READ}))
    token = await get_token(client, events_only)
    response = await client.get("/v1/talent-list/editions", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403


async def test_import_publishes_and_diff_names_changes(
    app: Litestar, client: httpx.AsyncClient, callers: Callers
) -> None:
    await publish_editions(app, small_edition("2030", date(2030, 1, 1)))
    dry = await client.post(
        "/v1/admin/talent-list/editions",
        params={"dry_run": "true"},
        json=import_body(),
        headers=callers.staff,
    )
    assert dry.status_code == 200, dry.text
    assert (await client.get("/v1/talent-list/editions/2031", headers=callers.partner)).status_code == 404
    created = await client.post("/v1/admin/talent-list/editions", json=import_body(), headers=callers.staff)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/v1/talent-list/editions/2031"
    assert created.json()["partial"] is False

    diff = await client.get("/v1/talent-list/editions/2030/diff/2031", headers=callers.partner)
    assert diff.status_code == 200
    body = diff.json()
    assert [p["code"] for p in body["added"]] == ["ship-surveyors"]
    assert [p["code"] for p in body["removed"]] == ["fintech-professionals", "data-scientists"]
    [changed] = body["changed"]
    assert changed["code"] == "actuaries"
    assert set(changed["fields"]) == {"qualifications", "schemes"}

    in_force = await client.get("/v1/talent-list", params={"on": "2031-02-01"}, headers=callers.partner)
    assert in_force.json()["code"] == "2031"
    assert in_force.json()["in_force"] is False  # not today
    editions = (await client.get("/v1/talent-list/editions", headers=callers.partner)).json()["items"]
    assert editions[0]["superseded_on"] == "2031-01-01"

    again = await client.post("/v1/admin/talent-list/editions", json=import_body(), headers=callers.staff)
    assert again.status_code == 409  # published editions never change
    same_day = await client.post(
        "/v1/admin/talent-list/editions", json=import_body("2031-b", "2031-01-01"), headers=callers.staff
    )
    assert same_day.status_code == 409


async def test_a_bad_edition_reports_every_problem_and_changes_nothing(
    client: httpx.AsyncClient, callers: Callers
) -> None:
    body = import_body(declared_profession_count=1)
    body["professions"] += [
        {
            "code": "actuaries",
            "sector": "financial-services",
            "name": {"en": "Again", "zh-Hant": "再", "zh-Hans": "再"},
        },
        {"code": "pilots", "sector": "aviation", "name": {"en": "Pilots", "zh-Hant": "", "zh-Hans": "机师"}},
    ]
    response = await client.post("/v1/admin/talent-list/editions", json=body, headers=callers.staff)
    assert response.status_code == 422, response.text
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {
        "professions[2].code",
        "professions[3].sector",
        "professions[3].name.zh-Hant",
        "declared_profession_count",
    }
    assert (await client.get("/v1/talent-list/editions", headers=callers.partner)).json()["items"] == []
    wrong_type = await client.post(
        "/v1/admin/talent-list/editions", json=import_body(effective_from="soon"), headers=callers.staff
    )
    assert wrong_type.status_code == 422
    assert "effective_from" in wrong_type.json()["errors"][0]["field"]
    # found by schemathesis: English of only white space was a 500 (the domain holds no blank text)
    blank = await client.post(
        "/v1/admin/talent-list/editions",
        json=import_body(notes={"en": "\n", "zh-Hant": "附註", "zh-Hans": "附注"}),
        headers=callers.staff,
    )
    assert blank.status_code == 422, blank.text
    [error] = blank.json()["errors"]
    assert error["field"] == "notes.en"
    assert "white space" in error["message"]
    assert (await client.get("/v1/talent-list/editions", headers=callers.partner)).json()["items"] == []
    forbidden = await client.post(
        "/v1/admin/talent-list/editions", json=import_body(), headers=callers.partner
    )
    assert forbidden.status_code == 403


CSV_HEADER = (
    "sector_code,sector_name_en,sector_name_zh_hant,sector_name_zh_hans,"
    "profession_code,name_en,name_zh_hant,name_zh_hans,experience_en,schemes\n"
)


async def test_csv_import_good_and_bad(client: httpx.AsyncClient, callers: Callers) -> None:
    good = CSV_HEADER + (
        "financial-services,Financial services,金融服務,金融服务,"
        "actuaries,Actuaries,精算師,精算师,5 years,QMAS;GEP\n"
        'maritime,"Aviation and shipping",航空及航運,航空及航运,'
        "ship-surveyors,Ship surveyors,驗船師,验船师,,\n"
    )
    body = import_body(csv=good)
    del body["sectors"], body["professions"]
    created = await client.post("/v1/admin/talent-list/editions", json=body, headers=callers.staff)
    assert created.status_code == 201, created.text
    edition = (
        await client.get("/v1/talent-list/editions/2031", params={"lang": "all"}, headers=callers.partner)
    ).json()
    [finance, maritime] = edition["sectors"]
    assert finance["professions"][0]["experience"]["en"] == "5 years"
    assert finance["professions"][0]["schemes"] == ["QMAS", "GEP"]
    assert maritime["professions"][0]["schemes"] == ["QMAS", "GEP"]  # the edition's default

    bad = CSV_HEADER + (
        "financial-services,Financial services,金融服務,金融服务,actuaries,Actuaries,精算師,精算师,,QMAS\n"
        "financial-services,Finance,金融,金融,Bad Code,Name,名,名,,QMAS\n"
        "maritime,Shipping,航運,航运,,Ship surveyors,驗船師,验船师,,TTPX\n"
    )
    body = import_body("2032", "2032-01-01", csv=bad)
    del body["sectors"], body["professions"]
    rejected = await client.post("/v1/admin/talent-list/editions", json=body, headers=callers.staff)
    assert rejected.status_code == 422
    fields = [e["field"] for e in rejected.json()["errors"]]
    assert "csv row 3: sector_name_en" in fields  # named differently from row 2
    assert "csv row 3.code" in fields
    assert "csv row 4: profession_code" in fields
    assert "csv row 4: schemes" in fields
    assert (await client.get("/v1/talent-list/editions/2032", headers=callers.partner)).status_code == 404
