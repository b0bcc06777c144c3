"""Reading HTML clippings: a fragment, or a full page -> the article's fields.

In:  the text of an HTML fragment or of a whole saved page, and the site's
     time zone.
Out: the field dict :func:`digest.clipping.read_clipping` turns into a
     ``Clipping``: title, url, date, language (pages only), the article's HTML
     as ``body``, and in ``removed`` every piece of page chrome that had to be
     cut to find the article (chrome tags, boxes whose class/id says
     share/related/ad/…, the repeated title and lone ``<time>`` lines).

This is the one place the clipping reader removes anything; all other junk is
left to the build's :mod:`digest.cleaning` stage.
"""

from __future__ import annotations

import copy
import html as htmlmod
import json
import re
from typing import Any
from zoneinfo import ZoneInfo

from .clipping_meta import aware, date_in_text
from .render import BodyFormat

__all__ = ["read_html_fragment", "read_page", "strip_tags"]


def read_html_fragment(text: str, tz: ZoneInfo) -> dict[str, Any]:
    """An HTML fragment: the title from a leading <h1>, the date from <time>, and
    page chrome (scripts, nav, share/related boxes by class) cut and reported."""
    import lxml.html

    title = None
    body = text
    h = re.match(r"\A\s*(?:<(?:div|article|section)[^>]*>\s*)*<h1[^>]*>(.*?)</h1>", text, re.S | re.I)
    if h:
        title = strip_tags(h.group(1)) or None
    date = None
    t = re.search(r"<time[^>]*datetime=\"([^\"]+)\"", body[:3000])
    if t:
        date = aware(t.group(1), tz)
    removed: list[tuple[str, str]] = []
    try:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        root = None
    if root is not None:
        _strip_chrome(root, _FRAGMENT_CHROME_TAGS, removed)
        _drop_heading_anchors(root, removed)
        if removed:  # otherwise the body stays byte for byte as it came
            body = _inner(root).strip() + "\n"
    return {"kind": "html", "title": title, "url": None, "date": date, "body": body, "format": BodyFormat.HTML,
            "removed": tuple(removed)}


# The mark a blog engine sets in a heading to link to it ("¶右邊", "#Intro"): a link to
# the same page whose whole text is one of these symbols.
_ANCHOR_MARKS = frozenset({"¶", "#", "§", "🔗", "⚓", "∞", "⁋"})


def _drop_heading_anchors(root: Any, removed: list[tuple[str, str]]) -> None:
    """Remove the self-link marks of headings (``<h2><a href="#x">¶</a>x</h2>``): the
    browser shows them on hover only, and the heading's text is the rest."""
    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        for a in list(heading.iter("a")):
            if (a.get("href") or "").startswith("#") and (a.text_content() or "").strip() in _ANCHOR_MARKS:
                _drop(a, "page:heading-anchor", removed)


def strip_tags(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmlmod.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()



# ---------------------------------------------------------------------------
# Full HTML pages
# ---------------------------------------------------------------------------

# Elements that are page chrome wherever they sit.
_CHROME_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea",
                "svg", "nav", "aside", "footer", "header", "template", "object", "video", "audio", "canvas", "dialog")
# In a fragment an <aside> or <header> may be the article's own box: keep them.
_FRAGMENT_CHROME_TAGS = tuple(t for t in _CHROME_TAGS if t not in ("aside", "header", "footer"))
# class/id words that mark page chrome (matched against -/_ separated parts).
_AMBIGUOUS_MARK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6"})
_CHROME_CLASS = re.compile(
    r"(?:^|[-_\s])(related|share|sharing|social|newsletter|subscribe|subscription|advert|advertisement|ads?|"
    r"adslot|promo|promotion|comments?|breadcrumbs?|sidebar|recommend(?:ed|ation)?s?|trending|popular|"
    r"most-?read|outbrain|taboola|tags?|footer|nav|navbar|menu|sponsor(?:ed)?|more-?stories|more-?about|"
    # (not byline/author/reporter boxes: the byline is article text, and a date line in
    # them is left to the cleaner's date rules)
    r"toolbar|font-?size|signup|"
    # section labels above the headline, photo credits (a bare "credit" may be a byline box the article keeps)
    r"slug|kicker|eyebrow|overline|section-?label|(?:photo|image|img|picture)-?credits?|"
    r"cookie|modal|popup|login|app-?download|appE\d+)(?:$|[-_\s])", re.I)


def _marks(el: Any) -> str:
    """An element's class and id, as the chrome and region patterns read them.  A
    heading's id that spells its own words is its anchor, no mark (``<h2 id="what-share-of-
    adolescents-…">What share of adolescents…</h2>`` names no share bar)."""
    ident = el.get("id") or ""
    if ident and el.tag in _HEADING_TAGS and _own_anchor(ident, el):
        ident = ""
    return f"{el.get('class') or ''} {ident}"


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _own_anchor(ident: str, el: Any) -> bool:
    """``ident`` is the slug of the start of ``el``'s text: at least three of its words,
    in order (slugs drop marks and may be cut short)."""
    words = re.findall(r"[a-z0-9]+", ident.lower())
    return len(words) >= 3 and re.findall(r"[a-z0-9]+", el.text_content().lower())[:len(words)] == words


def read_page(text: str, tz: ZoneInfo) -> dict[str, Any]:
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return read_html_fragment(text, tz)

    def meta(*names: str) -> str | None:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                found = doc.xpath(f'//meta[@{attr}="{name}"]/@content')
                if found and found[0].strip():
                    return found[0].strip()
        return None

    ld = _json_ld(doc)
    head_title = doc.xpath("//title")
    page_title = _norm_text(head_title[0].text_content()) if head_title else ""
    title = (meta("og:title", "twitter:title") or ld.get("headline")
             or _h1_title(doc.xpath("//h1"), page_title))
    if not title and page_title:
        title = _strip_site_name(page_title)
    if title:  # (a zero-width space a blog's editor left before the headline)
        title = title.strip("\u200b\ufeff ") or None
    canonical = doc.xpath('//link[@rel="canonical"]/@href')
    url = (canonical[0].strip() if canonical else None) or meta("og:url") or ld.get("url")
    if url and not url.startswith(("http://", "https://")):
        url = None
    when = (meta("article:published_time", "og:article:published_time", "datePublished", "pubdate",
                 "publishdate", "date", "dc.date", "DC.date.issued", "parsely-pub-date")
            or ld.get("datePublished"))
    if not when:
        times = doc.xpath("//time/@datetime")
        when = times[0] if times else None
    date = aware(when, tz) if when else None
    if date is None:  # only the visible text dates it: 发布时间：2025-03-15 09:20
        date = date_in_text(_lines_of(doc), tz)

    headline = _headline(doc, title)
    article = _with_header(_with_siblings(_widen(_main_element(doc, headline)), headline), headline)
    _take_byline(doc, article, headline)
    removed: list[tuple[str, str]] = []
    # the article's own <header> (the one around its headline) holds the standfirst,
    # the byline and the lead picture's caption: article text, not page chrome
    for box in article.iter("header"):
        if box.find(".//h1") is not None:
            box.tag = "div"
    _drop_players(article, removed)
    _strip_chrome(article, _CHROME_TAGS, removed, title)
    _drop_hidden(article, removed)
    _drop_author_bio(article, _author_bios(doc), removed)
    _drop_mastheads(article, _site_parts(page_title, title), removed)
    _drop_heading_anchors(article, removed)
    _browser_spaces(article)
    body = _inner(article)
    return {"kind": "page", "title": title, "url": url, "date": date, "body": body.strip() + "\n",
            "format": BodyFormat.HTML, "removed": tuple(removed),
            "lang": _page_lang(doc)}


