"""Every table of the service in one metadata (what Alembic and the drift test compare)."""

from __future__ import annotations

from adapters.db import catalog_tables, lead_tables, quota_tables, tables, webhook_tables

metadata = tables.Base.metadata
__all__ = ["catalog_tables", "lead_tables", "metadata", "quota_tables", "webhook_tables"]
