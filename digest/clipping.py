"""Reading a raw clipping of any supported format -> :class:`Clipping`.

In:  a file a curator saved -- a content file with YAML frontmatter, a feed
     clipping (``<!--ms timestamp-->``, ``[title](url)``, a ``------`` rule, an
     HTML body), text pasted from a web page (title line, date line,
     paragraphs), Markdown (optionally with a ``Key: value`` header), an HTML
     fragment or a full HTML page -- plus the site's time zone and host table.
Out: a frozen Clipping: title, url, date (aware), the body *as it came* (for
     a full page: the article element, without the page around it --
     :mod:`digest.clipping_html`), its
     :class:`~digest.render.BodyFormat`, a language guess, a source guess, and
     the metadata lines that were taken out of the body.

Nothing here removes junk from the article body: that is the build's
:mod:`digest.cleaning` stage, so better rules later improve old clippings too.
The one exception is a full HTML page, where the page chrome (navigation,
sidebars, share bars, related-article boxes marked by their CSS class) must be
cut away to find the article at all; those cuts are reported in ``removed``.
"""

from __future__ import annotations

import html as htmlmod
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from .cleaning import junk_line_rule, provenance_line
from .cleaning.rules import HEADING_RULES
from .clipping_html import read_html_fragment, read_page, strip_tags
from .clipping_meta import (
    DEFAULT_TZ,
    aware,
    detect_lang,
    host_of,
    parse_date,
    source_for,
)
from .errors import BuildError, problem
from .render import BodyFormat, detect_format
from .text import normalise_text

__all__ = ["DEFAULT_TZ", "Clipping", "detect_lang", "host_of", "parse_date", "read_clipping", "source_for"]


@dataclass(frozen=True)
class Clipping:
    """One clipping as read (see the module docstring); ``body`` is not cleaned."""

    path: str
    kind: str                  # frontmatter | feed | text | markdown | html | page
    title: str | None
    url: str | None
    date: datetime | None      # timezone-aware
    body: str
    format: BodyFormat
    lang: str                  # zh-Hans | zh-Hant | en
    source: str | None
    meta: Mapping[str, Any] = field(default_factory=dict)   # other frontmatter (tags, summary, cleaning…)
    removed: tuple[tuple[str, str], ...] = ()               # (rule, text) cut while extracting a page
    body_line: int = 1



# ---------------------------------------------------------------------------
# Format detection and the readers
# ---------------------------------------------------------------------------

_FRONTMATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)
_FEED_HEAD = re.compile(
    r"\A\s*(?:<!--\s*(?P<ts>\d{9,13})\s*-->\s*\n)?\s*"
    # (a feed of a site saved for offline reading links its items relatively: "./../標題/index.html")
    r"\[(?P<title>[^\n]+?)\]\((?P<url>https?://[^\s)]+|\.{0,2}/[^\s)]*)\)[ \t]*\r?\n"
    r"[ \t]*(?:-{3,}|={3,}|\*{3,})[ \t]*\r?\n",
)
# a saved page may open with comments ("<!-- saved from url=… -->") or an XML declaration
_PAGE = re.compile(r"\A\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*(?:<!doctype html|<html\b|<head\b)", re.I | re.S)
# ... or be a page an archive wrapped in an element of its own (``<text id=URL
# title=…>…</text>``): it still has a page's <title> near the top and its </html> or
# <body> (a fragment of a feed has neither), and is read as the page it is.
_PAGE_TITLE = re.compile(r"<title\b[^>]*>", re.I)
_PAGE_END = re.compile(r"<body\b|</html\s*>", re.I)
_PAGE_TOP = 4000  # characters in which a wrapped page shows its <title>


def _wrapped_page(text: str) -> bool:
    return _PAGE_TITLE.search(text, 0, _PAGE_TOP) is not None and _PAGE_END.search(text) is not None


_HTML_FRAGMENT = re.compile(r"\A\s*<(?:p|div|article|section|figure|h[1-6]|ul|ol|img|blockquote|table|main|span|a|b|strong|em|i)\b", re.I)
_STRONG_MARKDOWN = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|^#{1,6}\s|^```", re.M)
_META_HEADER = re.compile(r"\A((?:[A-Za-z][A-Za-z_ -]{0,20}:[ \t]*[^\n]*\n)+)\s*\n", re.S)
_META_KEYS = {"title", "date", "url", "source", "author", "authors", "tags", "category", "slug", "lang",
              "summary", "source_url", "link", "published", "modified"}
