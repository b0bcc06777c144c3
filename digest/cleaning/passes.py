"""The cleaning stage's judging passes: lines -> verdicts.

In:  the :class:`~digest.cleaning.lines.Line` list of one article and its
     :class:`~digest.cleaning.config.Rules`.
Out: nothing returned; each pass marks lines in place -- ``keep`` (never
     removed), ``verdict`` (the name of the rule that removes the whole line)
     or ``cuts`` (spans of a kept line to cut).  :func:`digest.cleaning.clean_body`
     runs the passes in the order given in the :mod:`digest.cleaning` docstring;
     each pass only looks at lines no earlier pass removed.

First the shape tests every pass shares (is this a sentence, a headline, a
link list?), then the passes in the order they run, each followed by its own
helpers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from digest.cleaning import rules as R
from digest.cleaning.config import Compiled, Rules
from digest.cleaning.lines import HEADING_TAGS, OPAQUE, Line

__all__ = [
    "byline_glue", "drop_by_patterns", "dup_captions", "edge_promos", "feed_timestamp", "glued_promos", "heading_lists",
    "linked_list_items", "mark_kept", "mark_wrapped", "prompt_match", "rights_gate", "shape_lists", "whole_line_rules", "whole_tables_only",
    "writer_field", "writer_in_credit",
]


# ---------------------------------------------------------------------------
# Shape tests
# ---------------------------------------------------------------------------

_REPORT_VERBS = (r"表示|指出|認為|认为|透露|強調|强调|坦言|宣布|報導指出|报道指出|报道稱|报道称|"
                 r"\b(said|says|told|according|reported|announced|wrote|writes|noted|added|estimated|warned|argued|ruled)\b")
_REPORTING = re.compile(r"說|说|稱|称|提到|呼籲|呼吁|建議|建议|鼓勵|鼓励|" + _REPORT_VERBS, re.I)
# ... the verbs of a report only: a notice's own words hold one-character verbs and
# appeals ("版权说明", "鼓励转载，请注明出处")
_REPORTS = re.compile(_REPORT_VERBS, re.I)
_DATE_ONLY = re.compile(R.DATE_LINE, re.I)
_INTRO_END = re.compile(r"[:：︰]\s*$")
_SENTENCE_END = re.compile(r"[。．.;；][」』”’\"'）)\]】]*$")
_SOFT_END = re.compile(r"([！？!?…]|\.{3,})[」』”’\"'）)\]】]*$")


def _gate(words: tuple[str, ...]) -> Callable[[str], bool]:
    """A fast "contains any of these words" test on lower-cased text (one
    alternation of literals: far cheaper than the rules it guards)."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    def test(lowered: str) -> bool:
        return pattern.search(lowered) is not None
    return test


_BUILTIN_KEEP = re.compile("|".join(f"(?:{k})" for k in R.KEEP_RULES))
_prompt_gate = _gate(R.PROMPT_GATE)
rights_gate = _gate(R.RIGHTS_GATE)
# an imperative at the start, or right after a short lead ("DW中文有Instagram！欢迎搜索…")
# (or after the reader's judgement, "觉得有用就分享给朋友吧", "喜歡的話請…": a condition, then the ask)
_IMPERATIVE = re.compile(r"(.{0,40}?[！!：:，,？?]\s*|(觉得|覺得|喜欢|喜歡|如果|若)[^，。！？,.!?]{0,10}?(的话|的話)?(就|請|请|也)?)?"
                         + R.IMPERATIVE_START)
# "…是对我们最大的鼓励/支持": the outlet's thanks, no report of anyone encouraging anything
# (or what the reader's gift gives: "請我喝一杯咖啡給予我鼓勵")
_THANKS = re.compile(r"(是)?(对|對)(我们|我們|本[号號站台])(最大的)?(鼓励|鼓勵|支持|肯定|动力|動力)"
                     r"|(給予|给予|給|给)(我|我們|我们|本[号號站台])(一些|一點|一点|更多)?(鼓励|鼓勵|支持|动力|動力)")
_LEAD = re.compile(r"[^\s，。:：,]{1,10}[:：]\s*")
_PROSE_END = re.compile(r"[。．][」』”’\"'）)]*$")


def prompt_match(text: str, lowered: str, c: Compiled) -> re.Match[str] | None:
    """PROMPT rules, guarded: short lines only, no reporting verb, and a line that
    ends like a sentence must open like an imperative ("歡迎訂閱…。")."""
    if len(text) > 160 or not _prompt_gate(lowered) or _REPORTING.search(_THANKS.sub("", text)):
        return None
    if _PROSE_END.search(text) and not _IMPERATIVE.match(text):
        return None
    m = c.prompt.fullmatch(text)
    if m is None:  # "新京报：点击关注，获取更多北京新闻" -- the outlet's name, then the prompt
        lead = _LEAD.match(text) or _SIGN_OFF.match(text)
        if lead and lead.end() < len(text):
            m = c.prompt.fullmatch(text, lead.end())
    return m


# A newsletter's thanks, its note about itself or a question to the reader before the
# prompt on the same line: "Thanks for reading The Eastside Dispatch! Subscribe for
# free…", "The Eastside Dispatch is a reader-supported publication. To receive new posts…"
_SIGN_OFF = re.compile(r"(?i:(?:thanks|thank you)(?: so much)? for reading\b[^.!?]{0,60}[.!?]+"
                       r"|[^.!?]{1,60}\bis a reader-supported publication[.!]"
                       r"|(?:感謝|感谢|謝謝|谢谢)(?:您的|你的)?(?:閱讀|阅读)[^。！!]{0,20}[。！!]"
                       # a short question to the reader: "Like gadgets you can fix? Get X's newsletter…"
                       r"|(?=[^?？]{0,40}(?:\b(?:you|your)\b|[你您]))[^.!?。！？]{1,40}[?？])\s*")


_CJK_OR_WORD = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")


# (pass after pass asks the same lines' length and furniture: each answer is made once)
_TEXT_CACHED = 4096


@lru_cache(maxsize=_TEXT_CACHED)
def _length(text: str) -> int:
    """Length as a reader feels it: a CJK character counts 1, a Latin word 1."""
    return len(_CJK_OR_WORD.findall(text))


def _sentence(line: Line) -> bool:
    """Ends like a sentence of prose (or is too long to be a headline)."""
    if line.sent is None:
        line.sent = _is_sentence(line.text)
    return line.sent


# A full stop inside, then more words and a question or exclamation mark at the end:
# "今年年初時，我們通過了審核。正式成為 MANRS 的參與者！" tells something in two
# sentences.  (Not after a question mark: "上一篇？- -| 回首页 | - -下一篇?" is a pager.)
_TOLD = re.compile(r"。.{4,}[！？!?][」』”’\"'）)\]】]*$")
_CLOSERS = "」』”’\"'）)]】"
_ASKED = ("！", "？", "!", "?")
_TRUNCATED = re.compile(r"\.{3,}[」』”’\"'）)\]】]*$")  # "..." : a teaser cut short, not a full stop


def _is_sentence(t: str) -> bool:
    if len(t) > 400:
        return True
    if t.rstrip(_CLOSERS)[-1:] in _ASKED and _TOLD.search(t):
        return True  # two sentences, the second a question or an exclamation
    if _SENTENCE_END.search(t) and not _TRUNCATED.search(t):
        # "U.S." or an abbreviation ending a short line is not a sentence;
        # a one-line English headline rarely ends with a period.
        return "。" in t or "．" in t or _length(t) >= 6
    if _SOFT_END.search(t) and _length(t) > 60:
        return True
    return _length(t) > 110


