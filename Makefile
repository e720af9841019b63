# The README's two commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck layers pytest openapi clean-data help

help:
	@echo "make run    - start the API on http://127.0.0.1:8000 with a local PostgreSQL (data kept in .data/)"
	@echo "make test   - every check: ruff, mypy, import-linter contracts, the whole pytest suite"
	@echo "make openapi - regenerate openapi/openapi.json from the app"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@exec $(BIN)/hkte run

test: $(STAMP) lint typecheck layers pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/pytest

openapi: $(STAMP)
	$(BIN)/hkte openapi --output openapi/openapi.json

clean-data:
	@$(BIN)/hkte db stop 2>/dev/null || true
	rm -rf .data
