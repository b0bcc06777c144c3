"""Stage: search, in two parts.

1. ``build_script_maps`` (in memory, with the other OutputFiles): per edition,
   ``<prefix>/search/script-map.json``, the table the search page uses to turn a
   query typed in the other script into the edition's script before it asks the
   index, so 软银 and 軟銀 (and 人工智能 / 人工智慧, where the edition's
   conversion maps them) find the same articles in either edition. Shape::

       {"n": 5, "p": {"人工智能": "人工智慧", ...}, "c": {"软": "軟", ...}}

   ``c`` maps single characters, ``p`` phrases (2..``n`` characters) whose
   conversion is not the character-by-character one. Both come from the
   converter the edition's pages are written with (``convert.edition_converter``
   with the site glossary): every Han
   character, and every phrase of the other edition's text of the same
   articles (what a reader of the other script would type) that the converter
   converts differently from its characters. The table stays small because
   only phrases in the site's articles are in it; ``convert_query`` is the
   lookup walk, and ``static/search.js`` runs the same walk in the browser.

2. ``index_site`` (on disk, after every file is written to the staged output
   folder and before it is swapped in): Pagefind (the extended build, which
   segments Chinese) indexes each edition's article pages into shards below
   ``<prefix>/pagefind/``, each named by the hash of what Pagefind reads of its
   pages (``search_view``), so a shard whose pages did not change that part is
   taken from the previous output instead of indexed again. Its output depends only on the pages, so rebuilds are byte-identical
   (checked by the tests). ``static/search.js`` searches every shard.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import cbor2

from .article import plain_text
from .cache import MISSING, Memo, memo_map_keys, no_memo
from .config import Config, Edition
from .convert import TextConverter, edition_converter
from .errors import BuildError, problem
from .output import OutputFile, remove_path, replace_file, scan_files
from .pages import EditionArticle, search_path
from .workers import Workers

MAX_PHRASE = 5  # longest phrase kept; regional phrase tables are almost all shorter
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_UNUSED_UI = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
              "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
_SEPARATOR = "\ue000"  # a private-use character in no table, so no phrase matches across two pieces


def index_folder(edition: Edition) -> str:
    """Site-relative folder of an edition's Pagefind bundle."""
    return f"{edition.prefix}/pagefind/"


def words_path(edition: Edition) -> str:
    """Site-relative path of the edition's index words (written with the index)."""
    return f"{search_path(edition)}words.json"


def index_paths(config: Config) -> tuple[str, ...]:
    """Everything ``index_site`` writes (each edition's index folder and word
    list), site-relative: it makes these whole whatever they held before."""
    return tuple(path for edition in config.editions for path in (index_folder(edition), words_path(edition)))


def script_map_path(edition: Edition) -> str:
    return f"{search_path(edition)}script-map.json"


def query_converter(config: Config, edition: Edition) -> TextConverter:
    """The converter the edition's pages are written with (engine, project and
    site glossary): what a query in the other script must go through."""
    return edition_converter(edition, config.glossary.entries)


def _convert_many(pieces: list[str], conv: TextConverter) -> list[str]:
    if not pieces:
        return []
    converted = conv(_SEPARATOR.join(pieces)).split(_SEPARATOR)
    if len(converted) != len(pieces):  # never trade correctness for speed
        converted = [conv(p) for p in pieces]
    return converted


@lru_cache(maxsize=8)
def _char_table(conv: TextConverter) -> Mapping[str, str]:
    chars = [chr(c) for low, high in _HAN_RANGES for c in range(low, high + 1)]
    return {c: d for c, d in zip(chars, _convert_many(chars, conv), strict=True) if d != c and len(d) == 1}


def convert_query(text: str, table: Mapping[str, object]) -> str:
    """The search page's conversion of a query: at each position the longest
    phrase of ``table["p"]`` (at most ``table["n"]`` characters), else the
    character through ``table["c"]``, else the character itself."""
    phrases: Mapping[str, str] = table["p"]  # type: ignore[assignment]
    chars: Mapping[str, str] = table["c"]  # type: ignore[assignment]
    longest: int = table["n"]  # type: ignore[assignment]
    out: list[str] = []
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            piece = text[i:i + n]
            if piece in phrases:
                out.append(phrases[piece])
                i += n
                break
        else:
            out.append(chars.get(text[i], text[i]))
            i += 1
    return "".join(out)


