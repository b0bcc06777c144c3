"""Cleaning passes that judge the whole clipping, not one line (issue 8).

In:  the judged lines of one article (every line rule has run), its :class:`Rules`
     and its title; each pass builds the :class:`~digest.cleaning.document.Document`
     it needs from the verdicts so far.
Out: more verdicts, each with its rule name; :func:`digest.cleaning.stage.clean_body`
     runs :func:`judge_document`, which runs the passes in this order:

1. ``page:head-chrome`` / ``meta:title`` -- page chrome above the article: when the
   title is seen again in the body (or, without a title, the line above the first
   prose repeats one higher up), or when four or more short lines stand above the
   prose and a navigation rule already fired among them, every line above the
   article's start goes -- except kicker (not the site's name from the page title),
   byline, dateline, standfirst, caption, the subheading over the first prose and
   editor's note; ``page:tail-chrome`` -- from the first run of eight short lines
   after the last prose of the main block (below a closing credit, if there is one)
   to the end, with the few sentence-like site notices among them (never a list the
   article introduces, a timeline, records of the article's data, a footnote or a
   caption);
2. ``edge:provenance-header`` -- meta-text about the document above its first prose:
   which article it reposts, which tool saved it;
3. ``list:section`` / ``doc:other-article`` -- a related heading (更多文章, 图辑 …)
   owns its section, up to the next heading or footer, whatever its items look
   like; when its first item is a headline followed by prose (a unit), that is
   another article, and so is a unit after a next-article link or after a source
   note that closes the clipping's text.  Only when nothing of the article follows
   the section, except a photo set (captions) closed by the next heading;
4. ``box:about`` / ``edge:self-promo`` -- the outlet talking about itself: an "about
   this column" heading and the lines under it whose subject is the outlet and
   that report nothing; ``box:appeal`` -- under a removed appeal, column
   introduction or promo box, the lines that go on about the outlet (a slogan, an
   account to give to) up to the first that reports; and at the edges of the
   article, a line naming the outlet that speaks to the reader;
5. ``image:alt-text`` -- in a CJK article, a line in Latin script only next to an
   image credit or caption, or itself set with the picture (never one marked ▲);
6. ``neighbour:template`` / ``neighbour:block`` / ``neighbour:widget`` -- a short
   line goes with removed neighbours of the same template (``ROLE｜NAME``), the same
   block, or between two removed widget lines (a share bar one token a line);
7. ``tail:after-end`` -- after a confident end marker (copyright, end mark, feed
   footer, a subscribe or donate prompt) that no article prose follows, the tail
   goes except footnote-like lines;
8. ``doc:orphan-heading`` -- the last kept line, a short heading whose whole
   section was removed as furniture.

Guards hold in every pass: a ``keep`` line, a caption (passes 1-4), a footnote
(``註：``, ``Note:``) and a table are never removed here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from digest.cleaning import rules as R
from digest.cleaning.config import Rules
from digest.cleaning.document import Document, Section, headline_keys, is_heading, is_prose, model, seen_title, site_name_keys, title_key
from digest.cleaning.lines import HEADING_TAGS, OPAQUE, SENTENCE_STOP, Line
from digest.cleaning.passes_late import _WRITER_PAIR, byline_end
from digest.cleaning.passes import (
    _BYLINE_WORDS, _DATE_ONLY, _EDGE_PROMO, _ENUMERATED, _INTRO_END, _OUTLET, _REPORTING, _enumerated, _gate, _length,
    _name_key, _sectioned, _sentence, _sentence_like_intro, captioned_text, data_box, feed_timestamp, footnote, furniture,
    title_case,
)

__all__ = ["DOC_RULES", "judge_document"]

DOC_RULES = (
    "page:head-chrome", "page:tail-chrome", "meta:title", "edge:provenance-header", "list:section", "doc:other-article",
    "box:about",
    "edge:self-promo", "image:alt-text", "tail:title-again", "doc:after-article", "box:teaser-card", "doc:card-list", "doc:teaser-pairs", "box:author-bio", "neighbour:template", "neighbour:block", "neighbour:widget", "neighbour:ad-box", "box:appeal", "doc:orphan-heading",
    "tail:after-end", "doc:comments", "tail:footer-block", "tail:between-junk", "doc:repeated-label", "page:head-gap",
    "tail:legal-notice", "box:account-card", "meta:field-block", "meta:original-mark",
)


def judge_document(lines: list[Line], rules: Rules, title: str | None) -> None:
    """Run the document passes in the order the module docstring gives."""
    if not lines:
        return
    comment_thread(lines, rules)  # first: readers' comments are prose that is no article
    # one model serves the first passes: none of them removes a line of prose
    doc = model(lines, title)
    head_chrome(lines, rules, doc, title)
    head_gap(lines, rules, doc)
    tail_chrome(lines, rules, doc)
    provenance_header(lines, rules, doc)
    field_block(lines, rules)
    related_sections(lines, rules, doc, title)
    repeated_header(lines, rules)
    self_promo(lines, rules)
    feed_timestamp(lines, rules)  # again: a date line under a slogan that self_promo removed
    alt_text(lines, rules)
    title_again(lines, rules, title)
    footer_block(lines, rules)  # before: a disclaimer in sentences between footer lines is no article end
    after_article(lines, rules)
    teaser_cards(lines, rules)
    card_list(lines, rules)
    teaser_pairs(lines, rules)
    author_bio(lines, rules)
    account_name(lines, rules)
    original_mark(lines, rules)
    account_card(lines, rules)
    neighbours(lines, rules)
    legal_notice(lines, rules)
    tail_closure(lines, rules)
    footer_block(lines, rules)
    between_junk(lines, rules)
    repeated_label(lines, rules)
    orphan_heading(lines, rules)


# ---------------------------------------------------------------------------
# 0. Readers' comments
# ---------------------------------------------------------------------------

# The heading of a comment thread: "留言列表 (42)", "發表留言", "3 則留言", "Comments (12)".
_COMMENTS_HEADING = re.compile(
    r"[\W_]*(\d{1,5}\s*(則|条|條|篇)?\s*)?(留言列表|發表留言|发表留言|我要留言|網友留言|网友留言|讀者留言|读者留言|留言|"
    r"網友評論|网友评论|最新評論|最新评论|熱門評論|热门评论|全部評論|全部评论|評論|评论|回應|回应|"
    r"(?i:comments?|responses?|replies|(leave|post|add|write) (a |your )?(comment|reply)|join the discussion))"
    r"\s*([（(]\s*\d{1,5}\s*[）)]|\d{1,5}\s*(則|条|條)?)?[\W_]*")
# A date in figures: "2013/12/28", "2025-03-04", "2024年5月1日" (without its 日).
_NUMERIC_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"
# A comment's signature: who wrote it and when, nothing else ("#1 小鳳 於 2013/12/28 10:28",
# "王五 於 2014/01/01 20:31 回覆", "Jane Doe says: May 3, 2019 at 10:28 am").
_SIGNATURE = re.compile(
    r"[\W_]{0,3}(#\s*\d{1,5}\s*(樓|楼|F)?\s*)?[^\s。，！？:：]{1,20}( [^\s。，！？:：]{1,20}){0,2}\s*"
    r"(於|于|說|说|(?i:says|said|wrote|on|at))?\s*[:：]?\s*"
    r"(" + _NUMERIC_DATE + r"\s*日?|(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}))"
    r"\s*((?i:at)\s*|@\s*)?(\d{1,2}:\d{2}(:\d{2})?\s*((?i:am|pm))?)?\s*(回覆|回复|回應|回应|(?i:reply))?\s*")
# ... or, numbered, the time before a short date: "1. stueysplace 09:02 PM 10/28/10",
# "4. JamesDavis in reply to stueysplace 07:45 AM 10/29/10".
_SIGNATURE_TIME_FIRST = re.compile(
    r"[\W_]{0,3}(#?\s*\d{1,5}[.)]?\s+)?[^\s。，！？:：]{1,30}( [^\s。，！？:：]{1,20}){0,2}"
    r"(\s+(?i:in reply to)\s+[^\s]{1,30})?\s+\d{1,2}:\d{2}\s*((?i:am|pm)\s+)?\d{1,2}/\d{1,2}/\d{2,4}\s*")
# A comment's time given relative to the visit ("3小时前", "昨天 12:30", "2 hours ago"):
# a signature of its own on pages that print no dates under comments.
_RELATIVE_TIME = re.compile(
    r"\s*(\d{1,3}\s*(秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前|刚刚|剛剛|(昨天|前天)(\s*\d{1,2}:\d{2})?|"
    r"(?i:\d{1,3}\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago))\s*")
_SIGNATURES_MIN = 2
_SIGNATURE_REACH = 40  # lines after the heading in which the signatures must show


def comment_thread(lines: list[Line], rules: Rules) -> None:
    """``doc:comments`` -- a comment thread below the article: a comments heading with
    two or more signatures (a name and a date, alone on a line) under it.  The heading
    and everything after it go: readers write sentences too, so no shape rule sees
    where the article ended while their comments follow it.  Only below the first line
    of prose or the title seen again (the article's own "comments" are no thread)."""
    if not rules.on("doc:comments"):
        return
    n = len(lines)
    seen_prose = False
    for h, ln in enumerate(lines):
        if not seen_prose:
            seen_prose = is_prose(ln) or ln.title
            continue
        if len(ln.text) > 30 or not _COMMENTS_HEADING.fullmatch(ln.text):
            continue
        reach = range(h + 1, min(n, h + 1 + _SIGNATURE_REACH))
        if sum(1 for j in reach if len(lines[j].text) <= 80 and (_SIGNATURE.fullmatch(lines[j].text)
               or _SIGNATURE_TIME_FIRST.fullmatch(lines[j].text)
               or _RELATIVE_TIME.fullmatch(lines[j].text))) < _SIGNATURES_MIN:
            continue
        for j in range(h, n):
            if lines[j].verdict is None and not _fixed(lines[j]):
                lines[j].verdict = "doc:comments"
        return


def _fixed(ln: Line) -> bool:
    """Article text whatever the document passes think: kept, a footnote, a table."""
    return ln.keep or ln.tag in OPAQUE or footnote(ln)


# ---------------------------------------------------------------------------
# 1. Page chrome above the article
# ---------------------------------------------------------------------------

_BODY_UNDER_TITLE = 3
# So many short lines above the first prose are a page's menus and lists, not the
# article's kicker, title and byline.
_LONG_HEAD = 8
# Rules whose firing above the prose shows that page chrome was pasted with the article.
_CHROME_RULES = ("nav:", "list:", "edge:outlet-name", "edge:section-label", "page:", "prompt:", "meta:counter")
# ... and, under the title seen again, an ad marker or a promo ("Follow Us") as well.
_GAP_RULES = (*_CHROME_RULES, "edge:promo", "ad:")


# A note in parentheses that dates the document: a law's adoption, a speech's occasion.
_DATED_NOTE = re.compile(r"\s*[（(][^（()）]{0,40}(\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日)[^（()）]{2,80}[）)]\s*")


def _first_section_headings(lines: list[Line], head: list[int]) -> set[int]:
    """The headings of the article's first section among the ``head`` lines (the kept
    lines above the first prose, in order): the last one when it is a heading -- and a
    section's heading over it when that one is a bold item (a weekly's "## 技术相关" over
    its first item's "**XRender 2.0 正式发布啦！**"), whatever a rule removed between them
    (the item's link).  A headline tag over a deck tag is the page's headline."""
    found: set[int] = set()
    for k in reversed(head[-2:]):
        if not is_heading(lines[k]) or (found and lines[min(found)].tag in HEADING_TAGS):
            break
        found.add(k)
    return found


def head_chrome(lines: list[Line], rules: Rules, doc: Document, title: str | None = None) -> None:
    """Page chrome above the article's start (see the module docstring, 1)."""
    if not rules.on("page:head-chrome"):
        return
    if not doc.prose and (doc.title_at is None or sum(
            1 for ln in lines[doc.title_at + 1:] if ln.verdict is None) < _BODY_UNDER_TITLE
            or not any((ln.verdict or "").startswith(_CHROME_RULES) for ln in lines[:doc.title_at])):
        return  # (without prose, the title seen again must have a body under it -- a blog's
        # lines without punctuation -- and page chrome a rule removed above it)
    start = doc.start
    if doc.title_at is not None and lines[doc.title_at].verdict is None and rules.on("meta:title"):
        lines[doc.title_at].verdict = "meta:title"
        # (a page that sets the headline twice, the second copy right under the first:
        # every copy before the first prose is the title)
        seen = title_key(lines[doc.title_at].text)
        under = lines[doc.title_at + 1:doc.prose[0]] if doc.prose else []
        for ln in under:
            if ln.verdict is None and not _fixed(ln) and title_key(ln.text) == seen:
                ln.verdict = "meta:title"
    head = [i for i in range(start) if lines[i].verdict is None]
    if doc.title_at is None:
        fired = any((lines[i].verdict or "").startswith(_CHROME_RULES) for i in range(start))
        if any(is_prose(lines[i]) and i not in doc.detached for i in head) or not (
                len(head) >= 4 and fired or len(head) >= _LONG_HEAD and all(_chrome_like(lines[i]) or i in doc.detached for i in head)
                and not _form_header(lines, head)):
            return
    kicker = doc.title_at - 1 if doc.title_at is not None else None
    sites = site_name_keys(title) if title else frozenset()
    subheadings = _first_section_headings(lines, head) if doc.title_at is None else set()
    lede = _lede_in_clauses(lines, start)
    points = _key_points(lines, start)
    title_seen = title_key(lines[doc.title_at].text) if doc.title_at is not None else None
    digest = bool(head) and _digest(lines, start)
    headlines = headline_keys(title) if title else ()
    for i in head:
        ln = lines[i]
        if title_seen and not _fixed(ln) and title_key(ln.text) == title_seen:
            ln.verdict = "meta:title"  # one more copy of the title (a hidden one, the print header's)
            continue
        if _fixed(ln) or ln.caption or (is_prose(ln) and i not in doc.detached) or _DATE_ONLY.fullmatch(ln.text) or furniture(ln):
            continue
        if i in lede or i in points:
            continue
        if i in subheadings or _deck(lines, i):
            continue
        if digest and _over_prose(lines, i):
            continue  # a digest's item above the start: its body is headlines over their ledes
        if _DATED_NOTE.fullmatch(ln.text):
            continue  # "（2007年6月29日…會議通過）": a note under the title, no chrome
        if len(ln.text) <= 60 and (_BYLINE_WORDS.search(ln.text) or _BYLINE_ROLE.search(ln.text)
                                   or (_NAME_SLASH.search(ln.text) and _OUTLET.search(ln.text))):
            continue  # a byline ("石佳/中国青年报": the writer and the outlet)
        if _PERSON.fullmatch(ln.text) and any(_DATED.search(lines[j].text) for j in (i - 1, i + 1) if 0 <= j < len(lines)):
            continue  # a byline that is only the writer's name, next to the date ("Debbie White")
        if len(ln.text) <= 80 and byline_end(ln.text) is not None:
            continue  # a byline with the page's notes glued to it ("Nizaar Kinsella2 minutes ago")
        if _CAPTION_CREDIT.fullmatch(ln.text):
            continue  # a caption and its credit ("共享充电宝。视觉中国 资料")
        if i == kicker and _length(ln.text) <= 6 and not ln.text.strip().isdigit() and title_key(ln.text) not in sites:
            continue  # a kicker right above the title (the site's name there is its masthead)
        if i == kicker and i == head[0] and _length(ln.text) <= _OVERLINE_MAX and not _whole_link(ln) \
                and title_key(ln.text) not in sites:
            continue  # the first line, over the title: a newspaper's overline (引題), no menu
        # (a sentence without its stop may be a headline, the page's again or its story's
        # set as a heading, which is no standfirst)
        if (_standfirst_like(ln.text) or ln.link_chars == 0 and ln.tag not in HEADING_TAGS
                and _unstopped_sentence(ln.text) and not seen_title(title_key(ln.text), headlines)) \
                and i not in doc.detached and not _chrome_between(lines, i, doc.title_at):
            continue  # a standfirst or a caption that the page cut short or left unpunctuated
            # (a blurb of a menu region above the article is detached: no standfirst; nor is
            # a ticker's line with menus and lists between it and the title seen again)
        ln.verdict = "page:head-chrome"


_DIGEST_PAIRS = 3  # headlines over a paragraph below the start, and half its kept lines: a digest


def _over_prose(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a linked headline (:func:`_headline`, a link as a whole) and the
    next kept line is a paragraph: an item of a digest, which links each item to its
    story.  (The paragraph may follow the item's picture, where the line model calls it
    a caption; an article's subheading is no link.)"""
    if lines[i].verdict is not None or not _whole_link(lines[i]) or not _headline(lines[i]):
        return False
    lede = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].verdict is None and lines[j].text.strip()), None)
    return lede is not None and _running(lede)


def _digest(lines: list[Line], start: int) -> bool:
    """The body below ``start`` is a digest's items, linked headlines each over a paragraph:
    :data:`_DIGEST_PAIRS` of them or more, and half the kept lines (an article's
    subheadings stand over several paragraphs each)."""
    kept = sum(1 for ln in lines[start:] if ln.verdict is None and ln.text.strip())
    pairs = sum(1 for i in range(start, len(lines)) if _over_prose(lines, i))
    return pairs >= _DIGEST_PAIRS and 4 * pairs >= kept


def _form_header(lines: list[Line], head: list[int]) -> bool:
    """The head is a form's header, not a menu: most of its lines are fields, each a
    name and its value ("發文日期：中華民國112年11月28日", "受處分人：…"), as an official
    document opens (a ruling, a notice). A menu's items have no colon inside."""
    fields = sum(1 for i in head if _FIELD.match(lines[i].text) and not _CLAUSE_END.search(lines[i].text))
    return fields >= _RECORD_REPEATS and 2 * fields > len(head)


def _chrome_between(lines: list[Line], i: int, title_at: int | None) -> bool:
    """A line a chrome rule removed stands between line ``i`` and the title seen again
    below it: ``i`` is outside the article's header."""
    return title_at is not None and i < title_at and any(
        (lines[j].verdict or "").startswith(_CHROME_RULES) for j in range(i + 1, title_at))


_CLAUSE_END = re.compile(r"([，,、；;：:…！？!?~。]|\.\.\.)[」”’\"')）]*$")
_MID_SENTENCE = re.compile(r"[，,、][」”’\"')）]*$")


def _lede_in_clauses(lines: list[Line], start: int) -> set[int]:
    """The lines right above the article's first prose when each ends in
    punctuation and one at least in a comma ("这个世界上被憋屈的事儿，" /
    "花了大价钱买房子，" / "结果根本住不了？！"): an opening set one clause a
    line (as WeChat articles are), not page chrome, which never breaks off in
    the middle of a sentence."""
    block = []
    k = start - 1
    while k >= 0 and lines[k].verdict is None and _CLAUSE_END.search(lines[k].text):
        block.append(k)
        k -= 1
    return set(block) if any(_MID_SENTENCE.search(lines[j].text) for j in block) else set()


def _deck(lines: list[Line], i: int) -> bool:
    """Line ``i`` is the headline's deck: a heading set one rank below the heading right
    above it (``<h2>`` headline, ``<h3>`` subtitle), a part of the article's head."""
    ln, above = lines[i], lines[i - 1] if i else None
    return (above is not None and ln.tag in _HEADING_RANK and above.tag in _HEADING_RANK
            and _HEADING_RANK[ln.tag] == _HEADING_RANK[above.tag] + 1 and not _whole_link(ln) and not _whole_link(above))


