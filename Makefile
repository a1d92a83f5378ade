# Two commands for a fresh machine: `make demo` and `make test`.
# Each creates its virtualenv on first use and reinstalls when the package metadata changes.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
# The other suites each need one Python version: a pyenv-installed one, or one on PATH that
# really runs (a pyenv shim exists even for a version that is not installed).
PYENV_ROOT_DIR := $(shell pyenv root 2>/dev/null)
find-python = $(firstword $(wildcard $(PYENV_ROOT_DIR)/versions/$(1)*/bin/python$(1)) \
	$(shell python$(1) -c 'import sys; print(sys.executable)' 2>/dev/null))
PYTHON310 ?= $(call find-python,3.10)
PYTHON312 ?= $(call find-python,3.12)
PYTHON313 ?= $(call find-python,3.13)
VENV := .venv
VENV74 := .venv-wagtail74
VENVDJ60 := .venv-django60
VENVDJ61 := .venv-django61
MANAGE := $(VENV)/bin/python example_site/manage.py
# pytest-xdist workers; each test module runs whole on one worker, so that a module's shared
# fixture (a `wagtail start` host, the built distributions) is made once.
PYTEST_WORKERS ?= auto
PYTEST := -m pytest -n $(PYTEST_WORKERS) --dist loadscope
HOST ?= 127.0.0.1
PORT ?= 8000

# The test matrix. CI (.ci/run) runs the first three suites, and the classifiers in setup.cfg
# declare their versions (tests/test_packaging.py checks that they agree): the oldest Wagtail on
# the oldest Python, and Django 6.1 on Python 3.12, which a fresh install there resolves. To keep
# CI within its time the slow tests (builds, a `wagtail start` host, the example site) run there
# in the Django 6.1 suite only. `make test-all` runs all four suites in full.
#   make test            Python 3.11  Django 5.2  Wagtail 8
#   make test-wagtail74  Python 3.10  Django 5.2  Wagtail 7.4 LTS
#   make test-django61   Python 3.12  Django 6.1  Wagtail 8
#   make test-django60   Python 3.13  Django 6.0  Wagtail 8  (not run by CI, so not declared)
WAGTAIL74 := wagtail>=7.4,<7.5
DJANGO60 := Django>=6.0,<6.1
DJANGO61 := Django>=6.1,<6.2

.PHONY: print-pythons help install demo bench load test test-wagtail8 test-wagtail74 test-django6 test-django60 test-django61 test-all lint format migrations messages clean

help:
	@echo "make demo            run the example site on http://$(HOST):$(PORT)/ with demo content"
	@echo "make test            run the test suite (Python 3.11, Django 5.2, Wagtail 8) in $(VENV)"
	@echo "make test-wagtail74  the suite on Python 3.10, Django 5.2, Wagtail 7.4 LTS in $(VENV74)"
	@echo "make test-django61   the suite on Python 3.12, Django 6.1, Wagtail 8 in $(VENVDJ61)"
	@echo "make test-django60   the suite on Python 3.13, Django 6.0, Wagtail 8 in $(VENVDJ60)"
	@echo "                     (not run by CI)"
	@echo "make test-django6    test-django60 and test-django61"
	@echo "make test-all        all four suites in full (CI, .ci/run, runs the first three)"
	@echo "make bench           the pages against plain Wagtail at 60, 600 and 6,000 measures;"
	@echo "                     writes benchmarks/results.md (BENCH_ARGS=\"--sizes 60 --rounds 5\")"
	@echo "make load            the production stack under 2,000 page requests and 500 feedback"
	@echo "                     posts; checks and writes benchmarks/results.md (LOAD_ARGS=...)"
	@echo "make lint            ruff check and ruff format --check"
	@echo "make migrations      regenerate migrations with the oldest supported Wagtail (7.4)"

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[dev]"
	touch $@

