# The two set-up-and-run commands of the README:
#   make site   create .venv, install requirements.txt, build site/
#   make test   also install test requirements and Debian's chromium, run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: site test serve chromium clean

site: $(VENV)/.runtime
	$(PY) build.py build

# -rs: a skipped test says why in the summary (e.g. no browser for the browser tests)
test: $(VENV)/.dev chromium
	$(PY) -m pytest -rs

serve: $(VENV)/.runtime
	$(PY) build.py serve

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Browser tests drive the system Chromium; Playwright never downloads one. The script
# waits for a busy apt, installs with --no-install-recommends, and does nothing when
# DIGEST_CHROMIUM or a chromium on PATH is there (see README, Tests).
chromium:
	@sh scripts/install-chromium.sh

clean:
	rm -rf site .pytest_cache
