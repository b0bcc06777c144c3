"""Memoisation of per-item build work: in memory (``serve``) and on disk (``build``).

In: a key naming everything a value depends on (content hashes, config and
template fingerprints) and the function that computes it. Out: the value,
computed once while its key stays the same. Stages take a ``memo`` argument and
stay pure; without a cache, ``no_memo`` just calls the function, so a clean
build and a cached one run the same code and produce the same bytes.

The on-disk store (``BuildCache.open``) is one SQLite file under
``<project>/.cache/digest/<version>/``, where ``<version>`` is a hash of this
package's files, the installed distributions and the Python version: a build
by other code never sees another version's entries (older version folders are
deleted). Deleting ``.cache/`` is always safe; the next build is a cold one.
Rendered files are not stored there: an entry for one records only its sha256,
and it is a hit only while the previous build's output still holds that file
untouched (checked by inode, size and mtime), which the writer then hard-links.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import shutil
import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Callable, Hashable
from contextlib import closing
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from .output import FileStamp, Manifest, OutputFile, reusable_files, tree_stamp

T = TypeVar("T")
Key = tuple[Hashable, ...]

# Frozen records hold MappingProxyType views; pickle (worker processes, the
# disk cache) copies them as read-only views of a fresh dict.
def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


copyreg.pickle(MappingProxyType, lambda view: (_read_only, (dict(view),)))

CACHE_DIR = Path(".cache") / "digest"
# Texts at least this long in a field declared ``StoredApart`` get a row of their own.
_APART_MIN = 256
_MISSING = object()
MISSING: Any = _MISSING  # what ``lookup_many`` gives for a key it does not know
_FLUSH_EVERY = 500  # pending entries written at once
# Kinds (``key[0]``) of small values that a build looks up for nearly every page
# or article: each kind's entries are one row (a pickled dict), read in one go,
# instead of tens of thousands of rows looked up one by one (at 10,000 articles,
# 63,000 lookups of a few dozen bytes each cost more than all the records' HTML).
COMPACT_KINDS = frozenset({"page", "search-view", "script-map-sig"})


class Memo(Protocol):
    def __call__(self, key: Key, compute: Callable[[], T]) -> T: ...

    def lookup(self, key: Key) -> tuple[bool, Any]: ...

    def store(self, key: Key, value: T) -> T: ...

    def lookup_many(self, keys: list[Key]) -> list[Any]: ...

    def keep(self, keys: list[Key]) -> None: ...


class _NoMemo:
    """Computes everything, remembers nothing."""

    def __call__(self, key: Key, compute: Callable[[], T]) -> T:
        return compute()

    def lookup(self, key: Key) -> tuple[bool, Any]:
        return False, None

    def store(self, key: Key, value: T) -> T:
        return value

    def lookup_many(self, keys: list[Key]) -> list[Any]:
        return [_MISSING] * len(keys)

    def keep(self, keys: list[Key]) -> None:
        pass


no_memo: Memo = _NoMemo()


class _FileRef:
    """What the disk keeps of a rendered file: its path and sha256."""

    __slots__ = ("path", "sha256")

    def __init__(self, path: str, sha256: str) -> None:
        self.path, self.sha256 = path, sha256

    def __reduce__(self) -> tuple[Any, ...]:
        return (_FileRef, (self.path, self.sha256))


class StoredApart:
    """A long text field of a frozen record (an article's body or HTML) that the
    disk cache keeps in a row of its own, read only when the field is used.

    Declared in the class body (``html: str = StoredApart()``): the field is an
    ordinary ``str`` to every reader, with no default. A record read back from
    the disk cache holds, instead of the text, a reference to its row, and the
    first read of the field fetches it. Most records a build reads are never
    shown again (an unchanged article's page is a file the last build wrote),
    so their texts, most of the cache's bytes, stay on disk."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        owner.__stored_apart__ = (*getattr(owner, "__stored_apart__", ()), name)  # type: ignore[attr-defined]

    def __get__(self, record: Any, owner: type | None = None) -> Any:
        if record is None:
            raise AttributeError(self.name)  # dataclasses: the field has no default
        value = record.__dict__[self.name]
        if type(value) is _Deferred:
            value = record.__dict__[self.name] = value.text()
        return value

    def __set__(self, record: Any, value: Any) -> None:
        record.__dict__[self.name] = value


class _Apart:
    """A text the disk cache writes to a row of its own (see ``StoredApart``)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Deferred:
    """A text in the row ``hashed`` of ``cache``'s store at ``path``, not read
    yet. Pickled (for a worker process, in the pool's feeder thread) as the row
    and the store's path: only a worker that uses the text reads it, through a
    connection of its own (an SQLite connection serves only its own thread)."""

    __slots__ = ("cache", "hashed", "path")

    def __init__(self, cache: BuildCache | None, hashed: bytes, path: str) -> None:
        self.cache, self.hashed, self.path = cache, hashed, path

    def text(self) -> str:
        cache = self.cache
        if cache is not None and cache._db is not None and cache._owner == threading.get_ident():
            return cache._text_apart(self.hashed)
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
            return _text_of(db.execute("SELECT value FROM entry WHERE key = ?", (self.hashed,)).fetchone())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Deferred, (None, self.hashed, self.path))


def _text_of(row: tuple[bytes] | None) -> str:
    if row is None or row[0][:1] != _TEXT:
        raise RuntimeError(f"the build cache lost a stored text; delete {CACHE_DIR} and build again")
    return bytes(memoryview(row[0])[1:]).decode("utf-8")


class BuildCache:
    """Values of earlier builds, by key; ``key[0]`` names the kind of value.

    In memory, entries not used by a successful build are dropped (``sweep``, once
    they are a fifth of the entries), so memory follows the site, not the editing
    history; a failed build drops nothing. With a ``store`` (see ``open``) values also go to disk, and the
    on-disk entries a successful build did not use are deleted by ``sweep`` too.
    """

    def __init__(self, store: Path | None = None, keep_in_memory: bool = True) -> None:
        self._entries: dict[Key, Any] = {}
        self._used: set[Key] = set()
        self._key_of: dict[int, Key] = {}  # id(value) -> its key, for de-duplicated pickles
        # On disk, keys are sha256 digests of their repr; computed only there.
        self._by_hash: dict[bytes, Any] = {}  # values this build read from or wrote to disk
        self._used_hashes: set[bytes] = set()
        self._hashes: dict[Key, bytes] = {}  # computed by prefetch, for lookup
        self._rows: dict[bytes, bytes] = {}  # read by prefetch, not yet unpickled
        # Per kind of COMPACT_KINDS read or written by this build: its stored entries
        # (key hash -> stored value), and whether that changed.
        self._compact: dict[str, dict[bytes, bytes]] = {}
        self._compact_changed: set[str] = set()
        self.keep_in_memory = keep_in_memory
        self.hits: Counter[str] = Counter()  # reuses per kind, for tests and reports
        self.written: dict[str, bytes | None] = {}  # the files last written to ``written_to``
        self.written_to: Path | None = None
        self.manifest: dict[str, FileStamp] = {}  # of ``manifest_for``, as the writer returned it
        self.manifest_for: Path | None = None
        self._reusable_out: dict[str, FileStamp] | None = None
        self._seen_now: dict[str, dict[str, Any]] = {}  # inputs.tree_digest's findings of this build, per root
        self._digest_now: dict[str, str] = {}  # and the digest it gave, per root
        self._db: sqlite3.Connection | None = None
        self._path = str(store) if store is not None else ""
        self._owner = threading.get_ident()  # the thread that may use ``_db``
        self._pending: list[tuple[bytes, bytes]] = []
        self._apart_known: set[bytes] = set()  # rows of texts stored apart that this build stored or read
        if store is not None:
            self._open_db(store)

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, project_root: Path, keep_in_memory: bool = False) -> BuildCache:
        """The on-disk cache of the project at ``project_root`` for this code version."""
        base = project_root / CACHE_DIR
        version = code_version()
        if base.is_dir():
            for old in base.iterdir():  # other versions' entries are never read again
                if old.name != version:
                    shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
        folder = base / version
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder / "cache.sqlite", keep_in_memory)

    def _open_db(self, path: Path) -> None:
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # No memory map (PRAGMA mmap_size): it fetched entries a third faster,
            # but every page of the file read through it counts in the process's
            # resident set (+477 MiB at 10,000 articles, a build after one added
            # article read 500 MB of entries).
            db.execute("CREATE TABLE IF NOT EXISTS entry (key BLOB PRIMARY KEY, value BLOB NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS output (folder TEXT PRIMARY KEY, manifest BLOB NOT NULL, inputs TEXT NOT NULL, "
                       "report BLOB NOT NULL, tree TEXT NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS seen (root TEXT PRIMARY KEY, files BLOB NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS config (key TEXT PRIMARY KEY, record BLOB NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS compact (kind TEXT PRIMARY KEY, entries BLOB NOT NULL)")
        except sqlite3.DatabaseError:
            # A damaged cache is only a slower build: start it again.
            path.unlink(missing_ok=True)
            return self._open_db(path)
        self._db, self._owner = db, threading.get_ident()

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # ---------------------------------------------------------------- the memo

    def __call__(self, key: Key, compute: Callable[[], T]) -> T:
        found, value = self.lookup(key)
        if found:
            return value  # type: ignore[no-any-return]
        return self.store(key, compute())

    def lookup(self, key: Key) -> tuple[bool, Any]:
        """(True, value) if ``key`` is known, else (False, None)."""
        self._used.add(key)
        if key in self._entries:
            self.hits[str(key[0])] += 1
            return True, self._entries[key]
        if self._db is None:
            return False, None
        hashed = self._hashes.pop(key, None) or _hash_key(key)
        value = self._by_hash.get(hashed, _MISSING)
        if value is _MISSING:
            blob = self._rows.pop(hashed, None)
            if blob is None and key[0] in COMPACT_KINDS:
                blob = self._compact_of(str(key[0])).get(hashed)
                if blob is None:
                    return False, None
            if blob is None:
                row = self._db.execute("SELECT value FROM entry WHERE key = ?", (hashed,)).fetchone()
                if row is None:
                    return False, None
                blob = row[0]
            try:
                value = _load(blob, self)
            except Exception:  # noqa: BLE001 - an unreadable entry is a miss, never a failure
                return False, None
            self._by_hash[hashed] = value
        self._used_hashes.add(hashed)
        if isinstance(value, _FileRef):
            if not self._still_on_disk(value):
                return False, None
            value = OutputFile(value.path, None, value.sha256)
        self.hits[str(key[0])] += 1
        self._remember(key, value)
        return True, value

    def lookup_many(self, keys: list[Key]) -> list[Any]:
        """``lookup`` of every key (all of one kind, ``key[0]``): the value, or
        ``MISSING``. Kept in memory
        (``serve``), the lookups run as a few loops inside the interpreter's C
        code, not one Python call per key: a rebuild after one edit looks up
        every page and article of the site, and that must cost next to nothing."""
        if self._db is not None:
            self.prefetch(keys)
            return [value if found else _MISSING for found, value in map(self.lookup, keys)]
        get = self._entries.get
        values = [get(key, _MISSING) for key in keys]
        self._used.update(keys)
        if keys:  # callers pass keys of one kind (key[0])
            self.hits[str(keys[0][0])] += len(values) - sum(value is _MISSING for value in values)
        return values

    def keep(self, keys: list[Key]) -> None:
        """Count the entries of ``keys`` as used by this build without reading
        them: ``sweep`` keeps them (a value needed only when another one misses).
        Not for values holding ``StoredApart`` texts: only reading one keeps
        its texts' rows."""
        self._used.update(keys)
        if self._db is not None:
            self._used_hashes.update(map(_hash_key, keys))

    def prefetch(self, keys: list[Key]) -> None:
        """Read the stored entries of ``keys`` in a few queries instead of one
        query each (``lookup`` then finds them)."""
        if self._db is None:
            return
        wanted = {}
        for key in keys:
            if key not in self._entries:
                hashed = self._hashes[key] = _hash_key(key)
                if hashed not in self._by_hash:
                    wanted[hashed] = key
        if keys and keys[0][0] in COMPACT_KINDS:  # callers pass keys of one kind
            compact = self._compact_of(str(keys[0][0]))
            self._rows.update((hashed, compact[hashed]) for hashed in wanted if hashed in compact)
            return
        hashes = list(wanted)
        for start in range(0, len(hashes), 500):
            chunk = hashes[start:start + 500]
            query = f"SELECT key, value FROM entry WHERE key IN ({','.join('?' * len(chunk))})"
            self._rows.update(self._db.execute(query, chunk).fetchall())

    def store(self, key: Key, value: T) -> T:
        self._used.add(key)
        self._remember(key, value)
        if self._db is not None:
            hashed = _hash_key(key)
            saved: Any = _FileRef(value.path, value.sha256) if isinstance(value, OutputFile) else value
            buffer = io.BytesIO()
            buffer.write(_PLAIN)
            pickler = _Pickler(buffer, self, key)
            pickler.dump(saved)
            if pickler.referred:
                view = buffer.getbuffer()
                view[0] = _WITH_REFERENCES[0]
                view.release()
            if key[0] in COMPACT_KINDS:
                self._compact_of(str(key[0]))[hashed] = buffer.getvalue()
                self._compact_changed.add(str(key[0]))
            else:
                self._pending.append((hashed, buffer.getvalue()))
            self._by_hash[hashed] = saved
            self._used_hashes.add(hashed)
            if len(self._pending) >= _FLUSH_EVERY:
                self._flush()
        return value

    def _flush(self) -> None:
        """Write pending entries: memory stays flat during a cold build, and
        results of a build that fails later are kept (they are still right)."""
        db = self._db
        if db is not None and self._pending:
            own = not db.in_transaction
            if own:
                db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?)", self._pending)
            if own:
                db.execute("COMMIT")
        self._pending = []

    def _remember(self, key: Key, value: Any) -> None:
        self._entries[key] = value
        # Other values never refer to a compact entry: it is not a row of its own.
        if not _shared_atom(value) and key[0] not in COMPACT_KINDS:
            self._key_of[id(value)] = key

    def _compact_of(self, kind: str) -> dict[bytes, bytes]:
        """The stored entries of ``kind`` (one of COMPACT_KINDS), read once per build."""
        found = self._compact.get(kind)
        if found is None:
            row = self._db.execute("SELECT entries FROM compact WHERE kind = ?", (kind,)).fetchone() if self._db else None
            try:
                found = pickle.loads(row[0]) if row is not None else {}
            except Exception:  # noqa: BLE001 - unreadable: its values are made again
                found = {}
            self._compact[kind] = found
        return found

    def _text_apart(self, hashed: bytes) -> str:
        """The text in row ``hashed`` (see ``StoredApart``). A build reads or
        stores every record holding one before it uses it, which marks the
        row used (``sweep`` keeps it); a missing row is a damaged cache."""
        for key, blob in self._pending:
            if key == hashed:
                return _text_of((blob,))
        assert self._db is not None
        return _text_of(self._db.execute("SELECT value FROM entry WHERE key = ?", (hashed,)).fetchone())

    # ---------------------------------------------------------------- output

    def previous_output(self, folder: Path) -> Manifest:
        """The manifest of what the last successful build wrote to ``folder``."""
        if self.manifest_for == folder:
            return self.manifest
        if self._db is None:
            return {}
        row = self._db.execute("SELECT manifest FROM output WHERE folder = ?", (str(folder),)).fetchone()
        if row is None:
            return {}
        try:
            paths, *columns = pickle.loads(row[0])
            manifest = dict(zip(paths, map(FileStamp._make, zip(*columns, strict=True)), strict=True))
        except Exception:  # noqa: BLE001
            return {}
        self.manifest, self.manifest_for = manifest, folder
        return manifest

    def wrote_outside(self, folder: Path, path: str, data: bytes) -> None:
        """``serve``'s fast render replaced ``path`` in ``folder`` (the folder this
        cache's builds write) with ``data``: the next build compares its file
        with these bytes, not with what the last build wrote there."""
        if self.written_to == folder:
            self.written[path] = data
            if self.manifest_for == folder:
                self.manifest.pop(path, None)

    def use_output(self, folder: Path) -> None:
        """Rendered files are hits only while ``folder`` still holds them."""
        self._reusable_out = reusable_files(folder, self.previous_output(folder))

    def _still_on_disk(self, ref: _FileRef) -> bool:
        stamp = (self._reusable_out or {}).get(ref.path)
        return stamp is not None and stamp.sha256 == ref.sha256

    def wrote(self, folder: Path, manifest: dict[str, FileStamp], inputs: str, report: Any) -> None:
        """Record what a successful build left in ``folder`` and from which inputs."""
        self.manifest, self.manifest_for = manifest, folder
        if self._db is not None:
            # Column by column: read back as a few lists, not one object per file.
            columns = (list(manifest), *(list(column) for column in zip(*manifest.values(), strict=True))) if manifest else ([],) * 5
            self._db.execute("INSERT OR REPLACE INTO output VALUES (?, ?, ?, ?, ?)",
                             (str(folder), pickle.dumps(columns, protocol=5), inputs, pickle.dumps(report),
                              tree_stamp(folder, manifest)))

    def files_seen(self, root: str) -> dict[str, Any]:
        """What ``saw_files`` recorded for ``root`` ({} when nothing or unreadable)."""
        if root in self._seen_now:
            return self._seen_now[root]
        if self._db is None:
            return {}
        row = self._db.execute("SELECT files FROM seen WHERE root = ?", (root,)).fetchone()
        try:
            return pickle.loads(row[0]) if row is not None else {}
        except Exception:  # noqa: BLE001 - unreadable: every file is read again
            return {}

    def digest_seen(self, root: str) -> str | None:
        """The digest ``saw_files`` was last given for ``root``, if any, once:
        it is forgotten as it is given."""
        return self._digest_now.pop(root, None)

    def saw_files(self, root: str, files: dict[str, Any], changed: bool = True, digest: str | None = None) -> None:
        """Record the files of ``root`` as ``inputs.tree_digest`` found them
        (``changed``: unlike what ``files_seen`` gave, so stored again) and,
        when given, the ``digest`` they make (see ``digest_seen``)."""
        self._seen_now[root] = files
        if digest is not None:
            self._digest_now[root] = digest
        if self._db is not None and changed:
            self._db.execute("INSERT OR REPLACE INTO seen VALUES (?, ?)", (root, pickle.dumps(files, protocol=5)))

    def config_seen(self, key: str) -> Any | None:
        """The record ``saw_config`` stored under ``key``, or None."""
        row = self._db.execute("SELECT record FROM config WHERE key = ?", (key,)).fetchone() if self._db else None
        try:
            return pickle.loads(row[0]) if row is not None else None
        except Exception:  # noqa: BLE001 - unreadable: the config is loaded as usual
            return None

    def saw_config(self, key: str, record: Any) -> None:
        """Keep ``record`` as the one config the last good build used."""
        if self._db is not None:
            blob = pickle.dumps(record, protocol=5)
            row = self._db.execute("SELECT record FROM config WHERE key = ?", (key,)).fetchone()
            if row is None or row[0] != blob:  # a no-change build writes nothing
                self._db.execute("DELETE FROM config")
                self._db.execute("INSERT INTO config VALUES (?, ?)", (key, blob))

    def known_digests(self, root: Path) -> dict[str, str]:
        """sha256 per file (relative POSIX path) below ``root`` as this build's
        ``inputs.inputs_key`` found them, for readers that can skip a file whose
        content they already know ({} when it did not look)."""
        seen = self._seen_now.get(f"content:{root.resolve()}", {})
        return {rel: entry.sha256 for rel, entry in seen.items()}

    def unchanged_build(self, folder: Path, inputs: str) -> Any | None:
        """The report of the last build into ``folder`` if it had exactly these
        ``inputs`` and the folder still holds every file it wrote, else None."""
        if self._db is None:
            return None
        row = self._db.execute("SELECT inputs, report, tree FROM output WHERE folder = ?", (str(folder),)).fetchone()
        if row is None or row[0] != inputs:
            return None
        # One walk of the folder, compared with what the build left (the manifest
        # itself, tens of thousands of entries, is not read back).
        try:
            if tree_stamp(folder) != row[2]:
                return None
        except OSError:
            return None
        return pickle.loads(row[1])

    # ---------------------------------------------------------------- end of a build

    def sweep(self) -> None:
        """After a successful build: save new entries, forget the unused ones."""
        # Comparing every key costs as much as a rebuild after one edit: in memory,
        # unused entries go once they are a fifth of the cache (memory stays within
        # 1.25 times the site's), not after every build.
        if self._db is not None or len(self._entries) > 1.25 * len(self._used):
            for key in self._entries.keys() - self._used:
                value = self._entries.pop(key)
                if self._key_of.get(id(value)) == key:
                    del self._key_of[id(value)]
        if self._db is not None:
            db = self._db
            db.execute("BEGIN")
            self._flush()
            compact_used = 0
            for kind, entries in self._compact.items():
                kept = {hashed: blob for hashed, blob in entries.items() if hashed in self._used_hashes}
                compact_used += len(kept)
                if kind in self._compact_changed or len(kept) != len(entries):
                    db.execute("INSERT OR REPLACE INTO compact VALUES (?, ?)", (kind, pickle.dumps(kept, protocol=5)))
            (stored,) = db.execute("SELECT count(*) FROM entry").fetchone()
            # Unused entries are deleted once they are a third of the store, not
            # every build: a no-change build then costs no write at all.
            if stored > 1.5 * (len(self._used_hashes) - compact_used) + 100:
                db.execute("CREATE TEMP TABLE used (key BLOB PRIMARY KEY)")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self._used_hashes))
                db.execute("DELETE FROM entry WHERE key NOT IN (SELECT key FROM used)")
                db.execute("DROP TABLE used")
            db.execute("COMMIT")
        self._pending = []
        self._digest_now = {}
        self._by_hash = {h: v for h, v in self._by_hash.items() if h in self._used_hashes}
        self._apart_known &= self._used_hashes  # the others' rows may be gone now
        self._used, self._used_hashes = set(), set()
        self._hashes, self._rows = {}, {}
        self._compact, self._compact_changed = {}, set()
        if not self.keep_in_memory:
            self._entries.clear()
            self._key_of.clear()
            self._by_hash.clear()


