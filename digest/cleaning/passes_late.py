"""The last cleaning passes (split from :mod:`digest.cleaning.passes` for size):
6. duplicated captions, 7. promos glued inside a kept paragraph, and the guard
that a table / ``<pre>`` goes only as a whole and a list of links the article keeps
loses no item to a labelled-link rule.  :func:`digest.cleaning.clean_body`
runs them after the passes of :mod:`digest.cleaning.passes`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from digest.cleaning import rules as R
from digest.cleaning.config import Rules
from digest.cleaning.lines import OPAQUE, SENTENCE_STOP, Line

__all__ = ["byline_glue", "dup_captions", "glued_promos", "linked_list_items", "whole_tables_only"]

_HAS_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
# A field and its figure ("儿童票原价：15元", "Tel: 5604 2007"): a record of the article's
# data, which a list repeats from item to item; no caption.
_FIELD_FIGURE = re.compile(r"[^:：︰]{1,12}[:：︰]\s*[^。！？]{0,30}\d[^。！？]{0,30}")
# A sentence longer than this between two copies of a short line is a paragraph: the
# short line is a refrain ("路在何方？" after each part of an essay), not a caption shown
# twice (a credit line between the copies is shorter and ends with no stop).
_REFRAIN_GAP = 40
# ... a paragraph that tells, ending with a full stop (a poll widget prints its question
# between two copies of "Question of the Day")
_FULL_STOP_END = re.compile(r"[。.．][」』”’\"'）)]*\s*$")
# ... and any field between fields: a form repeats its field ("地址：略" for the company
# and again for its representative).
_FORM_FIELD = re.compile(r"[^:：︰\s]{1,12}[:：︰]\s*[^。！？]{1,40}")
# (Full stops inside a line, SENTENCE_STOP: a paragraph of two or more sentences that the
# article repeats is its own text (the outlet's slip, which the labelling rules keep), not
# a caption shown twice -- recall first, only a caption element or a one-sentence line is
# deduplicated.)


def _dup_key(text: str) -> str:
    """Two copies of a caption compare equal despite full-/half-width
    punctuation and spacing: "，（美聯社）" == ",(美聯社)"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _copies_apart(copy: Line, between: Line) -> bool:
    """The line between two copies of ``copy`` shows they are no caption shown twice: a
    field between two copies of a field (a form), or a paragraph that tells (the copy is
    a refrain after each part of an essay, "路在何方？")."""
    if _FORM_FIELD.fullmatch(copy.text) and _FORM_FIELD.fullmatch(between.text):
        return True
    return len(between.text) > _REFRAIN_GAP and _FULL_STOP_END.search(between.text) is not None


def dup_captions(lines: list[Line], rules: Rules) -> None:
    """6. duplicated caption (pasted pages repeat alt text and caption): a caption
    element or a line of one sentence at most, seen again within two lines."""
    if not rules.on("dup:caption"):
        return
    # The comparison key (NFKC, ~20 us a line) is made only for a line that takes part
    # in a comparison: a caption-like line and the two lines before it.
    keys: dict[int, str] = {}

    def key(ln: Line) -> str:
        k = keys.get(id(ln))
        if k is None:
            k = keys[id(ln)] = _dup_key(ln.text) if len(ln.text) <= 200 else ln.text  # only captions need the fuzz
        return k

    def caption_like(ln: Line) -> bool:
        stops = SENTENCE_STOP.finditer(ln.text)  # (fewer than two: the search stops at the second)
        return ln.tag == "figcaption" or next(stops, None) is None or next(stops, None) is None

    recent: list[Line] = []
    for ln in lines:
        if ln.verdict or ln.tag in OPAQUE:
            continue
        if ln.title:  # the title seen again is the document model's (meta:title): no caption
            recent = []
            continue
        if not ln.keep and _HAS_WORD.search(ln.text) and len(ln.text) >= 4 and caption_like(ln) \
                and not _FIELD_FIGURE.fullmatch(ln.text) and key(ln) in [key(r) for r in recent] \
                and not (key(recent[-1]) != key(ln) and _copies_apart(ln, recent[-1])):
            ln.verdict = "dup:caption"
            continue
        # alt text, then the same caption with its credit: "圖為記者會" / "圖為記者會。(中央社)"
        prev = recent[-1] if recent else None
        if (prev is not None and not prev.keep and prev.verdict is None and caption_like(prev)
                and not _FIELD_FIGURE.fullmatch(prev.text)
                and len(key(prev)) >= 8 and key(ln).startswith(key(prev))
                and len(key(ln)) - len(key(prev)) <= 15 and len(key(ln)) <= 200):
            prev.verdict = "dup:caption"
        recent = (recent + [ln])[-2:]


