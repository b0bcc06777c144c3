"""Stage: OutputFiles + static files -> the output folder, all or nothing.

In: every file of the site (rendered in memory) and, optionally, the manifest of
the previous build's output. Out: the output folder replaced as a whole, and the
new manifest (``{path: FileStamp}``) for the next build.

How the folder is replaced, and why:

* **Refusals first.** The output folder is deleted and recreated on every build,
  so it must never be the project: a folder that holds ``config.yaml``,
  ``content/`` or ``templates/``, that is or contains one of the project's input
  folders, or that lies inside one, is refused; so is a non-empty folder that a
  previous build did not make. Every folder a build makes carries the stamp file
  ``.digest-build``; a stamped folder may also hold ``static/``, which the site
  itself publishes.
* **Staged beside it.** Files go to a sibling folder. An unchanged file (same
  bytes as the previous build's, checked through the manifest and the file's
  inode, size and modification time) is hard-linked from the previous output
  instead of written; everything else is written.
* **Double-buffered.** The staging folder is the tree the previous build
  retired, kept as ``.<name>.spare`` (hard links, so it costs directory
  entries, not file bytes): a file there that is the very inode the live site
  holds for that path, with the bytes wanted, is left as it is; any other file
  is replaced and anything extra deleted (moved into a ``.<name>.trash-XXXXXXXX``
  folder that a thread deletes while the tree is placed and indexed: freeing a
  file's blocks on such a disk costs milliseconds). So a build after a small change does
  work in proportion to the change, where building a fresh tree beside the
  live one and deleting the retired one cost a mkdir and an rmdir per page
  folder (tens of seconds at 10,000 articles on a disk mounted with
  ``discard``). Nothing in the spare is trusted but those inodes, so a spare
  left half-updated by a killed build is still safe to use. The first build
  stages in a fresh ``.<name>.new-XXXXXXXX`` folder.
* **Swapped whole.** On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the staged and
  the live folder in one step, so at every instant the output path holds the old
  or the new tree, and ``site/`` stays a real folder (GitHub's
  upload-pages-artifact tars it). Where the call is missing, two renames are used
  and the next build puts the old tree back if a kill fell between them.
* **Nothing piles up.** The retired tree becomes the spare (at most one per
  output folder, without the stamp, safe to delete); temp folders left by a
  killed build are deleted by the next one. A second build writing
  the same output at the same time is refused (an ``flock`` on the parent folder).
* **A no-change build writes nothing**: when every file is unchanged and no file
  is missing or extra, the folder is left alone, timestamps included.

``update_site`` is the preview server's shortcut: given the files it wrote last
time, it rewrites only what changed (each file replaced atomically) and deletes
what is gone, which leaves the same tree as a full write.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import os
import re
import shutil
import signal
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from .errors import BuildError, problem

STAMP_FILE = ".digest-build"
STAMP_DATA = b"Made by build.py build of the news digest. The whole folder is replaced on every build.\n"
# Entries that mark a project folder, never a built site.
PROJECT_ENTRIES = ("config.yaml", "content", "templates")
# A folder without the stamp holding this is a project's static folder, not a site.
UNSTAMPED_ONLY = ("static",)
# Tests set this to a step name to have the build SIGKILL itself there (see _step).
KILL_AT_ENV = "DIGEST_TEST_KILL_AT"
NO_EXCHANGE_ENV = "DIGEST_TEST_NO_RENAME_EXCHANGE"


class OutputFile:
    """One file of the site, not yet written: its bytes, or (``data`` None) a
    file the previous build wrote with these bytes (sha256), still in place.

    ``OutputFile(path, data, sha256="", packed=False)``: ``path`` is the POSIX
    path below the output folder; ``sha256`` (hex, of ``data``) is computed when
    not given. ``packed=True`` keeps the bytes zlib-compressed (level 1) until
    ``data`` is read: a cold build holds every rendered page until the tree is
    written (the 7,598 pages of a 3,000-article corpus: 110 MiB plain, 35 MiB
    packed, 0.8 s of CPU to pack and 0.4 s to unpack), and workers send under a
    third of the bytes back.
    ``data`` then decompresses on every read, so only files read once or twice
    (a build's write, the search indexer's copy) are packed; ``serve``
    compares its files on every rebuild and keeps them plain. Immutable;
    equal when path, bytes and sha256 are."""

    __slots__ = ("path", "sha256", "_stored", "_packed")
    path: str
    sha256: str
    _stored: bytes | None
    _packed: bool

    def __init__(self, path: str, data: bytes | None, sha256: str = "", packed: bool = False) -> None:
        if not sha256:
            assert data is not None, "a file needs its bytes or their sha256"
            sha256 = hashlib.sha256(data).hexdigest()
        packed = packed and data is not None
        self._hold(path, sha256, zlib.compress(data, 1) if packed else data, packed)

    def _hold(self, path: str, sha256: str, stored: bytes | None, packed: bool) -> None:
        for name, value in (("path", path), ("sha256", sha256), ("_stored", stored), ("_packed", packed)):
            object.__setattr__(self, name, value)

    @property
    def data(self) -> bytes | None:
        return zlib.decompress(self._stored) if self._packed and self._stored is not None else self._stored

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"OutputFile is immutable: cannot set {name}")

    def __reduce__(self) -> tuple[object, ...]:
        return _unpickle_output_file, (self.path, self._stored, self.sha256, self._packed)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OutputFile):
            return NotImplemented
        return (self.path, self.sha256, self.data) == (other.path, other.sha256, other.data)

    def __hash__(self) -> int:
        return hash((self.path, self.sha256))

    def __repr__(self) -> str:
        size = "None" if self._stored is None else f"{len(self.data or b'')} bytes"
        return f"OutputFile(path={self.path!r}, data=<{size}>, sha256={self.sha256!r})"


def _unpickle_output_file(path: str, stored: bytes | None, sha256: str, packed: bool) -> OutputFile:
    """Pickle's way back (a worker's result): the stored form as it was, packed
    bytes not unpacked and packed again."""
    file = OutputFile.__new__(OutputFile)
    file._hold(path, sha256, stored, packed)
    return file


class FileStamp(NamedTuple):
    """What a written file holds (sha256 of its bytes) and how to recognise it on
    disk again without reading it (inode, size, mtime in ns). A tuple: tens of
    thousands of them are stored and read back per build."""

    sha256: str
    size: int
    inode: int
    mtime_ns: int


Manifest = Mapping[str, FileStamp]
PostProcess = Callable[[Path], None]


def static_files(static_dir: Path) -> list[OutputFile]:
    """Files to copy verbatim, under ``static/`` in the output."""
    if not static_dir.is_dir():
        return []
    return [
        OutputFile(f"static/{p.relative_to(static_dir).as_posix()}", p.read_bytes())
        for p in sorted(static_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    ]


# An empty, "." or ".." segment, a leading slash or a backslash in any of the
# paths joined by NUL: any path that could leave the output folder matches.
_SUSPECT_PATH = re.compile(r"(?:^|/|\0)(?:\.{1,2})?(?:/|\0|$)|\\")


def check_paths(files: list[OutputFile]) -> None:
    """No two files at one path, and none outside the output folder."""
    paths = [file.path for file in files]
    # The usual case, checked in a few passes of C code (a rebuild after one edit
    # checks every path of the site); anything suspect gets the exact check below.
    if len(set(paths)) == len(paths) and STAMP_FILE not in paths and not _SUSPECT_PATH.search("\0".join(paths)):
        return
    seen: set[str] = set()
    problems = []
    for file in files:
        parts = file.path.split("/")
        if file.path.startswith("/") or "\\" in file.path or any(p in ("", ".", "..") for p in parts):
            problems.append(problem(file.path, 0, "output path would leave the output folder"))
        elif file.path == STAMP_FILE:
            problems.append(problem(file.path, 0, "this name is reserved for the build's own stamp file"))
        elif file.path in seen:
            problems.append(problem(file.path, 0, "two parts of the build write this file"))
        seen.add(file.path)
    if problems:
        raise BuildError(problems)


def check_output_folder(out_dir: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output folder whose replacement would destroy something.

    ``inputs``: the project's config file and input folders (content, templates,
    static). Raises BuildError (``out_dir:0: reason``) when the folder is one of
    them, holds or lies inside one, holds a project entry, or is non-empty and
    lacks the stamp of a previous build.
    """
    out_dir = out_dir.resolve()
    for item in inputs:
        item = item.resolve()
        if out_dir == item or out_dir in item.parents:
            _refuse(out_dir, f"it holds the project's {item.name}; choose another --out (e.g. site)")
        if item.is_dir() and item in out_dir.parents:
            _refuse(out_dir, f"it lies inside the project's {item.name} folder; choose another --out (e.g. site)")
    if not out_dir.exists():
        return
    if not out_dir.is_dir() or out_dir.is_symlink():
        _refuse(out_dir, "it is not a folder")
    names = set(os.listdir(out_dir))
    stamped = STAMP_FILE in names
    found = sorted(names & {*PROJECT_ENTRIES, *([] if stamped else UNSTAMPED_ONLY)})
    if found:
        _refuse(out_dir, f"it holds {', '.join(found)}, so it looks like a project, not a built site")
    if names and not stamped:
        _refuse(out_dir, f"it is not empty and no earlier build made it (no {STAMP_FILE} file); "
                         "empty it or choose another --out")