# A hard-wrapped paragraph of pasted text: every visible line is its own <p>, and only
# the last one ends the sentence.  Lines of a wrapped paragraph are prose, so no shape
# rule (a list run, page chrome) reads its middle lines as headlines.
_CLOSED = re.compile(r"[。．.!?！？…:：;；][」』”’\"'）)\]】]*$")
_RUNS_ON = re.compile(r"[，,、；;\-–—]$")  # a line cut after a comma: a headline never ends so
_CONTINUES = re.compile(r"[\W_]{0,2}[a-z]")
_WRAP_LINE = 20       # characters of a wrapped line inside the paragraph
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_TITLE_CASE_WORDS = 4     # words of a Latin line, at least, to judge its case
_WRAP_PARAGRAPH = 20  # _length of the whole paragraph (a word or a CJK character each)


def _wrappable(line: Line) -> bool:
    # (a page's date line is no part of a paragraph, though the byline above it ends with
    # a comma: "Reuters, Washington," / "Nov 20 2019, 11:06am ist")
    return (line.tag == "p" and not line.keep and not line.caption and not line.bold and not line.in_list
            and 0 < len(line.text) <= 240 and not _dense(line) and not _date_line(line.text))


def _date_line(text: str) -> bool:
    # (the date rule is costly: only a short line with a figure in it is asked)
    return len(text) <= _DATE_LINE_MAX and _DIGIT_IN.search(text) is not None and _DATE_ONLY.fullmatch(text) is not None


_DATE_LINE_MAX = 80
_DIGIT_IN = re.compile(r"\d")


def title_case(text: str) -> bool:
    """A Latin line with every word capitalised ("The Divide In Yakima Is The Divide
    In America"): a headline, never a line of running text cut by a hard wrap, which
    has lower-case words even among names ("Killer Instinct and Super Lucky's")."""
    words = _WORD.findall(text)
    return len(words) >= _TITLE_CASE_WORDS and all(w[0].isupper() for w in words)


def mark_wrapped(lines: list[Line]) -> None:
    """Mark the lines of hard-wrapped paragraphs as sentences (see ``_CLOSED``).

    A paragraph is a run of open lines (no sentence end) closed by a line that ends
    one; every line but the first and the last is long (``_WRAP_LINE``); the first may
    be short when it holds two words or more and runs on into the next (a link split
    it off) -- a heading or a gallery's caption above a paragraph is no part of it.  At least half the line breaks show that
    the text runs on: the line ends with a comma or dash, or the next line opens in lower
    case (a list of headlines shows neither, and a list of wrapped headlines has no line
    that ends a sentence).  A line in :func:`title_case` is a headline above the
    paragraph, not a part of it."""
    n = len(lines)
    i = 0
    while i < n:
        j = i
        while j < n and _wrappable(lines[j]) and not _CLOSED.search(lines[j].text):
            j += 1
        if j >= n or j == i or not _wrappable(lines[j]):
            i = j + 1
            continue
        end = j
        # from the closing line back, while the lines are long enough to be wrapped text
        start = end
        while start - 1 >= i and len(lines[start - 1].text) >= _WRAP_LINE and not title_case(lines[start - 1].text):
            start -= 1
        if (start - 1 >= i and start < end and len(lines[start - 1].text.split()) >= 2
                and not title_case(lines[start - 1].text)
                and (_RUNS_ON.search(lines[start - 1].text) or _CONTINUES.match(lines[start].text))):
            start -= 1
        group = range(start, end + 1)
        if len(group) >= 2 and sum(_length(lines[k].text) for k in group) >= _WRAP_PARAGRAPH:
            runs_on = sum(1 for k in group[:-1] if _RUNS_ON.search(lines[k].text)
                          or _CONTINUES.match(lines[k + 1].text))
            if runs_on * 2 >= len(group) - 1:
                for k in group:
                    lines[k].sent = True
        i = end + 1


def _headline_like(line: Line) -> bool:
    """A line that could be an item in a list of other articles."""
    if line.hl is None:
        if line.keep or line.tag in OPAQUE or len(line.text) > 400:
            line.hl = False
        elif not _dense(line) and (len(line.text) > 240 or _sentence(line) or _clause_rich(line.text)):
            line.hl = False
        elif "。" in line.text and "，" in line.text:
            line.hl = False  # a linked sentence (a caption that links to the picture): no headline has both
        else:
            n = _length(line.text)
            line.hl = 1 <= n <= 160 if _dense(line) else 1 <= n <= 90 and not _sentence(line)
    return line.hl


# Clause marks inside a line: a headline has one at most ("A，B"), a sentence of prose
# that ends without a full stop (a page that dropped its punctuation, a paragraph cut at
# a comma) has more.  Recall first: such a line is no item of a list of headlines.
_CLAUSE_MARK = re.compile(r"[，；]|[,;] ")
_CLAUSE_RICH_MIN = 2
_CLAUSE_RICH_LENGTH = 24


def _clause_rich(text: str) -> bool:
    return len(_CLAUSE_MARK.findall(text)) >= _CLAUSE_RICH_MIN and _length(text) >= _CLAUSE_RICH_LENGTH


def _dense(line: Line) -> bool:
    return line.link_chars >= 0.6 * len(line.text)


# ---------------------------------------------------------------------------
# The judging passes, in the order clean_body runs them
# ---------------------------------------------------------------------------


# Guards: lines that are article text whatever a rule says.
# Punctuation that closes the sentence above it ("。", "”" on a line of their own in a
# body pasted in fragments): never a separator.
_CLOSING_PUNCT = re.compile(r"[。．，、；：！？!?.,;:”’」』）)\"']{1,3}|[…⋯]{1,6}")  # (an ellipsis: text left out)
# A footnote: "註：…", "注：…", "Note: …", "※ …" -- article text, never a list item.
FOOTNOTE = re.compile(r"[\W_]{0,2}(註|注|附註|附注|備註|备注|(?i:notes?))\s*[:：︰]|[\W_]{0,2}※|\[\d{1,3}\](\s|https?://)")


# A note in brackets, a label and its value: "【案件編號：DCCC1072/11】", "【編按：…】".  A
# headline may open with a bracketed label ("【專訪】…") but is never one whole.
_BRACKET_NOTE = re.compile(r"\s*[【〔\[]\s*[^】〕\]:：﹕︰]{1,12}[:：﹕︰][^】〕\]]{1,60}[】〕\]]\s*")


# A Chinese dash (破折號 "——") on a line of its own, between a line that leaves its
# sentence open and one that goes on with it ("…選擇「鑽轎腳」" / "——" / "趴在路中央…"):
# the sentence runs through it.  (A separator is a longer rule, or a dash among
# Latin lines: "—" between the rows of a list of courses.)
_CJK_DASH = re.compile(r"\s*(——|⸺)\s*")
_OPEN_SENTENCE_END = re.compile(r"[\u3400-\u9fff」』”’）》]$")
_GOES_ON = re.compile(r"[\u3400-\u9fff「『“《（]")


def _dash_within_sentence(lines: list[Line], i: int) -> bool:
    return (0 < i < len(lines) - 1 and _CJK_DASH.fullmatch(lines[i].text) is not None
            and _OPEN_SENTENCE_END.search(lines[i - 1].text) is not None
            and _GOES_ON.match(lines[i + 1].text) is not None)


def footnote(line: Line) -> bool:
    """A footnote-like line (see ``FOOTNOTE``)."""
    return FOOTNOTE.match(line.text) is not None


