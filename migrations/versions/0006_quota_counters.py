"""Request counters shared by the API processes (UNLOGGED: worthless after a crash, cheap to write).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:50:06.083466
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Grant up to `want` of what is left of a quota, atomically (the row lock orders the takers).
TAKE_FUNCTION = """
CREATE FUNCTION quota_take(k text, w bigint, want integer, lim integer, expires timestamptz)
RETURNS TABLE (granted integer, total integer) LANGUAGE plpgsql AS $$
DECLARE
    used integer;
BEGIN
    INSERT INTO quota_counters (key, "window", hits, expires_at) VALUES (k, w, 0, expires)
    ON CONFLICT DO NOTHING;
    SELECT hits INTO used FROM quota_counters WHERE key = k AND "window" = w FOR UPDATE;
    granted := greatest(0, least(want, lim - used));
    total := used + granted;
    UPDATE quota_counters SET hits = total WHERE key = k AND "window" = w;
    RETURN NEXT;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "quota_counters",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window", sa.BigInteger(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("expires_at", postgresql.TIMESTAMP(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", "window", name=op.f("pk_quota_counters")),
        prefixes=["UNLOGGED"],
    )
    op.create_index(op.f("ix_quota_counters_expires_at"), "quota_counters", ["expires_at"], unique=False)
    op.execute(TAKE_FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION quota_take(text, bigint, integer, integer, timestamptz)")
    op.drop_index(op.f("ix_quota_counters_expires_at"), table_name="quota_counters")
    op.drop_table("quota_counters")