# What a browser does not show: the ``hidden`` attribute, an inline ``display: none`` or
# ``visibility: hidden``, and the hiding classes of the common CSS kits (Bootstrap's
# ``hidden``/``hide``/``d-none``/``invisible``/``sr-only``/``visually-hidden``,
# Foundation's ``hide``/``show-for-sr``, WordPress's ``screen-reader-text``, Drupal's
# ``element-invisible``).  A class must be one of these whole: ``hidden-xs`` hides on
# phones only.  ``d-none`` beside a ``d-md-block`` shows on wider screens, so it stays.
_HIDING_CLASSES = frozenset(
    "hide hidden d-none invisible sr-only visually-hidden visuallyhidden show-for-sr screen-reader-text "
    "screen-reader-only element-invisible offscreen u-hidden is-hidden a11y-hidden assistive-text".split())
_SHOWN_FROM = re.compile(r"^d-(?:sm|md|lg|xl|xxl)-(?!none)")
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)", re.I)
# Only short hidden text goes (a byline box's hidden e-mail address and home page, a
# screen reader's "opens in a new window"): a page may hide the rest of its article
# behind a "read more" button until it is clicked, and that text is the article's.
_HIDDEN_MAX_CHARS = 100


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    classes = (el.get("class") or "").lower().split()
    return any(c in _HIDING_CLASSES for c in classes) and not any(_SHOWN_FROM.match(c) for c in classes)


def _drop_hidden(article: Any, removed: list[tuple[str, str]]) -> None:
    """Drop the elements inside ``article`` a reader never sees (:data:`_HIDING_CLASSES`)
    whose text is at most :data:`_HIDDEN_MAX_CHARS` characters; each goes to ``removed``
    as ``page:hidden``.  Only once the article is chosen and its chrome cut: the choice
    and the chrome's share of the text weigh the page as it was saved."""
    for el in article.xpath(".//*[@hidden or @style or @class]"):
        if el.getparent() is None or not isinstance(el.tag, str) or not _hidden(el) or _shortened_url_part(el):
            continue
        if len(_norm_text(_visible(el))) <= _HIDDEN_MAX_CHARS:
            _drop(el, "page:hidden", removed)


def _shortened_url_part(el: Any) -> bool:
    """A hidden piece of an address a link shows shortened (Zhihu prints "nytimes.com/2017/…"
    and hides "https://www." and the rest in spans): copied, the page gives the whole
    address, which a reference list cites."""
    link = next(el.iterancestors("a"), None)
    return link is not None and re.match(r"\s*(https?://|www\.)", link.text_content() or "") is not None


# Widening the chosen element (recall first): a page keeps the article's byline,
# captions, standfirst or a second part of its body in boxes beside the element that
# holds most of the paragraphs.  At most this many levels up; the text a level adds
# (outside chrome tags and chrome-classed boxes, which _strip_chrome cuts anyway) may be
# at most this share links (a list of other headlines is links), and beyond
# _WIDEN_SMALL characters it must be mostly prose (sentences in blocks of some length).
_WIDEN_LEVELS = 3
_WIDEN_LINK_SHARE = 0.3
_WIDEN_SMALL = 400
_WIDEN_PROSE_SHARE = 0.6
_WIDEN_SENTENCE = re.compile(r"[.。!?！？]|[，；]|, ")
_TEXT_BLOCKS = frozenset("p div li td dd dt figcaption blockquote h2 h3 h4 h5 h6 section article".split())


def _widen(article: Any) -> Any:
    """The chosen element, or the ancestor (at most ``_WIDEN_LEVELS`` up) whose text
    beside it reads as the article's own: few links, and either little of it (a
    byline, a caption, a standfirst) or mostly prose (the rest of the body).  The
    line passes of :mod:`digest.cleaning` remove what junk comes with it.  Never into
    <body> or a chrome box (:func:`_chrome_box`)."""
    el, levels = article, 0
    while levels < _WIDEN_LEVELS:
        up = el.getparent()
        if up is None or up.tag in ("body", "html") or _chrome_box(up):
            break
        text, links, prose = _beside(up, el)
        if text and (links > _WIDEN_LINK_SHARE * text
                     or text > _WIDEN_SMALL and prose < _WIDEN_PROSE_SHARE * text):
            break
        # a wrapper that adds no text of its own is not a level: page builders nest
        # the body in layout boxes, and the rest of it sits beside the outermost one
        levels += bool(text)
        el = up
    return el


# Siblings that continue the body: a page may set its paragraphs in several boxes of
# one class side by side (an ad or a box of links between them) right under <body>,
# where widening stops, or in a wrapper that also holds a sidebar.  A sibling of the
# same tag and class joins when it holds at least this much paragraph text, nearly all
# of it prose, few links and no headline.
_SIBLING_MIN = 80


