"""Turn an import (JSON, or JSON carrying a CSV table) into an edition, reporting every problem.

Nothing is published unless the whole file is right: each problem names its place (a JSON path
or a CSV row and column) so the author fixes them all in one go.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import msgspec

from api.schemas.base import localized
from api.schemas.talent_list_import import EditionImport, EditionText
from domain.i18n import LocalizedText
from domain.talent_list import (
    AdmissionScheme,
    Edition,
    EditionProblem,
    EditionRejected,
    Profession,
    Sector,
    check_edition,
)

REQUIRED_COLUMNS = (
    "sector_code",
    "sector_name_en",
    "sector_name_zh_hant",
    "sector_name_zh_hans",
    "profession_code",
    "name_en",
    "name_zh_hant",
    "name_zh_hans",
)
TEXT_COLUMNS = ("description", "qualifications", "experience")
OPTIONAL_COLUMNS = (
    *(f"{t}_{lang}" for t in TEXT_COLUMNS for lang in ("en", "zh_hant", "zh_hans")),
    "schemes",
)


def _name(value: EditionText, place: str, problems: list[EditionProblem]) -> LocalizedText:
    for tag, text in (("en", value.en), ("zh-Hant", value.zh_hant), ("zh-Hans", value.zh_hans)):
        if not text.strip():
            problems.append(EditionProblem(f"{place}.{tag}", "a name is needed in all three languages"))
    return LocalizedText(value.en.strip() or "?", value.zh_hant.strip(), value.zh_hans.strip())


def edition_from_import(data: EditionImport) -> Edition:
    """The edition described by `data`, checked in full; raises EditionRejected listing every problem."""
    problems: list[EditionProblem] = []
    default_schemes = tuple(dict.fromkeys(data.schemes))
    title = _name(data.title, "title", problems)
    if (data.csv is None) == (data.professions is None):
        problems.append(EditionProblem("csv", "give the professions either as `professions` or as `csv`"))
        raise EditionRejected(problems)
    if data.csv is not None:
        sectors, professions, places = _from_csv(data.csv, default_schemes, problems)
    else:
        sectors = [
            Sector(s.code, _name(s.name, f"sectors[{i}].name", problems), localized(s.description))
            for i, s in enumerate(data.sectors or [])
        ]
        professions = [
            Profession(
                code=p.code,
                sector_code=p.sector,
                name=_name(p.name, f"professions[{i}].name", problems),
                description=localized(p.description),
                qualifications=localized(p.qualifications),
                experience=localized(p.experience),
                schemes=tuple(dict.fromkeys(p.schemes)) if p.schemes else default_schemes,
            )
            for i, p in enumerate(data.professions or [])
        ]
        places = [f"professions[{i}]" for i in range(len(professions))]
    edition = Edition(
        code=data.code,
        effective_from=data.effective_from,
        title=title,
        sectors=tuple(sectors),
        professions=tuple(professions),
        announced_on=data.announced_on,
        declared_profession_count=data.declared_profession_count,
        notes=localized(data.notes),
    )
    problems.extend(check_edition(edition, places))
    if problems:
        raise EditionRejected(problems)
    return edition


def decode_import(raw: bytes) -> EditionImport:
    """Decode the JSON format (msgspec.ValidationError / DecodeError name the first bad field)."""
    return msgspec.json.decode(raw, type=EditionImport)


def _rows(text: str, problems: list[EditionProblem]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in REQUIRED_COLUMNS and c not in OPTIONAL_COLUMNS]
    if missing:
        problems.append(EditionProblem("csv row 1", f"missing column(s): {', '.join(missing)}"))
    if unknown:
        problems.append(EditionProblem("csv row 1", f"unknown column(s): {', '.join(unknown)}"))
    if missing or unknown:
        return
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(EditionProblem(f"csv row {line}", "more values than columns"))
            continue
        yield line, {k: (v or "").strip() for k, v in row.items()}


def _from_csv(
    text: str, default_schemes: tuple[AdmissionScheme, ...], problems: list[EditionProblem]
) -> tuple[list[Sector], list[Profession], list[str]]:
    sectors: dict[str, Sector] = {}
    professions: list[Profession] = []
    places: list[str] = []
    for line, row in _rows(text, problems):
        place = f"csv row {line}"
        for column in REQUIRED_COLUMNS:
            if not row[column]:
                problems.append(EditionProblem(f"{place}: {column}", "empty"))
        sector_name = LocalizedText(
            row["sector_name_en"] or "?", row["sector_name_zh_hant"], row["sector_name_zh_hans"]
        )
        known = sectors.setdefault(row["sector_code"], Sector(row["sector_code"], sector_name))
        if known.name != sector_name:
            problems.append(
                EditionProblem(
                    f"{place}: sector_name_en", f"sector {known.code} is named differently on an earlier row"
                )
            )
        texts: dict[str, LocalizedText | None] = {}
        for field in TEXT_COLUMNS:
            en, hant, hans = (row.get(f"{field}_{lang}", "") for lang in ("en", "zh_hant", "zh_hans"))
            if (hant or hans) and not en:
                problems.append(
                    EditionProblem(f"{place}: {field}_en", "a translation needs the English text")
                )
            texts[field] = LocalizedText(en, hant, hans) if en else None
        schemes: list[AdmissionScheme] = []
        for value in filter(None, (s.strip() for s in row.get("schemes", "").split(";"))):
            try:
                schemes.append(AdmissionScheme(value))
            except ValueError:
                known_schemes = ", ".join(s.value for s in AdmissionScheme)
                problems.append(
                    EditionProblem(f"{place}: schemes", f"unknown scheme {value!r} (one of {known_schemes})")
                )
        professions.append(
            Profession(
                code=row["profession_code"],
                sector_code=row["sector_code"],
                name=LocalizedText(row["name_en"] or "?", row["name_zh_hant"], row["name_zh_hans"]),
                description=texts["description"],
                qualifications=texts["qualifications"],
                experience=texts["experience"],
                schemes=tuple(dict.fromkeys(schemes)) or default_schemes,
            )
        )
        places.append(place)
    return list(sectors.values()), professions, places