@lru_cache(maxsize=8)
def _char_translation(conv: TextConverter) -> Mapping[int, str]:
    return {ord(c): d for c, d in _char_table(conv).items()}


def phrase_candidates(texts: Iterable[str], conv: TextConverter) -> dict[str, str]:
    """Phrases of ``texts`` (written in the other script) that the edition's
    conversion turns into something other than their characters' conversion:
    phrase -> converted phrase. Only phrases over a character that the whole
    run's conversion changes beyond the character table are tried, which keeps
    this to a small share of the build."""
    charwise = _char_translation(conv)  # one character to one: a phrase's form is a slice of its run's
    runs = sorted({run for text in texts for run in _HAN_RUN.findall(text)})
    pieces: dict[str, str] = {}  # phrase -> its character-by-character conversion
    for run, converted in zip(runs, _convert_many(runs, conv), strict=True):
        plain = run.translate(charwise)
        if converted == plain:
            continue
        if len(converted) != len(plain):  # a phrase of another length: try every phrase of the run
            pieces.update({run[start:start + length]: plain[start:start + length] for length in range(2, MAX_PHRASE + 1)
                           for start in range(len(run) - length + 1)})
            continue
        for i in [i for i, (a, b) in enumerate(zip(converted, plain)) if a != b]:
            for length in range(2, MAX_PHRASE + 1):
                for start in range(max(0, i - length + 1), min(i, len(run) - length) + 1):
                    pieces[run[start:start + length]] = plain[start:start + length]
    ordered = sorted(pieces)
    return {piece: converted for piece, converted in zip(ordered, _convert_many(ordered, conv), strict=True)
            if converted != pieces[piece]}


def _article_fields(item: EditionArticle) -> tuple[str, ...]:
    """What of an article a reader of the other script might type: title, summary,
    outlet, tags and the body (still HTML: its text is taken by the worker)."""
    return (item.title, item.summary, item.source, *(t.name for t in item.tags), item.html)


def _phrases_of(fields: tuple[str, ...], config: Config, code: str) -> tuple[dict[str, str], str]:
    """``phrase_candidates`` of one article's fields for edition ``code`` (the
    per-article part of the table, run by the workers) and a sha1 of them, so
    the table is made again only when some article's phrases changed."""
    edition = next(e for e in config.editions if e.code == code)
    phrases = phrase_candidates([*fields[:-1], plain_text(fields[-1])], query_converter(config, edition))
    return phrases, hashlib.sha1(json.dumps(sorted(phrases.items()), ensure_ascii=False).encode()).hexdigest()


def build_script_maps(config: Config, by_edition: Mapping[str, list[EditionArticle]], memo: Memo = no_memo,
                      workers: Workers | None = None) -> list[OutputFile]:
    """One ``script-map.json`` per edition (see the module docstring).

    In: the Config and each edition's articles. Out: OutputFiles, JSON with
    sorted keys, so the same articles always give the same bytes. The phrases of
    each article are memoised on its digest and found by ``workers`` when given,
    with a signature of them memoised apart. The table depends only on the
    union of the phrases (a phrase always converts the same way), so it is
    memoised on the set of signatures: adding, editing or deleting articles
    without a phrase new to the site reuses it without reading any article's
    phrases back."""
    files = []
    workers = workers or Workers(1)
    for edition in config.editions:
        sources = [(other.code, item) for other in config.editions if other.code != edition.code
                   for item in by_edition[other.code]]
        keys: list[tuple[Hashable, ...]] = [("script-map", item.article.doc.digest, code, edition.code, config.fingerprint)
                                            for code, item in sources]
        sig_keys: list[tuple[Hashable, ...]] = [("script-map-sig", *key[1:]) for key in keys]
        found: dict[int, dict[str, str]] = {}

        def phrases_of(indices: list[int], code: str = edition.code) -> list[str]:
            parts = memo_map_keys(memo, workers, [keys[i] for i in indices],
                                  lambda j: (_article_fields(sources[indices[j]][1]), config, code), _phrases_of)
            for i, (phrases, _) in zip(indices, parts, strict=True):
                found[i] = phrases
            return [sig for _, sig in parts]

        sigs = memo.lookup_many(sig_keys)
        todo = [i for i, sig in enumerate(sigs) if sig is MISSING]
        for i, sig in zip(todo, phrases_of(todo), strict=True):
            sigs[i] = memo.store(sig_keys[i], sig)
        # Not read when the table is reused, but still this site's: kept by the cache.
        memo.keep([keys[i] for i in range(len(keys)) if i not in found])
        key = hashlib.sha256("\0".join(sorted(set(sigs))).encode()).hexdigest()

        def table(edition: Edition = edition, found: dict[int, dict[str, str]] = found, count: int = len(keys),
                  phrases_of: Callable[[list[int]], list[str]] = phrases_of) -> OutputFile:
            phrases_of([i for i in range(count) if i not in found])
            return _script_map(config, edition, [found[i] for i in range(count)])

        files.append(memo(("script-map-table", edition.code, key, config.fingerprint), table))
    return files