# Article furniture: the byline, the dateline and the captions of the article itself
# (LABEL_RULES-style "keep" lines).  No shape rule (a list run, page chrome around the
# article) ever takes one; only a whole-line rule that names it can.
# A byline: "By Jane Doe, CNN", "by Ahiza Garcia @x February 1, 2016", "記者林悅／南市報導",
# "【聯合晚報╱記者邱瓊平/台北報導】", "澎湃新闻记者 贺梨萍", "文／王小明", "劉屏／華盛頓4日電".
_BYLINE = re.compile(
    r"[\W_]{0,2}(?:(?i:by)\s*:?\s+|by(?=[A-Z][a-z]))[A-Z\u00C0-\u024F@][^\n]{0,110}"  # ("bySauli Giliard": pasted)
    r"|[\W_]{0,2}[^。！？!?]{0,14}(記者|记者|特派員|特派员|特約記者|特约记者)[^。！？!?]{1,40}"
    r"|[\W_]{0,2}(文|撰文|文字|作者|採訪|采访|攝影|摄影)\s*[／/｜|╱︱:：]\s*[^。！？!?]{1,30}"
    r"|[\W_]{0,2}[\u4e00-\u9fff]{2,4}\s*[／/╱]\s*[\u4e00-\u9fff]{2,8}\s*\d{1,2}\s*日\s*(電|电)[\W_]{0,2}"
    # "中國時報 張立勳／特稿 2013年07月18日 05:40": an outlet, a name, the kind of piece
    r"|[^。！？!?]{0,20}[\u4e00-\u9fff]{2,4}\s*[／/╱]\s*[\u4e00-\u9fff]{0,8}(特稿|報導|报道|報道|專訪|专访)[^。！？!?]{0,30}"
    # the label of a byline whose name follows on the next line: "文/", "By"
    r"|\s*(文|撰文|文字|(?i:by))\s*[／/｜|╱:：]?\s*"
    # a desk signing the piece: "棱角編輯部", "本报记者组"
    r"|[\W_]{0,2}[\u4e00-\u9fffA-Za-z]{1,10}(編輯部|编辑部|編輯室|编辑室|報導組|报道组|記者組|记者组|採訪組|采访组)[\W_]{0,2}")
# A caption: text that ends with the picture's credit or opens with a caption label.
_CAPTION_LABEL = re.compile(r"[\W_]{0,2}(?i:(image|media|photo|video) caption|main image|caption)\s*:?\s*\S|▲\s*\S")
_CAPTION_CREDIT = re.compile(
    r"([（(]\s*[^（()）]{0,30}(攝影|摄影|圖|图|照片|圖片|图片|影像|資料照|资料照|翻攝|翻摄|提供|攝|摄|"
    r"(?i:photo|image|picture|credit|getty|reuters|\bap\b|afp|epa))[^（()）]{0,30}[）)]"
    r"|[\u4e00-\u9fff]{2,4}\s*(攝|摄)"
    r"|\s(图片来源|圖片來源|图源|圖源|图|圖)\s*[／/:：]\s*[^\s。，,]{1,20}"
    # (a licence's version is no full stop: "Credit: Jane Doe/CIFOR (CC BY-NC-ND 2.0)")
    r"|(?i:photograph|photo|image|credit|picture)\s*(:|\.\.\.|…)\s*\S(?:[^.。]|(?<=\d)\.(?=\d)){0,80}"
    r"|©\s*\S[^.。]{0,60}"
    # "(NASA's Goddard Space Flight Center/David Ladd)", "(AP/Jane Doe)": agency / photographer
    r"|[（(]\s*[A-Z][\w.'’&\- ]{1,50}/\s*[A-Z][\w.'’\- ]{1,40}[）)])\s*$")
# _CAPTION_CREDIT ends with a full stop only as the one character after a credit's sign
# ("© 。", "Photo:."): a line that ends with one after anything else holds no credit.
_FULL_STOPS = ("。", ".")
_CREDIT_SIGNS = ("©", ":", ".", "…")


def furniture(line: Line) -> bool:
    """A byline, dateline or caption of the article itself (see ``_BYLINE``)."""
    return line.tag not in OPAQUE and furniture_text(line.text)


@lru_cache(maxsize=_TEXT_CACHED)
def furniture_text(t: str) -> bool:
    """:func:`furniture` on a line's text alone (the full-page reader asks it too)."""
    if len(t) > 400:
        return False
    if len(t) <= 120 and _BYLINE.fullmatch(t) and "。" not in t and not re.search(r"[.!?！？]$", t):
        return True
    return captioned_text(t)


def captioned_text(t: str) -> bool:
    """A caption by its text: a caption label first ("Photo caption: …", "▲…") or the
    picture's credit last ("…合影。（圖／晶澄科技提供）", "… (AP/Jane Doe)")."""
    return _CAPTION_LABEL.match(t) is not None or credited_text(t)


def credited_text(t: str) -> bool:
    """The line ends with its picture's credit, some text before it: "…合影。（圖／晶澄科技提供）"."""
    body = t.rstrip()
    if body[-1:] in _FULL_STOPS and body[:-1].rstrip()[-1:] not in _CREDIT_SIGNS:
        return False  # (no credit ends with a full stop: a sentence is never searched)
    m = _CAPTION_CREDIT.search(t)
    # a credit alone ("Photo: Reuters") is no caption: some text must come before it
    return m is not None and _length(t[: m.start()]) >= 4


def _drop_cap(lines: list[Line], i: int) -> bool:
    """A paragraph's first letter set apart as a drop cap, on a line of its own over the
    rest of its word ("C" over "hinese President Xi Jinping on Tuesday…"): the
    paragraph's, never a font-size button ("A" over "A")."""
    return (len(lines[i].text) == 1 and "A" <= lines[i].text <= "Z" and i + 1 < len(lines)
            and bool(_WORD_GOES_ON.match(lines[i + 1].text)))


_WORD_GOES_ON = re.compile(r"[a-z]{1,20}[ ,'’.;:-]")


def closing_punctuation(lines: list[Line], rules: Rules) -> None:
    """``neighbour:punctuation`` -- a line of closing punctuation (kept by
    :func:`mark_kept` whatever a rule says) closes the line above it, so it goes when
    that line went: a page's "Subscribe to unlock this article … Log in here" over ".".
    Under a line of the article it stays ("“以前一个人在家随便对付一口。" over "”")."""
    if not rules.on("neighbour:punctuation"):
        return
    for above, ln in zip(lines, lines[1:]):
        if (ln.verdict is None and above.verdict is not None and _CLOSING_PUNCT.fullmatch(ln.text)
                and not any(p.search(ln.text) for p in rules.keep)):
            ln.verdict = "neighbour:punctuation"


def mark_kept(lines: list[Line], rules: Rules) -> None:
    """Lines matching a ``keep`` pattern (config, frontmatter, built-in) are never
    removed; nor is a line of closing punctuation between lines of the body, nor an
    item of the article's own reference list (see :func:`_reference_items`)."""
    for i, ln in enumerate(lines):
        if (any(p.search(ln.text) for p in rules.keep) or _BUILTIN_KEEP.match(ln.text)
                or _CLOSING_PUNCT.fullmatch(ln.text) or _dash_within_sentence(lines, i) or _drop_cap(lines, i)):
            ln.keep = True
    for i in _reference_items(lines, rules):
        lines[i].keep = True


_REF_HEADING = re.compile(R.REFERENCE_HEADING)
# The kind of document a reference names, ending its line: a source cited by what it is.
_CITED_KIND = re.compile(r"(新聞稿|新闻稿|報告|报告|公告|聲明|声明|官網|官网|網站|网站|網頁|网页|資料庫|数据库|期刊|論文|论文|"
                         r"白皮書|白皮书|(?i:press release|report|statement|study|paper|website|web page|database|fact sheet))\W*$")
