"""A realistic example for every request body, shown in /docs and by SDK generators.

A contract test decodes each example with the request struct of its operation, so an example
can never drift from what the API accepts."""

from __future__ import annotations

from typing import Any

from api.routes.talent_list_admin import EXAMPLE as EDITION

KEY = {
    "kty": "RSA",
    "kid": "trade-office-2026",
    "use": "sig",
    "alg": "RS256",
    "n": "<base64url modulus>",
    "e": "AQAB",
}
EVENT = {
    "type": "roadshow",
    "attendance_mode": "mixed",
    "title": {
        "en": "Hong Kong Talent Roadshow: London",
        "zh-Hant": "香港人才路演：倫敦",
        "zh-Hans": "香港人才路演：伦敦",
    },
    "summary": {"en": "Meet Hong Kong employers and learn about the admission schemes."},
    "starts_at": "2027-03-18T18:00:00+00:00",
    "ends_at": "2027-03-18T21:00:00+00:00",
    "timezone": "Europe/London",
    "venue": {"city": "London", "country": "GB", "name": {"en": "Guildhall"}},
    "online_url": "https://www.hkengage.gov.hk/",
    "registration_url": "https://www.hkengage.gov.hk/",
    "capacity": 300,
    "languages": ["en", "yue"],
    "sectors": ["financial-services"],
    "professions": ["actuaries"],
    "co_organisers": ["heto-london"],
}

LEAD: dict[str, Any] = {
    "person": {
        "given_name": "Mei",
        "family_name": "Chan",
        "chinese_name": "陳美",
        "email": "mei.chan@example.org",
        "phone": "+447700900123",
        "residence_country": "GB",
        "city": "London",
    },
    "profession": "actuaries",
    "years_of_experience": 8,
    "highest_qualification": "Fellow of the Institute and Faculty of Actuaries",
    "languages": ["en", "yue"],
    "interests": ["jobs", "admission_schemes"],
    "external_ref": "LDN-2026-0042",
    "consent": {
        "notice_version": "PICS-2026-01",
        "notice_language": "en",
        "purposes": ["talent_attraction", "job_matching"],
        "method": "event",
        "collected_at": "2026-11-20T15:30:00+00:00",
        "collected_by": "London ETO roadshow desk",
    },
}

# operationId → example body
EXAMPLES: dict[str, dict[str, Any]] = {
    "issueToken": {"grant_type": "client_credentials", "scope": "talent-list:read events:read"},
    "revokeToken": {"token": "<access token>", "token_type_hint": "access_token"},
    "introspectToken": {"token": "<access token>"},
    "createPartner": {
        "code": "hk-bankers-association",
        "name": {"en": "Hong Kong Bankers Association", "zh_hant": "香港銀行公會", "zh_hans": "香港银行公会"},
        "type": "industry_body",
        "country": "HK",
    },
    "updatePartner": {"status": "suspended"},
    "createClient": {
        "partner_id": "01939a2e-5b0c-7d3e-8f4a-5b6c7d8e9f00",
        "name": "London office lead intake",
        "scopes": ["talent-list:read", "events:read", "leads:write", "leads:read"],
    },
    "updateClient": {"scopes": ["talent-list:read", "events:read"], "rate_limit_tier": "elevated"},
    "rotateClientSecret": {"grace_period_seconds": 86400},
    "replaceClientKeys": {"jwks": {"keys": [KEY]}},
    "publishTalentListEdition": EDITION,
    "createEvent": EVENT,
    "updateEvent": {"capacity": 400, "registration_url": "https://www.hkengage.gov.hk/"},
    "rescheduleEvent": {"starts_at": "2027-04-22T18:00:00+01:00", "ends_at": "2027-04-22T21:00:00+01:00"},
    "moveEventOnline": {"online_url": "https://www.hkengage.gov.hk/"},
    "submitLead": LEAD,
    "submitLeadBatch": {
        "items": [
            LEAD,
            {
                **LEAD,
                "external_ref": "LDN-2026-0043",
                "person": {
                    **LEAD["person"],
                    "given_name": "Ka Ho",
                    "family_name": "Lam",
                    "chinese_name": "林家豪",
                    "email": "kaho.lam@example.org",
                    "phone": None,
                },
            },
        ]
    },
    "correctLead": {"person": {"email": "mei.chan@example.net"}, "years_of_experience": 9},
    "createWebhook": {
        "url": "https://crm.example.org/hkte/webhooks",
        "event_types": ["lead.status_changed", "lead.consent_withdrawn", "lead.erased"],
        "description": "CRM status sync",
    },
    "updateWebhook": {"event_types": ["lead.status_changed", "event.published"], "active": True},
    "rotateWebhookSecret": {"grace_period_seconds": 86400},
    "changeLeadStatus": {
        "status": "contacted",
        "reason_code": "called_by_hkte",
        "note": "Interested in QMAS.",
    },
}


def add_example(operation: dict[str, Any]) -> None:
    example = EXAMPLES.get(operation.get("operationId", ""))
    body = operation.get("requestBody")
    if example is None or body is None:
        return
    for content in body["content"].values():
        content["examples"] = {"example": {"summary": operation.get("summary", "Example"), "value": example}}
