# The README's two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Tests run with production settings (DEBUG off) and a throwaway key.
TEST_ENV := SECRET_KEY=test-only-secret-key-not-for-production DEBUG=0

# The browser tests drive Debian's chromium (tests/test_web_browser.py).
CHROMIUM ?= /usr/bin/chromium

.PHONY: install browser run test lint format

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Installs Debian's chromium when it is missing and this user may (root, or sudo without a
# password); otherwise stops with one line saying what to install.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then as_root=""; \
		elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root="sudo -n"; \
		else as_root=none; fi; \
		if [ "$$as_root" = none ] || ! command -v apt-get >/dev/null 2>&1; then \
			echo "make test: the browser tests need Debian's chromium at $(CHROMIUM): install it (sudo apt-get install chromium), then run make test again"; \
			exit 1; \
		fi; \
		echo "== installing Debian's chromium for the browser tests"; \
		export DEBIAN_FRONTEND=noninteractive; \
		{ $$as_root apt-get update -qq && $$as_root apt-get install -y -qq chromium >/dev/null; } \
			|| { echo "make test: could not install chromium with apt-get: install it (apt-get install chromium), then run make test again"; exit 1; }; \
	fi

run: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	# The seed documents; already stored ones are skipped, so later starts are quick. A failed
	# document is reported but does not keep the site from starting.
	-DEBUG=1 $(PY) manage.py ingest fixtures/documents/
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: install browser
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