def glued_promos(lines: list[Line], rules: Rules) -> None:
    """7. promos glued inside a kept paragraph: only the matched span is cut."""
    c = rules.builtin
    for ln in lines:
        if ln.verdict or ln.keep or ln.tag in OPAQUE:
            continue
        for name, p, gate in c.inline:
            if not gate.search(ln.text):
                continue
            if name == "meta:template-tag" and _has_code(ln):
                continue  # (the tag in inline code: an article about the generator shows it)
            for m in p.finditer(ln.text):
                if m.end() > m.start():
                    ln.cuts.append((m.start(), m.end(), name))
        if ln.cuts:
            ln.cuts = _merge(ln.cuts)
            covered = sum(b - a for a, b, _ in ln.cuts)
            if covered >= len(ln.text.strip()):
                ln.verdict, ln.cuts = ln.cuts[0][2], []


def _has_code(ln: Line) -> bool:
    return ln.el is not None and isinstance(ln.el.tag, str) and next(ln.el.iter("code", "kbd", "samp"), None) is not None


def _merge(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    cuts.sort()
    out: list[tuple[int, int, str]] = []
    for a, b, name in cuts:
        if out and a <= out[-1][1]:
            pa, pb, pn = out[-1]
            out[-1] = (pa, max(pb, b), pn)
        else:
            out.append((a, b, name))
    return out


# ---------------------------------------------------------------------------
# A byline glued to the page's notes about the piece
# ---------------------------------------------------------------------------

# "By Steven Mufson March 18 at 12:22 PM  Follow @StevenMufson", "Clint Chan Tack 9 Hrs Ago",
# "中青报·中青网记者 魏其濛 来源：中国青年报": a saved page prints the writer's name in one
# line with the date, the counters and the follow link.  The byline is article text (the
# labelling rules keep it); what the page glued to it is not.
_BY = re.compile(r"(?i:(?:written|compiled|reported|posted|words|story|text|photos?)\s+by|by)\s*:?\s+(?=[A-Z\u00C0-\u024F])")
_NAME_WORD = re.compile(r"(?:[A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*|van|von|der|de|da|di|la|le|and|&|,)(?=[\s|｜,@]|$|\d)")
_CJK_BYLINE = re.compile(r"[^\s。！？!?:：]{0,14}(?:記者|记者)\s*[/／]?\s*[\u4e00-\u9fff·]{2,4}(?:\s*[/／]\s*(?:文|攝|摄|報導|报道))?"
                         # "文 : MyVideo 影音編輯室", "撰文／林小明": the writer's label and a name of words
                         r"|(?:文|文字|撰文|作者)\s*[:：/／|｜]\s*[^\s。！？!?，,\d]{1,20}(?:\s+[^\s。！？!?，,\d]{1,20}){0,2}")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_META_TOKEN = re.compile(
    # ("Published in FrontBurner December 14, 2016": the section it was published in)
    r"(?i:(?:(?:last\s+)?updated|published|posted|modified|更新|發布|发布|發佈)(?:\s+in\s+(?-i:[A-Z][\w&'’-]*)(?:\s+(?-i:[A-Z][\w&'’-]*)){0,2})?"
    r"\s*(?:on|at)?\s*[:：]?\s*)?"
    r"(?:(?i:" + R.DATE_LINE + r")"
    r"|(?i:" + _MONTH + r"\s+\d{1,2}(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:et|est|edt|gmt|utc|bst|pt|pst|pdt|ct|cst|cdt|hkt|sgt)\b)?)?)"
    r"|(?i:\d+\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago)"
    # the time of day alone, with its half of the day: "at 5:11 AM"
    r"|(?i:(?:at\s+)?\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?)"
    r"|(?i:follow(?:\s+(?:on\s+\w+\s+)?@\w+)?\b)|@\w{2,30}"
    r"|(?i:\d+\s*comments?)"
    r"|(?i:\d{1,3}\s*(?:mins?|minutes?)\s*read)|\d{1,3}\s*(?:分鐘|分钟)\s*(?:閱讀|阅读)"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:来源|來源|(?i:source))\s*[:：]\s*[^\s|｜,，。]{1,20}"
    r"|[\u4e00-\u9fff]{0,6}(?:供图|供圖))")
_META_SEP = re.compile(r"[\s|｜·•,，\-–—/]*")
_BYLINE_GLUE_MAX = 200
_LEAD = re.compile(r"[\W_]{0,3}")
_SPACES = re.compile(r"[ \t]*")
_CALENDAR_WORD = re.compile(r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
                            r"august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)\W*$")
