"""Every request body in the document has an example, and every example is accepted by the
struct that decodes that operation's body (so examples cannot drift from the API)."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from api.openapi_examples import EXAMPLES
from api.schemas.admin import (
    ClientCreate,
    ClientUpdate,
    PartnerCreate,
    PartnerUpdate,
    PublicKeys,
    SecretRotation,
)
from api.schemas.events import EventCreate, EventPatch, MoveOnline, Reschedule
from api.schemas.leads import LeadCreate, LeadPatch, StatusChangeIn
from api.schemas.talent_list_import import EditionImport
from api.talent_list_import import edition_from_import

DOCUMENT = json.loads((Path(__file__).parents[2] / "openapi" / "openapi.json").read_text(encoding="utf-8"))
STRUCTS: dict[str, type] = {
    "createPartner": PartnerCreate,
    "updatePartner": PartnerUpdate,
    "createClient": ClientCreate,
    "updateClient": ClientUpdate,
    "rotateClientSecret": SecretRotation,
    "replaceClientKeys": PublicKeys,
    "publishTalentListEdition": EditionImport,
    "createEvent": EventCreate,
    "updateEvent": EventPatch,
    "rescheduleEvent": Reschedule,
    "moveEventOnline": MoveOnline,
    "submitLead": LeadCreate,
    "correctLead": LeadPatch,
    "changeLeadStatus": StatusChangeIn,
}


def _operations_with_bodies() -> list[tuple[str, dict[str, object]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, operations in DOCUMENT["paths"].items()
        for method, operation in operations.items()
        if isinstance(operation, dict) and "requestBody" in operation
    ]


@pytest.mark.parametrize(
    ("name", "operation"), _operations_with_bodies(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_request_body_has_an_example(name: str, operation: dict[str, object]) -> None:
    body = operation["requestBody"]
    assert isinstance(body, dict)
    for media_type, content in body["content"].items():
        assert content.get("examples"), f"{name} ({media_type}) has no example"


@pytest.mark.parametrize("operation_id", sorted(STRUCTS))
def test_each_example_decodes_with_its_request_struct(operation_id: str) -> None:
    decoded = msgspec.convert(EXAMPLES[operation_id], type=STRUCTS[operation_id], strict=False)
    if isinstance(decoded, EditionImport):
        edition_from_import(decoded)  # and passes the edition's own rules


def test_every_example_belongs_to_an_operation() -> None:
    ids = {o.get("operationId") for _, o in _operations_with_bodies()}
    assert set(EXAMPLES) <= ids
