#!/bin/sh
# Install Debian's chromium for the browser tests (Playwright drives it; it never
# downloads a browser). Called by `make test`.
#
# * DIGEST_CHROMIUM=/path/to/chromium, or a chromium already on PATH: nothing to do.
# * No apt-get (not Debian/Ubuntu): say so and stop without failing; the browser
#   tests then skip, and pytest's summary says why (never a silent pass).
# * apt is busy (unattended upgrades, another install): wait for its locks, up to
#   APT_WAIT seconds (default 600), instead of failing at once. `apt-get update`
#   does not honour DPkg::Lock::Timeout for its lists lock, hence the retry loop.
set -eu

if [ -n "${DIGEST_CHROMIUM:-}" ]; then
  echo "browser tests use DIGEST_CHROMIUM=$DIGEST_CHROMIUM"
  exit 0
fi
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no chromium on PATH and no apt-get: the browser tests will be skipped" >&2
  echo "(set DIGEST_CHROMIUM=/path/to/chromium to run them with a browser you have)" >&2
  exit 0
fi

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
WAIT="${APT_WAIT:-600}"
LOCK_WAIT="-o DPkg::Lock::Timeout=$WAIT"

waited=0
while :; do
  if out=$($SUDO apt-get $LOCK_WAIT update -qq 2>&1); then
    break
  fi
  case "$out" in
    *"Could not get lock"*|*"Unable to lock"*)
      if [ "$waited" -ge "$WAIT" ]; then
        echo "$out" >&2
        echo "apt was still busy after ${WAIT}s" >&2
        exit 1
      fi
      [ "$waited" -eq 0 ] && echo "apt is busy (another install or update); waiting for it..." >&2
      sleep 5
      waited=$((waited + 5));;
    *)
      echo "$out" >&2
      exit 1;;
  esac
done
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get $LOCK_WAIT install -y -qq --no-install-recommends chromium
