"""The body of a webhook and of a change-feed entry: thin, never personal data."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from domain.changes import ChangeType, Resource, resource_path


class ChangedResource(msgspec.Struct, frozen=True, kw_only=True):
    resource: Resource
    id: Annotated[str, Meta(description="The resource's id (an edition's code).")]
    url: Annotated[str, Meta(description="Where to read the resource now (with your token).")]
    status: Annotated[str | None, Meta(description="Its new status (leads and events); null otherwise.")] = (
        None
    )


class ChangeMessage(msgspec.Struct, frozen=True, kw_only=True):
    """One change: the same in a webhook body and in the change feed."""

    id: Annotated[
        str, Meta(description="The event id: also the `webhook-id` header, the same on every retry.")
    ]
    type: ChangeType
    timestamp: Annotated[datetime, Meta(description="When the change was made.")]
    data: ChangedResource


def message(
    base_url: str,
    change_id: object,
    kind: str,
    resource: str,
    resource_id: str,
    status: str | None,
    occurred_at: datetime,
) -> ChangeMessage:
    where = Resource(resource)
    return ChangeMessage(
        id=str(change_id),
        type=ChangeType(kind),
        timestamp=occurred_at.astimezone(UTC),
        data=ChangedResource(
            resource=where, id=resource_id, url=base_url + resource_path(where, resource_id), status=status
        ),
    )