_CITED_KIND_MAX = 60  # characters: a source's name, not a sentence
_URL_OR_YEAR = re.compile(r"https?://|www\.|\b(1[89]|20)\d{2}\b|[“\"《「].{4,}[”\"》」]"
                          # (or a citation's authors, then its title: "Devin Barrett, Lindsey Bever. Las Vegas …")
                          r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){0,3}(?:,\s*[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){0,3})*[.,]\s+\S")


def _reference_items(lines: list[Line], rules: Rules) -> list[int]:
    """A reference heading ("参考资料：", "Sources:") and the items under it that read as
    references -- an address, a cited title or year, a link -- up to the first line that
    does not.  They belong to the article (LABEL_RULES: reference lists are kept),
    whatever the bare-URL rule says; a prompt among them still ends the list."""
    found: list[int] = []
    c = rules.builtin
    for h, ln in enumerate(lines):
        if len(ln.text) > 30 or not _REF_HEADING.fullmatch(ln.text) or h == 0:
            continue
        items = []
        for k in range(h + 1, len(lines)):
            t = lines[k].text
            # (a source named by its link: "環境部空氣品質監測網" linked to the page cited)
            # (or by what it is, its link lost in the paste: "美國默克藥廠研究發佈新聞稿")
            cited = _URL_OR_YEAR.search(t) or _dense(lines[k]) or len(t) <= _CITED_KIND_MAX and _CITED_KIND.search(t)
            if len(t) > 400 or not cited or prompt_match(t, t.lower(), c) is not None \
                    or (rights_gate(t.lower()) and c.rights.fullmatch(t)):
                break
            items.append(k)
        if items:
            found += [h, *items]
    return found


def drop_by_patterns(lines: list[Line], rules: Rules) -> None:
    """1. site / article ``cut_after`` and ``drop`` patterns."""
    for i, ln in enumerate(lines):
        if ln.keep:
            continue
        for name, p in rules.cut_after:
            if p.search(ln.text):
                for later in lines[i:]:
                    if not later.keep and later.verdict is None:
                        later.verdict = name
                break
        if ln.verdict is None:
            for name, p in rules.drop:
                if p.search(ln.text):
                    ln.verdict = name
                    break


def whole_line_rules(lines: list[Line], rules: Rules) -> None:
    """2. named whole-line rules (table rows too: old pages lay out menus in tables)."""
    c = rules.builtin
    for i, ln in enumerate(lines):
        if ln.keep or ln.verdict:
            continue
        t = ln.text
        low = t.lower()
        # (a sentence that reports is the article's: "All rights reserved, the company said")
        if len(t) <= 600 and rights_gate(low) and not _REPORTS.search(t):
            m = c.rights.fullmatch(t)
            if m:
                ln.verdict = c.names[m.lastgroup or ""]
                continue
        if len(t) > 300:
            continue
        # No prompt: a caption that narrates its picture -- a caption element that reads as
        # a sentence ("她在臉書上追蹤…。"; a button label after an image may still be one) or
        # a line that ends with its picture's credit, image or not ("…Rose获得了许多关注（图片
        # 来源：脸书）") -- unless it opens as an imperative; nor an item of the article's
        # numbered list ("3. 关注WAT的账号，扩散影响力；": what it tells its subjects to do).
        m = c.strict.fullmatch(t)
        if m is None and (m := prompt_match(t, low, c)) is not None and (
                (ln.caption and _sentence(ln) or credited_text(t)) and not _IMPERATIVE.match(t)
                or _numbered_item(lines, i, c)):
            m = None
        if m:
            name = c.names[m.lastgroup or ""]
            if name.startswith("meta:") and furniture(ln):
                continue  # a byline with its date ("中國時報 張立勳／特稿 2013年07月18日 05:40") is no header
            if name == "nav:bare-url" and _introduced(lines, i):
                continue  # the address the line above names: "论文链接：" / "https://arxiv.org/abs/…"
            if name == "prompt:follow" and len(t) >= _FOLLOW_REPORT and not _follow_clause(t):
                continue  # the verb and the platform in two clauses of a long line: a report ("…官方推特连发两贴，重点关注…")
            if name.startswith("nav:") and _item_label(lines, i):
                continue  # the bold label of a list item over its text ("**Business**" / "We don't know how…")
            ln.verdict = name


def _item_label(lines: list[Line], i: int) -> bool:
    """Line ``i`` is the bold label that opens a list item, set on a line of its own
    over the item's text in the same element (``<li><strong>Business</strong><br>We
    don't know how…</li>``): a heading of the article's own list, no menu entry."""
    ln = lines[i]
    if not (ln.bold and ln.in_list and ln.seg is not None and i + 1 < len(lines)):
        return False
    nxt = lines[i + 1]
    return nxt.el is ln.el and _sentence(nxt)


_NUMBERED = re.compile(r"\s*(\d{1,2})\s*[.、．)）]\s*\S")
_FOLLOW_VERB = re.compile(R.FOLLOW_VERB, re.I)
_FOLLOW_TARGET = re.compile(R.FOLLOW_TARGET, re.I)
_CLAUSES = re.compile(r"[，,。；;！!？?]")


# A line at least this long (characters) whose verb and platform stand in two clauses reports;
# a short one lists the prompts ("记得关注，星标", "点赞，在看，转发").
_FOLLOW_REPORT = 40


def _follow_clause(text: str) -> bool:
    """A clause of ``text`` holds both a follow verb and what to follow."""
    return any(_FOLLOW_VERB.search(c) and _FOLLOW_TARGET.search(c) for c in _CLAUSES.split(text))


# ... a label naming the work the article is about: its paper, code, project, data, report
# (a source's or related page's label -- "原文链接：", "相关链接：" -- heads the page's links).
_WORK_LABEL = re.compile(r"[\W_]*(论文|論文|项目|項目|代码|代碼|源码|源碼|仓库|倉庫|数据集|數據集|数据|數據|报告|報告|文档|文檔|"
                         r"下载|下載|官网|官網|演示|(?i:poc|paper|code|project|repo(sitory)?|dataset|data|report|demo|docs?|"
                         r"download|github))\s*(全文|原文)?\s*(链接|鏈接|連結|地址|網址|网址|主页|主頁|(?i:link|url|page))?\s*[:：]")


def _introduced(lines: list[Line], i: int) -> bool:
    """The line above ``i`` is a label of the article's that names the work the address
    leads to ("论文链接：", "PoC:", :data:`_WORK_LABEL`), and no rule removed it."""
    if i == 0:
        return False
    above = lines[i - 1]
    t = above.text.strip()
    return above.verdict is None and not above.caption and _WORK_LABEL.fullmatch(t) is not None


def _numbered_item(lines: list[Line], i: int, c: Compiled) -> bool:
    """Line ``i`` is an item of the article's numbered list: "3. …" in a run of
    "1. …", "2. …", "4. …" where some item is no prompt (a numbered list of follow
    buttons, "1.用Plurk追蹤… 2.用Twitter追蹤…", is all prompts)."""
    def number(k: int) -> int | None:
        m = _NUMBERED.match(lines[k].text) if 0 <= k < len(lines) else None
        return int(m.group(1)) if m else None

    n = number(i)
    if n is None:
        return False
    a = i
    while a > 0 and number(a - 1) == (number(a) or 0) - 1:
        a -= 1
    b = i
    while b + 1 < len(lines) and number(b + 1) == (number(b) or 0) + 1:
        b += 1
    return b > a and any(prompt_match(lines[k].text, lines[k].text.lower(), c) is None for k in range(a, b + 1))