_HEADING_RANK = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
# A name and the outlet apart by a slash: a byline.
_NAME_SLASH = re.compile(r"^[\u4e00-\u9fff]{2,4}(\s*[、，,]\s*[\u4e00-\u9fff]{2,4})*\s*[/／]")
# A person's name in Latin script ("Debbie White", "Ng Kang-chung") and a line that
# holds a date ("18 Nov 2019, 19:09", "Published: 9:19pm, 28 Nov 2025"): a name
# beside the date is the byline, not a menu item.
_PERSON = re.compile(r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+|-[a-z]+){1,3}")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATED = re.compile(rf"\b\d{{1,2}} {_MONTH},? \d{{4}}|\b{_MONTH} \d{{1,2}},? \d{{4}}|{_NUMERIC_DATE}")
# A sentence and a short credit after its full stop: a photo's caption (page menus and
# lists of headlines hold no full stop inside a line).
_CAPTION_CREDIT = re.compile(r"[^。]{4,}。\s*[^。，,！？!?：:]{2,16}")
# A byline without "By": "Jane Doe, AP Auto Writer", "Our Foreign Staff".
_BYLINE_ROLE = re.compile(r"(?i:\b(writer|reporter|correspondent|staff|contributor|columnist)s?\b)")
# A standfirst or caption above the article: long, and a sentence inside (a clause mark
# followed by more words, a question) -- teaser headlines in a page's lists are shorter
# and have no clauses.  Recall first: such a line stays even above the title seen again.
_STANDFIRST_MIN = 60
# ... or a sentence the page set without its stop: in English this many words, most of
# them in lower case ("Scientists at Berkeley Lab … zero in on bismuth vanadate's role in
# renewable energy at the nanoscale"; a headline and a menu capitalise theirs), in Chinese
# this many characters with no space or separator between them (a menu's items have one).
_DECK_WORDS = 16
_DECK_CJK = 30
_DECK_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_ITEM_SEPARATOR = re.compile(r"[\s|｜/／>»·•]")
_INNER_CLAUSE = re.compile(r"[,;:.] \S|[，；：。]\S|[?？!！]$")


# ... or it ends as a sentence does, a question in quotes included ("… asking if there
# were “any un-angry Trump supporters?”"): a teaser headline of that length is rare.
_ENDS_SENTENCE = re.compile(r"[。．.;；！？!?][」』”’\"'）)\]】]*$")


_KEY_POINTS = 2        # items, at least, of a list of the article's key points
_KEY_POINT_WORDS = 5   # words of a Latin item, at least (a clause, no menu entry) ...
_KEY_POINT_CJK = 10    # ... or CJK characters of a Chinese one


def _key_points(lines: list[Line], start: int) -> set[int]:
    """The article's key points over its start: the list items right above the first
    prose (a caption may stand between), :data:`_KEY_POINTS` or more, that link nowhere
    and are each a clause ("Faster roll-out of recharging stations needed on main EU
    roads") -- a summary the page sets as bullets under the headline.  A menu or a list
    of other stories links its items."""
    found: list[int] = []
    for i in range(start - 1, -1, -1):
        ln = lines[i]
        if ln.verdict is not None and not found:
            continue
        if not found and (ln.caption or _fixed(ln)):
            continue
        if ln.verdict is not None or not ln.in_list or ln.link_chars or title_case(ln.text) or not (
                len(_DECK_WORD.findall(ln.text)) >= _KEY_POINT_WORDS or len(_CJK.findall(ln.text)) >= _KEY_POINT_CJK):
            break
        found.append(i)
    return set(found) if len(found) >= _KEY_POINTS else set()


def _unstopped_sentence(text: str) -> bool:
    if len(text) < _STANDFIRST_MIN:
        return False
    words = _DECK_WORD.findall(text)
    if len(words) >= _DECK_WORDS:
        return 2 * sum(1 for w in words if w[0].islower()) >= len(words)
    return len(_CJK.findall(text)) >= _DECK_CJK and not _ITEM_SEPARATOR.search(text.strip())


def _standfirst_like(text: str) -> bool:
    return len(text) >= _STANDFIRST_MIN and _length(text) >= 10 and (
        len(_INNER_CLAUSE.findall(text)) >= 1 or bool(_ENDS_SENTENCE.search(text)))


def head_gap(lines: list[Line], rules: Rules, doc: Document) -> None:
    """``page:head-gap`` -- page chrome between the title seen again and the first
    prose: a run of eight or more chrome-like lines in a row (a product box, score
    widgets, menus) below a line a chrome rule (a share bar, a menu) removed.  What
    stands above that line (standfirst, byline, date), bylines, captions and
    footnotes stay."""
    if not rules.on("page:head-gap") or doc.title_at is None or not doc.prose or doc.prose[0] <= doc.title_at:
        return
    span = range(doc.title_at + 1, doc.prose[0])
    fired = next((i for i in span if (lines[i].verdict or "").startswith(_GAP_RULES)), None)
    if fired is None:
        return
    # the lines above the first chrome are the article's header (standfirst, byline, date)
    open_ = [i for i in span if i > fired and lines[i].verdict is None]
    run: list[int] = []
    for i in open_ + [None]:  # (None closes the last run)
        ln = lines[i] if i is not None else None
        if ln is not None and _chrome_like(ln) and not (_fixed(ln) or ln.caption or furniture(ln)
                                                         or (len(ln.text) <= 60 and _BYLINE_WORDS.search(ln.text))):
            run.append(i)
            continue
        if len(run) >= _LONG_HEAD:
            for k in run:
                lines[k].verdict = "page:head-gap"
        run = []


_CLAUSE = re.compile(r"[，。！？；]|[.!?:：;]\s*$")
# A row of a table set in plain text: cells apart by runs of spaces (or a tab), one of
# them a figure.  Menus and headline lists are not aligned in columns of numbers.
_CELL_GAP = re.compile(r"(?<=\S)(?:[ \u3000\u00a0]{2,}|\t|\u3000)(?=\S)")
_FIGURE = re.compile(r"[0-9０-９]")


def _table_row(text: str) -> bool:
    return len(_CELL_GAP.findall(text)) >= 1 and bool(_FIGURE.search(text))


def _chrome_like(ln: Line) -> bool:
    """A menu item, label or headline: short, and no clause or sentence inside."""
    return len(ln.text) <= 100 and not _CLAUSE.search(ln.text)


_BLURB_MAX = 100  # characters of a listed story's cut-short blurb


def _cut_short(ln: Line) -> bool:
    """A short blurb the site cut off with "..." or "…": no article paragraph ends so."""
    t = ln.text.rstrip()
    return len(ln.text) <= _BLURB_MAX and t.endswith(("...", "…")) and not _ENDS_SENTENCE.search(t.rstrip(".…"))


def tail_chrome(lines: list[Line], rules: Rules, doc: Document) -> None:
    """Page chrome below the article: eight or more short lines after the last prose
    (menus, lists of other headlines, a site footer pasted with the text).  Never a
    list the last paragraph introduces (it ends with a colon), a numbered list or
    timeline, a footnote, a caption, a byline or a credit a rule already judged."""
    if not rules.on("page:tail-chrome") or not doc.prose:
        return
    last = doc.prose[-1]
    if _INTRO_END.search(lines[last].text):
        return
    tail = [i for i in range(last + 1, len(lines)) if lines[i].verdict is None]
    # the chrome starts where eight chrome-like lines in a row begin: a line of the
    # article's close that is no sentence (a credit in brackets) may stand before it
    # a credit line (责任编辑, Reporting by) closes the article: what stands above it is
    # the article's close, so the chrome can only begin below it
    close = next((i for i in range(last + 1, len(lines)) if (lines[i].verdict or "").startswith("credit:")), last)
    tail = [i for i in tail if i > close]
    run = 0
    for k, i in enumerate(tail):
        run = run + 1 if _chrome_like(lines[i]) and not _fixed(lines[i]) and not lines[i].caption else 0
        if run == _LONG_HEAD:
            if any(_INTRO_END.search(lines[j].text) for j in tail[:k + 2 - run]):
                return  # a line of the close, or the run's first line, introduces the list: the article's own
            if sum(map(_table_row, (lines[j].text for j in tail[k + 1 - run:k + 1]))) * 2 >= run:
                return  # figures in aligned columns: a table set in text, the article's data
            if _sectioned(lines, tail[k + 1 - run:], named=False):
                return  # subheadings with their items: the article's last section in outline form
            tail = tail[k + 1 - run:]
            break
    else:
        # (no eight in a row: a kept line -- a footnote, a reference -- breaks the
        # run, and the whole tail is weighed; subheadings with their items in it are
        # the article's closing sections, "優勢" / its points / "參考資料" / the works)
        if _sectioned(lines, tail, named=False):
            return
    # a heading with a paragraph of prose under it is a section of the article resuming
    # below a list ("總結" / "以上整理了…。"): the chrome ends above the heading
    resume = next((k for k in range(1, len(tail)) if lines[tail[k - 1]].tag in HEADING_TAGS
                   and _running(lines[tail[k]]) and tail[k] == tail[k - 1] + 1), None)
    if resume is not None:
        tail = tail[:resume - 1]
    # inside the chrome, a stray notice that reads like a sentence ("使用…浏览器可以获得
    #最佳浏览效果！") goes with it -- only a few of them, each short, among many menu lines
    # (a blurb the site cut short, "…民营银行曾经...", is a listed story's teaser: chrome too)
    odd = [i for i in tail if not (_chrome_like(lines[i]) or _fixed(lines[i]) or lines[i].caption or i in doc.detached
                                   or _cut_short(lines[i]))]
    # ("GPS: …" / "法律状态: …" again and again: the article's data, record by record)
    if len(tail) < _LONG_HEAD or _enumerated(lines, tail) or _records(lines, tail) or data_box(lines, tail) or odd and (
            len(odd) * 10 > len(tail) or any(len(lines[i].text) > 120 for i in odd)):
        return
    # the tail's first line introduces the lines under it: the article's ("下載方法：");
    # (a caption in the tail is the article's picture, not the tail's first line)
    first = next((i for i in tail if not (lines[i].caption or _fixed(lines[i]))), tail[0])
    if _INTRO_END.search(lines[first].text):
        return
    for i in tail:
        ln = lines[i]
        if _fixed(ln) or ln.caption or ln.in_ol or (len(ln.text) <= 60 and _BYLINE_WORDS.search(ln.text)) \
                or furniture(ln):
            continue
        ln.verdict = "page:tail-chrome"


# "法律状态: 岩礁", "GPS: 7° 22' N": a field's name and its value.
_FIELD = re.compile(r"\s*([^\s:：︰]{1,12}(?: [^\s:：︰]{1,12}){0,2})\s*[:：︰]\s*\S")
_RECORD_REPEATS = 3  # the same field name this often: a list of records, not a menu


def _records(lines: list[Line], run: list[int]) -> bool:
    """Records of the article's data (a list of places, each with the same fields):
    some field name occurs three times or more among the run's lines."""
    seen = Counter(m.group(1) for i in run if (m := _FIELD.match(lines[i].text)))
    return any(n >= _RECORD_REPEATS for n in seen.values())


# ---------------------------------------------------------------------------
# 2. Provenance header
# ---------------------------------------------------------------------------

_DOC_WORDS = re.compile(r"以下(?:文章|内容|內容|正文|全文)|文章(?=來自|来自|來源|来源|出自)|本文|本篇|此文|本[页頁]|此[页頁]|本[条條]目|[页頁]面|[网網][页頁]|原文|原始[链鏈連][接結]|"
                        r"(?i:this (page|article|story)|the following (article|post|story|content)|clipped|saved|archived)")
_PROVENANCE_WORDS = re.compile(r"来源|來源|来自|來自|出自|转存|轉存|转载|轉載|转码|轉碼|保存|收藏|剪藏|存档|存檔|作者|失效|已更新|"
                               r"擷取|撷取|抓取|版面|归档|歸檔|剪存|"
                               r"(?i:from|with|using|by)\b")


# What a clipping tool says it did to the page (a sentence of its own, above the article):
# "本頁由 X 網頁剪存於 … 自動擷取", "本条目由 X 于 … 自动归档", "Saved with X on May 3, 2024".
_SAVED_BY_TOOL = re.compile(r"(本[页頁条條]|此[页頁]|本条目|本條目).{0,40}(自動|自动)?(剪存|剪藏|转存|轉存|存档|存檔|归档|歸檔|擷取|撷取|抓取)"
                            r"|(?i:^\W*(saved|clipped|archived|captured) (with|by|using|via|from) )"
                            # "由 書籤島 擷取．2025/06/02 21:14": the tool's name, then what it did
                            # ("已透過「拾頁剪報」擴充功能儲存｜2026/03/02 22:14｜原網址 …": through it, saved;
                            # "已用「网页剪报」插件保存 · 2024/09/03 22:17": with it)
                            # (the tool's name may run to words: "[已由 摘錄筆記 Web Clipper 儲存於 …]")
                            r"|^\W*(已?(由|經由|经由|透過|通过)|已(用|使用))\s*\S{1,20}?(\s+[^\s\d]{1,20}?){0,3}\s*(自動|自动)?(剪存|剪藏|转存|轉存|存档|存檔|归档|歸檔|擷取|撷取|抓取|保存|儲存|储存)(?![\u4e00-\u9fff]{4})"
                            # "[拾页剪藏] 2025/04/02 14:05 保存自 mp.weixin.example": the tool's label in
                            # brackets, or what it saved the page from (a host)
                            r"|^\W*[\[【［〔]\s*[^\]】］〕]{0,12}(剪藏|剪存|剪報|剪报|擷取|撷取|存档|存檔|归档|歸檔)\s*[\]】］〕]"
                            r"|(保存|剪藏|剪存|擷取|撷取|抓取|存档|存檔|归档|歸檔)(自|於|于)\s*(?i:https?://)?[\w-]+(\.[\w-]+)+")

# A sentence about where the whole text ran first: "This essay first appeared in X",
# "本文首发于X", "… is republished here with the author's permission".
_FIRST_RAN = re.compile(r"(?i:\bthis (essay|article|story|post|piece|column|report|interview)\b.{0,80}?"
                        r"\b((first|originally) (appeared|ran|was published)|(re)?(shared|published|posted|republished|reprinted) "
                        r"(here )?with\b.{0,30}?\bpermission)|\b(re)?(shared|published|posted|republished|reprinted) here with\b"
                        r".{0,30}?\bpermission)|(本文|此文|本篇)(首發|首发|原載|原载|原刊)(於|于)")

# "轉貼自《山城新聞》", "转载自公众号X": the line opens by naming where the text was taken from
_REPOSTED_FROM = re.compile(r"[\W_]*(?:(轉貼|转贴|轉載|转载|轉錄|转录|摘錄|摘录)(自|於|于)"
                            r"|(?i:(re-?posted|re-?published|cross-?posted|reprinted) (from|via|with permission from)\b"
                            r"|shared with permission from\b))")


# WeChat's repost header names the account the text comes from: "以下文章来源于光影手札 ，作者阿晚".
# (and in WeChat's English interface: "The following article is from 中产先生 Author 你们的中产先生")
_REPOST_SOURCE = re.compile(r"\s*(?:以下(?:文章|内容)(?:来源于|來源於)\s*(?P<account>[^\s，,]{1,30})\s*[，,]"
                            r"|The following article is from\s+(?P<account_en>\S.{0,30}?)\s+Author\b)")
_CARD_BLURB = 60  # characters: an account's one-line self-description, not a paragraph


def _repost_card(lines: list[Line], header: int, account: str) -> list[int]:
    """The card of ``account``, which the repost header at ``header`` names, right under
    the header: a line that is only the account's name (WeChat prints "光影手札."), and
    the one line of its self-description under it ("在胶片与数字之间，认真看完每一部电影。")
    -- indices of both."""
    # (the page-chrome pass may have taken the header and the name already: they stay the card)
    following = [i for i in range(header + 1, min(len(lines), header + 4))
                 if lines[i].verdict in (None, "page:head-chrome")]
    if not following:
        return []
    name = following[0]
    if lines[name].text.strip(" .。·:：") != account or _fixed(lines[name]):
        return []
    card = [name]
    if len(following) > 1:
        blurb = lines[following[1]]
        if (len(blurb.text) <= _CARD_BLURB and len(SENTENCE_STOP.findall(blurb.text)) <= 1 and not _fixed(blurb)
                and not blurb.caption and not _REPORTING.search(blurb.text) and byline_end(blurb.text) is None
                and not _WRITER_PAIR.search(blurb.text)):
            card.append(following[1])
    return card


_HOST_NAME = r"(?:[a-z0-9-]+\.)+[a-z]{2,}"
_HOST = re.compile(_HOST_NAME, re.I)
_HOST_GLUED = re.compile(r"\s*" + _HOST_NAME + r"(?=[\u4e00-\u9fff])", re.I)
_HOST_HEADER_NAMES = 30  # characters of names after the host: an author and an account


def _saved_from_host(ln: Line) -> bool:
    """A clipping tool's header: the line opens with a link whose text is the saved
    page's host, then at most the author's and the account's names, no sentence
    ("[mp.weixin.qq.com](https://mp.weixin.qq.com/s/…)周彭 张文朗 中金点睛", Cubox)."""
    if SENTENCE_STOP.search(ln.text):
        return False
    glued = _HOST_GLUED.match(ln.text)  # (pasted, the link's text runs into the names)
    if glued:
        return len(ln.text) - glued.end() <= _HOST_HEADER_NAMES
    el = ln.el
    if el is None or (el.text or "").strip() or len(el) == 0 or el[0].tag != "a":
        return False
    host = (el[0].text_content() or "").strip()
    return _HOST.fullmatch(host) is not None and len(ln.text) - len(host) <= _HOST_HEADER_NAMES


# Characters of a line that only says where the document came from (a tool's or a
# repost's header): a longer line is a paragraph that mentions a source.
_PROVENANCE_LINE_MAX = 120


def provenance_line(text: str) -> bool:
    """``text`` (one line, whitespace collapsed) is a header about the document itself:
    a clipping tool's saved-with line ("已用「网页剪报」插件保存 · 2024/09/03 22:17"), a
    repost's source line ("以下文章来源于X", "转载自公众号X") -- no sentence of the article.
    The clipping reader skips such lines above a pasted page's title."""
    if len(text) > _PROVENANCE_LINE_MAX or _REPORTING.search(text):
        return False
    return (_SAVED_BY_TOOL.search(text) is not None or _REPOSTED_FROM.match(text) is not None
            or _REPOST_SOURCE.match(text) is not None)


def provenance_header(lines: list[Line], rules: Rules, doc: Document) -> None:
    """Meta-text about the document above its first prose: "以下文章来源于X，作者Y"
    (with the card of account X under it), "本页由 某工具 转存，原始链接已失效"."""
    if not rules.on("edge:provenance-header") or not doc.prose:
        return
    first = doc.prose[0]
    for i, ln in enumerate(lines[:first + 1]):
        if ln.verdict in (None, "page:head-chrome") and (repost := _REPOST_SOURCE.match(ln.text)):
            card = _repost_card(lines, i, repost.group("account") or repost.group("account_en"))
            if _length(ln.text) <= 60 and not _fixed(ln):
                card.insert(0, i)  # (the header itself: an account named "…说民航" reads as reporting below)
            for k in card:
                lines[k].verdict = "edge:provenance-header"
            if first in card:  # (the account's blurb read as the first prose: the article starts after it)
                first = next((k for k in doc.prose if k > card[-1]), first)
            break
    for i, ln in enumerate(lines):
        if i > first:
            break
        if ln.verdict is None and not _fixed(ln) and _saved_from_host(ln):
            ln.verdict = "edge:provenance-header"  # (an account's name may end in a verb: "夕小瑶科技说")
            continue
        # (60 as a reader counts: a CJK character or a Latin word each)
        if ln.verdict or _fixed(ln) or ln.caption or _length(ln.text) > 60 or _REPORTING.search(ln.text):
            continue
        if i == first and SENTENCE_STOP.search(ln.text) and not _SAVED_BY_TOOL.search(ln.text):
            if not _FIRST_RAN.search(ln.text):
                break  # the first sentence: the article has begun (a tool's line "—— … ——" reads long but has no stop)
            # "This essay first appeared in X and is shared here with permission.": a
            # sentence about the document, not its first; the article begins after it
            ln.verdict = "edge:provenance-header"
            first = next((k for k in doc.prose if k > i), i)
            continue
        if (_DOC_WORDS.search(ln.text) and _PROVENANCE_WORDS.search(ln.text)) or _REPOSTED_FROM.match(ln.text) \
                or _SAVED_BY_TOOL.search(ln.text):
            ln.verdict = "edge:provenance-header"
            if i == first:  # (a long repost line read as the first prose: the article starts after it)
                first = next((k for k in doc.prose if k > i), i)


# ---------------------------------------------------------------------------
# 3. Related sections and appended articles
# ---------------------------------------------------------------------------

