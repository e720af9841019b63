"""The statements the API runs for the benchmarked requests, as captured from pg_stat_statements
(the text SQLAlchemy renders for asyncpg). The check step compares query ids with the API's, so a
change on either side is noticed."""

from __future__ import annotations

EVENTS_PAGE = (
    "SELECT events.id, events.publication, events.status, events.type, events.attendance_mode, "
    "events.title, events.summary, events.description, events.starts_at, events.ends_at, "
    "events.timezone, events.previous_starts_at, events.venue_name, events.venue_address, events.city, "
    "events.country, events.online_url, events.registration_url, events.capacity, events.languages, "
    "events.sector_codes, events.profession_codes, events.organiser_id, events.co_organiser_ids, "
    "events.sequence, events.created_by, events.created_at, events.updated_at, events.published_at, "
    "(SELECT coalesce(jsonb_agg(jsonb_build_object($1::VARCHAR, partners.id, $2::VARCHAR, partners.code, "
    "$3::VARCHAR, partners.name_en, $4::VARCHAR, partners.name_zh_hant, $5::VARCHAR, partners.name_zh_hans) "
    "ORDER BY array_position(array_prepend(events.organiser_id, events.co_organiser_ids), partners.id)), "
    "'[]'::jsonb) AS coalesce_1 FROM partners "
    "WHERE partners.id = any(array_prepend(events.organiser_id, events.co_organiser_ids))) AS partners "
    "FROM events WHERE events.publication = $6::VARCHAR AND events.ends_at >= $7::TIMESTAMP WITH TIME ZONE "
    "AND events.country IN ($13::VARCHAR) AND events.sector_codes && ARRAY[$8::VARCHAR] "
    "AND events.languages && ARRAY[$9::VARCHAR] "
    "AND (events.starts_at, events.id) > ($10::TIMESTAMP WITH TIME ZONE, $11::UUID) "
    "ORDER BY events.starts_at, events.id LIMIT $12::INTEGER"
)
PARTNER_KEYS = ("id", "code", "en", "zh-Hant", "zh-Hans")

LEAD = (
    "SELECT leads.id, leads.partner_id, leads.submitted_by, leads.status, leads.external_ref, "
    "leads.edition_code, leads.profession_code, leads.person, leads.email_key, leads.phone, leads.profile, "
    "leads.consent, leads.purposes, leads.known_to_hkte, leads.retain_until, leads.version, "
    "leads.created_at, leads.updated_at, leads.erased_at FROM leads WHERE leads.id = $1::UUID"
)

AUDIT = (
    "INSERT INTO audit_log (id, actor_client_id, actor_partner_id, action, outcome, target_type, "
    "target_id, request_id, details) VALUES ($1::UUID, $2::VARCHAR, $3::UUID, $4::VARCHAR, $5::VARCHAR, "
    "$6::VARCHAR, $7::VARCHAR, $8::VARCHAR, $9::JSONB)"
)

KEY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))"
KEY_GET = (
    "SELECT idempotency_keys.request_hash, idempotency_keys.status, idempotency_keys.body, "
    "idempotency_keys.headers FROM idempotency_keys WHERE idempotency_keys.client_id = $1::VARCHAR "
    "AND idempotency_keys.key = $2::VARCHAR AND idempotency_keys.expires_at > now()"
)
LEAD_MATCHES = (
    "SELECT leads.id, leads.partner_id, leads.external_ref FROM leads WHERE leads.email_key = $1::VARCHAR "
    "ORDER BY leads.created_at LIMIT $2::INTEGER"
)
LEAD_INSERT = (
    "INSERT INTO leads (id, partner_id, submitted_by, status, external_ref, edition_code, profession_code, "
    "person, email_key, phone, profile, consent, purposes, known_to_hkte, retain_until, created_at, "
    "updated_at) VALUES ($1::UUID, $2::UUID, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::VARCHAR, "
    "$7::VARCHAR, $8::JSONB, $9::VARCHAR, $10::VARCHAR, $11::JSONB, $12::JSONB, $13::VARCHAR(32)[], "
    "$14::BOOLEAN, $15::TIMESTAMP WITH TIME ZONE, $16::TIMESTAMP WITH TIME ZONE, "
    "$17::TIMESTAMP WITH TIME ZONE)"
)
STATUS_CHANGE_INSERT = (
    "INSERT INTO lead_status_changes (id, lead_id, from_status, to_status, reason_code, note, changed_by, "
    "changed_at) VALUES ($1::UUID, $2::UUID, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::VARCHAR, "
    "$7::VARCHAR, $8::TIMESTAMP WITH TIME ZONE)"
)
KEY_PUT = (
    "INSERT INTO idempotency_keys (client_id, key, request_hash, status, body, headers, lead_ids, "
    "expires_at) VALUES ($1::VARCHAR, $2::VARCHAR, $3::BYTEA, $4::INTEGER, $5::BYTEA, $6::JSONB, "
    "$7::UUID[], $8::TIMESTAMP WITH TIME ZONE) ON CONFLICT (client_id, key) DO UPDATE SET "
    "request_hash = $9::BYTEA, status = $10::INTEGER, body = $11::BYTEA, headers = $12::JSONB, "
    "lead_ids = $13::UUID[], created_at = now(), expires_at = $14::TIMESTAMP WITH TIME ZONE"
)

CREDENTIALS = (
    "SELECT oauth_clients.id, oauth_clients.client_id, oauth_clients.partner_id, oauth_clients.name, "
    "oauth_clients.scopes, oauth_clients.auth_methods, oauth_clients.status, oauth_clients.rate_limit_tier, "
    "oauth_clients.jwks, oauth_clients.created_at, oauth_clients.updated_at, oauth_clients.last_used_at, "
    "partners.code AS partner_code, partners.name_en AS partner_name_en, "
    "partners.name_zh_hant AS partner_name_zh_hant, partners.name_zh_hans AS partner_name_zh_hans, "
    "partners.type AS partner_type, partners.country AS partner_country, "
    "partners.status AS partner_status, partners.created_at AS partner_created_at, "
    "partners.updated_at AS partner_updated_at, "
    "(SELECT coalesce(array_agg(oauth_client_secrets.secret_hash), $1) AS coalesce_1 "
    "FROM oauth_client_secrets WHERE oauth_client_secrets.client_pk = oauth_clients.id "
    "AND (oauth_client_secrets.expires_at IS NULL OR oauth_client_secrets.expires_at > clock_timestamp())) "
    "AS secret_hashes FROM oauth_clients JOIN partners ON partners.id = oauth_clients.partner_id "
    "WHERE oauth_clients.client_id = ANY ($2::VARCHAR[])"
)
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
