"""Schemathesis hooks (loaded with SCHEMATHESIS_HOOKS=tests.contract.schemathesis_hooks).

The fuzzer may do anything an admin can, except to the clients and partners the test run itself
stands on: revoking its own client or suspending its own partner would turn every later case
into a 401 and hide what the run is meant to find. HKTE_FUZZ_PROTECTED lists their ids."""

from __future__ import annotations

import os
from typing import Any

import hypothesis
import schemathesis
from hypothesis import Phase

# Hypothesis's target-optimisation pass (which schemathesis feeds with its success rate) fails
# now and then inside Hypothesis itself (IndexError in its hill climbing): a crash of the tool,
# not a finding. The run keeps every other phase.
hypothesis.settings.register_profile("hkte", phases=[phase for phase in Phase if phase is not Phase.target])
hypothesis.settings.load_profile("hkte")

PROTECTED = frozenset(filter(None, os.environ.get("HKTE_FUZZ_PROTECTED", "").split(",")))


@schemathesis.hook
def filter_case(ctx: Any, case: Any) -> bool:
    values = (case.path_parameters or {}).values()
    return not any(str(value) in PROTECTED for value in values)