# The page's date line set one part a line ("Published" / "2 months ago" / "on" /
# "June 12, 2026"): the age of the piece and the words that join the parts.
_AGE_ONLY = re.compile(r"(?i:\s*\d{1,3}\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\s*"
                       r"|\s*\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前\s*)")
_DATE_WORD = re.compile(r"(?i:\s*(?:published|updated|last updated|posted|modified|on|at|"
                        r"發布於|发布于|發佈於|更新於|更新于|發表於|发表于)\s*[:：]?\s*)")
_DATE_PART_MAX = 60  # characters: a date line, not a paragraph (and the regexes stay cheap)


def feed_timestamp(lines: list[Line], rules: Rules) -> None:
    """3. feed timestamp / date line before the first sentence of prose; and, anywhere,
    the page's date line set one part a line ("Published" / "2 months ago" / "on" /
    "June 12, 2026"): two or more such lines in a row, a joining word among them."""
    if not rules.on("meta:feed-timestamp"):
        return
    for ln in lines:
        if ln.verdict or ln.keep:
            continue
        # (before the sentence test: "May 1, 2024, 6:00 a.m." ends with a full stop)
        if _DATE_ONLY.fullmatch(ln.text):
            ln.verdict = "meta:feed-timestamp"
        elif _sentence(ln):
            break
    run: list[Line] = []
    words = 0  # joining words in the run
    for ln in [*(ln for ln in lines if ln.verdict is None and not ln.keep), None]:  # (None closes the last run)
        if ln is not None and len(ln.text) <= _DATE_PART_MAX:
            word = _DATE_WORD.fullmatch(ln.text) is not None
            if word or _DATE_ONLY.fullmatch(ln.text) or _AGE_ONLY.fullmatch(ln.text):
                run.append(ln)
                words += word
                continue
        if len(run) >= 2 and 0 < words < len(run):
            for r in run:
                r.verdict = "meta:feed-timestamp"
        run, words = [], 0
    # below the first sentence or two (a slogan, a standfirst, a caption), a date line
    # right beside the byline or beside a share bar or widget a rule removed is the
    # article header's date; further down a date may head a timeline's entry (or a
    # card's, under the article) and stays
    sentences = 0
    for i, ln in enumerate(lines):
        if ln.verdict is None and not ln.keep and _sentence(ln):
            sentences += 1
            if sentences > _HEADER_SENTENCES:
                break
        if ln.verdict or ln.keep or len(ln.text) > _DATE_PART_MAX or not _DATE_ONLY.fullmatch(ln.text):
            continue
        beside = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any((b.verdict or "").startswith(_HEADER_NEIGHBOURS) or (b.verdict is None and _byline_line(b.text)) for b in beside):
            ln.verdict = "meta:feed-timestamp"


_HEADER_SENTENCES = 2  # sentences above an article header's date line, at most
# Rules whose lines stand beside an article header's date: a share bar, a widget, the title.
_HEADER_NEIGHBOURS = ("prompt:share", "nav:ui-status", "nav:bookmark", "meta:", "page:title")


def _byline_line(text: str) -> bool:
    """A short line that is a byline ("By Astha Saxena", "記者王小明／台北報導")."""
    return len(text) <= 60 and _BYLINE_WORDS.search(text) is not None and not _is_sentence(text)


# Removed lines that are the article's own metadata, not part of a page's list.
_ARTICLE_META = ("credit:original-title", "meta:title")


def heading_lists(lines: list[Line], rules: Rules) -> None:
    """4. lists of other articles after a known (or config) heading."""
    c = rules.builtin
    n = len(lines)
    alive = lambda i: lines[i].verdict is None  # noqa: E731

    def heading_kind(ln: Line) -> str | None:
        # (40 characters, or in Latin script a dozen words: "In pictures: a winter on the Harle Estuary")
        size = len(ln.text)
        if size > 100 or _sentence(ln) or (size > 40 and _length(ln.text) > 12) or _tab_label(ln):
            return None
        if any(p.fullmatch(ln.text) for p in rules.extra_headings):
            return "config:list_headings"
        m = c.heading_known.fullmatch(ln.text)
        if m:
            return c.names[m.lastgroup or ""]
        m = c.heading_fuzzy.fullmatch(ln.text)
        if m and _length(ln.text) <= 12:
            return "?" + c.names[m.lastgroup or ""]
        return None

    def list_run(start: int) -> list[int]:
        """Indices of the list items after a heading at ``start - 1``."""
        items: list[int] = []
        j = start
        while j < n:
            ln = lines[j]
            if ln.keep or ln.title or footnote(ln) or (ln.verdict is None and furniture(ln)):
                break  # the article's own byline, dateline or caption: the list has ended
            if ln.verdict:
                if ln.verdict.startswith(_ARTICLE_META):
                    break  # the article's own header (原标题, the title again) opens: the list has ended
                j += 1
                continue
            if not _headline_like(ln):
                break
            if items and not _dense(ln) and all(_dense(lines[k]) for k in items):
                break  # a list of links ends where plain text (a byline, a caption) starts
            if ln.tag in HEADING_TAGS and not _dense(ln) and items and j + 1 < n and _sentence(lines[j + 1]):
                break  # an article subheading resuming the prose
            items.append(j)
            j += 1
        return items

    if rules.on("list:heading-run"):
        i = 0
        while i < n:
            ln = lines[i]
            kind = None if (ln.verdict or ln.keep) else heading_kind(ln)
            taken = False
            if kind is None and ln.verdict and not ln.keep:
                # "Read more" already removed by a prompt rule still heads the list
                # under it: the list goes with its heading (links or <li> items only)
                kind = heading_kind(ln)
                taken = kind is not None and not kind.startswith("?")
                kind = kind if taken else None
            if kind is None:
                i += 1
                continue
            items = list_run(i + 1)
            if taken:
                # links or <li> items; in pasted text (no links survive) three or more plain
                # headlines under the button ("READ MORE" + 3 titles) are a list too
                plain_run = len(items) >= 3 and not _enumerated(lines, items)
                if not items or not (plain_run or all(_dense(lines[k]) or lines[k].in_list for k in items)):
                    i += 1
                    continue
                for k in items:
                    lines[k].verdict = "list:heading-run"
                i = items[-1] + 1
                continue
            fuzzy = kind.startswith("?")
            after = items[-1] + 1 if items else i + 1
            last = all(not alive(k) for k in range(after, n))
            dense = sum(1 for k in items if _dense(lines[k]))
            if fuzzy and not (len(items) >= 2 and (last or dense * 2 >= len(items) or len(items) >= 4)
                              and not _enumerated(lines, items)):
                i += 1
                continue
            ln.verdict = kind.lstrip("?")
            for k in items:
                lines[k].verdict = "list:heading-run"
            i = (items[-1] + 1) if items else i + 1


_TAB_ITEMS = 3  # items, at least, of a bar of tabs or media switches


def _tab_label(ln: Line) -> bool:
    """``ln`` is one label of a bar of tabs: an item of a list of :data:`_TAB_ITEMS` or
    more items of a word or two each ("Video" / "Photo" / "Gallery" over a picture): a
    switch, heading nothing under it."""
    if ln.tag != "li" or ln.el is None or ln.el.getparent() is None:
        return False
    items = [c for c in ln.el.getparent() if c.tag == "li"]
    return len(items) >= _TAB_ITEMS and all(0 < len(c.text_content().split()) <= 2 for c in items)


