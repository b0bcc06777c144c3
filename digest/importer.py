"""``build.py import``: raw clippings -> content files.

In:  clipping files of any format :mod:`digest.clipping` reads, the site's
     time zone, host -> outlet table and content folder, and the curator's
     ``--source`` / ``--url`` / ``--lang`` overrides.
Out: ``content/YYYY/MM/DD/<slug>.md`` per clipping, with YAML frontmatter
     (title, date with offset, source, url, lang, tags, slug, format) and the
     body exactly as it came: junk is removed at build time by
     :mod:`digest.cleaning`, so better rules improve old articles too.

Importing the same clipping twice does not make a duplicate: a clipping whose
URL or body is already in the content folder is skipped with a message. A slug
already used by a *different* article (another URL and body) is an error, never a
silent skip. A clipping without any date (metadata or visible text such as
``发布时间：2025-03-15 09:20``) is written to ``content/undated/`` with an empty
``date`` and a warning: the date is the curator's to fill in, never invented.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from .clipping import DEFAULT_TZ, Clipping, host_of, read_clipping
from .clipping_meta import date_in_text
from .clipping_html import strip_tags
from .errors import BuildError, Problem, problem
from .render import BodyFormat
from .text import normalise_text
from .source import SLUG_PATTERN

# Registrable-domain suffixes to skip when naming an outlet from its host.
_SUFFIXES = frozenset("com net org gov edu co ac or ne go tw hk cn sg uk mg de jp kr io info tv fm news biz "
                      "mo my us eu fr au ca nz ch me example test invalid localhost".split())
_SUBDOMAINS = frozenset("www m amp mobile cn zh news cht chinese big5 gb tw hk web www2 wap".split())


@dataclass(frozen=True)
class ImportResult:
    path: Path | None      # the file written (None with --stdout or when skipped)
    text: str              # the content file
    skipped: str | None    # why nothing was written (a true duplicate: same URL or body)
    warnings: tuple[Problem, ...] = ()  # e.g. no date found: the curator must fill it in


def outlet_short_name(url: str | None, source: str | None = None, sources: Mapping[str, str] | None = None) -> str:
    """An ASCII short name for the outlet: dw, storm, bbc, cna ..."""
    host = host_of(url)
    if not host and source and sources:  # 風傳媒 -> storm.mg -> storm
        host = next((h for h, name in sources.items() if name == source), "")
    labels = [lb for lb in host.lower().split(".") if lb]
    while len(labels) > 1 and labels[-1] in _SUFFIXES:
        labels.pop()
    while len(labels) > 1 and labels[0] in _SUBDOMAINS:
        labels.pop(0)
    name = labels[-1] if labels else ""
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def _ascii_slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def _is_date(digits: str) -> bool:
    """20250311: a day, not an article id (many URLs carry both)."""
    if len(digits) != 8:
        return False
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    return 1990 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


_EXTENSION = re.compile(r"\.(s?html?|aspx?|php|jsp)$", re.I)
_DATE_SEGMENTS = re.compile(r"(?:^|/)((?:19|20)\d{2})/?(0[1-9]|1[0-2])/?(0[1-9]|[12]\d|3[01])(?=/|$)")


def article_id(url: str | None) -> str | None:
    """The article's id in its URL, unique per article and the same on every import.

    In order: a run of 5+ digits in the last three path segments that is not a
    date (``story20250311-5012345`` -> ``5012345``; ``a-71381755``); an id in the
    query (``?id=123``); else the last path segment that is not just a date, as
    ASCII (``/20250311/taiwan-recall/`` -> ``20250311-taiwan-recall``), or, when it
    is not ASCII (a Chinese title: ``/20250311-<标题>``), its ASCII part and a
    short hash of the whole segment. None without a usable path."""
    if not url:
        return None
    parts = urlsplit(url)
    segments = [_EXTENSION.sub("", unquote(s)) for s in parts.path.split("/") if s]
    for seg in reversed(segments[-3:]):
        runs = [run for run in re.findall(r"\d{5,}", seg) if not _is_date(run)]
        if runs:
            return max(runs, key=len)
    query_id = re.search(r"(?:^|&)(?:id|aid|nid|articleid|newsid|p)=(\d{3,})", parts.query)
    if query_id:
        return query_id.group(1)
    dated = _DATE_SEGMENTS.search("/".join(segments))
    day = "".join(dated.groups()) if dated else ""
    for seg in reversed(segments):
        if re.fullmatch(r"[\d/_.-]*", seg):  # 2025, 03, 20250311: part of a date
            continue
        ascii_part = _ascii_slug(seg)
        if re.fullmatch(r"[A-Za-z0-9._-]{4,}", seg) and re.search(r"[a-z]", seg, re.I):
            return ascii_part if not day or day in ascii_part.replace("-", "") else f"{day}-{ascii_part}"
        if not seg.isascii():
            short = hashlib.sha1(seg.encode("utf-8")).hexdigest()[:8]
            prefix = ascii_part if re.search(r"\d{6}", ascii_part) or not day else f"{day}-{ascii_part}".strip("-")
            return f"{prefix}-{short}" if prefix else short
        break
    return None


def body_hash(body: str) -> str:
    return hashlib.sha1(re.sub(r"\s+", "", body).encode("utf-8")).hexdigest()


def make_slug(clip: Clipping, date: datetime | None, sources: Mapping[str, str] | None = None) -> str:
    """``<outlet>-<article id>`` (:func:`article_id`); without an id in the URL,
    ``<outlet>-<YYYYMMDD>-<hash of title and body>``. Stable: importing the same
    clipping again gives the same slug."""
    outlet = outlet_short_name(clip.url, clip.source, sources)
    ident = article_id(clip.url)
    if ident:
        slug = f"{outlet}-{ident}" if outlet and not ident.startswith(outlet + "-") else ident
    else:
        digest = hashlib.sha1(((clip.title or "") + "\n" + re.sub(r"\s+", "", clip.body)).encode("utf-8")).hexdigest()[:8]
        slug = "-".join(filter(None, (outlet, date.strftime("%Y%m%d") if date else "", digest)))
    slug = _ascii_slug(slug, 80)
    return slug or "clip-" + hashlib.sha1(clip.body.encode()).hexdigest()[:8]


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), without control characters."""
    return json.dumps(normalise_text(value), ensure_ascii=False)


