"""Stage: ``content/**/*.md`` -> :class:`SourceDoc` records.

In: the Config (content folder, time zone). Out: one frozen SourceDoc per article,
sorted by path, with validated, typed frontmatter and the body exactly as written.
Every mistake in every file is collected as a ``path:line: reason`` Problem; one bad
file never hides the problems of another.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from .cache import MISSING, Memo, StoredApart, no_memo
from .config import SCRIPTS, Config
from .errors import BuildError, Problem, problem
from .glossary import GLOSSARY_SCHEMA, Entry, check_entries, entries_from_data
from .markup import check as markup_problems
from .render import BodyFormat
from .text import normalise_text, normalise_tree
from .yamlsource import parse_yaml, schema_problems

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
LANGS = (*SCRIPTS, "en")


def _frontmatter_schema() -> dict[str, Any]:
    from .cleaning import FRONTMATTER_CLEANING_SCHEMA

    text = {"type": "string", "minLength": 1}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "date"],
        "properties": {
            "title": text,
            "date": {"type": "string"},
            "source": text,
            "url": {"type": "string", "pattern": "^https?://\\S+$", "errorMessage": "must be an http(s) URL"},
            "lang": {"enum": list(LANGS)},
            "tags": {"type": "array", "items": text},
            "summary": {"type": "string"},
            "slug": {"type": "string", "pattern": SLUG_PATTERN,
                     "errorMessage": "must be lowercase ASCII letters, digits and inner hyphens"},
            "draft": {"type": "boolean"},
            "rights": text,
            "format": {"enum": [f.value for f in BodyFormat]},
            "cleaning": FRONTMATTER_CLEANING_SCHEMA,
            "story": {"anyOf": [{"type": "string", "pattern": "\\S"}, {"const": False}],
                      "errorMessage": "must be a story key (any text shared by the articles of one story) or false (never grouped)"},
            "story_lead": {"type": "boolean"},
            "glossary": GLOSSARY_SCHEMA,
        },
    }


@dataclass(frozen=True)
class SourceDoc:
    """One article as the curator wrote it: typed frontmatter plus the raw body."""

    path: Path
    rel_path: str  # POSIX path below content/, used in messages and as the default slug
    title: str
    date: datetime  # timezone-aware
    source: str
    url: str | None
    lang: str
    tags: tuple[str, ...]
    summary: str | None
    slug: str
    draft: bool
    rights: str | None
    format: BodyFormat | None
    cleaning: Mapping[str, Any] | bool | None
    story: str | bool | None  # curator's story key, False (keep alone) or None (by similarity)
    story_lead: bool  # listings show this article first in its story
    glossary: tuple[Entry, ...]  # this article's conversion entries (override the site's)
    body: str = StoredApart()  # read from the disk cache only when used
    body_line: int  # line of the file where the body starts
    digest: str  # sha256 of the file's bytes: the cache key of everything derived from it


_FRONTMATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:^---[ \t]*$\r?\n?)", re.S | re.M)


def default_slug(rel_path: str) -> str:
    """A stable ASCII slug from the file name, so editing the title never moves the URL."""
    stem = Path(rel_path).stem
    ascii_part = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60].strip("-")
    if ascii_part and re.fullmatch(r"[A-Za-z0-9._ -]+", stem):
        return ascii_part
    # Non-ASCII names keep what ASCII they have and gain a short hash to stay unique.
    short = hashlib.sha1(rel_path.encode()).hexdigest()[:8]
    return f"{ascii_part}-{short}" if ascii_part else f"a-{short}"


# Any time zone can show a date inside these bounds (Python's datetime ends at
# years 1 and 9999, and an offset moves a time by up to a day).
_EARLIEST = datetime(1, 1, 2, tzinfo=timezone.utc)
_LATEST = datetime(9999, 12, 30, tzinfo=timezone.utc)


def parse_date(value: str) -> datetime | None:
    """ISO 8601 with a UTC offset -> aware datetime; None when it is not one."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None and parsed.utcoffset() is not None else None


def date_in_range(value: datetime) -> bool:
    """Whether every time zone (and feed format) can show ``value``."""
    try:
        return _EARLIEST <= value <= _LATEST
    except OverflowError:
        return False


def read_source(path: Path, rel_path: str) -> SourceDoc:
    """Read and parse one content file; raises BuildError with every problem it has."""
    raw_bytes = path.read_bytes()
    return parse_source(path, rel_path, raw_bytes, hashlib.sha256(raw_bytes).hexdigest())


