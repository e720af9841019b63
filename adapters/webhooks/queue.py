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

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import text

from adapters.db.audit import SqlAuditLog
from adapters.db.database import Database
from domain.audit import Actor, AuditEntry
from domain.webhooks import Attempt, DeliveryState

CLAIM = text(
    """
    WITH picked AS (
        SELECT id FROM webhook_deliveries
        WHERE state = 'pending' AND next_attempt_at <= now()
          AND (leased_until IS NULL OR leased_until < now())
        ORDER BY next_attempt_at
        LIMIT :limit
        FOR UPDATE SKIP LOCKED
    )
    UPDATE webhook_deliveries d
    SET leased_until = now() + make_interval(secs => :lease_s), lease_owner = :owner
    FROM picked, change_events c, webhook_subscriptions s
    WHERE d.id = picked.id AND c.id = d.change_id AND s.id = d.subscription_id
    RETURNING d.id, d.attempts, d.created_at, d.subscription_id, s.url, s.secret_sealed,
        CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_sealed END AS previous_secret,
        c.id AS change_id, c.type, c.resource, c.resource_id, c.status, c.occurred_at, now() AS claimed_at
    """
)

NEXT_DUE = text(
    """
    SELECT extract(epoch FROM min(greatest(next_attempt_at, coalesce(leased_until, next_attempt_at))) - now())
    FROM webhook_deliveries WHERE state = 'pending'
    """
)

RECORD_ATTEMPT = text(
    """
    INSERT INTO webhook_attempts (delivery_id, attempted_at, duration_ms, status_code, error, worker)
    SELECT id, :attempted_at, :duration_ms, :status_code, :error, :worker
    FROM webhook_deliveries WHERE id = :id
    """
)

FINISH = text(
    """
    UPDATE webhook_deliveries
    SET attempts = attempts + 1, state = CAST(:state AS varchar), next_attempt_at = :next_attempt_at,
        completed_at = CASE WHEN CAST(:state AS varchar) = 'pending' THEN NULL ELSE now() END,
        leased_until = NULL, lease_owner = NULL
    WHERE id = :id AND lease_owner = :owner
    """
)

DISABLE = text(
    """
    WITH off AS (
        UPDATE webhook_subscriptions
        SET active = false, disabled_reason = :reason, version = version + 1, updated_at = now()
        WHERE id = :subscription_id AND active
        RETURNING id
    )
    UPDATE webhook_deliveries SET state = 'cancelled', completed_at = now(), leased_until = NULL
    WHERE subscription_id IN (SELECT id FROM off) AND state = 'pending' AND id <> :id
    """
)


# Deliveries that ended, and change events no delivery still needs, go after the retention
# period: the change feed and the delivery log reach that far back (documented in the README).
PURGE = text(
    """
    WITH gone AS (
        DELETE FROM webhook_deliveries
        WHERE state <> 'pending' AND created_at < now() - make_interval(days => :days)
    )
    DELETE FROM change_events c
    WHERE c.occurred_at < now() - make_interval(days => :days)
      AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries d
          WHERE d.change_id = c.id
            AND (d.state = 'pending' OR d.created_at >= now() - make_interval(days => :days))
      )
    """
)


@dataclass(frozen=True, slots=True)
class Claimed:
    id: UUID
    attempts: int  # made before this one
    created_at: datetime
    claimed_at: datetime
    subscription_id: UUID
    url: str
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
        async with self.database.session() as session, session.begin():
            rows = await session.execute(
                CLAIM, {"limit": limit, "lease_s": self.lease_s, "owner": self.owner}
            )
            return [
                Claimed(
                    id=r.id,
                    attempts=r.attempts,
                    created_at=r.created_at,
                    claimed_at=r.claimed_at,
                    subscription_id=r.subscription_id,
                    url=r.url,
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
        """Forget deliveries and change events older than `days`; returns the events removed."""
        async with self.database.session() as session, session.begin():
            result = await session.execute(PURGE, {"days": days})
            return int(result.rowcount)  # type: ignore[attr-defined]

    async def seconds_to_next(self) -> float | None:
        async with self.database.session() as session:
            value = await session.scalar(NEXT_DUE)
        return None if value is None else max(float(value), 0.0)

    async def finish(
        self,
        job: Claimed,
        attempt: Attempt,
        state: DeliveryState,
        next_attempt_at: datetime | None,
        disable_reason: str | None = None,
    ) -> bool:
        """Record the attempt and the delivery's new state; False if the lease was lost meanwhile
        (another worker owns the delivery now, and records its own attempt)."""
        async with self.database.session() as session, session.begin():
            await session.execute(
                RECORD_ATTEMPT,
                {
                    "id": job.id,
                    "attempted_at": attempt.attempted_at,
                    "duration_ms": attempt.duration_ms,
                    "status_code": attempt.status_code,
                    "error": attempt.error,
                    "worker": self.owner,
                },
            )
            result = await session.execute(
                FINISH,
                {"id": job.id, "owner": self.owner, "state": state.value, "next_attempt_at": next_attempt_at},
            )
            if disable_reason is not None:
                await session.execute(
                    DISABLE, {"subscription_id": job.subscription_id, "id": job.id, "reason": disable_reason}
                )
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
            return bool(result.rowcount)  # type: ignore[attr-defined]
