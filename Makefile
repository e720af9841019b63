# The README's two commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TS_SDK := openapi/clients/typescript
NODE_DEPS := $(TS_SDK)/node_modules/.package-lock.json

.PHONY: run test lint typecheck layers pytest openapi sdk fuzz chaos bench clean-data help

help:
	@echo "make run    - start the API on http://127.0.0.1:8000 with a local PostgreSQL (data kept in .data/)"
	@echo "make test   - every check: ruff, mypy, import-linter contracts, the whole pytest suite"
	@echo "make openapi - regenerate openapi/openapi.json from the app"
	@echo "make sdk    - regenerate openapi/openapi.json and both SDKs (Python, TypeScript) from it"
	@echo "make fuzz   - schemathesis against a live server, longer and with a random seed"
	@echo "make chaos  - faults under load at full size: database restart, SIGTERM, a killed worker"
	@echo "make bench  - the API against a minimal baseline under wrk, side by side (about 15 min); report in bench/results/"

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

$(NODE_DEPS): $(TS_SDK)/package-lock.json
	cd $(TS_SDK) && npm ci --no-audit --no-fund

typecheck: $(STAMP) $(NODE_DEPS)
	$(BIN)/mypy
	cd $(TS_SDK) && npm run --silent typecheck

layers: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP) $(NODE_DEPS)
	$(BIN)/pytest

openapi: $(STAMP)
	$(BIN)/hkte openapi --output openapi/openapi.json

sdk: openapi $(NODE_DEPS)
	openapi/generate_python_client.sh
	cd $(TS_SDK) && npm run --silent generate && npm run --silent typecheck

fuzz: $(STAMP)
	HKTE_FUZZ_EXAMPLES=$${HKTE_FUZZ_EXAMPLES:-1000} HKTE_FUZZ_SEED=random $(BIN)/pytest -p no:cacheprovider tests/contract/test_schemathesis.py

# The fault tests of `make test`, at the issue's size (2,000 submissions at concurrency 50).
chaos: $(STAMP)
	HKTE_CHAOS_LEADS=$${HKTE_CHAOS_LEADS:-2000} HKTE_CHAOS_CONCURRENCY=$${HKTE_CHAOS_CONCURRENCY:-50} \
		$(BIN)/pytest -p no:cacheprovider -s tests/chaos

# BENCH_SMOKE=1 for a short run; BENCH_SECONDS, BENCH_ROUNDS, BENCH_HALF_RATE_SECONDS and BENCH_WORKERS tune the full one
bench: $(STAMP)
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python -m bench

clean-data:
	@$(BIN)/hkte db stop 2>/dev/null || true
	rm -rf .data
