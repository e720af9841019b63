"""Events of one country in keyset order: a listing filtered by country walks only that country's
events instead of every published event (the filter partners use most).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 19:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_events_publication_country_starts_at_id",
        "events",
        ["publication", "country", "starts_at", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_events_publication_country_starts_at_id", table_name="events")
