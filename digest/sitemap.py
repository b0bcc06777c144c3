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

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from xml.sax.saxutils import escape, quoteattr

from .cache import MISSING, Memo, no_memo
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


def _entry(config: Config, page: Page, lastmod: datetime | None) -> SitemapEntry:
    return SitemapEntry(loc=config.base_url + page.path, lastmod=lastmod,
                        alternates=tuple((lang, config.base_url + path) for lang, path in page.alternates))


def sitemap_entries(config: Config, pages: Iterable[Page]) -> list[SitemapEntry]:
    """One entry per indexable page, sorted by URL."""
    pages = [p for p in pages if p.output_path not in NOT_INDEXED]
    overall = _overall(pages)
    return sorted((_entry(config, page, _newest(page, overall)) for page in pages), key=lambda e: e.loc)


def _overall(pages: list[Page]) -> datetime | None:
    dates = [p.data["item"].article.doc.date for p in pages if "item" in p.data]
    return max(dates) if dates else None


# What xml.sax.saxutils' escape or quoteattr would change; a URL holds none of
# it (percent-encoded), so the usual value is written as it is: the same bytes
# without two calls per value (23,000 entries at 10,000 articles).
_SPECIAL = re.compile("[&<>\"'\n\r\t]")


def _text(value: str) -> str:
    return escape(value) if _SPECIAL.search(value) else value


def _attr(value: str) -> str:
    return quoteattr(value) if _SPECIAL.search(value) else f'"{value}"'


def render_entry(entry: SitemapEntry) -> str:
    """One ``<url>`` element, its lines joined, without the final newline."""
    lines = ["  <url>", f"    <loc>{_text(entry.loc)}</loc>"]
    if entry.lastmod is not None:
        lines.append(f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>")
    for lang, href in entry.alternates:
        lines.append(f'    <xhtml:link rel="alternate" hreflang={_attr(lang)} href={_attr(href)}/>')
    lines.append("  </url>")
    return "\n".join(lines)


def render_sitemap(config: Config, pages: Iterable[Page], memo: Memo = no_memo) -> bytes:
    """The sitemap of ``pages`` (``sitemap_entries``). Each ``<url>`` is memoised
    on what it is made of (URL, date, alternates), looked up in one batch, so a
    rebuild after one edit formats only the entries that changed and builds no
    entry record for the others."""
    pages = sorted((p for p in pages if p.output_path not in NOT_INDEXED), key=attrgetter("path"))
    items = [page.data.get("item") for page in pages]
    overall = max((item.article.doc.date for item in items if item is not None), default=None)
    keys = [("sitemap-url", config.base_url, page.path, overall if item is None else item.article.doc.date, page.alternates)
            for page, item in zip(pages, items, strict=True)]
    texts = memo.lookup_many(keys)
    for index, text in enumerate(texts):
        if text is MISSING:
            page, lastmod = pages[index], keys[index][3]
            texts[index] = memo.store(keys[index], render_entry(_entry(config, page, lastmod)))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{_SITEMAP_NS}" xmlns:xhtml="{_XHTML_NS}">',
        *texts,
        "</urlset>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_robots(config: Config) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}{SITEMAP_FILE}\n".encode("utf-8")


def build_sitemap(config: Config, pages: Iterable[Page], memo: Memo = no_memo) -> list[OutputFile]:
    """``sitemap.xml`` and ``robots.txt`` for the whole site."""
    return [
        OutputFile(SITEMAP_FILE, render_sitemap(config, pages, memo)),
        OutputFile(ROBOTS_FILE, render_robots(config)),
    ]