def _hash_key(key: Key) -> bytes:
    # repr of tuples of str, int, Path and frozen dataclasses is stable across runs.
    return hashlib.sha256(repr(key).encode()).digest()


def _shared_atom(value: Any) -> bool:
    """Objects the interpreter shares between unrelated values (None, numbers,
    the empty tuple, short strings...): never a reference to a cache entry, or
    every empty tuple pickled anywhere would point at one entry that happens to
    hold the empty tuple, and break when that entry is swept."""
    if value is None or isinstance(value, (bool, int, float, complex)):
        return True
    if isinstance(value, (str, bytes, tuple, frozenset)):
        return len(value) <= 1
    return False


# The first byte of a stored value: whether its pickle refers to other entries.
# One that does not (most: sources, phrase tables, file references) is read by
# pickle.loads alone, without a Python-level unpickler per entry.
_PLAIN, _WITH_REFERENCES = b"P", b"R"
_TEXT = b"T"  # a row holding a text stored apart: its UTF-8 bytes follow


def _load(blob: bytes, cache: BuildCache) -> Any:
    """A stored value (see ``BuildCache.store``) back."""
    if blob[:1] == _PLAIN:
        return pickle.loads(memoryview(blob)[1:])
    if blob[:1] != _WITH_REFERENCES:
        raise pickle.UnpicklingError("not a stored value")
    stream = io.BytesIO(blob)
    stream.seek(1)
    return _Unpickler(stream, cache).load()


