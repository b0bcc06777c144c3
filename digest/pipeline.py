"""The build, as one straight list of stages.

    config.yaml ─ load_config ─▶ Config
    content/    ─ read_sources ─▶ SourceDoc…        (every file validated first)
                ─ prepare_article ─▶ Article…       (render, sanitise, clean)
                ─ site_stories ─▶ Story…            (coverage of one event grouped)
                ─ assemble_pages ─▶ Page…           (per edition, converted, collision-checked)
    templates/  ─ render_pages, build_*feed*, build_sitemap, build_script_maps ─▶ OutputFile…
                ─ write_site ─▶ site/               (temp folder swapped in whole; Pagefind
                                                      indexes the staged folder before the swap)

Everything is gathered and validated in memory before the first byte is written,
so a mistake anywhere leaves the previous site exactly as it was. A BuildCache
(kept by ``serve``) memoises each stage's per-item work on content hashes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .article import Article, prepare_article
from .cache import BuildCache, Memo, fingerprint, no_memo
from .config import Config
from .errors import BuildError, Problem
from .feeds import build_atom_feed, build_feed, build_tag_feeds
from .output import OutputFile, static_files, update_site, write_site
from .pages import Page, assemble_pages, published_articles
from .search import build_script_maps, index_site
from .sitemap import build_sitemap
from .source import SourceDoc, read_sources
from .stories import Story, site_stories
from .templating import load_strings, render_pages


@dataclass(frozen=True)
class Site:
    """A complete site in memory, ready to be written."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    files: tuple[OutputFile, ...]


@dataclass(frozen=True)
class BuildReport:
    articles: int
    pages: int
    files: int
    seconds: float
    out_dir: Path | None
    # With defer_index (the preview): article pages changed in place and the
    # search index in out_dir is stale; the caller re-indexes (search.index_site)
    # once the pages are shown, so a save shows without waiting for Pagefind.
    index_stale: bool = False


def load_site(config: Config, cache: BuildCache | None = None) -> Site:
    """Read, validate, prepare and render everything; write nothing."""
    memo: Memo = cache if cache is not None else no_memo
    problems: list[Problem] = []
    docs: tuple[SourceDoc, ...] = ()
    try:
        docs = read_sources(config, memo)
    except BuildError as exc:
        problems += exc.problems
    try:
        strings = load_strings(config)
    except BuildError as exc:
        problems += exc.problems
    if problems:
        raise BuildError(problems)

    articles = tuple(memo(("article", doc.path, doc.digest, config.fingerprint), partial(prepare_article, doc, config)) for doc in docs)
    stories = site_stories(config, published_articles(config, articles), memo)
    pages, by_edition = assemble_pages(config, articles, stories, memo)
    templates_key = fingerprint(config.templates_dir) if cache is not None else ""
    files = [
        *render_pages(config, pages, strings, memo, templates_key),
        *(build_feed(config, e, by_edition[e.code], strings[e.code], memo) for e in config.editions),
        *(build_atom_feed(config, e, by_edition[e.code], strings[e.code], memo) for e in config.editions),
        *(f for e in config.editions for f in build_tag_feeds(config, e, by_edition[e.code], strings[e.code], memo)),
        *build_sitemap(config, pages),
        *(build_script_maps(config, by_edition, memo) if config.search else ()),
        *static_files(config.static_dir),
    ]
    return Site(articles, stories, pages, tuple(files))


def build(config: Config, out_dir: Path | None = None, cache: BuildCache | None = None,
          defer_index: bool = False) -> BuildReport:
    """Build the whole site into ``out_dir`` (default: the config's output folder).

    With a cache (``serve``), only what changed since the last build is redone
    and rewritten; the output is the same, byte for byte, as a clean build's.
    """
    started = time.perf_counter()
    site = load_site(config, cache)
    target = (out_dir or config.output_dir).resolve()
    files = list(site.files)
    index = partial(index_site, config) if config.search else None
    stale = False
    if cache is not None and cache.written_to == target and target.is_dir():
        changed = update_site(files, target, cache.written)
        stale = index is not None and any("/articles/" in path for path in changed)
        if stale and not defer_index:
            index(target)
            stale = False
    else:
        write_site(files, target, before_swap=index)
    if cache is not None:
        cache.written, cache.written_to = {f.path: f.data for f in files}, target
        cache.sweep()
    return BuildReport(len(site.articles), len(site.pages), len(site.files), time.perf_counter() - started, target, stale)
