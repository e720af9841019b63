"""A version of what events show of partners (code and names), raised by a trigger on every
statement that writes them, whoever runs it: listings key the events they keep rendered by it
(api/event_renders.py) and read one row for it instead of every partner.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 19:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RAISE_FUNCTION = """
CREATE FUNCTION partner_names_raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE partner_names SET version = version + 1;
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "partner_names",
        sa.Column("id", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("version", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint("id", name=op.f("ck_partner_names_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_names")),
    )
    op.execute("INSERT INTO partner_names (id, version) VALUES (true, 0)")
    op.execute(RAISE_FUNCTION)
    op.execute(
        "CREATE TRIGGER partner_names_written "
        "AFTER INSERT OR DELETE OR UPDATE OF code, name_en, name_zh_hant, name_zh_hans ON partners "
        "FOR EACH STATEMENT EXECUTE FUNCTION partner_names_raise_version()"
    )
    op.execute(
        "CREATE TRIGGER partner_names_truncated AFTER TRUNCATE ON partners "
        "FOR EACH STATEMENT EXECUTE FUNCTION partner_names_raise_version()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS partner_names_truncated ON partners")
    op.execute("DROP TRIGGER IF EXISTS partner_names_written ON partners")
    op.execute("DROP FUNCTION IF EXISTS partner_names_raise_version()")
    op.drop_table("partner_names")