def parse_source(path: Path, rel_path: str, raw_bytes: bytes, digest: str) -> SourceDoc:
    """Parse the bytes of one content file (``digest``: their sha256)."""
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        raise BuildError([problem(path, line, "not valid UTF-8 text")]) from None
    # Windows (CRLF) and old Mac (CR) line ends are line ends; control characters from
    # word processors go before anything reads the text (neither moves a line number)
    text = normalise_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    match = _FRONTMATTER.match(text)
    if not match:
        reason = "frontmatter is not closed by a '---' line" if text.startswith("---") else "missing YAML frontmatter (the file must start with a '---' line)"
        raise BuildError([problem(path, 1, reason)])
    try:
        doc = parse_yaml(match.group(1), path, first_line=2)
        doc.data = normalise_tree(doc.data)  # "\b" written as a YAML escape is a control character too
    except RecursionError:  # [[[[…]]]] a thousand deep: no frontmatter field is nested like that
        raise BuildError([problem(path, 2, "frontmatter is nested too deeply")]) from None
    meta = doc.data
    if not isinstance(meta, dict):
        raise BuildError([problem(path, 2, "frontmatter must be a mapping of keys to values")])
    problems: list[Problem] = schema_problems(doc, _frontmatter_schema(), path, what="frontmatter field")
    problems += [problem(path, doc.line_of((key,)), f"'{key}' is empty (only spaces or control characters)")
                 for key in ("title", "source", "rights") if isinstance(meta.get(key), str) and meta[key] and not meta[key].strip()]
    date = parse_date(meta["date"]) if isinstance(meta.get("date"), str) else None
    if meta.get("date") == "" or (isinstance(meta.get("date"), str) and not meta["date"].strip()):
        problems.append(problem(path, doc.line_of(("date",)), "date is empty: fill in when the article was published, "
                                                              "e.g. 2025-01-23T12:29:00+08:00 (import found no date in the clipping)"))
    elif isinstance(meta.get("date"), str) and date is None:
        problems.append(problem(path, doc.line_of(("date",)), f"date '{meta['date']}' must be ISO 8601 with a UTC offset, e.g. 2025-01-23T12:29:00+08:00"))
    elif date is not None and not date_in_range(date):
        problems.append(problem(path, doc.line_of(("date",)), f"date '{meta['date']}' is out of range (years 0001 to 9999 only)"))
    if isinstance(meta.get("url"), str) and not _valid_url(meta["url"]):
        problems.append(problem(path, doc.line_of(("url",)), "url is not a valid URL (its host cannot be read)"))
    if isinstance(meta.get("cleaning"), dict):
        from .cleaning import check_patterns

        problems += [problem(path, doc.line_of(("cleaning",)), reason) for reason in check_patterns(meta["cleaning"])]
    if isinstance(meta.get("glossary"), list) and not problems:
        problems += check_entries(doc, path, ("glossary",), meta["glossary"])
    body = text[match.end():]
    body_line = text[: match.end()].count("\n") + 1
    problems += _markup_problems(path, doc, meta, body, body_line)
    if problems:
        raise BuildError(problems)
    assert date is not None
    return SourceDoc(
        path=path,
        rel_path=rel_path,
        title=meta["title"].strip(),
        date=date,
        source=meta.get("source", "").strip(),
        url=meta.get("url"),
        lang=meta.get("lang", "zh-Hans"),
        tags=tuple(t.strip() for t in meta.get("tags", ())),
        summary=(meta.get("summary") or "").strip() or None,
        slug=meta.get("slug") or default_slug(rel_path),
        draft=meta.get("draft", False),
        rights=meta.get("rights"),
        format=BodyFormat(meta["format"]) if "format" in meta else None,
        cleaning=meta.get("cleaning"),
        story=meta["story"].strip() if isinstance(meta.get("story"), str) else meta.get("story"),
        story_lead=meta.get("story_lead", False),
        glossary=entries_from_data(meta.get("glossary", []), str(path), lambda i: doc.line_of(("glossary", i))),
        body=body,
        body_line=body_line,
        digest=digest,
    )


def _valid_url(url: str) -> bool:
    """Whether ``url`` can be split into its parts: ``https://[x/`` passes the
    schema's pattern but makes every later urlsplit/urljoin raise."""
    try:
        urlsplit(url)
        return True
    except ValueError:
        return False


