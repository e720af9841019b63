"""Rate limits per OAuth client (by the tier admins set) and on the token endpoint (per client id
and per source address), answered with the IETF RateLimit header fields
(draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` and `RateLimit`) and, over the limit,
429 with `Retry-After`."""

from __future__ import annotations

import functools
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import HTTPException

from adapters.quotas import SharedQuotas
from domain.principal import Principal
from domain.quotas import Decision, Quota

STATE_KEY = "rate_limit"


def _policy(quota: Quota) -> str:
    return f'"{quota.policy}";q={quota.limit};w={quota.window_s}'


def _limit(decision: Decision) -> str:
    return f'"{decision.quota.policy}";r={decision.remaining};t={decision.reset_s}'


def header_fields(decision: Decision) -> dict[str, str]:
    return {"RateLimit-Policy": _policy(decision.quota), "RateLimit": _limit(decision)}


class TooManyRequests(HTTPException):
    status_code = 429
    problem_slug = "rate-limited"

    def __init__(self, decision: Decision) -> None:
        super().__init__(
            detail=f"Over the rate limit of {decision.quota.limit} requests per {decision.quota.window_s} s "
            f"for this client ({decision.quota.policy} tier); retry after {decision.reset_s} s.",
            headers={**header_fields(decision), "Retry-After": str(decision.reset_s)},
        )


async def client_decision(state: Any, principal: Principal) -> Decision:
    """Count one request against the client's quota (its tier's, as admins set it)."""
    tier = state.auth.tiers.get(principal.client_id, "standard")
    quotas: dict[str, Quota] = state.tier_quotas  # built once from the settings
    limiter: SharedQuotas = state.quotas
    return await limiter.hit(f"client:{principal.client_id}", quotas[tier])


async def enforce(connection: ASGIConnection[Any, Any, Any, Any], principal: Principal) -> None:
    """Count the request against the client's quota; 429 when it is spent. A request that
    api/fast_paths.py admitted, then handed over, was counted there already."""
    state = connection.scope.setdefault("state", {})
    if STATE_KEY in state:
        return
    decision = await client_decision(connection.app.state, principal)
    if not decision.allowed:
        raise TooManyRequests(decision)
    state[STATE_KEY] = decision


@functools.cache
def _policy_field(quota: Quota) -> tuple[bytes, bytes]:
    return b"ratelimit-policy", _policy(quota).encode()


def rate_limit_headers(decision: Decision) -> list[tuple[bytes, bytes]]:
    """The RateLimit fields a counted request's answer carries (api/request_context.py adds them;
    the policy's is the same for every answer under that quota: made once)."""
    return [_policy_field(decision.quota), (b"ratelimit", _limit(decision).encode())]