# A line that shows an address ("GitHub repo: https://…", "短鏈接: git.io/x") cites a
# place; a list of other articles shows their headlines.
_SHOWN_URL = re.compile(r"(?i:https?://|www\.)\S")


def shape_lists(lines: list[Line], rules: Rules) -> None:
    """5. lists by shape alone: runs of headline-like lines that no heading rule announced."""
    n = len(lines)
    i = 0

    def candidate(ln: Line) -> bool:
        # a caption, or a bullet of the article's own list, is never taken by shape
        # alone; a footnote or a bracketed note ("【案件編號：…】") is never a list item
        return (_headline_like(ln) and (_dense(ln) or not (ln.caption or ln.in_list)) and not footnote(ln)
                and not furniture(ln) and not ln.title and not _BRACKET_NOTE.fullmatch(ln.text)
                and not _SHOWN_URL.search(ln.text))

    # (a page with links anywhere links the headlines of its lists too: there a run of
    # plain lines at the end, none a link, is the article's close written in clauses)
    linked = any(ln.link_chars for ln in lines)
    while i < n:
        if lines[i].verdict or not candidate(lines[i]):
            i += 1
            continue
        run: list[int] = []
        j = i
        while j < n and (lines[j].verdict or candidate(lines[j])):
            if not lines[j].verdict:
                run.append(j)
            j += 1
        i = j
        # a sources heading ("參考資料") in the run: it and what follows are the
        # article's references, only the lines above it may be a list
        refs = next((x for x, k in enumerate(run) if _REFERENCE.fullmatch(lines[k].text)), None)
        if refs is not None:
            run = run[:refs]
        if not run:
            continue
        first = lines[run[0]]
        # (the title seen again is no text before the run: a run right under it opens the article)
        prev = next((lines[k] for k in range(run[0] - 1, -1, -1) if not lines[k].verdict and not lines[k].title),
                    None)
        introduced = prev is not None and bool(_INTRO_END.search(prev.text)) and _sentence_like_intro(prev)
        # the run opens with its own introduction ("本週發表的三份報告：" then the items):
        # a colon-ended line that is no list heading owns the list
        introduced = introduced or (len(run) >= 2 and bool(_INTRO_END.search(first.text))
                                    and not _dense(first) and _sentence_like_intro(first)
                                    and not _LIST_HEADING_LINE.fullmatch(first.text))
        # ... or a subheading opens the run and a sentence under it introduces the items
        # ("Moving meditations", "Moving meditations are those … like:", the linked items):
        # the section's own list (not under a list's heading, "Must Read")
        introduced = introduced or (len(run) >= 3 and bool(_INTRO_END.search(lines[run[1]].text))
                                    and not _dense(lines[run[1]]) and not _dense(first)
                                    and _sentence_like_intro(lines[run[1]]) and _length(lines[run[1]].text) >= 8
                                    and not re.search(R.LIST_HEADING_WORDS, first.text))
        # (a numbered list is the article's own -- unless each numbered item is itself a
        # whole link: a "most read" widget numbers its headlines too; links in a bullet
        # list under a numbered step are the article's resources)
        numbered_links = all(_dense(lines[k]) and _parent_tag(lines[k]) == "ol" for k in run)
        if introduced or (any(lines[k].in_ol for k in run) and not numbered_links) or _enumerated(lines, run):
            continue
        if _CLOSING_FORMULA.fullmatch(first.text):
            continue  # "Thank you." over a name and a title: the letter's signature
        if prev is not None and _REFERENCE.fullmatch(prev.text):
            continue
        # (a clause-rich line is no item of the run, but it does not show that the
        # article goes on below it either: the shape it had before that guard)
        at_tail = all(lines[k].verdict or not _sentence(lines[k]) and (
            _headline_like(lines[k]) or _clause_rich(lines[k].text) and _length(lines[k].text) <= 90)
            for k in range(j, n))
        dense = sum(1 for k in run if _dense(lines[k]))
        headingish = (_length(first.text) <= 12 and not _dense(first)
                      and bool(re.search(R.LIST_HEADING_WORDS, first.text)))
        rule = None
        if dense >= 3 and dense * 10 >= len(run) * 6 and rules.on("list:link-run"):
            if _link_post(lines, run):
                for k in run:  # the body itself: no later rule takes an item of it
                    lines[k].keep = True
                continue
            rule = "list:link-run"
        elif headingish and len(run) >= 3 and rules.on("list:shape-heading") and (dense * 2 >= len(run) or at_tail):
            rule = "list:shape-heading"
        elif (at_tail and (len(run) >= 4 or len(run) >= 3 and _bulleted(lines, run)) and prev is not None
              # a list that ends the article has the article above it: in a text
              # with no sentence above the run (a photo diary written in clauses
              # set apart by spaces), the run is the text itself
              and any(not lines[k].verdict and _sentence(lines[k]) for k in range(run[0]))
              and rules.on("list:tail-run") and (dense or not linked) and _headline_sized(lines, run) and not _sectioned(lines, run)
              and not _named_in_prose(lines, run) and not data_box(lines, run[1:] if len(run) > 3 else run)
              and not _fields_seen_above(lines, run)):
            rule = "list:tail-run"
        if rule:
            for k in run:
                lines[k].verdict = rule


def _link_post(lines: list[Line], run: list[int]) -> bool:
    """The run of links is the clipping's body: a digest post ("今日数据行业日报":
    report titles grouped under section labels) opens with its list and holds
    little else. True when no kept line but the title comes before the run and
    the run's text is at least twice the kept text outside it. A list of other
    articles has the article above it (a feed teaser, then 相关阅读) or under it
    (page chrome, then the story), and that text is what the reader came for."""
    if any(not lines[k].verdict and not lines[k].title for k in range(run[0])):
        return False
    inside = set(run)
    run_chars = sum(len(lines[k].text) for k in run)
    rest = sum(len(ln.text) for k, ln in enumerate(lines) if k not in inside and not ln.verdict and not ln.title)
    return run_chars >= 2 * rest


# "展期：6月1日至9月30日", "會長：張建國", "Sunday: 1 p.m. to 5 p.m.": a short field name
# and a short value.  Headlines quote a speaker the same way ("外交部：中方坚决反对美方
# 对台军售并已提出严正交涉"), but their values are claims, longer than a date, a
# place, a price or a name.
# (the field's name and its colon: "講師：", "Speaker:")
_FIELD_NAME = re.compile(r"\s*([^\s:：︰，。,.]{1,8}|[A-Za-z][A-Za-z'-]*(?: [A-Za-z'-]+){0,2})\s*[:：︰]")
_DATA_FIELD = re.compile(_FIELD_NAME.pattern + r"\s*(\S.*)")
_DATA_VALUE_CJK = 12  # characters (Latin words count one) of a value holding CJK
_DATA_VALUE_LATIN = 6  # words of one without
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")


def _data_line(line: Line) -> bool:
    m = None if _dense(line) else _DATA_FIELD.fullmatch(line.text)
    if m is None:
        return False
    value = m.group(2)
    return _length(value) <= (_DATA_VALUE_CJK if _HAS_CJK.search(value) else _DATA_VALUE_LATIN)


def data_box(lines: list[Line], run: list[int]) -> bool:
    """The run is a box of the article's own data (the show's dates and prices, a
    roster, a cast list, a place's address and phone), not a list of other
    articles: three or more of its lines, and three in five, are a short field
    name and a short value, none of them a link (``_data_line``)."""
    data = sum(1 for k in run if _data_line(lines[k]))
    return data >= 3 and data * 5 >= len(run) * 3


