"""The statements the API runs for the benchmarked requests, as captured from pg_stat_statements
(the text SQLAlchemy renders for asyncpg). The check step compares query ids with the API's, so a
change on either side is noticed."""

from __future__ import annotations

from adapters.db import clients
from adapters.db.audit import AUDIT_SQL
from adapters.db.driver_sql import DriverStatement
from adapters.db.leads import (
    KEY_GET,
    KEY_LOCK,
    KEY_PUT,
    LEAD_BY_ID,
    LEAD_INSERT,
    STATUS_CHANGE_INSERT,
    matching_sql,
)

__all__ = ["KEY_GET", "KEY_LOCK", "KEY_PUT", "LEAD_INSERT", "STATUS_CHANGE_INSERT"]

_PARTNERS = (
    "(SELECT coalesce(jsonb_agg(jsonb_build_object('id', partners.id, 'code', partners.code, "
    "'en', partners.name_en, 'zh-Hant', partners.name_zh_hant, 'zh-Hans', partners.name_zh_hans)), "
    "'[]'::jsonb) AS coalesce_1 FROM unnest(array_prepend(events.organiser_id, events.co_organiser_ids)) "
    "AS ids(id) JOIN partners ON partners.id = ids.id)"
)
_EVENTS_WHERE = (
    "FROM events WHERE events.publication = $1::VARCHAR AND events.ends_at >= $2::TIMESTAMP WITH TIME ZONE "
    "AND events.country = $3::VARCHAR AND events.sector_codes && $4::VARCHAR[] "
    "AND events.languages && $5::VARCHAR[] "
    "AND (events.starts_at, events.id) > ($6::TIMESTAMP WITH TIME ZONE, $7::UUID) "
    "ORDER BY events.starts_at, events.id LIMIT $8::INTEGER"
)
_PARTNERS_VERSION = "(SELECT partner_names.version FROM partner_names) AS partners_version"
# a page's keys (what a kept page is sent on), then, when an event is not kept, the page itself
EVENTS_KEYS = (
    f"SELECT events.id, events.starts_at, events.xmin AS version, {_PARTNERS_VERSION} {_EVENTS_WHERE}"
)
EVENTS_PAGE = (
    "SELECT events.id, events.publication, events.status, events.type, events.attendance_mode, "
    "events.title, events.summary, events.description, events.starts_at, events.ends_at, "
    "events.timezone, events.previous_starts_at, events.venue_name, events.venue_address, events.city, "
    "events.country, events.online_url, events.registration_url, events.capacity, events.languages, "
    "events.sector_codes, events.profession_codes, events.organiser_id, events.co_organiser_ids, "
    "events.sequence, events.created_by, events.created_at, events.updated_at, events.published_at, "
    f"events.xmin AS version, {_PARTNERS_VERSION}, {_PARTNERS} AS partners {_EVENTS_WHERE}"
)

# The lead statements the API runs on the driver (adapters/db/leads.py, audit.py): the same text.
LEAD = LEAD_BY_ID
AUDIT = AUDIT_SQL
LEAD_MATCHES = matching_sql(email=True, phone=False, reference=False)

# The token request's statements, as the API runs them on the driver (adapters/db/clients.py)
CREDENTIALS = DriverStatement.of(clients.CREDENTIALS).sql
CLIENT_USED = "UPDATE oauth_clients SET last_used_at=now() WHERE oauth_clients.client_id = $1::VARCHAR"

# start-up only: the signing keys and the Talent List
SIGNING_KEYS = (
    "SELECT kid, public_jwk, private_key_enc, retired_at IS NULL AS current FROM signing_keys "
    "WHERE retired_at IS NULL OR retired_at > now() - interval '24 hours' "
    "ORDER BY retired_at IS NULL DESC, created_at DESC"
)
EDITIONS = (
    "SELECT code, effective_from, announced_on, title, notes, declared_profession_count, published_at "
    "FROM talent_list_editions ORDER BY effective_from"
)
SECTORS = "SELECT edition_code, code, name, description FROM talent_list_sectors ORDER BY position"
PROFESSIONS = (
    "SELECT edition_code, code, sector_code, name, description, qualifications, experience, schemes "
    "FROM talent_list_professions ORDER BY position"
)