_RELATED = re.compile("|".join(f"(?:{p})" for k, p in R.HEADING_RULES.items() if k != "list:tags"))
_RELATED_VERDICTS = ("list:more-", "list:gallery", "config:list_headings")
_RELATED_NAMED = re.compile("|".join(f"(?:{p})" for k, p in R.HEADING_RULES.items()
                                     if k not in ("list:tags", "list:more-articles-zh-word")))


# A page's link to the next or previous article ("下一篇", "Next story"): what follows
# it under a headline of its own is that article.
_NEXT_ARTICLE = re.compile(r"[\W_]*(上一篇|下一篇|上一則|下一則|上一则|下一则|上一條|下一條|上一条|下一条|"
                           r"(?i:(previous|next|read next|up next)( article| story| post)?))[\W_]*")
# "往下看更多文章", "Continue scrolling for more" (rules.SCROLL_ON_*): where the clipping's own article ended.
_SCROLL_ON = re.compile(r"[\W_]*(" + R.SCROLL_ON_ZH + r"|(?i:" + R.SCROLL_ON_EN + r"))[\W_]*")
# Removed lines after which a headline over prose starts another article: a note of
# where the article came from ("（本文来源：江城日报）") closes the clipping's own text.
_BOUNDARY_VERDICTS = ("credit:article-source",)


def _related_heading(ln: Line) -> bool:
    v = ln.verdict or ""
    if v == "promo:related-line":
        # "看更多：X" set as a heading tag owns the section under it (X's pictures); in
        # bold inside the running text ("[Related: X]") it is a link between paragraphs
        return ln.tag in HEADING_TAGS
    return v.startswith(_RELATED_VERDICTS) or (bool(v) and len(ln.text) <= 40 and (
        _RELATED.fullmatch(ln.text) is not None or _NEXT_ARTICLE.fullmatch(ln.text) is not None))


_CJK_PAIR = re.compile(r"(?=([\u3400-\u9fff]{2}))")
_WORD = re.compile(r"[A-Za-z]{4,}")


def _topic_marks(texts: Iterable[str]) -> set[str]:
    """Pairs of CJK characters and Latin words of four letters or more, but not
    the commonest English words: what two texts about one event share (names,
    places, things), not what any two English texts share ("have", "after")."""
    marks: set[str] = set()
    for t in texts:
        marks.update(_CJK_PAIR.findall(t))
        marks.update(w.lower() for w in _WORD.findall(t))
    return marks - _common_english()


_COMMON_WORDS = 300  # the English words wordfreq ranks most frequent


@lru_cache(maxsize=1)
def _common_english() -> frozenset[str]:
    """The ``_COMMON_WORDS`` most frequent English words (wordfreq's list, shipped
    in its wheel; read once, when a photo set's topic is first weighed)."""
    from wordfreq import top_n_list

    return frozenset(top_n_list("en", _COMMON_WORDS))


def _pictured(ln: Line) -> bool:
    """A caption, or text in the same block as its picture (``<div><img>Morning: …</div>``,
    ``<p><img><br>Morning: …</p>``, the text the line after the picture's): a gallery's
    captions may run two sentences, which :attr:`Line.caption` reads as an opening
    paragraph under a lead picture."""
    if ln.caption:
        return True
    if ln.el is None or not (ln.seg is None or ln.seg <= 1):
        return False
    if ln.el.find(".//img") is not None:
        return True
    # a gallery item's text in a block of its own right under the picture
    # (``<div><img><p>A bull guards …</p></div>``)
    before = ln.el.getprevious()
    return before is not None and (before.tail or "").strip() == "" and (
        before.tag == "img" or (before.find(".//img") is not None and not "".join(before.itertext()).strip()))


def _foreign_gallery(lines: list[Line], sec: Section, doc: Document) -> bool:
    """A heading over nothing but captioned pictures (two or more), with no prose
    of the article after them, whose heading and captions share almost nothing
    with the article above (under a tenth of their pairs of characters and words):
    a photo set of another story the page put under the article, whatever its
    heading says ("【影像紀實】北海岸漁港的黃昏"). The article's own pictures
    show its own people and places."""
    head = lines[sec.heading]
    if head.verdict is not None or _fixed(head) or not is_heading(head):
        return False
    scope = [j for j in range(sec.first, sec.end) if lines[j].verdict is None]
    if len(scope) < 2 or not all(_pictured(lines[j]) for j in scope) or doc.prose_after(sec.end - 1):
        return False
    body = [ln.text for ln in lines[:sec.heading] if ln.verdict is None and is_prose(ln)]
    if len(body) < 2:
        return False
    marks = _topic_marks([head.text, *(lines[j].text for j in scope)])
    return bool(marks) and len(marks & _topic_marks(body)) * 10 < len(marks)


def related_sections(lines: list[Line], rules: Rules, doc: Document, title: str | None) -> None:
    """A related heading's section, and an article appended under it.

    The heading owns its section (:attr:`Document.sections`: up to the next heading
    or footer), except that where the items a list rule took end and prose follows,
    the article has resumed.  An empty section followed by sections whose headline
    is not the clipping's title and that hold prose (units) is another article, and
    so are the teasers (headline + one or two paragraphs) that follow it."""
    if not (rules.on("list:section") or rules.on("doc:other-article")):
        return
    own = title_key(title) if title else ""
    sections = list(doc.sections)
    for k, sec in enumerate(sections):
        if rules.on("doc:other-article") and _SCROLL_ON.fullmatch(lines[sec.heading].text):
            # everything below is the articles the page appended (up to the clipping's
            # title seen again), whatever their shape: headlines, prose, captions
            for j in range(sec.heading, len(lines)):
                if lines[j].title:
                    break
                if lines[j].verdict is None and not _fixed(lines[j]):
                    lines[j].verdict = "doc:other-article"
            return
        if not _related_heading(lines[sec.heading]):
            if rules.on("list:section") and _foreign_gallery(lines, sec, doc):
                for j in range(sec.heading, sec.end):
                    if lines[j].verdict is None:
                        lines[j].verdict = "list:section"
            continue
        scope: list[int] = []
        appended = False  # the "list" is one headline over its own date or byline, then prose
        listed = False  # list items the heading rule already took
        teasers: bool | None = None  # the prose after them is the list's blurbs (decided once)
        end = sec.end
        for j in range(sec.first, sec.end):
            ln = lines[j]
            if _fixed(ln) or ln.title:
                end = j  # (the title seen again: the article starts there)
                break
            if ln.verdict == "list:heading-run":
                listed = True
            elif ln.verdict is None:
                if listed and is_prose(ln) and teasers is None:
                    teasers = _teaser_blurbs(lines, j, sec.end)
                    # one headline with its own date or byline over the prose: another article
                    appended = not teasers and (_unit_header(lines, sec.first, j)
                                                or _lede_under(lines, sec.first, j, title or ""))
                    if not (teasers or appended):
                        end = j  # the list ended; the article resumes
                        break
                scope.append(j)
        # (a photo set's heading owns its pictures, whose captions may read as sentences)
        photo_set = (lines[sec.heading].verdict or "").startswith("list:gallery") and len(scope) >= 2 \
            and all(_pictured(lines[j]) for j in scope)
        if not listed and _running_text(lines, scope) and not photo_set:
            continue  # the heading's list was cut away before: the article goes on under it
        unit = appended
        if appended:
            scope += [j for j in range(sec.first, end) if lines[j].verdict == "list:heading-run"]
        if not scope and not listed and end == sec.end:
            units = _units(lines, sections[k + 1:], own, sec.end)
            if units:
                unit = True
                scope = [j for u in units for j in range(u.heading, u.end) if lines[j].verdict is None]
                end = units[-1].end
        # prose in the section goes only under an explicit heading (a heading tag or a
        # bold line: the page marks where the section starts) or in an appended unit
        explicit = unit or is_heading(lines[sec.heading]) or not any(is_prose(lines[j]) for j in scope)
        # mid-article only a photo set: captions under the heading, closed by the next heading
        # (two pictures or more: one captioned picture under a related box is the article's own)
        gallery = len(scope) >= 2 and end == sec.end < len(lines) and (photo_set or all(lines[j].caption for j in scope))
        if scope and explicit and (gallery or not doc.prose_after(end - 1)) and not any(_fixed(lines[j]) for j in scope):
            name = "doc:other-article" if unit else "list:section"
            if rules.on(name):
                for j in scope:
                    lines[j].verdict = name
    # a source note that closes the clipping's text, right above a headline over prose
    if not rules.on("doc:other-article"):
        return
    for k, sec in enumerate(sections):
        last = next((j for j in range(sec.heading - 1, -1, -1) if lines[j].text), None)
        if last is None:
            continue
        # (or a related heading set as a plain line, "其他新聞", which no list followed;
        # a list word and a list noun, not a lone "焦點" that may be the article's own label)
        named = lines[last].verdict is None and not _fixed(lines[last]) and len(lines[last].text) <= 40 \
            and _RELATED_NAMED.fullmatch(lines[last].text) is not None
        if not (named or (lines[last].verdict or "").startswith(_BOUNDARY_VERDICTS)):
            continue
        units = _units(lines, sections[k:], own, sec.heading)
        if not units or doc.prose_after(units[-1].end - 1) or not any(is_prose(lines[j]) for j in range(sec.heading)):
            continue
        if named:
            lines[last].verdict = "doc:other-article"
        for j in range(units[0].heading, units[-1].end):
            if lines[j].verdict is None and not _fixed(lines[j]):
                lines[j].verdict = "doc:other-article"


def _header_meta(ln: Line) -> bool:
    """A line of an article's header under its headline: a date line or a byline
    (``記者范詠晴／中壢報導``, ``By Jane Doe``), no prose."""
    return not is_prose(ln) and bool(_DATE_ONLY.fullmatch(ln.text) or furniture(ln) or _BYLINE_WORDS.search(ln.text))


def _unit_header(lines: list[Line], start: int, end: int) -> bool:
    """The lines from ``start`` to ``end`` (what a related heading's list rule took,
    and what it left above the prose) are one headline with its own date line or
    byline: an article's header, not a list of headlines (a related box that the
    article resumes after holds headlines only)."""
    items = [lines[j] for j in range(start, end) if lines[j].verdict in (None, "list:heading-run")]
    meta = [ln for ln in items if _DATE_ONLY.fullmatch(ln.text) or furniture(ln) or _BYLINE_WORDS.search(ln.text)]
    return len(items) - len(meta) == 1 and bool(meta)


_LATIN_WORD_3 = re.compile(r"[A-Za-z]{3,}")
_LEDE_SHARE = 0.5  # of the headline's words the paragraph under it says again


def _words(text: str) -> set[str]:
    """Latin words of three letters or more, lower-cased, and every two CJK
    characters in a row (``_CJK_PAIR``, as :func:`_topic_marks` takes them): what a
    lede repeats of its headline."""
    return {*_CJK_PAIR.findall(text), *(w.lower() for w in _LATIN_WORD_3.findall(text))}


def _lede_under(lines: list[Line], start: int, end: int, title: str) -> bool:
    """The lines from ``start`` to ``end`` (what a related heading's list rule took)
    are one headline, and the paragraph under it (``end``) is its lede: it says
    again half the headline's words (three or more), more of them than of the
    clipping's own title.  A related box that the article resumes after goes on
    with the article's story, not the headline's."""
    items = [lines[j] for j in range(start, end) if lines[j].verdict in (None, "list:heading-run")]
    if len(items) != 1:
        return False
    headline, lede = _words(items[0].text), _words(lines[end].text)
    if len(headline) < 3:
        return False
    shared = len(headline & lede) / len(headline)
    own = _words(title)
    return shared >= _LEDE_SHARE and shared > (len(own & lede) / len(own) if own else 0)


def _running_text(lines: list[Line], scope: list[int]) -> bool:
    """The section opens with running text: its first two lines are paragraphs of prose
    in a row, no headline or date between (a list's blurbs stand one under each headline,
    :func:`_teaser_blurbs`; an appended article opens with its own headline)."""
    return len(scope) >= 2 and scope[1] == scope[0] + 1 and all(is_prose(lines[j]) and lines[j].tag == "p"
                                                                 for j in scope[:2])


def _teaser_blurbs(lines: list[Line], start: int, end: int) -> bool:
    """The prose from ``start`` to ``end`` is the blurbs of a teaser list, not the
    article resuming: two or more paragraphs and never two in a row (a headline or a
    date stands between each two)."""
    kept = [lines[j] for j in range(start, end) if lines[j].verdict is None or lines[j].verdict == "list:heading-run"]
    prose = [k for k, ln in enumerate(kept) if ln.verdict is None and is_prose(ln)]
    return len(prose) >= 2 and all(b - a > 1 for a, b in zip(prose, prose[1:]))


def _units(lines: list[Line], following: list[Section], own: str, at: int) -> list[Section]:
    """The sections right after ``at`` that read as articles of their own: a
    headline (a heading tag or bold line that is not the clipping's title) over
    prose; after the first, only teasers (one or two paragraphs)."""
    units: list[Section] = []
    for sec in following:
        if sec.heading != (units[-1].end if units else at):
            break
        head = lines[sec.heading]
        # (the headline's own byline or date line may stand between it and the prose)
        body = [j for j in range(sec.first, sec.end) if lines[j].verdict is None and not _header_meta(lines[j])]
        if not (is_heading(head) and title_key(head.text) != own and body and is_prose(lines[body[0]])):
            break
        if units and len(body) > 2:
            break
        units.append(sec)
    return units


# An article the page loaded under the clipping (infinite scroll) prints the same
# header as the clipping's own: "Published / 4 months ago / on / April 11, 2026 / By /
# News Desk".  Lines of the header are short; the labels of the template are what two
# headers share once figures are blanked.
_HEADER_LINE = 40
_HEADER_WINDOW = 10   # lines of a header, at most
_HEADER_KEYS = 3      # labels of the clipping's header seen again, at least
_FIGURES = re.compile(r"\d+")
_YEAR = re.compile(r"\b(19|20)\d{2}\b|\d{4}\s*年")


def _header_key(ln: Line) -> str | None:
    """The line's label in a header template: short, no prose, figures blanked; a
    date line has no label (dates differ from header to header)."""
    t = ln.text.strip()
    if not t or len(t) > _HEADER_LINE or is_prose(ln) or _DATE_ONLY.fullmatch(t):
        return None
    return _FIGURES.sub("#", t)


def repeated_header(lines: list[Line], rules: Rules) -> None:
    """``doc:other-article`` -- below the article, its header template seen again
    (three or more of its labels within a few lines, with a dated line that is not the
    clipping's date) starts another article the page loaded under it: that header's
    headline (over at most one standfirst) and everything below go, up to the
    clipping's title seen again.  A live blog's entries repeat a header too, but with
    times of one day, not other dates."""
    if not rules.on("doc:other-article"):
        return
    prose = [i for i, ln in enumerate(lines) if ln.verdict is None and is_prose(ln)]
    if len(prose) < 3:
        return
    keys = [_header_key(ln) for ln in lines]
    dated = [ln.text.strip() if _DATE_ONLY.fullmatch(ln.text.strip()) else None for ln in lines]
    top = range(max(0, prose[0] - _HEADER_WINDOW), prose[1])
    own = {keys[i] for i in top} - {None}
    own_dates = {dated[i] for i in top} - {None}
    if len(own) < _HEADER_KEYS or not own_dates:
        return
    for h in range(prose[1] + 1, len(lines)):
        if keys[h] not in own:
            continue
        window = range(h, min(h + _HEADER_WINDOW, len(lines)))
        seen = {keys[j] for j in window} & own
        dates = {dated[j] for j in window} - {None}
        if len(seen) < _HEADER_KEYS or not any(_YEAR.search(d) for d in dates - own_dates):
            continue
        start = h - 1
        if start > 0 and is_prose(lines[start]) and not is_prose(lines[start - 1]):
            start -= 1  # the standfirst under the headline
        above = [i for i in prose if i < start]
        if start <= prose[1] or len(above) < 2 or is_prose(lines[start]):
            return
        for j in range(start, len(lines)):
            if lines[j].title:
                break
            if lines[j].verdict is None and not _fixed(lines[j]):
                lines[j].verdict = "doc:other-article"
        return


# ---------------------------------------------------------------------------
# 4. The outlet talking about itself
# ---------------------------------------------------------------------------

_ABOUT_HEADING = re.compile(
    r"[\W_]*(關於|关于|認識|认识)\s*[「『《“\"]?(?P<name>[^」』》”\"。，,]{1,16}?)[」』》”\"]?[\W_]*"
    # "《街坊誌》是甚麼？", "「X」是谁？": the box asks what the column is, then answers as "we"
    r"|[\W_]*[「『《“\"](?P<asked>[^」』》”\"。，,]{1,16})[」』》”\"]\s*是(什麼|甚麼|什么|誰|谁)[？?][\W_]*"
    r"|(?i:[\W_]*about (us|this (column|newsletter|series|podcast|site|blog|section)|the (authors?|column|newsletter)))[\W_]*"
    # "栏目介绍", "本專欄簡介", "栏目说明": the page introducing its own column, programme or account
    r"|[\W_]*(本|這個|这个)?(欄目|栏目|專欄|专栏|節目|节目|頻道|频道|公眾號|公众号|電子報|电子报)(介紹|介绍|簡介|简介|說明|说明)[\W_]*"
    # "這個專欄在做什麼", "本栏目是什么？": the page asking what its own column is for
    r"|[\W_]*(本|這個|这个)(欄目|栏目|專欄|专栏|節目|节目|頻道|频道|公眾號|公众号|電子報|电子报|系列)\s*"
    r"(在|想|要)?(做|是)(什麼|甚麼|什么)[？?]?[\W_]*"
    # "About Street Level": a name in title case (the lines under it must speak as it)
    r"|[\W_]*About (?P<ename>[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,3})[\W_]*"
    # "Why we write Field Notes", "Why Cinder & Pine covers smoke": the outlet explaining
    # its own work (the lines under it must speak as it)
    r"|[\W_]*Why (?:we (?:write|cover|report on|started|publish|make|do)(?: (?P<wename>[A-Z][\w'’&.-]*(?: [A-Z&][\w'’&.-]*){0,3}))?"
    r"|(?P<whyname>[A-Z][\w'’&.-]*(?: [A-Z&][\w'’&.-]*){0,3}) (?:covers|writes about|reports on|exists))\b[^.!?]{0,40}[\W_]*")
# The site naming itself as a site: "這個小站沒有廣告", "this newsletter is free" (not
# "這個網站", which a report says of any site it is about).
_SITE_SELF = r"小站|(?:這|这)份(?:通訊|通讯|電子報|电子报|週報|周报|(?i:newsletter))|(?i:\bthis (?:site|blog|newsletter)\b)"
# A site introducing itself: "這裡是一個人跑的地方新聞小站", "This is a weekly newsletter about…".
_SITE_INTRO = re.compile(r"(這|这)(裡|里)是[^。，,]{0,20}(小站|網站|网站|部落格|博客|頻道|频道|電子報|电子报|專欄|专栏|節目|节目|"
                         r"媒體|媒体|平台|平臺|公眾號|公众号)"
                         r"|(?i:\bthis is an? (?:[\w-]+ ){0,3}(?:newsletter|blog|site|column|podcast)\b)")
# A name said to be a news outlet: "山城新聞是一間沒有財團…的在地媒體", "X是一家独立网站".
_OUTLET_INTRO = re.compile(r"(?P<name>[^\s，。,、：:「」“”]{2,12})是一?(間|间|家|個|个|份|所)[^。！？]{0,30}?"
                           r"(媒體|媒体|新聞網|新闻网|網媒|网媒|刊物|雜誌|杂志|報社|报社|電台|电台|網站|网站|平台|平臺)")
# (我哋, 我地: the Cantonese "we" of a Hong Kong outlet writing as it speaks)
_SELF = re.compile(r"我們|我们|我哋|我地|本[栏欄]目|本刊|本[台站號号網网]|本[報报](?![讯訊])|(?i:\b(we|our|us)\b)|" + _SITE_SELF)
_READER = re.compile(r"(?<!迷)你|您|妳|(?i:\b(you|your)\b)")
_SPEECH = re.compile(r"[“「『\"][^”」』\"]{12,}[”」』\"]")


