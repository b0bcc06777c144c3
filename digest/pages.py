"""Stage: Articles + Stories -> Pages, one per (edition, page) with its final URL.

In: the Config, the prepared Articles and their Stories. Out: frozen Page records (output path,
template, URL, language alternates and the edition-converted data the template
shows), plus a check that no two pages claim the same output file.
Text is converted to each edition's script here, and only here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, partial
from datetime import date, datetime, timedelta, timezone
from itertools import groupby
from operator import attrgetter
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from .article import Article, plain_text
from .cache import MISSING, Memo, StoredApart, memo_map, no_memo
from .config import Config, Edition
from .convert import TextConverter, convert_marked, edition_converter, needs_conversion, script_neutral
from .errors import BuildError, problem
from .readtime import reading_minutes
from .sanitize import sanitize
from .stories import Story
from .workers import Workers


@dataclass(frozen=True)
class Tag:
    name: str  # as the edition spells it
    slug: str  # ASCII folder name, the same in every edition


def tag_slug(tag: str, bare: str = "t") -> str:
    """ASCII, identical in both editions: ASCII tags keep their words ("AI" -> "ai");
    Chinese ones get a short hash of their script-neutral spelling, so 经济 and 經濟
    share one folder (``<bare>-<hash>`` when no ASCII word is left). Empty for a
    tag with no letter or digit. Outlet names use the same rule with ``bare="o"``."""
    text = unicodedata.normalize("NFKC", tag).strip().lower()
    words = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if text.isascii() or not re.search(r"\w", text):
        return words
    digest = hashlib.sha1(script_neutral(text).encode()).hexdigest()[:8]
    return f"{words}-{digest}" if words else f"{bare}-{digest}"


@dataclass(frozen=True)
class Outlet:
    name: str  # as the edition spells it
    slug: str  # ASCII folder name, the same in every edition


def tag_feed_path(edition: Edition, tag: Tag) -> str:
    """Site-relative path of a tag's RSS feed ("" when the tag has no feed)."""
    return f"{edition.prefix}/tags/{tag.slug}/feed.xml" if tag.slug else ""


def tag_path(edition: Edition, tag: Tag) -> str:
    """Site-relative URL of a tag's first listing page ("" when the tag has no page)."""
    return f"{edition.prefix}/tags/{tag.slug}/" if tag.slug else ""


def outlet_path(edition: Edition, outlet: Outlet | None) -> str:
    """Site-relative URL of an outlet's first listing page ("" without an outlet)."""
    return f"{edition.prefix}/outlets/{outlet.slug}/" if outlet and outlet.slug else ""


def tags_index_path(edition: Edition) -> str:
    return f"{edition.prefix}/tags/"


def outlets_index_path(edition: Edition) -> str:
    return f"{edition.prefix}/outlets/"


def search_path(edition: Edition) -> str:
    return f"{edition.prefix}/search/"


@dataclass(frozen=True)
class EditionArticle:
    """An Article as one edition shows it: text converted, URLs untouched."""

    article: Article
    edition: Edition
    title: str
    source: str
    summary: str
    tags: tuple[Tag, ...]
    html: str = StoredApart()  # read from the disk cache only when used
    path: str  # site-relative URL path, e.g. "zh-hans/articles/slug/"
    local_date: datetime  # in the site's time zone
    outlet: Outlet | None = None  # None when the article names no source
    reading_minutes: int = 1  # see readtime.reading_minutes


@dataclass(frozen=True)
class Page:
    output_path: str  # file below the output folder, e.g. "zh-hans/index.html"
    template: str
    path: str  # site-relative URL path of the page ("" is the root)
    edition: Edition | None
    alternates: tuple[tuple[str, str], ...]  # (hreflang, site-relative path), x-default included
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # Identity of everything the page shows besides config, templates and strings
    # (the digests of its articles): pages with one are memoised on it.
    content_key: str | None = None


@dataclass(frozen=True)
class StoryEntry:
    """One story in a listing: the article shown first and, under it, the other
    articles of the same story in that listing (earliest first, at most
    ``stories.coverage_items``; ``more`` counts the rest, listed on the story page)."""

    lead: EditionArticle
    others: tuple[EditionArticle, ...]
    path: str | None  # the story page, for a story of several articles
    more: int = 0