def _script_map(config: Config, edition: Edition, parts: list[dict[str, str]]) -> OutputFile:
    conv = query_converter(config, edition)
    found: dict[str, str] = {}
    for phrases in parts:
        found.update(phrases)
    table = {"n": MAX_PHRASE, "p": _minimal(found, conv), "c": dict(_char_table(conv))}
    data = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return OutputFile(script_map_path(edition), data)


def _minimal(found: Mapping[str, str], conv: TextConverter) -> dict[str, str]:
    """Drop every phrase that the walk already converts right with the shorter
    phrases kept before it."""
    kept: dict[str, str] = {}
    table = {"n": MAX_PHRASE, "p": kept, "c": _char_table(conv)}
    for phrase in sorted(found, key=lambda p: (len(p), p)):
        if convert_query(phrase, table) != found[phrase]:
            kept[phrase] = found[phrase]
    return dict(sorted(kept.items()))


_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,8}")
_SIGNATURE = b"pagefind_dcd"  # what every gzipped Pagefind data file starts with once unzipped


def _read_data(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind data file")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _write_data(folder: Path, stem: str, suffix: str, value: Any, digits: int) -> str:
    """Write ``value`` as Pagefind does (signature + CBOR, gzipped), gzip without a
    timestamp, named by the hash of its bytes; return the new hash name."""
    raw = _SIGNATURE + cbor2.dumps(value)
    name = f"{stem}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def normalise_bundle(bundle: Path) -> list[str]:
    """Make a Pagefind bundle depend only on the pages indexed.

    Pagefind 1.5 writes its filter files (and so the language's meta file and
    the entry that names it) with values in hash-map order, which changes from
    run to run (its maintainer says so in Pagefind issue #638). Here each filter's
    values are sorted, the meta file lists the filters by name, and both are
    renamed by the hash of their new bytes; fragments and index chunks are
    already stable and are left alone. In: a bundle folder. Out: the same folder,
    rewritten in place, and the index's Chinese words of 2..8 characters, sorted
    (see ``index_site``). Raises ValueError on a file that is not Pagefind data."""
    words: set[str] = set()
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_data(meta_path)
        filters = []
        for name, old in meta[3]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = _read_data(old_path)
            old_path.unlink()
            new = _write_data(bundle / "filter", old.rsplit("_", 1)[0], ".pf_filter",
                              [filter_name, sorted(values, key=lambda v: v[0])], 7)
            filters.append([name, new])
        meta[3] = sorted(filters)
        for _, _, chunk in meta[2]:
            words.update(w[0] for w in _read_data(bundle / "index" / f"{chunk}.pf_index")[0] if _WORD.fullmatch(w[0]))
        meta_path.unlink()
        info["hash"] = _write_data(bundle, "pagefind." + info["hash"].rsplit("_", 1)[0], ".pf_meta", meta, 15)[len("pagefind."):]
        entry["languages"][language] = info
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return sorted(words)


# Shards: an edition's articles are indexed in 2**b groups by a hash of their
# slug, b chosen from the article count so a group holds SHARD_PAGES up to
# 2*SHARD_PAGES-1 pages, with at most MAX_SHARDS groups (the search page loads
# every group as a Pagefind module of its own, so their number is kept small).
# An article's group depends only on its slug and that count, so adding,
# editing or deleting an article changes one group, and only that group is
# indexed again; the others are reused from the previous output (their folder
# is named by what Pagefind reads of their pages: a new article's neighbours
# change only their pager and coverage box, which it does not read). Why it pays: Pagefind 1.5.2 (extended) took
# about 3 ms of CPU and 0.38 MB of peak memory per article page, growing
# linearly, on 1,000 and 4,000 pages of the benchmark corpus
# (bench/prepare_site.py), so one index of a 10,000-article edition costs
# about half a minute of CPU and 4 GB; a group costs a group's share.
SHARD_PAGES = 256
MAX_SHARDS = 16
# Part of every shard's name: a change to what a shard folder holds (Pagefind's
# version, the normalisation below) must give it another name.
_SHARD_FORMAT = "2"


def shard_count(pages: int) -> int:
    """How many groups an edition of ``pages`` article pages is indexed in: the
    largest power of two ``k`` with ``k * SHARD_PAGES <= pages``, at least 1,
    at most MAX_SHARDS."""
    count = 1
    while count * 2 * SHARD_PAGES <= pages and count * 2 <= MAX_SHARDS:
        count *= 2
    return count


def shard_of(slug: str, count: int) -> int:
    """The group (0..count-1) of the article page with this ``slug``."""
    return int.from_bytes(hashlib.sha256(slug.encode("utf-8")).digest()[:4], "big") % count


@dataclass(frozen=True)
class _Shard:
    edition: Edition
    name: str  # the folder below index_folder(edition): sha256 of what it holds
    pages: tuple[str, ...]  # site-relative paths of its article pages, sorted


# What can change Pagefind's record of a page beyond the body element: a tag
# with a Pagefind attribute (a filter, meta or sort still counts inside an
# ignored element), a heading or an image (its default title and image meta).
_SEARCH_RELEVANT = re.compile(rb"data-pagefind-(?!ignore)|<h1\b|<img\b", re.IGNORECASE)
_BODY_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")
_IGNORE_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>")


def _element_end(html: bytes, name: bytes, start: int) -> int | None:
    """The offset just past the close tag of the ``name`` element whose start tag
    ends at ``start``, counting nested elements of the same name; None if it is
    never closed."""
    depth = 1
    for match in re.compile(rb"<(/?)" + re.escape(name) + rb"\b[^>]*>", re.IGNORECASE).finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def search_view(html: bytes) -> bytes:
    """What of an article page Pagefind's record depends on, for naming shards.

    In: the page's bytes. Out: the page up to the end of its
    ``data-pagefind-body`` element, without its ``data-pagefind-ignore``
    elements, plus what follows the body when anything there can reach the
    record (``_SEARCH_RELEVANT``). An article's neighbours change only the
    parts left out (the same-day pager after the article, the other-coverage
    box), so adding one article no longer renames every shard holding a
    neighbour. Anything unusual (no body element, an unclosed one, an ignored
    element holding a filter or meta) keeps the bytes in, which can only cost
    an extra indexing, never a stale index."""
    body = _BODY_TAG.search(html)
    if body is None:
        return html
    end = _element_end(html, body.group(1), body.end())
    if end is None:
        return html
    kept, position = [], 0
    for ignored in _IGNORE_TAG.finditer(html, body.end(), end):
        if ignored.start() < position:
            continue  # inside an element already left out
        close = _element_end(html, ignored.group(1), ignored.end())
        if close is None or close > end or _SEARCH_RELEVANT.search(html, ignored.end(), close):
            continue
        kept.append(html[position:ignored.start()])
        position = close
    kept.append(html[position:end])
    if _SEARCH_RELEVANT.search(html, end):
        kept.append(html[end:])
    return b"".join(kept)


def _pagefind_version() -> str:
    from importlib import metadata

    return metadata.version("pagefind")


def _view_digests(read: Callable[[str], bytes], pages: list[str], digests: Mapping[str, str] | None, memo: Memo) -> list[str]:
    """sha256 of each page's ``search_view``, memoised on the sha256 of its bytes
    when the caller knows it (a page that did not change is not read again).
    ``read(page)``: the bytes of a site-relative page."""
    known = [page for page in pages if page in (digests or {})]
    keys: list[tuple[Hashable, ...]] = [("search-view", _SHARD_FORMAT, digests[page]) for page in known]  # type: ignore[index]
    views = dict(zip(known, memo.lookup_many(keys), strict=True))
    for page, key in zip(known, keys, strict=True):
        if views[page] is MISSING:
            views[page] = memo.store(key, _view_digest(read(page)))
    return [views[page] if page in views else _view_digest(read(page)) for page in pages]


def _view_digest(html: bytes) -> str:
    return hashlib.sha256(search_view(html)).hexdigest()


def _plan(config: Config, site_dir: Path, digests: Mapping[str, str] | None, memo: Memo,
          listed: Iterable[str] | None = None, read: Callable[[str], bytes] | None = None) -> list[_Shard]:
    """Every edition's shards: which pages each holds and its name, the sha256 of
    Pagefind's version, the shard format, and each page's path and
    ``search_view``. ``listed``: see ``index_site``. ``read(page)``: a page's
    bytes (default: the file below ``site_dir``)."""
    read = read or (lambda page: (site_dir / page).read_bytes())
    shards = []
    version = _pagefind_version()
    listed = None if listed is None else list(listed)
    for edition in config.editions:
        if listed is None:
            pages = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / edition.prefix / "articles").glob("*/index.html"))
        else:
            folder = f"{edition.prefix}/articles/"
            pages = sorted(p for p in listed if p.startswith(folder) and p.endswith("/index.html") and p.count("/") == folder.count("/") + 1)
        views = dict(zip(pages, _view_digests(read, pages, digests, memo), strict=True))
        count = shard_count(len(pages))
        groups: dict[int, list[str]] = {}
        for page in pages:
            groups.setdefault(shard_of(page.split("/")[-2], count), []).append(page)
        for _, members in sorted(groups.items()):
            digest = hashlib.sha256(f"{_SHARD_FORMAT}\0{version}\0{edition.code}\0".encode())
            for page in members:
                digest.update(f"{page}\0{views[page]}\0".encode())
            shards.append(_Shard(edition, digest.hexdigest()[:20], tuple(members)))
    return shards


