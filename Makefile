# The README's two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Tests run with production settings (DEBUG off) and a throwaway key.
TEST_ENV := SECRET_KEY=test-only-secret-key-not-for-production DEBUG=0

.PHONY: install run test lint format

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	# The seed documents; already stored ones are skipped, so later starts are quick. A failed
	# document is reported but does not keep the site from starting.
	-DEBUG=1 $(PY) manage.py ingest fixtures/documents/
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
