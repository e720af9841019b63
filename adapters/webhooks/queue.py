"""The delivery queue is the `webhook_deliveries` table itself.

Why not a job library: the delivery row is what partners read back (attempts, answers, next
retry) and what redelivery copies; it is written by the outbox statement in the transaction of
the change. A job library keeps its own job table, so every delivery would live twice and the
outbox would have to write both (pgqueuer and procrastinate each bring their own driver and
schema). The claim is the well-known PostgreSQL pattern in one statement: `FOR UPDATE SKIP
LOCKED` picks due rows no other worker holds, and a lease (`leased_until`, `lease_owner`) keeps
them out of other workers' hands while the HTTP call runs outside any transaction. A worker that
dies leaves a lease that expires, and the delivery is attempted again (at least once).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import text

from adapters.db.audit import SqlAuditLog
from adapters.db.database import Database
from domain.audit import Actor, AuditEntry
from domain.webhooks import Attempt, DeliveryState

# Due deliveries no other worker holds, at most PER_SUBSCRIPTION in flight per endpoint (so one
# slow endpoint cannot take every worker's slots). Each claim gets its own lease token: only the
# attempt that holds the current lease may record the outcome.
CLAIM = text(
    """
    WITH picked AS (
        SELECT d.id FROM webhook_deliveries d
        WHERE d.state = 'pending' AND d.next_attempt_at <= now()
          AND (d.leased_until IS NULL OR d.leased_until < now())
          AND (
              SELECT count(*) FROM webhook_deliveries busy
              WHERE busy.subscription_id = d.subscription_id AND busy.leased_until > now()
          ) < :per_subscription
        ORDER BY d.next_attempt_at
        LIMIT :limit
        FOR UPDATE SKIP LOCKED
    )
    UPDATE webhook_deliveries d
    SET leased_until = now() + make_interval(secs => :lease_s), lease_owner = :lease
    FROM picked, change_events c, webhook_subscriptions s
    WHERE d.id = picked.id AND c.id = d.change_id AND s.id = d.subscription_id
    RETURNING d.id, d.attempts, d.created_at, d.subscription_id, s.url, s.secret_sealed, s.active,
        CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_sealed END AS previous_secret,
        c.id AS change_id, c.type, c.resource, c.resource_id, c.status, c.occurred_at
    """
)
PER_SUBSCRIPTION = 4

NEXT_DUE = text(
    """
    SELECT extract(epoch FROM least(
        (SELECT next_attempt_at FROM webhook_deliveries
         WHERE state = 'pending' AND leased_until IS NULL ORDER BY next_attempt_at LIMIT 1),
        (SELECT leased_until FROM webhook_deliveries
         WHERE state = 'pending' AND leased_until IS NOT NULL ORDER BY leased_until LIMIT 1)
    ) - now())
    """
)

RECORD_ATTEMPT = text(
    """
    INSERT INTO webhook_attempts (delivery_id, attempted_at, duration_ms, status_code, error, worker)
    SELECT id, :attempted_at, :duration_ms, :status_code, :error, :worker
    FROM webhook_deliveries WHERE id = :id AND lease_owner = :lease AND state = 'pending'
    """
)

FINISH = text(
    """
    UPDATE webhook_deliveries
    SET attempts = attempts + CAST(:attempted AS integer), state = CAST(:state AS varchar),
        next_attempt_at = :next_attempt_at,
        completed_at = CASE WHEN CAST(:state AS varchar) = 'pending' THEN NULL ELSE now() END,
        leased_until = NULL, lease_owner = NULL
    WHERE id = :id AND lease_owner = :lease AND state = 'pending'
    """
)

DISABLE = text(
    """
    WITH off AS (
        UPDATE webhook_subscriptions
        SET active = false, disabled_reason = :reason, version = version + 1, updated_at = now()
        WHERE id = :subscription_id AND active
        RETURNING id
    ),
    cancelled AS (
        UPDATE webhook_deliveries
        SET state = 'cancelled', completed_at = now(), leased_until = NULL, lease_owner = NULL
        WHERE subscription_id IN (SELECT id FROM off) AND state = 'pending' AND id <> :id
    )
    SELECT count(*) FROM off
    """
)

# Retention, in batches (each under the statement timeout), by one worker at a time: deliveries
# that ended, then change events no delivery still needs. The feed remembers how far it was
# purged (its horizon), so a cursor from before is told (410) instead of silently skipping.
PURGE_LOCK = text("SELECT pg_try_advisory_xact_lock(hashtext('hkte-webhook-retention'))")
PURGE_DELIVERIES = text(
    """
    DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE state <> 'pending' AND created_at < now() - make_interval(days => :days)
        LIMIT :batch
    )
    """
)
PURGE_EVENTS = text(
    """
    WITH gone AS (
        DELETE FROM change_events WHERE id IN (
            SELECT c.id FROM change_events c
            WHERE c.occurred_at < now() - make_interval(days => :days)
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.change_id = c.id)
            ORDER BY c.txid, c.position
            LIMIT :batch
        )
        RETURNING txid, position
    ),
    last AS (SELECT txid, position FROM gone ORDER BY txid DESC, position DESC LIMIT 1)
    UPDATE change_feed_horizon h SET txid = last.txid, position = last.position
    FROM last WHERE (last.txid, last.position) > (h.txid, h.position)
    RETURNING (SELECT count(*) FROM gone)
    """
)
PURGE_BATCH = 5000


@dataclass(frozen=True, slots=True)
class Claimed:
    lease: str  # the token of this claim: finishing needs it
    id: UUID
    attempts: int  # made before this one
    created_at: datetime
    subscription_id: UUID
    url: str
    active: bool
    secret_sealed: bytes
    previous_secret_sealed: bytes | None
    change_id: UUID
    type: str
    resource: str
    resource_id: str
    status: str | None
    occurred_at: datetime


class DeliveryQueue:
    def __init__(self, database: Database, owner: str, lease_s: float) -> None:
        self.database = database
        self.owner = owner
        self.lease_s = lease_s

    async def claim(self, limit: int) -> list[Claimed]:
        lease = f"{self.owner[:40]}/{secrets.token_hex(6)}"
        async with self.database.session() as session, session.begin():
            rows = await session.execute(
                CLAIM,
                {
                    "limit": limit,
                    "lease_s": self.lease_s,
                    "lease": lease,
                    "per_subscription": PER_SUBSCRIPTION,
                },
            )
            return [
                Claimed(
                    lease=lease,
                    id=r.id,
                    attempts=r.attempts,
                    created_at=r.created_at,
                    subscription_id=r.subscription_id,
                    url=r.url,
                    active=r.active,
                    secret_sealed=r.secret_sealed,
                    previous_secret_sealed=r.previous_secret,
                    change_id=r.change_id,
                    type=r.type,
                    resource=r.resource,
                    resource_id=r.resource_id,
                    status=r.status,
                    occurred_at=r.occurred_at,
                )
                for r in rows
            ]

    async def purge(self, days: int) -> int:
        """Forget deliveries and change events older than `days`, batch by batch, unless another
        worker is at it; returns the change events removed."""
        removed = 0
        for statement in (PURGE_DELIVERIES, PURGE_EVENTS):
            while True:
                async with self.database.session() as session, session.begin():
                    if not await session.scalar(PURGE_LOCK):
                        return removed
                    result = await session.execute(statement, {"days": days, "batch": PURGE_BATCH})
                    count = (
                        int(result.rowcount)  # type: ignore[attr-defined]
                        if statement is PURGE_DELIVERIES
                        else int(result.scalar() or 0)
                    )
                if statement is PURGE_EVENTS:
                    removed += count
                if count < PURGE_BATCH:
                    break
        return removed

    async def seconds_to_next(self) -> float | None:
        async with self.database.session() as session:
            value = await session.scalar(NEXT_DUE)
        return None if value is None else max(float(value), 0.0)

    async def finish(
        self,
        job: Claimed,
        attempt: Attempt | None,
        state: DeliveryState,
        next_attempt_at: datetime | None,
        disable_reason: str | None = None,
    ) -> bool:
        """Record the attempt (if one was made) and the delivery's new state. False when the
        claim no longer holds (the lease ran out and another claim took it, or the delivery was
        cancelled meanwhile): then nothing is recorded and a cancellation stays."""
        async with self.database.session() as session, session.begin():
            if attempt is not None:
                await session.execute(
                    RECORD_ATTEMPT,
                    {
                        "id": job.id,
                        "lease": job.lease,
                        "attempted_at": attempt.attempted_at,
                        "duration_ms": attempt.duration_ms,
                        "status_code": attempt.status_code,
                        "error": attempt.error,
                        "worker": self.owner[:64],
                    },
                )
            result = await session.execute(
                FINISH,
                {
                    "id": job.id,
                    "lease": job.lease,
                    "attempted": 0 if attempt is None else 1,
                    "state": state.value,
                    "next_attempt_at": next_attempt_at,
                },
            )
            held = bool(result.rowcount)  # type: ignore[attr-defined]
            if held and disable_reason is not None:
                turned_off = await session.scalar(
                    DISABLE, {"subscription_id": job.subscription_id, "id": job.id, "reason": disable_reason}
                )
                if turned_off:
                    await SqlAuditLog(session).record(
                        AuditEntry(
                            action="webhook.disabled",
                            outcome="success",
                            actor=Actor.operator("webhook-worker"),
                            target_type="webhook_subscription",
                            target_id=str(job.subscription_id),
                            details={"reason": disable_reason},
                        )
                    )
            return held