@dataclass(frozen=True)
class DayGroup:
    day: date
    entries: tuple[StoryEntry, ...]


@dataclass(frozen=True)
class MonthLink:
    year: int
    month: int
    count: int
    path: str


@dataclass(frozen=True)
class NameLink:
    """One entry of the tag or outlet index: a name, its page and how many articles."""

    name: str
    path: str
    count: int


@dataclass(frozen=True)
class PageLink:
    """One page of a paginated listing (1-based)."""

    number: int
    path: str




def story_entries(items: list[EditionArticle], stories: Mapping[str, Story], edition: Edition,
                  limit: int) -> list[StoryEntry]:
    """A listing's articles, one entry per story, newest entry first.

    Each story appears once: led by its lead article when the listing holds it,
    else by its earliest article there; the entry sits at its lead's date. Under
    the lead, at most ``limit`` of the story's other articles in the listing
    (earliest first); the entry counts the rest in ``more``."""
    members: dict[str, list[EditionArticle]] = {}
    for item in items:
        members.setdefault(stories[item.article.doc.slug].key, []).append(item)
    entries = []
    for key, group in members.items():
        story = stories[group[0].article.doc.slug]
        group.sort(key=lambda a: (a.article.doc.date, a.path))
        lead = next((a for a in group if a.article.doc.slug == story.lead), group[0])
        others = tuple(a for a in group if a is not lead)
        entries.append(StoryEntry(lead, others[:limit], story_path(edition, story) if len(story.ids) > 1 else None,
                                  max(0, len(others) - limit)))
    return sorted(entries, key=lambda e: (e.lead.article.doc.date, e.lead.path), reverse=True)


def nearest_coverage(item: EditionArticle, others: list[EditionArticle], limit: int) -> tuple[EditionArticle, ...]:
    """The ``limit`` articles of ``others`` (the rest of ``item``'s story) published
    nearest in time to ``item``, earliest first: an update from the same hours
    means more to its reader than the story's first flash two days before. Ties go
    to the earlier article, then the path, so the choice is deterministic."""
    stamp = item.article.doc.date
    chosen = sorted(others, key=lambda o: (abs((o.article.doc.date - stamp).total_seconds()), o.article.doc.date, o.path))[:limit]
    return tuple(sorted(chosen, key=lambda o: (o.article.doc.date, o.path)))


def by_day(entries: list[StoryEntry]) -> tuple[DayGroup, ...]:
    return tuple(DayGroup(day, tuple(group)) for day, group in groupby(entries, key=lambda e: e.lead.local_date.date()))


def content_key(items: list[EditionArticle], entries: list[StoryEntry] | None = None) -> str:
    """Identity of what a listing shows: its articles and how they are grouped."""
    parts = [f"{i.path}\0{i.article.doc.digest}" for i in items]
    # Grouping may change while none of the listed articles does (an article outside
    # the listing joins two of them into one story), so the entries count too.
    parts += [" ".join(a.path for a in (e.lead, *e.others)) + f"\0{e.path}\0{e.more}" for e in entries or ()]
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()


def member_signatures(items: list[EditionArticle], story_of: Mapping[str, Story]) -> dict[str, str]:
    """Per article URL, what a listing shows of it: the URL, the file's digest and
    its story (key, lead, size), as one string (its hash is computed once)."""
    signatures = {}
    for item in items:
        story = story_of[item.article.doc.slug]
        signatures[item.path] = f"{item.path}\0{item.article.doc.digest}\0{story.key}\0{story.lead}\0{len(story.ids)}"
    return signatures


def members_key(items: list[EditionArticle], signatures: Mapping[str, str]) -> tuple[str, ...]:
    """What a listing's pages are made of: each article's ``member_signatures``
    entry, in listing order. Listings are memoised on it."""
    return tuple([signatures[item.path] for item in items])


def archive_path(edition: Edition) -> str:
    return f"{edition.prefix}/archive/"


def month_path(edition: Edition, year: int, month: int) -> str:
    return f"{edition.prefix}/archive/{year:04d}/{month:02d}/"


def article_path(edition: Edition, article: Article) -> str:
    return f"{edition.prefix}/articles/{article.doc.slug}/"