def _markup_problems(path: Path, doc: Any, meta: dict[str, Any], body: str, body_line: int) -> list[Problem]:
    """Malformed -{…}- conversion markup in the title, summary, tags or body."""
    found = [problem(path, body_line + offset, reason) for offset, reason in markup_problems(body)]
    fields: list[tuple[tuple[str | int, ...], Any]] = [(("title",), meta.get("title")), (("summary",), meta.get("summary"))]
    tags = meta.get("tags")
    # (tags of the wrong type -- a number, a mapping -- are the schema check's to report)
    fields += [(("tags", i), t) for i, t in enumerate(tags if isinstance(tags, list) else ())]
    for key, value in fields:
        if isinstance(value, str):
            found += [problem(path, doc.line_of(key) + offset, reason) for offset, reason in markup_problems(value)]
    return found


def content_files(content_dir: Path) -> list[Path]:
    """Every article file (``.md`` in any case: ``X.MD`` is an article too, not a
    file silently left out), in a stable order; hidden files and folders are
    skipped. A symlink is listed even when it leads nowhere, so the reader can
    report it rather than skip it."""
    return [content_dir / rel for rel in _listing(content_dir)[0]]


def linked_folders(content_dir: Path) -> list[Path]:
    """Symlinked folders inside the content folder, in a stable order. The reader
    does not follow them (a link inside the folder would publish its articles
    twice, one leading out would publish files from elsewhere), so each one is
    reported instead of being passed over in silence."""
    return [content_dir / rel for rel in _listing(content_dir)[1]]


def _listing(content_dir: Path) -> tuple[list[str], list[str]]:
    """(article files, linked folders) below ``content_dir`` as POSIX paths
    relative to it, each list in path order (as ``Path`` sorts): what
    ``content_dir.rglob("*")`` finds, which never enters a linked folder, less
    anything hidden. One scandir walk: no Path object and no stat per entry
    (the entry's type comes with the listing; a link is looked through)."""
    files: list[str] = []
    links: list[str] = []

    def walk(path: str, rel: str) -> None:
        try:
            listing = os.scandir(path)
        except PermissionError:
            return  # as rglob: a folder that cannot be listed lists nothing
        with listing as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # hidden, and so is everything below it
                name = f"{rel}{entry.name}"
                linked = entry.is_symlink()
                try:
                    folder = entry.is_dir()
                except OSError:
                    folder = False
                if entry.name.lower().endswith(".md"):
                    try:
                        if linked or entry.is_file():
                            files.append(name)
                    except OSError:
                        pass
                if folder and linked:
                    links.append(name)
                elif folder:
                    walk(entry.path, f"{name}/")

    if content_dir.is_dir():
        walk(str(content_dir), "")
    return sorted(files, key=_parts), sorted(links, key=_parts)


def _parts(rel: str) -> list[str]:
    return rel.split("/")


def _outside(path: Path, content_dir: Path) -> bool:
    """A file reached through a symlink that leads out of the content folder: the
    build publishes only what is inside it."""
    real, root = os.path.realpath(path), os.path.realpath(content_dir)
    return not real.startswith(root + os.sep)


