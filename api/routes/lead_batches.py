"""`POST /v1/leads/batch`: up to 100 leads in one request, each answered on its own."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.exceptions import ValidationException
from litestar.openapi.datastructures import ResponseSpec
from msgspec import Meta

from api.auth import actor_of, provide_principal, requires
from api.problems import FieldError, Problem, problem_responses, problem_type
from api.routes.leads import IdempotencyKey, edition_code_for, new_lead
from api.schemas.base import ResponseBody
from api.schemas.leads import LeadCreate
from api.strict_bodies import decode_json_body, describe, integral
from domain.errors import DomainError, InvalidValue
from domain.lead_intake import LeadAlreadySubmitted, LeadIntake, NewLead
from domain.leads import Lead
from domain.principal import Principal
from domain.scopes import Scope

MAX_ITEMS = 100
_Request = Request[Any, Any, Any]


class BatchItem(ResponseBody, frozen=True, omit_defaults=True):
    index: Annotated[int, Meta(description="Position of the lead in the request.")]
    status: Annotated[int, Meta(description="201 created, or the status of `problem`.")]
    id: str | None = None
    url: str | None = None
    known_to_hkte: bool | None = None
    problem: Problem | None = None


class BatchResult(ResponseBody, frozen=True):
    created: int
    failed: int
    items: list[BatchItem]


def _item_problem(index: int, error: DomainError) -> BatchItem:
    if isinstance(error, LeadAlreadySubmitted):
        problem = Problem(
            type=problem_type("duplicate-lead"),
            title="Lead already submitted",
            status=409,
            detail=str(error),
            duplicate_of=f"/v1/leads/{error.existing}",
        )
    else:
        field = error.field if isinstance(error, InvalidValue) else "$"
        message = error.message if isinstance(error, InvalidValue) else str(error)
        problem = Problem(
            type=problem_type("validation-failed"),
            title="The lead is not valid",
            status=422,
            detail=f"Invalid value for: {field}",
            errors=[FieldError(field=field, location="body", message=message)],
        )
    return BatchItem(index=index, status=problem.status, problem=problem)


async def _items(state: State, raw: bytes) -> list[NewLead | DomainError]:
    try:
        document = decode_json_body(raw)
    except msgspec.DecodeError as exc:
        raise ValidationException(detail=f"the body is not JSON: {exc}") from None
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS or set(document) != {"items"}:
        raise ValidationException(
            detail="invalid body",
            extra=[
                {
                    "key": "items",
                    "source": "body",
                    "message": f"a list of 1 to {MAX_ITEMS} leads, and nothing else",
                }
            ],
        )
    out: list[NewLead | DomainError] = []
    for item in items:
        try:
            data = msgspec.convert(integral(item), type=LeadCreate, strict=True)
            out.append(new_lead(data, await edition_code_for(state, data.profession)))
        except msgspec.ValidationError as exc:
            field, message = describe(exc)
            out.append(InvalidValue(field or "$", message))
        except InvalidValue as exc:
            out.append(exc)
    return out


@post(
    "/v1/leads/batch",
    operation_id="submitLeadBatch",
    summary="Submit up to 100 leads at once",
    tags=["leads"],
    status_code=200,
    responses={
        200: ResponseSpec(
            BatchResult, description="One outcome per lead, in order.", generate_examples=False
        ),
        **problem_responses(400, 401, 403, 409, 422),
    },
    dependencies={"principal": provide_principal},
    **requires(Scope.LEADS_WRITE),
)
async def submit_batch(
    request: _Request, state: State, principal: NamedDependency[Principal], idempotency_key: IdempotencyKey
) -> Response[bytes]:
    """For roadshows and fairs: each lead is checked and answered on its own (its index, 201 with
    its URL, or a problem: 422 naming the bad field, 409 for a duplicate, including one earlier in
    the same batch); one bad lead does not sink the others. One `Idempotency-Key` covers the
    whole batch: a retry replays the first answer."""
    raw = await request.body()
    items = await _items(state, raw)
    intake: LeadIntake = state.leads
    base_url: str = state.settings.base_url

    def render(outcomes: list[Lead | DomainError]) -> tuple[int, bytes, dict[str, str]]:
        answers = [
            BatchItem(
                index=i,
                status=201,
                id=str(o.id),
                url=f"{base_url}/v1/leads/{o.id}",
                known_to_hkte=o.known_to_hkte,
            )
            if isinstance(o, Lead)
            else _item_problem(i, o)
            for i, o in enumerate(outcomes)
        ]
        created = sum(1 for a in answers if a.status == 201)
        body = BatchResult(created=created, failed=len(answers) - created, items=answers)
        return 200, msgspec.json.encode(body), {}

    request_hash = hashlib.sha256(msgspec.json.encode(msgspec.json.decode(raw))).digest()
    answer, replayed = await intake.submit_batch(
        principal, actor_of(principal), idempotency_key, request_hash, items, render
    )
    headers = {**answer.headers, **({"Idempotent-Replayed": "true"} if replayed else {})}
    return Response(answer.body, status_code=answer.status, media_type="application/json", headers=headers)
