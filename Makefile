# Two commands for a newcomer: `make lab` and `make test`. Both build .venv from the lock first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: install lab test fuzz lint rerun bench store site sources links clean lock chromium

$(STAMP): binder/requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

install: $(STAMP)

lab: install
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

# Chromium for the browser tests comes from Debian's packages when it is missing and we may install it.
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "WARNING: chromium is not installed and cannot be installed here: browser tests will be skipped."; }

lint: install
	$(BIN)/ruff check lib tests tools notebooks solutions conftest.py

test: install chromium lint
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile tests notebooks solutions --nbval -p no:cacheprovider

# The long property-based run: broken CSVs and random parameter values (`make test` runs a short one).
fuzz: install
	$(BIN)/python -m pytest -m fuzz_long tests/test_fuzz.py -p no:cacheprovider

rerun: install
	$(BIN)/python -m titfortat.rerun --jobs $(JOBS)

bench: install
	$(BIN)/python tools/bench.py

# The static HTML edition of all lessons, readable offline: build/site/index.html
site: install
	$(BIN)/python -m titfortat.edition

# docs/sources.md, the bibliography of every report the dataset cites (after changing the data)
sources: install
	$(BIN)/python -m titfortat.sources

# Re-execute the lessons in place and store their outputs (after changing the library or the data).
store: install
	$(BIN)/python tools/store_notebooks.py

# Recompile the lock from pyproject.toml (needs uv; run by a maintainer, then commit binder/requirements.txt).
lock:
	uv pip compile pyproject.toml --extra test --python-version 3.11 --no-header -o binder/requirements.txt

# Launch links for every lesson: Binder, and nbgitpuller when HUB=https://your.hub is given.
links: install
	$(BIN)/python tools/launch_links.py $(if $(HUB),--hub $(HUB))

clean:
	rm -rf $(VENV) build .pytest_cache