def _starting_with(pattern: str, words: tuple[str, ...]) -> re.Pattern[str]:
    """``pattern``, every match of which opens with the first letter of one of ``words``
    (either case), compiled behind a look at that letter.  ``re`` tries each of a long
    alternation's branches at every position; the look turns most positions away in one
    step (the account pattern searched 12x faster on generated clippings)."""
    first = sorted({w[0].lower() for w in words} | {w[0].upper() for w in words})
    return re.compile("(?=[" + re.escape("".join(first)) + "])(?:" + pattern + ")")


# (Hong Kong's bank wording: "戶口名稱：", "戶口號碼：", "銀行戶口 012-883-…"; elsewhere
# 户口/戶口 is the household register, so only these forms and a number right after it)
_ACCOUNT_ZH = ("户名", "戶名", "账号", "帳號", "帳戶", "账户", "开户行", "開戶行", "銀行", "银行", "支付宝", "支付寶",
               "微信支付", "轉賬", "转账", "轉帳", "轉數快", "入數", "入数", "戶口名稱", "戶口號碼")
_ACCOUNT_EN = ("paypal", "payme", "fps", "iban", "swift", "account")
# Wallets and patronage sites a box names with a colon after them: "KBZPay／WavePay：09-…",
# "爱发电：https://…", "Ko-fi: …" (most wallets are named "…Pay": KBZPay, GrabPay, LINE Pay;
# "pay" is searched for, so any word ending in it matches)
_WALLET_ZH = ("爱发电", "愛發電", "街口", "云闪付", "雲閃付")
_WALLET_EN = ("pay", "ko-fi", "patreon", "gcash", "venmo", "zelle", "buymeacoffee", "buy me a coffee")
# A link to give through: "線上贊助：https://…", "捐款連結：https://…" (a sponsor named in a
# report, "贊助：某銀行", gives no link).
_GIVE_ZH = ("贊助", "赞助", "捐款", "捐助", "打賞", "打赏", "斗內", "斗内")
_ACCOUNT_WORDS = _ACCOUNT_ZH + _ACCOUNT_EN + _WALLET_ZH + _WALLET_EN + _GIVE_ZH + ("戶口",)
_ACCOUNT = _starting_with(r"(" + "|".join(_ACCOUNT_ZH) + r"|(?i:" + "|".join(_ACCOUNT_EN) + r"))[^:：。，,]{0,8}[:：]"
                           r"|(" + "|".join(_GIVE_ZH) + r")[^:：。，,]{0,6}[:：]\s*(?i:https?://|www\.)"
                           r"|(" + "|".join(_WALLET_ZH) + r"|(?i:pay\b|" + "|".join(_WALLET_EN[1:]) + r"))"
                           r"[^:：。，,\s]{0,12}\s*[:：]\s*\S"
                           # or the number itself, with no colon: "匯款到郵局帳號 0031234-0567890"
                           r"|(帳號|账号|帳戶|账户|戶口|(?i:account (?:number|no\.?)|iban))\s*\d[\d -]{5,}\d"
                           # or the address to pay: "support us … via PayPal at office@example.com"
                           r"|(?i:(?:" + "|".join(_ACCOUNT_EN[:2] + _WALLET_EN[1:]) + r")\s+(?:at|to)\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
                           _ACCOUNT_WORDS)
_account_gate = _gate(_ACCOUNT_WORDS)
_LONG_NUMBER = re.compile(r"\d[\d -]{5,}\d")


# A line of a box about the outlet is a sentence or two: at most this many characters,
# or (English words being longer than Chinese characters) this many words.
_BOX_CHARS = 160
_BOX_WORDS = 50


def _box_long(t: str) -> bool:
    return len(t) > _BOX_CHARS and _length(t) > _BOX_WORDS


def _account(text: str) -> bool:
    """The line names a payment account (:data:`_ACCOUNT`).  A colon or a long number
    first, then the words, then the pattern: it is tried on every line of every clipping."""
    return (":" in text or "：" in text or "@" in text or _LONG_NUMBER.search(text) is not None) \
        and _account_gate(text.lower()) and _ACCOUNT.search(text) is not None


# A speaker's label opening a line of an interview: "Mike: …", "淡豹：…", "問：…".
# (a page's field -- 来源, 作者, 日期 -- is no speaker)
_SPEAKER = re.compile(r"\s*([A-Z][\w.'’-]{0,20}( [A-Z][\w.'’-]{0,20})?|(?!来源|來源|作者|[记記]者|[编編][辑輯]|日期|[时時][间間]|地址|[电電][话話]|[网網]址|[邮郵]箱|出[处處]|本)"
                      r"[\u4e00-\u9fff]{2,3}|問|问|答|(?i:q|a))\s*[:：]\s*\S")


# Marks a page sets around a name it gives: "「政策早知道」", "《街坊誌》", "“早读”".
_NAME_MARKS = (("「", "」"), ("『", "』"), ("《", "》"), ("“", "”"), ('"', '"'))


def _bare(t: str, names: list[str] | tuple[str, ...]) -> str:
    """``t`` with the marks around each of ``names`` taken off: a column's name in
    corner brackets is a title, not a quote.  So is the short form that drops the
    owner's name in front: "「新聞稿專區」" for 職涯署新聞稿專區 (at least three
    characters)."""
    for name in names:
        if name:
            for left, right in _NAME_MARKS:
                if left not in t:
                    continue
                for start in range(len(name) - 2):
                    t = t.replace(left + name[start:] + right, name[start:])
    return t


def _self_talk(ln: Line, names: list[str], *, doing: bool = False, subject: list[str] | tuple[str, ...] = ()) -> bool:
    """The outlet, column or account is the subject and nothing is reported: no
    reporting verb, no quoted speech, no speaker of an interview (the interviewer
    may well say "our column").  With ``doing``, a reporting verb after the outlet's
    "we"/"our" is what the outlet does ("one of our reporters … writes about whoever
    they meet"), not a report ("he told our reporter"); so is one in a line that opens
    with a name of ``subject`` (the name an "About X" box's heading gives)."""
    t = _bare(ln.text, [*subject, *names])
    if _SPEECH.search(t) or _box_long(t) or _SPEAKER.match(t):
        return False
    verb = _REPORTING.search(t)
    if verb:
        own = _SELF.search(t) if doing else None
        if own is None and any(name and t.startswith(name) for name in subject):
            return verb.start() > 0 and not _QUOTED.search(t)  # "X每週四隨報附送，專門報導…": X describing itself
        return own is not None and own.start() < verb.start() and not _QUOTED.search(t)
    return bool(_SELF.search(t) or any(name in t for name in names) or _account(t))


# Removed lines that open a box of the outlet's own: a donation or subscription
# appeal, a column's introduction, a promo box's heading.
_BOX_OPEN = ("prompt:donate", "prompt:donation-appeal", "prompt:support-journalism", "prompt:subscribe",
             "prompt:newsletter", "edge:promo-box", "edge:promo", "box:about", "prompt:coffee")
_BOX_PARTS = (*_BOX_OPEN, "box:appeal")
_QUOTED = re.compile(r"[“”「」『』\"‘’']")
_DIGIT = re.compile(r"\d|[〇零一二三四五六七八九十百千万萬亿億]{2,}")


def _appeal_boxes(lines: list[Line], names: list[str]) -> None:
    """``box:appeal`` -- the lines right under a removed box opener that go on about
    the outlet (a slogan, "we depend on readers", the bank account to give to), up to
    the first line that does not: the article resumes there.  A line counts when the
    outlet is its subject and it reports nothing (:func:`_self_talk`), and it also
    speaks to the reader, names the outlet or a payment account, offers a promo thing,
    or is a short slogan with no figure in it (a report has figures)."""
    for h, opener in enumerate(lines):
        if not (opener.verdict or "").startswith(_BOX_OPEN):
            continue
        for k in range(h + 1, len(lines)):
            ln = lines[k]
            if ln.verdict:
                if (ln.verdict or "").startswith(_BOX_OPEN):
                    continue
                break
            t = ln.text
            if _fixed(ln) or ln.caption:
                break
            if _account(t) and len(t) <= 160 and not _SPEECH.search(t):
                ln.verdict = "box:appeal"  # (a bank line's "戶口名稱" is no reporting verb)
                continue
            # (under the box's heading the outlet may open by its name, saying what it
            # is: "山城新聞是一間…的在地媒體，每一篇報導都靠讀者的小額捐款完成。")
            intro = _OUTLET_INTRO.match(t)
            own = [*names, intro.group("name")] if intro else names
            if not _self_talk(ln, own) or _QUOTED.search(t):
                break  # ("'We Got Her!' Video Shows …": someone else's "we")
            if not (_READER.search(t) or _OUTLET.search(t) or _EDGE_PROMO.search(t)
                    or any(name in t for name in own) or (len(t) <= 60 and not _DIGIT.search(t))):
                break
            ln.verdict = "box:appeal"


def _appeal_line(ln: Line, names: list[str]) -> bool:
    """A line of an appeal box: the outlet talks about itself or to the reader, and
    reports nothing (no reporting verb, no quoted speech, no figure but an account's)."""
    t = ln.text
    if _fixed(ln) or ln.caption or _SPEECH.search(t) or _box_long(t):
        return False
    if _account(t):
        return True  # (a bank line's "戶口名稱" is no reporting verb)
    return not _REPORTING.search(t) and bool(_self_talk(ln, names) or _READER.search(t)) and not _DIGIT.search(t)


# A box's heading that asks for support: "支持溪北記事", "Support The Ledger".
# (or sets it apart as an aside of the writer's: "写在中间的几句话", "写在中间的话", "插播一則", "題外話")
_APPEAL_HEADING = re.compile(r"支持|贊助|赞助|捐款|捐助|打賞|打赏|(?i:\b(support|donate)\b)"
                             r"|插播|題外話|题外话|幾句話|几句话|(?:寫|写)在[^，。,]{0,6}(?:話|话)|碎碎念|打[個个](廣告|广告)|小(廣告|广告)|廣而告之|广而告之")
_FIRST_PERSON = re.compile(r"我(?!們|们)|(?i:\b(I|my|me)\b)")


def _appeal_heading(t: str) -> bool:
    """A short line that is no sentence and asks for support (:data:`_APPEAL_HEADING`)."""
    return not _FULL_STOP_END.search(t) and not _REPORTING.search(t) and bool(_APPEAL_HEADING.search(t))


def _account_boxes(lines: list[Line], names: list[str]) -> None:
    """``box:appeal`` -- a box that asks for money in the middle of the article, found by
    the payment accounts it lists (FPS, bank, PayPal) rather than by its heading: the
    lines around the accounts that talk about the outlet or to the reader, and the
    heading right above them.  Only when the box speaks as the outlet (we, our, its
    name): an article about a fraud may quote an account too."""
    def part(j: int) -> bool:  # (a prompt a rule removed is part of the box: "請考慮每月支持我們…")
        return (lines[j].verdict or "").startswith(_BOX_PARTS) or (lines[j].verdict is None and _appeal_line(lines[j], names))

    k = 0
    while k < len(lines):
        # (an account the appeal under a prompt took already still anchors its box: the
        # outlet's note above the prompt belongs to it too)
        if lines[k].verdict not in (None, "box:appeal", "box:about") or not _account(lines[k].text) \
                or not _appeal_line(lines[k], names):
            k += 1
            continue
        start = end = k
        while start > 0 and part(start - 1):
            start -= 1
        while end + 1 < len(lines) and part(end + 1):
            end += 1
        box = [j for j in range(start, end + 1) if lines[j].verdict is None]
        above = lines[start - 1] if start > 0 else None
        if above is not None and above.verdict is None and not _fixed(above) \
                and (is_heading(above) or (len(above.text) <= _BOX_HEADING and (_column_heading(above.text, names)
                                                                               or _appeal_heading(above.text)))):
            box.insert(0, start - 1)
        # the outlet speaks (we, its name), or the writer of a one-person site asks the
        # reader in the first person on the account's own line ("…可以匯款到…，每一筆錢我都會…")
        if any(_SELF.search(lines[j].text) or any(n in lines[j].text for n in names) for j in box) \
                or (_FIRST_PERSON.search(lines[k].text) and _READER.search(lines[k].text)):
            for j in box:
                lines[j].verdict = "box:appeal"
        k = end + 1


# A line at the edge that speaks for the outlet is a sentence or two: one this long,
# with three sentences or more, is an editor's note or the lede.
_PROMO_LONG = 100
_OVERLINE_MAX = 30  # characters of an overline (引題) set over the title
# A wire dateline opening a report: "中新网北京3月31日电", "新华社华盛顿4日電", "本报讯".
_WIRE_DATELINE = re.compile(r"[\W_]{0,2}(?:[^\s。，,！？!?]{2,14}?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*(?:電|电)|本報訊|本报讯"
                            # "（映维网Nweon 2024年06月15日）曾在…": the outlet and the day in brackets
                            r"|[（(][^（）()。，,]{2,20}?\s*\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s*[）)](?=\S))")


# A name in marks: "「法庭日常」", "《山海誌》".
_MARKED_NAME = re.compile(r"[「《『](?P<name>[^」》』「《『，。,]{2,12})[」》』]")
# A column's name in marks, then who makes it: "《車長手記》由一班退休巴士車長和本報記者合作撰寫".
_COLUMN_INTRO = re.compile(r"[\W_]*[《「『](?P<name>[^》」』]{2,12})[》」』]\s*(是)?由[^。！？]{2,40}?"
                           r"(撰寫|撰写|經營|经营|主持|製作|制作|策劃|策划|主理|編寫|编写|共同|合作)")
# A column's slogan above the article names the column: "巷弄有事｜週六早晨的城市散步，我們
#替你…", "Main Street Diaries: every Friday, we pull up a stool…", "《街坊誌》逢星期三出版，
# 陪你…".  The name is the label before the separator, or the one in 《》.
_SLOGAN_LABEL = re.compile(r"[\W_]*《?(?P<name>[^｜|:：《》，。,.!?！？]{2,24}?)》?\s*[｜|:：]\s*\S")
_LABEL_SEP = re.compile(r"[｜|:：]")
_SLOGAN_TITLE = re.compile(r"《(?P<name>[^》]{2,16})》")
# A name in corner brackets in such a slogan ("「东邦视点」带您走进…") is only a candidate: a
# slogan quotes terms too, so it names the page only under an "About X" heading of that name.
_SLOGAN_QUOTED = re.compile(r"[「『](?P<name>[^」』]{2,16})[」』]")
# Labels of the article's own notes, never a column's name.
_NOTE_LABEL = re.compile(r"(編按|编按|編者按|编者按|按語|按语|註|注|附記|附记|(?i:editor'?s? note|note|update|correction))")
# The page introducing itself by name: "這裡是《山海誌》，一個由讀者支持的獨立媒體", "欢迎来到「X」"
# (not "這裡是《海角七號》的拍攝地": a place a report is about)
# ("早上好，这里是沧澜城事。": unmarked, the name ends at the punctuation -- and counts only in a
# line that also speaks as "we" or to the reader; "我们是否…" asks whether we …)
_SELF_INTRO = re.compile(r"(?:(?:這|这)(?:裡|里)是|(?:歡迎|欢迎)(?:來到|来到|收看|收聽|收听|閱讀|阅读)|(?:我們|我们)是(?!否|不是))\s*"
                         r"(?:[《「『](?P<name>[^》」』]{2,16})[》」』](?!\s*(?:的|之|裡|里|中))"
                         r"|(?P<bare>[^\s，。,.！!、《「『“]{2,10})(?=[，。,！!]))")


def _intro_name(intro: re.Match[str]) -> str:
    """The name a self-introduction (:data:`_SELF_INTRO`) gives, in marks or not."""
    return (intro.group("name") or intro.group("bare")).strip()

_SLOGAN_LINES = 4  # lines above the first prose a slogan may stand in
_SLOGAN_CHARS = 50  # a slogan is one short sentence or two
_SLOGAN_TITLE_CHARS = 60  # ... and with the column's title in 《》, a little longer
_PAPER_NAME = re.compile(r"[\u4e00-\u9fff]{3,8}")
# A box's heading that speaks to the readers: "給讀者的一封信", "A note to our readers".
_READERS_HEADING = re.compile(r"讀者|读者|(?i:\breaders?\b)")
_BOX_HEADING = 30  # characters of a box's heading, at most


def _column_names(lines: list[Line]) -> tuple[list[str], list[str]]:
    """The names a column's slogan above the first prose gives itself (see above): only
    a slogan that speaks as the column (we, our) or to the reader, never a note; and,
    apart, the names such a slogan sets in corner brackets (:data:`_SLOGAN_QUOTED`)."""
    names: list[str] = []
    quoted: list[str] = []
    seen = 0
    for ln in lines:
        if ln.verdict or ln.caption:
            continue
        intro = _SELF_INTRO.search(ln.text)
        if intro and intro.group("bare") and not (_SELF.search(ln.text) or _READER.search(ln.text)):
            intro = None
        if is_prose(ln) and not (_SELF.search(ln.text) or _READER.search(ln.text) or intro):
            break
        seen += 1
        if seen > _SLOGAN_LINES:
            break
        t = ln.text
        if _REPORTING.search(t) or _SPEECH.search(t):
            continue
        if intro:
            names.append(_intro_name(intro))
            continue
        if not (_SELF.search(t) or _READER.search(t)):
            continue
        quoted += [q.group("name").strip() for q in _SLOGAN_QUOTED.finditer(t)]
        # (a title in 《》 names the column only in a slogan's length: a longer paragraph
        # that names a film and talks to the reader is a review's opening, "《名偵探皮卡丘》這部
        # 電影…如果你真的很喜歡寶可夢的話，…")
        m = _SLOGAN_LABEL.match(t) or (_SLOGAN_TITLE.search(t) if len(t) <= _SLOGAN_TITLE_CHARS else None)
        if m and not _NOTE_LABEL.fullmatch(m.group("name").strip()) and not _BYLINE_WORDS.search(m.group("name")):
            names.append(m.group("name").strip())
        elif len(t) <= _SLOGAN_CHARS and (outlet := _OUTLET.search(t)):
            # a short slogan that names the paper in its words: "…，楓華週報與您一起守護社區的每一天。"
            name = re.split(r"[\s，,、|｜:：]", outlet.group(0).strip())[-1]
            # (a Chinese name only: an English line splits into words that name nothing)
            if _PAPER_NAME.fullmatch(name) and not _DIGIT.search(name) and "的" not in name:
                names.append(name)
    return names, quoted


def _signoff_names(lines: list[Line]) -> list[str]:
    """The names a page gives itself in a sign-off below the last prose ("我们是旅宿内参，
    感谢你读到这里，明早八点见。"): a self-introduction (:data:`_SELF_INTRO`) in one of the
    last few kept lines that speaks as "we" or to the reader and reports nothing."""
    names: list[str] = []
    seen = 0
    for ln in reversed(lines):
        if ln.verdict or ln.caption:
            continue
        seen += 1
        if seen > _SLOGAN_LINES:
            break
        t = ln.text
        intro = _SELF_INTRO.search(t)
        talks = bool(_SELF.search(t) or _READER.search(t))
        if intro and talks and not (_REPORTING.search(t) or _SPEECH.search(t)):
            names.append(_intro_name(intro))
        elif is_prose(ln) and not talks:
            break
    return names


_FULL_STOP_END = re.compile(r"[。.;；]\W*$")


def _column_heading(t: str, names: list[str]) -> bool:
    """Besides an "about" heading (:data:`_ABOUT_HEADING`), a box's heading is a short
    line that is no sentence and names the column or speaks to the readers
    ("【巷弄有事是什麼？】", "給讀者的一封信")."""
    if _FULL_STOP_END.search(t) or _REPORTING.search(t):
        return False
    return any(name in t for name in names) or bool(_READERS_HEADING.search(t))


def _reader_talk(ln: Line) -> bool:
    """A line of a box that speaks to the reader and reports nothing quoted or counted:
    ("讀完這一篇，下次出門時，也許你會願意多繞一條巷子。")."""
    t = ln.text
    return bool(_READER.search(t)) and not (_SPEECH.search(t) or _QUOTED.search(t) or _DIGIT.search(t) or _box_long(t))


_OWN_NAME = re.compile(r"本|我們|我们|專欄|专栏|電子報|电子报|節目|节目|頻道|频道|新聞中心|新闻中心|編輯部|编辑部|新聞稿|新闻稿|公眾號|公众号|[《「『“\"]|(?i:column|newsletter|podcast|blog)")


