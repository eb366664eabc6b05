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

.PHONY: run test setup sysdeps lint migrate demo serve messages bench clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("chibo needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
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
	$(PY) manage.py seed_meetings --year $$(date +%Y) -v0
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

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup sysdeps lint
	$(PY) -W "ignore:Got an error checking a consistent migration history:RuntimeWarning" manage.py makemigrations --check --dry-run >/dev/null || (echo "Missing migrations: run manage.py makemigrations" && exit 1)
	$(PY) -m pytest $(PYTEST_ARGS)

messages: setup
	$(PY) manage.py makemessages -l en --ignore=node_modules --ignore=.venv
	$(PY) manage.py compilemessages --ignore=node_modules --ignore=.venv

# Benchmarks (see bench/README.md); each prints its measurements.
bench: setup
	$(PY) bench/seed_members.py

clean:
	rm -rf $(VENV) node_modules var/static
