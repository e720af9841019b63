"""Reference data: HKTE and the Government's offices that form the core of its partner network.

Public facts (shared/reference/talent-list.md): 14 overseas Economic and Trade Offices and
5 Mainland offices, with dedicated teams for attracting businesses and talents.
"""

from __future__ import annotations

from typing import NamedTuple


class Office(NamedTuple):
    code: str
    type: str
    country: str
    en: str
    zh_hant: str
    zh_hans: str


def _eto(city_code: str, country: str, city_en: str, city_hant: str, city_hans: str) -> Office:
    return Office(
        f"heto-{city_code}",
        "eto",
        country,
        f"Hong Kong Economic and Trade Office, {city_en}",
        f"香港駐{city_hant}經濟貿易辦事處",
        f"香港驻{city_hans}经济贸易办事处",
    )


def _mainland(city_code: str, en: str, hant: str, hans: str) -> Office:
    return Office(f"hkmo-{city_code}", "mainland_office", "CN", en, hant, hans)


OFFICES: tuple[Office, ...] = (
    Office("hkte", "hkte", "HK", "Hong Kong Talent Engage", "香港人才服務辦公室", "香港人才服务办公室"),
    _eto("bangkok", "TH", "Bangkok", "曼谷", "曼谷"),
    _eto("berlin", "DE", "Berlin", "柏林", "柏林"),
    _eto("brussels", "BE", "Brussels", "布魯塞爾", "布鲁塞尔"),
    _eto("dubai", "AE", "Dubai", "迪拜", "迪拜"),
    _eto("geneva", "CH", "Geneva", "日內瓦", "日内瓦"),
    _eto("jakarta", "ID", "Jakarta", "雅加達", "雅加达"),
    _eto("london", "GB", "London", "倫敦", "伦敦"),
    _eto("new-york", "US", "New York", "紐約", "纽约"),
    _eto("san-francisco", "US", "San Francisco", "三藩市", "三藩市"),
    _eto("singapore", "SG", "Singapore", "新加坡", "新加坡"),
    _eto("sydney", "AU", "Sydney", "悉尼", "悉尼"),
    _eto("tokyo", "JP", "Tokyo", "東京", "东京"),
    _eto("toronto", "CA", "Toronto", "多倫多", "多伦多"),
    _eto("washington", "US", "Washington, D.C.", "華盛頓", "华盛顿"),
    _mainland(
        "beijing",
        "Office of the Government of the HKSAR in Beijing",
        "香港特別行政區政府駐北京辦事處",
        "香港特别行政区政府驻北京办事处",
    ),
    _mainland(
        "guangdong",
        "Hong Kong Economic and Trade Office in Guangdong",
        "香港特別行政區政府駐粵經濟貿易辦事處",
        "香港特别行政区政府驻粤经济贸易办事处",
    ),
    _mainland(
        "shanghai",
        "Hong Kong Economic and Trade Office in Shanghai",
        "香港特別行政區政府駐上海經濟貿易辦事處",
        "香港特别行政区政府驻上海经济贸易办事处",
    ),
    _mainland(
        "chengdu",
        "Hong Kong Economic and Trade Office in Chengdu",
        "香港特別行政區政府駐成都經濟貿易辦事處",
        "香港特别行政区政府驻成都经济贸易办事处",
    ),
    _mainland(
        "wuhan",
        "Hong Kong Economic and Trade Office in Wuhan",
        "香港特別行政區政府駐武漢經濟貿易辦事處",
        "香港特别行政区政府驻武汉经济贸易办事处",
    ),
)