_SENTENCE_END = re.compile(r"[。．.!?！？][」』”’\"')）]*$")
_DATE_LINE = re.compile(
    r"^[\W_]*(?:(?:發布時間|发布时间|發佈時間|更新時間|更新时间|發表時間|发表时间|出版時間|日期|時間|时间|"
    r"published|posted|updated|date)\s*[:：]?\s*)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s*)?"
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})", re.I)


# Characters any page of Chinese news is full of: they tell GBK from Big5.
_COMMON_HANZI = set("的一是不了在人有我他這这個个們们中來来上大為为和國国地到以說说時时要就出會会也年月日")


def _decode_legacy(data: bytes) -> str | None:
    """Pages saved by older Chinese sites come in GBK or Big5: use the charset
    the page declares, else the decoding that yields the most common hanzi."""
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:4096])
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    best: tuple[int, str] | None = None
    for name in names + ["gb18030", "big5hkscs"]:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if name in names[:1]:
            return text
        score = sum(1 for ch in text if ch in _COMMON_HANZI)
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best and best[0] > 0 else None


def read_clipping(
    path: Path | str,
    *,
    tz: ZoneInfo = DEFAULT_TZ,
    sources: Mapping[str, str] | None = None,
    source: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    text: str | None = None,
) -> Clipping:
    """Read one clipping.  Raises BuildError(path:line: reason) when unreadable.
    ``source``/``url``/``lang`` are the curator's overrides (``--source`` ...)."""
    path = Path(path)
    if text is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BuildError([problem(path, 0, f"cannot read file: {exc.strerror or exc}")]) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            legacy = _decode_legacy(data)
            if legacy is None:
                line = data[: exc.start].count(b"\n") + 1
                raise BuildError([problem(path, line, "not UTF-8 text (save the clipping as UTF-8)")]) from None
            text = legacy
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise BuildError([problem(path, 1, "binary file, not a text clipping")])
    text = normalise_text(text)  # word processors' \v, \f, \x1d … (digest.text)
    if not text.strip():
        raise BuildError([problem(path, 1, "empty file: nothing to import")])

    fields = _read(path, text, tz)
    if isinstance(fields.get("date"), datetime):  # one clock for the whole site
        fields["date"] = fields["date"].astimezone(tz)
    if url:
        fields["url"] = url
    body = fields["body"]
    fields["lang"] = lang or fields.get("lang") or detect_lang(_visible_text(body, fields["format"]))
    # the host table names the outlet of a known URL; --source covers the rest
    fields["source"] = (fields.get("source") or source_for(fields.get("url"), sources or {}) or source)
    return Clipping(path=str(path), **fields)


_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def _read(path: Path, text: str, tz: ZoneInfo) -> dict[str, Any]:
    m = _FRONTMATTER.match(text)
    if m:
        return _read_frontmatter(path, text, m, tz)
    m = _FEED_HEAD.match(text)
    if m:
        return _read_feed(text, m, tz)
    if _PAGE.match(text) or _wrapped_page(text):
        return read_page(text, tz)
    if _HTML_FRAGMENT.match(text):
        return read_html_fragment(text, tz)
    fmt = detect_format(text)
    # (a file saved as .html with markup in it is HTML, however little: a feed item's
    # one paragraph of text ending in "<br><img …>")
    if fmt is BodyFormat.HTML or (path.suffix.lower() in (".html", ".htm") and _ANY_TAG.search(text)):
        return read_html_fragment(text, tz)
    if _looks_pasted(text):
        return _read_text(text, tz)
    # Without frontmatter, Markdown must show itself plainly (a "# " title, a
    # Key: value header, links or emphasis): a pasted page may well hold a line
    # like "1. 第一點" that Markdown would turn into a list and change.
    if text.lstrip().startswith("# ") or _meta_header(text) or (
            fmt is BodyFormat.MARKDOWN and _STRONG_MARKDOWN.search(text)):
        return _read_markdown(text, tz)
    return _read_text(text, tz)