_DATE_LIKE = re.compile(r"\d{4}|(?i:\bago\b|published|updated|" + _MONTH + r"\s+\d)")


_COUNTER = re.compile(r"\d{1,5}\s*$")


def _all_meta(rest: str) -> bool:
    """The text is nothing but page notes (dates, "N hours ago", follow links, counters,
    e-mail, a source label, separators between them), and some of them.  A bare number
    after a note ends the line as the comment counter ("| October 28, 2010 | 12")."""
    pos, found = 0, False
    while True:
        pos = _META_SEP.match(rest, pos).end()
        if pos >= len(rest):
            return found
        m = _META_TOKEN.match(rest, pos)
        if not m or m.end() == pos:
            return found and _COUNTER.fullmatch(rest, pos) is not None
        found, pos = True, m.end()


def byline_end(text: str) -> int | None:
    """Where the byline that opens ``text`` ends, when all that follows is page notes;
    else None.  The name may be followed by Title-Case notes ("March 18", "Follow"), so
    every end of the name is tried, the shortest first."""
    m = _CJK_BYLINE.match(text)
    if m:
        return m.end() if _all_meta(text[m.end():]) else None
    lead = _LEAD.match(text).end()
    by = _BY.match(text, lead)
    pos = by.end() if by else lead
    ends = []
    while len(ends) < 8:
        w = _NAME_WORD.match(text, pos)
        # (a name alone is two to four capitalised words, and no day or month)
        if not w or not by and not (w.group()[0].isupper() and not _CALENDAR_WORD.match(w.group())):
            break
        pos = w.end()
        ends.append(pos)
        pos = _SPACES.match(text, pos).end()
    # a name alone (no "By") is a byline only with a date or age of the piece after it
    for end in ends if by else ends[1:4]:
        rest = text[end:]
        if _all_meta(rest) and (by or _DATE_LIKE.search(rest)):
            return end
    return None



# "August 18, 2010 | Anthony Ha", "National, News | Published: 5 hours ago | Written by
# Eliaser Ndeyanale": the page's notes in front of the byline, cut at the last bar.
_BAR = re.compile(r"\s*[|｜·•]\s*")
_SECTION_NOTE = re.compile(r"[^.。!?！？:：]{1,60}")


# "November 20, 2019 Emiliano Bellini", "Tuesday 15 October 2019 by Bradley M. Kuhn":
# the page's date set in front of the byline with no bar between.
_DATE_FIRST = re.compile(R.EN_DATE + r"\s+")


def _byline_start(text: str) -> int | None:
    """Where the byline that closes ``text`` starts, when all before it is page notes
    (a date or age of the piece among them; with a "By" byline, also section labels);
    else None."""
    bars = list(_BAR.finditer(text))
    if not bars:
        # (a date alone in front: the tail must be a byline to its end, as below)
        date = _DATE_FIRST.match(text)
        if date and byline_end(text[date.end():] + " | 2000-01-01") == len(text) - date.end():
            return date.end()
        return None
    head, tail = text[:bars[-1].start()], text[bars[-1].end():]
    # (the tail is a byline to its end when byline_end, given a date note after it to
    # read, ends the name exactly where the tail ends)
    if byline_end(tail + " | 2000-01-01") != len(tail) or not _DATE_LIKE.search(head):
        return None
    if _all_meta(head):
        return bars[-1].end()
    by = _BY.match(tail, _LEAD.match(tail).end()) or _CJK_BYLINE.match(tail)
    notes = _BAR.split(head)
    dated = [_all_meta(note) for note in notes]
    if by and any(dated) and all(d or _SECTION_NOTE.fullmatch(note) for d, note in zip(dated, notes)):
        return bars[-1].end()
    return None


# The writer's pair in a credit line that also names the editors: "对话：郭亦非，编辑：李尚文",
# "（作者：王帆 编辑：耿雁冰）".  The labelling rules keep a byline and drop the editors.
# (the name may follow the writer's title: "作者：南方财经全媒体记者 钟小韵")
_WRITER_PAIR = re.compile(r"(作者|[記记]者|撰文|文|採寫|采写|對話|对话|採訪|采访|撰稿|口述|主[筆笔])\s*[:：︰|｜/／]\s*"
                          r"([\u4e00-\u9fff]{2,14}(?:[記记]者|通[讯訊]員|通讯员|特[约約][记記]者|特[约約]撰稿人?)\s*)?"
                          r"(?P<names>[\u4e00-\u9fff·A-Za-z]{2,12}([、和與与&][\u4e00-\u9fff·A-Za-z]{2,12}){0,3})")