# A name ending in a press office's word, with its owner in front: "云溪大学新闻中心".
_OFFICE = re.compile(r"(?P<owner>[^\s「」《》“”]{2,12}?)(新聞中心|新闻中心|編輯部|编辑部|新聞稿專區|新闻稿专区|新聞稿|新闻稿|"
                     r"新聞處|新闻处|專區|专区)")


def _own_name(name: str, names: list[str], *, latin: bool = True) -> bool:
    """``name`` (from "關於X" / "About X") is one the page gives itself: a column or
    the outlet (``names``), a title in book marks, a programme, or "us"; or, with
    ``latin``, any name in Latin script (an English "About X" box names its column)."""
    return (any(n and (n in name or name in n) for n in names) or bool(_OWN_NAME.search(name))
            or latin and not _CJK.search(name))


# The holder of an account a box lists: "戶口名稱：街坊通訊社有限公司", "Account name: X Ltd".
_HOLDER = re.compile(r"(戶口名稱|户口名称|戶名|户名|帳戶名稱|账户名称|收款人|受款人|(?i:account name|account holder|payee))"
                     r"\s*[:：]\s*(?P<name>[^（）()；;，,。:：\s]{2,30})")
_COMPANY = re.compile(r"(股份有限公司|有限責任公司|有限责任公司|有限公司|(?i:\s+(ltd|limited|inc|llc)\.?))$")


def _holders(lines: list[Line]) -> list[str]:
    """The names accounts are held in (:data:`_HOLDER`), without a company's suffix:
    the outlet a box asking for money speaks for -- when the lines around the
    account speak as "we" (an article about a fraud quotes a swindler's account)."""
    found = []
    for i, ln in enumerate(lines):
        if ln.verdict is None and _account(ln.text) and any(_SELF.search(lines[j].text) for j in
                                                            range(max(0, i - 3), min(len(lines), i + 4)) if j != i):
            found += [name for m in _HOLDER.finditer(ln.text) if len(name := _COMPANY.sub("", m.group("name"))) >= 2]
    return found


# The founding sentence of a press release's closing box: "聯合國難民署於1950年…創立",
# "X成立于2010年", "Founded in 1999, X …" -- an organisation's, not a thing's ("颱風是一種
# 熱帶氣旋" under "關於颱風" explains the subject).
_IDENTITY = re.compile(r"成立|創立|创立|創辦|创办|創建|创建|始創|始创|"
                       r"(?i:\b(founded|established|headquartered|was formed|was set up)\b)")
_ISSUER_BOX_LINES = 4


def _issuer_boilerplate(lines: list[Line]) -> None:
    """``box:about`` for the issuer's boilerplate that closes a press release: a last
    "About X" heading ("【關於聯合國難民署】", "About Acme Corp") whose first line opens
    with X and says when X was founded (:data:`_IDENTITY`), with nothing of the article
    after it (at most :data:`_ISSUER_BOX_LINES` live lines, whatever they say).  A
    closing section that explains its subject ("關於颱風" / "颱風是一種熱帶氣旋…")
    founds nothing; a section with more lines is the article's."""
    live = [i for i, ln in enumerate(lines) if ln.verdict is None]
    # (only the last live lines can head such a box: the heading, then at most the box)
    for pos in range(max(3, len(live) - 1 - _ISSUER_BOX_LINES), len(live) - 1):
        h, box = live[pos], live[pos + 1:]
        about = _ABOUT_HEADING.fullmatch(lines[h].text)
        name = (about.group("name") or about.group("ename") or "").strip() if about else ""
        first = lines[box[0]].text.strip()
        if (len(name) < 2 or is_prose(lines[h]) or _fixed(lines[h]) or not is_prose(lines[box[0]])
                or not re.match(r"(?i:the\s+)?" + re.escape(name), first)
                or not _IDENTITY.search(SENTENCE_STOP.split(first, 1)[0])):
            continue
        for k in (h, *box):
            lines[k].verdict = "box:about"
        return


def self_promo(lines: list[Line], rules: Rules) -> None:
    """``box:about`` and ``edge:self-promo`` (see the module docstring, 4)."""
    names, quoted = _column_names(lines)
    names += _signoff_names(lines) + _holders(lines)
    boxed: list[str] = []  # the names "About X" boxes gave
    if rules.outlet and len(rules.outlet) >= 2:
        names.append(rules.outlet)  # the clipping's source: the outlet it may talk about
    if rules.on("box:about"):
        for h, ln in enumerate(lines):
            t = ln.text
            if ln.verdict or _fixed(ln) or is_prose(ln) or (len(t) > _BOX_HEADING and _length(t) > 8):
                continue
            about = _ABOUT_HEADING.fullmatch(t)
            # (a heading under an image -- the outlet's QR code -- is read as its caption;
            # "關於X" is no caption)
            # (... but a caption that is only a name the page gives itself -- the
            # account's name under its QR code -- describes no picture)
            if not (about or (_column_heading(t, names) and (not ln.caption or _name_key(t) in map(_name_key, names)))):
                continue
            name = (about.group("name") or about.group("ename") or about.group("wename") or about.group("whyname")
                    or about.group("asked") or "").strip() if about else ""
            # (under a question, the answer must speak as "we": an explainer's "「厨余」是什么？"
            # is answered in the third person, and naming the thing proves nothing)
            # (a "關於X" heading is also an interview's section heading, "關於開源專案": the
            # lines under it count as the box only when X is a name the page gives itself --
            # a column, the outlet -- or they speak as "we")
            # (a name in marks, "關於「政策早知道」", is a title: the page's own when the
            # box speaks as "we" -- the test below the loop)
            marked = bool(name) and any(left + name + right in t for left, right in _NAME_MARKS)
            named = [name] if name and not (about and about.group("asked")) and (
                _own_name(name, names) or marked or name in quoted) else []
            known = bool(named) and (_own_name(name, names) or name in quoted)
            # ("認識LGBT": a section getting to know a subject -- only a name the page gives
            # itself, in marks or known, makes "認識X" its box; a Latin word is no such name)
            if about and re.match(r"[\W_]*(認識|认识)", t) and not (
                    marked or name in quoted or _own_name(name, names, latin=False)):
                continue
            box = []
            for k in range(h + 1, len(lines)):
                if lines[k].verdict:
                    continue
                if _fixed(lines[k]) or lines[k].caption:
                    break
                if not (_self_talk(lines[k], named + names, doing=bool(box or named), subject=named)
                        or (box and _reader_talk(lines[k]))):
                    break
                box.append(k)
            # the outlet speaks as itself in the box: a we, its name or an account
            if box and not any(_SELF.search(lines[k].text) or _account(lines[k].text)
                               or any(n in lines[k].text for n in (named if known else []) + names) for k in box):
                box = []
            if box:
                for k in [h, *box]:
                    lines[k].verdict = "box:about"
                if name:
                    names.append(name)
                    boxed.append(name)
        _issuer_boilerplate(lines)
    if rules.on("box:appeal"):
        _appeal_boxes(lines, names)
        _account_boxes(lines, names)
    # the names in marks a removed appeal or about box gave itself ("支持「法庭日常」"): the
    # outlet's, so its slogan at the edge ("法庭日常｜每週四晚上，…") is known by it
    names += [m.group("name") for ln in lines if ln.verdict in ("box:appeal", "box:about")
              for m in _MARKED_NAME.finditer(ln.text)]
    if not rules.on("edge:self-promo"):
        return
    for ln in lines:
        # a column introducing itself to the reader anywhere: "《車長手記》由一班退休巴士車長和
        # 本報記者合作撰寫。我們每星期六晚上陪你坐一程車…" (its name, who writes it, we, you)
        intro = _COLUMN_INTRO.match(ln.text) if ln.verdict is None else None
        if (intro and not (_fixed(ln) or ln.caption) and _SELF.search(ln.text) and _READER.search(ln.text)
                and not (_SPEECH.search(ln.text) or _DIGIT.search(ln.text) or _REPORTING.search(ln.text))):
            ln.verdict = "edge:self-promo"
            names.append(intro.group("name"))
    alive = [i for i, ln in enumerate(lines) if ln.verdict is None]
    # the office a box names belongs to someone: "職涯署新聞稿專區" is 職涯署's, and a
    # slogan at the edge naming 職涯署 is the owner's
    boxed += [m.group("owner") for name in boxed if (m := _OFFICE.fullmatch(name))]

    def promo(i: int) -> bool:
        ln = lines[i]
        t = ln.text
        # (read as the caption of the logo above it, or not)
        if (not _fixed(ln) and _OUTLET_INTRO.match(t) and _SELF.search(t)
                and not (_REPORTING.search(t) or _SPEECH.search(t) or _DIGIT.search(t) or _box_long(t))):
            return True  # the outlet by name, then as "we": "《菱傳媒》是一家網路媒體…。我們會放眼國際…"
        # (a byline is the article's, "本刊记者" in it or not: "文 | 本刊记者 林知夏")
        if _fixed(ln) or ln.caption or _SPEAKER.match(ln.text) or furniture(ln):
            return False
        label = _SLOGAN_LABEL.match(ln.text) if names and _LABEL_SEP.search(ln.text) else None
        if label and label.group("name").strip() in names and not _SPEECH.search(ln.text):
            return True  # the column's slogan under its name: "小镇漫游｜走进大马每一座小镇…"
        t = _bare(ln.text, boxed)
        if any(name in t for name in boxed) and not (_REPORTING.search(t) or _SPEECH.search(t) or _QUOTED.search(t)
                                                     or _DIGIT.search(t) or _box_long(t)):
            return True  # the column an "About X" box introduced, describing itself: "Every Saturday, X picks…"
        if _SITE_INTRO.search(t) and _self_talk(ln, names) and not (_QUOTED.search(t) or _DIGIT.search(t)):
            return True  # the site describing itself as a site: "這裡是一個人跑的地方新聞小站，寫…"
        intro = _SELF_INTRO.search(ln.text)
        if intro and _intro_name(intro) in names and not (
                _REPORTING.search(t) or _SPEECH.search(t) or _DIGIT.search(t) or _box_long(t)):
            return True  # the page introducing itself by name: "…這裡是《山海誌》，一個由讀者支持的獨立媒體。"
        if not _READER.search(ln.text) or _WIRE_DATELINE.match(ln.text):
            return False  # (a report opens with its dateline, naming the agency that filed it)
        if len(ln.text) >= _PROMO_LONG and len(SENTENCE_STOP.findall(ln.text)) >= 3:
            return False  # a paragraph that reports, and names the outlet on the way
        outlet = _OUTLET.search(ln.text)
        t = ln.text
        # "我们"/"you" alone is how an article may close ("让我们一起道一声：老师，您辛苦了。"):
        # the outlet must be named, an account listed or a promo thing offered
        talk = _self_talk(ln, names) and bool(any(name in t for name in names) or _account(t)
                                              or _EDGE_PROMO.search(t))
        return talk or (outlet is not None and len(outlet.group(0)) <= 10
                        and not _REPORTING.search(t) and not _SPEECH.search(t))

    # the article's span: its first and last prose line that is no promo (found from
    # each end: ``promo`` is the costly test, and the lines between are never asked)
    first = next((i for i in alive if is_prose(lines[i]) and not promo(i)), None)
    if first is None:
        return
    last = next(i for i in reversed(alive) if is_prose(lines[i]) and not promo(i))
    for i in alive:
        if (i < first or i > last) and promo(i):
            lines[i].verdict = "edge:self-promo"


# ---------------------------------------------------------------------------
# 5. Alt text in another script
# ---------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff]")
# "▲ Loaita Cay / Panata Island": the mark a Chinese editor sets before a caption --
# the writer's caption, in whatever script, not a picture's alt text.
_CAPTION_MARK = re.compile(r"\s*[▲△▼▽↑]")
_CJK_PUNCT = re.compile(r"[，：；、。「」『』《》（）]")


# A credit in a caption element ("Photo by Jane Doe on Unsplash"): no caption text.
_CREDIT_OPEN = re.compile(r"(?i)\W*(photo|image|picture|illustration|graphic)s?\s*(by\b|:|credit)")


def _in_figcaption(ln: Line) -> bool:
    """The line is the picture's caption element itself (alt text is no element of it),
    unless it is only the picture's credit."""
    el = ln.el
    return el is not None and isinstance(el.tag, str) and not _CREDIT_OPEN.match(ln.text) and (
        el.tag == "figcaption" or any(a.tag == "figcaption" for a in el.iterancestors()))
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# Letters of a third script, neither the article's Chinese nor English: Hangul, kana,
# Cyrillic, Arabic, Thai ("제주 하도리 해녀 탈의장 앞에…" beside a Chinese article's picture).
_THIRD_SCRIPT = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\u3040-\u30ff\u0400-\u04ff\u0600-\u06ff\u0e00-\u0e7f]")
_THIRD_MIN = 6  # letters of a description in a third script
_LETTER = re.compile(r"[^\W\d_]")


# Characters: alt text describes a picture in a sentence or two; a longer paragraph in
# another script is the article's (an English abstract or bio of a Chinese article).
_ALT_MAX = 300
_ALT_MIN_CJK = 8  # characters of a description in Chinese (a name or a label is shorter)


# The longest caption between alt text and its picture's credit (characters): a
# caption is a sentence or two; a paragraph between them breaks the figure.
_FIGURE_CAPTION_MAX = 40


# "摄影：韩冬", "（圖／林小明）": a credits pair whose role is the picture's.
_PICTURE_ROLE = re.compile(r"[\W_]*(攝影|摄影|圖片|图片|圖|图|照片|相片)\s*[:：︰｜|／/]")


def alt_text(lines: list[Line], rules: Rules) -> None:
    """A line wholly in the other script next to an image credit or caption (or over
    a short caption and the credit under it, :data:`_FIGURE_CAPTION_MAX`): in a CJK
    article a Latin-only line, in a Latin article a CJK-only one; in either, a line
    mostly in a third script (:data:`_THIRD_SCRIPT`, two letters in three)."""
    if not rules.on("image:alt-text"):
        return
    def picture(ln: Line | None) -> bool:
        # (a credits line naming who took the picture, "摄影：韩冬", is a picture's credit
        # though its rule is the credits pair's)
        # (so is a Chinese caption whose credit in brackets ends its line,
        # "…合影。（圖／晶澄科技提供）"; an English one, "Workers on the wall. Photograph:
        # Li Wei", may stand over the standfirst)
        return ln is not None and (ln.caption or (ln.verdict or "").startswith(("credit:image", "credit:photo"))
                                   or (ln.verdict == "credit:byline-role" and _PICTURE_ROLE.match(ln.text) is not None)
                                   or (ln.verdict is None and ln.text.endswith(("）", ")")) and len(ln.text) <= _ALT_MAX
                                       and _CJK.search(ln.text) is not None and captioned_text(ln.text)))

    def in_figure_block(i: int) -> bool:
        # alt text where the picture stands, then a short caption and the credit ("A
        # bowl of pho…" / "招牌生牛肉河粉一碗一百二十元。" / "攝影／…")
        # (a line a rule removed between them, a row of hashtags, is no caption)
        return i + 2 < len(lines) and picture(lines[i + 2]) and lines[i + 1].verdict is None \
            and _length(lines[i + 1].text) <= _FIGURE_CAPTION_MAX

    latin: list[Line] = []  # alt text of a CJK article's pictures
    cjk: list[Line] = []  # ... and of a Latin article's
    third: list[Line] = []  # ... and of either's, in a third script
    for i, ln in enumerate(lines):
        if ln.verdict or _fixed(ln) or len(ln.text) > _ALT_MAX or _in_figcaption(ln) or _CAPTION_MARK.match(ln.text):
            continue  # (a paragraph is no alt text: an English abstract or bio of a Chinese article)
        if not (ln.caption or picture(lines[i - 1] if i else None) or picture(lines[i + 1] if i + 1 < len(lines) else None)
                or in_figure_block(i)):
            continue  # (a caption itself may be set under the picture: <div><img><small>…</small></div>)
        other = len(_THIRD_SCRIPT.findall(ln.text))
        if other >= _THIRD_MIN and 3 * other >= 2 * len(_LETTER.findall(ln.text)):
            third.append(ln)
        elif _CJK.search(ln.text):
            if len(_CJK.findall(ln.text)) >= _ALT_MIN_CJK and not _LATIN_WORD.search(ln.text):
                cjk.append(ln)
        elif len(_LATIN_WORD.findall(ln.text)) >= 4 and not _CJK_PUNCT.search(ln.text):
            latin.append(ln)  # (not with full-width punctuation: the Chinese article's writer
            # typed it, a book's English title in a list of references)
    if latin or cjk:
        # the article's script: a CJK character and a Latin word weigh about the same
        cjk_article = sum(len(_CJK.findall(ln.text)) for ln in lines) >= sum(len(_LATIN_WORD.findall(ln.text)) for ln in lines)
        for ln in latin if cjk_article else cjk:
            ln.verdict = "image:alt-text"
    for ln in third:
        ln.verdict = "image:alt-text"


# ---------------------------------------------------------------------------
# 6. Neighbour agreement
# ---------------------------------------------------------------------------

# "编辑｜王小明", "审核：何静": a role and a name around one separator.
_TEMPLATE = re.compile(r"[\W_]*([\u4e00-\u9fffA-Za-z]{1,6})\s*([｜|:：／/])\s*([^\s。，,；;！？!?]{1,12})\s*")
# The writer's own byline ("文｜王小明" above "编辑｜李华") is article text (LABEL_RULES):
# it never goes with the credits around it.
_WRITER_ROLES = frozenset({"文", "文字", "撰文", "作者", "记者", "記者", "采写", "採寫"})
# ... also with a qualifier: "采写记者", "本报记者", "特约记者", "实习记者" (a
# photographer's "摄影记者" is a picture credit).
_WRITER_ROLE = re.compile(r"(?!摄影|攝影|图片|圖片).*(记者|記者)|.*(采写|採寫|撰文)")


def _writer_role(role: str) -> bool:
    return role in _WRITER_ROLES or _WRITER_ROLE.fullmatch(role) is not None


def _writer_byline(text: str) -> bool:
    """``text`` is the writer's credit, a role and a name ("作者： Jack", "文／王小明"): the
    article's byline, which no neighbour takes with it."""
    pair = _TEMPLATE.fullmatch(text)
    return pair is not None and _writer_role(pair.group(1))


# Rules whose lines are page widgets: a short label between two of them is one more.
_WIDGET_VERDICTS = ("prompt:share-bar", "nav:", "meta:counter", "prompt:follow", "ad:")


# The account card a WeChat page ends with: its name, then "Weixin ID …" / "微信号 …".
_ACCOUNT_ID = re.compile(r"[\W_]*" + R.WECHAT_ACCOUNT_ID + r"[\W_]*")
_ORIGINAL = r"[\W_]*(Original|原创|原創)"
_ORIGINAL_MARK = re.compile(_ORIGINAL + r"\s+")


_ORIGINAL_ALONE = re.compile(_ORIGINAL + r"[\W_]*")
_HEADER_AUTHOR = 12  # characters at most of the author WeChat's header names


def original_mark(lines: list[Line], rules: Rules) -> None:
    """``meta:original-mark`` -- WeChat's header set one field a line above the post:
    the "原创" badge, then the author, then the account (which ``edge:outlet-name``
    took): the badge, and the short line between it and the account."""
    if not rules.on("meta:original-mark"):
        return
    for i, ln in enumerate(lines):
        if is_prose(ln) and ln.verdict is None:
            return  # (only above the post's first paragraph)
        if ln.verdict is not None or _fixed(ln) or not _ORIGINAL_ALONE.fullmatch(ln.text):
            continue
        ln.verdict = "meta:original-mark"
        if i + 2 < len(lines):
            author, account = lines[i + 1], lines[i + 2]
            if (author.verdict is None and not _fixed(author) and _length(author.text) <= _HEADER_AUTHOR
                    and not _sentence(author) and (account.verdict or "").startswith("edge:outlet-name")):
                author.verdict = "meta:original-mark"
        return


