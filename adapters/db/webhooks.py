"""Repositories of webhook subscriptions (signing secrets sealed at rest) and their deliveries."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.crypto import ServerKeys
from adapters.db.tables import PartnerRow
from adapters.db.webhook_tables import AttemptRow, ChangeEventRow, DeliveryRow, SubscriptionRow
from domain.changes import ChangeType
from domain.webhooks import Attempt, Delivery, DeliveryQuery, DeliveryState, Subscription

S, D, A, C = SubscriptionRow, DeliveryRow, AttemptRow, ChangeEventRow


def secret_context(subscription_id: UUID) -> str:
    return f"webhook-secret:{subscription_id}"


def subscription_of(row: SubscriptionRow) -> Subscription:
    return Subscription(
        id=row.id,
        partner_id=row.partner_id,
        url=row.url,
        event_types=tuple(ChangeType(t) for t in row.event_types),
        description=row.description,
        active=row.active,
        disabled_reason=row.disabled_reason,
        previous_secret_expires_at=row.previous_secret_expires_at,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class SqlSubscriptionStore:
    def __init__(self, session: AsyncSession, keys: ServerKeys) -> None:
        self.session = session
        self.keys = keys

    async def count(self, partner_id: UUID) -> int:
        """How many the partner has, holding its row until commit so two creations at once count
        each other (the limit holds)."""
        await self.session.execute(select(PartnerRow.id).where(PartnerRow.id == partner_id).with_for_update())
        return int(await self.session.scalar(select(func.count()).where(S.partner_id == partner_id)) or 0)

    async def add(self, subscription: Subscription, secret: bytes) -> Subscription:
        row = SubscriptionRow(
            id=subscription.id,
            partner_id=subscription.partner_id,
            url=subscription.url,
            event_types=[t.value for t in subscription.event_types],
            description=subscription.description,
            active=subscription.active,
            secret_sealed=self.keys.seal(secret, secret_context(subscription.id)),
        )
        self.session.add(row)
        await self.session.flush()
        await self.session.refresh(row)
        return subscription_of(row)

    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None:
        statement = select(S).where(S.id == subscription_id)
        if for_update:
            statement = statement.with_for_update()
        row = await self.session.scalar(statement)
        return subscription_of(row) if row is not None else None

    async def of_partner(self, partner_id: UUID) -> list[Subscription]:
        rows = await self.session.scalars(
            select(S).where(S.partner_id == partner_id).order_by(S.created_at, S.id)
        )
        return [subscription_of(row) for row in rows]

    async def _save(self, subscription_id: UUID, **values: object) -> Subscription:
        row = await self.session.scalar(
            update(S)
            .where(S.id == subscription_id)
            .values(**values, version=S.version + 1, updated_at=func.now())
            .returning(S)
        )
        assert row is not None
        return subscription_of(row)

    async def update(self, subscription: Subscription) -> Subscription:
        return await self._save(
            subscription.id,
            url=subscription.url,
            event_types=[t.value for t in subscription.event_types],
            description=subscription.description,
            active=subscription.active,
            disabled_reason=subscription.disabled_reason,
        )

    async def rotate(
        self, subscription: Subscription, secret: bytes, keep_previous_until: datetime
    ) -> Subscription:
        return await self._save(
            subscription.id,
            previous_secret_sealed=S.secret_sealed,
            previous_secret_expires_at=keep_previous_until,
            secret_sealed=self.keys.seal(secret, secret_context(subscription.id)),
        )

    async def delete(self, subscription_id: UUID) -> None:
        await self.session.execute(delete(S).where(S.id == subscription_id))


class SqlDeliveryStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _deliveries(self, where: list[object], limit: int | None = None) -> list[Delivery]:
        statement = (
            select(
                D.id,
                D.subscription_id,
                D.change_id,
                C.type,
                D.state,
                D.next_attempt_at,
                D.created_at,
                D.completed_at,
            )
            .join(C, C.id == D.change_id)
            .where(*where)  # type: ignore[arg-type]
            .order_by(D.id.desc())
        )
        if limit is not None:
            statement = statement.limit(limit)
        rows = (await self.session.execute(statement)).all()
        attempts: dict[UUID, list[Attempt]] = {row.id: [] for row in rows}
        if rows:
            found = await self.session.execute(
                select(A).where(A.delivery_id.in_(list(attempts))).order_by(A.delivery_id, A.id)
            )
            for (attempt,) in found:
                attempts[attempt.delivery_id].append(
                    Attempt(attempt.attempted_at, attempt.duration_ms, attempt.status_code, attempt.error)
                )
        return [
            Delivery(
                id=row.id,
                subscription_id=row.subscription_id,
                change_id=row.change_id,
                change_type=ChangeType(row.type),
                state=DeliveryState(row.state),
                attempts=tuple(attempts[row.id]),
                next_attempt_at=row.next_attempt_at if row.state == DeliveryState.PENDING else None,
                created_at=row.created_at,
                completed_at=row.completed_at,
            )
            for row in rows
        ]

    async def find(self, query: DeliveryQuery) -> list[Delivery]:
        where: list[object] = [D.subscription_id == query.subscription_id]
        if query.states:
            where.append(D.state.in_([s.value for s in query.states]))
        if query.before is not None:
            where.append(D.id < query.before)
        return await self._deliveries(where, query.limit)

    async def get(self, subscription_id: UUID, delivery_id: UUID) -> Delivery | None:
        found = await self._deliveries([D.subscription_id == subscription_id, D.id == delivery_id])
        return found[0] if found else None

    async def of_change(self, subscription_id: UUID, change_id: UUID) -> Delivery | None:
        found = await self._deliveries([D.subscription_id == subscription_id, D.change_id == change_id], 1)
        return found[0] if found else None

    async def again(self, delivery: Delivery) -> Delivery:
        new_id = await self.session.scalar(
            text(
                "INSERT INTO webhook_deliveries (subscription_id, change_id) "
                "VALUES (:subscription_id, :change_id) RETURNING id"
            ),
            {"subscription_id": delivery.subscription_id, "change_id": delivery.change_id},
        )
        again = await self.get(delivery.subscription_id, new_id)
        assert again is not None
        return again

    async def cancel_pending(self, subscription_id: UUID) -> int:
        result = await self.session.execute(
            update(D)
            .where(D.subscription_id == subscription_id, D.state == DeliveryState.PENDING.value)
            .values(
                state=DeliveryState.CANCELLED.value,
                completed_at=func.now(),
                leased_until=None,
                lease_owner=None,
            )
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
