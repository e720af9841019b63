"""A spy on a shortcut taken before the framework: whether it answered each request it was asked,
and a switch to go around it (the framework then answers, for a test to compare both)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass
class FastPath:
    answered: list[bool] = field(default_factory=list)
    enabled: bool = True


def spy_on(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, asked: Callable[[dict[str, Any]], bool]
) -> FastPath:
    """Replace `module.name` (an ASGI-like `(state, scope, receive, send)` shortcut returning None
    when it answered) by a spy recording, for each request `asked` selects, whether it answered."""
    path = FastPath()
    real: Callable[..., Awaitable[Any]] = getattr(module, name)

    async def spy(state: Any, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if not path.enabled:
            return receive
        handed_over = await real(state, scope, receive, send)
        if asked(scope):
            path.answered.append(handed_over is None)
        return handed_over

    monkeypatch.setattr(module, name, spy)
    return path