def _fields_seen_above(lines: list[Line], run: list[int]) -> bool:
    """The run's lines open with the field names of the article's own kept lines
    above it (a programme's second session, "主持人：…" / "講師：…", under its first):
    the article's list goes on, it is no list of other articles.  Two lines of the
    run at least, and a third of them."""
    def name(ln: Line) -> str | None:
        m = _FIELD_NAME.match(ln.text)
        return m.group(1) if m else None
    above = {name(ln) for ln in lines[:run[0]] if not ln.verdict} - {None}
    hits = sum(1 for k in run if name(lines[k]) in above)
    return hits >= 2 and hits * 3 >= len(run)


# The words a letter or a statement closes with, over the writer's name and title.
_CLOSING_FORMULA = re.compile(r"\s*(?:(?i:thank you|thanks|sincerely|(?:best |kind |warm )?regards|yours(?: sincerely| faithfully| truly)?|"
                              r"respectfully|cordially)[.,!]?|此致|敬上|謹上|谨上|謹啟|谨启|謝謝|谢谢|感謝|感谢)\s*")


def _parent_tag(ln: Line) -> str | None:
    parent = ln.el.getparent()
    return parent.tag if parent is not None else None


_ENUMERATED = re.compile(
    r"\s*(\d{1,4}\s*(年|月|日|:|：|\.|、|\)|）|/)|\d{1,2}:\d{2}|第[一二三四五六七八九十百\d]+|[（(]?[一二三四五六七八九十]+[、.)）]|"
    r"[（(]\d{1,2}[)）]|[①-⑳]|\[\d{1,3}\]|\d{1,2}\s|(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d))")


_BULLET = re.compile(r"\s*[●•・▶►■□◆◇★☆▪▸‣◎○➤➜→\-–—*]")


def _bulleted(lines: list[Line], run: list[int]) -> bool:
    """Every line opens with the same kind of bullet (●, ►, • …)."""
    return all(_BULLET.match(lines[k].text) for k in run)


def _enumerated(lines: list[Line], run: list[int]) -> bool:
    """A timeline or numbered list (2018年7月：…, 00:30 …, 第一…, [1] …): the
    article's own, not a list of other articles; or an outline, numbered points
    counting up with the article's lines between them (:func:`_outline`)."""
    items = [lines[k] for k in run[1:]] or [lines[k] for k in run]
    return sum(1 for ln in items if _ENUMERATED.match(ln.text)) * 2 >= len(items) or _outline(lines, run)


# "3.iPad沒有內建計算機…", "4.字典": a point's number opening its line
_POINT = re.compile(r"\s*(\d{1,2})\s*[.．、)）]")


def _outline(lines: list[Line], run: list[int]) -> bool:
    """Points numbered one by one (3., 4., 5. …) with lines of text between them: the
    article's own outline (a blog's "5 things Spotlight does"). A widget numbers
    every headline it lists, one after another, with nothing between."""
    # (the count may have begun above the run: "3." and "4." over it, "5." in it)
    span = range(max(0, run[0] - _OUTLINE_REACH), run[-1] + 1)
    points = [(k, int(m.group(1))) for k in span if not lines[k].verdict and (m := _POINT.match(lines[k].text))]
    if len(points) < 2 or not any(k >= run[0] for k, _ in points):
        return False
    counting = all(b[1] == a[1] + 1 for a, b in zip(points, points[1:]))
    apart = any(b[0] - a[0] > 1 for a, b in zip(points, points[1:]))
    return counting and apart


_OUTLINE_REACH = 12  # lines above a run in which its outline's count may have begun


_REFERENCE = re.compile(R.REFERENCE_HEADING)


def _sectioned(lines: list[Line], run: list[int], *, named: bool = True) -> bool:
    """The run has subheadings of its own among its items (two or more bold or
    heading lines that name no list and link nowhere): an outline of the article's
    last section ("3.1 公司", items, "3.2 技術", items), not a flat list of headlines.
    ``named``: the run's first line is its name (a list's heading), not an item."""
    return sum(1 for k in run[1 if named else 0:] if lines[k].heading_tag and not _dense(lines[k])
               and not _LIST_HEADING_LINE.fullmatch(lines[k].text)) >= 2


def _named_in_prose(lines: list[Line], run: list[int]) -> bool:
    """The run's first line, a name of some length that no list heading uses
    ("漳州市律师协会第五届理事会"), is said word for word in the article's prose
    above it ("大会选举产生了漳州市律师协会第五届理事会理事……"): the run is what
    the article reported (a roster, the results), not a list of other articles,
    whose headlines the article does not quote."""
    name = lines[run[0]].text.strip(" ：:")
    if _length(name) < 6 or _LIST_HEADING_LINE.fullmatch(lines[run[0]].text):
        return False
    return any(name in lines[k].text and lines[k].text != lines[run[0]].text and _sentence(lines[k])
               for k in range(run[0]) if not lines[k].verdict)


def _headline_sized(lines: list[Line], run: list[int]) -> bool:
    """Items long enough to be headlines of other articles, and not the bullet
    points of the article's own list (which sit in <li> without a heading)."""
    items = [lines[k] for k in run[1:]] or [lines[run[0]]]
    if all(ln.in_list for ln in items) and lines[run[0]].in_list:
        return False
    cjk = sum(1 for ln in items if re.search(r"[\u3400-\u9fff]", ln.text))
    sized = [_length(ln.text) for ln in items]
    if len(sized) > 2 and sized[0] <= 6:  # a short unknown heading ("好文推荐") is no headline
        sized = sized[1:]
    floor = (7 if _bulleted(lines, run) else 8) if cjk * 2 >= len(items) else 6
    return sum(sized) >= floor * len(sized)


_LIST_HEADING_LINE = re.compile("|".join(f"(?:{R.HEADING_RULES[k]})" for k in R.HEADING_RULES))


def _sentence_like_intro(line: Line) -> bool:
    """"主要措施包括：" introduces the article's own list; "延伸閱讀：" does not.  In
    English a few words make one when a possessive or a pointing word opens them
    ("Their advice:", "Here's how:")."""
    return ((_length(line.text) >= 6 or bool(_OWN_INTRO.match(line.text)))
            and not re.fullmatch(R.LIST_HEADING_WORDS + r".{0,8}", line.text))


_OWN_INTRO = re.compile(r"(?i:(their|his|her|its|our|my|your|these|those|the following|here'?s|here are|here is)\b[^:：]{1,40}[:：]\s*$)")



_EDGE_PROMO = re.compile(R.EDGE_PROMO_WORDS)
_READER = re.compile(R.READER_WORDS)
_EDGE_CTA = re.compile(R.EDGE_CTA)
_PROMO_VERB = re.compile(R.PROMO_VERBS)
_OUTLET = re.compile(R.OUTLET_NAME)
# a byline: "By" and a capitalised name ("-- By Jane Roe"; "ByJane Roe" where a page glued
# "By" to the link of the name)
_BY_NAME = re.compile(r"[\s\-–—_=~·*]*(?:(?i:by)\s+[A-Z]|By(?=[A-Z][a-z]))")
# two or more writers' names and nothing else ("Jane Roe/John Doe", "Jane Roe and Li Wei"):
# a byline without its "By", never a section label (a label names one thing)
_PERSON = r"[A-Z][a-z'’\-]+(?: (?:[A-Z]\.|[A-Z][a-z'’\-]+|van|von|de|der|da|del|la|le|St\.))+"
_NAMES_ONLY = re.compile(rf"{_PERSON}(?:\s*(?:/|&|,|\band\b)\s*{_PERSON})+")
_BYLINE_WORDS = re.compile(r"文\s*[／/｜|:：]|記者|记者|攝影|摄影|撰文|作者|編譯|编译|報導|报道|(?i:\bby\b)")


