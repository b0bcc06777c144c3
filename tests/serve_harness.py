"""Run ``build.py serve`` as the curator does, in its own process, and read what it prints.

In: a site folder (config.yaml, content/, templates/ …) and serve's flags.
Out: a ServeProcess whose ``url`` is where it listens, with helpers to wait for
lines it prints and to stop it with Ctrl-C (SIGINT). Shared by the serve tests
and ``bench/serve_latency.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parent.parent
def _chromium() -> Path:
    """DIGEST_CHROMIUM, else chromium (or chromium-browser) on PATH, else Debian's path."""
    chosen = os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(chosen) if chosen else Path("/usr/bin/chromium")


CHROMIUM = _chromium()
# Every Chromium this test run starts carries this switch (Chromium ignores switches
# it does not know), so the hang guard below finds this run's browsers and no other.
BROWSER_MARK = f"--digest-test-run={os.getpid()}"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    BROWSER_MARK,
]
# Far above what any browser test takes (the XSS sweep, the longest, about six
# minutes on a loaded 2-core machine) and well below pytest.ini's timeout, so a
# browser that stopped answering is killed while Playwright can still unwind.
BROWSER_HANG_SECONDS = 900.0
# How long serve may take to stop: it first lets a rebuild in flight finish or give
# up. A bound for a hang, not a timing: far above what a stop takes on a loaded
# 2-core machine (the demo site builds in a few seconds there).
STOP_SECONDS = 90.0
# What Playwright raises once the guard has killed the browser under it: the browser
# tests rerun once on these (pytest-rerunfailures), with a browser of their own.
BROWSER_GONE = [r"has been closed", r"[Cc]onnection closed", r"[Tt]arget crashed", r"stopped answering"]


def marked_browser_pids(mark: str = BROWSER_MARK) -> list[int]:
    """Process ids whose command line holds ``mark`` (Linux /proc; [] elsewhere)."""
    pids = []
    for entry in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if mark.encode() in entry.read_bytes().split(b"\0"):
                pids.append(int(entry.parent.name))
        except OSError:
            continue  # the process ended while we looked
    return pids


class BrowserHangGuard:
    """Kill this run's Chromium if one test holds it longer than ``seconds``.

    A browser that stops answering (seen once in CI: a test sat for an hour on a
    Playwright call that has no timeout of its own, such as ``new_page`` or
    ``close``) then makes the test's Playwright call fail with "has been closed"
    instead of hanging the whole run. ``fired`` says whether it killed anything."""

    def __init__(self, seconds: float = BROWSER_HANG_SECONDS, mark: str = BROWSER_MARK) -> None:
        self.fired = False
        self._mark = mark
        self._timer = threading.Timer(seconds, self._kill)
        self._timer.daemon = True

    def _kill(self) -> None:
        for pid in marked_browser_pids(self._mark):
            try:
                os.kill(pid, signal.SIGKILL)
                self.fired = True
            except ProcessLookupError:
                pass

    def __enter__(self) -> BrowserHangGuard:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class ServeProcess:
    """``build.py --config ROOT/config.yaml serve`` with its output captured line by line."""

    def __init__(self, root: Path, *args: str, port: int = 0, startup_timeout: float = 60.0) -> None:
        self.root = root
        self.lines: dict[str, list[str]] = {"stdout": [], "stderr": []}
        self._cond = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, "-u", str(REPO / "build.py"), "--config", str(root / "config.yaml"),
             "serve", "--port", str(port), *args],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self._readers = [
            threading.Thread(target=self._pump, args=(name, stream), daemon=True)
            for name, stream in (("stdout", self.proc.stdout), ("stderr", self.proc.stderr))
        ]
        for reader in self._readers:
            reader.start()
        try:
            match = self.wait_for(r"^Serving (http://\S+)", timeout=startup_timeout)
            self.wait_for(r"^Watching ", timeout=startup_timeout)
        except BaseException:
            self.stop()
            raise
        self.url: str = match.group(1)
        self.origin: str = re.match(r"http://[^/]+", self.url).group(0)  # type: ignore[union-attr]

    def _pump(self, name: str, stream: IO[str]) -> None:
        for line in stream:
            with self._cond:
                self.lines[name].append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def mark(self, stream: str = "stdout") -> int:
        """A position in ``stream``; pass it as ``since`` to wait only for later lines."""
        with self._cond:
            return len(self.lines[stream])

    def wait_for(self, pattern: str, stream: str = "stdout", since: int = 0, timeout: float = 10.0) -> re.Match[str]:
        """The first line of ``stream`` after ``since`` matching ``pattern``; AssertionError on timeout."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        exited = False
        with self._cond:
            while True:
                for line in self.lines[stream][since:]:
                    found = regex.search(line)
                    if found:
                        return found
                if exited or time.monotonic() >= deadline:
                    raise AssertionError(
                        f"no line matching {pattern!r} on {stream} within {timeout} s "
                        f"(exit code {self.proc.poll()}).\nstdout:\n{self.output('stdout')}\nstderr:\n{self.output('stderr')}"
                    )
                # After an exit, one more short wait lets the readers deliver the last lines.
                exited = self.proc.poll() is not None
                self._cond.wait(0.2 if exited else min(deadline - time.monotonic(), 0.5))

    def output(self, stream: str) -> str:
        with self._cond:
            return "\n".join(self.lines[stream])

    def stop(self, sig: int = signal.SIGINT, timeout: float = STOP_SECONDS) -> int:
        """Send ``sig`` (Ctrl-C by default) and wait for the exit code; AssertionError
        (after killing it) if it has not exited within ``timeout`` seconds."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"serve did not stop within {timeout} s of signal {sig}") from None
        for reader in self._readers:
            reader.join(5)
        return self.proc.returncode

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def set_base_url(root: Path, base_url: str) -> None:
    """Point the copied site's config at ``base_url`` (replacing or adding the key)."""
    config = root / "config.yaml"
    text = config.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^base_url:.*$", f"base_url: {base_url}", text)
    if not count:
        text += f"\nbase_url: {base_url}\n"
    config.write_text(text, encoding="utf-8")


def write_atomically(path: Path, text: str) -> None:
    """Save as most editors do: write a sibling file, then rename it over the original."""
    tmp = path.with_name(f".{path.name}.saving")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
