"""The application's state (`app.state`), read at the speed of a plain attribute.

Litestar's `State` keeps its values in a dict and answers `state.tokens` from `__getattr__`, which
Python calls only after the ordinary lookup has failed: an AttributeError made and dropped, about
0.5 µs a read. The hot paths read it four to eight times a request (the token verifier, the
quotas, the catalog cache, the settings), which was a tenth of what the Talent List costs us in
Python. Here the instance's own `__dict__` is that same dict, so the ordinary lookup finds the
value at once. Everything else is `State`'s: setting, deleting and the mapping methods write the
one dict, so a value set either way (`state.x = ...`, `state["x"] = ...`) is read either way.

A key may not be the name of one of the class's attributes (`get`, `dict`, ...): in `__dict__`
it would hide the method, so it is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from litestar.datastructures import ImmutableState, State


class AppState(State):
    def __init__(
        self,
        state: ImmutableState | Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
        deep_copy: bool = False,
    ) -> None:
        super().__init__(state, deep_copy=deep_copy)
        for key in self._state:
            _check(key)
        object.__setattr__(self, "__dict__", self._state)

    def __setattr__(self, key: str, value: Any) -> None:
        _check(key)
        super().__setattr__(key, value)

    def __setitem__(self, key: str, value: Any) -> None:
        _check(key)
        super().__setitem__(key, value)


def _check(key: str) -> None:
    if hasattr(AppState, key):
        raise KeyError(f"{key!r} names an attribute of the application state; choose another key")
