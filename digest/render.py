"""Stage: article body (Markdown, clipped HTML or pasted plain text) -> HTML.

In: the raw body string of a content file and, optionally, the format the curator
declared. Out: an HTML fragment. The result is *not* safe yet; it always goes
through :func:`digest.sanitize.sanitize` next.
"""

from __future__ import annotations

import enum
import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt

from .cjk_emphasis import cjk_friendly
from .sanitize import EMBED_CLASS


class BodyFormat(enum.Enum):
    MARKDOWN = "markdown"
    HTML = "html"
    TEXT = "text"


_BLOCK_TAG = re.compile(r"<(p|div|img|figure|br|h[1-6]|ul|ol|table|blockquote|section|article)\b", re.I)
# Markdown constructs a plain pasted page would not contain by accident.
_MARKDOWN_SIGNS = re.compile(
    r"^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|```|~~~|\|.*\|\s*$)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*",
    re.M,
)


def detect_format(body: str) -> BodyFormat:
    """Guess the body format: HTML when block tags carry the text, Markdown when
    Markdown syntax appears, else plain text (one paragraph per line)."""
    stripped = body.strip()
    if not stripped:
        return BodyFormat.TEXT
    tags = _BLOCK_TAG.findall(stripped)
    if tags and (stripped.startswith("<") or len(tags) >= 3) and not _markdown_with_html_blocks(stripped):
        return BodyFormat.HTML
    if _MARKDOWN_SIGNS.search(stripped):
        return BodyFormat.MARKDOWN
    lines = [line for line in stripped.splitlines() if line.strip()]
    blank_separated = "\n\n" in stripped
    # Pasted pages put one paragraph per line; Markdown wraps paragraphs and
    # separates them with blank lines.  Adjacent non-blank lines mean "text".
    if not blank_separated or len(lines) > stripped.count("\n\n") + 1:
        return BodyFormat.TEXT
    return BodyFormat.MARKDOWN


_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _markdown_with_html_blocks(body: str) -> bool:
    """A Markdown body with a few raw HTML blocks (``<figure>`` between paragraphs):
    most of its text sits in blank-line separated paragraphs that do not open with
    a tag.  Read as HTML, those paragraphs would merge into one block each run of
    text, so the share of the text outside tag-led paragraphs decides."""
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", body) if p.strip()]
    if len(paragraphs) < 3:
        return False
    text = lambda p: len(_TAG_OR_COMMENT.sub("", p).strip())  # noqa: E731
    outside = [p for p in paragraphs if not p.startswith("<")]
    total = sum(text(p) for p in paragraphs)
    return len(outside) >= 2 and total > 0 and sum(text(p) for p in outside) * 2 > total


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # "commonmark" keeps raw HTML (clippings) and adds tables/strikethrough;
    # linkify is off: bare URLs in Chinese prose are usually followed by text.
    # cjk_friendly: "**经过十年的发展，**这家公司" is bold (see digest.cjk_emphasis).
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(["table", "strikethrough"])
    md.use(cjk_friendly)
    return md


_IFRAME = re.compile(r"<iframe\b(?P<attrs>[^>]*)>(?:.*?</iframe\s*>)?", re.I | re.S)
_ATTR = r"\b{name}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))"


def _attr(attrs: str, name: str) -> str:
    m = re.search(_ATTR.format(name=name), attrs, re.I)
    return html.unescape(next(g for g in m.groups() if g is not None)).strip() if m else ""


def embeds_to_links(fragment: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Raw ``<iframe>`` embeds (a video, a map, a post) -> a visible link to the
    embedded page, since no iframe survives sanitising (it would run the other
    site's scripts in ours). Returns the fragment and one ``("embed:iframe",
    URL)`` record per embed, which ``check --removed`` lists. An embed without
    an http(s) address becomes its title as text, or nothing."""
    found: list[tuple[str, str]] = []

    def link(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        src = _attr(attrs, "src") or _attr(attrs, "data-src")
        if src.startswith("//"):
            src = "https:" + src
        web = bool(re.match(r"https?://", src, re.I))
        label = _attr(attrs, "title") or (src if web else "")
        found.append(("embed:iframe", src or label or "<iframe>"))
        if web:
            return (f'<p class="{EMBED_CLASS}">嵌入内容：<a href="{html.escape(src)}">'
                    f"{html.escape(label, quote=False)}</a></p>")
        return f"<p>{html.escape(label, quote=False)}</p>" if label else ""

    return _IFRAME.sub(link, fragment), tuple(found)


def text_to_html(body: str) -> str:
    """Plain pasted text: every non-empty line is a paragraph, nothing is markup."""
    paragraphs = (line.strip() for line in body.splitlines())
    return "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs if p)


def body_to_html(body: str, declared: BodyFormat | None = None) -> str:
    """Render a body to an (unsanitised) HTML fragment."""
    fmt = declared or detect_format(body)
    if fmt is BodyFormat.TEXT:
        return text_to_html(body)
    if fmt is BodyFormat.HTML:
        return body.strip() + "\n"
    return _markdown().render(_markdown_source(body))


# A whole HTML element on one line ("<center>图说</center>"): in CommonMark it opens an
# HTML block that runs on to the next blank line, so a "## heading" or a paragraph
# written right under it would be swallowed as raw text.  A blank line after it keeps
# the next line Markdown.  Never inside a fenced code block.
_ONE_LINE_ELEMENT = re.compile(
    r"[ \t]{0,3}<(center|figcaption|figure|div|p|section|aside|h[1-6]|blockquote|table|details|summary)\b[^>]*>"
    r".*</\1\s*>[ \t]*", re.I)
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")


# Two bold spans written edge to edge, as HTML-to-Markdown converters write a bold run that
# changes style midway (Cubox, turndown): "**Sarah Guo ：****你会怎么定义 Notion？**".
# CommonMark's rule of three never lets the middle "****" close the first span, so the
# asterisks would show; written as one span, the text reads the same in bold.  Not between
# two Latin letters or digits, where "****" masks a word or a number ("f****k", "139****1234").
_SPLIT_BOLD = re.compile(r"(\*\*[^*\n]*?[^*\s])\*\*\*\*(?=[^*\s][^*\n]*?\*\*)(?<![A-Za-z0-9]\*{4}(?=[A-Za-z0-9]))")


def _join_split_bold(line: str) -> str:
    while (joined := _SPLIT_BOLD.sub(r"\1", line)) != line:
        line = joined
    return line


def _markdown_source(body: str) -> str:
    """``body`` as markdown-it should read it, outside fenced code blocks: a blank line
    after a whole HTML element on one line, bold spans written edge to edge joined."""
    lines = body.split("\n")
    out: list[str] = []
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        out.append(_join_split_bold(line) if not fenced and "****" in line else line)
        if not fenced and i + 1 < len(lines) and lines[i + 1].strip() and _ONE_LINE_ELEMENT.fullmatch(line):
            out.append("")
    return "\n".join(out)
