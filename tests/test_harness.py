"""The test harness's own guard: a browser that stops answering is killed, so a
hang fails one test instead of running the whole suite into CI's time limit."""

from __future__ import annotations

import subprocess
import sys

from serve_harness import BrowserHangGuard, marked_browser_pids

SLEEPER = "import time; time.sleep(120)"


def test_the_guard_kills_only_this_runs_marked_processes_once_its_time_is_up() -> None:
    mark = "--digest-test-run=harness-check"
    marked = subprocess.Popen([sys.executable, "-c", SLEEPER, mark])
    other = subprocess.Popen([sys.executable, "-c", SLEEPER, "--digest-test-run=someone-else"])
    try:
        assert marked_browser_pids(mark) == [marked.pid]
        with BrowserHangGuard(seconds=0.0, mark=mark) as guard:
            assert marked.wait(timeout=60) != 0  # killed, not ended by itself
        assert guard.fired
        assert other.poll() is None
    finally:
        for proc in (marked, other):
            proc.kill()
            proc.wait()


def test_the_guard_does_nothing_when_the_test_ends_in_time() -> None:
    mark = "--digest-test-run=harness-check-in-time"
    marked = subprocess.Popen([sys.executable, "-c", SLEEPER, mark])
    try:
        with BrowserHangGuard(seconds=3600.0, mark=mark) as guard:
            pass
        assert not guard.fired
        assert marked.poll() is None
    finally:
        marked.kill()
        marked.wait()