def _reusable(shard: _Shard, previous: Path) -> Path | None:
    """The shard's folder in an earlier output, if complete (its word list is
    written last)."""
    folder = previous / index_folder(shard.edition) / shard.name
    return folder if (folder / "words.json").is_file() else None


def _files_of(folder: Path) -> dict[str, int]:
    """Every file below ``folder`` (symlinks included, folders not followed
    through them) -> its inode, by POSIX path relative to it; scandir's, no stat.
    {} when the folder cannot be read."""
    try:
        return {name: entry.inode() for name, entry in scan_files(str(folder))}
    except OSError:
        return {}


def _same_files(folder: Path, other: Path) -> bool:
    """Whether ``folder`` holds exactly the files of ``other``, each the very
    same file (inode): a shard a retired tree kept from the live one."""
    if folder == other:
        return (folder / "words.json").is_file()
    mine = _files_of(folder)
    return bool(mine) and "words.json" in mine and mine == _files_of(other)


def _link_tree(source: Path, target: Path) -> None:
    """Copy a folder as hard links (a real copy where links are impossible):
    the files of a reused shard are never written again."""
    for root, _, names in os.walk(source):
        folder = target / Path(root).relative_to(source)
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(Path(root, name), folder / name)
            except OSError:
                shutil.copy2(Path(root, name), folder / name)