def story_path(edition: Edition, story: Story) -> str:
    """A story page's URL: named after its earliest article, so a later article never moves it."""
    return f"{edition.prefix}/stories/{story.key}/"


def for_edition(article: Article, edition: Edition, config: Config) -> EditionArticle:
    doc = article.doc
    conv: TextConverter | None = None
    if needs_conversion(doc.lang, edition.code):
        conv = edition_converter(edition, config.glossary.entries + doc.glossary)

    def text(value: str, phrases: tuple = ()) -> str:
        return convert_marked(value, conv, edition.code, phrases)

    # never an empty credit: without a source the page names the URL's host (no outlet page then)
    source = text(doc.source) or _host(doc.url)
    outlet_slug = tag_slug(doc.source, "o") if doc.source else ""
    return EditionArticle(
        article=article,
        edition=edition,
        title=text(doc.title),
        source=source,
        summary=text(article.summary, article.phrases),
        tags=tuple(Tag(text(t), tag_slug(t)) for t in doc.tags),
        # Conversion and markup resolution rewrite the serialised HTML's text, so
        # the sanitiser runs after them: it is the last thing to touch the body.
        html=sanitize(convert_marked(article.html, conv, edition.code, article.phrases, html=True)),
        path=article_path(edition, article),
        local_date=doc.date.astimezone(config.timezone),
        outlet=Outlet(source, outlet_slug) if outlet_slug else None,
        reading_minutes=reading_minutes(plain_text(article.html)),
    )


def published_articles(config: Config, articles: tuple[Article, ...], now: datetime | None = None) -> list[Article]:
    """The articles a build publishes (``now``: the build's clock, aware; default: the current time)."""
    now = now or datetime.now(timezone.utc)
    return [a for a in articles
            if (config.publish_drafts or not a.doc.draft) and (config.publish_future or a.doc.date <= now)]


def _host(url: str | None) -> str:
    """The credit of an article without ``source``: its URL's host, so no page shows
    an empty "来源：" (nothing at all without a URL either)."""
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""


def _alternates(path_in: dict[str, str], default: str) -> tuple[tuple[str, str], ...]:
    pairs = [(code, path_in[code]) for code in sorted(path_in)]
    return (*pairs, ("x-default", default))


def newest_first(articles: list[EditionArticle]) -> list[EditionArticle]:
    return sorted(articles, key=_BY_DATE, reverse=True)


_BY_DATE = attrgetter("article.doc.date", "path")


def assemble_pages(config: Config, articles: tuple[Article, ...], stories: tuple[Story, ...],
                   memo: Memo = no_memo, workers: Workers | None = None) -> tuple[tuple[Page, ...], dict[str, list[EditionArticle]]]:
    """All pages of the site and, per edition code, its articles newest first.
    Drafts and articles dated after now are left out unless the config says
    ``publish_drafts`` / ``publish_future`` (``serve --drafts``, ``--future``).
    ``stories``: the Stories of the published articles (``stories.site_stories``).
    The per-article conversion runs on ``workers`` when given."""
    published = published_articles(config, articles)
    story_of = {slug: story for story in stories for slug in story.ids}
    for article in published:  # only if the clock passed an article's date between the two looks
        story_of.setdefault(article.doc.slug, Story(article.doc.slug, (article.doc.slug,), article.doc.slug))
    by_edition = {
        e.code: newest_first(memo_map(
            memo, workers or Workers(1),
            [(("edition", str(a.doc.path), a.doc.digest, e.code, config.fingerprint), (a, e, config)) for a in published],
            for_edition, rejoin=lambda item, args: replace(item, article=args[0])))
        for e in config.editions
    }
    home_paths = {e.code: f"{e.prefix}/" for e in config.editions}
    pages: list[Page] = [
        Page("index.html", "root.html", "", None, _alternates(home_paths, "")),
        Page("404.html", "404.html", "404.html", None, ()),
    ]
    for edition in config.editions:
        items = by_edition[edition.code]
        by_slug = {item.article.doc.slug: item for item in items}
        signatures = member_signatures(items, story_of)
        pages += _listing_pages(config, edition, items, story_of, signatures, memo)
        pages += _name_pages(config, edition, items, "tag", story_of, signatures, memo)
        pages += _name_pages(config, edition, items, "outlet", story_of, signatures, memo)
        if config.search:
            pages.append(Page(f"{search_path(edition)}index.html", "search.html", search_path(edition), edition,
                              _same_path_in_every_edition(config, search_path)))
        pages += _article_pages(config, edition, items, story_of, by_slug, memo)
        pages += _story_pages(config, edition, stories, by_slug)
    check_collisions(pages)
    return tuple(pages), by_edition


