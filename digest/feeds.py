"""Stage: each edition's articles -> its feeds (feedgen): RSS 2.0, Atom 1.0, one RSS per tag.

In: the Config, an Edition, its EditionArticles newest first and its UI strings.
Out: OutputFiles ``<prefix>/feed.xml`` (RSS 2.0), ``<prefix>/atom.xml`` (Atom 1.0)
and ``<prefix>/tags/<tag-slug>/feed.xml`` (RSS 2.0, one per tag of the edition).

What feed readers and the W3C feed validator insist on, and how it is met here:

* Links, guids and Atom ids are absolute article URLs. They derive from the slug,
  never from the title, so editing a title or re-rendering never changes them.
* Every feed names its own URL in ``atom:link rel="self"`` / ``link rel="self"``.
* Dates are the articles' own dates (RFC 822 in RSS, RFC 3339 in Atom). No date
  comes from the clock, so rebuilding the same input changes no byte.
* The full body goes in ``content:encoded`` / Atom ``content``, the plain-text
  summary in ``description`` / ``summary``. Every ``href``/``src`` in the body is
  made absolute again here: a feed reader resolves a relative URL against the
  feed, not the article, so even an in-page ``#note`` would point elsewhere.
* RSS ``<author>`` must be an e-mail address; outlets have none, so the outlet is
  ``dc:creator`` instead.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator
from lxml import etree

from .cache import Memo, no_memo
from .config import Config, Edition
from .output import OutputFile
from .pages import EditionArticle, Tag, name_groups, tag_feed_path
from .sanitize import sanitize
from .templating import edition_title

FEED_FILE = "feed.xml"
ATOM_FILE = "atom.xml"

# An empty feed still needs a date (Atom <updated>, RSS <lastBuildDate>); feedgen
# would take the clock, which makes every build differ. Only a site without a
# single published article reaches this.
_NO_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)



@dataclass(frozen=True)
class FeedSpec:
    """What one feed is: where it lives and what it describes."""

    file: str  # output path below the site folder
    url: str  # absolute URL of the feed itself
    home: str  # absolute URL of the HTML page the feed mirrors
    title: str
    description: str
    language: str


def feed_path(edition: Edition) -> str:
    return f"{edition.prefix}/{FEED_FILE}"


def atom_path(edition: Edition) -> str:
    return f"{edition.prefix}/{ATOM_FILE}"


def feed_html(fragment: str, page_url: str) -> str:
    """The body as a feed carries it: sanitised once more, with every URL absolute
    against ``page_url`` (the article's page on this site). Bodies are already
    absolute against the original article; what is left relative is in-page
    (``#note``), which belongs to the article page. The sanitiser does the
    rewriting, so nothing edits the HTML after it."""
    return sanitize(fragment, page_url, in_page=False)


def text(value: str) -> str:
    """A plain-text field (title, summary, tag, outlet, site title) as a feed
    carries it: feed readers render RSS titles and descriptions, and Atom fields
    marked ``type="html"``, as HTML, so ``&`` and ``<`` are escaped once more."""
    return value.replace("&", "&amp;").replace("<", "&lt;")  # a lone ">" starts no markup


def _generator(config: Config, spec: FeedSpec, items: Sequence[EditionArticle], self_type: str) -> FeedGenerator:
    """A FeedGenerator holding the feed and its newest ``feed_items`` entries."""
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(spec.url)
    feed.title(text(spec.title))
    feed.author(name=text(spec.title))  # Atom needs an author on the feed or on every entry
    # feedgen keeps one RSS <link>: the last one given, so "self" must come first.
    feed.link(href=spec.url, rel="self", type=self_type)
    feed.link(href=spec.home, rel="alternate", type="text/html")
    feed.description(text(spec.description))
    feed.subtitle(text(spec.description))
    feed.language(spec.language)
    feed.generator("digest")
    shown = list(items[: config.feed_items])
    newest = shown[0].article.doc.date if shown else _NO_DATE
    feed.updated(newest)  # also RSS <lastBuildDate>
    if shown:
        feed.pubDate(newest)
    for item in shown:
        url = config.base_url + item.path
        date = item.article.doc.date
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(text(item.title))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(date)
        entry.updated(date)  # feedgen would take the clock otherwise
        entry.pubDate(date)
        entry.description(text(item.summary or item.title))
        entry.summary(text(item.summary or item.title), type="html")
        # Escaped, not CDATA: a body containing "]]>" cannot break escaped text.
        entry.content(feed_html(item.html, url), type="html")
        if item.source:
            entry.dc.dc_creator(text(item.source))
        for tag in item.tags:
            entry.category(term=text(tag.name))
    return feed


def _rss(config: Config, spec: FeedSpec, items: Sequence[EditionArticle], memo: Memo) -> OutputFile:
    def render() -> OutputFile:
        return OutputFile(spec.file, _generator(config, spec, items, "application/rss+xml").rss_str(pretty=True))

    return memo(_feed_key(config, spec, items), render)


def _atom(config: Config, spec: FeedSpec, items: Sequence[EditionArticle], memo: Memo) -> OutputFile:
    def render() -> OutputFile:
        # feedgen writes Atom titles without a type (plain text); they carry escaped
        # text like the RSS ones, so they say type="html". feedgen has no option
        # for it: the tree is marked before it is serialised.
        root, doc = _generator(config, spec, items, "application/atom+xml")._create_atom()
        for element in root.iter("title", "subtitle"):
            element.set("type", "html")
        return OutputFile(spec.file, etree.tostring(doc, pretty_print=True, encoding="UTF-8", xml_declaration=True))

    return memo(_feed_key(config, spec, items), render)


def _feed_key(config: Config, spec: FeedSpec, items: Sequence[EditionArticle]) -> tuple[Hashable, ...]:
    """A feed is a function of its spec, the articles it shows (by content) and the config."""
    return ("feed", spec, tuple(item.article.doc.digest for item in items[: config.feed_items]), config.fingerprint)


def _edition_spec(config: Config, edition: Edition, strings: Mapping[str, str], path: str) -> FeedSpec:
    title = edition_title(config, edition)
    return FeedSpec(
        file=path,
        url=config.base_url + path,
        home=config.base_url + f"{edition.prefix}/",
        title=title,
        description=strings.get("feed_description") or title,
        language=edition.code,
    )


def build_feed(config: Config, edition: Edition, items: list[EditionArticle], strings: Mapping[str, str],
               memo: Memo = no_memo) -> OutputFile:
    """The edition's RSS 2.0 feed."""
    return _rss(config, _edition_spec(config, edition, strings, feed_path(edition)), items, memo)


def build_atom_feed(config: Config, edition: Edition, items: list[EditionArticle], strings: Mapping[str, str],
                    memo: Memo = no_memo) -> OutputFile:
    """The edition's Atom 1.0 feed: the same entries as its RSS feed."""
    return _atom(config, _edition_spec(config, edition, strings, atom_path(edition)), items, memo)


def build_tag_feeds(config: Config, edition: Edition, items: list[EditionArticle], strings: Mapping[str, str],
                    memo: Memo = no_memo) -> list[OutputFile]:
    """One RSS 2.0 feed per tag of the edition, at the same ASCII path in every
    edition. Tags that share a slug (differing in case, punctuation or script)
    share a feed."""
    by_slug, names = name_groups(config, items, "tag", memo)  # the display name: the smallest spelling
    base = _edition_spec(config, edition, strings, feed_path(edition))
    files = []
    for slug in sorted(by_slug):
        path = tag_feed_path(edition, Tag(names[slug], slug))
        spec = FeedSpec(
            file=path,
            url=config.base_url + path,
            home=base.home,  # there are no tag pages; the edition's front page is the nearest
            title=f"{base.title} · {names[slug]}",
            description=f"{base.description} · {names[slug]}",
            language=edition.code,
        )
        files.append(_rss(config, spec, by_slug[slug], memo))
    return files
