"""Use cases of talent leads: submit (idempotent, duplicate-aware), read (audited), review.

Idempotency (IETF draft "The Idempotency-Key HTTP Header Field"): a key is scoped to the OAuth
client and held with a transaction-scoped lock while its request runs (another request with it
meanwhile → `RequestInFlight`); the answer is stored in the same transaction as the lead, so a
retry gets exactly that answer, and a different body under the same key → `KeyReused`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Protocol
from uuid import UUID

from domain.audit import Actor, AuditEntry
from domain.changes import Change, ChangeLog, ChangeType, Resource, lead_change
from domain.errors import DomainError, NotFound, PreconditionFailed
from domain.ids import new_id
from domain.leads import (
    Consent,
    IllegalTransition,
    Lead,
    LeadStatus,
    Person,
    Profile,
    Purpose,
    StatusChange,
    can_move,
)
from domain.ports import AuditLog
from domain.principal import Principal


class RequestInFlight(DomainError):
    def __init__(self) -> None:
        super().__init__("a request with this Idempotency-Key is still being processed; retry shortly")


class KeyReused(DomainError):
    def __init__(self) -> None:
        super().__init__("this Idempotency-Key was used with a different request body")


class LeadAlreadySubmitted(DomainError):
    def __init__(self, existing: UUID, because: str) -> None:
        super().__init__(f"this partner already submitted this {because}: lead {existing}")
        self.existing = existing


class LeadErased(DomainError):
    def __init__(self, lead_id: UUID) -> None:
        super().__init__(f"lead {lead_id} was erased: there is nothing left to correct")


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    request_hash: bytes
    status: int
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class LeadMatch:
    lead_id: UUID
    partner_id: UUID
    same_reference: bool


@dataclass(frozen=True, slots=True)
class NewLead:
    person: Person
    profile: Profile
    consent: Consent
    external_ref: str | None
    edition_code: str


@dataclass(frozen=True, slots=True)
class LeadQuery:
    partner_id: UUID | None  # None: every partner's (staff)
    statuses: tuple[LeadStatus, ...] = ()
    professions: tuple[str, ...] = ()
    submitted_from: datetime | None = None
    submitted_to: datetime | None = None
    updated_since: datetime | None = None
    after: UUID | None = None
    limit: int = 50
    # DPP3: staff state what they will use the data for; only leads consenting to it are shown
    purpose: Purpose | None = None


class LeadStore(Protocol):
    async def matching(
        self, partner_id: UUID, email_key: str | None, phone: str | None, external_ref: str | None
    ) -> list[LeadMatch]: ...
    async def add(self, lead: Lead) -> None: ...
    async def get(self, lead_id: UUID, *, for_update: bool = False) -> Lead | None: ...
    async def find(self, query: LeadQuery) -> list[Lead]: ...
    async def set_status(self, lead: Lead, change: StatusChange) -> Lead: ...
    async def add_change(self, change: StatusChange) -> None: ...
    async def history(self, lead_id: UUID) -> list[StatusChange]: ...
    async def erase(self, lead_id: UUID) -> None: ...
    async def correct(self, lead: Lead) -> Lead: ...
    async def expired(self, limit: int) -> list[tuple[UUID, UUID]]: ...
    async def by_subject(self, email_key: str | None, phone: str | None) -> list[Lead]: ...


class IdempotencyStore(Protocol):
    async def lock(self, client_id: str, key: str) -> bool: ...
    async def get(self, client_id: str, key: str) -> StoredAnswer | None: ...
    async def put(
        self, client_id: str, key: str, answer: StoredAnswer, lead_ids: list[UUID], expires_at: datetime
    ) -> None: ...
    async def forget_expired(self) -> int: ...


class LeadsUnitOfWork(Protocol):
    @property
    def leads(self) -> LeadStore: ...
    @property
    def idempotency(self) -> IdempotencyStore: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def changes(self) -> ChangeLog: ...

    async def __aenter__(self) -> LeadsUnitOfWork: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    async def commit(self) -> None: ...


class UnitsOfWork(Protocol):
    """Makes units of work. `atomic=False`: no transaction, each statement commits as it runs
    (a read and its audit entry: the entry is durable before the answer leaves, and nothing is
    answered when it fails)."""

    def __call__(self, *, atomic: bool = True) -> LeadsUnitOfWork: ...


Render = Callable[[Lead], tuple[int, bytes, dict[str, str]]]


@dataclass(frozen=True, slots=True)
class Policy:
    retention: timedelta = timedelta(days=730)  # personal data kept this long after consent
    keys_kept_for: timedelta = timedelta(hours=48)  # the draft asks for at least 24 hours


def _audit(action: str, actor: Actor, lead_ids: list[UUID], **details: object) -> AuditEntry:
    """Ids only: the audit log never holds personal data."""
    target = str(lead_ids[0]) if len(lead_ids) == 1 else None
    return AuditEntry(
        action=action,
        outcome="success",
        actor=actor,
        target_type="lead",
        target_id=target,
        details={"lead_ids": [str(i) for i in lead_ids], **details},
    )


def duplicate_among(
    matches: list[LeadMatch], partner_id: UUID, besides: UUID | None = None
) -> LeadAlreadySubmitted | None:
    """The partner's own earlier lead among `matches` (other partners' leads are no duplicate)."""
    own = [m for m in matches if m.partner_id == partner_id and m.lead_id != besides]
    if not own:
        return None
    return LeadAlreadySubmitted(own[0].lead_id, "external_ref" if own[0].same_reference else "person")


def can_read(principal: Principal, lead: Lead, staff: bool) -> bool:
    return staff or lead.partner_id == principal.partner_id


class LeadIntake:
    def __init__(self, unit_of_work: UnitsOfWork, policy: Policy | None = None) -> None:
        self.unit_of_work = unit_of_work
        self.policy = policy or Policy()

    async def submit(
        self,
        principal: Principal,
        actor: Actor,
        key: str,
        request_hash: bytes,
        make: Callable[[], Awaitable[NewLead]],
        render: Render,
    ) -> tuple[StoredAnswer, bool]:
        """The answer to send, and whether it is a replay of an earlier one. The lead is made
        from the request (`make()`, which may refuse it) only when it is not a replay: a replay
        gets the first answer even if, say, its profession has left the Talent List since."""
        async with self.unit_of_work() as uow:
            if not await uow.idempotency.lock(principal.client_id, key):
                raise RequestInFlight()
            stored = await uow.idempotency.get(principal.client_id, key)
            if stored is not None:
                if stored.request_hash != request_hash:
                    raise KeyReused()
                return stored, True
            new = await make()
            matches = await uow.leads.matching(
                principal.partner_id, new.person.email_key, new.person.phone, new.external_ref
            )
            if (duplicate := duplicate_among(matches, principal.partner_id)) is not None:
                raise duplicate
            now = datetime.now(UTC)
            # known through another partner: that is all the answer says of it
            lead = self._new(principal, new, known=bool(matches), now=now)
            await uow.leads.add(lead)
            await uow.leads.add_change(
                StatusChange(lead.id, None, LeadStatus.RECEIVED, "submitted", None, principal.client_id, now)
            )
            await uow.audit.record(_audit("lead.submitted", actor, [lead.id]))
            status, body, headers = render(lead)
            answer = StoredAnswer(request_hash, status, body, headers)
            await uow.idempotency.put(
                principal.client_id, key, answer, [lead.id], now + self.policy.keys_kept_for
            )
            await uow.commit()
            return answer, False

    async def submit_batch(
        self,
        principal: Principal,
        actor: Actor,
        key: str,
        request_hash: bytes,
        items: list[NewLead | DomainError],
        render: Callable[[list[Lead | DomainError]], tuple[int, bytes, dict[str, str]]],
    ) -> tuple[StoredAnswer, bool]:
        """Each item answered on its own: invalid ones (given as errors) and duplicates fail
        alone, the others become leads; one key and one stored answer for the whole batch."""
        async with self.unit_of_work() as uow:
            if not await uow.idempotency.lock(principal.client_id, key):
                raise RequestInFlight()
            stored = await uow.idempotency.get(principal.client_id, key)
            if stored is not None:
                if stored.request_hash != request_hash:
                    raise KeyReused()
                return stored, True
            now = datetime.now(UTC)
            outcomes: list[Lead | DomainError] = []
            created: list[UUID] = []
            seen: dict[str, UUID] = {}  # match keys of this batch's own leads
            for item in items:
                if isinstance(item, DomainError):
                    outcomes.append(item)
                    continue
                keys = [
                    k
                    for k in (
                        item.person.email_key,
                        item.person.phone,
                        item.external_ref and f"ref:{item.external_ref}",
                    )
                    if k
                ]
                earlier = next((seen[k] for k in keys if k in seen), None)
                if earlier is not None:
                    outcomes.append(
                        LeadAlreadySubmitted(earlier, "person or external_ref (earlier in this batch)")
                    )
                    continue
                matches = await uow.leads.matching(
                    principal.partner_id, item.person.email_key, item.person.phone, item.external_ref
                )
                if (duplicate := duplicate_among(matches, principal.partner_id)) is not None:
                    outcomes.append(duplicate)
                    continue
                lead = self._new(principal, item, known=bool(matches), now=now)
                await uow.leads.add(lead)
                await uow.leads.add_change(
                    StatusChange(
                        lead.id, None, LeadStatus.RECEIVED, "submitted", None, principal.client_id, now
                    )
                )
                seen.update(dict.fromkeys(keys, lead.id))
                created.append(lead.id)
                outcomes.append(lead)
            if created:
                await uow.audit.record(_audit("lead.submitted", actor, created, batch=len(items)))
            status, body, headers = render(outcomes)
            answer = StoredAnswer(request_hash, status, body, headers)
            await uow.idempotency.put(
                principal.client_id, key, answer, created, now + self.policy.keys_kept_for
            )
            await uow.commit()
            return answer, False

    def _new(self, principal: Principal, new: NewLead, *, known: bool, now: datetime) -> Lead:
        return Lead(
            id=new_id(),
            partner_id=principal.partner_id,
            submitted_by=principal.client_id,
            status=LeadStatus.RECEIVED,
            person=new.person,
            profile=new.profile,
            consent=new.consent,
            external_ref=new.external_ref,
            edition_code=new.edition_code,
            known_to_hkte=known,
            retain_until=new.consent.collected_at + self.policy.retention,
            version=1,
            created_at=now,
            updated_at=now,
        )

    async def get(self, principal: Principal, actor: Actor, lead_id: UUID, *, staff: bool) -> Lead:
        async with self.unit_of_work(atomic=False) as uow:
            lead = await uow.leads.get(lead_id)
            if lead is None or not can_read(principal, lead, staff):
                raise NotFound("lead", lead_id)  # another partner's lead is as absent as a missing one
            await uow.audit.record(_audit("lead.read", actor, [lead.id]))
            await uow.commit()
            return lead

    async def history(
        self, principal: Principal, actor: Actor, lead_id: UUID, *, staff: bool
    ) -> tuple[Lead, list[StatusChange]]:
        async with self.unit_of_work() as uow:
            lead = await uow.leads.get(lead_id)
            if lead is None or not can_read(principal, lead, staff):
                raise NotFound("lead", lead_id)
            changes = await uow.leads.history(lead_id)
            await uow.audit.record(_audit("lead.history_read", actor, [lead.id]))
            await uow.commit()
            return lead, changes

    async def find(self, actor: Actor, query: LeadQuery) -> list[Lead]:
        async with self.unit_of_work(atomic=False) as uow:
            leads = await uow.leads.find(query)
            if leads:
                purpose = query.purpose.value if query.purpose else None
                await uow.audit.record(
                    _audit("lead.listed", actor, [lead.id for lead in leads], purpose=purpose)
                )
                await uow.commit()
            return leads

    async def correct(
        self,
        principal: Principal,
        actor: Actor,
        lead_id: UUID,
        version: Callable[[Lead], bool],
        change: Callable[[Lead], Lead],
    ) -> Lead:
        """A partner corrects its own lead (DPP2 accuracy), if its copy is current (`version`)."""
        async with self.unit_of_work() as uow:
            lead = await uow.leads.get(lead_id, for_update=True)
            if lead is None or lead.partner_id != principal.partner_id:
                raise NotFound("lead", lead_id)
            if not version(lead):
                raise PreconditionFailed(f"lead {lead_id} changed since you read it; fetch it again")
            if lead.person is None:
                raise LeadErased(lead_id)
            corrected = change(lead)
            assert corrected.person is not None
            matches = await uow.leads.matching(
                principal.partner_id,
                corrected.person.email_key,
                corrected.person.phone,
                corrected.external_ref,
            )
            if (duplicate := duplicate_among(matches, principal.partner_id, besides=lead_id)) is not None:
                raise duplicate
            saved = await uow.leads.correct(corrected)
            await uow.audit.record(_audit("lead.corrected", actor, [lead.id]))
            await uow.commit()
            return saved

    async def withdraw_consent(self, principal: Principal, actor: Actor, lead_id: UUID) -> Lead:
        """The person withdrew consent (their partner tells us): status `withdrawn`, personal data
        erased everywhere, a tombstone kept. Doing it again changes nothing."""
        async with self.unit_of_work() as uow:
            lead = await uow.leads.get(lead_id, for_update=True)
            if lead is None or lead.partner_id != principal.partner_id:
                raise NotFound("lead", lead_id)
            if lead.erased_at is not None and lead.status is LeadStatus.WITHDRAWN:
                return lead
            if lead.status is not LeadStatus.WITHDRAWN:
                change = StatusChange(
                    lead.id,
                    lead.status,
                    LeadStatus.WITHDRAWN,
                    "consent_withdrawn",
                    None,
                    principal.client_id,
                    datetime.now(UTC),
                )
                await uow.leads.set_status(lead, change)
            await uow.leads.erase(lead.id)
            await uow.audit.record(_audit("lead.consent_withdrawn", actor, [lead.id]))
            tombstone = await uow.leads.get(lead.id)
            assert tombstone is not None
            await uow.changes.record(lead_change(ChangeType.LEAD_CONSENT_WITHDRAWN, tombstone))
            await uow.commit()
        return tombstone

    async def erase(self, principal: Principal, actor: Actor, lead_id: UUID, *, staff: bool) -> None:
        """Erasure on request (DPP2): the personal data goes, the tombstone and status stay."""
        async with self.unit_of_work() as uow:
            lead = await uow.leads.get(lead_id, for_update=True)
            if lead is None or not can_read(principal, lead, staff):
                raise NotFound("lead", lead_id)
            if lead.erased_at is None:
                await uow.leads.erase(lead.id)
                await uow.audit.record(_audit("lead.erased", actor, [lead.id], reason="request"))
                await uow.changes.record(lead_change(ChangeType.LEAD_ERASED, lead))
                await uow.commit()

    async def purge_expired(self, actor: Actor, batch: int = 500) -> int:
        """Erase every lead whose retention period ended; returns how many were erased."""
        erased = 0
        while True:
            async with self.unit_of_work() as uow:
                due = await uow.leads.expired(batch)
                for lead_id, partner_id in due:
                    await uow.leads.erase(lead_id)
                    await uow.changes.record(
                        Change(ChangeType.LEAD_ERASED, Resource.LEAD, str(lead_id), partner_id, None)
                    )
                if due:
                    ids = [lead_id for lead_id, _ in due]
                    await uow.audit.record(_audit("lead.erased", actor, ids, reason="retention"))
                await uow.commit()
            erased += len(due)
            if len(due) < batch:
                return erased

    async def forget_expired_keys(self) -> int:
        """Drop stored answers whose keys expired (they hold personal data they no longer need)."""
        async with self.unit_of_work() as uow:
            forgotten = await uow.idempotency.forget_expired()
            await uow.commit()
            return forgotten

    async def subject_export(
        self, actor: Actor, email: str | None, phone: str | None
    ) -> list[tuple[Lead, list[StatusChange]]]:
        """Every lead about one person, across partners, for an access request (DPP6)."""
        email_key = email.strip().casefold() if email else None
        async with self.unit_of_work() as uow:
            leads = await uow.leads.by_subject(email_key, phone)
            found = [(lead, await uow.leads.history(lead.id)) for lead in leads]
            await uow.audit.record(_audit("lead.subject_exported", actor, [lead.id for lead in leads]))
            await uow.commit()
            return found

    async def change_status(
        self, actor: Actor, lead_id: UUID, wanted: LeadStatus, reason_code: str, note: str | None
    ) -> Lead:
        """HKTE staff move a lead forward (the route requires `leads:review`)."""
        async with self.unit_of_work() as uow:
            lead = await uow.leads.get(lead_id, for_update=True)
            if lead is None:
                raise NotFound("lead", lead_id)
            if not can_move(lead.status, wanted):
                raise IllegalTransition(lead.status, wanted)
            change = StatusChange(
                lead.id, lead.status, wanted, reason_code, note, actor.client_id or "", datetime.now(UTC)
            )
            saved = await uow.leads.set_status(lead, change)
            await uow.audit.record(
                _audit("lead.status_changed", actor, [lead.id], to=wanted.value, reason=reason_code)
            )
            await uow.changes.record(lead_change(ChangeType.LEAD_STATUS_CHANGED, saved))
            await uow.commit()
            return saved
