"""The cleaning stage's line model: HTML fragment <-> judged lines.

In:  a sanitised HTML fragment (parsed with :func:`parse`).
Out: :func:`split_lines` -- the fragment as a list of :class:`Line`: every
     leaf block (``<p>``, ``<li>``, caption, heading, leaf ``<div>``) is one
     line, or several when it holds ``<br>``/newline separated lines; a table
     row or a ``<pre>`` line is one opaque line.  Each line carries its text as
     a reader sees it (:func:`norm`), its link-text length and where it sits.
     After the passes of :mod:`digest.cleaning.passes` set ``verdict`` / ``cuts``,
     :func:`apply_verdicts` removes or trims the blocks in the tree and
     :func:`serialise` turns it back into a fragment.

Part of the :mod:`digest.cleaning` stage.
"""

from __future__ import annotations

import html as htmlmod
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

__all__ = [
    "HEADING_TAGS", "OPAQUE", "Line", "apply_verdicts", "norm", "parse", "serialise", "split_lines",
]


# ---------------------------------------------------------------------------
# Lines: the unit every rule judges
# ---------------------------------------------------------------------------

_BLOCK = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figure figcaption table "
                   "thead tbody tfoot tr td th caption pre hr section article header footer nav aside".split())
_INLINE_WRAP = frozenset({"i", "em", "b", "strong", "span", "small", "font", "u"})
OPAQUE = frozenset({"table", "pre"})  # article data: never split, never judged by shape
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Runs of whitespace that hold a line break or tab are markup layout; plain
# spaces are kept as the outlet wrote them (a clean article comes out exactly).
_SPACE = re.compile(r"[ ]*[\t\r\n\f\v][ \t\r\n\f\v]*")
# (only an unindented break: an indented one is markup layout, which a browser shows as a space)
_NL_CJK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\f\v]*\n(?:[\r\n]*)(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def norm(text: str) -> str:
    """Whitespace as a reader sees it: a newline between two CJK characters
    vanishes (wrapped Chinese), other line breaks and tabs become one space."""
    if "\n" in text:
        text = _NL_CJK.sub("", text)
    if "\xa0" in text or "\u200b" in text or "\ufeff" in text:  # &nbsp; reads as a space; zero-width marks as nothing
        text = text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "")
    return _SPACE.sub(" ", text).strip()


@dataclass
class Line:
    el: Any                 # the leaf element
    seg: int | None         # index of the <br>/newline segment, None = whole leaf
    text: str
    link_chars: int
    tag: str
    in_list: bool
    in_ol: bool
    bold: bool              # the whole line is <strong>/<b>: a subheading
    caption: bool = False   # a figcaption, or text right after an image
    verdict: str | None = None   # rule name when removed
    sent: bool | None = None     # cached: ends like a sentence
    hl: bool | None = None       # cached: could be a headline in a list
    keep: bool = False
    title: bool = False          # the article's title seen again: no list runs through it
    cuts: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def heading_tag(self) -> bool:
        return self.tag in HEADING_TAGS or self.bold


# Tokeniser for inner HTML of one leaf (nh3/lxml output is well formed).
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|<", re.S)
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "source"})


def _inner_html(el: Any) -> str:
    parts = [htmlmod.escape(el.text or "", quote=False)]
    parts += [etree.tostring(c, encoding="unicode", method="html") for c in el]
    return "".join(parts)


def _set_inner_html(el: Any, inner: str) -> None:
    for child in list(el):
        el.remove(child)
    el.text = None
    holder = lxml.html.fragment_fromstring(f"<div>{inner}</div>")
    el.text = holder.text
    for child in list(holder):
        el.append(child)


def _segments(inner: str, split_newlines: bool) -> list[tuple[str, str]]:
    """Split inner HTML at top-level <br> (and newlines) -> [(separator, html)]."""
    out: list[tuple[str, str]] = []
    cur: list[str] = []
    sep = ""
    depth = 0
    for m in _TOKEN.finditer(inner):
        tok = m.group(0)
        name = (m.group(2) or "").lower()
        if name:
            if name == "br" and depth == 0:
                out.append((sep, "".join(cur)))
                cur, sep = [], tok
                continue
            if name not in _VOID:
                depth += -1 if m.group(1) else 1
            cur.append(tok)
        elif split_newlines and depth == 0 and "\n" in tok and not tok.startswith("<"):
            pieces = tok.split("\n")
            cur.append(pieces[0])
            for piece in pieces[1:]:
                out.append((sep, "".join(cur)))
                cur, sep = [piece], "\n"
        else:
            cur.append(tok)
    out.append((sep, "".join(cur)))
    return out