def _with_siblings(article: Any, headline: Any | None) -> Any:
    """The chosen element, or a new ``<div>`` put in its place that holds it and the
    siblings around it of its tag and class that read as more of the body
    (:func:`_continues_body`), with
    whatever stands between them (an ad marker, a box the cleaner judges), up to the
    nearest sibling holding a headline either way.  Siblings before the first such one
    and after the last stay where they are."""
    parent = article.getparent()
    if parent is None:
        return article
    siblings = [c for c in parent if isinstance(c.tag, str)]
    at = siblings.index(article)
    # (only boxes named as the chosen one is: a page's other boxes of prose below the
    # article are its comment policy, a cookie notice, a newsletter pitch)
    name = (article.tag, article.get("class", "").strip())
    if not name[1]:
        return article
    # outwards from the chosen box, never past a headline (the next article a page
    # scrolled into view sets its body in a box of the same class)
    first = last = at
    for step, stop in ((-1, -1), (1, len(siblings))):
        for k in range(at + step, stop, step):
            c = siblings[k]
            if c.find(".//h1") is not None or c.tag == "h1":
                break
            if (c.tag, c.get("class", "").strip()) == name and _continues_body(c, headline):
                first, last = min(first, k), max(last, k)
    if first == last:
        return article
    box = article.makeelement("div", {})
    siblings[first].addprevious(box)
    for c in siblings[first:last + 1]:
        tail, c.tail = c.tail, None
        box.append(c)
        if tail and tail.strip():
            c.tail = tail
    return box


def _continues_body(el: Any, headline: Any | None) -> bool:
    """A box of the body's own paragraphs: ``_SIBLING_MIN`` characters of paragraph
    text or more, mostly prose (``_WIDEN_PROSE_SHARE``), few links
    (``_WIDEN_LINK_SHARE``), not the page's headline's box (one holding an <h1> ends
    the walk of :func:`_with_siblings` before it is asked), no chrome box or region
    of other text (comments, a sidebar)."""
    if el.tag in _NO_TEXT or _chrome_box(el) or _REGION_CLASS.search(_marks(el)):
        return False
    if headline is not None and headline in el.iter():
        return False
    if _p_text(el) < _SIBLING_MIN:
        return False
    text, links, prose = _beside(el, None)
    return bool(text) and links <= _WIDEN_LINK_SHARE * text and prose >= _WIDEN_PROSE_SHARE * text


def _beside(up: Any, inner: Any) -> tuple[int, int, int]:
    """Characters of visible text in ``up`` outside ``inner`` and outside chrome:
    (all, in links, in prose blocks -- a block of 40+ characters with a clause or
    sentence mark inside)."""
    text = links = prose = 0
    block_prose: dict[Any, bool] = {}
    for node in up.xpath(".//text()"):
        owner = node.getparent()
        if owner is None:
            continue
        if node.is_tail:
            owner = owner.getparent()
            if owner is None:
                continue
        chain = [owner, *owner.iterancestors()]
        chain = chain[: chain.index(up) + 1] if up in chain else chain
        if inner in chain or any(isinstance(a.tag, str) and (a.tag in _CHROME_TAGS or _chrome_box(a))
                                 for a in chain if a is not up):
            continue
        n = len(_norm_text(str(node)))
        if not n:
            continue
        text += n
        if any(a.tag == "a" for a in chain):
            links += n
        block = next((a for a in chain if a.tag in _TEXT_BLOCKS), None)
        if block is not None:
            if block not in block_prose:
                t = _norm_text(_visible(block))
                block_prose[block] = len(t) >= 40 and bool(_WIDEN_SENTENCE.search(t))
            prose += n if block_prose[block] else 0
    return text, links, prose


# A box the page's markup names as the byline ("metadata__byline", "author-name").
_BYLINE_CLASS = re.compile(r"(?:^|[-_\s])(by-?line|author|authors|author-?name|reporter|writer)s?(?:$|[-_\s])", re.I)
_BYLINE_MAX = 80  # characters: more is an author's bio or a list, not a byline
_BYLINES_TAKEN = 2


def _take_byline(doc: Any, article: Any, h1: Any | None) -> None:
    """Copy into the top of ``article`` the byline boxes the page keeps outside it:
    at most ``_BYLINES_TAKEN`` boxes classed as a byline (``_BYLINE_CLASS``) above the
    article: the first ones below its headline (or, without one, the last ones in the
    same content box as the article), short, outside page chrome and lists, and not
    already in the article's text.  A page's byline is article text (the labelling rules keep
    it); the reader's element often leaves it out."""
    body = doc.find("body")
    if body is None:
        return
    order = {el: i for i, el in enumerate(body.iter())}
    at = order.get(article)
    if at is None:
        return
    floor = order.get(h1, -1) if h1 is not None and order.get(h1, -1) < at else None
    own = set(article.iterancestors())
    text = _norm_text(article.text_content())
    found: list[Any] = []
    for el in body.iter():
        i = order.get(el, -1)
        if i >= at:
            break
        if not isinstance(el.tag, str) or el in own or (floor is not None and i <= floor):
            continue
        if not _BYLINE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        if any(f in el.iterancestors() for f in found):
            continue
        t = _norm_text(_visible(el))
        if not t or len(t) > _BYLINE_MAX or t in text or el.find(".//li") is not None \
                or any(a.tag == "li" for a in el.iterancestors()):
            continue  # (an item of a list: an author's menu of links, a list of other articles)
        # (only the boxes it does not share with the article: those hold the article too)
        if any(isinstance(a.tag, str) and a not in own and (a.tag in _CHROME_TAGS and a.tag != "header"
               or _CHROME_CLASS.search(_marks(a))) for a in el.iterancestors()):
            continue
        if floor is None:
            lca = next((a for a in el.iterancestors() if a in own), None)
            if lca is None or lca is body or lca.tag == "html":
                continue
        found.append(el)
    # the nearest the headline, else the nearest the article
    taken = found[:_BYLINES_TAKEN] if floor is not None else found[-_BYLINES_TAKEN:]
    for el in taken[::-1]:
        box = copy.deepcopy(el)
        box.tag = "div"
        box.tail = article.text
        article.text = None
        article.insert(0, box)


# The most text the article's header (standfirst, byline, captions between the
# headline and the body) may add to the body element, in characters and as a share
# of the body's paragraph text: more is a page layout, not a header.
_HEADER_MAX = 1500
_HEADER_SHARE = 0.5