def _article_pages(config: Config, edition: Edition, items: list[EditionArticle], story_of: Mapping[str, Story],
                   by_slug: Mapping[str, EditionArticle], memo: Memo = no_memo) -> list[Page]:
    """One page per article (``items`` newest first), linking the articles before
    and after it on the same day and the other coverage of its story.

    Memoised per day (in memory only: cheaper to redo than to read from disk) on
    the day's articles and the coverage each one shows, so after one edit only
    that day's pages are assembled again. Without that memo no key is made:
    a key names every other article of each article's story."""
    if getattr(memo, "on_disk", False):
        memo = no_memo
    days = [list(same_day) for _, same_day in groupby(items, key=lambda a: a.local_date.date())]  # newest first
    stories = _story_orders(items, story_of, by_slug)
    if memo is no_memo:
        return [page for day in days for page in _day_pages(config, edition, day, stories, story_of)]
    coverages = [[_coverage(item, story_of, by_slug) for item in day] for day in days]
    keys = [("article-pages", edition.code, config.fingerprint,
             *(f"{item.path}\0{item.article.doc.digest}\0{story_of[item.article.doc.slug].key}\0{content_key(cover)}"
               if cover else f"{item.path}\0{item.article.doc.digest}" for item, cover in zip(day, covers, strict=True)))
            for day, covers in zip(days, coverages, strict=True)]
    blocks = memo.lookup_many(keys)
    pages: list[Page] = []
    for key, block, day in zip(keys, blocks, days, strict=True):
        if block is MISSING:
            block = memo.store(key, _day_pages(config, edition, day, stories, story_of))
        pages += block
    return pages


def _coverage(item: EditionArticle, story_of: Mapping[str, Story], by_slug: Mapping[str, EditionArticle]) -> list[EditionArticle]:
    """The other articles of ``item``'s story that the edition shows."""
    slug = item.article.doc.slug
    ids = story_of[slug].ids
    return [] if len(ids) == 1 else [by_slug[s] for s in ids if s != slug and s in by_slug]


