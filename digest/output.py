"""Stage: OutputFiles + static files -> the output folder, all or nothing.

In: every file of the site (already rendered in memory) and the static folder.
Out: the output folder replaced as a whole. Files go to a fresh sibling temp
folder first, which is swapped in only once it is complete, so a failed build
never leaves a half site and no stale file of an older build survives.

``update_site`` is the preview server's shortcut: given the files it wrote last
time, it rewrites only what changed (each file replaced atomically) and deletes
what is gone, which leaves the same tree as a full write.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, problem


@dataclass(frozen=True)
class OutputFile:
    """One file of the site, rendered in memory, not yet written."""

    path: str  # POSIX path below the output folder
    data: bytes


def static_files(static_dir: Path) -> list[OutputFile]:
    """Files to copy verbatim, under ``static/`` in the output."""
    if not static_dir.is_dir():
        return []
    return [
        OutputFile(f"static/{p.relative_to(static_dir).as_posix()}", p.read_bytes())
        for p in sorted(static_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    ]


def check_paths(files: list[OutputFile]) -> None:
    """No two files at one path, and none outside the output folder."""
    seen: set[str] = set()
    problems = []
    for file in files:
        parts = file.path.split("/")
        if file.path.startswith("/") or "\\" in file.path or any(p in ("", ".", "..") for p in parts):
            problems.append(problem(file.path, 0, "output path would leave the output folder"))
        elif file.path in seen:
            problems.append(problem(file.path, 0, "two parts of the build write this file"))
        seen.add(file.path)
    if problems:
        raise BuildError(problems)


def write_site(files: list[OutputFile], out_dir: Path, before_swap: Callable[[Path], None] | None = None) -> None:
    """Write every file into a temp folder beside ``out_dir``, then swap it in.

    ``before_swap`` (the post-build hook, e.g. the search indexer) gets the
    staged folder once every file is in it; whatever it adds is swapped in with
    the rest, and if it raises, nothing is swapped in."""
    check_paths(files)
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for file in files:
            target = staging / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.data)
        if before_swap is not None:
            before_swap(staging)
        os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a web server must read it
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def update_site(files: list[OutputFile], out_dir: Path, previous: Mapping[str, bytes]) -> list[str]:
    """Bring ``out_dir``, which holds exactly ``previous``, to ``files``; return
    the paths written or deleted."""
    check_paths(files)
    current = {f.path: f.data for f in files}
    changed = [path for path in previous.keys() - current.keys()]
    for path, data in current.items():
        if previous.get(path) != data:  # unchanged pages are the same bytes object: cheap
            changed.append(path)
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.partial")
            partial.write_bytes(data)
            os.replace(partial, target)
    for path in previous.keys() - current.keys():
        (out_dir / path).unlink(missing_ok=True)
        for folder in (out_dir / path).parents:
            if folder == out_dir or any(folder.iterdir()):
                break
            folder.rmdir()
    return sorted(changed)


def _swap(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    retired.rmdir()
    out_dir.rename(retired)
    try:
        staging.rename(out_dir)
    except BaseException:
        retired.rename(out_dir)  # put the previous site back
        raise
    shutil.rmtree(retired, ignore_errors=True)
