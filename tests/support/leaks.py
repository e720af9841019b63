"""Secrets and personal data must never reach a log: what the tests produce is registered here,
everything logged during the session is captured, and the session fails if one turns up.

Registered (`register`, `register_person`): client secrets when they are issued, access tokens
when they are obtained, signing keys, server secrets, and the email, phone and names of every
lead submitted. Captured: every record of the root and `hkte` loggers in the test process, as
the service would write it (tracebacks included), and the output of live server processes
(`watch_log_file`). Besides the registered values, the scan looks for shapes that never belong
in a log whoever made them: JWTs, Standard Webhooks secrets, PEM private keys, Basic
credentials, email addresses.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GENERIC: dict[str, re.Pattern[str]] = {
    "JWT": re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"),
    "webhook secret": re.compile(r"whsec_[A-Za-z0-9+/=_-]{8,}"),
    "PEM private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "Basic credentials": re.compile(r"\bBasic [A-Za-z0-9+/]{16,}={0,2}"),
    "email address": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
}
PERSON_FIELDS = {
    "email": "lead email",
    "phone": "lead phone",
    "given_name": "lead name",
    "family_name": "lead name",
    "chinese_name": "lead name",
}
_NAME_KINDS = {"lead name"}
_MIN_LENGTH = {"lead name": 3, "lead phone": 8, "lead email": 6}
_DEFAULT_MIN_LENGTH = 12  # secrets, tokens, keys: long random strings


@dataclass(frozen=True)
class Finding:
    kind: str
    source: str
    excerpt: str  # the line, with the leaked value masked


@dataclass
class LeakWatch:
    """One session's registry, captured text and scan."""

    registered: dict[str, str] = field(default_factory=dict)  # value -> kind
    captured: list[tuple[str, str]] = field(default_factory=list)  # (source, text)
    files: list[Path] = field(default_factory=list)

    def register(self, kind: str, value: object) -> None:
        if isinstance(value, str) and len(value.strip()) >= _MIN_LENGTH.get(kind, _DEFAULT_MIN_LENGTH):
            self.registered.setdefault(value.strip(), kind)

    def register_person(self, person: Mapping[str, Any]) -> None:
        for name, kind in PERSON_FIELDS.items():
            self.register(kind, person.get(name))

    def register_payload(self, payload: Any) -> None:
        """Every person (a dict with an `email`, `phone` or name field) anywhere in a JSON body."""
        if isinstance(payload, dict):
            if any(name in payload for name in PERSON_FIELDS):
                self.register_person(payload)
            for value in payload.values():
                self.register_payload(value)
        elif isinstance(payload, list):
            for value in payload:
                self.register_payload(value)

    def capture(self, source: str, text: str) -> None:
        self.captured.append((source, text))

    def watch_file(self, path: Path) -> None:
        self.files.append(Path(path))

    def _texts(self) -> Iterator[tuple[str, str]]:
        yield from self.captured
        for path in self.files:
            if path.exists():
                yield f"file {path.name}", path.read_text(encoding="utf-8", errors="replace")

    def scan(self) -> list[Finding]:
        """Each registered value is looked for in all the text at once (C string search), and
        only a hit is looked at line by line: thousands of tokens times megabytes of logs stay
        fast."""
        sources: list[str] = []
        offsets: list[int] = []
        parts: list[str] = []
        at = 0
        for source, text in self._texts():
            sources.append(source)
            offsets.append(at)
            parts.append(text)
            at += len(text) + 1
        blob = "\n".join(parts)
        folded = blob.lower()
        hits: list[tuple[int, int, str]] = []  # (start, end, kind)
        for kind, pattern in GENERIC.items():
            hits += [(m.start(), m.end(), kind) for m in pattern.finditer(blob)]
        for value, kind in self.registered.items():
            needle, haystack = (value.lower(), folded) if kind == "lead email" else (value, blob)
            if needle not in haystack:
                continue
            escaped = re.escape(value)
            if kind in _NAME_KINDS:  # a whole word: "Chan" is not in "Changed"
                pattern = re.compile(rf"(?<!\w){escaped}(?!\w)")
            else:
                pattern = re.compile(escaped, re.IGNORECASE if kind == "lead email" else 0)
            hits += [(m.start(), m.end(), kind) for m in pattern.finditer(blob)]
        hits.sort()
        return [
            Finding(kind, sources[bisect.bisect_right(offsets, start) - 1], _excerpt(blob, hits, start, end))
            for start, end, kind in hits
        ]


def _excerpt(text: str, hits: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The line around a hit, with every hit in it reduced to its first characters: the report
    must not repeat the leaks it reports."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    window_start = max(line_start, start - 80)
    window_end = min(len(text) if line_end < 0 else line_end, end + 80)
    out, at = [], window_start
    for hit_start, hit_end, _ in hits:
        if hit_end <= at or hit_start >= window_end:
            continue
        hit_start = max(hit_start, at)
        out.append(text[at:hit_start])
        out.append(f"«{text[hit_start : hit_start + 3]}…({hit_end - hit_start} chars)»")
        at = hit_end
    out.append(text[at:window_end] if at < window_end else "")
    return "".join(out).strip()


def report(findings: Iterable[Finding], limit: int = 40) -> str:
    found = list(findings)
    lines = [
        f"{len(found)} secret(s) or personal value(s) found in captured logs "
        "(logs must never hold client secrets, tokens, keys or a lead's email, phone or name):"
    ]
    lines += [f"  [{f.kind}] in {f.source}: {f.excerpt}" for f in found[:limit]]
    if len(found) > limit:
        lines.append(f"  … and {len(found) - limit} more")
    return "\n".join(lines)


class CapturingHandler(logging.Handler):
    """Keeps each record as the service would write it (api.logs.JsonFormatter: message, extra
    fields and traceback)."""

    def __init__(self, watch: LeakWatch) -> None:
        super().__init__(level=logging.DEBUG)
        from api.logs import JsonFormatter

        self.watch = watch
        self.setFormatter(JsonFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a record the JSON formatter cannot encode: keep what we can
            text = f"{record.getMessage()} {vars(record)!r}"
        self.watch.capture(f"log {record.name}", text)


# The test session's watch: test support code registers into it.
SESSION = LeakWatch()


def register(kind: str, value: object) -> None:
    SESSION.register(kind, value)


def register_person(person: Mapping[str, Any]) -> None:
    SESSION.register_person(person)


def register_payload(payload: Any) -> None:
    SESSION.register_payload(payload)


def watch_log_file(path: Path | str) -> None:
    SESSION.watch_file(Path(path))


def capture_output(source: str, text: str) -> None:
    SESSION.capture(source, text)
