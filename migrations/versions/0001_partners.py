"""Partners: the organisations in HKTE's network.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TYPES = (
    "eto",
    "mainland_office",
    "industry_body",
    "official_partner",
    "service_partner",
    "event_partner",
    "gov_counterpart",
    "hkte",
)


def upgrade() -> None:
    op.create_table(
        "partners",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(63), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_zh_hant", sa.Text(), nullable=False),
        sa.Column("name_zh_hans", sa.Text(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("status", sa.String(16), server_default="active", nullable=False),
        sa.Column(
            "created_at", postgresql.TIMESTAMP(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", postgresql.TIMESTAMP(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint(f"type IN ({', '.join(repr(t) for t in TYPES)})", name="ck_partners_type"),
        sa.CheckConstraint("status IN ('active', 'suspended')", name="ck_partners_status"),
        sa.CheckConstraint("country ~ '^[A-Z]{2}$'", name="ck_partners_country"),
        sa.CheckConstraint("code ~ '^[a-z0-9][a-z0-9-]{1,62}$'", name="ck_partners_code"),
        sa.PrimaryKeyConstraint("id", name="pk_partners"),
        sa.UniqueConstraint("code", name="uq_partners_code"),
    )


def downgrade() -> None:
    op.drop_table("partners")
