"""A request body read before the framework and handed to it as it was sent, when the request
goes on there (api/fast_paths.py, api/fast_token.py)."""

from __future__ import annotations

from typing import Any


class HeldBody:
    def __init__(self, receive: Any) -> None:
        self._receive = receive
        self._held: list[dict[str, Any]] = []

    async def read(self, limit: int) -> bytes | None:
        """The whole body, or None when it is longer than `limit` or the client went away."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await self._receive()
            self._held.append(message)
            if message["type"] != "http.request":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def receive(self) -> dict[str, Any]:
        """For the framework: the messages read here first, then the rest."""
        if self._held:
            return self._held.pop(0)
        return await self._receive()  # type: ignore[no-any-return]