# Page folder names a glob matches only as themselves (slugs are [a-z0-9-]).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@lru_cache(maxsize=1)
def _pagefind_command() -> tuple[str, ...]:
    """The Pagefind binary that ``pagefind[extended]`` installs, run directly
    (``python -m pagefind`` starts an interpreter only to exec it: 0.2 s per
    shard); the module where the binary package is missing."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]

        return (str(get_executable().resolve()),)
    except (ImportError, OSError):
        return (sys.executable, "-m", "pagefind")


def _run(command: list[str], cancel: threading.Event | None) -> tuple[int | None, str]:
    """Run ``command``; (exit code, output), or (None, "") once ``cancel`` is set."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        while True:
            try:
                output, _ = process.communicate(timeout=0.05)
                return process.returncode, output
            except subprocess.TimeoutExpired:
                if cancel is not None and cancel.is_set():
                    process.kill()
                    process.communicate()
                    return None, ""


def _link_page(site_dir: Path) -> Callable[[str, Path], None]:
    """``place(page, target)``: a hard link at ``target`` to the site-relative
    ``page`` of ``site_dir`` (a copy where the file system has no links)."""
    def place(page: str, target: Path) -> None:
        try:
            os.link(site_dir / page, target)
        except OSError:
            shutil.copyfile(site_dir / page, target)
    return place


