# Two commands for a fresh machine: `make demo` and `make test`.
# Each creates its virtualenv on first use and reinstalls when the package metadata changes.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
# Django 6 needs Python 3.12: a pyenv-installed one, or one on PATH that really runs.
PYTHON312 ?= $(firstword $(wildcard $(shell pyenv root 2>/dev/null)/versions/3.12*/bin/python3.12) \
	$(shell python3.12 -c 'import sys; print(sys.executable)' 2>/dev/null))
VENV := .venv
VENV74 := .venv-wagtail74
VENVDJ6 := .venv-django6
MANAGE := $(VENV)/bin/python example_site/manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: print-python312 help install demo test test-wagtail8 test-wagtail74 test-django6 test-all lint format migrations messages clean

help:
	@echo "make demo            run the example site on http://$(HOST):$(PORT)/ with demo content"
	@echo "make test            run the test suite (Wagtail 8) in $(VENV)"
	@echo "make test-wagtail74  run the test suite against Wagtail 7.4 LTS in $(VENV74)"
	@echo "make test-django6    run the test suite on Python 3.12 with Django 6.0 in $(VENVDJ6)"
	@echo "make test-all        all of the above"
	@echo "make lint            ruff check and ruff format --check"
	@echo "make migrations      regenerate migrations with the oldest supported Wagtail (7.4)"

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[dev]"
	touch $@

$(VENV74)/.installed: setup.cfg pyproject.toml
	test -x $(VENV74)/bin/python || $(PYTHON) -m venv $(VENV74)
	$(VENV74)/bin/python -m pip install --quiet --upgrade pip
	$(VENV74)/bin/python -m pip install --quiet -e ".[dev]" "wagtail>=7.4,<7.5"
	touch $@

$(VENVDJ6)/.installed: setup.cfg pyproject.toml
	@test -n "$(PYTHON312)" || (echo "Django 6 needs Python 3.12, which was not found." && exit 1)
	test -x $(VENVDJ6)/bin/python || $(PYTHON312) -m venv $(VENVDJ6)
	$(VENVDJ6)/bin/python -m pip install --quiet --upgrade pip
	$(VENVDJ6)/bin/python -m pip install --quiet -e ".[dev]" "Django>=6.0,<6.1"
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_integration_demo
	@echo ""
	@echo "Site:  http://$(HOST):$(PORT)/"
	@echo "Admin: http://$(HOST):$(PORT)/admin/  (admin / integration-demo)"
	@echo "Headless demo: http://$(HOST):$(PORT)/headless-demo/"
	@echo "API schema: http://$(HOST):$(PORT)/api/v3/docs/"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

test: test-wagtail8

test-wagtail8: $(VENV)/.installed
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

test-wagtail74: $(VENV74)/.installed
	$(VENV74)/bin/python -m pytest $(PYTEST_ARGS)

test-django6: $(VENVDJ6)/.installed
	$(VENVDJ6)/bin/python -m pytest $(PYTEST_ARGS)

test-all: test-wagtail8 test-wagtail74 test-django6

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Migrations are generated with the oldest supported Wagtail so that they apply on every
# supported version (newer Wagtail versions read older block definitions, not the reverse).
migrations: $(VENV74)/.installed
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=. $(VENV74)/bin/django-admin makemigrations wagtail_integration

messages: $(VENV)/.installed
	cd wagtail_integration && ../$(VENV)/bin/django-admin makemessages --all --no-obsolete
	cd wagtail_integration && ../$(VENV)/bin/django-admin compilemessages

print-python312:
	@echo $(PYTHON312)

clean:
	rm -rf $(VENV) $(VENV74) $(VENVDJ6) build dist *.egg-info .pytest_cache .ruff_cache
