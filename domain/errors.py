"""Errors named for facts of the domain. They never mention HTTP: api/errors.py maps them."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a use case raises on purpose."""


class NotFound(DomainError):
    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"{kind} {key} does not exist")
        self.kind = kind
        self.key = key


class InvalidValue(DomainError):
    """A value breaks a rule of the domain (the field it concerns is named)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotAllowed(DomainError):
    """The caller may see the thing but not do this to it."""


class PreconditionFailed(DomainError):
    """The client's copy (If-Match) is not the current one."""