def _with_header(article: Any, h1: Any | None) -> Any:
    """The body element, grown to start at the headline when the headline sits
    outside it: pages keep the standfirst, byline and lead caption between their
    <h1> and the article body (``articleBody`` holds the paragraphs only).  Returns
    ``article`` itself when there is no such headline or the part between them is
    more than a header (``_HEADER_MAX``, ``_HEADER_SHARE``)."""
    if h1 is None or article in h1.iterancestors() or h1 in article.iterancestors() or h1 is article:
        return article
    above = set(article.iterancestors())
    lca = next((a for a in h1.iterancestors() if a in above), None)
    if lca is None or lca.tag in ("html",):
        return article
    order = {el: i for i, el in enumerate(lca.iter())}
    if order[h1] > order[article]:
        return article  # the headline below the body: not its header
    h1.set("data-digest-mark", "h1")
    article.set("data-digest-mark", "body")
    try:
        box = copy.deepcopy(lca)
    finally:
        del h1.attrib["data-digest-mark"]
        del article.attrib["data-digest-mark"]
    c_h1 = next(el for el in box.iter() if el.get("data-digest-mark") == "h1")
    c_body = next(el for el in box.iter() if el.get("data-digest-mark") == "body")
    del c_h1.attrib["data-digest-mark"]
    del c_body.attrib["data-digest-mark"]
    _cut_outside(box, c_h1, c_body)
    body_text = len(_norm_text(_visible(c_body)))
    added = len(_norm_text(_visible(box))) - body_text - len(_norm_text(c_h1.text_content()))
    if added > _HEADER_MAX or added > _HEADER_SHARE * max(_p_text(c_body), 1):
        return article
    box.tag = "div"
    return box


_LAYOUT_BREAK = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")


