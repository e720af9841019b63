"""Request counters shared by every API process: one row per caller and window.

UNLOGGED: counters are worth nothing after a crash (the window is a minute), and skipping the
write-ahead log keeps the frequent upserts cheap."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from adapters.db.tables import Base


class QuotaCounterRow(Base):
    __tablename__ = "quota_counters"
    __table_args__ = {"prefixes": ["UNLOGGED"]}  # noqa: RUF012

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hits: Mapped[int] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column(index=True)