class _Pickler(pickle.Pickler):
    """Values that hold other cached values (an EditionArticle holds its Article)
    store a reference to them instead of a copy; ``referred`` says whether any did."""

    def __init__(self, file: io.BytesIO, cache: BuildCache, own: Key) -> None:
        super().__init__(file, protocol=5)
        self.cache, self.own = cache, own
        self.referred = False

    def persistent_id(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is _Apart:
            self.referred = True
            data = obj.text.encode("utf-8")
            hashed = hashlib.sha256(b"text\0" + data).digest()
            cache = self.cache
            cache._used_hashes.add(hashed)
            if hashed not in cache._apart_known:
                cache._apart_known.add(hashed)
                cache._pending.append((hashed, _TEXT + data))
            return (_TEXT, hashed)
        if kind is _Deferred:
            self.referred = True
            self.cache._used_hashes.add(obj.hashed)
            return (_TEXT, obj.hashed)
        if _shared_atom(obj):
            return None
        key = self.cache._key_of.get(id(obj))
        if key is None or key == self.own or self.cache._entries.get(key) is not obj:
            return None
        self.referred = True
        return _hash_key(key)

    def reducer_override(self, obj: Any) -> Any:
        names = getattr(type(obj), "__stored_apart__", None)
        if not names:
            return NotImplemented
        reduced = obj.__reduce_ex__(5)
        state = dict(reduced[2])
        for name in names:
            value = state.get(name)
            if type(value) is str and len(value) >= _APART_MIN:
                state[name] = _Apart(value)
        return (*reduced[:2], state, *reduced[3:])


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, cache: BuildCache) -> None:
        super().__init__(file)
        self.cache = cache

    def persistent_load(self, pid: Any) -> Any:
        cache = self.cache
        if type(pid) is tuple:  # (_TEXT, row): a text stored apart, read on first use
            cache._used_hashes.add(pid[1])
            cache._apart_known.add(pid[1])
            return _Deferred(cache, pid[1], cache._path)
        cache._used_hashes.add(pid)
        if pid in cache._by_hash:
            return cache._by_hash[pid]
        row = cache._db.execute("SELECT value FROM entry WHERE key = ?", (pid,)).fetchone() if cache._db else None
        if row is None:
            raise pickle.UnpicklingError("a referenced entry is gone")
        value = cache._by_hash[pid] = _load(row[0], cache)
        return value


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of everything besides the inputs that decides the output: this
    package's files (code, rule tables, any data shipped with it), the installed
    distributions and their versions, and the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    # The installed distributions by the names of their metadata folders
    # (``name-version.dist-info``), where importlib.metadata finds them: listing
    # the folders is a tenth of the time of reading every METADATA file.
    names = sorted({entry for folder in sys.path if folder and os.path.isdir(folder) for entry in os.listdir(folder)
                    if entry.endswith((".dist-info", ".egg-info"))})
    digest.update("\n".join(names).encode())
    return digest.hexdigest()[:20]


