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
(in memory for ``serve``, on disk for ``build``) memoises each stage's per-item
work on content hashes; per-article work runs on a process pool (``Workers``),
results in input order. ``build`` writes only files whose bytes changed, and
nothing at all when no input did.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from datetime import datetime, timezone
from pathlib import Path
from threading import Event

from .article import Article, prepare_article
from .cache import BuildCache, Memo, fingerprint, memo_map, no_memo
from .config import Config
from .errors import BuildError, Cancelled, Problem
from .feeds import build_atom_feed, build_feed, build_tag_feeds
from .inputs import BuildReport, inputs_key, project_inputs, unchanged_build  # noqa: F401 - inputs_key: part of this module's API
from .output import OutputFile, PostProcess, check_output_folder, recover, static_files, update_site, write_site
from .pages import Page, assemble_pages, published_articles
from .search import StartedIndex, build_script_maps, index_paths, index_site, start_index
from .sitemap import build_sitemap
from .source import SourceDoc, read_sources
from .stories import Story, site_stories
from .templating import load_strings, render_pages
from .workers import Workers


@dataclass(frozen=True)
class Site:
    """A complete site in memory, ready to be written."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    files: tuple[OutputFile, ...]


def _go_on(cancel: Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled


def load_site(config: Config, cache: BuildCache | None = None, workers: Workers | None = None,
              changed: Collection[Path] | None = None, cancel: Event | None = None,
              rendered: Callable[[list[OutputFile]], None] | None = None, packed: bool = False) -> Site:
    """Read, validate, prepare and render everything; write nothing.
    Per-article work runs on ``workers`` (in this process without them).
    ``changed``: the paths a watcher saw change since the last build with this
    ``cache`` (see ``source.read_sources``); None: look at every file.
    ``cancel``: when set (by another thread), raise Cancelled at the next stage.
    ``rendered(pages)``: called with the rendered pages as soon as they are,
    before feeds, sitemap and search tables (``build`` starts the search
    index on them). ``packed``: rendered pages keep their bytes compressed
    until written (``OutputFile``), for a build that reads each page once or twice."""
    memo: Memo = cache if cache is not None else no_memo
    workers = workers or Workers(1)
    problems: list[Problem] = []
    docs: tuple[SourceDoc, ...] = ()
    try:
        docs = read_sources(config, memo, changed)
    except BuildError as exc:
        problems += exc.problems
    try:
        strings = load_strings(config)
    except BuildError as exc:
        problems += exc.problems
    if problems:
        raise BuildError(problems)
    _go_on(cancel)
    articles = tuple(memo_map(memo, workers, [(("article", str(doc.path), doc.digest, config.fingerprint), (doc, config)) for doc in docs],
                              prepare_article, rejoin=lambda article, args: replace(article, doc=args[0])))
    _go_on(cancel)
    stories = site_stories(config, published_articles(config, articles), memo, workers)
    _go_on(cancel)
    pages, by_edition = assemble_pages(config, articles, stories, memo, workers)
    _go_on(cancel)
    page_files = render_pages(config, pages, strings, memo, fingerprint(config.templates_dir), workers, packed)
    if rendered is not None:
        rendered(page_files)
    files = [
        *page_files,
        *(build_feed(config, e, by_edition[e.code], strings[e.code], memo) for e in config.editions),
        *(build_atom_feed(config, e, by_edition[e.code], strings[e.code], memo) for e in config.editions),
        *(f for e in config.editions for f in build_tag_feeds(config, e, by_edition[e.code], strings[e.code], memo)),
        # Formatting one URL costs less than a disk cache's lookup: memoised in memory only.
        *build_sitemap(config, pages, no_memo if getattr(memo, "on_disk", False) else memo),
        *(build_script_maps(config, by_edition, memo, workers) if config.search else ()),
        *static_files(config.static_dir),
    ]
    _go_on(cancel)
    return Site(articles, stories, pages, tuple(files))


def build(config: Config, out_dir: Path | None = None, cache: BuildCache | None = None, jobs: int = 1,
          post_process: PostProcess | None = None, defer_index: bool = False,
          changed: Collection[Path] | None = None) -> BuildReport:
    """Build the whole site into ``out_dir`` (default: the config's output folder).

    ``cache``: a BuildCache (in memory for ``serve``, on disk for ``build``); only
    what changed since the build it remembers is redone and written, and the
    output is the same, byte for byte, as a clean build's. ``jobs``: worker
    processes for per-article work. ``post_process(staged_dir)`` runs on the
    complete new tree before it replaces the old one (see ``output.write_site``).
    ``changed`` (``serve``, with a cache kept in memory): the paths the watcher
    reported since the previous build, so unchanged content is not read again.
    Raises BuildError on any mistake in the input or a refused output folder;
    the old output then stays as it was.
    """
    return build_site(config, out_dir, cache, jobs, post_process, defer_index, changed)[0]


def build_site(config: Config, out_dir: Path | None = None, cache: BuildCache | None = None, jobs: int = 1,
               post_process: PostProcess | None = None, defer_index: bool = False,
               changed: Collection[Path] | None = None, cancel: Event | None = None,
               write_lock: AbstractContextManager[object] | None = None) -> tuple[BuildReport, Site | None]:
    """``build``, also giving the Site it wrote (None when nothing changed and
    nothing was loaded). For ``serve``'s background builds: ``cancel``, when set
    by another thread before the files are written, makes the build raise
    Cancelled having written nothing; ``write_lock`` is held while the served
    folder and the cache's record of it (``BuildCache.written``) are updated,
    so a page written meanwhile by ``serve``'s fast render is never overwritten
    by an older one."""
    started, now = time.perf_counter(), datetime.now(timezone.utc)
    target = (out_dir or config.output_dir).resolve()
    inputs = ""
    if cache is not None and cache.on_disk:
        previous, inputs = unchanged_build(config, target, cache, now)
        if previous is not None:
            # Nothing changed: leave the folder alone.
            return replace(previous, seconds=time.perf_counter() - started, written=False), None
        cache.use_output(target)
    else:
        check_output_folder(target, project_inputs(config))
        recover(target)
    memo: Memo = cache if cache is not None else no_memo
    # Writing the whole tree (not serve's page-by-page update): Pagefind starts
    # on the shards to index again as soon as the pages are rendered, and runs
    # while the feeds, sitemap and search tables are made and the tree written.
    whole = config.search and (cache is None or cache.on_disk)
    if whole:
        check_output_folder(target, project_inputs(config))  # nothing made beside a refused folder
    with ExitStack() as stack:
        early: list[StartedIndex] = []

        def index_early(pages: list[OutputFile]) -> None:
            begun = start_index(config, pages, target, memo=memo, jobs=jobs)
            if begun is not None:
                early.append(stack.enter_context(begun))

        with Workers(jobs) as workers:
            # serve compares every file with the last it wrote on each rebuild: plain bytes there.
            site = load_site(config, cache, workers, changed, cancel, rendered=index_early if whole else None,
                             packed=cache is None or cache.on_disk)
        loaded = time.perf_counter()
        files = list(site.files)
        indexing = early[0] if early else None
        # Shards of the search index whose pages did not change are taken from the
        # previous output (search.index_site); page digests are known here already.
        digests = {f.path: f.sha256 for f in files if "/articles/" in f.path}
        index = partial(index_site, config, previous=target, digests=digests, listed=digests,
                        jobs=jobs, memo=memo, started=indexing) if config.search else None
        stale = False
        with write_lock or nullcontext():
            _go_on(cancel)
            if cache is not None and not cache.on_disk and cache.written_to == target and target.is_dir():
                # serve: files replaced one by one in the folder it wrote last time
                changed = [f.path for f in files if f.data is not None and cache.written.get(f.path) != f.data]
                removed = cache.written.keys() - {f.path for f in files}  # a deleted or hidden article leaves the index too
                manifest = update_site(files, target, cache.written, cache.manifest if cache.manifest_for == target else {})
                stale = index is not None and any("/articles/" in path for path in (*changed, *removed))
                if stale and not defer_index:
                    index(target)
                    stale = False
            else:
                hook = post_process if index is None else (index if post_process is None else lambda staged: (index(staged), post_process(staged)))
                manifest = write_site(files, target, previous=cache.previous_output(target) if cache else None,
                                      post_process=hook, inputs=project_inputs(config),
                                      post_process_owns=index_paths(config) if index is not None and post_process is None else (),
                                      own_temp=(indexing.scratch,) if indexing is not None else ())
            future = [a.doc.date for a in site.articles if a.doc.date > now and not config.publish_future]
            done = time.perf_counter()
            report = BuildReport(len(site.articles), len(site.pages), len(site.files), done - started, target,
                                 valid_until=min(future, default=None), index_stale=stale,
                                 stages=(("load", loaded - started), ("write", done - loaded)))
            if cache is not None:
                if not cache.on_disk:
                    cache.written, cache.written_to = {f.path: f.data for f in files}, target
                cache.wrote(target, manifest, inputs, report)
    if cache is not None:
        cache.sweep()
    return report, site