# A fundraiser the story reports on (a family's, a charity's): the outlet asks for
# money on its own pages, never through these platforms.
_FUNDRAISER = re.compile(r"(?i:gofundme|go fund me|gofund\.me|justgiving|givealittle|kickstarter|indiegogo|crowdfunder)|水滴[筹籌]|[轻輕]松[筹籌]")


# Someone else's account the article points to: "并订阅他们的 YouTube 频道", "follow their page"
# (the outlet asks for its own: 我们/本号/our).
_THEIR_ACCOUNT = re.compile(r"(他们|他們|她们|她們|它们|它們|其)的?\s*(?i:youtube|facebook|instagram|line|x|twitter|tiktok|"
                            r"频道|頻道|账号|帳號|专页|專頁|粉丝页|粉絲頁|主页|主頁|公众号|公眾號)|(?i:\btheir (youtube|facebook|instagram|"
                            r"channel|page|account|newsletter)s?\b)")
# The platforms a promo names: an outlet's page there is a prompt only with a verb that urges.
_PLATFORM = re.compile(r"(?i:line|telegram|instagram|youtube|facebook|臉書|脸书|微信)")
# A numbered step of the article's own instructions: "STEP 1: 點選…", "步驟二：", "第3步".
_STEP = re.compile(r"\s*(?:(?i:step)\s*\d+|步[驟骤]\s*[\d一二三四五六七八九十]+|第\s*[\d一二三四五六七八九十]+\s*步)")


_GLUED_NOTE = re.compile(r"[（(【〔\[［][^（）()【】〔〕\[\]［］]{2,80}[）)】〕\]］]\s*$")
_GLUED_TEXT_MIN = 20  # reader's characters before the note: a sentence, not a label
_CAPTION_PROMPT_MAX = 40  # characters: a slogan under the outlet's QR code, not a caption


def _caption_prompt(ln: Line) -> bool:
    """The text under a picture at the edge is the outlet's app slogan, not the
    picture's caption: short, no sentence, naming a promo thing that is no mere
    platform (an app, a download, a subscription) and urging it ("海量资讯、精准解读，
    尽在新浪财经APP" under the QR code). A caption that tells of someone's use of a
    platform is a sentence, or names only the platform."""
    t = ln.text
    return (len(t) <= _CAPTION_PROMPT_MAX and not _sentence(ln) and _PROMO_VERB.search(t) is not None
            and any(not _PLATFORM.fullmatch(m.group(0)) for m in _EDGE_PROMO.finditer(t)))


def edge_promos(lines: list[Line], rules: Rules) -> None:
    """5b. promos and mastheads nobody listed, at the edges of the article.

    Before the first and after the last paragraph of prose, a short line that
    names a promo thing (订阅, APP, 赞助, newsletter …) and either speaks to the
    reader (你/您/our …) or is no sentence at all, is a prompt; a line that is only
    an outlet's name (the clipping's own source name, or a name shaped like one) is
    a masthead."""
    def promo(ln: Line) -> bool:
        t = ln.text
        if (ln.keep or (ln.caption and not _caption_prompt(ln)) or ln.tag in OPAQUE or len(t) > 120 or t.count("。") > 1 or _REPORTING.search(t)
                or not _EDGE_PROMO.search(t) or _BY_NAME.match(t) or _FUNDRAISER.search(t) or _STEP.match(t)
                or _THEIR_ACCOUNT.search(t)):
            return False  # ("By Jane Roe March 18 at 12:22 PM Follow @janeroe" is the byline;
            # "To donate, visit www.gofundme.com/…" is the story's own appeal, not the outlet's)
        # (text with a note glued on in brackets, "…发生了一场至今难忘的天灾…（如果你认同我，请
        # 关注本公众号，谢谢）": the line is the article's, and the glued-promo pass cuts the note)
        core = _GLUED_NOTE.sub("", t)
        if core != t and _length(core) >= _GLUED_TEXT_MIN and _CLAUSE_MARK.search(core):
            return False
        # when all it names is a platform, it must urge something there: "…展現妳的專屬…" in a
        # line about a brand's Instagram stickers is the article's, "追蹤我們的IG" a prompt
        if all(_PLATFORM.fullmatch(m.group(0)) for m in _EDGE_PROMO.finditer(t)) and not _PROMO_VERB.search(t):
            return False
        reader = bool(_READER.search(t) or _EDGE_CTA.search(t))
        if _sentence(ln):  # a sentence must speak to the reader or call to action
            return reader
        # a fragment must at least urge something ("海量资讯，尽在新浪财经APP");
        # a caption that merely names Facebook or an app does not
        return reader or bool(_PROMO_VERB.search(t))

    def prose(ln: Line) -> bool:
        return _sentence(ln) and not promo(ln)

    outlet = _name_key(rules.outlet)  # the clipping's own source name, alone on a line: its masthead
    alive = [ln for ln in lines if ln.verdict is None]
    first = next((k for k, ln in enumerate(alive) if prose(ln)), len(alive))
    last = next((k for k in range(len(alive) - 1, -1, -1) if prose(alive[k])), -1)
    for k, ln in enumerate(alive):
        if first <= k <= last:
            continue
        # (a line that ends with a colon over more lines introduces them: "FENDI貼圖下載方法："
        # over its steps is the article's how-to, not an app prompt)
        if rules.on("edge:promo") and promo(ln) and not (k + 1 < len(alive) and _INTRO_END.search(ln.text)):
            ln.verdict = "edge:promo"
        elif rules.on("edge:outlet-name") and not ln.keep and _masthead(_SOURCE_LABEL.sub("", _undated(ln.text), count=1), outlet):
            ln.verdict = "edge:outlet-name"


def _masthead(text: str, outlet: str) -> bool:
    """``text`` is only an outlet's name: the clipping's own source (``outlet``, a
    :func:`_name_key`) or a name shaped like one (``R.OUTLET_NAME``), at most 24
    characters, with no byline word."""
    # (a phrase with 的 is no masthead: "避免廣播錯誤的路由" names a policy)
    return (len(text) <= 24 and (_OUTLET.fullmatch(text) is not None or bool(outlet and _name_key(text) == outlet))
            and not _BYLINE_WORDS.search(text) and "的" not in text)


# "来源： ACG17": the source label before a name (the name alone is then judged).
_SOURCE_LABEL = re.compile(r"^\s*(来源|來源|出处|出處|稿源|(?i:source))\s*[:：︰|｜]\s*")
# "燈籠日報 2025年3月5日", "央视网 2024-11-01 16:40": a name, then the page's date line.
_NAME_THEN_DATE = re.compile(r"(\S.{0,23}?)[\s|｜·•,，]+(\d.{5,})")


def _undated(text: str) -> str:
    """``text`` without the date line that follows a name on it (the masthead and the
    date a page sets over its article); ``text`` itself when no date ends it."""
    found = _NAME_THEN_DATE.fullmatch(text)
    return found.group(1) if found and _date_line(found.group(2)) else text


def _name_key(text: str) -> str:
    """An outlet's name compared without case, spaces or punctuation."""
    return re.sub(r"[\W_]+", "", text).casefold()


# Passes 6-7 and the table guard live in digest.cleaning.passes_late (size); re-exported.
from digest.cleaning.passes_late import byline_glue, dup_captions, glued_promos, linked_list_items, whole_tables_only, writer_field, writer_in_credit  # noqa: E402,F401