def account_name(lines: list[Line], rules: Rules) -> None:
    """The name of the account that published a WeChat article, read off its card
    (the short line right above the removed "Weixin ID cdsbnc" line), is the page's
    masthead wherever it stands alone ("北京新闻广播" above the title, in the card),
    and so is the line that marks it as the author ("Original 小世儿 世界说")."""
    if not rules.on("edge:outlet-name"):
        return
    names = set()
    for i, ln in enumerate(lines):
        if i and (ln.verdict or "").startswith("nav:") and _ACCOUNT_ID.fullmatch(ln.text):
            above = lines[i - 1]
            if (above.verdict in (None, "edge:outlet-name") and not _fixed(above) and not above.caption and 2 <= _length(above.text) <= 12
                    and not _sentence(above)):
                names.add(above.text.strip())
    if not names:
        return
    for ln in lines:
        text = ln.text.strip()
        if ln.verdict is None and not _fixed(ln) and (text in names or (
                _ORIGINAL_MARK.match(text) and _length(text) <= 16 and any(text.endswith(n) for n in names))):
            ln.verdict = "edge:outlet-name"


# A field of a document's record: what an archive or a read-later app prints as a card
# around the text it keeps ("标题： …", "发表日期： 2024.1.9", "主题归类： 中国教育", "CDS收藏： 公民馆").
_RECORD_FIELD = re.compile(r"\s*(?P<label>标题|標題|题目|題目|发表日期|發表日期|发布日期|發布日期|发布时间|發布時間|日期|时间|時間|来源|來源|"
                    r"作者|主题归类|主題歸類|主题|主題|分类|分類|归类|歸類|栏目|欄目|标签|標籤|关键词|關鍵詞|收藏|[A-Z]{2,5}收藏|"
                    r"原文链接|原文鏈接|原文网址|原文網址|链接|鏈接|网址|網址|(?i:title|date|published|source|author|tags|category|url))"
                    r"\s*[:：]\s*\S.{0,80}")
_RECORD_TITLE = re.compile(r"\s*(标题|標題|题目|題目|(?i:title))\s*[:：]")
_RECORD_MIN = 3  # fields in a row at least


def field_block(lines: list[Line], rules: Rules) -> None:
    """``meta:field-block`` -- a document's record printed around its text: three or more
    field lines in a row (:data:`_RECORD_FIELD`), of three different fields or more, one of them
    the title.  An article's own list of facts never names its title as a field."""
    if not rules.on("meta:field-block"):
        return
    run: dict[int, re.Match[str]] = {}  # the fields in a row so far (removed lines between them allowed)
    for i, ln in enumerate([*lines, None]):
        if ln is not None and ln.verdict is not None:
            continue
        field = _RECORD_FIELD.fullmatch(ln.text) if ln is not None and not _fixed(ln) else None
        if field is not None:
            run[i] = field
            continue
        if (len(run) >= _RECORD_MIN and len({m.group("label").lower() for m in run.values()}) >= _RECORD_MIN
                and any(_RECORD_TITLE.match(lines[k].text) for k in run)):
            for k in run:
                lines[k].verdict = "meta:field-block"
        run = {}


# The counter on WeChat's card of an account embedded in a post ("632篇原创内容"), and the
# card's label under it ("公众号").
_CARD_COUNT = re.compile(r"\s*\d+\s*篇(原创|原創)(内容|內容)\s*")
_CARD_LABEL = re.compile(r"\s*(公众号|公眾號|视频号|視頻號|小程序)\s*|[\W_]+")
_CARD_NAME = 16    # characters at most of the account's name on the card ...
_CARD_SLOGAN = 30  # ... and of its one-line slogan


def account_card(lines: list[Line], rules: Rules) -> None:
    """``box:account-card`` -- WeChat's card of an account, embedded in a post: the
    account's name, its slogan, "632篇原创内容", "公众号" (and the comma the card's
    markup leaves after it).  Read off the counter: the labels under it and at most
    the two short lines over it, the slogan and the name, each no report."""
    if not rules.on("box:account-card"):
        return
    for i, ln in enumerate(lines):
        if ln.verdict is not None or _fixed(ln) or not _CARD_COUNT.fullmatch(ln.text):
            continue
        card = [i]
        for j in range(i + 1, min(i + 3, len(lines))):
            if lines[j].verdict is not None or _fixed(lines[j]) or not _CARD_LABEL.fullmatch(lines[j].text):
                break
            card.append(j)
        for k, limit in ((i - 1, _CARD_SLOGAN), (i - 2, _CARD_NAME)):
            above = lines[k] if k >= 0 else None
            if (above is None or above.verdict is not None or _fixed(above) or above.caption
                    or _length(above.text) > limit or _REPORTING.search(above.text) or _SPEECH.search(above.text)):
                break
            card.append(k)
        for j in card:
            lines[j].verdict = "box:account-card"


def neighbours(lines: list[Line], rules: Rules) -> None:
    """A short line with the template of removed neighbours, in the same block, or
    between two removed widget lines (a share bar one token a line: "分享到：", "微信",
    "QQ空间", "阅读 2.3万")."""
    n = len(lines)
    if rules.on("neighbour:widget"):
        for i in range(1, n - 1):
            ln, above, below = lines[i], lines[i - 1], lines[i + 1]
            if (ln.verdict is None and (above.verdict or "").startswith(_WIDGET_VERDICTS)
                    and (below.verdict or "").startswith(_WIDGET_VERDICTS)
                    and not _fixed(ln) and not ln.caption and _length(ln.text) <= 8 and not _sentence(ln)
                    and not furniture(ln)):  # (a byline between two share bars is the byline)
                ln.verdict = "neighbour:widget"
    if rules.on("neighbour:template"):
        changed = True
        while changed:
            changed = False
            for i, ln in enumerate(lines):
                if ln.verdict or _fixed(ln) or ln.caption:
                    continue
                m = _TEMPLATE.fullmatch(ln.text)
                if not m or _writer_role(m.group(1)) or ln.tag in HEADING_TAGS:
                    continue  # (a subheading "引言：…" is no credit)
                for k in (i - 1, i + 1):
                    if 0 <= k < n and lines[k].verdict and not (lines[k].verdict or "").startswith("neighbour:block"):
                        other = _TEMPLATE.fullmatch(lines[k].text)
                        if other and other.group(2) == m.group(2):
                            ln.verdict = "neighbour:template"
                            changed = True
                            break
        _own_term_list(lines)
    if rules.on("neighbour:ad-box"):
        _ad_boxes(lines)
    if rules.on("neighbour:block"):
        blocks: dict[int, list[Line]] = {}
        for ln in lines:
            if ln.seg is not None:
                blocks.setdefault(id(ln.el), []).append(ln)
        for group in blocks.values():
            gone = sum(1 for ln in group if ln.verdict)
            if gone < 2 or gone * 2 < len(group):
                continue
            for ln in group:
                if ln.verdict is None and not _fixed(ln) and not ln.caption and _length(ln.text) <= 8 \
                        and not _sentence(ln) and not _writer_byline(ln.text):
                    ln.verdict = "neighbour:block"


_TERM_LIST = 5  # items of a list that each name a term: the article's, when rules knew few of them
_TERM = re.compile(r"\s*[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{0,7}\s*[:：]\s*\S")


def _own_term_list(lines: list[Line]) -> None:
    """Undo the template's spread over the article's own list of terms ("文本：总结或
    自动化内容" / "翻译：翻译跨语言内容" / "图像：生成图像" …): :data:`_TERM_LIST` list
    items or more in a row, each a term and its colon, where the template took some and
    a rule took fewer than a third (one looked like a translator's credit).  A block of
    credits is mostly roles that the rules know."""
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and not ln.text.strip():
            continue
        if ln is not None and ln.in_list and _TERM.match(ln.text):
            run.append(ln)
            continue
        spread = sum(1 for r in run if r.verdict == "neighbour:template")
        ruled = sum(1 for r in run if r.verdict and r.verdict != "neighbour:template")
        if spread and len(run) >= _TERM_LIST and 3 * ruled < len(run):
            for r in run:
                r.verdict = None
        run = []


# An advertisement's label, the whole line (not "continue reading", which marks where
# an advertisement was, around the article's own text).
_AD_LABEL = re.compile(r"(?i)[\W_]*(廣告|广告|推廣|推广|業配|业配|贊助內容|赞助内容|advertisement|advertising|ad|ads|sponsored"
                       r"( content)?|promoted|paid (post|content))[\W_]*")
_AD_BOX_LINES = 4   # lines in the element an advertisement's label sits in, at most
_AD_LINE_CHARS = 40  # an advertisement's own line: a slogan, an offer


def _ad_boxes(lines: list[Line]) -> None:
    """``neighbour:ad-box`` -- the lines of the element an advertisement's label sits
    in (``<div class="ad-slot"><span>廣告</span><p>秋日限定…憑本報截圖享九折</p></div>``):
    the label marks its box.  Only a small element below the fragment's root (a page
    that wraps the whole article in one ``<div>`` with a label in it is no box), and
    only short lines that are no prose, caption or fixed line."""
    for ln in lines:
        if ln.verdict != "ad:marker" or not _AD_LABEL.fullmatch(ln.text):
            continue
        box = ln.el.getparent()
        if box is None or box.getparent() is None:
            continue  # the label stands in the fragment itself
        inside = [other for other in lines if other is not ln and _within(other.el, box)]
        if not inside or len(inside) >= _AD_BOX_LINES:
            continue
        if all(other.verdict or (not _fixed(other) and not other.caption and not is_prose(other)
                                 and len(other.text) <= _AD_LINE_CHARS) for other in inside):
            for other in inside:
                if other.verdict is None:
                    other.verdict = "neighbour:ad-box"


def _within(el: Any, box: Any) -> bool:
    return any(parent is box for parent in el.iterancestors())


# ---------------------------------------------------------------------------
# 7. The tail after a confident end marker
# ---------------------------------------------------------------------------

# Markers after which nothing of the article comes ...
_END_MARKERS = ("rights:", "credit:end-mark", "prompt:feed-footer", "nav:footer")
# ... and prompts that end an article when more junk follows them (a newsletter box
# may also sit between two paragraphs, with the article going on below it).
_END_PROMPTS = ("prompt:subscribe", "prompt:newsletter", "prompt:donate", "prompt:donation-appeal",
                "prompt:support-journalism", "edge:promo-box", "prompt:follow", "prompt:app", "prompt:coffee",
                "prompt:liked-article", "credit:editor")
_TAIL_LINES = 3     # at most this many lines left after the marker ...
_TAIL_SHARE = 0.5   # ... holding at most this share of the text above it


# (著有, 現任, 曾任, 畢業於: a curriculum vitae -- "著有《板間房的孩子》", "現任某大學副教授")
_BIO_WORDS = re.compile(r"專欄|专栏|作者|筆名|笔名|執筆|执笔|撰稿|撰述|主筆|主笔|特約|特约|文字工作者|粉絲專頁|粉丝专页|公眾號|公众号|部落格|博客|個人網站|个人网站|"
                        r"著有|現任|现任|曾任|畢業於|毕业于|"
                        r"(?i:\b(column|columnist|author|writer|newsletter|blog|podcast)s?\b)")


# A column's label opening its blurb: "【郭偉文・吐露觀】", "[王五｜周日談]".
_COLUMN_LABEL = re.compile(r"\s*[【\[]\s*[^】\]\s]{1,12}\s*[・·‧｜|]\s*[^】\]]{1,16}[】\]]")


def _bio(ln: Line) -> bool:
    """A line about the writer or the outlet (a bio, a column's blurb): it names the
    column or the author and reports nothing (no reporting verb, quote or figure)."""
    t = ln.text
    if _REPORTING.search(t) or _SPEECH.search(t) or re.search(r"\d", t):
        return False
    return bool(_BIO_WORDS.search(t) or _SELF.search(t) or _OUTLET.search(t) or _COLUMN_LABEL.match(t))


# A name in Title Case, one to four words (a name may hold a lower-case particle: "Mark
# di Stefano", "Ludwig van Beethoven").
_TITLE_CASE_NAME = r"[A-Z][\w'’.-]+(?: (?:(?:de|di|da|du|van|von|der|den|la|le|bin|al)\s)?[A-Z][\w'’.-]+){0,3}"
# A person's name alone: two to four Chinese characters (a "·" between the parts of a
# transcribed name), or two to four capitalised words.
_NAME_ONLY = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·・][\u4e00-\u9fff]{1,8}|" + _TITLE_CASE_NAME)


_END_WORD = re.compile(r"[（(【〔]?\s*(完|全文完|END|end)\s*[）)】〕]?")


_BYLINE_LINE_MAX = 80  # characters: a byline ("撰文／賴允中　攝影／鄭書豪"), not a paragraph
_NAME_SPLIT = re.compile(r"[、和與与&]")


def _writers(lines: Iterable[Line]) -> frozenset[str]:
    """The names the article's bylines give its writers ("撰文／賴允中" -> 賴允中;
    "文｜王小明、李华" -> both), whatever a rule judged the line."""
    names: set[str] = set()
    for ln in lines:
        if len(ln.text) <= _BYLINE_LINE_MAX and (m := _WRITER_PAIR.search(ln.text)) is not None:
            named = m.group("names")  # (after the role, its separator and the writer's title)
            names.update(n for n in _NAME_SPLIT.split(named) if len(n) >= 2)
    return frozenset(names)


_WRITER_BOX_HEADING = 40  # characters: the box's heading, a name or a short byline
_WRITER_BOX_LINES = 6     # lines a box about the writer holds at most (name, bio, links)


def _after_end_mark(lines: list[Line], marker: int) -> bool:
    """An end mark ("— 完 —", "-END-") stands at or above ``marker`` with no running
    text between them: the article has ended above the marker."""
    for k in range(marker, -1, -1):
        if lines[k].verdict == "credit:end-mark":
            return True
        if _running(lines[k]):
            return False
    return False


def _writer_box(lines: list[Line], tail: list[int], marker: int) -> bool:
    """The tail is a box about the writer: its first line is only the name of a writer
    the article's byline gives ("賴允中" under the portrait), or that byline again
    ("撰文｜陳芷晴 Kiki"), or -- below the article's end mark -- a name alone over a
    line that says who they write for ("林沛恩" / "她目前是《山海誌》的特約撰述，…": the
    article may have no byline), and none of the lines under it reports (a bio says who
    they are, "前汽車雜誌編輯，…")."""
    first = lines[tail[0]].text.strip(" \t*:：")
    if len(first) > _WRITER_BOX_HEADING or _fixed(lines[tail[0]]):
        return False
    # (the heading's names first: the article's bylines are read only for a heading that names someone)
    name_alone = _NAME_ONLY.fullmatch(first) is not None
    heading = {first} if name_alone else _writers([lines[tail[0]]])
    if not heading:
        return False
    byline_writer = bool(heading & _writers(lines[:marker]))
    ended = _after_end_mark(lines, marker)
    if not (byline_writer or name_alone and ended and any(_bio(lines[i]) for i in tail[1:])):
        return False
    # (below the end mark, the box about the byline's writer may say what they say:
    # "她说，比起灾难本身，她更想写的是…" -- the verb's subject is the writer, no source)
    own_words = re.compile(r"[\W_]*(她|他|(?i:she|he)\b|" + "|".join(map(re.escape, heading)) + r")") \
        if byline_writer and ended else None
    return all(not (_REPORTING.search(lines[i].text) and not (own_words and own_words.match(lines[i].text)
                                                                and not _QUOTED.search(lines[i].text)))
               and not _SPEECH.search(lines[i].text) for i in tail[1:])


def _byline_only(ln: Line) -> bool:
    """A line that is only the writer's credit: ">/ 作者：卡兹克", "文｜王五"."""
    m = _WRITER_PAIR.search(ln.text)
    return m is not None and not re.sub(r"[\W_]", "", ln.text[:m.start()] + ln.text[m.end():])


def tail_closure(lines: list[Line], rules: Rules) -> None:
    """After the last end marker, a short tail with no article prose goes."""
    if not rules.on("tail:after-end"):
        return
    ends = _END_MARKERS + _END_PROMPTS
    # the last marker with a line left under it (a copyright line may close the page
    # under the box, below the end mark: "—— 完 ——", the writer's box, "© 2026 …")
    # (never past the article's own end mark: what stands above "（完）" is the article's)
    marker = tail = None
    for i in range(len(lines) - 1, -1, -1):
        if (lines[i].verdict or "").startswith(ends):
            marker, tail = i, [k for k in range(i + 1, len(lines)) if lines[k].verdict is None]
            if tail or lines[i].verdict == "credit:end-mark":
                break
    if marker is None or not tail:
        return
    writer_box = _writer_box(lines, tail, marker)
    # under the editors' credit, a source note or a byline is the article's own ending
    # ("来源：中国气象局", "记者 王小明"): the credit is no end there
    if lines[marker].verdict == "credit:editor" and not writer_box and any(
            _SOURCE_NOTE.search(lines[i].text) or _BYLINE_WORDS.search(lines[i].text) for i in tail):
        return
    # (a byline alone, ">/ 作者：卡兹克", is the article's signature; over a bio it heads the box)
    bylines = [i for i in tail if _byline_only(lines[i])]
    signed = bool(bylines) and not any(_bio(lines[i]) for i in tail if i not in bylines)
    # (a prompt below the article's end mark -- "-END-", then "长按识别二维码…" -- ends it as surely)
    ended = _after_end_mark(lines, marker)
    final = (lines[marker].verdict or "").startswith(_END_MARKERS) or ended
    if not writer_box and not final and (signed or not all(
            _bio(lines[i]) or not (_running(lines[i]) or furniture(lines[i]) or _END_WORD.fullmatch(lines[i].text))
            for i in tail)):
        # a newsletter box may sit between two paragraphs: after a prompt only a box
        # about the writer or the outlet, or labels that are no sentence ("博客 | 王五",
        # "月費訂戶 網址：…"), go -- never a line that reports, a byline or "（完）"
        return
    above = sum(len(ln.text) for ln in lines[:marker] if ln.verdict is None)
    size = sum(len(lines[i].text) for i in tail)
    # a box about the writer (their name under a portrait, a bio) goes whatever its size:
    # none of its lines reports anything
    bio_box = writer_box or all(_bio(lines[i]) for i in tail)
    # (under an end mark -- "-END-", "ENDS", "（完）" -- the page's box may run a little longer:
    # "Using Scoop for work?" / its pitch / "Join Pro …" / "Find more from …")
    # (only a box whose sentences are about the outlet: the article's notes may follow the mark)
    boxed = ended and all(_bio(lines[i]) or not _running(lines[i]) for i in tail)
    most = _WRITER_BOX_LINES if writer_box or boxed else _TAIL_LINES
    if len(tail) > most or (size > _TAIL_SHARE * above and not bio_box) \
            or not any(is_prose(ln) for ln in lines[:marker]):
        return
    for i in tail:
        # a caption goes only as part of a box about the writer ("关于作者" under a portrait),
        # or as the portrait of the one a line of the tail is about (its name opens that line)
        # (or a name and nothing else, over a bio of the tail: "林映秋" under the portrait,
        # "亞太之聲駐曼谷記者，二〇一六年加入本台…")
        name = lines[i].text.strip()
        # (the name may come with its role: "記者：區嘉欣" over "區嘉欣畢業於…")
        # (or the name, then the role: "邱恩霈｜地方線記者" over "畢業於…傳播系，…")
        named = {name, *_writers([lines[i]])}
        name_alone = lines[i].caption and bool(_NAME_ONLY.fullmatch(name) or _NAME_ROLE.fullmatch(name))
        portrait = lines[i].caption and len(name) >= 2 and any(
            k != i and (any(lines[k].text.startswith(n) for n in named) or (name_alone and _bio(lines[k])))
            for k in tail)
        # ("關於營養師 吳佩蓉" under the portrait heads the box: "關於X" is no caption)
        if not _fixed(lines[i]) and (not lines[i].caption or bio_box or _bio(lines[i]) or portrait
                                     or _ABOUT_HEADING.fullmatch(name)):
            lines[i].verdict = "tail:after-end"


# A writer's name, then their role after a bar: "邱恩霈｜地方線記者", "林知夏 / 特約撰述".
_NAME_ROLE = re.compile(r"[\u4e00-\u9fff·]{2,5}\s*[|｜/／]\s*[\u4e00-\u9fff]{0,8}"
                        r"(?:[記记]者|[編编]輯|[編编]辑|作者|撰述|主[筆笔]|主[編编]|特派[員员]|[專专]欄作家|[專专]栏作家|攝影師|摄影师)")