def _index_shard(shard: _Shard, site_dir: Path, scratch: Path, background: bool,
                 cancel: threading.Event | None,
                 place: Callable[[str, Path], None] | None = None) -> tuple[_Shard, str | None, bool]:
    """Index one shard into ``scratch/<prefix>/<name>/``: Pagefind reads the
    shard's pages in ``site_dir``, named one by one in its glob (or, for a page
    folder name a glob cannot hold as it is, from a folder of hard links to
    them: the URLs are the pages' own either way), then the bundle is
    normalised and its words written beside it. ``place(page, path)``: puts
    the site-relative ``page`` at ``path`` (then the folder is always made
    that way, and ``site_dir`` is not read).
    Returns (shard, Pagefind's complaint or None, finished)."""
    if cancel is not None and cancel.is_set():
        return shard, None, False
    bundle = scratch / shard.edition.prefix / shard.name
    folder = f"{shard.edition.prefix}/articles/"
    names = [page[len(folder):-len("/index.html")] for page in shard.pages]
    source: Path | None = None
    if place is None and all(page.startswith(folder) and page.endswith("/index.html") for page in shard.pages) \
            and all(map(_PLAIN_NAME.fullmatch, names)):
        # The pages named in the glob, where they are: a folder of links to
        # them would cost four file-system calls per page (link, mkdir, and
        # deleting both), which take longer than Pagefind's walk of the site.
        site, pattern = site_dir, f"{folder}{{{','.join(names)}}}/index.html" if len(names) > 1 else f"{folder}{names[0]}/index.html"
    else:
        source = site = scratch / f"src-{shard.edition.code}-{shard.name}"
        pattern = f"{folder}*/index.html"
        place = place or _link_page(site_dir)
        for page in shard.pages:
            (source / page).parent.mkdir(parents=True, exist_ok=True)
            place(page, source / page)
    command = [*_pagefind_command(), "--site", str(site), "--silent", "--glob", pattern, "--output-path", str(bundle)]
    if background and shutil.which("nice"):
        command = ["nice", "-n", "19", *command]
    code, output = _run(command, cancel)
    if source is not None:
        shutil.rmtree(source, ignore_errors=True)
    if code is None:
        return shard, None, False
    if code != 0:
        return shard, f"Pagefind exit {code}: {output.strip()[-500:]}", True
    for unused in _UNUSED_UI:  # Pagefind's own UIs: the search page has its own
        (bundle / unused).unlink(missing_ok=True)
    words = normalise_bundle(bundle)
    (bundle / "words.json").write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return shard, None, True