def writer_in_credit(lines: list[Line], rules: Rules) -> None:
    """A line ``credit:editor`` removed whole that opens with the writer's own pair
    keeps that pair (the byline); the editors' pairs and the brackets are cut."""
    if not rules.on("credit:editor"):
        return
    for ln in lines:
        if ln.verdict != "credit:editor" or ln.keep:
            continue
        t = ln.text
        m = _WRITER_PAIR.search(t)
        if m is None or t[:m.start()].strip("（([【 \t") or len(t) > 80:
            continue  # (the writer's pair must open the line)
        ln.verdict = None
        ln.cuts = _merge([*ln.cuts, *((a, b, "credit:editor") for a, b in ((0, m.start()), (m.end(), len(t))) if b > a)])


def byline_glue(lines: list[Line], rules: Rules) -> None:
    """``meta:byline-glue`` -- cut the page notes glued to a byline (see above); the
    byline stays."""
    if not rules.on("meta:byline-glue"):
        return
    for ln in lines:
        t = ln.text
        if ln.verdict or ln.keep or ln.tag in OPAQUE or len(t) > _BYLINE_GLUE_MAX or "。" in t:
            continue
        end = byline_end(t)
        if end is not None and t[end:].strip():
            ln.cuts = _merge([*ln.cuts, (end, len(t), "meta:byline-glue")])
        elif end is None and (start := _byline_start(t)) is not None:
            ln.cuts = _merge([*ln.cuts, (0, start, "meta:byline-glue")])


_WRITER_FIELD = re.compile(R.WRITER_FIELD)
# a writer's name or two: "Jackie Shan", "宋志民／台北", "王小明、李华" (not a template's
# leftover, 'size="20"')
_NAME_VALUE = re.compile(r"[^\W\d_][\w.'’·\-]*(?:[\s/／、,，]+[^\W\d_][\w.'’·\-]*){0,3}")
# the next field after the writer's name: "… 日期:2019-02-07", "…来源：天维网"
_NEXT_FIELD = re.compile(r"\s*" + R.PAGE_FIELD + r"\s*[:：︰]")


def writer_field(lines: list[Line]) -> None:
    """A page's field line (``meta:page-fields``) that opens with the writer's field
    ("作者: Jackie Shan 日期:2019-02-07 15:53 来源:天维网编译") keeps that field: it is the
    byline, which the article keeps; the fields after it go as a cut of the same rule."""
    for ln in lines:
        if ln.verdict != "meta:page-fields" or not (writer := _WRITER_FIELD.match(ln.text)):
            continue
        following = _NEXT_FIELD.search(ln.text, writer.end())
        if following is not None and _NAME_VALUE.fullmatch(ln.text[writer.end() - 1:following.start()].strip()):
            ln.verdict = None
            ln.cuts = _merge([*ln.cuts, (following.start(), len(ln.text), "meta:page-fields")])


def whole_tables_only(lines: list[Line]) -> None:
    """Last: a table (or <pre>) is article data: it goes only when every row is junk
    (a layout table holding a menu), never row by row."""
    groups: dict[Any, list[Line]] = {}
    for ln in lines:
        if ln.tag in OPAQUE:
            groups.setdefault(ln.el, []).append(ln)
    for group in groups.values():
        if not all(ln.verdict for ln in group):
            for ln in group:
                ln.verdict = None


# A list of links the article keeps with at least this many other items: its own list of
# resources, whatever label one item carries.
_KEPT_LINK_ITEMS = 2


def linked_list_items(lines: list[Line]) -> None:
    """Last: an item of a list that a labelled-link rule (``promo:related-line``, "Video:
    <link>") took alone stays when the list's other items, at least two, are links the
    article kept: "- [Cardioid on GitHub](…)", "- Video: [The Cardioid Project…](…)",
    "- *S&TR* article: […](…)" are the resources the article offers, not a promo.  A list
    of related links goes as a whole (``list:*``), so its items are never kept around one."""
    items: dict[Any, list[Line]] = {}
    for ln in lines:
        if ln.tag == "li" and ln.seg is None and ln.el is not None and ln.el.getparent() is not None:
            items.setdefault(ln.el.getparent(), []).append(ln)
    for group in items.values():
        taken = [ln for ln in group if ln.verdict == "promo:related-line"]
        kept = [ln for ln in group if ln.verdict is None]
        if len(taken) == 1 and len(kept) >= _KEPT_LINK_ITEMS and all(ln.link_chars > 0 for ln in kept) \
                and taken[0].link_chars > 0 and len(kept) + 1 == len(group):
            taken[0].verdict = None
