# Rectify: two commands on a fresh machine with only Python 3.11+.
#   make run   — virtual environment, install, migrate, import the seed reports, serve http://127.0.0.1:8000
#   make test  — virtual environment, install, lint, migrations check, the whole test suite
#   make serve — production: collect static files, migrate, check, gunicorn on 127.0.0.1 (README "Production")
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes (pytest-xdist): one per core; each imports the seed reports once into its own test database.
TEST_WORKERS ?= auto

.PHONY: run serve test test-postgres test-replica lint format setup setup-dev seed clean bench bench-small bench-exports loadtest loadtest-import

# Two sets, a stamp each: the runtime (requirements.txt) for what runs the site, its commands and
# the benchmarks (run, serve, bench*), and on top of it the test and lint tools (requirements-dev.txt:
# pytest, hypothesis, Playwright, ruff) for test and lint only, so production installs none of them.
# A venv set up for tests has the runtime too; editing requirements.txt reinstalls both sets.
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev

$(RUNTIME): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(RUNTIME)

$(DEV): requirements-dev.txt $(RUNTIME)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV)

setup: $(RUNTIME)

setup-dev: $(DEV)

seed: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py import_reports fixtures/reports

run: seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production (README "Production"). DJANGO_ENV is production unless set otherwise; it requires
# DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS. Static files first: with DJANGO_ENV=production every
# page names its static files through the manifest collectstatic writes (without it, every page is
# a 500; `check` reports rectify.E007). Then the schema, the deploy checks (errors stop here), and
# gunicorn on HOST:PORT, 127.0.0.1 unless told otherwise: a reverse proxy in front serves the world
# (DJANGO_TRUSTED_PROXIES). gthread workers keep their heartbeat while a thread streams a long
# export; a sync worker streaming 200,000 problems would be killed at TIMEOUT.
HOST ?= 127.0.0.1
WORKERS ?= 3
THREADS ?= 4
TIMEOUT ?= 60
DJANGO_ENV ?= production
serve: setup
	DJANGO_ENV=$(DJANGO_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_ENV=$(DJANGO_ENV) $(BIN)/python manage.py migrate --noinput
	DJANGO_ENV=$(DJANGO_ENV) $(BIN)/python manage.py check --deploy --fail-level ERROR
	DJANGO_ENV=$(DJANGO_ENV) exec $(BIN)/gunicorn rectify.wsgi --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --worker-class gthread --threads $(THREADS) --timeout $(TIMEOUT) \
		--access-logfile -

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS)

# The same suite against PostgreSQL (DATABASE_URL overrides the default below).
test-postgres: setup-dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} $(BIN)/pytest -n $(TEST_WORKERS)

# The read-replica router against a real streaming replica of the local primary (bench/replica.sh:
# pg_basebackup, hot standby on :5433), stopped and removed afterwards whatever the tests say.
test-replica: setup-dev
	sh bench/replica.sh start
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/rectify DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:5433/rectify \
		$(BIN)/pytest rectify/tests/test_routers.py; status=$$?; sh bench/replica.sh stop; exit $$status

# Benchmarks (bench/README.md). `bench` builds the 10,000-report corpus on first use (many minutes),
# then times search, lists with facets, report pages and import against icontains and Datasette.
# `bench-small` proves the scripts run in seconds (CI); `loadtest` drives gunicorn with bounded clients;
# `bench-exports` times full exports, `loadtest-import` loads the site during an import.
BENCH_REPORTS ?= 10000
bench: setup
	$(BIN)/python -m bench.run --reports $(BENCH_REPORTS)

bench-small: setup
	$(BIN)/python -m bench.run --reports 20 --small --import-reports 5 --repeat 5 --no-readme
	$(BIN)/python -m bench.loadtest --small --no-readme
	$(BIN)/python -m bench.export_bench --small --no-readme
	$(BIN)/python -m bench.loadtest --small --no-readme --during-import 3 --lead 1

loadtest: setup
	$(BIN)/python -m bench.loadtest

# Every published problem of the 10,000-report corpus as CSV, JSON and XLSX: first byte, total, memory.
bench-exports: setup
	$(BIN)/python -m bench.export_bench

# Eight clients on every page kind while 30 new report files import (on a copy of the corpus).
loadtest-import: setup
	$(BIN)/python -m bench.loadtest --during-import 30

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