def _html_text(fragment: str) -> tuple[str, int]:
    """Text and link-text length of an inline HTML snippet."""
    text: list[str] = []
    links = 0
    in_a = 0
    for m in _TOKEN.finditer(fragment):
        name = (m.group(2) or "").lower()
        if name == "a":
            in_a += -1 if m.group(1) else 1
        elif not name and not m.group(0).startswith("<"):
            t = htmlmod.unescape(m.group(0))
            text.append(t)
            if in_a > 0:
                links += len(t)
    return "".join(text), links


# A line break followed by indentation: pretty-printed markup ("<p>\n    text\n    <a>"),
# where a newline is layout a browser shows as a space.  A Markdown soft break
# (markdown-it strips the next line's indent) or a pasted list has none.
_LAYOUT_NL = re.compile(r"\n[ \t]+\S")


def newline_breaks(inner: str) -> bool:
    """Whether newlines in a leaf's inner HTML separate lines of text (a pasted list,
    Markdown soft breaks) rather than lay out indented markup."""
    return "\n" in inner and _LAYOUT_NL.search(inner) is None


def _one_paragraph(lines: list[str]) -> bool:
    """Newline-separated lines (blank ones included) that are one hard-wrapped
    paragraph: wrapped prose, with no blank line between two of its lines unless
    every blank-separated group is a wrapped paragraph too ("电影" over a blank line
    and then a headline and its sentence are three lines, as in Markdown)."""
    groups: list[list[str]] = [[]]
    for ln in lines:
        if ln:
            groups[-1].append(ln)
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    if len(groups) > 1 and not all(_wrapped_prose(g) for g in groups):
        return False
    return _wrapped_prose(lines)


def _wrapped_prose(lines: list[str]) -> bool:
    """Newline-separated lines that are one hard-wrapped paragraph, not a list."""
    lines = [ln for ln in lines if ln]
    if len(lines) < 2 or not re.search(r"[。．.!?！？…:：;；」』”’\"')）]$", lines[-1]):
        return False
    open_ends = sum(1 for ln in lines[:-1] if not re.search(r"[。．.!?！？:：」”]$", ln))
    return open_ends * 2 >= len(lines) - 1


def _is_block(node: Any) -> bool:
    return isinstance(node.tag, str) and node.tag in _BLOCK


def _wrap_loose(el: Any) -> None:
    """A container mixing blocks and bare text: put each bare run in a <p>, so
    every piece of text belongs to exactly one line."""
    loose = bool(el.text and el.text.strip()) or any(
        (isinstance(c.tag, str) and not _is_block(c)) or (c.tail and c.tail.strip()) for c in el)
    if not loose:
        return
    text, el.text = el.text, None
    children = list(el)
    for child in children:
        el.remove(child)
    run: Any = None

    def add_text(t: str | None) -> None:
        nonlocal run
        if not t:
            return
        if run is None and not t.strip():
            return
        if run is None:
            run = etree.SubElement(el, "p")
            run.text = t
        elif len(run):
            run[-1].tail = (run[-1].tail or "") + t
        else:
            run.text = (run.text or "") + t

    add_text(text)
    for child in children:
        tail, child.tail = child.tail, None
        if isinstance(child.tag, str) and _is_block(child):
            run = None
            el.append(child)
        elif isinstance(child.tag, str):
            if run is None:
                run = etree.SubElement(el, "p")
            run.append(child)
        add_text(tail)


_LAYOUT_INSIDE = frozenset("p div table ul ol h1 h2 h3 h4 h5 h6 blockquote figure section article".split())