def _browser_spaces(root: Any) -> None:
    """A line break in a saved page's text is a space, as a browser shows it (outside
    <pre>): only <br> and blocks break lines.  The cleaner reads a newline in a leaf
    as a line break (pasted lists, Markdown), which would cut a page's wrapped
    paragraph or caption into pieces that no longer read as sentences."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in ("pre", "textarea") and not any(a.tag == "pre" for a in el.iterancestors()):
            if el.text and "\n" in el.text or el.text and "\r" in el.text:
                el.text = _LAYOUT_BREAK.sub(" ", el.text)
        if el.tail and ("\n" in el.tail or "\r" in el.tail) and not any(
                a.tag == "pre" for a in el.iterancestors()):
            el.tail = _LAYOUT_BREAK.sub(" ", el.tail)


def _cut_outside(box: Any, first: Any, last: Any) -> None:
    """Remove from ``box`` everything before ``first`` and after ``last`` (document
    order), keeping the elements that contain them."""
    keep_first = set(first.iterancestors()) | {first}
    keep_last = set(last.iterancestors()) | {last}
    seen_first = False
    past_last = False
    doomed = []
    for el in box.iter():
        if el is first:
            seen_first = True
        if not seen_first:
            if el not in keep_first:
                doomed.append(el)
            continue
        if past_last and el not in keep_last:
            doomed.append(el)
        if el is last:
            past_last = True
            # nothing inside ``last`` is doomed: skip its subtree
    inside_last = set(last.iter())
    for el in doomed:
        if el in inside_last or el.getparent() is None:
            continue
        if any(a in doomed_set for a in el.iterancestors()) if (doomed_set := set(doomed)) else False:
            continue
        el.getparent().remove(el)
    for a in keep_first - {first}:
        a.text = None  # text before the headline's branch
    for a in keep_last:
        if a is not box:
            a.tail = None  # text after the body's branch


def _headline(doc: Any, title: str | None) -> Any | None:
    """The page's headline element: the <h1> that carries the title, else the first
    <h2> or <h3> that does (pages that set the headline one level down and use <h1>
    for a logo or their captions), else the only <h1>."""
    h1s = [h for h in doc.xpath("//h1") if _norm_text(h.text_content())]
    if title:
        for h in h1s + doc.xpath("//h2|//h3"):
            if _carries_title(h, title):
                return h
    return h1s[0] if len(h1s) == 1 else None


def _carries_title(heading: Any, title: str) -> bool:
    """The heading's text is the title, or the start of it (a page title adds the
    site's name: "头条_经济_财经网"), or the title the start of it -- letters and
    digits compared, at least 8 of them for a part."""
    key = re.sub(r"\W+", "", title).lower()
    hk = re.sub(r"\W+", "", _norm_text(heading.text_content())).lower()
    return bool(hk) and (hk == key or (len(hk) >= 8 and (key.startswith(hk) or hk.startswith(key))))


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "header",
           "footer", "dd", "dt", "td", "figcaption", "blockquote", "ul", "ol", "table", "main", "aside", "nav"}


def _lines_of(doc: Any) -> str:
    """The page's visible text, one line per block (scripts and styles left out)."""
    import lxml.etree

    out: list[str] = []
    body = doc.find("body")
    for event, el in lxml.etree.iterwalk(body if body is not None else doc, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            out.append("\n" if tag in _BLOCKS else "")
            if el.text and tag not in ("script", "style", "noscript", "template"):
                out.append(el.text)
        else:
            out.append("\n" if tag in _BLOCKS else "")
            if el.tail and el is not body:
                out.append(el.tail)
    return "".join(out)


def _strip_chrome(article: Any, tags: tuple[str, ...], removed: list[tuple[str, str]],
                  title: str | None = None) -> None:
    """Cut page chrome out of the article element: chrome tags, elements whose
    class/id says share/related/ad/…, the title (an <h1> that carries ``title``, any
    <h1> when the title is unknown) and lone <time> lines.  An <h1> that is not the
    title stays: pages that set every photo caption in an <h1> (Taipei Times)."""
    for el in list(article.iter(*tags)):
        if el.getparent() is not None and el is not article:
            if el.tag == "aside" and _pull_quote(el):
                el.tag = "div"  # a pull quote or a note set beside the text: the article's own
                continue
            notes = _reference_section(el)
            if notes is not None:
                el.addprevious(notes)
            _drop(el, f"page:<{el.tag}>", removed)
    total = len(_norm_text(article.text_content())) or 1
    order = {el: k for k, el in enumerate(article.iter())}
    first_p = next((p for p in article.iter("p") if len(_norm_text(p.text_content())) >= 40), None)
    bylined = False  # one byline box lifted out of chrome at most
    dropped: set[Any] = set()
    # the boxes around the headline: no class makes them chrome (a WordPress post's own
    # <article class="post-121810 post hentry tag-quest"> names its tags)
    headed = {a for h in article.iter("h1") if title and _carries_title(h, title) for a in h.iterancestors()}
    prose_total = _prose_length(article)
    for el in list(article.iter()):
        if not isinstance(el.tag, str) or el is article or el.getparent() is None:
            continue
        if dropped and any(a in dropped for a in el.iterancestors()):
            continue  # inside a box already gone: one report for the box
        marks = _marks(el)
        found = _CHROME_CLASS.search(marks) if marks.strip() else None
        # a paragraph goes by its class only for unambiguous words ("lead-ad-free" is prose),
        # and so does a subheading (`<h3 id="nav-ring-14">`: the anchor in-page navigation jumps to)
        if found and not (el.tag in _AMBIGUOUS_MARK_TAGS and found.group(1).lower() in ("ad", "ads", "tag", "tags", "nav", "menu")) \
                and el not in headed and not _article_head_box(el, marks, first_p, order) \
                and len(_norm_text(el.text_content())) < 0.4 * total and not _article_text(el) \
                and not _inline_in_text(el) and not (found.group(1).lower().endswith(("credit", "credits"))
                                                     and _caption_with_credit(_norm_text(el.text_content()))) \
                and not (prose_total and _prose_length(el) * 2 >= prose_total):
            for quote in _embedded_quotes(el):
                el.addprevious(quote)
            # the writer's byline in a box above the body (a sidebar beside the headline);
            # boxes below it hold other stories' bylines
            if not bylined and first_p is not None and order.get(el, 0) < order.get(first_p, 0) \
                    and first_p not in el.iter():
                for byline in _byline_boxes(el):
                    el.addprevious(byline)
                    bylined = True
            _drop(el, "page:class=" + found.group(1).lower(), removed)
            dropped.add(el)
    # the title again inside the article, and lone <time> lines, are metadata
    for el in list(article.iter("h1", "time")):
        if el.getparent() is None:
            continue
        holder = _line_of(el) if el.tag == "time" else el
        if el.tag == "time" and _norm_text(holder.text_content()) != _norm_text(el.text_content()):
            # a date inside a line of other text -- a byline's ("中國時報 陳亭均／綜合報導
            # 2013年11月27日", "By Jane Doe Nov 19, 2019") -- stays: cut out, it leaves
            # the line maimed; a date line of its own is left to the cleaner's date rules
            continue
        if holder is article or el.tag == "h1" and title and not _carries_title(el, title):
            continue
        if el.tag == "h1" and not title and _after_body_text(article, el):
            continue  # (title unknown: an <h1> below the article's paragraphs heads a section)
        _drop(holder, "page:title" if el.tag == "h1" else "page:time", removed)


# class words that name a part of the article's own head: the byline and the standfirst
# (strapline, dek, summary, lede).
_ARTICLE_HEAD_CLASS = re.compile(r"(?:^|[-_\s])(by-?line|strap-?line|standfirst|dek|deck|lede|summary)(?:$|[-_\s])", re.I)


def _article_head_box(el: Any, marks: str, first_p: Any | None, order: dict[Any, int]) -> bool:
    """A box whose class names both a part of the article's head and chrome
    (``<div class="byline-social">`` holding the byline, the standfirst and the share
    buttons), set above the article's first paragraph or holding it: the box stays and
    its chrome goes piece by piece (the share buttons are a ``<nav>``, a ``<button>``).
    Below the body the same words head other stories' teasers and the writer's bio."""
    if not _ARTICLE_HEAD_CLASS.search(marks):
        return False
    return first_p is None or order.get(el, 0) <= order.get(first_p, 0) or any(a is el for a in first_p.iterancestors())


# The most text (characters) a media player's box holds: its controls' labels
# ("Playback speed", "Normal", "0.25", "Unmute"), never a paragraph.
_PLAYER_MAX = 300


def _drop_players(article: Any, removed: list[tuple[str, str]]) -> None:
    """Drop the box of each media player in ``article``: the outermost ancestor of a
    ``<video>`` or ``<audio>`` that holds no paragraph and at most :data:`_PLAYER_MAX`
    characters -- the player's controls, menus and labels (``page:player``).  The
    element itself goes with the chrome tags; its caption, outside the box, stays."""
    for media in list(article.iter("video", "audio")):
        if media.getparent() is None:
            continue
        box = None
        for a in media.iterancestors():
            if a is article or a.find(".//p") is not None or len(_norm_text(_visible(a))) > _PLAYER_MAX \
                    or a.find(".//figcaption") is not None:
                break
            box = a
        if box is not None and box.getparent() is not None and _norm_text(_visible(box)):
            _drop(box, "page:player", removed)


# The least reading length of a paragraph that ends like a sentence for it to count as
# prose (a CJK character or a Latin word each).
_PROSE_PARAGRAPH = 15


def _prose_length(el: Any) -> int:
    """The reading length (the cleaner's ``_length``: CJK characters and Latin words) of
    the paragraphs in ``el`` that read as prose: ``<p>`` elements of at least
    :data:`_PROSE_PARAGRAPH` that end like a sentence.  A box holding half of the
    article's prose is the article, whatever its class says."""
    from .cleaning.passes import _length

    lengths = (_length(text) for p in el.iter("p") if _PROSE_SENTENCE.search(text := _norm_text(p.text_content())))
    return sum(n for n in lengths if n >= _PROSE_PARAGRAPH)


def _after_body_text(article: Any, el: Any) -> bool:
    """A paragraph of the article, with text, stands above ``el`` in document order."""
    return any(_norm_text(p.text_content()) for p in el.xpath("preceding::p")
               if any(a is article for a in p.iterancestors()))


# The least text (characters) of a quoted post for it to be the article's quotation.
_EMBED_MIN = 40


def _embedded_quotes(box: Any) -> list[Any]:
    """Copies of the posts a social box quotes (a tweet's ``<blockquote>`` inside
    "social-embed"): the article cites them, so they stay where the box stood while
    its controls ("skip this post", share buttons) go."""
    quotes = [q for q in box.iter("blockquote") if len(_norm_text(q.text_content())) >= _EMBED_MIN
              and not any(a.tag == "blockquote" for a in q.iterancestors())]
    return [_copy_without_tail(quote) for quote in quotes]


def _byline_boxes(box: Any) -> list[Any]:
    """Copies of the byline boxes inside a chrome box (``<div class="c-sidebar">`` holding
    ``<div class="c-article__author">Author: Jane Doe</div>`` beside the share buttons):
    the byline is article text, the rest of the box goes.  Only the outermost box
    named by ``_BYLINE_CLASS`` with some text, at most ``_BYLINE_MAX`` characters."""
    found = []
    for el in box.iter():
        if el is box or not isinstance(el.tag, str) or not _BYLINE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        if any(b in found for b in el.iterancestors()):
            continue
        text = _norm_text(el.text_content())
        if text and len(text) <= _BYLINE_MAX:
            found.append(el)
    copies = [_copy_without_tail(el) for el in found]
    for c in copies:
        if c.tag not in ("div", "p"):
            c.tag = "div"
    return copies


def _copy_without_tail(el: Any) -> Any:
    """A deep copy of ``el`` without the text that follows it in its parent."""
    c = copy.deepcopy(el)
    c.tail = None
    return c


def _line_of(el: Any) -> Any:
    """The nearest block around an inline element: the line a reader sees it on."""
    for a in el.iterancestors():
        if a.tag not in _INLINE:
            return a
    return el.getparent()


_INLINE = frozenset("a span em strong b i u small abbr cite q mark time font sup sub".split())
# The most text an <aside> inside the article may hold to be a pull quote: a related box
# or a sidebar holds more, and links.
_PULL_QUOTE_MAX = 300


# A caption, then its credit in parentheses: "President Kennedy with Theodore Sorensen
# discussing … problems. (Paul Schutzer, Time Life Pictures / Getty Images)".
_TRAILING_CREDIT = re.compile(r"\s*[（(][^（()）]{1,80}[）)]\s*$")
_CAPTION_SENTENCE = re.compile(r"[.。!！?？][\"”’」)）]*$")
_CAPTION_MIN = 40  # characters of the caption before its credit


def _caption_with_credit(text: str) -> bool:
    """Text that a page classed as a photo credit but that is the whole caption: a
    sentence of its own (``_CAPTION_MIN`` characters or more, ending with a full stop)
    before the credit. A bare credit ("Getty Images", "Photo: Jane Doe") is none."""
    caption = _TRAILING_CREDIT.sub("", text)
    return len(caption) >= _CAPTION_MIN and bool(_CAPTION_SENTENCE.search(caption))


def _inline_in_text(el: Any) -> bool:
    """An inline element inside a line of other text: a link classed "tag" inside a
    paragraph, a credit span inside a caption.  Dropping it by its class would cut a
    word or a name out of the sentence."""
    if el.tag not in _INLINE:
        return False
    parent = el.getparent()
    if parent is None:
        return False
    return len(_norm_text(parent.text_content())) > len(_norm_text(el.text_content())) + 2


def _pull_quote(el: Any) -> bool:
    """An <aside> inside the article that holds one short passage and no links,
    headings, lists, pictures or controls: a pull quote or a note set beside the text,
    not a sidebar."""
    text = _norm_text(_visible(el))
    return (bool(text) and len(text) <= _PULL_QUOTE_MAX and el.find(".//a") is None
            and el.find(".//li") is None and el.find(".//img") is None
            and not el.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6") and len(el.xpath(".//p|.//div")) <= 2
            and not _CHROME_CLASS.search(_marks(el))
            and next(el.iter("form", "button", "input", "iframe", "script"), None) is None)


_SECTION_HEADS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "dt")


