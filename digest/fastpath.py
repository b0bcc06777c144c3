"""``serve``'s fast render: the pages of an edited article, before the rest of the site.

In: the state of the last good build (``FastContext``: the Config, the UI
strings, the templates' fingerprint, and per article file its Article and its
article pages) and the paths the watcher reported. Out: the article pages of
those files, rendered again (``fast_pages``), or None when an edit needs the
whole incremental build.

The pages are made by the functions the full build uses (``parse_source``,
``prepare_article``, ``pages.for_edition``, ``templating.render_page``); only
the article itself is new: the articles before and after it, its story and the
story's other coverage are those of the last build. So the bytes are those the
full build writes for the page as long as that context is unchanged, which
holds when the edit leaves alone everything that places the article among the
others (``PLACING``). A body edit may still move the article into or out of a
story (grouping compares texts); the incremental build that ``serve`` runs next
in the background then writes the page again, with the rest of the site.

Falls back (None) on anything else: a path outside the content folder
(templates, static files, config, glossary), a new, deleted or linked file, a
file that is not a published article of the last build, more than
``MAX_FILES`` files at once, a changed ``PLACING`` field, and any problem in
the file (the full build reports it as ``path:line: reason``).

Same idea as Hugo's "fast render mode", which re-renders the pages a change
touches first and the rest later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from .article import Article, prepare_article
from .config import Config
from .errors import BuildError
from .output import OutputFile
from .pages import Page, for_edition
from .source import parse_source
from .templating import render_page

# Frontmatter fields that place an article among the others: its URL, its day
# and neighbours, its listings, feeds and tag/outlet pages, its story and whether
# it is published at all. A change to any of them is for the full build.
PLACING = ("rel_path", "title", "date", "source", "url", "lang", "tags", "slug", "draft", "story", "story_lead")
# More article files than this in one batch (a checkout, a search-and-replace) go
# to the full build: it runs them on the worker processes.
MAX_FILES = 8


@dataclass(frozen=True)
class FastContext:
    """What the fast render takes from the last good build."""

    config: Config
    strings: Mapping[str, Mapping[str, str]]  # UI strings per edition code (templating.load_strings)
    templates_key: str  # fingerprint of the templates folder the build rendered with
    articles: Mapping[Path, tuple[Article, tuple[Page, ...]]]  # source path -> its Article and article pages


def fast_context(config: Config, strings: Mapping[str, Mapping[str, str]], templates_key: str,
                 pages: tuple[Page, ...]) -> FastContext:
    """The FastContext of a build's ``pages`` (``pipeline.Site.pages``)."""
    found: dict[Path, tuple[Article, list[Page]]] = {}
    for page in pages:
        if page.template == "article.html":
            article = page.data["item"].article
            found.setdefault(article.doc.path, (article, []))[1].append(page)
    return FastContext(config, strings, templates_key,
                       MappingProxyType({path: (article, tuple(made)) for path, (article, made) in found.items()}))


def article_files(context: FastContext, changed: Collection[Path]) -> list[Path] | None:
    """The article files among ``changed`` that the fast render can take, or None
    when any change is for the full build. Hidden files (an editor's temp or
    swap file) and files other than ``.md`` in the content folder are no articles
    and are passed over, as ``source.read_sources`` does."""
    content_dir = context.config.content_dir
    files = []
    for path in changed:
        if not path.is_relative_to(content_dir):
            return None
        rel = path.relative_to(content_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_dir() or path.is_symlink():
            return None
        if path.suffix.lower() != ".md":
            if path.exists() or not any(article.is_relative_to(path) for article in context.articles):
                continue  # another kind of file (an editor's probe file, come and gone)
            return None  # a folder gone with articles in it
        if path not in context.articles or not path.is_file():
            return None
        files.append(path)
    return sorted(files) if 0 < len(files) <= MAX_FILES else None


def fast_pages(context: FastContext, changed: Collection[Path]) -> list[OutputFile] | None:
    """The article pages (every edition) of the articles in ``changed``, rendered
    with their new text in the last build's context; None when the full build
    must run instead (see the module docstring). Reads the files; writes nothing."""
    files = article_files(context, changed)
    if files is None:
        return None
    config = context.config
    out: list[OutputFile] = []
    for path in files:
        old, pages = context.articles[path]
        try:
            raw = path.read_bytes()
            doc = parse_source(path, old.doc.rel_path, raw, hashlib.sha256(raw).hexdigest())
        except (OSError, BuildError):
            return None
        if any(getattr(doc, name) != getattr(old.doc, name) for name in PLACING):
            return None
        try:
            article = prepare_article(doc, config)
            for page in pages:
                assert page.edition is not None
                item = for_edition(article, page.edition, config)
                data = MappingProxyType({**page.data, "item": item})
                out.append(render_page(config, context.strings, context.templates_key, replace(page, data=data)))
        except Exception:  # noqa: BLE001 - whatever it is, the full build reports it as it always does
            return None
    return out


def warm_up(context: FastContext) -> None:
    """Render one article's pages and drop them: the first fast render would
    otherwise also compile the templates and load the editions' converters in
    this process (the first build did that work in the worker processes), about
    a second and a half at 10,000 articles."""
    for path in sorted(context.articles)[:1]:
        fast_pages(context, [path])
