"""The unit of work of the webhook use cases: subscriptions, deliveries, outbox and audit log."""

from __future__ import annotations

from datetime import timedelta

from adapters.crypto import ServerKeys
from adapters.db.audit import SqlAuditLog
from adapters.db.changes import SqlChangeLog
from adapters.db.database import Database
from adapters.db.uow import SqlUnitOfWork
from adapters.db.webhooks import SqlDeliveryStore, SqlSubscriptionStore
from domain.webhook_subscriptions import TargetGuard, WebhookSubscriptions


class SqlWebhooksUnitOfWork(SqlUnitOfWork):
    subscriptions: SqlSubscriptionStore
    deliveries: SqlDeliveryStore
    changes: SqlChangeLog
    audit: SqlAuditLog

    def __init__(self, database: Database, keys: ServerKeys) -> None:
        super().__init__(database.sessions)
        self.keys = keys

    async def __aenter__(self) -> SqlWebhooksUnitOfWork:
        await super().__aenter__()
        self.subscriptions = SqlSubscriptionStore(self.session, self.keys)
        self.deliveries = SqlDeliveryStore(self.session)
        self.changes = SqlChangeLog(self.session)
        self.audit = SqlAuditLog(self.session)
        return self


def webhook_subscriptions(
    database: Database, keys: ServerKeys, guard: TargetGuard, secret_grace: timedelta
) -> WebhookSubscriptions:
    return WebhookSubscriptions(lambda: SqlWebhooksUnitOfWork(database, keys), guard, secret_grace)
