"""Use cases of event listings: staff publish and change events; partners draft their own.

Who may do what: everyone with `events:read` sees published events; drafts are seen by staff
and by the partners who organise them; partners change only their own drafts; publishing,
cancelling and rescheduling are for HKTE staff. Every change is audited and raises `sequence`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Protocol
from uuid import UUID

from domain.audit import Actor, AuditEntry
from domain.changes import ChangeLog, event_change
from domain.errors import InvalidValue, NotAllowed, NotFound, PreconditionFailed
from domain.events import Event, EventDetails, EventQuery, EventStatus, PartnerRef, Publication
from domain.ids import new_id
from domain.ports import AuditLog
from domain.principal import Principal


class EventStore(Protocol):
    async def get(self, event_id: UUID, *, for_update: bool = False) -> Event | None: ...
    async def find(self, query: EventQuery) -> list[Event]: ...
    async def add(self, event: Event, created_by: str | None) -> Event: ...
    async def update(self, event: Event) -> Event: ...
    async def partner_refs(self, codes: list[str]) -> dict[str, PartnerRef]: ...
    async def partner_ref(self, partner_id: UUID) -> PartnerRef | None: ...


class EventsUnitOfWork(Protocol):
    @property
    def events(self) -> EventStore: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def changes(self) -> ChangeLog: ...

    async def __aenter__(self) -> EventsUnitOfWork: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    async def commit(self) -> None: ...


def can_see(principal: Principal, event: Event) -> bool:
    return (
        event.publication is Publication.PUBLISHED
        or principal.is_staff
        or principal.partner_id in event.partner_ids
    )


def _may_edit(principal: Principal, event: Event) -> None:
    if principal.is_staff:
        return
    if event.publication is Publication.PUBLISHED:
        raise NotAllowed("only HKTE staff change a published event; ask them to")


def _staff_only(principal: Principal, what: str) -> None:
    if not principal.is_staff:
        raise NotAllowed(f"only HKTE staff {what} events")


Change = Callable[[Event], Event]
Precondition = Callable[[Event], bool]


class EventListings:
    def __init__(self, unit_of_work: Callable[[], EventsUnitOfWork]) -> None:
        self.unit_of_work = unit_of_work

    async def get(self, principal: Principal, event_id: UUID) -> Event:
        async with self.unit_of_work() as uow:
            event = await uow.events.get(event_id)
        if event is None or not can_see(principal, event):
            raise NotFound("event", event_id)  # another partner's draft is as absent as a missing event
        return event

    async def partner(self, code: str) -> PartnerRef | None:
        async with self.unit_of_work() as uow:
            return (await uow.events.partner_refs([code])).get(code)

    async def find(self, query: EventQuery) -> list[Event]:
        async with self.unit_of_work() as uow:
            return await uow.events.find(query)

    async def create(
        self,
        principal: Principal,
        actor: Actor,
        details: EventDetails,
        *,
        organiser: str | None,
        co_organisers: list[str],
        draft: bool,
    ) -> Event:
        async with self.unit_of_work() as uow:
            wanted = [c for c in [organiser, *co_organisers] if c is not None]
            refs = await uow.events.partner_refs(wanted)
            unknown = sorted(set(wanted) - set(refs))
            if unknown:
                field = "organiser" if organiser in unknown else "co_organisers"
                raise InvalidValue(field, f"no partner with code {', '.join(unknown)}")
            caller = await uow.events.partner_ref(principal.partner_id)
            if caller is None:
                raise NotAllowed("the caller's partner no longer exists")
            lead = refs[organiser] if organiser else caller
            others = [refs[c] for c in dict.fromkeys(co_organisers) if refs[c].id != lead.id]
            if not principal.is_staff and caller.id not in {lead.id, *(p.id for p in others)}:
                others.append(caller)  # a partner drafts only events it co-organises
            publish = principal.is_staff and not draft
            event = Event(
                id=new_id(),
                publication=Publication.PUBLISHED if publish else Publication.DRAFT,
                status=EventStatus.SCHEDULED,
                details=details,
                organiser=lead,
                co_organisers=tuple(others),
                sequence=0,
                created_at=_now(),  # the stored event carries the database's clock
                updated_at=_now(),
                published_at=_now() if publish else None,
            )
            saved = await uow.events.add(event, actor.client_id)
            await uow.audit.record(_entry("event.created", actor, saved))
            if (published := event_change(None, saved)) is not None:
                await uow.changes.record(published)
            await uow.commit()
            return saved

    async def change(
        self,
        principal: Principal,
        actor: Actor,
        event_id: UUID,
        change: Change,
        *,
        action: str,
        staff_only: str | None = None,
        precondition: Precondition | None = None,
    ) -> Event:
        """Apply `change` to the current event under a row lock, if the client's copy is current."""
        if staff_only:
            _staff_only(principal, staff_only)
        async with self.unit_of_work() as uow:
            current = await uow.events.get(event_id, for_update=True)
            if current is None or not can_see(principal, current):
                raise NotFound("event", event_id)
            _may_edit(principal, current)
            if precondition is not None and not precondition(current):
                raise PreconditionFailed(f"event {event_id} changed since you read it; fetch it again")
            changed = change(current)
            if changed.publication is Publication.PUBLISHED and current.publication is Publication.DRAFT:
                changed = replace(changed, published_at=_now())
            saved = await uow.events.update(changed)
            await uow.audit.record(_entry(action, actor, saved))
            if (told := event_change(current, saved)) is not None:
                await uow.changes.record(told)
            await uow.commit()
            return saved


def _now() -> datetime:
    return datetime.now(UTC)


def _entry(action: str, actor: Actor, event: Event) -> AuditEntry:
    return AuditEntry(
        action=action,
        outcome="success",
        actor=actor,
        target_type="event",
        target_id=str(event.id),
        details={
            "sequence": event.sequence,
            "status": event.status.value,
            "publication": event.publication.value,
        },
    )