def _refuse(out_dir: Path, reason: str) -> None:
    raise BuildError([problem(out_dir, 0, f"refusing to replace this output folder: {reason}")])


def write_site(files: list[OutputFile], out_dir: Path, *, previous: Manifest | None = None,
               post_process: PostProcess | None = None, inputs: Iterable[Path] = (),
               post_process_owns: tuple[str, ...] = (), own_temp: Iterable[Path] = ()) -> dict[str, FileStamp]:
    """Make ``out_dir`` hold exactly ``files`` (plus the stamp), replacing it whole.

    ``previous``: the manifest this function returned for the current content of
    ``out_dir``; files it vouches for are hard-linked, not rewritten. With none,
    every file is written. ``post_process(staged_dir)`` runs on the complete staged
    tree before the swap (a search indexer, say): it may add files, replace or
    delete them, never edit one in place, since unchanged files are hard links
    into the live site. ``post_process_owns``: site-relative paths (a folder
    ending in "/", or a file) that ``post_process`` makes whole whatever it
    finds there: files below them that an earlier post-processing added to the
    live tree may be left in the staged tree (the very same files, hard-linked),
    for it to keep, replace or delete; given, they are also the only places
    where it adds files (only they are looked through afterwards). ``own_temp``: temp folders beside
    ``out_dir`` this build made already (``search.start_index``), which the
    clearing of a killed build's leftovers spares. Returns the new manifest. Raises BuildError on a refused folder,
    a bad output path or a concurrent build; the old folder then stays as it was.
    """
    check_paths(files)
    out_dir = out_dir.resolve()
    check_output_folder(out_dir, inputs)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out_dir):
        _recover(out_dir, own_temp)
        reusable = reusable_files(out_dir, previous or {})
        stamps = {f.path: f.sha256 for f in files}
        if out_dir.is_dir() and _unchanged(out_dir, stamps, reusable):
            return reusable
        spare = spare_folder(out_dir)
        recycled = out_dir.is_dir() and spare.is_dir() and not spare.is_symlink()
        staging = spare if recycled else Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
        deleting: threading.Thread | None = None
        try:
            # What a post-processing step added to the live tree (a search
            # index) stays in the spare where it is the live file itself: the
            # step keeps what it still wants instead of writing it again.
            owned = tuple(post_process_owns) if post_process is not None else ()
            added = {path: stamp.inode for path, stamp in reusable.items()
                     if not stamp.sha256 and owned and path.startswith(owned)
                     and any(path == own or (own.endswith("/") and path.startswith(own)) for own in owned)}
            trash = _temp_name(out_dir, "trash") if recycled else None
            present: dict[str, int] = {}
            made: set[Path] = {staging}
            written: dict[str, FileStamp] = {}
            try:
                if trash is not None:
                    trash.mkdir()
                    present = _prune(staging, stamps, added, trash)
                for file in files:
                    old = reusable.get(file.path)
                    if old is not None and old.sha256 == stamps[file.path] and present.get(file.path) == old.inode:
                        written[file.path] = old  # the live file's own inode: already in place
                        continue
                    target = staging / file.path
                    if file.path in present:
                        # Never written into (it may be a link to a live file),
                        # nor unlinked here: a file no live tree holds any more
                        # frees its blocks, milliseconds each (see _prune).
                        os.rename(target, trash / f"r{len(written)}")  # type: ignore[operator]
                    elif target.parent not in made:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        made.update((target.parent, *target.parent.parents))
                    written[file.path] = _place(file, target, out_dir, stamps[file.path], reusable)
            finally:
                if trash is not None:
                    # Deleted while the tree is indexed; started only once nothing
                    # more goes into the trash, so rmtree empties it whole.
                    deleting = threading.Thread(target=shutil.rmtree, args=(trash,), kwargs={"ignore_errors": True})
                    deleting.start()
            if post_process is not None:
                post_process(staging)
                written.update(_added_by(staging, written, owned))
            (staging / STAMP_FILE).write_bytes(STAMP_DATA)  # last: a spare is stamped only just before its swap
            os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a web server must read it
            _step("staged")
            _swap(staging, out_dir)
        except BaseException:
            if not recycled:  # a spare stays: nothing in it is trusted but live inodes
                shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            if deleting is not None:
                deleting.join()
        return written


