# `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 3

.PHONY: run test quick setup setup-dev system-deps axe db seeds index static bench lint clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev system-deps axe

# Debian packages the tests need: Chromium driven by Playwright (never
# `playwright install`: the tests use Debian's /usr/bin/chromium), npm for
# axe-core, PostgreSQL for the throwaway server of test_postgresql.py, and
# Redis for the throwaway server of test_redis.py.
system-deps:
	@missing=""; test -x /usr/bin/chromium || missing="chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# axe-core, injected into pages by the accessibility test; pinned, kept out of git.
AXE_VERSION := 4.10.3
AXE := .cache/npm/node_modules/axe-core/axe.min.js

axe: system-deps $(AXE)

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@$(AXE_VERSION)

db: setup
	$(PY) manage.py migrate --noinput

seeds: db
	$(PY) manage.py import_articles seeds/articles

# Starts from the index there is: applies changes a stopped process left in
# the outbox; rebuilds only a missing or damaged index. --quick compares no
# document, so start-up costs the same at any size (the full check is daily).
index: seeds
	$(PY) manage.py check_index --quick --repair

static: setup
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: index static
	@echo ""
	@echo "Serving the archive on http://$(HOST):$(PORT)/"
	@echo "To create an editor account: $(PY) manage.py createsuperuser"
	@echo "  (or create a staff user in the admin and add it to the 'Editors' group)"
	@echo ""
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) $(VENV)/bin/gunicorn --config gunicorn.conf.py archive.wsgi:application

test: setup-dev
	$(PY) -m pytest

# The fast tests while you work: no browser, no PostgreSQL server, no bench,
# nothing marked slow.
quick: setup-dev
	$(PY) -m pytest -q -m "not browser and not slow" --ignore=tests/test_postgresql.py --ignore=tests/bench

# SIZE articles of realistic text in var/bench/SIZE/ (built once, then reused).
SIZE ?= 10000
bench: setup
	$(PY) -m bench --size $(SIZE)

lint: setup-dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var test-output