def read_sources(config: Config, memo: Memo = no_memo, changed: Collection[Path] | None = None) -> tuple[SourceDoc, ...]:
    """Read every article; raise one BuildError listing the problems of all files.
    Only files whose bytes changed are parsed again.

    ``changed``: the paths a file watcher reported since the previous call with
    the same ``memo`` (``serve``); with it, only those files are read again and
    the rest come from that call's listing, kept in the memo, instead of walking
    and reading the whole folder. Whatever the listing cannot vouch for (a folder
    added, moved or deleted, a link, the first call, a file that could not be
    read last time) means a full walk. None: always a full walk."""
    if not config.content_dir.is_dir():
        raise BuildError([problem(config.file, 0, f"content folder {config.content_dir} does not exist")])
    listing_key = ("content-listing", str(config.content_dir))
    files: dict[str, tuple[Path, str]] | None = None
    problems: list[Problem] = []
    if changed is not None:
        found, previous = memo.lookup(listing_key)
        if found and previous is not None:
            files = _apply_changes(dict(previous), config.content_dir, changed)
    raw_of: dict[str, bytes] = {}
    if files is None:
        # Files whose content the cache already knows (the build's input check
        # hashed them, or vouched for them by their stat) are not read here.
        known = getattr(memo, "known_digests", None)
        files, raw_of, problems = _walk(config.content_dir, known(config.content_dir) if known else {})
    else:
        for rel in [rel for rel, (_, digest) in files.items() if not digest]:
            path = files[rel][0]
            try:
                raw = path.read_bytes()
            except OSError as exc:
                problems.append(problem(path, 0, f"cannot read: {exc.strerror}"))
                del files[rel]
                continue
            raw_of[rel] = raw
            files[rel] = (path, hashlib.sha256(raw).hexdigest())
    if not getattr(memo, "on_disk", True):  # only a cache kept in memory (serve) gets `changed`
        # A file that could not be read is not in the listing: the next call walks again.
        memo.store(listing_key, None if problems else MappingProxyType(files))
    # In path order (folder by folder, as Path sorts): keyed on the relative path's parts.
    ordered = sorted(files.items(), key=lambda item: item[0].split("/"))
    keys: list[tuple[str, ...]] = [("source", str(path), rel, digest) for rel, (path, digest) in ordered]
    found = memo.lookup_many(keys)
    docs: list[SourceDoc] = []
    for (rel, (path, digest)), key, doc in zip(ordered, keys, found, strict=True):
        try:
            if doc is MISSING:
                if rel in raw_of:
                    doc = memo.store(key, parse_source(path, rel, raw_of[rel], digest))
                else:  # not parsed last time (a mistake in it) or forgotten: read it again
                    raw = path.read_bytes()
                    digest = hashlib.sha256(raw).hexdigest()
                    doc = memo(("source", str(path), rel, digest), partial(parse_source, path, rel, raw, digest))
            docs.append(doc)
        except BuildError as exc:
            problems += exc.problems
        except OSError as exc:
            problems.append(problem(path, 0, f"cannot read: {exc.strerror}"))
    if problems:
        raise BuildError(problems)
    return tuple(docs)


def _walk(content_dir: Path, known: Mapping[str, str]) -> tuple[dict[str, tuple[Path, str]], dict[str, bytes], list[Problem]]:
    """Every article file of the folder, read and hashed: (rel -> (path, sha256)),
    (rel -> bytes) and the problems of the files that cannot be read. A file
    with a ``known`` sha256 is not read (no bytes for it)."""
    problems: list[Problem] = []
    files: dict[str, tuple[Path, str]] = {}
    raw_of: dict[str, bytes] = {}
    listed, linked = _listing(content_dir)
    for rel in linked:
        problems.append(problem(content_dir / rel, 0, "is a link to a folder, and linked folders are not read: "
                                "move or copy its articles into the content folder"))
    for rel in listed:
        path = content_dir / rel
        # rglob does not descend into linked folders: only the file itself may be a link.
        if path.is_symlink() and _outside(path, content_dir):
            problems.append(problem(path, 0, "is a link to a file outside the content folder: copy the file in instead"))
            continue
        if rel in known:
            files[rel] = (path, known[rel])
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(problem(path, 0, f"cannot read: {exc.strerror}"))
            continue
        files[rel], raw_of[rel] = (path, hashlib.sha256(raw).hexdigest()), raw
    return files, raw_of, problems


def _apply_changes(files: dict[str, tuple[Path, str]], content_dir: Path,
                   changed: Collection[Path]) -> dict[str, tuple[Path, str]] | None:
    """The listing after ``changed``: a changed article file is marked to be read
    again (digest ""), a deleted one dropped; None when only a full walk can tell
    (a folder, a link, a path gone that held articles)."""
    for path in changed:
        if not path.is_relative_to(content_dir):
            if path.suffix.lower() == ".md":
                return None  # the folder named another way (a link above it): look at everything
            continue  # templates, static files, config: not the listing's business
        rel = path.relative_to(content_dir).as_posix()
        if any(part.startswith(".") for part in path.relative_to(content_dir).parts):
            continue  # hidden (an editor's swap or temp file): never read as an article
        if path.is_symlink() or path.is_dir():
            return None
        if path.exists():
            if path.suffix.lower() == ".md":
                files[rel] = (path, "")
        elif rel in files:
            del files[rel]
        elif any(r.startswith(rel + "/") for r in files):
            return None  # a folder that held articles is gone
    return files
