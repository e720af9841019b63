"""pytest plugin: capture every log record of the session and fail the session when a secret or
a personal value registered in `tests.support.leaks` (or a generic secret shape) shows up.

tests/conftest.py registers it; `-p tests.support.leak_plugin` loads it alone (its own test)."""

from __future__ import annotations

import logging

import pytest

from tests.support.leaks import SESSION, CapturingHandler, report

_LOGGERS = ("", "hkte")  # the root logger, and ours, which does not propagate to it
_handler: CapturingHandler | None = None
_report: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _handler
    _handler = CapturingHandler(SESSION)
    for name in _LOGGERS:
        logging.getLogger(name).addHandler(_handler)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global _report
    if _handler is not None:
        for name in _LOGGERS:
            logging.getLogger(name).removeHandler(_handler)
    findings = SESSION.scan()
    if findings:
        _report = report(findings)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _report is not None:
        terminalreporter.section("secrets or personal data in logs", sep="=", red=True, bold=True)
        terminalreporter.line(_report)
    else:
        scanned = len(SESSION.captured) + len(SESSION.files)
        terminalreporter.write_line(
            f"log hygiene: {scanned} captured record(s)/file(s) scanned for "
            f"{len(SESSION.registered)} registered secret and personal value(s): none leaked"
        )
