# The two set-up-and-run commands of the README:
#   make site   create .venv, install requirements.txt, build site/
#   make test   also install test requirements and Debian's chromium, run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: site test serve chromium clean

site: $(VENV)/.runtime
	$(PY) build.py build

AXE := .cache/axe/node_modules/axe-core/axe.min.js

# -rfEs: the summary at the very end names every failed test, every error (a fixture's
# set-up or tear-down) and every skip with its reason (e.g. no browser for the browser
# tests), so the last lines of a CI log say what broke;
# --durations: the slowest tests, so a CI log shows where the time went.
test: $(VENV)/.dev chromium $(AXE)
	$(PY) -m pytest -rfEs --durations=25

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

# axe-core (pinned) for the accessibility tests, injected into pages by Playwright;
# .cache/ is git-ignored.
$(AXE):
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm; }
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4.14.1

clean:
	rm -rf site .pytest_cache