def _story_orders(items: list[EditionArticle], story_of: Mapping[str, Story],
                  by_slug: Mapping[str, EditionArticle]) -> dict[str, tuple[list[EditionArticle], list[int], int]]:
    """Per article slug of a story the edition shows more than one article of:
    that story's articles in the edition by (date, path), sorted once per story,
    their dates in microseconds since the epoch, and the article's place among them."""
    orders: dict[str, tuple[list[EditionArticle], list[int], int]] = {}
    for item in items:
        slug = item.article.doc.slug
        story = story_of[slug]
        if slug in orders or len(story.ids) == 1:
            continue
        ordered = sorted((by_slug[s] for s in story.ids if s in by_slug), key=_BY_DATE)
        if len(ordered) > 1:
            micros = [(member.article.doc.date - _EPOCH) // _MICROSECOND for member in ordered]
            for index, member in enumerate(ordered):
                orders[member.article.doc.slug] = (ordered, micros, index)
    return orders


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


def _nearest_in(ordered: list[EditionArticle], micros: list[int], index: int, limit: int) -> tuple[EditionArticle, ...]:
    """``nearest_coverage`` of ``ordered[index]`` among the rest of ``ordered``
    (sorted by date, then path; ``micros``: their dates as whole microseconds,
    so distances are exact integers), looking only at the few that can be
    chosen: the ``limit`` articles after it, and the ``limit`` before it with any
    earlier ones of the same date as the first of those (a tie goes to the
    earlier path, so such an article can beat a nearer one). Any other is beaten
    by ``limit`` articles of the window, being farther in time, or as far and later."""
    start = max(0, index - limit)
    while start > 0 and micros[start - 1] == micros[start]:
        start -= 1
    stamp = micros[index]
    window = [*range(start, index), *range(index + 1, min(len(ordered), index + 1 + limit))]
    # (distance, date, path): ordered by date then path already, so by place.
    chosen = sorted(window, key=lambda k: (abs(micros[k] - stamp), k))[:limit]
    return tuple(ordered[k] for k in sorted(chosen))


def _day_pages(config: Config, edition: Edition, day: list[EditionArticle],
               stories: Mapping[str, tuple[list[EditionArticle], list[int], int]], story_of: Mapping[str, Story]) -> tuple[Page, ...]:
    """The article pages of one day's articles (newest first); ``stories``: see
    ``_story_orders``."""
    pages = []
    limit = config.stories.coverage_items
    for index, item in enumerate(day):
        older = day[index + 1] if index + 1 < len(day) else None
        newer = day[index - 1] if index > 0 else None
        story = story_of[item.article.doc.slug]
        ordered = stories.get(item.article.doc.slug)
        coverage = _nearest_in(*ordered, limit) if ordered else ()
        others = len(ordered[0]) - 1 if ordered else 0
        paths = {e.code: article_path(e, item.article) for e in config.editions}
        default = paths[config.default_edition]
        data = {"item": item, "coverage": coverage, "coverage_more": others - len(coverage),
                "story_path": story_path(edition, story) if coverage else None, "older": older, "newer": newer}
        key = (f"{item.article.doc.digest}:{content_key(list(coverage))}:{others}:"
               f"{content_key([n for n in (older, newer) if n])}:{older is not None}")
        pages.append(Page(f"{item.path}index.html", "article.html", item.path, edition,
                          _alternates(paths, default), MappingProxyType(data), key))
    return tuple(pages)


def _same_path_in_every_edition(config: Config, path_of: Callable[[Edition], str]) -> tuple[tuple[str, str], ...]:
    return _alternates({e.code: path_of(e) for e in config.editions}, path_of(config.edition(config.default_edition)))


def _story_pages(config: Config, edition: Edition, stories: tuple[Story, ...], by_slug: Mapping[str, EditionArticle]) -> list[Page]:
    """One page per story of several articles: every article of it, earliest first."""
    pages = []
    for story in stories:
        if len(story.ids) < 2:
            continue  # most stories: one article, no page
        members = [by_slug[slug] for slug in story.ids if slug in by_slug]
        if len(members) < 2:
            continue
        path = story_path(edition, story)
        lead = by_slug.get(story.lead, members[0])
        entry = StoryEntry(lead, tuple(m for m in members if m is not lead), path)
        paths = {e.code: story_path(e, story) for e in config.editions}
        pages.append(Page(f"{path}index.html", "story.html", path, edition, _alternates(paths, paths[config.default_edition]),
                          MappingProxyType({"story": entry, "members": tuple(members)}), content_key(members, [entry])))
    return pages


def _listing_pages(config: Config, edition: Edition, items: list[EditionArticle], story_of: Mapping[str, Story],
                   signatures: Mapping[str, str], memo: Memo = no_memo) -> list[Page]:
    """The edition's home (the newest ``home_items`` articles), one archive page per
    month (with links to the months before and after) and the archive index;
    every listing groups its articles by day."""
    def same_path_in_every_edition(path_of: Callable[[Edition], str]) -> tuple[tuple[str, str], ...]:
        return _same_path_in_every_edition(config, path_of)

    home = items[: config.home_items]
    home_entries = story_entries(home, story_of, edition, config.stories.coverage_items)
    home_alternates = _alternates({e.code: f"{e.prefix}/" for e in config.editions}, "")
    pages = [Page(f"{edition.prefix}/index.html", "home.html", f"{edition.prefix}/", edition, home_alternates,
                  MappingProxyType({"days": by_day(home_entries), "more": len(items) > len(home)}),
                  f"{content_key(home, home_entries)}:{len(items) > len(home)}")]
    months: list[MonthLink] = []
    groups: list[list[EditionArticle]] = []
    for (year, month), group in groupby(items, key=lambda a: (a.local_date.year, a.local_date.month)):
        members = list(group)
        months.append(MonthLink(year, month, len(members), month_path(edition, year, month)))
        groups.append(members)
    def month_page(link: MonthLink, members: list[EditionArticle], newer: MonthLink | None, older: MonthLink | None) -> Page:
        entries = story_entries(members, story_of, edition, config.stories.coverage_items)
        return Page(f"{link.path}index.html", "month.html", link.path, edition,
                    same_path_in_every_edition(lambda e, y=link.year, m=link.month: month_path(e, y, m)),
                    MappingProxyType({"year": link.year, "month": link.month, "days": by_day(entries),
                                      "newer": newer, "older": older}),
                    f"{content_key(members, entries)}:{newer}:{older}")

    for index, (link, members) in enumerate(zip(months, groups, strict=True)):
        newer = months[index - 1] if index > 0 else None  # months run newest first
        older = months[index + 1] if index + 1 < len(months) else None
        # Memoised on its articles and stories: an edit elsewhere leaves it as it was.
        pages.append(memo(("month-page", edition.code, link, newer, older, members_key(members, signatures), config.fingerprint),
                          partial(month_page, link, members, newer, older)))
    index = archive_path(edition)
    pages.append(Page(f"{index}index.html", "archive.html", index, edition, same_path_in_every_edition(archive_path),
                      MappingProxyType({"months": tuple(months)})))
    return pages


def name_groups(config: Config, items: list[EditionArticle], kind: str,
                memo: Memo = no_memo) -> tuple[dict[str, list[EditionArticle]], dict[str, str]]:
    """Per tag slug (``kind="tag"``) or outlet slug (``kind="outlet"``), its articles
    of ``items`` (one edition's, newest first), newest first, and the name shown
    for it: the smallest of the spellings that share the slug, so rebuilds are
    stable. Grouped month by month, each month memoised (in memory) on its
    articles, so a rebuild after one edit regroups one month and joins the rest."""
    if getattr(memo, "on_disk", False):
        memo = no_memo
    months = [list(month) for _, month in groupby(items, key=_MONTH)]
    keys = [("name-groups", kind, config.fingerprint, *(f"{item.path}\0{item.article.doc.digest}" for item in month))
            for month in months]
    found = memo.lookup_many(keys)
    members: dict[str, list[EditionArticle]] = {}
    names: dict[str, str] = {}
    for key, month, groups in zip(keys, months, found, strict=True):
        if groups is MISSING:
            groups = memo.store(key, _month_name_groups(month, kind))
        for slug, (name, group) in groups.items():
            members.setdefault(slug, []).extend(group)
            names[slug] = min(names.get(slug, name), name)
    return members, names


_MONTH = attrgetter("local_date.year", "local_date.month")


def _month_name_groups(items: list[EditionArticle], kind: str) -> dict[str, tuple[str, tuple[EditionArticle, ...]]]:
    members: dict[str, list[EditionArticle]] = {}
    names: dict[str, str] = {}
    for item in items:  # newest first, so every group stays newest first
        named = item.tags if kind == "tag" else ((item.outlet,) if item.outlet else ())
        for entry in named:
            if not entry.slug:
                continue
            group = members.setdefault(entry.slug, [])
            if not group or group[-1] is not item:
                group.append(item)
            names[entry.slug] = min(names.get(entry.slug, entry.name), entry.name)
    return {slug: (names[slug], tuple(group)) for slug, group in members.items()}


# The keys of a tag or outlet listing page's data (``_name_pages``).
_NAMES_DATA = frozenset({"kind", "name", "slug", "count", "days", "number", "pages", "feed"})


def _frozen(data: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(data)


class DeferredData(Mapping[str, Any]):
    """A page's data made on first use: a page whose file the build cache still
    has is never rendered, so its listing need not be put together at all.
    ``keys``: the keys the data will have (so ``"item" in data`` costs nothing);
    ``make``: gives the data. Pickled as the data itself."""

    __slots__ = ("_keys", "_make", "_data")

    def __init__(self, keys: frozenset[str], make: Callable[[], Mapping[str, Any]]) -> None:
        self._keys, self._make = keys, make
        self._data: Mapping[str, Any] | None = None

    def _made(self) -> Mapping[str, Any]:
        if self._data is None:
            self._data = self._make()
        return self._data

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(key)
        return self._made()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._keys)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_frozen, (dict(self._made()),))


