# IMA Portal: `make run` and `make test` are all a new developer needs (`make dev` to work on the code).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
VENDOR := static/vendor/govuk
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk

.PHONY: install run dev demo-data test test-fast lint format bench clean worker

install: $(VENV)/.installed node_modules/.installed $(VENDOR)/.copied .env var/.made

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend's precompiled CSS points at /assets/; we rewrite those URLs to be relative
# to the stylesheet, so they work under STATIC_URL (and with any static storage backend).
$(VENDOR)/.copied: node_modules/.installed
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	cp -R $(GOVUK_DIST)/assets $(VENDOR)/assets
	cp $(GOVUK_DIST)/govuk-frontend.min.js $(GOVUK_DIST)/govuk-frontend.min.js.map $(VENDOR)/
	sed 's#url(/assets/#url(assets/#g' $(GOVUK_DIST)/govuk-frontend.min.css > $(VENDOR)/govuk-frontend.min.css
	touch $@

.env:
	$(PY) scripts/write_env.py

var/.made:
	mkdir -p var/celery var/media var/screenshots var/staticfiles
	touch $@

demo-data: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_framework
	$(PY) manage.py load_network_record
	$(PY) manage.py seed_demo

# As production serves it (DEBUG off, gunicorn, WhiteNoise, GOV.UK error pages), on http://127.0.0.1:$$PORT (8000 unless PORT is set).
run: demo-data
	bash scripts/run.sh

# For developers: Django's server with DEBUG on and auto-reload.
dev: demo-data
	bash scripts/run.sh --dev

worker: install
	$(VENV)/bin/celery -A ima_portal worker --loglevel=INFO --concurrency=2

test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(PY) manage.py makemigrations --check --dry-run
	@# One pytest process per core (pytest-xdist; TEST_WORKERS=1 for one): the suite's browsers, real workers and
	@# database each get their own; --dist loadgroup keeps a module's shared fixture on one worker (the
	@# authorisation matrix). pytest exits 5 when it collected no tests: that is a failure, never a pass.
	$(PY) -m pytest -n $${TEST_WORKERS:-auto} --dist loadgroup --durations=15; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var