def spare_folder(out_dir: Path) -> Path:
    """Where the tree an output folder's previous build retired is kept:
    ``.<name>.spare`` beside it, the next build's staging folder."""
    return out_dir.parent / f".{out_dir.name}.spare"


def _prune(folder: Path, wanted: Mapping[str, str], keep: Mapping[str, int] | None = None,
           trash: Path | None = None) -> dict[str, int]:
    """Delete from ``folder`` every file (or symlink) whose path is not in
    ``wanted``, and the folders that leaves empty; return the inode of each file
    kept, by POSIX path. A file at a path of ``keep`` (POSIX path -> inode) that
    is that very inode stays too, not counted among the kept. One walk, no
    stat calls (scandir gives the inodes).

    ``trash``: an empty folder on the same file system, where what goes is
    moved (a folder that keeps nothing in one rename) instead of deleted, for
    the caller to delete while other work runs: freeing a file's blocks is the
    slow part of deleting it (milliseconds per file on a disk mounted with
    ``discard``), and a retired search shard is hundreds of files."""
    keep = keep or {}
    kept: dict[str, int] = {}
    emptied: list[str] = []
    doomed: list[str] = []

    def walk(path: str, rel: str) -> bool:
        """True if the folder at ``path`` keeps nothing."""
        empty = True
        with os.scandir(path) as entries:
            for entry in entries:
                name = f"{rel}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    if walk(entry.path, f"{name}/"):
                        emptied.append(entry.path)
                    else:
                        empty = False
                elif name in wanted:
                    kept[name] = entry.inode()
                    empty = False
                elif name in keep and keep[name] == entry.inode() and not entry.is_symlink():
                    empty = False
                else:
                    doomed.append(entry.path)
        return empty

    walk(str(folder), "")
    if trash is None:
        for path in doomed:
            os.unlink(path)
        for path in emptied:  # children were appended before their parents
            os.rmdir(path)
        return kept
    going = set(emptied)
    moved = 0
    for path in (*doomed, *emptied):  # only the topmost of what goes: a folder takes what it holds along
        if os.path.dirname(path) not in going:
            os.rename(path, os.path.join(trash, str(moved)))
            moved += 1
    return kept


