"""The log-hygiene check itself (tests/support/leaks.py): it finds what was planted, says where
without repeating it, leaves clean logs alone, and fails a pytest session."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.leaks import CapturingHandler, LeakWatch, report

ROOT = Path(__file__).parents[2]
SECRET = "planted-client-secret-4f1d2c3b5a69788766"
JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJjbGllbnQtMSJ9.c2lnbmF0dXJlLXBsYW50ZWQ"


@pytest.fixture
def watched() -> Iterator[tuple[LeakWatch, logging.Logger]]:
    """A watch of its own on a logger of its own (not the session's: what is planted here must
    not fail the real session)."""
    watch = LeakWatch()
    logger = logging.getLogger("leak-watch-self-test")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handler = CapturingHandler(watch)
    logger.addHandler(handler)
    yield watch, logger
    logger.removeHandler(handler)


def test_planted_secrets_and_personal_data_are_found_and_masked(
    watched: tuple[LeakWatch, logging.Logger],
) -> None:
    watch, logger = watched
    watch.register("client secret", SECRET)
    watch.register_payload({"items": [{"person": {"email": "Mei.Chan@Example.org", "family_name": "Chan"}}]})
    logger.info("token issued", extra={"secret": SECRET})
    logger.info("request", extra={"authorization": f"Bearer {JWT}"})
    try:
        raise ValueError("duplicate key (email)=(mei.chan@example.org)")
    except ValueError:
        logger.exception("unhandled error")  # the traceback is what leaks here
    logger.warning("lead from Ms Chan")
    watch.capture("file server.log", "-----BEGIN PRIVATE KEY-----\nMIIE...\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZI")

    kinds = {f.kind for f in watch.scan()}
    assert kinds >= {"client secret", "JWT", "lead email", "lead name", "PEM private key", "webhook secret"}
    text = report(watch.scan())
    for planted in (SECRET, JWT, "mei.chan@example.org", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI"):
        assert planted.lower() not in text.lower()
    assert "log leak-watch-self-test" in text
    assert "file server.log" in text


def test_clean_logs_pass_and_names_match_whole_words_only(watched: tuple[LeakWatch, logging.Logger]) -> None:
    watch, logger = watched
    watch.register("access token", JWT)
    watch.register_person({"given_name": "Mei", "family_name": "Chan", "phone": "+447700900123"})
    logger.info("request", extra={"route": "/v1/leads/{lead_id}", "status": 201, "changed": "Changed"})
    logger.info("status changed", extra={"lead_id": "0b9c2f3e-1d4a-4c57-9a7e-51d2a3c4b5e6"})
    assert watch.scan() == []


def _pytest_session(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_planted.py").write_text(body, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.support.leak_plugin", "-p", "no:cacheprovider", "-q"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_session_whose_logs_leak_fails_even_when_its_tests_pass(tmp_path: Path) -> None:
    leaky = _pytest_session(
        tmp_path,
        "import logging\n"
        "from tests.support import leaks\n\n"
        "def test_passes_but_logs_a_secret():\n"
        f"    leaks.register('client secret', {SECRET!r})\n"
        f"    logging.getLogger('hkte.oops').warning('client authenticated with %s', {SECRET!r})\n",
    )
    assert leaky.returncode == 1, leaky.stdout
    assert "1 passed" in leaky.stdout
    assert "secrets or personal data in logs" in leaky.stdout
    assert "[client secret] in log hkte.oops" in leaky.stdout
    assert SECRET not in leaky.stdout

    clean = _pytest_session(
        tmp_path,
        "import logging\n\n"
        "def test_logs_nothing_secret():\n"
        "    logging.getLogger('hkte.ok').warning('fine')\n",
    )
    assert clean.returncode == 0, clean.stdout
    assert "none leaked" in clean.stdout
