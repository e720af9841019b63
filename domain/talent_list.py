"""The Talent List: dated editions of sectors and professions, each with stable codes.

An edition is published once and never changes afterwards; a new list is a new edition. The
edition in force on a day is the one with the latest `effective_from` not after that day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from domain.errors import DomainError
from domain.i18n import LocalizedText

CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
EDITION_CODE = re.compile(r"^[0-9]{4}(-[a-z0-9]{1,20})?$")


class AdmissionScheme(StrEnum):
    """Admission schemes the Talent List applies to (codes as the Immigration Department uses)."""

    QMAS = "QMAS"  # Quality Migrant Admission Scheme
    GEP = "GEP"  # General Employment Policy
    ASMTP = "ASMTP"  # Admission Scheme for Mainland Talents and Professionals
    TTPS = "TTPS"  # Top Talent Pass Scheme
    TECHTAS = "TECHTAS"  # Technology Talent Admission Scheme
    IANG = "IANG"  # Immigration Arrangements for Non-local Graduates


@dataclass(frozen=True, slots=True)
class Sector:
    code: str
    name: LocalizedText
    description: LocalizedText | None = None


@dataclass(frozen=True, slots=True)
class Profession:
    code: str
    sector_code: str
    name: LocalizedText
    description: LocalizedText | None = None
    qualifications: LocalizedText | None = None  # specification: qualifications asked for
    experience: LocalizedText | None = None  # specification: experience asked for
    schemes: tuple[AdmissionScheme, ...] = ()

    def differs_from(self, other: Profession) -> tuple[str, ...]:
        """Names of the fields that changed from `other` (the same profession in another edition)."""
        fields = ("sector_code", "name", "description", "qualifications", "experience", "schemes")
        return tuple(f for f in fields if getattr(self, f) != getattr(other, f))

    def matches(self, needle: str) -> bool:
        """Case-insensitive search in every language of the name and description."""
        texts = [self.code, *_texts(self.name), *_texts(self.description)]
        return any(needle in t.casefold() for t in texts)


def _texts(text: LocalizedText | None) -> list[str]:
    return [] if text is None else [text.en.casefold(), text.zh_hant.casefold(), text.zh_hans.casefold()]


@dataclass(frozen=True, slots=True)
class Edition:
    code: str
    effective_from: date
    title: LocalizedText
    sectors: tuple[Sector, ...]
    professions: tuple[Profession, ...]
    announced_on: date | None = None
    # How many professions the official edition has; more than we hold means our copy is partial.
    declared_profession_count: int | None = None
    notes: LocalizedText | None = None
    published_at: datetime | None = None
    _by_code: dict[str, Profession] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {p.code: p for p in self.professions})

    @property
    def is_partial(self) -> bool:
        declared = self.declared_profession_count
        return declared is not None and declared > len(self.professions)

    def profession(self, code: str) -> Profession | None:
        return self._by_code.get(code)

    def professions_in(self, sector_code: str) -> list[Profession]:
        return [p for p in self.professions if p.sector_code == sector_code]


def edition_in_force(editions: Sequence[Edition], day: date) -> Edition | None:
    """The edition with the latest `effective_from` on or before `day` (None before the first)."""
    best: Edition | None = None
    for edition in editions:
        if edition.effective_from <= day and (best is None or edition.effective_from > best.effective_from):
            best = edition
    return best


@dataclass(frozen=True, slots=True)
class KnownCodes:
    """Every sector and profession code of any edition, and each sector's professions (in any
    edition): what filters and references to the Talent List are checked against."""

    sectors: frozenset[str]
    professions: frozenset[str]
    by_sector: dict[str, frozenset[str]]

    @classmethod
    def of(cls, editions: Iterable[Edition]) -> KnownCodes:
        by_sector: dict[str, set[str]] = {}
        for edition in editions:
            for sector in edition.sectors:
                by_sector.setdefault(sector.code, set())
            for profession in edition.professions:
                by_sector.setdefault(profession.sector_code, set()).add(profession.code)
        return cls(
            sectors=frozenset(by_sector),
            professions=frozenset(code for codes in by_sector.values() for code in codes),
            by_sector={sector: frozenset(codes) for sector, codes in by_sector.items()},
        )


@dataclass(frozen=True, slots=True)
class ProfessionChange:
    code: str
    before: Profession
    after: Profession
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EditionDiff:
    base: Edition
    target: Edition
    added: tuple[Profession, ...]
    removed: tuple[Profession, ...]
    changed: tuple[ProfessionChange, ...]


def diff_editions(base: Edition, target: Edition) -> EditionDiff:
    """Professions added, removed and changed going from `base` to `target` (matched by code)."""
    added = tuple(p for p in target.professions if base.profession(p.code) is None)
    removed = tuple(p for p in base.professions if target.profession(p.code) is None)
    changed = []
    for after in target.professions:
        before = base.profession(after.code)
        if before is not None and (fields := after.differs_from(before)):
            changed.append(ProfessionChange(after.code, before, after, fields))
    return EditionDiff(base, target, added, removed, tuple(changed))


@dataclass(frozen=True, slots=True)
class EditionProblem:
    """One thing wrong with an edition being imported, located so the author can fix it."""

    location: str  # e.g. `professions[3].sector` or `row 7: sector_code`
    message: str


def check_edition(edition: Edition, locate: Iterable[str] | None = None) -> list[EditionProblem]:
    """Every rule an edition breaks (empty when it can be published). `locate` names where each
    profession came from (CSV rows), in order; by default `professions[i]`."""
    where = (
        list(locate) if locate is not None else [f"professions[{i}]" for i in range(len(edition.professions))]
    )
    problems: list[EditionProblem] = []
    if not EDITION_CODE.match(edition.code):
        problems.append(EditionProblem("code", "a year, optionally with a suffix: 2025 or 2025-review"))
    sector_codes: set[str] = set()
    for i, sector in enumerate(edition.sectors):
        if not CODE.match(sector.code):
            problems.append(EditionProblem(f"sectors[{i}].code", "lower-case letters, digits and hyphens"))
        if sector.code in sector_codes:
            problems.append(EditionProblem(f"sectors[{i}].code", f"sector {sector.code} appears twice"))
        sector_codes.add(sector.code)
    if not edition.professions:
        problems.append(EditionProblem("professions", "an edition lists at least one profession"))
    seen: set[str] = set()
    for place, profession in zip(where, edition.professions, strict=True):
        if not CODE.match(profession.code):
            problems.append(EditionProblem(f"{place}.code", "lower-case letters, digits and hyphens"))
        elif profession.code in seen:
            problems.append(EditionProblem(f"{place}.code", f"profession {profession.code} appears twice"))
        seen.add(profession.code)
        if profession.sector_code not in sector_codes:
            problems.append(
                EditionProblem(f"{place}.sector", f"no sector {profession.sector_code} in this edition")
            )
        if not profession.schemes:
            problems.append(EditionProblem(f"{place}.schemes", "name at least one admission scheme"))
    declared = edition.declared_profession_count
    if declared is not None and declared < len(edition.professions):
        problems.append(
            EditionProblem(
                "declared_profession_count",
                f"{declared} is fewer than the {len(edition.professions)} professions listed",
            )
        )
    return problems


class EditionRejected(DomainError):
    """The edition breaks rules of the Talent List; nothing was published."""

    def __init__(self, problems: Sequence[EditionProblem]) -> None:
        super().__init__(f"the edition has {len(problems)} problem(s); nothing was published")
        self.problems = tuple(problems)


class EditionConflict(DomainError):
    """Its code or its effective date belongs to an edition already published."""