def _data_of(listing: Callable[[], tuple[Page, ...]], number: int) -> Mapping[str, Any]:
    return listing()[number].data


def _name_pages(config: Config, edition: Edition, items: list[EditionArticle], kind: str,
                story_of: Mapping[str, Story], signatures: Mapping[str, str], memo: Memo = no_memo) -> list[Page]:
    """Per tag (``kind="tag"``) or outlet (``kind="outlet"``): paginated listings of its
    articles, newest first and grouped by day, at ``<prefix>/tags/<slug>/`` (then
    ``page/2/``…), plus the index of all of them, most articles first. Spellings
    that share a slug share a page; the shown name is the smallest of them, as
    in the tag feeds, so both agree and rebuilds are stable."""
    members, names = name_groups(config, items, kind, memo)
    folder = "tags" if kind == "tag" else "outlets"
    size = config.page_items
    pages: list[Page] = []

    def group_pages(slug: str, group: list[EditionArticle]) -> tuple[Page, ...]:
        chunks = [group[i:i + size] for i in range(0, len(group), size)]

        def page_path(e: Edition, number: int, slug: str = slug) -> str:
            return f"{e.prefix}/{folder}/{slug}/" + (f"page/{number}/" if number > 1 else "")

        links = tuple(PageLink(n, page_path(edition, n)) for n in range(1, len(chunks) + 1))
        made: list[Page] = []
        for number, chunk in enumerate(chunks, start=1):
            path = page_path(edition, number)
            entries = story_entries(chunk, story_of, edition, config.stories.coverage_items)
            data = {"kind": kind, "name": names[slug], "slug": slug, "count": len(group), "days": by_day(entries),
                    "number": number, "pages": links,
                    "feed": tag_feed_path(edition, Tag(names[slug], slug)) if kind == "tag" else ""}
            made.append(Page(f"{path}index.html", "names.html", path, edition,
                             _same_path_in_every_edition(config, lambda e, n=number: page_path(e, n)),
                             MappingProxyType(data), f"{content_key(chunk, entries)}:{names[slug]}:{len(group)}:{len(chunks)}"))
        return tuple(made)

    slugs = sorted(members)
    if getattr(memo, "on_disk", False):
        # On disk only what renders need to find the file of a page that did
        # not change (its paths and content key); the listing itself is made
        # again only for a page rendered again.
        keys = [("name-page-stubs", kind, edition.code, slug, names[slug], members_key(members[slug], signatures),
                 config.fingerprint) for slug in slugs]
        for key, slug, stubs in zip(keys, slugs, memo.lookup_many(keys), strict=True):
            if stubs is MISSING:
                made = group_pages(slug, members[slug])
                memo.store(key, tuple((p.output_path, p.path, p.alternates, p.content_key) for p in made))
                pages += made
                continue
            listing = cache(partial(group_pages, slug, members[slug]))  # made at most once, for all its pages
            pages += [Page(output_path, "names.html", path, edition, alternates,
                           DeferredData(_NAMES_DATA, partial(_data_of, listing, number)), content)
                      for number, (output_path, path, alternates, content) in enumerate(stubs)]
    else:
        for slug in slugs:
            # Memoised on its articles and stories: an edit elsewhere leaves it as it was.
            pages += memo(("name-pages", kind, edition.code, slug, names[slug], members_key(members[slug], signatures), config.fingerprint),
                          partial(group_pages, slug, members[slug]))
    index_of = tags_index_path if kind == "tag" else outlets_index_path
    entries = sorted((NameLink(names[s], f"{edition.prefix}/{folder}/{s}/", len(g)) for s, g in members.items()),
                     key=lambda link: (-link.count, link.name, link.path))
    pages.append(Page(f"{index_of(edition)}index.html", "names_index.html", index_of(edition), edition,
                      _same_path_in_every_edition(config, index_of),
                      MappingProxyType({"kind": kind, "entries": tuple(entries)})))
    return pages


def check_collisions(pages: list[Page]) -> None:
    """Two sources must never write the same file: name both of them."""
    if len({page.output_path for page in pages}) == len(pages):
        return
    owners: dict[str, Page] = {}
    problems = []
    for page in pages:
        first = owners.setdefault(page.output_path, page)
        if first is not page:
            where, other = (str(p.data["item"].article.doc.path) if "item" in p.data else p.output_path for p in (page, first))
            problems.append(problem(where, 0, f"writes {page.output_path}, which {other} also writes: give one of them another slug"))
    if problems:
        raise BuildError(problems)
