# chibo: `make run` serves the demo, `make test` runs every test. Both set everything up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
# Two pytest workers (pytest-xdist) on the 2-core machines we run on.
PYTEST_ARGS ?= -n 2
PORT ?= 8000

ifneq (,$(wildcard .env))
include .env
export
endif

.PHONY: run test test-shifted-clock test-app setup sysdeps lint migrate demo serve messages bench clean

# uv (docs/dependencies.md) installs the locked packages: the runtime and the dev group here,
# the runtime alone in production (`uv sync --locked --no-dev`). uv itself comes from PyPI
# into its own small venv, so nothing but Python >= 3.11 is needed beforehand.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

$(UV):
	$(PYTHON) -c 'import sys; sys.exit("chibo needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(UV) sync --locked --python $(PYTHON) --quiet
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

migrate: setup
	$(PY) manage.py migrate --noinput

# The demo province, a year of cell meetings for last year and this year so far, then
# admissions, training, reviews and inspections (each step does nothing when its data is
# already there).
demo: migrate
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py seed_meetings -v0
	$(PY) manage.py seed_meetings --this-year -v0
	$(PY) manage.py seed_party_work --if-empty

# The web server, with the background worker (imports, big reports) beside it.
serve:
	$(PY) manage.py db_worker --queue-name default & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

run: demo
	$(PY) manage.py demo_logins
	$(MAKE) --no-print-directory serve

# System packages the tests need (Chromium for browser tests, Pango for PDF, fonts).
sysdeps:
	bash scripts/install-system-deps.sh

# ruff (style, imports inside functions need a stated reason), mypy with django-stubs (default
# strictness everywhere, --strict for rules, services, queries, accounts.scope and core: see
# [tool.mypy] in pyproject.toml) and import-linter (the app order and each app's layers, see
# docs/architecture.md).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports

# Every check and test, from the migrations up (a fresh test database each run), with the
# coverage total printed and gated by [tool.coverage.report] fail_under.
test: setup sysdeps lint
	$(PY) -W "ignore:Got an error checking a consistent migration history:RuntimeWarning" manage.py makemigrations --check --dry-run >/dev/null || (echo "Missing migrations: run manage.py makemigrations" && exit 1)
	$(PY) -m pytest $(PYTEST_ARGS) --create-db --cov --cov-report=term:skip-covered

# The inner loop: one app's tests (or any pytest selection) in seconds, keeping the test
# databases between runs (`make test-app APP=members`, `make test-app APP=tests/meetings/rules/test_quality.py`).
# Add REBUILD=1 after changing models or migrations.
APP ?= .
test-app: setup
	CHIBO_SQLITE_TEST_FILE=$(CURDIR)/var/test-reuse.sqlite3 $(PY) -m pytest $(if $(filter tests/%,$(APP)),$(APP),tests/$(APP)) --reuse-db $(if $(REBUILD),--create-db) -p no:cov

# The suite under a shifted wall clock (see .ci/run and docs/testing.md): lint, migrations and
# coverage were checked by `make test`; this run only proves that no test reads the machine's clock.
FAKETIME_AT ?= $(shell date -u +%Y)-12-31 17:30:00
test-shifted-clock: setup sysdeps
	TZ=UTC faketime '$(FAKETIME_AT)' $(PY) -m pytest $(PYTEST_ARGS) -p no:cacheprovider

messages: setup
	$(PY) manage.py makemessages -l en --ignore=node_modules --ignore=.venv
	$(PY) manage.py compilemessages --ignore=node_modules --ignore=.venv

# Benchmarks (see bench/README.md); each prints its measurements.
bench: setup
	$(PY) bench/seed_members.py

clean:
	rm -rf $(VENV) node_modules var/static
