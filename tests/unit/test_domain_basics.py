from __future__ import annotations

import gc
import time
import weakref
from datetime import UTC, datetime

import pytest

from domain.errors import InvalidValue
from domain.events import zone
from domain.i18n import Language, LocalizedText
from domain.ids import new_id
from domain.partners import Partner, PartnerStatus, PartnerType


def test_new_ids_are_uuid7_and_ordered_by_creation_time() -> None:
    first = new_id()
    time.sleep(0.002)
    second = new_id()
    assert first.version == 7
    assert second.version == 7
    assert str(first) < str(second)
    assert len({new_id() for _ in range(1000)}) == 1000


def test_localized_text_falls_back_to_english_only_when_a_translation_is_missing() -> None:
    text = LocalizedText(en="Actuaries", zh_hant="精算師", zh_hans="")
    assert text.in_language(Language.ZH_HANT) == "精算師"
    assert text.in_language(Language.ZH_HANS) == "Actuaries"
    with pytest.raises(ValueError, match="English"):
        LocalizedText(en=" ", zh_hant="精算師", zh_hans="精算师")


def _partner(**changes: object) -> Partner:
    now = datetime.now(UTC)
    fields: dict[str, object] = {
        "id": new_id(),
        "code": "heto-london",
        "name": LocalizedText("London ETO", "倫敦", "伦敦"),
        "type": PartnerType.ETO,
        "country": "GB",
        "status": PartnerStatus.ACTIVE,
        "created_at": now,
        "updated_at": now,
    }
    fields.update(changes)
    return Partner(**fields)  # type: ignore[arg-type]


def test_partner_codes_and_countries_are_checked() -> None:
    assert _partner().country == "GB"
    with pytest.raises(InvalidValue) as bad_country:
        _partner(country="gbr")
    assert bad_country.value.field == "country"
    with pytest.raises(InvalidValue) as bad_code:
        _partner(code="London Office")
    assert bad_code.value.field == "code"


def test_only_hkte_itself_is_staff() -> None:
    assert _partner(type=PartnerType.HKTE, code="hkte", country="HK").is_staff
    assert not _partner().is_staff


def test_a_time_zone_once_found_is_kept_and_a_bad_name_is_refused() -> None:
    # ZoneInfo keeps only the last eight zones asked for: an event listing in more zones than that
    # read the tz database's files again for every event, unless the zone is kept
    london = weakref.ref(zone("Europe/London"))
    others = [
        "Asia/Tokyo",
        "Asia/Seoul",
        "Asia/Singapore",
        "Asia/Dubai",
        "Europe/Paris",
        "Europe/Berlin",
        "America/New_York",
        "America/Toronto",
        "Australia/Sydney",
        "Africa/Nairobi",
        "Asia/Kolkata",
    ]
    for name in others:
        zone(name)
    gc.collect()
    assert london() is not None
    assert zone("Europe/London") is london()
    for bad in ("Mars/Olympus_Mons", "../etc/passwd", ""):
        with pytest.raises(InvalidValue, match="IANA time zone"):
            zone(bad)
