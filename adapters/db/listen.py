"""LISTEN on a dedicated connection that outlives database restarts: reconnects with backoff,
and pings so a server that vanished is noticed even when no notice comes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger("hkte.listen")


def driver_dsn(url: str) -> str:
    """The asyncpg form of a SQLAlchemy or libpq URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PgListener:
    def __init__(
        self,
        url: str,
        channel: str,
        on_notice: Callable[[], None],
        on_state: Callable[[bool], None] = lambda listening: None,
        *,
        ping_every_s: float = 15.0,
    ) -> None:
        self.dsn = driver_dsn(url)
        self.channel = channel
        self.on_notice = on_notice
        self.on_state = on_state  # True once listening (catch up then), False when the connection is lost
        self.ping_every_s = ping_every_s

    def _notified(self, *_: object) -> None:
        self.on_notice()

    async def run(self) -> None:
        backoff, listening = 0.5, False
        while True:
            connection = None
            try:
                connection = await asyncpg.connect(
                    self.dsn, timeout=5, server_settings={"application_name": f"hkte-listen-{self.channel}"}
                )
                await connection.add_listener(self.channel, self._notified)
                listening, backoff = True, 0.5
                self.on_state(True)
                while True:
                    await asyncio.sleep(self.ping_every_s)
                    await asyncio.wait_for(connection.execute("SELECT 1"), timeout=5)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if listening:
                    log.warning("listener on %s lost its connection: %s", self.channel, type(exc).__name__)
                listening = False
                self.on_state(False)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)
            finally:
                if connection is not None:
                    connection.terminate()