def fingerprint(*paths: Path) -> str:
    """sha256 over the contents of files and, recursively, folders (names included)."""
    digest = hashlib.sha256()
    for root in paths:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root] if root.is_file() else []
        for file in files:
            digest.update(file.as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def memo_map(memo: Memo, workers: Any, jobs: list[tuple[Key, tuple[Any, ...]]], fn: Callable[..., T],
             rejoin: Callable[[T, tuple[Any, ...]], T] | None = None) -> list[T]:
    """``[memo(key, lambda: fn(*args)) for key, args in jobs]``, with the misses
    computed by ``workers`` (a ``workers.Workers``) in parallel; order kept.

    ``rejoin(value, args)`` runs on each value computed in a worker: a record
    that comes back from another process holds copies of its inputs, and the
    caller's own objects should take their place (memory, and the disk cache's
    de-duplication, rely on one object per record).
    """
    return memo_map_keys(memo, workers, [key for key, _ in jobs], lambda index: jobs[index][1], fn, rejoin)


def memo_map_keys(memo: Memo, workers: Any, keys: list[Key], args_of: Callable[[int], tuple[Any, ...]],
                  fn: Callable[..., T], rejoin: Callable[[T, tuple[Any, ...]], T] | None = None,
                  min_items_per_job: int | None = None) -> list[T]:
    """``memo_map`` given the keys, and ``args_of(index)`` for the arguments of a
    miss: when gathering the arguments costs more than the key, a rebuild that
    hits almost everything gathers them only for the few misses.
    ``min_items_per_job``: see ``workers.Workers.map`` (its default when None)."""
    results = memo.lookup_many(keys)
    missing = [index for index, value in enumerate(results) if value is _MISSING]
    args = [args_of(index) for index in missing]
    computed = workers.map(fn, args) if min_items_per_job is None else workers.map(fn, args, min_items_per_job)
    for index, value, given in zip(missing, computed, args, strict=True):
        if rejoin is not None:
            value = rejoin(value, given)
        results[index] = memo.store(keys[index], value)
    return results
