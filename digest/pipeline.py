"""The build, as one straight list of stages.

    config.yaml ─ load_config ─▶ Config
    content/    ─ read_sources ─▶ SourceDoc…        (every file validated first)
                ─ prepare_article ─▶ Article…       (render, sanitise, clean)
                ─ assemble_pages ─▶ Page…           (per edition, converted, collision-checked)
    templates/  ─ render_pages + build_feed ─▶ OutputFile…
                ─ write_site ─▶ site/               (temp folder swapped in whole)

Everything is gathered and validated in memory before the first byte is written,
so a mistake anywhere leaves the previous site exactly as it was.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from .article import Article, prepare_article
from .config import Config
from .errors import BuildError, Problem
from .feeds import build_atom_feed, build_feed, build_tag_feeds
from .output import OutputFile, static_files, write_site
from .pages import Page, assemble_pages
from .sitemap import build_sitemap
from .source import SourceDoc, read_sources
from .templating import load_strings, render_pages


class BuildCache:
    """Prepared articles of earlier builds in this process (``serve`` keeps one).

    An Article depends only on its file's bytes and on the config, so it is
    reused when both are unchanged; templates and pages are always redone,
    which keeps an incremental build byte-identical to a clean one.
    """

    def __init__(self) -> None:
        self._config_key = ""
        self._articles: dict[str, Article] = {}
        self.hits = 0

    def article(self, doc: SourceDoc, config: Config, config_key: str) -> Article:
        if config_key != self._config_key:
            self._articles.clear()
            self._config_key = config_key
        key = f"{doc.rel_path}\0{doc.digest}"
        cached = self._articles.get(key)
        if cached is not None and cached.doc == doc:
            self.hits += 1
            return cached
        article = self._articles[key] = prepare_article(doc, config)
        return article

    def forget_except(self, docs: tuple[SourceDoc, ...]) -> None:
        live = {f"{d.rel_path}\0{d.digest}" for d in docs}
        for key in set(self._articles) - live:
            del self._articles[key]


@dataclass(frozen=True)
class Site:
    """A complete site in memory, ready to be written."""

    docs: tuple[SourceDoc, ...]
    articles: tuple[Article, ...]
    pages: tuple[Page, ...]
    files: tuple[OutputFile, ...]


@dataclass(frozen=True)
class BuildReport:
    articles: int
    pages: int
    files: int
    seconds: float
    out_dir: Path | None


def _config_key(config: Config) -> str:
    return hashlib.sha256(config.file.read_bytes() + config.base_url.encode()).hexdigest()


def load_site(config: Config, cache: BuildCache | None = None) -> Site:
    """Read, validate, prepare and render everything; write nothing."""
    problems: list[Problem] = []
    docs: tuple[SourceDoc, ...] = ()
    try:
        docs = read_sources(config)
    except BuildError as exc:
        problems += exc.problems
    try:
        strings = load_strings(config)
    except BuildError as exc:
        problems += exc.problems
    if problems:
        raise BuildError(problems)

    cache = cache or BuildCache()
    config_key = _config_key(config)
    articles = tuple(cache.article(doc, config, config_key) for doc in docs)
    cache.forget_except(docs)
    pages, by_edition = assemble_pages(config, articles)
    files = [
        *render_pages(config, pages),
        *(build_feed(config, e, by_edition[e.code], strings[e.code]) for e in config.editions),
        *(build_atom_feed(config, e, by_edition[e.code], strings[e.code]) for e in config.editions),
        *(f for e in config.editions for f in build_tag_feeds(config, e, by_edition[e.code], strings[e.code])),
        *build_sitemap(config, pages),
        *static_files(config.static_dir),
    ]
    return Site(docs, articles, pages, tuple(files))


def build(config: Config, out_dir: Path | None = None, cache: BuildCache | None = None) -> BuildReport:
    """Build the whole site into ``out_dir`` (default: the config's output folder)."""
    started = time.perf_counter()
    site = load_site(config, cache)
    target = out_dir or config.output_dir
    write_site(list(site.files), target)
    return BuildReport(len(site.articles), len(site.pages), len(site.files), time.perf_counter() - started, target)
