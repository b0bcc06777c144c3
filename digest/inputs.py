"""What a build reads, and a cheap answer to "did any of it change?".

In: the Config (and, for the stat shortcut, what the last build recorded). Out:
``inputs_key``, a sha256 naming everything a build reads, and
``unchanged_build``, the report of the last build into a folder when its inputs
are the same and the folder still holds what it wrote.

Hashing every content file costs a read of the whole folder (30 MB at 10,000
articles). As git's index does, a file whose size, modification and change
times and inode are those recorded when it was last hashed is taken to hold
the same bytes, and only the others are read. A file changed within
``RACY_NS`` of being recorded could keep its times (coarse file-system clocks),
so such a file is hashed again until it is older than that. The change time
(ctime) cannot be set back by a tool restoring a modification time (``touch
-d``, ``cp -p``), so a rewritten file is always seen.

This module imports nothing heavy (no Markdown, converter or template engine):
``build.py build`` answers a no-change build without loading them.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .cache import BuildCache, code_version
from .output import check_output_folder, recover

if TYPE_CHECKING:
    from .config import Config

# Two seconds: file systems with the coarsest timestamps (FAT, some network
# mounts) count in steps of up to 2 s.
RACY_NS = 2_000_000_000


class FileSeen(NamedTuple):
    """A file as last hashed: its stat fields and the sha256 of its bytes."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    sha256: str
    recorded_ns: int  # time.time_ns() taken before the file was looked at


Seen = Mapping[str, FileSeen]


@dataclass(frozen=True)
class BuildReport:
    """What a build did (``pipeline.build``); the last one per output folder is
    kept in the cache, and read back by a no-change build without loading the pipeline."""

    articles: int
    pages: int
    files: int
    seconds: float
    out_dir: Path | None
    written: bool = True  # False: nothing changed, the output folder was left alone
    # The date of the first article left out as dated after the build's clock:
    # from then on the same input builds another site.
    valid_until: datetime | None = None
    # With defer_index (the preview): article pages changed in place and the
    # search index in out_dir is stale; the caller re-indexes (search.index_site)
    # once the pages are shown, so a save shows without waiting for Pagefind.
    index_stale: bool = False
    # Seconds per part of the build: ("load", …) reading to rendering, ("write", …).
    stages: tuple[tuple[str, float], ...] = ()


class ConfigSeen(NamedTuple):
    """What the no-change check reads of a Config (``inputs_key``,
    ``project_inputs``), recorded by the last build that loaded it, so a build
    whose config file is byte for byte the same can answer without loading and
    validating the config again (which imports the cleaning rules)."""

    file: Path
    content_dir: Path
    templates_dir: Path
    static_dir: Path
    output_dir: Path
    glossary: Path | None
    glossary_digest: str
    fingerprint: str
    publish_drafts: bool
    publish_future: bool


def _config_key(path: Path, base_url: str | None, future: bool) -> str:
    """Names a config file's bytes and the command-line switches that change the Config."""
    return hashlib.sha256(b"\0".join((str(path).encode(), path.read_bytes(), (base_url or "").encode(), str(future).encode()))).hexdigest()


def remember_config(cache: BuildCache, config: Config, base_url: str | None) -> None:
    """After a good build: record ``config`` for ``unchanged_since``."""
    try:
        key = _config_key(config.file, base_url, config.publish_future)
    except OSError:
        return
    cache.saw_config(key, ConfigSeen(config.file, config.content_dir, config.templates_dir, config.static_dir,
                                     config.output_dir, config.glossary.path, config.glossary.digest, config.fingerprint,
                                     config.publish_drafts, config.publish_future))


