"""Stage: Pages -> ``sitemap.xml`` and ``robots.txt``.

In: the Config and every Page of the site. Out: two OutputFiles at the site root.

``sitemap.xml`` lists every indexable page once, with its absolute URL, the date
of its newest article as ``lastmod`` and, for every language version of it
(itself included, plus ``x-default``), an ``xhtml:link`` hreflang alternate —
the same set its HTML head declares, so both sources agree. Output depends on
the pages alone (sorted, no clock), so rebuilding changes no byte.

``robots.txt`` allows everything and names the sitemap. Search engines read it
only at the root of a host: for a project site (``https://user.github.io/repo/``)
it is inert and the sitemap must be submitted to them directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from xml.sax.saxutils import escape, quoteattr

from .cache import Memo, no_memo
from .config import Config
from .output import OutputFile
from .pages import Page

SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"

# Served on any missing URL; it is not a page of its own to be indexed.
NOT_INDEXED = frozenset({"404.html"})

_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str  # absolute URL
    lastmod: datetime | None
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL)


def _newest(page: Page, overall: datetime | None) -> datetime | None:
    """An article page changes with its article; any other page with the newest one."""
    item = page.data.get("item")
    return item.article.doc.date if item is not None else overall


def sitemap_entries(config: Config, pages: Iterable[Page]) -> list[SitemapEntry]:
    pages = [p for p in pages if p.output_path not in NOT_INDEXED]
    dates = [p.data["item"].article.doc.date for p in pages if "item" in p.data]
    overall = max(dates) if dates else None
    entries = [
        SitemapEntry(
            loc=config.base_url + page.path,
            lastmod=_newest(page, overall),
            alternates=tuple((lang, config.base_url + path) for lang, path in page.alternates),
        )
        for page in pages
    ]
    return sorted(entries, key=lambda e: e.loc)


def render_entry(entry: SitemapEntry) -> str:
    """One ``<url>`` element, its lines joined, without the final newline."""
    lines = ["  <url>", f"    <loc>{escape(entry.loc)}</loc>"]
    if entry.lastmod is not None:
        lines.append(f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>")
    for lang, href in entry.alternates:
        lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>')
    lines.append("  </url>")
    return "\n".join(lines)


def render_sitemap(entries: Iterable[SitemapEntry], memo: Memo = no_memo) -> bytes:
    """The sitemap of ``entries``; each ``<url>`` is memoised on its entry, so a
    rebuild after one edit formats only the entries that changed."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{_SITEMAP_NS}" xmlns:xhtml="{_XHTML_NS}">',
        *(memo(("sitemap-url", entry), partial(render_entry, entry)) for entry in entries),
        "</urlset>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_robots(config: Config) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}{SITEMAP_FILE}\n".encode("utf-8")


def build_sitemap(config: Config, pages: Iterable[Page], memo: Memo = no_memo) -> list[OutputFile]:
    """``sitemap.xml`` and ``robots.txt`` for the whole site."""
    return [
        OutputFile(SITEMAP_FILE, render_sitemap(sitemap_entries(config, pages), memo)),
        OutputFile(ROBOTS_FILE, render_robots(config)),
    ]
