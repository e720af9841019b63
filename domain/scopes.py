"""OAuth scopes and who may hold them (least privilege: partners never get staff powers)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from domain.errors import InvalidValue


class Scope(StrEnum):
    TALENT_LIST_READ = "talent-list:read"
    EVENTS_READ = "events:read"
    LEADS_WRITE = "leads:write"
    LEADS_READ = "leads:read"
    WEBHOOKS_MANAGE = "webhooks:manage"
    CHANGES_READ = "changes:read"
    LEADS_REVIEW = "leads:review"
    EVENTS_WRITE = "events:write"
    TALENT_LIST_WRITE = "talent-list:write"
    CLIENTS_ADMIN = "clients:admin"
    AUDIT_READ = "audit:read"


SCOPE_DESCRIPTIONS: dict[Scope, str] = {
    Scope.TALENT_LIST_READ: "Read the Talent List editions, sectors and professions.",
    Scope.EVENTS_READ: "Read event listings and calendars.",
    Scope.LEADS_WRITE: "Submit talent leads, correct them and record consent withdrawal.",
    Scope.LEADS_READ: "Read the partner's own leads and their status.",
    Scope.WEBHOOKS_MANAGE: "Manage the partner's webhook subscriptions and see their deliveries.",
    Scope.CHANGES_READ: "Read the change feed: changes to the partner's leads, events and the Talent List.",
    Scope.LEADS_REVIEW: "HKTE staff: review leads of every partner and change their status.",
    Scope.EVENTS_WRITE: "Create and update events (partners: drafts of co-organised events).",
    Scope.TALENT_LIST_WRITE: "HKTE staff: import and publish Talent List editions.",
    Scope.CLIENTS_ADMIN: "Admins: manage partners, OAuth clients and token introspection.",
    Scope.AUDIT_READ: "Admins: read the audit log.",
}

PARTNER_SCOPES = frozenset(
    {
        Scope.TALENT_LIST_READ,
        Scope.EVENTS_READ,
        Scope.LEADS_WRITE,
        Scope.LEADS_READ,
        Scope.WEBHOOKS_MANAGE,
        Scope.CHANGES_READ,
    }
)
# `events:write` is also granted to event partners for drafts of their own co-organised events.
STAFF_SCOPES = frozenset({Scope.LEADS_REVIEW, Scope.EVENTS_WRITE, Scope.TALENT_LIST_WRITE})
ADMIN_SCOPES = frozenset({Scope.CLIENTS_ADMIN, Scope.AUDIT_READ})
EVENT_PARTNER_EXTRA = frozenset({Scope.EVENTS_WRITE})


def parse_scopes(values: Iterable[str], field: str = "scopes") -> frozenset[Scope]:
    known = {s.value for s in Scope}
    unknown = sorted(v for v in values if v not in known)
    if unknown:
        raise InvalidValue(field, f"unknown scope(s): {', '.join(unknown)}")
    return frozenset(Scope(v) for v in values)


def format_scopes(scopes: Iterable[Scope]) -> str:
    return " ".join(sorted(s.value for s in scopes))
