"""`hkte worker`: delivers queued webhooks at least once.

Woken by NOTIFY hkte_webhooks when deliveries are queued (and by its own clock for retries and
as a fallback), it claims due deliveries (see queue.py), sends each signed with the
subscription's secret (and the previous one during a rotation's grace), and records the attempt:
2xx ends the delivery, 410 disables the subscription, anything else is retried with backoff
until the retry window is over. On stop it takes no new work and lets deliveries in flight end.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime

import msgspec

from adapters.crypto import ServerKeys
from adapters.db.database import Database
from adapters.db.listen import PgListener
from adapters.db.webhooks import secret_context
from adapters.webhooks.payload import message
from adapters.webhooks.queue import Claimed, DeliveryQueue
from adapters.webhooks.sender import WebhookSender
from adapters.webhooks.signing import signature_header
from domain.changes import ChangeType
from domain.webhooks import Attempt, DeliveryState, Outcome, RetryPolicy, outcome_of

CHANNEL = "hkte_webhooks"
GONE_REASON = "The endpoint answered 410 Gone; update the URL or reactivate the subscription."
log = logging.getLogger("hkte.webhooks")


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    base_url: str
    concurrency: int = 16
    poll_s: float = 2.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    retention_days: int = 30
    purge_every_s: float = 3600.0


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


class DeliveryWorker:
    def __init__(
        self,
        database: Database,
        database_url: str,
        keys: ServerKeys,
        sender: WebhookSender,
        settings: WorkerSettings,
        name: str | None = None,
    ) -> None:
        self.database = database
        self.keys = keys
        self.sender = sender
        self.settings = settings
        self.name = name or worker_name()
        # a lease outlives the longest attempt, so no other worker takes a delivery in flight
        self.queue = DeliveryQueue(database, self.name, lease_s=2 * sender.timeouts.total_s + 5)
        self.listener = PgListener(database_url, CHANNEL, self._wake, lambda _listening: self._wake())
        self._woken = asyncio.Event()
        self._in_flight: set[asyncio.Task[None]] = set()
        self._next_purge = 0.0

    def _wake(self) -> None:
        self._woken.set()

    async def run(self, stop: asyncio.Event) -> None:
        listening = asyncio.create_task(self.listener.run())
        stopping = asyncio.create_task(stop.wait())
        log.info("webhook worker %s started", self.name)
        try:
            while not stop.is_set():
                self._woken.clear()  # a notice from now on ends the next wait at once
                await self._purge_when_due()
                free = self.settings.concurrency - len(self._in_flight)
                for job in await self._claim(free) if free > 0 else []:
                    task = asyncio.create_task(self._deliver(job))
                    self._in_flight.add(task)
                    task.add_done_callback(self._finished)
                await self._idle(stopping, full=len(self._in_flight) >= self.settings.concurrency)
        finally:
            listening.cancel()
            stopping.cancel()
            if self._in_flight:
                await asyncio.wait(self._in_flight)
            log.info("webhook worker %s stopped", self.name)

    async def _purge_when_due(self) -> None:
        now = asyncio.get_running_loop().time()
        if now < self._next_purge:
            return
        self._next_purge = now + self.settings.purge_every_s
        try:
            removed = await self.queue.purge(self.settings.retention_days)
            if removed:
                log.info("forgot %d change events older than %d days", removed, self.settings.retention_days)
        except Exception as exc:
            log.warning("webhook retention purge failed: %s", type(exc).__name__)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._in_flight.discard(task)
        self._woken.set()  # a slot is free

    async def _claim(self, limit: int) -> list[Claimed]:
        try:
            return await self.queue.claim(limit)
        except Exception as exc:  # database away: wait and try again, never die
            log.warning("webhook worker could not claim deliveries: %s", type(exc).__name__)
            return []

    async def _idle(self, stopping: asyncio.Task[bool], *, full: bool) -> None:
        """Wait for a notice, a free slot, the next due retry or the poll interval, whichever is
        first (when every slot is busy, only a free slot or the poll interval)."""
        wait = self.settings.poll_s
        if not full:
            try:
                due = await self.queue.seconds_to_next()
                if due is not None:
                    wait = min(wait, due)
            except Exception:  # noqa: S110 (the poll interval is the fallback)
                pass
        woken = asyncio.create_task(self._woken.wait())
        try:
            await asyncio.wait(
                {woken, stopping}, timeout=max(wait, 0.01), return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            woken.cancel()

    def _secrets(self, job: Claimed) -> list[bytes]:
        context = secret_context(job.subscription_id)
        found = [self.keys.unseal(job.secret_sealed, context)]
        if job.previous_secret_sealed is not None:
            found.append(self.keys.unseal(job.previous_secret_sealed, context))
        return found

    async def _deliver(self, job: Claimed) -> None:
        try:
            if not job.active and job.type != ChangeType.WEBHOOK_TEST:
                # turned off while this delivery was being queued: never sent
                await self.queue.finish(job, None, DeliveryState.CANCELLED, None)
                return
            await self._attempt(job)
        except Exception as exc:
            # recorded like any failed attempt, so the retry window still ends it
            log.exception("webhook delivery %s could not be attempted", job.id)
            attempt = Attempt(datetime.now(UTC), 0, None, f"internal error: {type(exc).__name__}")
            try:
                await self._finish_failed(job, attempt)
            except Exception:
                log.warning("webhook delivery %s: outcome not recorded; its lease will run out", job.id)

    async def _finish_failed(self, job: Claimed, attempt: Attempt) -> None:
        next_at = self.settings.retry.next_attempt(
            job.attempts + 1,
            job.created_at,
            datetime.now(UTC),
            random.random(),  # noqa: S311 (jitter)
        )
        state = DeliveryState.PENDING if next_at is not None else DeliveryState.FAILED
        await self.queue.finish(job, attempt, state, next_at)

    async def _attempt(self, job: Claimed) -> None:
        body = msgspec.json.encode(
            message(
                self.settings.base_url,
                job.change_id,
                job.type,
                job.resource,
                job.resource_id,
                job.status,
                job.occurred_at,
            )
        )
        attempted_at = datetime.now(UTC)
        timestamp = int(attempted_at.timestamp())
        message_id = str(job.change_id)
        headers = {
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature_header(self._secrets(job), message_id, timestamp, body),
        }
        result = await self.sender.send(job.url, headers, body)
        attempt = Attempt(attempted_at, result.duration_ms, result.status_code, result.error)
        outcome = outcome_of(result.status_code)
        if outcome is Outcome.RETRY:
            await self._finish_failed(job, attempt)
        elif outcome is Outcome.DELIVERED:
            await self.queue.finish(job, attempt, DeliveryState.SUCCEEDED, None)
        else:
            await self.queue.finish(job, attempt, DeliveryState.FAILED, None, GONE_REASON)
        log.info(
            "webhook delivery %s attempt %d: %s",
            job.id,
            job.attempts + 1,
            result.status_code if result.status_code is not None else result.error,
        )