_FOOTER_GAP = 3     # lines at most between two footer lines
_FOOTER_LINE = 300  # characters: a notice, not a paragraph


def footer_block(lines: list[Line], rules: Rules) -> None:
    """``tail:footer-block`` -- the few lines between two lines of a site's footer
    (a copyright line, a footer menu, a feed footer) below the article: a disclaimer,
    a licence number.  Only short lines, never a table, footnote or caption, and only
    with prose above the block."""
    if not rules.on("tail:footer-block"):
        return
    marks = [i for i, ln in enumerate(lines) if (ln.verdict or "").startswith(_END_MARKERS)]
    for a, b in zip(marks, marks[1:]):
        gap = [j for j in range(a + 1, b) if lines[j].verdict is None]
        if not gap or len(gap) > _FOOTER_GAP or any(
                len(lines[j].text) > _FOOTER_LINE or _fixed(lines[j]) or lines[j].caption for j in gap):
            continue
        if not any(is_prose(ln) for ln in lines[:a]):
            continue
        for j in gap:
            lines[j].verdict = "tail:footer-block"


# The heading of a legal notice under a post: "法律声明", "一般声明", "特别提示", "Legal Disclaimer"
# (not "风险提示": a research note's risks are its own text).
_LEGAL_HEADING = re.compile(r"[\W_]*((法律|免责|免責|一般|重要|特别|特別|版权|版權)(声明|聲明)|(特别|特別|重要)提示"
                            r"|(?i:(legal )?disclaimers?|legal notice|important (notice|information)))[\W_]*")
# What every line of such a notice speaks of: liability, accuracy, advice, rights, the subscriber.
_LEGAL_WORDS = re.compile(r"不构成|不構成|不作任何|保证|保證|责任|責任|风险|風險|法律|投资建议|投資建議|订阅者|訂閱者|"
                          r"转发|轉發|版权|版權|授权|授權|免责|免責|承担|承擔|准确性|準確性|"
                          r"(?i:disclaim|liabilit|warrant|not constitute|investment advice|responsib|accuracy|copyright)")
_LEGAL_LABEL = 20  # characters: the notice's own subheadings ("一般声明", "特别提示")


def _notice_line(ln: Line) -> bool:
    """A line of a legal notice: one of its short subheadings, or a line about liability,
    advice or rights; never the article's footnote, caption or quotation."""
    t = ln.text
    if _fixed(ln) or ln.caption or footnote(ln) or _SPEECH.search(t):
        return False
    return bool(_LEGAL_WORDS.search(t)) or (len(t) <= _LEGAL_LABEL and not SENTENCE_STOP.search(t))


def legal_notice(lines: list[Line], rules: Rules) -> None:
    """``tail:legal-notice`` -- a legal notice that closes the page: a heading of
    :data:`_LEGAL_HEADING`, then to the end only the notice's short subheadings and
    lines that speak of liability, advice or rights (:data:`_LEGAL_WORDS`) -- a broker's
    research account prints one under every post ("本公众号不是…研究报告的发布平台…").
    All or nothing, only below two paragraphs of prose, never a footnote or caption."""
    if not rules.on("tail:legal-notice"):
        return
    for h, ln in enumerate(lines):
        if len(ln.text) > 30 or not _LEGAL_HEADING.fullmatch(ln.text) or _fixed(ln):
            continue
        if sum(1 for x in lines[:h] if x.verdict is None and is_prose(x)) < 2:
            return
        scope = [j for j in range(h + 1, len(lines)) if lines[j].verdict is None]
        if not scope or not all(_notice_line(lines[j]) for j in scope):
            return
        for j in [h, *scope]:
            if lines[j].verdict is None:
                lines[j].verdict = "tail:legal-notice"
        return


# A source note closing the story ("来源：中国气象局") is the article's own, even under an end mark.
_SOURCE_NOTE = re.compile(r"来源|來源|出處|出处|(?i:\bsources?\b)")
_BETWEEN_MAX = 6    # lines at most between two junk lines under the article ...
_BETWEEN_LINE = 40  # ... each at most this long: labels, not a paragraph


def between_junk(lines: list[Line], rules: Rules) -> None:
    """``tail:between-junk`` -- below the article's last run of prose, the few short
    labels that stand between two lines a page rule removed ("微信编辑：…" / "听广播：AM828" /
    "看微博：…" / "微信号：" / "预览时标签不可点") belong to the page's furniture around
    them.  All or nothing: not one of them may be a sentence, a byline, a caption, a
    footnote, a table, an end mark or a source note; the lines between the last paragraph and the first
    removed line are the article's own ending and are not judged here."""
    if not rules.on("tail:between-junk"):
        return
    runs = [r for r in _prose_runs(lines) if len(r) >= 2]
    if not runs:
        return
    signals = [i for i in range(runs[-1][-1] + 1, len(lines)) if (lines[i].verdict or "").startswith(_TAIL_SIGNALS)]
    if len(signals) < 2:
        return
    between = [i for i in range(signals[0] + 1, signals[-1]) if lines[i].verdict is None]
    if not between or len(between) > _BETWEEN_MAX:
        return
    for i in between:
        ln = lines[i]
        if (len(ln.text) > _BETWEEN_LINE or _sentence(ln) or _fixed(ln) or ln.caption or furniture(ln)
                or _BYLINE_WORDS.search(ln.text) or _END_WORD.fullmatch(ln.text) or _SOURCE_NOTE.search(ln.text)):
            return
    for i in between:
        lines[i].verdict = "tail:between-junk"


# ---------------------------------------------------------------------------
# 5b. What follows the article
# ---------------------------------------------------------------------------

# The shortest tail (lines no rule removed) worth judging as a whole: a few lines
# after the last paragraph are more likely the article's own ending.
_AFTER_MIN = 6
# A line of prose this long is an article's paragraph wherever it stands (teasers,
# comments and captions of other stories are shorter): never removed here.
_LONG_PROSE = 200


# Rules whose removal after the last paragraph opens the page around the article:
# lists and menus, prompts and promos, credits, copyright, counters, ads.  (Not an
# image credit or a repeated caption: pictures sit between paragraphs.)
_TAIL_SIGNALS = ("list:", "nav:", "prompt:", "promo:", "rights:", "credit:editor", "credit:end-mark",
                 "credit:original-title", "credit:cna", "ad:", "meta:counter", "page:", "edge:promo", "box:",
                 "notice:")


def _running(ln: Line) -> bool:
    """A sentence of the article's running text, kept so far (a paragraph that follows
    a picture counts, though the line model calls it a caption)."""
    return ln.verdict is None and ln.tag not in OPAQUE and _sentence(ln)


def _prose_runs(lines: list[Line], apart: frozenset[int] = frozenset()) -> list[list[int]]:
    """Runs of the article's running text: lines of prose with at most one other kept
    line between two of them (a subheading, a caption); lines a rule removed do not
    count (a related box inside the article does not end it).  Lines in ``apart``
    (prose outside the article's main block) are no running text."""
    runs: list[list[int]] = []
    gap = 0
    for i, ln in enumerate(lines):
        if ln.verdict is not None:
            continue
        if _running(ln) and i not in apart:
            if runs and gap <= 1:
                runs[-1].append(i)
            else:
                runs.append([i])
            gap = 0
        else:
            gap += 1
    return runs


# An article's ending (graphics notes, credits, a caption) is a few lines: this many
# short lines (at most _LIST_ITEM long) and no sentence among them are a list.
_LIST_ENDING = 12
_LIST_ITEM = 60
_HEADLINE_MEAN = 10  # ... headlines, not a list of names or places: long enough on average
# ... but rows of figures ("巴西 ６７万２８４６ ３万５９３０") in a third of its lines or
# more make it the article's table.
_FIGURE_ROWS = 3
_FIGURE_SHARE = 0.3


def _figures(text: str) -> bool:
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and sum(1 for c in chars if c.isdigit()) >= _FIGURE_SHARE * len(chars)


def _headline_list(lines: list[Line], span: list[int]) -> bool:
    """``span`` (kept lines) is a list of headlines: ``_LIST_ENDING`` short lines or
    more, no sentence among them, headline-long on average, few rows of figures."""
    return (len(span) >= _LIST_ENDING and not any(_running(lines[i]) for i in span)
            and all(_length(lines[i].text) <= _LIST_ITEM for i in span)
            and sum(_length(lines[i].text) for i in span) >= _HEADLINE_MEAN * len(span)
            and sum(1 for i in span if _figures(lines[i].text)) * _FIGURE_ROWS < len(span))


# Teasers of other stories: this many units or more, each one paragraph under two or
# more short lines of its own (kicker, headline, source or date), and most of the
# tail's paragraphs stand so.  The article's own paragraphs follow one another.
_TEASER_UNITS = 5
_TEASER_SHARE = 0.6


# A run of two or three lines of prose inside a list of teasers is one teaser read as
# two paragraphs (a headline with full stops: "Quickly Collect Signatures. Anywhere
# And On Any Device."), or two teasers glued by a kicker, not the article's ending.
_TEASER_RUN = 3


def _teaser_units(lines: list[Line], span: list[int]) -> tuple[int, int]:
    """(units, paragraphs) of ``span`` (kept lines): a unit is a paragraph under two
    or more short lines of its own (kicker, headline, source or date)."""
    units = paragraphs = above = 0
    for i in span:
        if _running(lines[i]):
            paragraphs += 1
            units += above >= 2
            above = 0
        else:
            above += 1
    return units, paragraphs


def _teasers(lines: list[Line], tail: list[int]) -> bool:
    """The tail's paragraphs are units of an aggregator's list, however much text they hold."""
    units, paragraphs = _teaser_units(lines, tail)
    return units >= _TEASER_UNITS and units >= _TEASER_SHARE * paragraphs


def _article_end(lines: list[Line], runs: list[list[int]]) -> int:
    """The last line of the article's running text: the end of the last run of prose,
    or of an earlier run when all that follows it is a list of teasers
    (:func:`_teasers`).  The walk up passes a run only when it is short and the stretch
    from the run before it up to its end is itself made of teasers (half its
    paragraphs or more stand under two short lines): the article's paragraphs follow
    one another, and stop it."""
    end = runs[-1][-1]
    kept = [i for i, ln in enumerate(lines) if ln.verdict is None]
    for k in range(len(runs) - 1, 0, -1):
        before = runs[k - 1][-1]
        after = bisect_right(kept, before)  # the kept lines after the run before this one
        stretch = kept[after:bisect_right(kept, runs[k][-1])]
        units, paragraphs = _teaser_units(lines, stretch)
        if len(runs[k]) > _TEASER_RUN or units < 2 or units * 2 < paragraphs or not _teasers(lines, kept[after:]):
            break
        end = before
    return end


def title_again(lines: list[Line], rules: Rules, title: str | None) -> None:
    """``tail:title-again`` -- the title seen again below the article: a page's widgets
    repeat the headline under it (a preview for sharing, "publication code", a
    print or e-mail box) and the next page's lists follow.  From the first copy of
    the title after the article's first run of prose, the kept lines go, except
    footnotes and tables -- when less running text follows the copy than precedes it
    (an article does not print its own headline again between its paragraphs)."""
    if not title or not rules.on("tail:title-again"):
        return
    keys = headline_keys(title)
    runs = [r for r in _prose_runs(lines) if len(r) >= 2]
    if not keys or not runs:
        return
    again = next((i for i in range(runs[0][-1] + 1, len(lines))
                  if lines[i].verdict is None and len(lines[i].text) <= 2 * len(title) + 20
                  and title_key(lines[i].text) in keys), None)
    if again is None:
        return
    before = sum(len(ln.text) for ln in lines[:again] if _running(ln))
    after = sum(len(ln.text) for ln in lines[again + 1:] if _running(ln))
    if after >= before:
        return
    for ln in lines[again:]:
        if ln.verdict is None and not _fixed(ln):
            ln.verdict = "tail:title-again"


_RELATED_LIST = ("list:more-", "list:heading-run")


def after_article(lines: list[Line], rules: Rules) -> None:
    """``doc:after-article`` -- what a pasted page shows after the article: teasers
    of other stories (headline, author, date, one paragraph), comments, menus.

    The article ends with its last run of two or more lines of prose
    (:func:`_prose_runs`); after it, a tail of at least ``_AFTER_MIN`` kept lines in
    after the first line a rule removed there (a related heading, tags, a share bar, a
    credit), in which no two lines of prose follow each other, goes -- except a
    footnote, a table, a timeline or numbered item and a long paragraph
    (``_LONG_PROSE``).  What stands between the last paragraph and that first removed
    line is the article's own ending, unless it is a list of headlines
    (:func:`_headline_list`): then the tail starts there.  Never when the last
    paragraph introduces a list (it ends with a colon)."""
    if not rules.on("doc:after-article"):
        return
    # blocks of prose far below the article (the document model's detached lines:
    # blurbs of a promo box after a long list) do not end it
    runs = [r for r in _prose_runs(lines, model(lines).detached) if len(r) >= 2]
    if not runs:
        return
    end = _article_end(lines, runs)
    if _INTRO_END.search(lines[end].text):
        return
    # the tail starts where a rule first removed something after the last paragraph:
    # what stands between them is the article's own ending (graphics notes, a caption)
    signal = next((i for i in range(end + 1, len(lines)) if (lines[i].verdict or "").startswith(_TAIL_SIGNALS)),
                  None)
    if signal is None:
        return
    # ... unless that stretch is itself a list: many short lines, not one of them
    # a sentence (a page's list of headlines pasted under the article)
    ending = [i for i in range(end + 1, signal) if lines[i].verdict is None]
    if _headline_list(lines, ending):
        signal = ending[0] - 1
    tail = [i for i in range(signal + 1, len(lines)) if lines[i].verdict is None]
    if len(tail) < _AFTER_MIN:
        return
    article = sum(len(lines[i].text) for r in runs for i in r)
    teasers = _teasers(lines, tail)
    if sum(len(lines[i].text) for i in tail if _running(lines[i])) >= article and not teasers:
        return  # more running text after than before: not a tail
    if not teasers and _article_goes_on(lines, tail):
        return  # the removed line was a box inside the article, not its end
    numbered = _numbered(lines, tail)
    # (a byline right under the end stays -- the article's, below a share bar -- but not
    # below a list of related stories: there it is a teaser's)
    related = next((j for j in range(signal, len(lines)) if (lines[j].verdict or "").startswith(_RELATED_LIST)), len(lines))
    above = 0
    for k, i in enumerate(tail):
        ln = lines[i]
        running = _running(ln)
        # a long paragraph stays, unless it is one more unit of a list of teasers
        long_kept = running and len(ln.text) > _LONG_PROSE and not (teasers and above >= 2)
        above = 0 if running else above + 1
        # (a date alone is no timeline item: nothing happens in it)
        timeline = _ENUMERATED.match(ln.text) and not _DATE_ONLY.fullmatch(ln.text)
        if (_fixed(ln) or ln.in_ol or (timeline and (i in numbered or not _COUNT_FIRST.match(ln.text)))
                or long_kept or (k < 3 and i < related and furniture(ln))):
            continue
        ln.verdict = "doc:after-article"


def _article_goes_on(lines: list[Line], tail: list[int]) -> bool:
    """The article's own shapes in the tail: a subheading (no link) with a paragraph of
    prose right under it, or over a list of two items or more that link nowhere (the
    game's box score under "本場數據"), or a sentence ending in a colon over the list it
    introduces.  A page's teasers and menus have none of them."""
    for k, i in enumerate(tail[:-1]):
        ln, below = lines[i], lines[tail[k + 1]]
        if tail[k + 1] != i + 1:
            continue
        if ln.tag in HEADING_TAGS and not ln.link_chars and _running(below):
            return True
        items = tail[k + 1:k + 3]
        if ln.tag in HEADING_TAGS and not ln.link_chars and len(items) == 2 and items[1] == i + 2 \
                and all(lines[j].in_list and not lines[j].link_chars for j in items):
            return True
        if _INTRO_END.search(ln.text) and _sentence_like_intro(ln) and below.in_list and not below.link_chars:
            return True
    return False


# A line that opens with a bare figure ("3 diggs Video", "12 comments") is a numbered
# item only in a numbered list: the figures count up one by one, and the words after
# them differ (a counter repeats its unit: "1 digg", "2 diggs", "3 diggs").
_COUNT_FIRST = re.compile(r"\s*(\d{1,2})\s+(\w+)")
_NUMBERED_CHAIN = 3
_COUNTER_REPEATS = 3


def _numbered(lines: list[Line], span: list[int]) -> set[int]:
    """The lines of ``span`` that open with a bare figure in a chain of three or
    more such lines counting up by one (1, 2, 3 …), unless the word after the
    figure is the same unit in three or more of them (a counter)."""
    found = [(i, int(m.group(1)), m.group(2).lower().rstrip("s")) for i in span
             if (m := _COUNT_FIRST.match(lines[i].text))]
    units = Counter(unit for _, _, unit in found)
    found = [(i, n) for i, n, unit in found if units[unit] < _COUNTER_REPEATS]
    numbered: set[int] = set()
    chain: list[int] = []
    for k, (i, x) in enumerate(found):
        chain = chain + [i] if k and x == found[k - 1][1] + 1 else [i]
        if len(chain) >= _NUMBERED_CHAIN:
            numbered.update(chain)
    return numbered


# A writer's bio in English: the name, a verb of being, and a role ("Dallas Robinson is
# a freelance writer living in Minneapolis", "Dan Goodin Dan is the Security Editor at
# Ars Technica, which he joined in 2012 …").
_BIO_NAME = re.compile(r"\s*(?:About the author:?\s*)?(?!(?:The|This|That|Our|Its|His|Her|A|An|US|U\.S\.)\b)"
                       # (the name under the portrait glued to a bio that says it again:
                       # "Nazlee Arbee  Nazlee Arbee is a multimedia artist and journalist …")
                       + r"(?P<name>" + _TITLE_CASE_NAME + r")\s+(?:(?P=name)\s+)?(?:is|writes|covers|joined)\b")
# the writer named in the article's byline ("By Steven Mufson"): a line under the
# article that opens with that name and says what they cover is their bio, role or not
# ("Steven Mufson covers the White House. Since joining The Post, …")
_BYLINE_NAME = re.compile(r"\s*(?i:by)\s+(?=[A-Z])")
_BIO_ROLE = re.compile(r"(?i:\b(writer|reporter|editor|author|journalist|correspondent|columnist|contributor|curator|"
                       r"producer|freelancer?|fellow|critic|photographer|blogger)s?\b)")
_BIO_MAX = 400
_BIO_SELF = re.compile(r"\s*(?:(?:Hi|Hello|Hey),?\s+)?I(?:'|’)m\s+(?P<name>" + _TITLE_CASE_NAME + r")\s*,")
_I_WRITE = re.compile(r"\bI (write|run|edit|cover|report on|host)\b")
_BYLINE_MAX = 120
_BIO_HEADING = re.compile(_TITLE_CASE_NAME + r"\s*[:：]?")
_BIO_BELOW = 0.6  # share of the running text above a bio: the article's, in the main


def _author_bio(ln: Line, bylines: tuple[str, ...] = ()) -> str | None:
    """The name a bio opens with when ``ln`` is one, else None. A bio: a name, a
    verb of being or covering, and a role; or, without a role and up to twice as
    long, the name (or the first name) a byline opens with (``bylines``: the
    case-folded text after "By", a date or a follow link maybe glued to the name)."""
    m = _BIO_NAME.match(ln.text) if len(ln.text) <= 2 * _BIO_MAX else None
    if m is None:
        # (or the writer introducing themself: "Hi, I'm Troy Hunt, I write this blog, …")
        own = _BIO_SELF.match(ln.text) if len(ln.text) <= _BIO_MAX else None
        return own.group("name") if own and (_BIO_ROLE.search(ln.text) or _I_WRITE.search(ln.text)) else None
    name = m.group("name")
    folded = name.casefold()
    bylined = any(b.startswith(folded) and not b[len(folded):len(folded) + 1].isalpha() for b in bylines)
    # (the byline's writer may have a longer bio: "Cecily is a tech reporter at … Before …")
    return name if bylined or (len(ln.text) <= _BIO_MAX and _BIO_ROLE.search(ln.text[:160])) else None