def _layout_table(el: Any) -> bool:
    """A table that lays out a page (its cells hold paragraphs, lists or other
    tables), not one that holds data: its cells are containers of lines. So is a
    table with fewer than two rows of two cells that hold text (an old page's
    boxes: "相关报道：" in one row and its headlines in the next; a headline over
    a "date | pager" row), since data has at least two columns and two rows to
    set side by side; and a table whose text is mostly links (``_LINK_BOX``)."""
    if el.tag != "table":
        return False
    if any(isinstance(d.tag, str) and d.tag in _LAYOUT_INSIDE for d in el.iterdescendants()):
        return True
    if _linked_share(el) >= _LINK_BOX:
        return True  # a bar or box of links (发送给朋友 | 发表评论 | 打印本文), a row of teasers: no data
    wide_rows = sum(
        sum(1 for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th") and cell.text_content().strip()) >= 2
        for row in el.iter("tr"))
    return wide_rows < 2


# Share of a table's text (letters and digits) inside links from which it is a box of
# links laid out as a table, not data: a data table's cells are figures and names,
# and at most a few of them link somewhere.
_LINK_BOX = 0.7
_WORD_CHAR = re.compile(r"[^\W_]")


def _linked_share(table: Any) -> float:
    words = len(_WORD_CHAR.findall(table.text_content()))
    linked = sum(len(_WORD_CHAR.findall(a.text_content())) for a in table.iter("a"))
    return linked / words if words else 0.0


def _leaves(root: Any) -> Iterable[Any]:
    """Leaf blocks in document order (containers are opened, loose text wrapped)."""
    stack = [root]
    while stack:
        el = stack.pop()
        kids = [c for c in el if _is_block(c)]
        if (el.tag in OPAQUE and not _layout_table(el)) or not kids:
            yield el
            continue
        _wrap_loose(el)
        stack.extend(reversed([c for c in el if _is_block(c)]))


# Ends of sentences: a block right after an image with two or more of them and this
# many characters is the article's opening paragraph under its lead picture, not the
# picture's caption (captions run one sentence and a credit).
SENTENCE_STOP = re.compile(r"[。！？]|[.!?](?=\s|$)")  # an end of a sentence (count with findall)
_PARAGRAPH_AFTER_IMAGE = 100


def _is_caption(el: Any, tag: str, ancestors: list[str], text: str = "") -> bool:
    """figcaption, or a block right after an image (DW: <img><div><small>…) that does
    not read as a paragraph of several sentences."""
    if tag == "figcaption" or "figure" in ancestors:
        return True
    prev = el.getprevious()
    after_image = prev is not None and (prev.tag == "img" or prev.find(".//img") is not None) and not (prev.tail or "").strip()
    # (or the picture in the same block, before the text: <div><img><small>…</small></div>)
    with_image = el.find(".//img") is not None and text and not (el.text or "").strip() and el[0].tag == "img"
    if not (after_image or with_image):
        return False
    return not (len(text) >= _PARAGRAPH_AFTER_IMAGE and len(SENTENCE_STOP.findall(text)) >= 2)


def _ancestors(el: Any) -> list[str]:
    tags = []
    p = el.getparent()
    while p is not None:
        tags.append(p.tag)
        p = p.getparent()
    return tags


# A segment between <br>s that is bold as a whole ("<strong>【製作團隊】</strong><br>原作：…"):
# a subheading set inside the paragraph, like a bold line of its own.
_BOLD_SEGMENT = re.compile(r"\s*<(strong|b)\b[^>]*>(?:(?!<\1\b|</\1>).)*</\1>\s*", re.S | re.I)


_BR = re.compile(r"<br\s*/?>", re.I)


def _pre_text(el: Any) -> str:
    """A <pre>'s lines for ``clean``: one line per <br> (a feed's code block is often
    "line one<br>line two"); its newlines are line breaks when its lines are prose (a
    page that sets its article in <pre>, one paragraph a line) and spaces when they
    are code -- a code block is one block, as a table row is one line (the blind labels
    of corpora 21 and 22 give a saved page's code block as one line, corpus 15's a
    feed's <br> lines one by one, corpus 12's a <pre> article's paragraphs one by one)."""
    if el.find(".//br") is None:
        text = el.text_content()
    else:
        text = _html_text(_BR.sub("\x00", _inner_html(el)))[0]
    if not _prose_lines(text):
        text = text.replace("\n", " ")
    return text.replace("\x00", "\n")


# A line of prose ends as a sentence: "。" and its kin, or a Latin stop after a word.
_PROSE_END = re.compile(r"(?:[。！？」”』]|[a-z][.!?][\"'”’)]?)\s*$")


def _prose_lines(text: str) -> bool:
    """Most of the text's lines end as sentences do: prose set in <pre>, not code."""
    lines = [ln for ln in re.split(r"[\n\x00]", text) if ln.strip()]
    return bool(lines) and 2 * sum(1 for ln in lines if _PROSE_END.search(ln)) >= len(lines)


def split_lines(root: Any) -> list[Line]:
    out: list[Line] = []
    for el in _leaves(root):
        tag = el.tag if el is not root else "p"
        if tag == "hr":
            continue
        anc = _ancestors(el)
        in_list = tag == "li" or "li" in anc
        in_ol = "ol" in anc
        if tag in OPAQUE:  # a table row or a preformatted line is one line, never judged
            rows = ([" ".join(t for t in (norm(c.text_content()) for c in tr if isinstance(c.tag, str)) if t)
                     for tr in el.iter("tr")] if tag == "table" else _pre_text(el).split("\n"))
            for row in rows:
                if norm(row):
                    out.append(Line(el, None, norm(row), 0, tag, in_list, in_ol, False))
            continue
        has_br = el.find(".//br") is not None
        raw = el.text_content()
        has_nl = "\n" in raw.strip() and newline_breaks(_inner_html(el))
        if has_br or has_nl:
            # "<div><i>Name<br>2020-06-17T06:09Z</i></div>": the lines sit inside one
            # inline wrapper; split (and later edit) the wrapper's children
            holder = el
            while (len(holder) == 1 and holder[0].tag in _INLINE_WRAP and not (holder.text or "").strip()
                   and not (holder[0].tail or "").strip()):
                holder = holder[0]
            inner = _inner_html(holder)
            segs = _segments(inner, split_newlines=newline_breaks(inner))
            texts = [_html_text(h) for _, h in segs]
            if not has_br and _one_paragraph([norm(t) for t, _ in texts]):
                segs = []
            if segs:
                for i, ((t, links), (_, h)) in enumerate(zip(texts, segs)):
                    t = norm(t)
                    if t:
                        out.append(Line(holder, i, t, links, tag, in_list, in_ol, _BOLD_SEGMENT.fullmatch(h) is not None))
                continue
        text = norm(raw)
        if not text:
            continue
        links = sum(len(a.text_content()) for a in el.iter("a"))
        bold = len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip() \
            and not (el[0].tail or "").strip()
        out.append(Line(el, None, text, links, tag, in_list, in_ol, bold, caption=_is_caption(el, tag, anc, text)))
    return out


# ---------------------------------------------------------------------------
# Applying verdicts to the tree
# ---------------------------------------------------------------------------


def _cut_text(inner: str, cuts: list[tuple[int, int]]) -> str:
    """Remove text ranges (offsets in the unescaped text) from inner HTML,
    dropping elements whose text lies wholly inside a range."""
    tokens = [(m.group(0), (m.group(2) or "").lower(), bool(m.group(1))) for m in _TOKEN.finditer(inner)]
    # text offset at every token, and span of each element
    pos = 0
    starts: list[int] = []
    for tok, name, _ in tokens:
        starts.append(pos)
        if not name and not tok.startswith("<"):
            pos += len(htmlmod.unescape(tok))
    spans: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for idx, (_tok, name, closing) in enumerate(tokens):
        if not name or name in _VOID:
            continue
        if closing:
            for s in range(len(stack) - 1, -1, -1):
                if stack[s][0] == name:
                    spans[stack[s][1]] = idx
                    del stack[s:]
                    break
        else:
            stack.append((name, idx))

    def inside(a: int, b: int) -> bool:
        return any(x <= a and b <= y and b > a for x, y in cuts)

    dropped: set[int] = set()
    for open_idx, close_idx in spans.items():
        a, b = starts[open_idx], starts[close_idx]
        if inside(a, b):
            dropped.update((open_idx, close_idx))
    out: list[str] = []
    for idx, (tok, name, _) in enumerate(tokens):
        if idx in dropped:
            continue
        if name:
            if name == "img" and any(x < starts[idx] < y for x, y in cuts):
                continue
            out.append(tok)
            continue
        if tok.startswith("<"):
            out.append(tok)
            continue
        t = htmlmod.unescape(tok)
        s = starts[idx]
        kept = "".join(ch for k, ch in enumerate(t) if not any(x <= s + k < y for x, y in cuts))
        out.append(htmlmod.escape(kept, quote=False))
    return "".join(out)


def _remove(el: Any) -> None:
    """Remove a block, keep its tail, and remove containers it leaves empty."""
    parent = el.getparent()
    if parent is None:
        el.text = None
        for child in list(el):
            el.remove(child)
        return
    tail = el.tail
    prev = el.getprevious()
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
    if (parent.getparent() is not None and not len(parent) and not (parent.text or "").strip()
            and parent.tag in _BLOCK):
        _remove(parent)


def apply_verdicts(root: Any, lines: list[Line]) -> None:
    by_el: dict[Any, list[Line]] = {}
    for ln in lines:
        by_el.setdefault(ln.el, []).append(ln)
    for el, group in by_el.items():
        if all(ln.verdict for ln in group):
            if el.find(".//img") is None:
                _remove(el)
            else:  # an image in a junk block: keep the picture, drop the text
                _drop_text_keep_images(el)
            continue
        if not any(ln.verdict or ln.cuts for ln in group):
            continue
        if group[0].seg is None:
            ln = group[0]
            _trim(el, ln)
            continue
        inner = _inner_html(el)
        segs = _segments(inner, split_newlines=newline_breaks(inner))
        verdicts = {ln.seg: ln for ln in group}
        parts: list[str] = []
        for i, (sep, frag) in enumerate(segs):
            ln = verdicts.get(i)
            if ln is not None and ln.verdict:
                continue
            if ln is not None and ln.cuts:
                frag = _cut_segment(frag, ln)
            parts.append((sep if parts else "") + frag)
        _set_inner_html(el, "".join(parts))


def _drop_text_keep_images(el: Any) -> None:
    imgs = [img for img in el.iter("img")]
    for child in list(el):
        el.remove(child)
    el.text = None
    for img in imgs:
        img.tail = None
        el.append(img)


def _trim(el: Any, ln: Line) -> None:
    inner = _inner_html(el)
    _set_inner_html(el, _cut_segment(inner, ln))


def _cut_segment(frag: str, ln: Line) -> str:
    """Map cuts found in the normalised line text back to the raw text."""
    raw, _ = _html_text(frag)
    # normalised text offsets -> raw offsets: walk both strings
    mapping: list[int] = []
    normed = norm(raw)
    r = 0
    for ch in normed:
        while r < len(raw) and raw[r] != ch and not (ch == " " and raw[r].isspace()):
            r += 1
        mapping.append(r)
        r += 1
    mapping.append(len(raw))
    cuts = []
    for a, b, _ in ln.cuts:
        ra = mapping[a]
        rb = mapping[b] if b < len(mapping) - 1 else len(raw)
        while ra > 0 and raw[ra - 1].isspace():
            ra -= 1
        cuts.append((ra, rb))
    return _cut_text(frag, cuts)


# ---------------------------------------------------------------------------
# Parsing and serialising a fragment
# ---------------------------------------------------------------------------

def parse(fragment: str) -> Any:
    """A sanitised fragment -> an lxml tree under one wrapping <div>, with line
    breaks at the edge of an inline element moved out of it (:func:`_hoist_breaks`)."""
    root = lxml.html.fragment_fromstring(fragment or "", create_parent="div")
    _hoist_breaks(root)
    return root


def _hoist_breaks(root: Any) -> None:
    """``<a href=…><br>ProtonVPN</a>`` -> ``<br><a href=…>ProtonVPN</a>``: a ``<br>``
    that opens (or closes) an inline element breaks the line around it, as a browser
    shows it; moved out, the line splitter, which reads the ``<br>``s of a block's own
    level, sees the break.  Nothing else moves, and the page looks the same."""
    for br in list(root.iter("br")):
        while True:
            parent = br.getparent()
            if parent is None or parent is root or _is_block(parent) or parent.tag in OPAQUE:
                break
            if parent[0] is br and not (parent.text or "").strip():
                parent.text = (parent.text or "") + (br.tail or "")
                br.tail = None
                parent.addprevious(br)
            elif parent[-1] is br and not (br.tail or "").strip():
                br.tail, parent.tail = parent.tail, None
                parent.addnext(br)
            else:
                break


def serialise(root: Any) -> str:
    """The tree :func:`parse` made -> the fragment (without the wrapper)."""
    return _inner_html(root)