NO_DATE = '""  # no date found in the clipping: fill in when it was published, e.g. 2025-01-23T12:29:00+08:00'


def render_content_file(clip: Clipping, *, date: datetime | None, slug: str, title: str) -> str:
    lines = ["---", f"title: {_q(title)}", f"date: {_q(date.isoformat()) if date else NO_DATE}"]
    if clip.source:
        lines.append(f"source: {_q(clip.source)}")
    if clip.url:
        lines.append(f"url: {_q(clip.url)}")
    lines.append(f"lang: {clip.lang}")
    tags = clip.meta.get("tags") if isinstance(clip.meta.get("tags"), list) else []
    lines.append("tags: [" + ", ".join(_q(str(t)) for t in tags) + "]")
    for key in ("summary", "rights"):
        if isinstance(clip.meta.get(key), str) and clip.meta[key].strip():
            lines.append(f"{key}: {_q(clip.meta[key].strip())}")
    lines.append(f"slug: {slug}")
    if isinstance(clip.meta.get("draft"), bool):
        lines.append(f"draft: {'true' if clip.meta['draft'] else 'false'}")
    lines.append(f"format: {clip.format.value}")
    if isinstance(clip.meta.get("cleaning"), (bool, dict)):
        lines.append("cleaning: " + json.dumps(clip.meta["cleaning"], ensure_ascii=False))
    lines.append("---")
    return "\n".join(lines) + "\n\n" + clip.body.strip("\n") + "\n"


class ContentIndex:
    """What the content folder already holds: URLs, slugs and body hashes."""

    _URL = re.compile(r"^url:\s*[\"']?(\S+?)[\"']?\s*$", re.M)
    _SLUG = re.compile(r"^slug:\s*[\"']?([a-z0-9-]+)[\"']?\s*$", re.M)
    _FM = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*\n?", re.S | re.M)

    def __init__(self, content_dir: Path) -> None:
        self.urls: dict[str, Path] = {}
        self.slugs: dict[str, Path] = {}
        self.bodies: dict[str, Path] = {}
        if content_dir.is_dir():
            for path in sorted(content_dir.rglob("*.md")):
                try:
                    text = path.read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    continue
                m = self._FM.match(text)
                head, body = (m.group(1), text[m.end():]) if m else ("", text)
                self.add(path, _first(self._URL, head), _first(self._SLUG, head) or path.stem, body)

    def add(self, path: Path, url: str | None, slug: str, body: str) -> None:
        if url:
            self.urls.setdefault(_norm_url(url), path)
        self.slugs.setdefault(slug, path)
        self.bodies.setdefault(body_hash(body), path)

    def duplicate(self, url: str | None, body: str) -> Path | None:
        """The file already holding this article: the same URL or the same body text."""
        if url and _norm_url(url) in self.urls:
            return self.urls[_norm_url(url)]
        return self.bodies.get(body_hash(body))

    def slug_owner(self, slug: str) -> Path | None:
        """The file already using ``slug`` (for a different article, once
        :meth:`duplicate` said it is not the same one)."""
        return self.slugs.get(slug)


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