def unchanged_since(config_path: Path, out_dir: Path | None, base_url: str | None, future: bool, cache: BuildCache,
                    now: datetime) -> BuildReport | None:
    """``unchanged_build`` for a config file whose bytes (and glossary's) the last
    build recorded (``remember_config``), without loading it; None when the
    config is another or anything else changed. Raises BuildError as
    ``unchanged_build``."""
    path = config_path.resolve()
    try:
        seen = cache.config_seen(_config_key(path, base_url, future))
        if seen is None or (seen.glossary is not None
                            and hashlib.sha256(seen.glossary.read_bytes()).hexdigest() != seen.glossary_digest):
            return None
    except OSError:
        return None
    report, _ = unchanged_build(seen, (out_dir or seen.output_dir).resolve(), cache, now, again=True)  # type: ignore[arg-type]
    return report


def project_inputs(config: Config) -> tuple[Path, ...]:
    """What an output folder must never be, hold or lie in."""
    return (config.file, config.content_dir, config.templates_dir, config.static_dir)


def tree_digest(root: Path, seen: Seen, now_ns: int) -> tuple[str, dict[str, FileSeen]]:
    """sha256 over the relative names and contents of every file below ``root``
    (symlinked folders not followed, as ``Path.rglob``), and the ``FileSeen`` of
    each. A file whose stat matches ``seen`` and that was recorded more than
    ``RACY_NS`` after its last change is not read. ``now_ns``: time.time_ns()
    taken before the first stat."""
    found: dict[str, FileSeen] = {}
    if root.is_dir():
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue  # a link that leads nowhere: not a file
                rel = os.path.relpath(path, root)
                old = seen.get(rel)
                if (old is not None and (old.size, old.mtime_ns, old.ctime_ns, old.inode)
                        == (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                        and max(info.st_mtime_ns, info.st_ctime_ns) < old.recorded_ns - RACY_NS):
                    found[rel] = old
                    continue
                try:
                    with open(path, "rb") as handle:
                        sha = hashlib.sha256(handle.read()).hexdigest()
                except OSError:
                    continue
                found[rel] = FileSeen(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, sha, now_ns)
    elif root.is_file():
        info = os.stat(root)
        found[""] = FileSeen(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino,
                             hashlib.sha256(root.read_bytes()).hexdigest(), now_ns)
    digest = hashlib.sha256()
    for rel in sorted(found):
        digest.update(f"{rel}\0{found[rel].sha256}\0".encode())
    return digest.hexdigest(), found


def inputs_key(config: Config, cache: BuildCache | None = None, again: bool = False) -> str:
    """sha256 of everything a build reads: config (and glossary), every content,
    template and static file (names and bytes), the code version and the
    publishing switches. With an on-disk ``cache``, files unchanged since it
    last looked (stat, see the module docstring) are not read again.
    ``again``: the same check follows at once (``unchanged_since``, then the
    build with the loaded config): the folders' digests are handed to it
    (once), so it walks no folder again; the content is read after both
    looks, so the first is as current as a second."""
    now_ns = time.time_ns()
    parts = [config.fingerprint, code_version(), f"{config.publish_drafts}{config.publish_future}"]
    for kind, root in (("templates", config.templates_dir), ("static", config.static_dir), ("content", config.content_dir)):
        key = f"{kind}:{root.resolve()}"
        digest = cache.digest_seen(key) if cache is not None else None
        if digest is None:
            seen = cache.files_seen(key) if cache is not None else {}
            digest, found = tree_digest(root, seen, now_ns)
            if cache is not None:
                cache.saw_files(key, found, changed=found != seen, digest=digest if again else None)
        parts.append(digest)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def unchanged_build(config: Config, target: Path, cache: BuildCache, now: datetime,
                    again: bool = False) -> tuple[BuildReport | None, str]:
    """(the report of the last build into ``target``, or None, and ``inputs_key``):
    a report only when that build read exactly these inputs, the folder still
    holds every file it wrote and no article it left out for being dated later
    is due by ``now``. Raises BuildError on a refused output folder or while
    another build writes it (``output.check_output_folder``, ``output.recover``).
    ``again``: see ``inputs_key``."""
    check_output_folder(target, project_inputs(config))
    recover(target)
    inputs = inputs_key(config, cache, again)
    previous = cache.unchanged_build(target, inputs)
    if previous is not None and (previous.valid_until is None or now < previous.valid_until):
        return previous, inputs
    return None, inputs
