"""Memoisation across builds in one process (``serve`` keeps a BuildCache alive).

In: a key naming everything a value depends on (content hashes, config and
template fingerprints) and the function that computes it. Out: the value, computed
once while its key stays the same. Stages take a ``memo`` argument and stay pure;
without a cache, ``no_memo`` just calls the function, so a clean build and an
incremental one run the same code and produce the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Memo(Protocol):
    def __call__(self, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T: ...


def no_memo(key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    return compute()


class BuildCache:
    """Values of earlier builds, by key; ``key[0]`` names the kind of value.

    Entries not used by a successful build are dropped (``sweep``), so memory
    follows the site, not the editing history. A failed build drops nothing:
    the next one after the fix reuses everything that did not change.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[Hashable, ...], Any] = {}
        self._used: set[tuple[Hashable, ...]] = set()
        self.hits: Counter[str] = Counter()  # reuses per kind, for tests and reports
        self.written: dict[str, bytes] = {}  # the files last written to ``written_to``
        self.written_to: Path | None = None

    def __call__(self, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
        self._used.add(key)
        if key in self._entries:
            self.hits[str(key[0])] += 1
            return self._entries[key]  # type: ignore[no-any-return]
        value = self._entries[key] = compute()
        return value

    def sweep(self) -> None:
        for key in self._entries.keys() - self._used:
            del self._entries[key]
        self._used = set()


def fingerprint(*paths: Path) -> str:
    """sha256 over the contents of files and, recursively, folders (names included)."""
    digest = hashlib.sha256()
    for root in paths:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root] if root.is_file() else []
        for file in files:
            digest.update(file.as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()