class StartedIndex:
    """Pagefind runs ``start_index`` began before the output is written, for
    ``index_site`` to take instead of indexing those shards itself. Each works
    in ``scratch`` (beside the output folder, on its file system; a killed
    build's is deleted by the next, see ``output.recover``). ``close`` stops what
    still runs and deletes the folder."""

    def __init__(self, scratch: Path, jobs: int, shards: list[_Shard]) -> None:
        self.scratch = scratch
        self.shards = shards  # every edition's shards, as ``_plan`` made them
        self._cancel = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=max(1, jobs))
        self._runs: dict[tuple[str, str], Future[tuple[_Shard, str | None, bool]]] = {}

    def _start(self, shard: _Shard, place: Callable[[str, Path], None]) -> None:
        self._runs[(shard.edition.code, shard.name)] = self._pool.submit(
            _index_shard, shard, self.scratch, self.scratch, False, self._cancel, place)

    def take(self, shard: _Shard, into: Path) -> tuple[_Shard, str | None, bool] | None:
        """Wait for the run of ``shard`` if one was started; its bundle is then
        moved to ``into/<prefix>/<name>/``. None when none was (or it stopped)."""
        run = self._runs.pop((shard.edition.code, shard.name), None)
        if run is None:
            return None
        result = run.result()
        if not result[2]:
            return None
        if result[1] is None:
            (into / shard.edition.prefix).mkdir(parents=True, exist_ok=True)
            (self.scratch / shard.edition.prefix / shard.name).rename(into / shard.edition.prefix / shard.name)
        return result

    def close(self) -> None:
        self._cancel.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self) -> StartedIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_index(config: Config, files: Iterable[OutputFile], previous: Path, *, memo: Memo = no_memo,
                jobs: int | None = None) -> StartedIndex | None:
    """Start Pagefind, in the background, on up to ``jobs`` (default: the number
    of cores) of the shards ``index_site`` would index, before the output is
    written: what Pagefind costs then overlaps the writing, on the other core.

    In: the Config, every file of the new site (``OutputFile``; one without
    bytes is the same file in ``previous``, the live output folder) and that
    folder. A shard whose folder ``previous`` holds is left to ``index_site``,
    which reuses it; for the others, Pagefind reads a folder of the shard's
    pages (hard links into ``previous``, the new pages written), so the URLs and
    the bundle are those ``index_site`` would make from the staged tree. Out: a
    StartedIndex to pass to ``index_site`` (which takes the bundles) and to
    close in the end, or None when no shard needs indexing. Pagefind's
    complaints surface in ``index_site``."""
    if not config.search or importlib.util.find_spec("pagefind") is None:
        return None
    pages = {f.path: f for f in files if "/articles/" in f.path}
    digests = {path: f.sha256 for path, f in pages.items()}

    def read(page: str) -> bytes:
        data = pages[page].data
        return data if data is not None else (previous / page).read_bytes()

    link = _link_page(previous)

    def place(page: str, target: Path) -> None:
        data = pages[page].data
        if data is not None:
            target.write_bytes(data)
        else:
            link(page, target)

    jobs = max(1, jobs or os.cpu_count() or 1)
    shards = _plan(config, previous, digests, memo, digests, read)
    todo = [shard for shard in shards if _reusable(shard, previous) is None]
    if not todo:
        return None
    previous.parent.mkdir(parents=True, exist_ok=True)
    scratch = previous.parent / f".{previous.name}.index-{os.urandom(6).hex()}"
    scratch.mkdir()
    started = StartedIndex(scratch, jobs, shards)
    for shard in todo[:jobs]:
        started._start(shard, place)
    return started


