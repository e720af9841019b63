"""The application state: Litestar's State, with values found by the ordinary attribute lookup."""

from __future__ import annotations

import copy

import pytest
from litestar.datastructures import State

from api.app_state import AppState


def test_values_set_either_way_are_read_either_way_and_found_without_getattr() -> None:
    state = AppState({"settings": 1})
    state.tokens = 2
    state["quotas"] = 3
    state.update({"leads": 4})

    assert (state.settings, state.tokens, state.quotas, state.leads) == (1, 2, 3, 4)
    assert dict(state) == {"settings": 1, "tokens": 2, "quotas": 3, "leads": 4} == state.dict()
    # the ordinary lookup finds them (State's __getattr__ is the slow path this class avoids)
    assert vars(state) == {"settings": 1, "tokens": 2, "quotas": 3, "leads": 4}
    assert isinstance(state, State)


def test_deleting_and_replacing_a_value_is_seen_at_once() -> None:
    state = AppState({"quotas": 1, "tokens": 2})
    state.quotas = 10  # as tests replace a service on a running app
    del state.tokens
    assert state.quotas == 10
    assert state["quotas"] == 10
    with pytest.raises(AttributeError):
        _ = state.tokens
    assert "tokens" not in state


def test_a_copy_is_an_app_state_of_its_own() -> None:
    state = AppState({"a": 1})
    other = state.copy()
    assert isinstance(other, AppState)
    assert other.a == 1
    other.b = 2
    assert other.b == 2
    assert "b" not in state
    shallow = copy.copy(state)  # Litestar's __copy__ shares the dict: so does ours, consistently
    shallow.c = 3
    assert state.c == 3
    assert vars(state) is vars(shallow)


@pytest.mark.parametrize("key", ["get", "items", "dict", "copy", "_state"])
def test_a_key_that_would_hide_a_method_is_refused(key: str) -> None:
    state = AppState()
    with pytest.raises(KeyError, match=key):
        state[key] = 1
    with pytest.raises(KeyError, match=key):
        setattr(state, key, 1)
    with pytest.raises(KeyError, match=key):
        AppState({key: 1})
    assert len(state) == 0