# $(call make-venv,DIRECTORY,PYTHON,VERSION,REQUIREMENTS): a virtualenv on Python VERSION with
# the package and REQUIREMENTS; one left over on another Python version is made anew.
define make-venv
	@test -n "$(2)" || (echo "$(1) needs Python $(3), which was not found: \
	pyenv install $(3), or put a python$(3) on PATH." && exit 1)
	$(1)/bin/python -c 'import sys; sys.exit("%d.%d" % sys.version_info[:2] != "$(3)")' \
	2>/dev/null || (rm -rf $(1) && $(2) -m venv $(1))
	$(1)/bin/python -m pip install --quiet --upgrade pip
	$(1)/bin/python -m pip install --quiet -e ".[dev]" "$(4)"
	touch $(1)/.installed
endef

$(VENV74)/.installed: setup.cfg pyproject.toml
	$(call make-venv,$(VENV74),$(PYTHON310),3.10,$(WAGTAIL74))

$(VENVDJ60)/.installed: setup.cfg pyproject.toml
	$(call make-venv,$(VENVDJ60),$(PYTHON313),3.13,$(DJANGO60))

$(VENVDJ61)/.installed: setup.cfg pyproject.toml
	$(call make-venv,$(VENVDJ61),$(PYTHON312),3.12,$(DJANGO61))

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

# The benchmark on SQLite; with DATABASE_URL (PostgreSQL) set, on PostgreSQL as well. Each
# database has its own section of benchmarks/results.md.
bench: $(VENV)/.installed
	DATABASE_URL= $(VENV)/bin/python -m benchmarks.run $(BENCH_ARGS)
	@if [ -n "$$DATABASE_URL" ]; then $(VENV)/bin/python -m benchmarks.run $(BENCH_ARGS); fi

# The production stack (gunicorn, the task worker, Redis if installed; PostgreSQL with
# DATABASE_URL, else SQLite) under load from another process, on 127.0.0.1 only.
load: $(VENV)/.installed
	$(VENV)/bin/python -m benchmarks.load $(LOAD_ARGS)

test: test-wagtail8

test-wagtail8: $(VENV)/.installed
	$(VENV)/bin/python $(PYTEST) $(PYTEST_ARGS)

test-wagtail74: $(VENV74)/.installed
	$(VENV74)/bin/python $(PYTEST) $(PYTEST_ARGS)

test-django60: $(VENVDJ60)/.installed
	$(VENVDJ60)/bin/python $(PYTEST) $(PYTEST_ARGS)

test-django61: $(VENVDJ61)/.installed
	$(VENVDJ61)/bin/python $(PYTEST) $(PYTEST_ARGS)

test-django6: test-django60 test-django61

test-all: test-wagtail8 test-wagtail74 test-django61 test-django60

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Migrations are generated with the oldest supported Wagtail so that they apply on every
# supported version (newer Wagtail versions read older block definitions, not the reverse).
migrations: $(VENV74)/.installed
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=. $(VENV74)/bin/django-admin makemigrations wagtail_integration wagtail_integration_feedback

# Each app has its own catalog, the way Wagtail's contrib apps do: the feedback app's strings
# live in wagtail_integration/feedback/locale, the content app's in wagtail_integration/locale.
messages: $(VENV)/.installed
	cd wagtail_integration && ../$(VENV)/bin/django-admin makemessages --all --no-obsolete --ignore='feedback/*'
	cd wagtail_integration/feedback && ../../$(VENV)/bin/django-admin makemessages --all --no-obsolete
	cd wagtail_integration && ../$(VENV)/bin/django-admin compilemessages

# The interpreters the suites beyond `make test` use; an empty value is a missing one.
print-pythons:
	@echo "3.10: $(PYTHON310)"
	@echo "3.12: $(PYTHON312)"
	@echo "3.13: $(PYTHON313)"

clean:
	rm -rf $(VENV) $(VENV74) $(VENVDJ60) $(VENVDJ61) .venv-django6 build dist *.egg-info .pytest_cache .ruff_cache
