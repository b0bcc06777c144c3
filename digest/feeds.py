"""Stage: each edition's articles -> its RSS 2.0 feed (feedgen).

In: the Config, an Edition, its EditionArticles newest first and its UI strings.
Out: an OutputFile ``<prefix>/feed.xml``. Links and guids are absolute article
URLs (stable: they derive from the slug, never from the title); the full body
goes in ``content:encoded``, the summary in ``description``. ``lastBuildDate`` is
the newest article's date, not the clock, so rebuilding changes no byte.
"""

from __future__ import annotations

from collections.abc import Mapping

from feedgen.feed import FeedGenerator

from .config import Config, Edition
from .pages import EditionArticle
from .templating import OutputFile, edition_title

FEED_FILE = "feed.xml"


def feed_path(edition: Edition) -> str:
    return f"{edition.prefix}/{FEED_FILE}"


def build_feed(config: Config, edition: Edition, items: list[EditionArticle], strings: Mapping[str, str]) -> OutputFile:
    home = config.base_url + f"{edition.prefix}/"
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.title(edition_title(config, edition))
    # feedgen keeps one RSS <link>: the last one given, so "self" must come first.
    feed.link(href=config.base_url + feed_path(edition), rel="self", type="application/rss+xml")
    feed.link(href=home, rel="alternate")
    feed.description(strings.get("feed_description") or edition_title(config, edition))
    feed.language(edition.code)
    feed.generator("digest")
    shown = items[: config.feed_items]
    if shown:
        feed.lastBuildDate(shown[0].article.doc.date)
        feed.pubDate(shown[0].article.doc.date)
    for item in shown:
        url = config.base_url + item.path
        entry = feed.add_entry(order="append")
        entry.title(item.title)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(item.article.doc.date)
        entry.description(item.summary or item.title)
        entry.content(item.html, type="CDATA")
        if item.source:
            entry.dc.dc_creator(item.source)
        for tag in item.tags:
            entry.category(term=tag)
    return OutputFile(feed_path(edition), feed.rss_str(pretty=True))