def index_site(config: Config, site_dir: Path, *, cancel: threading.Event | None = None,
               background: bool = False, previous: Path | None = None,
               digests: Mapping[str, str] | None = None, jobs: int | None = None, memo: Memo = no_memo,
               listed: Iterable[str] | None = None, started: StartedIndex | None = None) -> bool:
    """Index every article page of each edition below ``site_dir`` with Pagefind.

    In: the Config and a folder holding a complete site (the staged output).
    Out, per edition with articles: ``<prefix>/pagefind/<shard>/``, one Pagefind
    bundle per shard (see ``shard_count``), ``<prefix>/pagefind/shards.json``
    (the shard folders, a JSON list; the search page merges them with Pagefind's
    ``mergeIndex``) and ``<prefix>/search/words.json`` (the index's Chinese words,
    see ``normalise_bundle``); whatever else an earlier ``<prefix>/pagefind/``
    holds is deleted, and no file there is ever written into (it may be a hard
    link into the live site: the staged tree is recycled, see ``output.write_site``).

    ``previous``: an earlier output folder (default ``site_dir`` itself): a shard
    whose folder is there already, same name and so the same pages, is hard-linked
    from it instead of indexed again, or left as it is when ``site_dir`` holds
    the very same files already. ``digests``: sha256 of page bytes by
    site-relative path, when the caller knows them (else the pages are read);
    ``memo`` then keeps each page's ``search_view`` digest on them.
    ``listed``: every file ``site_dir`` holds below the editions' ``articles/``
    folders (site-relative POSIX paths), when the caller wrote them all: the
    article pages are then taken from it, not looked for on disk (a walk of
    every page folder).
    ``jobs``: Pagefind processes at a time (default: the number of cores).
    ``started``: what ``start_index`` began on the same pages: its plan of the
    shards stands, the shards it indexes are taken from it (waited for first),
    the rest indexed here.
    Raises BuildError when Pagefind is missing or fails; the staged folder is
    then discarded and the previous site stays.

    ``cancel`` (the preview, whose next rebuild makes this index stale): once
    set, Pagefind is stopped and nothing in ``site_dir`` changes; returns False
    then, True once the index is written. ``background``: Pagefind runs at the
    lowest CPU priority (``nice 19``), so a rebuild running meanwhile keeps the cores.
    """
    if importlib.util.find_spec("pagefind") is None:
        raise BuildError([problem(config.file, 0, "search needs the 'pagefind[extended]' package: "
                                  "pip install -r requirements.txt (or set search: false)")])
    previous = previous or site_dir
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    try:
        # The pages ``start_index`` planned are the staged ones: its plan stands.
        shards = started.shards if started is not None else _plan(config, site_dir, digests, memo, listed)
        todo = []
        in_place: set[tuple[str, str]] = set()  # (edition code, shard) already in site_dir as the previous output has it
        for shard in shards:
            old = _reusable(shard, previous)
            if old is None:
                todo.append(shard)
            elif _same_files(site_dir / index_folder(shard.edition) / shard.name, old):
                # A staging folder recycled from a retired tree (output.write_site)
                # still holds the shard, file for file the previous output's own.
                in_place.add((shard.edition.code, shard.name))
            else:
                _link_tree(old, scratch / shard.edition.prefix / shard.name)
        done = []
        if started is not None:
            rest = []
            for shard in todo:
                result = started.take(shard, scratch)
                if result is None:
                    rest.append(shard)
                else:
                    done.append(result)
            todo = rest
        workers = max(1, min(len(todo), jobs or os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            done += pool.map(lambda s: _index_shard(s, site_dir, scratch, background, cancel), todo)
        if cancel is not None and cancel.is_set():
            return False
        problems = [problem(config.file, 0, f"search indexing of {shard.edition.code} failed ({complaint})")
                    for shard, complaint, _ in done if complaint]
        if problems:
            raise BuildError(problems)
        # Pagefind refuses to write an empty index; an edition without articles
        # gets no bundle, and its search page says the index cannot be loaded.
        for edition in config.editions:
            names = [s.name for s in shards if s.edition == edition]
            if not names:
                # What a staged tree may hold of an earlier index goes.
                remove_path(site_dir / index_folder(edition))
                (site_dir / words_path(edition)).unlink(missing_ok=True)
                continue
            folder = scratch / edition.prefix
            target = site_dir / index_folder(edition)
            if target.is_symlink() or (target.exists() and not target.is_dir()):
                target.unlink()
            target.mkdir(parents=True, exist_ok=True)
            # What the folder holds already may be hard links into the live
            # site: kept (a shard in place), or replaced and deleted, never
            # written into. New shards first, then the lists that name them,
            # then what is named no more (the preview indexes its live folder).
            for name in names:
                if (edition.code, name) not in in_place:
                    remove_path(target / name)
                    (folder / name).rename(target / name)
            words: set[str] = set()
            for name in names:
                words.update(json.loads((target / name / "words.json").read_text(encoding="utf-8")))
            replace_file(target / "shards.json", json.dumps([f"{name}/" for name in names]).encode("utf-8"))
            # Pagefind 1.5 segments Chinese one way when indexing and the browser
            # (Intl.Segmenter) another when searching, so a word the index keeps
            # whole (软银) is split in the query (软|银) and found nowhere. The
            # search page segments queries with the index's own words instead.
            replace_file(site_dir / words_path(edition),
                         json.dumps(sorted(words), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            wanted = {*names, "shards.json"}
            for name in os.listdir(target):
                if name not in wanted:
                    remove_path(target / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return True