def _reference_section(box: Any) -> Any | None:
    """The article's sources or notes kept in a chrome box (a sidebar widget "Sources:",
    "参考资料"): a copy of the heading and what follows it up to the next heading, as a
    <div> to stand in the box's place, or None.  Footnotes and sources are article text
    (the labelling rules keep them) wherever the page's layout put them."""
    from .cleaning.rules import REFERENCE_HEADING

    for head in box.iter(*_SECTION_HEADS):
        text = _norm_text(head.text_content())
        if not text or len(text) > 30 or not re.fullmatch(REFERENCE_HEADING, text):
            continue
        part = [head]
        for sib in head.itersiblings():
            if isinstance(sib.tag, str) and sib.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                break
            part.append(sib)
        if len(part) < 2:
            continue
        div = box.makeelement("div", {})
        for el in part:
            div.append(_copy_without_tail(el))
        return div
    return None


_PROSE_SENTENCE = re.compile(r"[.。!?！？][\"'”’」）)]*$")


def _article_text(el: Any) -> bool:
    """An element a class word would call chrome that holds the article's own text: a
    byline or caption (the cleaner's furniture guard), or a whole sentence of prose
    (a standfirst in a box classed "tag", a caption in one classed "footer")."""
    from .cleaning.passes import furniture_text

    text = _norm_text(el.text_content())
    if not text or el.find(".//li") is not None:
        return False
    return furniture_text(text) or (len(text) >= 80 and bool(_PROSE_SENTENCE.search(text)))


def _title_parts(title: str) -> list[str]:
    """The parts between the separators pages put around their name and section."""
    return [p.strip() for p in re.split(r"\s+[|\-–—]\s+|\s*[｜]\s*|\s+_\s+", title) if p.strip()]


def _strip_site_name(title: str) -> str:
    """"春節返鄉潮 北車周邊交管 | 地方 | 聯合新聞網" -> the headline: the longest
    part between the separators pages put around their name and section."""
    parts = _title_parts(title)
    return max(parts, key=len) if len(parts) > 1 else title


# class/id words of a site's own name or logo: a blog theme sets its name in an <h1>
# above the post's ("<h1 class="site-name">").
_SITE_NAME_CLASS = re.compile(r"(?:^|[-_\s])(site-?(?:name|title|logo|brand(?:ing)?)|logo|masthead|brand(?:ing)?)(?:$|[-_\s])", re.I)


def _h1_title(h1s: list[Any], page_title: str) -> str | None:
    """The title an <h1> gives when the page has no og:title or JSON-LD headline: the
    <h1> that carries the headline part of the page's <title> ("寻找邓世平 – 端点星 –
    离银河中心最远的行星" -> "寻找邓世平"), else the first that is not the site's name
    by its class or an ancestor's, else the first."""
    texts = [(h, _norm_text(h.text_content())) for h in h1s]
    texts = [(h, t) for h, t in texts if t]
    if not texts:
        return None
    if len(_title_parts(page_title)) > 1:
        main = _strip_site_name(page_title)
        for h, t in texts:
            if _carries_title(h, main):
                return t
    for h, t in texts:
        marks = " ".join(filter(None, (a.get(k) for a in (h, *h.iterancestors()) for k in ("class", "id"))))
        if not _SITE_NAME_CLASS.search(marks):
            return t
    return texts[0][1]


_MASTHEAD_MAX = 40  # characters of a site's name or motto


def _name_key(text: str) -> str:
    """Letters and digits of ``text``, lower case: a name as the <title> and the body
    both spell it, whatever the separators and spaces."""
    return re.sub(r"\W+", "", text).lower()


