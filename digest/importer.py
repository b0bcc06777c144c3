"""``build.py import``: raw clippings -> content files.

In:  clipping files of any format :mod:`digest.clipping` reads, the site's
     time zone, host -> outlet table and content folder, and the curator's
     ``--source`` / ``--url`` / ``--lang`` overrides.
Out: ``content/YYYY/MM/DD/<slug>.md`` per clipping, with YAML frontmatter
     (title, date with offset, source, url, lang, tags, slug, format) and the
     body exactly as it came: junk is removed at build time by
     :mod:`digest.cleaning`, so better rules improve old articles too.

Importing the same clipping twice does not make a duplicate: a clipping whose
URL, slug or body is already in the content folder is skipped with a message.
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
from .errors import BuildError, problem
from .source import SLUG_PATTERN

# Registrable-domain suffixes to skip when naming an outlet from its host.
_SUFFIXES = frozenset("com net org gov edu co ac or ne go tw hk cn sg uk mg de jp kr io info tv fm news biz "
                      "mo my us eu fr au ca nz ch me".split())
_SUBDOMAINS = frozenset("www m amp mobile cn zh news cht chinese big5 gb tw hk web www2 wap".split())


@dataclass(frozen=True)
class ImportResult:
    path: Path | None      # the file written (None with --stdout or when skipped)
    text: str              # the content file
    skipped: str | None    # why nothing was written


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


def article_id(url: str | None) -> str | None:
    """The article's id in its URL: the longest digit run (5+ digits) of the
    last path segments, else an ASCII slug segment."""
    if not url:
        return None
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    for seg in reversed(segments[-3:]):
        runs = re.findall(r"\d{5,}", seg)
        if runs:
            return max(runs, key=len)
    query_id = re.search(r"(?:^|&)(?:id|aid|nid|articleid|newsid|p)=(\d{3,})", parts.query)
    if query_id:
        return query_id.group(1)
    for seg in reversed(segments):
        stem = re.sub(r"\.(s?html?|aspx?|php|jsp)$", "", seg, flags=re.I)
        if re.fullmatch(r"[A-Za-z0-9._-]{4,}", stem) and re.search(r"[a-z]", stem, re.I):
            return _ascii_slug(stem)
    return None


def body_hash(body: str) -> str:
    return hashlib.sha1(re.sub(r"\s+", "", body).encode("utf-8")).hexdigest()


def make_slug(clip: Clipping, date: datetime, sources: Mapping[str, str] | None = None) -> str:
    outlet = outlet_short_name(clip.url, clip.source, sources)
    ident = article_id(clip.url)
    if ident:
        slug = f"{outlet}-{ident}" if outlet and not ident.startswith(outlet + "-") else ident
    else:
        digest = hashlib.sha1(((clip.title or "") + "\n" + re.sub(r"\s+", "", clip.body)).encode("utf-8")).hexdigest()[:8]
        slug = "-".join(filter(None, (outlet, date.strftime("%Y%m%d"), digest)))
    slug = _ascii_slug(slug, 80)
    return slug or "clip-" + hashlib.sha1(clip.body.encode()).hexdigest()[:8]


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def render_content_file(clip: Clipping, *, date: datetime, slug: str, title: str) -> str:
    lines = ["---", f"title: {_q(title)}", f"date: {_q(date.isoformat())}"]
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

    def duplicate(self, url: str | None, slug: str, body: str) -> Path | None:
        if url and _norm_url(url) in self.urls:
            return self.urls[_norm_url(url)]
        return self.slugs.get(slug) or self.bodies.get(body_hash(body))


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
    """Import one clipping; raises BuildError when the file cannot be read."""
    clip = read_clipping(path, tz=tz, sources=sources or {}, source=source, url=url, lang=lang)
    date = clip.date
    if date is None:  # no date in the clipping: the file's modification time
        date = datetime.fromtimestamp(path.stat().st_mtime, tz)
    date = date.replace(microsecond=0)
    title = clip.title or _fallback_title(clip.body)
    if not title:
        raise BuildError([problem(path, 1, "no title found: put the title on the first line")])
    if not clip.body.strip():
        raise BuildError([problem(path, clip.body_line, "no article text after the title and metadata")])
    given = clip.meta.get("slug")
    slug = given if isinstance(given, str) and re.fullmatch(SLUG_PATTERN, given) else make_slug(clip, date, sources)
    text = render_content_file(clip, date=date, slug=slug, title=title)
    existing = index.duplicate(clip.url, slug, clip.body)
    if existing is not None:
        return ImportResult(None, text, f"already imported as {existing}")
    target = content_dir / date.strftime("%Y/%m/%d") / f"{slug}.md"
    if write:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    index.add(target, clip.url, slug, clip.body)
    return ImportResult(target if write else None, text, None)


def _fallback_title(body: str) -> str | None:
    for line in re.sub(r"<[^>]+>", "\n", body).splitlines():
        line = line.strip(" #*\t")
        if line:
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