def _norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    return (parts.hostname or "").removeprefix("www.") + unquote(parts.path).rstrip("/")


def import_one(
    path: Path,
    *,
    index: ContentIndex,
    content_dir: Path,
    tz: ZoneInfo = DEFAULT_TZ,
    sources: Mapping[str, str] | None = None,
    source: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    write: bool = True,
) -> ImportResult:
    """Import one clipping; raises BuildError when the file cannot be read or its
    slug is taken by a different article (never silently: the curator decides)."""
    clip = read_clipping(path, tz=tz, sources=sources or {}, source=source, url=url, lang=lang)
    warnings: list[Problem] = []
    date = clip.date or date_in_text(_visible_lines(clip.body) if clip.format is BodyFormat.HTML else clip.body, tz)
    if date is None:
        warnings.append(problem(path, 0, "warning: no date found in the clipping: 'date' is left empty for you to "
                                         "fill in (check and build report it until then)"))
    else:
        date = date.replace(microsecond=0)
    title = normalise_text(clip.title or _fallback_title(clip.body) or "").strip()
    if not title:
        raise BuildError([problem(path, 1, "no title found: put the title on the first line")])
    if not clip.body.strip():
        raise BuildError([problem(path, clip.body_line, "no article text after the title and metadata")])
    given = clip.meta.get("slug")
    slug = given if isinstance(given, str) and re.fullmatch(SLUG_PATTERN, given) else make_slug(clip, date, sources)
    text = render_content_file(clip, date=date, slug=slug, title=title)
    existing = index.duplicate(clip.url, clip.body)
    if existing is not None:
        return ImportResult(None, text, f"already imported as {existing}")
    owner = index.slug_owner(slug)
    if owner is not None:
        raise BuildError([problem(path, 0, f"slug '{slug}' is already used by {owner}, a different article "
                                           "(another URL and body): give this clipping a 'slug:' in its frontmatter, "
                                           "or rename the other one")])
    folder = date.strftime("%Y/%m/%d") if date else "undated"
    target = content_dir / folder / f"{slug}.md"
    if write:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    index.add(target, clip.url, slug, clip.body)
    return ImportResult(target if write else None, text, None, tuple(warnings))


_BLOCK_EDGE = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|tr|td|section|article|header|footer|blockquote|figcaption|time)\b[^>]*|br\s*/?)>", re.I)


def _visible_lines(fragment: str) -> str:
    """An HTML body as its reader sees it: one line per block."""
    return "\n".join(strip_tags(part) for part in _BLOCK_EDGE.split(fragment))


def _fallback_title(body: str) -> str | None:
    """The first line of the body that is not just its date ("2025年03月15日 09:20")."""
    for line in re.sub(r"<[^>]+>", "\n", body).splitlines():
        line = line.strip(" #*\t")
        if line and not (len(line) <= 40 and date_in_text(line)):
            return line[:80]
    return None


def import_files(
    paths: Iterable[Path],
    *,
    content_dir: Path,
    tz: ZoneInfo = DEFAULT_TZ,
    sources: Mapping[str, str] | None = None,
    source: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    write: bool = True,
) -> tuple[list[ImportResult], list[BuildError]]:
    """Import several clippings; a bad file is reported, the rest still import."""
    index = ContentIndex(content_dir)
    results: list[ImportResult] = []
    errors: list[BuildError] = []
    for path in paths:
        try:
            results.append(import_one(Path(path), index=index, content_dir=content_dir, tz=tz, sources=sources,
                                      source=source, url=url, lang=lang, write=write))
        except BuildError as exc:
            errors.append(exc)
    return results, errors