def _site_parts(page_title: str, title: str | None) -> set[str]:
    """Keys (letters and digits, lower case) of the <title>'s parts that are not the
    headline: the site's name, its motto, a section, and all of them together as a
    theme sets them in one line ("端点星 – 离银河中心最远的行星")."""
    parts = _title_parts(page_title)
    if len(parts) < 2:
        return set()
    heads = {_name_key(t) for t in (title or "", _strip_site_name(page_title))} - {""}

    def is_head(key: str) -> bool:
        return any(key == h or (len(key) >= 8 and (h.startswith(key) or key.startswith(h))) for h in heads)

    keys = [_name_key(p) for p in parts]
    site = [k for k in keys if k and not is_head(k)]
    return {k for k in (*site, "".join(site)) if k and len(k) <= _MASTHEAD_MAX}


def _drop_mastheads(article: Any, site_parts: set[str], removed: list[tuple[str, str]]) -> None:
    """``page:masthead`` -- an element whose whole text is the site's name or motto
    as the page's <title> gives them ("端点星 – 离银河中心最远的行星"), set inside the
    part of the page read as the article."""
    if not site_parts:
        return
    for el in list(article.iter("p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "a", "li", "strong")):
        if el is article:
            continue
        text = _norm_text(el.text_content())
        if not text or len(text) > _MASTHEAD_MAX or _name_key(text) not in site_parts:
            continue
        if article not in el.iterancestors():
            continue  # inside a masthead dropped already ("<p><strong>端点星</strong></p>")
        # only a name standing on its own line: in "<h2>More from <span>The Nation</span>"
        # the name is part of a heading other rules read
        block = el
        while block.tag in _INLINE and block.getparent() is not None and block.getparent() is not article:
            block = block.getparent()
        if _norm_text(block.text_content()) == text:
            _drop(el, "page:masthead", removed)


def _page_lang(doc: Any) -> str | None:
    lang = (doc.get("lang") or "").lower()
    if lang.startswith("en"):
        return "en"
    return None  # zh-TW pages carry Simplified text often enough: detect from text


def _json_ld_article(doc: Any) -> dict[str, Any]:
    """The page's schema.org article item (the first JSON-LD object with a ``headline``
    or a ``datePublished``), as parsed; {} when there is none or it does not parse."""
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and ("headline" in item or "datePublished" in item):
                return item
    return {}


def _json_ld(doc: Any) -> dict[str, Any]:
    return {k: v for k, v in _json_ld_article(doc).items() if isinstance(v, str)}


def _author_bios(doc: Any) -> list[str]:
    """The writers' biographies the page's JSON-LD gives (``author``/``creator`` persons'
    ``description``), whitespace collapsed."""
    item = _json_ld_article(doc)
    bios = []
    for key in ("author", "creator"):
        people = item.get(key)
        for person in people if isinstance(people, list) else [people]:
            if isinstance(person, dict) and isinstance(person.get("description"), str):
                bios.append(_norm_text(person["description"]))
    return [b for b in bios if b]


# The least text (characters) of a paragraph for it to be recognised as part of a bio.
_BIO_PARAGRAPH_MIN = 40


def _drop_author_bio(article: Any, bios: list[str], removed: list[tuple[str, str]]) -> None:
    """Drop the writer's bio box the page sets under the article: the paragraphs whose
    text the page's structured data gives as its author's ``description`` (at least
    :data:`_BIO_PARAGRAPH_MIN` characters each), then the box around them when its class
    names the author and what is left of it is a name line (:data:`_BYLINE_MAX`).
    Nothing goes when the bio would be half the article (a writer's own about page)."""
    if not bios:
        return
    found = [p for p in article.iter("p") if len(text := _norm_text(p.text_content())) >= _BIO_PARAGRAPH_MIN
             and any(text in bio for bio in bios)]
    total = len(_norm_text(article.text_content())) or 1
    if not found or sum(len(_norm_text(p.text_content())) for p in found) * 2 >= total:
        return
    boxes = [a for a in found[0].iterancestors() if a is not article and any(a is b for b in article.iterdescendants())]
    for p in found:
        _drop(p, "page:author-bio", removed)
    outer = None
    for box in boxes:
        if not _BYLINE_CLASS.search(f"{box.get('class', '')} {box.get('id', '')}") \
                or len(_norm_text(box.text_content())) > _BYLINE_MAX:
            break
        outer = box
    if outer is not None and outer.getparent() is not None:
        _drop(outer, "page:author-bio", removed)


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _drop(el: Any, rule: str, removed: list[tuple[str, str]]) -> None:
    text = _norm_text(el.text_content())
    if text:
        removed.append((rule, text))
    el.drop_tree()  # keeps the tail text


def _inner(el: Any) -> str:
    import lxml.html

    parts = [htmlmod.escape(el.text or "", quote=False)]
    parts += [lxml.html.tostring(c, encoding="unicode") for c in el]
    return "".join(parts)


_LEAF_BLOCKS = frozenset("p div section article main aside header footer nav li ul ol blockquote table figure "
                         "h1 h2 h3 h4 h5 h6 form".split())


def _visible(el: Any) -> str:
    """An element's text as a reader sees it: the code of a <script> or <style>
    inside it (an ad slot's script is long) is no text, nor an <iframe>'s fallback
    (an ad server's markup, which a browser that shows frames never shows)."""
    return "".join(el.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)"
                            " and not(ancestor::template) and not(ancestor::iframe)]"))


_NO_TEXT = frozenset({"script", "style", "noscript", "template"})


