"""Shared fixtures: a private copy of the demo site, and helpers to build it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("config.yaml", "content", "templates", "static")
# The articles of the demo site: a copy of the two seeds under tests/, so a curator
# adding to content/ never changes what the tests see.
SEED_CONTENT = REPO / "tests" / "fixtures" / "seed-content"


def site_part(source_root: Path, part: str) -> Path:
    """Where ``part`` of a site comes from; the repository's own content/ is never a fixture."""
    if part == "content" and source_root.resolve() == REPO:
        return SEED_CONTENT
    return source_root / part


def copy_site(source_root: Path, target: Path) -> Path:
    """Copy a site's inputs (never its output) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = site_part(source_root, part)
        if src.is_dir():
            shutil.copytree(src, target / part)
        elif src.is_file():
            shutil.copy2(src, target / part)
    return target


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run build.py as the curator does, in its own process."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--config", str(root / "config.yaml"), *args],
        capture_output=True, text=True, cwd=root, timeout=120,
    )


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by relative path, but the build's stamp file
    (the same bytes in every build; it only marks the folder as a built site)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".digest-build"}


@pytest.fixture
def demo_root(tmp_path: Path) -> Path:
    """A writable copy of the repository's demo site."""
    return copy_site(REPO, tmp_path / "demo")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built once per session (read-only for tests)."""
    root = copy_site(REPO, tmp_path_factory.mktemp("demo-built"))
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(autouse=True)
def browser_hang_guard() -> Iterator[None]:
    """Every test: a browser it holds longer than BROWSER_HANG_SECONDS is killed
    (see serve_harness.BrowserHangGuard), and the test says so when it fails."""
    from serve_harness import BROWSER_HANG_SECONDS, BrowserHangGuard

    with BrowserHangGuard() as guard:
        yield
    if guard.fired:
        pytest.fail(f"the browser stopped answering: killed after {BROWSER_HANG_SECONDS:.0f} s")