def author_bio(lines: list[Line], rules: Rules) -> None:
    """``box:author-bio`` -- the writer's bio under an English article: a bio
    (:func:`_author_bio`) below ``_BIO_BELOW`` of the clipping's running text goes
    (page chrome after it -- footers, newsletter boxes -- may be sentences too)."""
    if not rules.on("box:author-bio"):
        return
    total = sum(len(ln.text) for ln in lines if _running(ln))
    bylines = tuple(ln.text[m.end():].casefold() for ln in lines if len(ln.text) <= _BYLINE_MAX
                    and (m := _BYLINE_NAME.match(ln.text)))
    above = 0
    last: Line | None = None
    last_running = max((i for i, ln in enumerate(lines) if ln.verdict is None and _running(ln)), default=-1)
    for i, ln in enumerate(lines):
        if ln.verdict is not None or ln.tag in OPAQUE:
            continue
        # the name under the writer's portrait is a byline too, for the last running text
        # ("Nadia Ferreira" under the picture, then "Nadia writes about batteries for The Relay.")
        # (or the name alone on its line over it: "Emiliano Bellini" / "Emiliano joined pv magazine …")
        portrait = (last is not None and (last.caption or _NAME_ONLY.fullmatch(last.text) is not None)
                    and last.verdict is None and i == last_running and _BIO_HEADING.fullmatch(last.text) is not None)
        named = (*bylines, last.text.strip(" :：").casefold()) if portrait and last is not None else bylines
        name = _author_bio(ln, named) if above >= _BIO_BELOW * total and not _fixed(ln) else None
        if name is not None:
            ln.verdict = "box:author-bio"
            # the box's own heading: the writer's name the bio opens with (under a portrait)
            # ("Cecily Mauran" over "Cecily is a tech reporter …": the bio may use the first name)
            heading = last.text.strip(" :：") if last is not None else ""
            if last is not None and last.verdict is None and not _fixed(last) and _BIO_HEADING.fullmatch(last.text) \
                    and (ln.text.startswith(heading) or heading.startswith(name + " ") or heading == name):
                last.verdict = "box:author-bio"
        elif _running(ln):
            above += len(ln.text)
        last = ln
    _about_the_author(lines)


# "關於作者：" / "作者简介" / "About the author" over the writer's bio at the end.
# ("關於版主：區卓行": a blog's box names its writer after the colon)
_ABOUT_AUTHOR = re.compile(r"[\W_]*((關於|关于)(作者|筆者|笔者|本文作者|版主|站長|站长|博主)|(本文)?作者(簡介|简介|介紹|介绍)|"
                           r"(版主|博主)(簡介|简介|介紹|介绍)|(?i:about (the )?authors?|about me))([:：︰]\s*[^\s。，,.:：]{1,16})?[\W_]*")
_AUTHOR_BOX_LINES = 5  # (name, portrait, two lines of bio, works)
_AUTHOR_BOX_LINE = 300


def _about_the_author(lines: list[Line]) -> None:
    """The heading "關於作者" (作者简介, About the author) and the few lines under it,
    when no running text of the article follows them: the outlet's box about its
    writer.  (A book review's "作者简介" in mid-article is followed by the review.)"""
    kept = [i for i, ln in enumerate(lines) if ln.verdict is None]
    for k, h in enumerate(kept):
        if not _ABOUT_AUTHOR.fullmatch(lines[h].text) or _fixed(lines[h]):
            continue
        box = []
        for i in kept[k + 1:]:
            ln = lines[i]
            if is_heading(ln) or _fixed(ln) or len(ln.text) > _AUTHOR_BOX_LINE or _REPORTING.search(ln.text):
                break
            box.append(i)
        after = kept[k + 1 + len(box):]
        if not box or len(box) > _AUTHOR_BOX_LINES or any(_running(lines[i]) for i in after):
            continue
        for i in (h, *box):
            lines[i].verdict = "box:author-bio"


# ---------------------------------------------------------------------------
# 8. A heading left alone at the end
# ---------------------------------------------------------------------------

_ORPHAN_LINE = 20  # characters: a heading, not a sentence
# brackets, slashes or figures: the article's closing note ("【案件編號﹕DCCC1072/11】",
# "张慈/邹宗翰 (综合报导)"), not a heading
_CLOSING_NOTE = re.compile(r"[（(【〔\[/／]|\d")
_SECTION_JUNK = ("prompt:", "promo:", "list:", "nav:", "box:", "edge:", "doc:", "tail:", "rights:", "ad:", "credit:article-source",
                 "credit:analyst")


# ---------------------------------------------------------------------------
# A list of cards under the article
# ---------------------------------------------------------------------------

# The lines of a card: a byline ("By Mike Pearl", "作者：王小明"), a date ("05/17/2024",
# "6 hours ago") or a short text (headline, blurb); anything else ends a list of cards.
_CARD_BYLINE = re.compile(r"\s*(?:(?i:by)\s+" + _TITLE_CASE_NAME + r"|(?:作者|記者|记者|文)\s*[:：/／]\s*[^\s。，,]{2,12})\s*")
_AGE = r"(?:(?i:\d{1,2}\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago)|\d{1,2}\s*(?:分钟|分鐘|小时|小時|天)前)"
_CARD_AGE = re.compile(r"\s*" + _AGE + r"\s*"
                       # a card's counter: "Reactions82", "Likes 1.2k"
                       r"|(?i:\s*(?:reactions?|likes?|comments?|shares?|views?)\s*\d[\d,.]*[k萬万]?\s*)")
# who and when on a card: "鏡週刊Mirror Media·2 小時前", "三立新聞網 setn.com·16 小時前"
_CARD_SOURCE_AGE = re.compile(r"\s*[^\s·•|｜]{1,24}(?:\s[^\s·•|｜]{1,24}){0,2}\s*[·•|｜]\s*" + _AGE + r"\s*")
_CARD_TEXT = 160     # characters: a headline or a blurb of a card, not a paragraph
_CARD_BLURB = 400    # characters: a long blurb, in a card that also names its source and its date
_CARD_PERIODS = range(2, 6)  # lines a card holds
_CARD_REPEATS = 3    # cards in a row


def _card_shape(ln: Line) -> str:
    """"B" byline, "D" date, "T" short text, "L" a long blurb, "X" what no card holds."""
    t = ln.text
    if _fixed(ln) or ln.caption:
        return "X"
    if len(t) <= 40 and (_CARD_BYLINE.fullmatch(t) or _CARD_SOURCE_AGE.fullmatch(t)):
        return "B"
    if len(t) <= 40 and (_DATE_ONLY.fullmatch(t) or _CARD_AGE.fullmatch(t)):
        return "D"
    return "T" if len(t) <= _CARD_TEXT else "L" if len(t) <= _CARD_BLURB else "X"


def card_list(lines: list[Line], rules: Rules) -> None:
    """``doc:card-list`` -- a list of cards for other articles under this one (a
    site's "more from" or "trending" list, pasted with the page): three or more
    cards in a row with the same shape, each a few short lines of which one is a
    byline, such as headline / blurb / date / "By …".  An article's paragraphs run
    longer than a card's lines, and an article does not name a writer every few
    lines; a timeline (a date above each event) names none, and stays.  Only
    below ``_BIO_BELOW`` of the clipping's running text, like a bio."""
    if not rules.on("doc:card-list"):
        return
    kept = [i for i, ln in enumerate(lines) if ln.verdict is None]
    shapes = "".join(_card_shape(lines[i]) for i in kept)
    total = sum(len(ln.text) for ln in lines if _running(ln))
    above = [0] * (len(kept) + 1)  # running text above each kept line
    for n, i in enumerate(kept):
        above[n + 1] = above[n] + (len(lines[i].text) if _running(lines[i]) else 0)
    n = 0
    while n < len(kept):
        span = _card_span(shapes, n)
        if span is not None:
            # (the article's last paragraphs fit the cards' shape one card early when a
            # card opens with its counter and source: "Reactions82" / "民視·6 小時前" /
            # headline / blurb -- the list starts at its first counter, source or byline)
            # (not where a list just ended: that is the next card's blurb)
            first_meta = next((k for k in range(n, span) if shapes[k] in "BD"), n)
            while n < first_meta and is_prose(lines[kept[n]]) and not (n and lines[kept[n - 1]].verdict == "doc:card-list"):
                n += 1
        # (the cards' own blurbs are no running text of the article above them)
        listed = above[span] - above[n] if span is not None else 0
        if span is None or above[n] < _BIO_BELOW * (total - listed):
            n += 1
            continue
        for m in range(n, span):
            lines[kept[m]].verdict = "doc:card-list"
        n = span


def _card_span(shapes: str, n: int) -> int | None:
    """The end (exclusive) of the longest list of cards that starts at ``n`` in
    ``shapes``: whole cards of one shape repeated ``_CARD_REPEATS`` times or more,
    then the first lines of one more; None when none starts there."""
    best = None
    flat = shapes.replace("L", "T")  # (a blurb is short on one card and long on the next)
    for period in _CARD_PERIODS:
        card = flat[n:n + period]
        if len(card) < period or "X" in card or "B" not in card or "T" not in card:
            continue
        end = n
        while flat[end:end + period] == card:
            end += period
        if (end - n) // period < _CARD_REPEATS:
            continue
        while end < len(flat) and flat[end] == card[(end - n) % period]:
            end += 1
        if "L" in shapes[n:end] and "D" not in card:
            continue  # (long blurbs only in cards that say who and when, "Reactions82" / "民視·6 小時前")
        best = max(best or 0, end)
    return best


# ---------------------------------------------------------------------------
# Other articles' headlines over their ledes, under the article
# ---------------------------------------------------------------------------

_TEASER_HEADLINE = 200  # characters: a headline, not a paragraph
_TEASER_WORDS = 4       # Latin words of a headline at least: a sentence's, not a subheading's name
_TEASER_CJK = 12        # ... or Chinese characters
_TEASER_ECHOES = 3      # ledes that say their headline again, at least, and a third of the pairs
_TEASER_LABEL = 40      # characters: a label between two pairs ("FACT CHECK", "Canada")
_TEASER_ABOVE = 3       # paragraphs of the article above the list, at least
# a full stop closing the line, not an abbreviation's ("… shootings in the U.S.")
_HEADLINE_STOP = re.compile(r"(?<![A-Z])[.。．]\s*[”’\"']?$")


def _headline(ln: Line) -> bool:
    """Shaped like another article's headline: short, unnumbered, not closed like a
    sentence, and of :data:`_TEASER_WORDS` Latin words or :data:`_TEASER_CJK` Chinese
    characters or more (a subheading names a topic: "大会主报告", "MODERNIZING NORAD")."""
    t = ln.text.strip()
    if _fixed(ln) or ln.caption or len(t) > _TEASER_HEADLINE or _HEADLINE_STOP.search(t) or _ENUMERATED.match(t):
        return False
    cjk = len(_CJK.findall(t))
    return cjk >= _TEASER_CJK if cjk else len(_LATIN_WORD_3.findall(t)) >= _TEASER_WORDS


def _echoes(head: Line, lede: Line) -> bool:
    """The paragraph says again :data:`_LEDE_SHARE` of the headline's words: "RCMP
    faces federal court challenge over dismissed harassment complaint" / "A Mountie
    is taking the national police force to court over a harassment complaint …"."""
    words = _words(head.text)
    return len(words & _words(lede.text)) >= _LEDE_SHARE * len(words)


def teaser_pairs(lines: list[Line], rules: Rules) -> None:
    """``doc:teaser-pairs`` -- a list of other articles under this one, as a page
    sets it when each item is a headline over its lede (a site's "top stories" box,
    pasted with the page): headline-shaped lines (:func:`_headline`) each over one
    paragraph, a short label at most between two pairs, where
    :data:`_TEASER_ECHOES` ledes or more, and a third of them, say their headline
    again (:func:`_echoes`); the list runs to the end of the kept text (no
    paragraph of the article after it), below :data:`_TEASER_ABOVE` paragraphs of
    the article, two of them in a row.  An article's own subheadings name a topic in
    a few words, and the text under them goes on with the article rather than saying
    them again; a weekly's or a listicle's items (a name over a paragraph that says it
    again) are the whole article, so the list starts where the pairs start, never
    inside a run of them, and only under running text."""
    if not rules.on("doc:teaser-pairs"):
        return
    # (a headline a list rule took is still one: "Top Stories" took the first under it)
    kept = [ln for ln in lines if (ln.verdict is None or ln.verdict.startswith("list:")) and ln.text.strip()]
    pair = [p + 1 < len(kept) and _headline(kept[p]) and is_prose(kept[p + 1]) and not _fixed(kept[p + 1])
            for p in range(len(kept))] + [False]
    prose_above, running, inside = 0, False, 0  # (inside: where the pairs that started above end)
    for s, ln in enumerate(kept):
        p, pairs, echoes = s, 0, 0
        while s >= inside:
            if pair[p]:
                pairs, echoes, p = pairs + 1, echoes + _echoes(kept[p], kept[p + 1]), p + 2
            elif pairs and _teaser_label(kept[p] if p < len(kept) else None) and pair[p + 1]:
                p += 1
            else:
                break
        if pairs:
            if echoes >= _TEASER_ECHOES and 3 * echoes >= pairs and prose_above >= _TEASER_ABOVE and running \
                    and not any(is_prose(k) or _fixed(k) for k in kept[p:]):
                for k in kept[s:p]:
                    if k.verdict is None:
                        k.verdict = "doc:teaser-pairs"
                return
            inside = p
        running = running or (s > 0 and is_prose(ln) and is_prose(kept[s - 1]))
        prose_above += is_prose(ln)


def _teaser_label(ln: Line | None) -> bool:
    return ln is not None and len(ln.text.strip()) <= _TEASER_LABEL and not is_prose(ln) and not _fixed(ln)


# ---------------------------------------------------------------------------
# Teaser cards set into the article
# ---------------------------------------------------------------------------

# A blurb cut short by the site: "... or Tibetan..." / "…" at the very end.
_CARD_REACH = 3      # lines between a card's headline and its blurb (author, date)
_CARD_LABELS = 2     # short lines above the headline that belong to the card (kicker, date)
_CARD_SHORT = 40     # a card's author, date or kicker line is no longer than this


def _whole_link(ln: Line) -> bool:
    return ln.link_chars > 0 and ln.link_chars >= _length(ln.text) - 1


def teaser_cards(lines: list[Line], rules: Rules) -> None:
    """``box:teaser-card`` -- a card for another article set into this one: a headline
    that is a link as a whole, at most a few short lines (author, date), then a blurb
    the site cut short ("…" or "..." ending the line), with the short kicker and date
    lines over the headline.  The cut-short blurb after a linked headline is what no
    paragraph of the article has (ChinaFile's feed items carry such cards between
    their paragraphs).  Never a caption, a table or a ``keep`` line."""
    if not rules.on("box:teaser-card"):
        return
    kept = [ln for ln in lines if ln.verdict is None]
    for k, blurb in enumerate(kept):
        if blurb.keep or blurb.caption or blurb.tag in OPAQUE or not blurb.text.rstrip().endswith(("...", "…")):
            continue
        h = _card_headline(kept, k)
        if h is None:
            continue
        start = h
        while start > 0 and h - start < _CARD_LABELS and not _card_text(kept[start - 1]):
            start -= 1
        card = kept[start:k + 1]
        if not any(ln.keep or ln.caption or ln.tag in OPAQUE for ln in card):
            for ln in card:
                ln.verdict = "box:teaser-card"


def _card_headline(kept: list[Line], k: int) -> int | None:
    """The index in ``kept`` of the linked headline over the blurb at ``k``, when
    only short lines (author, date) stand between them."""
    for h in range(k - 1, max(k - 2 - _CARD_REACH, -1), -1):
        head = kept[h]
        if _whole_link(head) and not _sentence(head):
            return h
        if _card_text(head):
            return None
    return None


def _card_text(ln: Line) -> bool:
    """Too long or too much a sentence (or a caption, a kept line) to be a card's
    kicker, author or date."""
    return _length(ln.text) > _CARD_SHORT or _sentence(ln) or ln.caption or ln.keep


# A letter's or an op-ed's signature: the writer's name and where they live ("Kim Gump,
# Dallas", "Jane Doe, Fort Worth, Texas") -- the end of the article, not a heading.
_LETTER_SIGNATURE = re.compile(rf"{_PERSON.pattern}, [A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}(?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+)?)?\.?")


_REPEATS = 3          # copies of one label in a body: a widget's, not the writer's
_LABEL_MAX = 30       # characters
_LABEL_TEXT = re.compile(r"[^\d:：。.!?！？,，;；]+")


_PICTURE_WORDS = re.compile(r"图片|圖片|照片|相片|摄影|攝影|供图|供圖|(?i:\bphotos?\b|\bimages?\b)")


def _widget_label(ln: Line) -> bool:
    """A short label that could be a widget's: two to five words ("Article content") or
    five or more Chinese characters, no figure, no punctuation, not a heading, and no
    name (interviews repeat the speakers' names: "Kamala Harris", "淡豹")."""
    t = ln.text.strip()
    if len(t) > _LABEL_MAX or not _LABEL_TEXT.fullmatch(t) or is_heading(ln) or _PERSON.fullmatch(t) \
            or _PICTURE_WORDS.search(t):
        return False  # (a line crediting a picture is the caption of each photo it repeats under)
    cjk = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff")
    return cjk >= 5 if cjk else 2 <= len(t.split()) <= 5


def repeated_label(lines: list[Line], rules: Rules) -> None:
    """``doc:repeated-label`` -- one short label printed three or more times between the
    paragraphs ("Article content" at every ad slot of a pasted page) is the page's, and
    every copy goes; never a caption, a byline, a footnote or a table row."""
    if not rules.on("doc:repeated-label"):
        return
    # (copies another rule took count: the page printed them all the same)
    copies: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if _widget_label(ln) and not (_fixed(ln) or ln.caption or (ln.verdict or "").startswith("dup:") or furniture(ln)):
            copies.setdefault(ln.text.strip(), []).append(i)
    for found in copies.values():
        if len(found) >= _REPEATS:
            for i in found:
                if lines[i].verdict is None:
                    lines[i].verdict = "doc:repeated-label"


# "參考資料：How Mars Odyssey Works｜How Stuff Work": a reference with its source after the
# colon, which heads nothing (a heading ends at its colon, or has none).  (Other labels
# with a value there, "標籤：…", "分類：…", are the page's.)
_REFERENCE_LINE = re.compile(r"\s*(參考資料|参考资料|參考文獻|参考文献|參考|参考|資料來源|资料来源|出處|出处|引用|"
                             r"(?i:references?|sources?|further reading))\s*[:：]\s*\S")


def _labelled_value(text: str) -> bool:
    return _REFERENCE_LINE.match(text) is not None and not _CLAUSE_END.search(text)


def orphan_heading(lines: list[Line], rules: Rules) -> None:
    """``doc:orphan-heading`` -- the last kept line, a short heading ("写在最后",
    "More"), when every line below it was removed as page furniture (a prompt, a
    list, a box): its section is gone, so it heads nothing of the article."""
    if not rules.on("doc:orphan-heading"):
        return
    kept = [i for i, ln in enumerate(lines) if ln.verdict is None]
    # (a heading over a heading over removed lines: "**Source**" / "**文章来源**" / the source
    # note -- above the last kept line, only lines the page set as headings)
    for n in range(len(kept) - 1, 0, -1):
        i = kept[n]
        ln = lines[i]
        below = lines[i + 1:]
        if (not below or _fixed(ln) or ln.caption or (n < len(kept) - 1 and not is_heading(ln)) or _length(ln.text) > _ORPHAN_LINE or _sentence(ln)
                or footnote(ln) or _CLOSING_NOTE.search(ln.text) or _BYLINE_WORDS.search(ln.text) or _LETTER_SIGNATURE.fullmatch(ln.text)
                or furniture(ln) or _labelled_value(ln.text)
                or (ln.in_list and lines[kept[n - 1]].in_list)  # (the last item of a list: "皮膚出疹")
                or not any(is_prose(lines[j]) for j in kept[:n])
                or not all((b.verdict or "").startswith(_SECTION_JUNK) for b in below if b.text)):
            return
        ln.verdict = "doc:orphan-heading"
