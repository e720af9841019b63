"""Publishing a Talent List edition: checked in full, recorded in the audit log, then immutable."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol

from domain.audit import Actor, AuditEntry
from domain.changes import ChangeLog, edition_published
from domain.ports import AuditLog
from domain.talent_list import Edition, EditionConflict, EditionRejected, check_edition


class EditionStore(Protocol):
    async def taken(self, edition: Edition) -> str | None: ...
    async def publish(self, edition: Edition, published_by: str | None) -> None: ...


class CatalogUnitOfWork(Protocol):
    @property
    def editions(self) -> EditionStore: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def changes(self) -> ChangeLog: ...

    async def __aenter__(self) -> CatalogUnitOfWork: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    async def commit(self) -> None: ...


def validate_edition(edition: Edition) -> None:
    problems = check_edition(edition)
    if problems:
        raise EditionRejected(problems)


async def publish_edition(
    unit_of_work: Callable[[], CatalogUnitOfWork], edition: Edition, actor: Actor
) -> None:
    """Publish `edition` or change nothing: every problem is reported at once."""
    validate_edition(edition)
    async with unit_of_work() as uow:
        reason = await uow.editions.taken(edition)
        if reason is not None:
            raise EditionConflict(reason)
        await uow.editions.publish(edition, actor.client_id)
        await uow.audit.record(
            AuditEntry(
                action="talent_list.edition_published",
                outcome="success",
                actor=actor,
                target_type="talent_list_edition",
                target_id=edition.code,
                details={
                    "effective_from": edition.effective_from.isoformat(),
                    "professions": len(edition.professions),
                },
            )
        )
        await uow.changes.record(edition_published(edition.code))
        await uow.commit()
