# Network of Correspondents on Migration: the commands a newcomer needs. `make help` lists them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
IGNORE := --ignore=.venv --ignore=node_modules
ADDRPORT ?= 127.0.0.1:8000
# The demo's e-mails link to where it is served, unless WAGTAILADMIN_BASE_URL says otherwise.
DEMO_URL = $(or $(WAGTAILADMIN_BASE_URL),http://$(ADDRPORT))

.DEFAULT_GOAL := help
.PHONY: help install demo test test-sqlite lint format messages browsers bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

demo: install ## Run the site with demo content on SQLite at ADDRPORT (default 127.0.0.1:8000)
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) compilemessages $(IGNORE) -v 0
	DJANGO_SETTINGS_MODULE=cms.settings.dev WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(MANAGE) seed_demo
	DJANGO_SETTINGS_MODULE=cms.settings.dev WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(MANAGE) runserver $(ADDRPORT)

test: install browsers ## Lint, system checks, migrations check and the whole test suite (PostgreSQL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)
	$(BIN)/python .ci/ensure_database.py
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) compilemessages $(IGNORE) -v 0
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --database default
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

test-sqlite: install ## The marked subset (models, access, leak crawl, search basics) on SQLite
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) compilemessages $(IGNORE) -v 0
	DATABASE_URL=sqlite:///$(CURDIR)/.test-sqlite.db $(BIN)/pytest -m sqlite $(PYTEST_ARGS)

lint: install ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Update the message catalogues (then translate locale/fr)
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) makemessages -l fr $(IGNORE) --no-obsolete --add-location=file

browsers: ## Install Debian's Chromium for the browser tests
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

bench: install ## Print query counts and timings of the main pages, a compilation, and pages served by gunicorn
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python bench/pages.py
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python bench/compilation.py
	$(BIN)/python bench/serve.py

clean: ## Remove the virtual environment, the demo database and the demo files
	rm -rf $(VENV) db.sqlite3 media .test-sqlite.db