def _read_frontmatter(path: Path, text: str, m: re.Match[str], tz: ZoneInfo) -> dict[str, Any]:
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        raise BuildError([problem(path, line, f"invalid YAML frontmatter: {getattr(exc, 'problem', exc)}")]) from None
    if not isinstance(meta, dict):
        raise BuildError([problem(path, 1, "frontmatter must be a mapping of keys to values")])
    body = text[m.end():]
    declared = meta.get("format")
    fmt = BodyFormat(declared) if declared in {f.value for f in BodyFormat} else detect_format(body)
    rest = {k: v for k, v in meta.items() if k not in ("title", "url", "date", "source", "lang", "format")}
    return {
        "kind": "frontmatter", "title": _str(meta.get("title")), "url": _str(meta.get("url")),
        "date": aware(meta.get("date"), tz), "body": body, "format": fmt,
        "lang": meta.get("lang") if meta.get("lang") in ("zh-Hans", "zh-Hant", "en") else None,
        "source": _str(meta.get("source")), "meta": rest, "body_line": text[: m.end()].count("\n") + 1,
    }


def _str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


_HTML_COMMENT = re.compile(r"[ \t]*<!--.*?-->", re.S)


def _read_feed(text: str, m: re.Match[str], tz: ZoneInfo) -> dict[str, Any]:
    body = text[m.end():].lstrip("\n")
    date = None
    if m.group("ts"):
        stamp = int(m.group("ts"))
        seconds = stamp / 1000 if stamp > 10**11 else stamp
        date = datetime.fromtimestamp(seconds, tz)
    else:  # DW-style bodies open with <div><i><br>ISO timestamp</i></div>
        iso = re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})", body[:400])
        if iso:
            date = parse_date(iso.group(0), tz)
    fmt = detect_format(body)
    if fmt is not BodyFormat.HTML and _INLINE_TAG.search(body):
        fmt = BodyFormat.HTML  # "…处置。<br><a href=…>原文链接</a>": a feed's description is HTML
    if fmt is BodyFormat.TEXT and "<!--" in body:
        # ... and its comments are markup, not text: "…collected. <!-- more -->" (the
        # blog engine's cut mark), which no reader of the feed sees
        body = _HTML_COMMENT.sub("", body)
    if fmt is BodyFormat.TEXT and "&" in body:
        # a feed's description is HTML even without a tag: "don&#x2019;t" is its
        # escaping of "don’t" (plain text is escaped again when it is rendered)
        body = htmlmod.unescape(body)
    removed: tuple[tuple[str, str], ...] = ()
    url = m.group("url") if m.group("url").startswith(("http://", "https://")) else None  # (no address to link to)
    return {"kind": "feed", "title": htmlmod.unescape(m.group("title")).strip(), "url": url,
            "date": date, "body": body, "format": fmt, "body_line": text[: m.end()].count("\n") + 1,
            "removed": removed}


# A Chinese byline on a line of its own: "記者林孟潔／台北報導", "鉅亨網記者魏志豪 台北",
# "文匯報記者 李昌鴻 深圳報道" -- an optional outlet, 記者, one to three names, an
# optional place and 報導.  A sentence that mentions a reporter has more words.
_ZH_BYLINE = re.compile(
    r"[（(【〔]?\s*[\u4e00-\u9fffA-Za-z]{0,8}?(記者|记者|特派員|特派员|特約記者|特约记者)\s*"
    r"[\u4e00-\u9fff·]{2,4}([、,，\s]+[\u4e00-\u9fff·]{2,4}){0,2}"
    r"(\s*[／/|｜]?\s*[\u4e00-\u9fff]{0,6}(報導|报道|報道|綜合報導|综合报道|電|电))?\s*[）)】〕]?")
# An inline tag of HTML: a feed body that holds one is HTML, whatever its block tags.
_INLINE_TAG = re.compile(r"<(?:a\s[^>]*href|br\s*/?>|img\s|/a>|/?(?:strong|em|b|i|span|sup|sub)>)", re.I)


def norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _meta_header(text: str) -> re.Match[str] | None:
    """A ``Key: value`` header block whose keys are all metadata keys (title, date,
    url ...).  A pasted headline with a colon ("Fact Check: Is An …", "Column: …")
    above a blank line is no header."""
    m = _META_HEADER.match(text)
    if m is None:
        return None
    keys = {ln.split(":", 1)[0].strip().lower() for ln in m.group(1).splitlines() if ":" in ln}
    return m if keys & _META_KEYS and keys <= _META_KEYS | {"status"} else None


def _looks_pasted(text: str) -> bool:
    """A title line then a date line within the next few lines: a pasted page,
    whatever Markdown-like characters ("- END -") appear further down."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:5]
    if not lines or lines[0].startswith(("#", "---", "<")) or _meta_header(text):
        return False
    return any(_is_date_line(ln) for ln in lines[1:5])


# Short metadata lines between the date line and the article: 来源：新京报, 作者：…
_META_LINE = re.compile(
    r"^[\W_]*(来源|來源|出處|出处|作者|撰文|文字|文|記者|记者|採訪|采访|撰稿|影像|圖表|图表|編輯|编辑|責任編輯|责任编辑|攝影|摄影|圖|图|字數|字数|"
    r"source|by|author|photo|image)\s*[:：／/｜|]\s*[^。！？.!?]{1,40}$", re.I)


# A line that names who wrote the article ("文｜葛芸", "記者林佳蓉／花蓮報導", "By Jane Doe"):
# the labelling rules keep it as the article's byline.  Source, editor and picture
# credits (来源：…, 編輯：…, 攝影：…) are the page's.
_WRITER_ROLE = re.compile(r"^[\W_]*(作者|撰文|文字|文|記者|记者|撰稿|採訪|采访|報導|報道|报道|by|author)\s*[:：／/｜|]", re.I)


def _writer_byline(line: str) -> bool:
    return bool(_ZH_BYLINE.fullmatch(line) or _BYLINE.match(line) or _WRITER_ROLE.match(line))


_DATE_WORDS = re.compile(
    r"[\d\s:：/.\-,，|｜年月日時时分秒上下午晚早（）()+]|更新|發布|发布|發佈|時間|时间|星期.|週.|周.|"
    r"(?i:updated?|published|posted|gmt|utc|hkt|jst|cet|est|edt|pst|pdt|cst|bst|et|pt|am|pm|mon|tue|wed|thu|fri|sat|sun|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*")


def _is_date_line(line: str) -> bool:
    """A line that carries the article's date: "2025-01-23 12:29",
    "Updated 9:14 AM EST, Thu January 23, 2025", "發布時間：2025/01/23" -- a date
    with at most a few other words, never a sentence that opens with a date
    (a caption: "2024年3月8日，志工在…。（攝影／…）")."""
    line = line.strip()
    if len(line) > 80 or _caption_like(line):
        return False
    return bool(_DATE_LINE.match(line) or (_pure_date(line) and parse_date(line)))


# A photo credit closing a line: "（攝影／高禹安）", "（圖／中央社）", "林若凡攝", "(Photo: AP)".
_CREDIT_END = re.compile(
    r"([（(]\s*(攝影|摄影|圖|图|照片|圖片|图片|圖文|图文|影像|(?i:photo|image|credit))\s*[／/:：｜|][^）)]{1,30}[）)]"
    r"|[\u4e00-\u9fff]{2,4}\s*(攝|摄)|[（(][^）)]{1,20}(攝|摄)[）)])\s*$")


def _caption_like(line: str) -> bool:
    """A photo caption: a sentence (a full stop or comma inside) that ends with a photo
    credit.  A caption is never the title or the date line of pasted text."""
    m = _CREDIT_END.search(line)
    return m is not None and bool(re.search(r"[。，,．.]", line[: m.start()]))


def _pure_date(line: str) -> bool:
    """"更新時間：2025/01/23 15:10" is metadata; "2025年1月20日,馬斯克出席…" is a caption."""
    line = line.strip()
    return bool(line) and bool(re.search(r"\d", line)) and len(_DATE_WORDS.sub("", line)) <= 2


def _read_text(text: str, tz: ZoneInfo) -> dict[str, Any]:
    """Pasted page text: maybe some site chrome (menu items, "Support us"), a
    title line, maybe a few short metadata lines (byline) and a date line,
    then one paragraph per line."""
    lines = text.split("\n")
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    removed: list[tuple[str, str]] = []
    # navigation / share bars pasted above the title ("首頁 > 生活", "分享 Facebook LINE")
    # (and a clipping tool's or a repost's header: "已用「网页剪报」插件保存 · 2024/09/03 22:17")
    while len(idx) > 2 and (junk_line_rule(top := lines[idx[0]].strip()) or provenance_line(norm_space(top))):
        removed.append(("page:top-chrome", lines[idx.pop(0)].strip()))
    title = None
    date = None
    start = 0
    opening: list[str] = []
    found = _title_and_date(lines, idx)
    if found is not None:
        t, d = found
        below = lines[idx[d + 1]].strip() if d + 1 < len(idx) else ""
        if below and below in {lines[k].strip() for k in idx[:t + 1]}:
            # the title is printed under the date, and seen above it in a list of
            # headlines: the line taken for the title was the list's last
            removed += [("page:top-chrome", lines[k].strip()) for k in idx[:d]]
            title, date, start = below, parse_date(lines[idx[d]], tz), idx[d + 1] + 1
        else:
            # a photo caption right above the title is the lead picture's (pasted from
            # a page that shows it first): the article's; the rest above is page chrome
            lead = t
            while lead > 0 and _caption_like(lines[idx[lead - 1]].strip()):
                lead -= 1
            removed += [("page:top-chrome", lines[k].strip()) for k in idx[:lead]]
            title, date, start = lines[idx[t]].strip(), parse_date(lines[idx[d]], tz), idx[d] + 1
            # the standfirst and the writer's byline between title and date are the article's: they open the body
            between = [lines[k].strip() for k in idx[t + 1:d]]
            opening = [lines[k].strip() for k in idx[lead:t]]
            # (a standfirst without a full stop is the headline-shaped line right under the
            # title, longer than it: "Deadweight prices rise for a fifth week as …")
            opening += [line for n, line in enumerate(between) if _writer_byline(line) or _standfirst(line)
                        or n == 0 and len(line) >= 40 and len(line) > len(title) and _headline(line)]
            removed += [("meta:byline", line) for line in between if line not in opening]
    elif idx:
        first = lines[idx[0]].strip()
        if len(first) <= 120 and not re.search(r"[。．]$", first) and not _caption_like(first):
            # a title without a date line: only when a blank line sets it apart, or when
            # it is shaped like a headline and a photo caption follows it (the lead
            # picture's), or a sentence does in text pasted one paragraph a line with no
            # blank line anywhere
            nxt = idx[0] + 1
            # (a repost's header under the title, "本文转载自微信公众号…", is no line of the article)
            second = next((line for k in idx[1:] if not provenance_line(norm_space(line := lines[k].strip()))
                           and not junk_line_rule(line)), "")
            run_on = len(idx) > 2 and idx[-1] - idx[0] + 1 == len(idx)
            if len(idx) > 1 and (nxt < len(lines) and not lines[nxt].strip() or _headline(first)
                                 and not _writer_byline(first)
                                 and (run_on and _SENTENCE_END.search(second) is not None or _caption_like(second))):
                title, start = first, idx[0] + 1
                if _is_date_line(lines[idx[1]]):
                    date, start = parse_date(lines[idx[1]], tz), idx[1] + 1
    if title is not None and date is not None:
        # the page head after the date, up to the first blank line ("鏡週刊 Mirror Media",
        # "記者陳思妤／台北報導", "下載APP…"): short lines without any sentence punctuation
        # (a caption has some) -- metadata.  Only when a blank line closes it:
        # otherwise the article may start right there; and only a head that holds a
        # byline (a dek line alone under the date stays).
        k = start
        while k < len(lines) and lines[k].strip() and len(lines[k].strip()) <= 40 \
                and not re.search(r"[。，,；;！？!?]", lines[k]) and not _SENTENCE_END.search(lines[k].strip()):
            k += 1
        head = [lines[j].strip() for j in range(start, k)]
        if 0 < len(head) <= 5 and k < len(lines) and not lines[k].strip() and any(
                _ZH_BYLINE.fullmatch(h) or _BYLINE.match(h) or _META_LINE.match(h) for h in head):
            # the writer's byline is the article's (it stays in the body); the rest of
            # the head is the page's (outlet name, app prompt, source, credits)
            for j in range(start, k):
                if not _writer_byline(lines[j].strip()):
                    removed.append(("page:head", lines[j].strip()))
                    lines[j] = ""
    if title is not None:  # metadata lines right after the title/date block
        while start < len(lines) and (not (line := lines[start].strip()) or _META_LINE.match(line)
                                      or _pure_date(lines[start])):
            if line:
                if _writer_byline(line):
                    break  # the byline stays: it is the article's
                removed.append(("page:head", line))
            start += 1
    body = "\n".join([*opening, *lines[start:]]).strip("\n") + "\n"
    return {"kind": "text", "title": title, "url": None, "date": date, "body": body,
            "format": BodyFormat.TEXT, "body_line": start + 1 - len(opening), "removed": tuple(removed)}


# Lines of a pasted page above its date line, at most: a news site's menu, trending
# list and headline box run to thirty and more, one item a line.
_HEAD_LINES = 60


def _title_and_date(lines: list[str], idx: list[int]) -> tuple[int, int] | None:
    """Positions (in ``idx``) of the title line and the date line, or None.

    The date line is a pure date ("2025-01-23 12:29") among the first
    ``_HEAD_LINES`` lines; the title is the nearest line above it that is not a
    short byline ("By Jane Doe", "文字：林雨佑").  Lines above the title must all
    be short (menu items, "Support us", a trending list): prose above it means
    this is not a page head."""
    for d in range(1, min(len(idx), _HEAD_LINES)):
        if not _is_date_line(lines[idx[d]]):
            continue
        t = d - 1
        # skip bylines / short metadata between title and date ("By Jane Doe",
        # "本报记者 高桥亮 东京报道"), and page widgets pasted among them
        # ("Advertisement", "Share"): a whole-line junk rule
        while t > 0 and d - t <= 3 and (_META_LINE.match(lines[idx[t]].strip()) or _writer_byline(lines[idx[t]].strip())
                                        or junk_line_rule(lines[idx[t]].strip())):
            t -= 1
        title = lines[idx[t]].strip()
        dek = t > 0 and _SENTENCE_END.search(title) is not None and _headline(lines[idx[t - 1]].strip())
        if dek:
            t -= 1  # the line that ends like a sentence is the standfirst under the title
            title = lines[idx[t]].strip()
        elif t > 1 and _headline(above_line := lines[idx[t - 1]].strip()) and (
                # the headline seen again (first in the page's list of headlines) is the
                # title: the line under it is its standfirst, whatever its ending
                above_line in {lines[k].strip() for k in idx[:t - 1]}
                # ... and so, under the page's section path, is a headline over a longer line
                # without a full stop ("Home / Markets / Livestock", "Beef trade firms …",
                # "Deadweight prices rise for a fifth week as processors chase …")
                or _headline(title) and len(title) > len(above_line) and _SECTION_PATH.fullmatch(lines[idx[t - 2]].strip())):
            t -= 1
            title = above_line
            dek = True
        # (a headline may end with a full stop -- WeChat's do, "蒸馏了一个「孙割写作.skill」。" --
        # when it is the first line, one short sentence, right above the date line)
        stop_ok = t == 0 and d == 1 and len(title) <= 60 and len(re.findall(r"[。．！？!?]", title)) == 1
        if len(title) < 4 or len(title) > 160 or (re.search(r"[。．]$", title) and not stop_ok) or _caption_like(title):
            return None
        between = [lines[k].strip() for k in idx[t + 1 + dek:d]]
        above = [lines[k].strip() for k in idx[:t]]
        if all(len(b) <= 40 and not _SENTENCE_END.search(b) or _writer_byline(b) or junk_line_rule(b) for b in between) \
                and _chrome_lines(above):
            return t, d
        return None
    return None


_NUMBERED = re.compile(r"\s*\d{1,2}[.、)）]\s")
# A page's section path: "Home / Markets / Livestock", "Oil & Gas / Offshore", "首页 > 新闻 > 国内".
_SECTION_PATH = re.compile(r"[^/>›»|。.]{1,24}(\s*[/>›»]\s*[^/>›»|。.]{1,24}){1,5}")


def _headline(line: str) -> bool:
    """A headline over a standfirst: 12 to 160 characters, not ending like a
    sentence, no photo caption and no item of a numbered list."""
    return 12 <= len(line) <= 160 and not _SENTENCE_END.search(line) and not _caption_like(line) \
        and not _NUMBERED.match(line) and not junk_line_rule(line)


def _standfirst(line: str) -> bool:
    """A line between the title and the date line that is article text: a
    sentence longer than a byline (the standfirst) -- in Chinese, a sentence of
    two clauses or more ("坝上观雾凇热度提前到来，村民把自家空房改成了民宿。")
    is one, whatever its length in characters, with or without its full stop."""
    if junk_line_rule(line):
        return False
    clauses = len(_CJK_CHAR.findall(line)) >= 15 and _CLAUSE_BREAK.search(line[:-1]) is not None
    if _SENTENCE_END.search(line) is None:
        return clauses  # (a Chinese dek may drop its full stop: "月租从180令吉调至260令吉，市政局称…")
    return len(line) > 40 or clauses


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


def _chrome_lines(above: list[str]) -> bool:
    """Lines pasted above the title: menu items and section labels (short), or
    the headlines of a "Most Read" box under its heading (English headlines
    run longer than 60 characters, but never end like a sentence).  A long
    line without such a heading above it may be the title, with the dek below."""
    in_box = False
    for line in above:
        if re.search(r"[。．]$", line):
            return False
        if _LIST_HEADING.fullmatch(line):
            in_box = True
        elif len(line) > 60 and not (in_box and len(line) <= 120 and not _SENTENCE_END.search(line)) \
                and not (_SECTION_PATH.fullmatch(line) or _MENU_LINE.fullmatch(line)):
            return False
    return True


# A menu pasted as one line: "News | Markets | Livestock | Podcasts | Events".
_MENU_LINE = re.compile(r"[^|｜。.]{1,24}(\s*[|｜·•]\s*[^|｜。.]{1,24}){2,}")
_LIST_HEADING = re.compile(HEADING_RULES["list:more-articles-en"] + "|" + HEADING_RULES["list:more-articles-zh-short"])


_BYLINE = re.compile(r"^(?i:by\s+[A-Z][\w.'-]+.{0,60}|記者.{1,20}|记者.{1,20}|文[／/｜|].{1,20}|撰文.{1,20})$")


def _read_markdown(text: str, tz: ZoneInfo) -> dict[str, Any]:
    """Markdown, optionally with a Pelican-style ``Key: value`` header and/or a
    leading ``# Title``."""
    meta: dict[str, str] = {}
    body = text
    m = _meta_header(text)
    if m:
        pairs = [ln.split(":", 1) for ln in m.group(1).splitlines() if ":" in ln]
        meta = {k.strip().lower(): v.strip() for k, v in pairs}
        body = text[m.end():]
    title = meta.get("title")
    h1 = re.match(r"\A\s*#\s+(.+?)\s*#*\s*\n", body)
    if h1:
        title = title or h1.group(1)
        body = body[h1.end():]
    url = meta.get("url") or meta.get("source_url") or meta.get("link")
    date = aware(meta.get("date") or meta.get("published"), tz) if (meta.get("date") or meta.get("published")) else None
    if date is None:
        first = next((ln for ln in body.splitlines() if ln.strip()), "")
        if _is_date_line(first.strip().strip("*_")):
            date = parse_date(first, tz)
            body = body.split(first, 1)[1]
    fmt = detect_format(body)
    return {"kind": "markdown", "title": title, "url": url, "date": date, "body": body.lstrip("\n"),
            "format": fmt if fmt is not BodyFormat.HTML else BodyFormat.MARKDOWN,
            "source": meta.get("source"), "lang": meta.get("lang") if meta.get("lang") in ("zh-Hans", "zh-Hant", "en") else None}


def _visible_text(body: str, fmt: BodyFormat) -> str:
    return strip_tags(body) if fmt is BodyFormat.HTML else body