def _own_text(block: Any) -> str:
    """The text a block holds outside its child blocks: a body written as runs of
    text between ``<br>``s in a ``<div>`` that also holds a box or two
    (``<div>Para one<br><br>Para two<div class="footer">…</div></div>``).  A browser
    shows those runs as paragraphs; a count of leaf blocks alone would miss them."""
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in _LEAF_BLOCKS and child.tag not in _NO_TEXT:
            parts.append(_visible(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph_chars(block: Any) -> int:
    """Characters of paragraph text that ``block`` holds itself: all of a ``<p>`` or a
    leaf ``<div>`` (some sites use no ``<p>``; at least 20 characters for a div), the
    loose runs of text of a ``<div>`` with child blocks (:func:`_own_text`)."""
    if block.tag == "div" and any(c.tag in _LEAF_BLOCKS for c in block):
        own = _norm_text(_own_text(block))
        if len(own) < _OWN_TEXT_MIN:
            return 0
        # a list of headlines set as loose links is no body
        links = sum(len(_norm_text(_visible(a))) for c in block if isinstance(c.tag, str) and c.tag not in _LEAF_BLOCKS
                    for a in c.iter("a"))
        return len(own) if links <= _WIDEN_LINK_SHARE * len(own) else 0
    text = _norm_text(_visible(block))
    return len(text) if len(text) >= 20 or block.tag == "p" else 0


# Loose text in a container counts as paragraphs from this many characters: a label
# or a separator left between boxes is no body.
_OWN_TEXT_MIN = 200


def _p_text(el: Any) -> int:
    """Text in paragraph-like blocks (:func:`_paragraph_chars`) inside ``el``."""
    return sum(_paragraph_chars(block) for block in el.iter("p", "div"))


def _main_element(doc: Any, headline: Any | None = None) -> Any:
    """The element holding the article: articleBody, the <article> with most
    paragraph text, a known content class (holding half the page's paragraph text, or
    any text below the headline: a one-paragraph news flash beside a long list of other
    headlines), <main>, else the best paragraph parent (see :func:`_best_parent`).
    ``headline`` is the page's headline element (:func:`_headline`), when it has one."""
    body = doc.find("body") if doc.find("body") is not None else doc
    # (schema.org markup may also give articleBody as a <meta> in the head: no text)
    found = [el for el in doc.xpath('//*[@itemprop="articleBody"]') if el.tag not in ("meta", "link")
             and _norm_text(el.text_content())]
    if found:
        return max(found, key=_p_text)
    page_text = _p_text(body) or 1
    articles = sorted(doc.xpath("//article"), key=_p_text, reverse=True)
    if articles and _p_text(articles[0]) >= 0.5 * page_text:
        return articles[0]
    classed = doc.xpath('//*[contains(@class,"article-body") or contains(@class,"article__body") or '
                        'contains(@class,"story-body") or contains(@class,"entry-content") or '
                        'contains(@class,"post-content") or contains(@class,"article-content") or '
                        'contains(@class,"post_body") or contains(@class,"post-body") or '
                        'contains(@id,"article-body") or contains(@id,"story-body")]')
    classed = [c for c in classed if _p_text(c) >= 0.5 * page_text or _follows(c, headline)]
    if classed:
        return max(classed, key=_p_text)
    mains = doc.xpath("//main")
    if mains and _p_text(mains[0]) >= 0.5 * page_text:
        return mains[0]
    return _best_parent(body, headline)


def _follows(el: Any, headline: Any | None) -> bool:
    """``el`` comes after the page's headline (or holds it), holds paragraph text, and
    is no chrome box and in no other region."""
    if headline is None or _p_text(el) < _MIN_BELOW_HEADLINE or _chrome_box(el) or _in_other_region(el, headline):
        return False
    return el in headline.iterancestors() or el in headline.xpath("following::*")


# The least paragraph text (characters) a parent below the headline must hold to be
# preferred over a larger block of chrome.
_MIN_BELOW_HEADLINE = 20
# ... and at least this share of the largest parent's: a link or a counter below the
# headline never beats the article.
_BELOW_SHARE = 0.2
_CHROME_BOX_TAGS = frozenset({"footer", "nav", "aside", "header"})


def _chrome_box(el: Any) -> bool:
    """The element is marked as page chrome (a footer, a sidebar) by its tag or class
    (``_CHROME_CLASS``).  Only its own: an article body may sit inside a wrapper whose
    class names a feature of the page ("img_share_area")."""
    return el.tag in _CHROME_BOX_TAGS or bool(_CHROME_CLASS.search(_marks(el)))


# Regions of a page that hold other people's text or other articles: a candidate
# inside one (a reader's comment is paragraphs too) is no article.  Narrower than
# _CHROME_CLASS, which an article's own wrapper may match ("img_share_area").
_REGION_CLASS = re.compile(r"(?:^|[-_\s])(comments?|commentlist|sidebar|related|recommend(?:ed|ation)?s?|outbrain|taboola|"
                           r"trending|popular|most-?read)(?:$|[-_\s])", re.IGNORECASE)


def _in_other_region(el: Any, headline: Any | None = None) -> bool:
    """``el`` sits inside a comment thread, a sidebar or a box of other articles.  A
    box around the page's headline is the article's own whatever its class says
    (``<div class="comments-enabled article">`` is a state of the article's wrapper)."""
    around = set(headline.iterancestors()) if headline is not None else set()
    for up in el.iterancestors():
        if up in around:
            return False
        if up.tag in ("footer", "nav", "aside") or _REGION_CLASS.search(_marks(up)):
            return True
    return False


def _best_parent(body: Any, headline: Any | None) -> Any:
    """The parent of the most paragraph text.  A short article loses by size to a
    page's language bar or footer, so parents below the page's headline that are no
    chrome box (:func:`_chrome_box`) come first: an article follows its headline."""
    scores: dict[Any, int] = {}
    for p in body.iter("p", "div"):
        if p.tag == "div" and any(c.tag in _LEAF_BLOCKS for c in p):
            # its loose runs of text are paragraphs whose parent is the div itself
            own = _paragraph_chars(p)
            if own:
                scores[p] = scores.get(p, 0) + own
            continue
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(_norm_text(_visible(p)))
    if not scores:
        return body
    return _climb(_best_scored(body, headline, scores), scores, body)


# The share of the chosen parent's paragraph text its own parent must hold in paragraphs
# of its own for the article to be the larger box: a "read more" box or a second half
# of the body nested in the article's container.
_CLIMB_SHARE = 0.15


def _climb(best: Any, scores: dict[Any, int], body: Any) -> Any:
    """The chosen parent, or its ancestor when that holds paragraphs of its own beside
    it (an article body continued in a nested, toggled box)."""
    while True:
        up = best.getparent()
        if up is None or up is body or up.tag in ("body", "html") or _chrome_box(up):
            return best
        if scores.get(up, 0) < _CLIMB_SHARE * scores.get(best, 0):
            return best
        best = up


def _best_scored(body: Any, h1: Any | None, scores: dict[Any, int]) -> Any:
    if h1 is not None:
        order = {el: i for i, el in enumerate(body.iter())}
        at = order.get(h1, -1)
        holders = set(h1.iterancestors())  # a parent around the headline holds what follows it too
        below = [c for c in scores if (order.get(c, -1) > at or c in holders) and not _chrome_box(c)
                 and not _in_other_region(c, h1)]
        top = max(scores, key=scores.get)
        if below:
            best = max(below, key=scores.get)
            if scores[best] >= max(_MIN_BELOW_HEADLINE, _BELOW_SHARE * scores[top]):
                return best
    # a footer or a sidebar is the article only on a page with nothing else
    plain = [c for c in scores if not _chrome_box(c) and not _in_other_region(c, h1)] or [c for c in scores if not _chrome_box(c)]
    return max(plain or scores, key=scores.get)