def _added_by(staging: Path, written: Manifest, within: tuple[str, ...] = ()) -> dict[str, FileStamp]:
    """Files a post-processing step added: recorded (never reused, sha256 "") so a
    later no-change build knows the tree is complete as it stands. One scandir
    walk; only the added files are stat'ed. ``within``: the only paths (a
    folder ending in "/", or a file) where the step adds files; without, the
    whole tree is walked."""
    if within:
        entries: Iterable[tuple[str, os.DirEntry[str]]] = (
            item for own in within for item in _scan_path(staging, own))
    else:
        entries = scan_files(str(staging))
    added = {}
    for name, entry in entries:
        if name not in written and name != STAMP_FILE:
            info = entry.stat(follow_symlinks=False)
            added[name] = FileStamp("", info.st_size, info.st_ino, info.st_mtime_ns)
    return added


def _scan_path(root: Path, own: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """``scan_files`` of the folder ``own`` (ending in "/") below ``root``, or the
    file ``own`` alone; nothing when it is missing."""
    if own.endswith("/"):
        if os.path.isdir(root / own) and not os.path.islink(root / own.rstrip("/")):
            yield from scan_files(str(root / own), own)
        return
    parent, _, name = own.rpartition("/")
    try:
        with os.scandir(root / parent) as found:
            yield from ((own, entry) for entry in found if entry.name == name and not entry.is_dir(follow_symlinks=False))
    except OSError:
        return


def scan_files(folder: str, rel: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file (or symlink) below ``folder``, as (POSIX path relative to it, with
    ``rel`` in front; its ``os.DirEntry``), in one ``os.scandir`` walk that follows
    no symlink and makes no stat call. Raises OSError when a folder cannot be read."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from scan_files(entry.path, f"{rel}{entry.name}/")
            else:
                yield f"{rel}{entry.name}", entry


def tree_stamp(out_dir: Path, manifest: Manifest | None = None) -> str:
    """sha256 naming every file of ``out_dir`` by path, inode, size and mtime: equal
    for two looks exactly while no file was added, removed, replaced or written.
    With ``manifest`` (what a build just wrote there) it is computed from that
    and the stamp file, without walking the folder; without, by one walk."""
    if manifest is not None:
        info = os.stat(os.path.join(out_dir, STAMP_FILE), follow_symlinks=False)
        lines = [f"{path}\0{s.inode}\0{s.size}\0{s.mtime_ns}" for path, s in manifest.items()]
        lines.append(f"{STAMP_FILE}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}")
    else:
        lines = []
        for name, entry in scan_files(str(out_dir)):
            info = entry.stat(follow_symlinks=False)
            lines.append(f"{name}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}")
    lines.sort()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def reusable_files(out_dir: Path, previous: Manifest) -> dict[str, FileStamp]:
    """The files of ``previous`` still on disk as that build left them."""
    if not previous or not (out_dir / STAMP_FILE).is_file():
        return {}
    kept = {}
    base = os.path.join(out_dir, "")
    for path, stamp in previous.items():
        try:
            info = os.stat(base + path, follow_symlinks=False)
        except OSError:
            continue
        if (info.st_ino, info.st_size, info.st_mtime_ns) == (stamp.inode, stamp.size, stamp.mtime_ns):
            kept[path] = stamp
    return kept


def _unchanged(out_dir: Path, stamps: Mapping[str, str], reusable: Manifest) -> bool:
    """Every file is already there with the same bytes, and nothing else is but
    what a post-processing step added to that same tree (sha256 "")."""
    if any(reusable.get(path, _NONE).sha256 != sha for path, sha in stamps.items()):
        return False
    if any(stamp.sha256 for path, stamp in reusable.items() if path not in stamps):
        return False
    count = sum(len(names) for _, _, names in os.walk(out_dir))
    return count == len(reusable) + 1  # + the stamp file


_NONE = FileStamp("", -1, -1, -1)


def _place(file: OutputFile, target: Path, out_dir: Path, sha: str, reusable: Manifest) -> FileStamp:
    old = reusable.get(file.path)
    if old is not None and old.sha256 == sha:
        try:
            os.link(out_dir / file.path, target)
            return old
        except OSError:
            pass  # another file system or no hard links: copy or write it
    if file.data is None:
        if old is None or old.sha256 != sha:
            raise BuildError([problem(out_dir / file.path, 0, "changed while the site was being built; build again")])
        shutil.copyfile(out_dir / file.path, target)
        info = os.stat(target)
        return FileStamp(sha, info.st_size, info.st_ino, info.st_mtime_ns)
    with open(target, "wb") as handle:
        handle.write(file.data)
        handle.flush()  # size and mtime are final only once the bytes reached the file
        info = os.fstat(handle.fileno())
    return FileStamp(sha, info.st_size, info.st_ino, info.st_mtime_ns)


def replace_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` in one step for readers (a sibling file renamed
    over it): a page being served is the old one or the new one, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


def update_site(files: list[OutputFile], out_dir: Path, previous: Mapping[str, bytes | None],
                manifest: Manifest | None = None) -> dict[str, FileStamp]:
    """Bring ``out_dir``, which holds exactly ``previous``, to ``files``; returns
    the new manifest (``manifest``: the one of ``previous``, if known).

    Only files whose bytes differ from ``previous`` are written or looked at on
    disk: an unchanged page is the very bytes object of the last build (compared
    by identity first), so after one edit the work follows the edit, not the
    site."""
    check_paths(files)
    stamps = dict(manifest or {})
    for file in files:
        old = previous.get(file.path)
        if old is file.data and file.data is not None and file.path in stamps:
            continue  # the same bytes object as last time: on disk as the manifest says
        target = out_dir / file.path
        if file.data is not None and old != file.data:
            replace_file(target, file.data)
        elif file.path in stamps and stamps[file.path].sha256 == file.sha256:
            continue
        info = os.stat(target)
        stamps[file.path] = FileStamp(file.sha256, info.st_size, info.st_ino, info.st_mtime_ns)
    current = {f.path for f in files}
    for path in previous.keys() - current:
        stamps.pop(path, None)
        (out_dir / path).unlink(missing_ok=True)
        for folder in (out_dir / path).parents:
            if folder == out_dir or any(folder.iterdir()):
                break
            folder.rmdir()
    for path in stamps.keys() - current:  # in the manifest but not in ``previous``: not ours any more
        del stamps[path]
    return stamps


# --------------------------------------------------------------------------- the swap


def _step(name: str) -> None:
    """A named point of the swap: tests make the build die here with SIGKILL, the
    way a killed CI job or a power cut would, to check what the folder holds."""
    if os.environ.get(KILL_AT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _swap(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` at ``out_dir``; the tree it replaces becomes the spare."""
    if not out_dir.exists():
        staging.rename(out_dir)
        _step("renamed")
        return
    spare = spare_folder(out_dir)
    if _exchange(staging, out_dir):
        _step("exchanged")
        retired = staging  # the old tree, now under the staging name
    else:
        retired = _temp_name(out_dir, "old")
        out_dir.rename(retired)
        _step("between-renames")  # the gap _recover closes
        try:
            staging.rename(out_dir)
        except BaseException:
            retired.rename(out_dir)  # put the previous site back
            raise
    # Unstamped first: the spare must never pass for a complete site.
    (retired / STAMP_FILE).unlink(missing_ok=True)
    _step("retired")
    if retired != spare:
        if spare.is_dir() and not spare.is_symlink():
            _remove_tree(spare)  # a spare the build could not use (its output folder was missing)
        elif spare.exists() or spare.is_symlink():
            spare.unlink()
        retired.rename(spare)


def remove_path(path: Path) -> None:
    """Delete whatever stands at ``path``: a folder with all below it, or a file or
    symlink (never what a symlink points to); nothing when there is nothing."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _remove_tree(path: Path) -> None:
    # Unstamp first: a half-deleted tree must never pass for a complete site.
    (path / STAMP_FILE).unlink(missing_ok=True)
    _step("removing")
    shutil.rmtree(path, ignore_errors=True)


def _temp_name(out_dir: Path, kind: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{kind}-{os.urandom(6).hex()}"


def _temp_folders(out_dir: Path) -> list[Path]:
    pattern = re.compile(rf"^\.{re.escape(out_dir.name)}\.(new|old|trash|index)-[A-Za-z0-9_]{{8,12}}$")
    return sorted(p for p in out_dir.parent.iterdir() if pattern.match(p.name) and p.is_dir() and not p.is_symlink())


def recover(out_dir: Path) -> None:
    """Undo what a killed build left beside ``out_dir``: put the old tree back if
    the output path is empty (a kill between the two fallback renames), delete
    every temp folder. Raises BuildError while another build holds the folder."""
    out_dir = out_dir.resolve()
    if not out_dir.parent.is_dir():
        return
    with _locked(out_dir):
        _recover(out_dir)


def _recover(out_dir: Path, own_temp: Iterable[Path] = ()) -> None:
    (spare_folder(out_dir) / STAMP_FILE).unlink(missing_ok=True)  # a kill just before its swap
    spared = {Path(p).resolve() for p in own_temp}
    leftovers = [p for p in _temp_folders(out_dir) if p.resolve() not in spared]
    if not out_dir.exists():
        whole = [p for p in leftovers if p.name.startswith(f".{out_dir.name}.old-") and (p / STAMP_FILE).is_file()]
        if whole:
            whole[0].rename(out_dir)
            leftovers.remove(whole[0])
    for folder in leftovers:
        _remove_tree(folder)


class _locked:
    """An exclusive flock on the output's parent folder for one build: a second
    build to the same place is refused rather than racing on the swap."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.fd = -1

    def __enter__(self) -> None:
        self.fd = os.open(self.out_dir.parent, os.O_RDONLY)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise BuildError([problem(self.out_dir, 0, "another build is writing this output folder right now")]) from None

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)  # closing releases the lock


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE). False where
    the C library or the file system lacks it; any other failure raises."""
    if os.environ.get(NO_EXCHANGE_ENV):
        return False
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


_renameat2_fn: object = False


def _renameat2() -> Callable[..., int] | None:
    global _renameat2_fn
    if _renameat2_fn is False:
        _renameat2_fn = None
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name, use_errno=True)
            fn = libc.renameat2  # glibc >= 2.28
            fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            fn.restype = ctypes.c_int
            _renameat2_fn = fn
        except (OSError, AttributeError):
            pass
    return _renameat2_fn  # type: ignore[return-value]
