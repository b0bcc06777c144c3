"""Stage: SourceDoc -> Article (render, sanitise, clean), in the article's own script.

In: one SourceDoc and the Config. Out: a frozen Article whose ``html`` is the safe,
cleaned body, with what cleaning removed, the rights notice, a summary and the
lead image. This is the expensive, per-article part of a build and depends on
nothing but its inputs, so the pipeline may cache it by ``SourceDoc.digest``.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .cache import StoredApart
from .cleaning import CleanedBody, Removed, clean_body, rules_for
from .config import Config
from .markup import Phrase, tokenise
from .render import BodyFormat, body_to_html, embeds_to_links
from .sanitize import first_image, sanitize
from .source import SourceDoc
from .text import normalise_text

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|h[2-6]|li|blockquote|figcaption|td|th)>|<br>")
_SENTENCE_END = re.compile(r"(?<=[。！？!?…])|(?<=[.](?=\s))")


@dataclass(frozen=True)
class Article:
    doc: SourceDoc
    html: str = StoredApart()  # sanitised, cleaned body; absolute URLs only (read from the disk cache when used)
    removed: tuple[Removed, ...]
    rights: str | None  # the curator's `rights` field, shown on the page
    notices: tuple[str, ...]  # copyright boilerplate lifted out of the body: kept, not shown
    summary: str  # plain text: the curator's summary, else the first sentences
    image: str | None  # absolute URL of the first image, for social cards
    # What each -{…}- in the body and summary writes per edition; ``html`` and
    # ``summary`` hold one private-use token per use (markup.resolve puts it back).
    phrases: tuple[Phrase, ...] = ()


def plain_text(fragment: str) -> str:
    text = _TAG.sub("", _BLOCK_END.sub("\n", fragment))
    return re.sub(r"[ \t]+", " ", htmllib.unescape(text)).strip()


def lead_summary(fragment: str, limit: int) -> str:
    """The first whole sentences of the body, up to ``limit`` characters."""
    paragraphs = [p.strip() for p in plain_text(fragment).split("\n") if len(p.strip()) > 1]
    # Captions are short and rarely end with sentence punctuation; prose does.
    prose = [p for p in paragraphs if re.search(r"[。！？.!?」”]$", p)] or paragraphs
    if not prose:
        return ""
    text = "".join(prose) if prose[0][-1] not in ".!?" else " ".join(prose)
    summary = ""
    for sentence in _SENTENCE_END.split(text):
        if summary and len(summary) + len(sentence) > limit:
            break
        summary += sentence
    if len(summary) > limit:
        summary = summary[: limit - 1].rstrip() + "…"
    return summary.strip()


_LEADING_BLOCK = re.compile(r"\A\s*<(p|div|h[2-6])>(.*?)</\1>\s*", re.S)


def drop_repeated_title(fragment: str, title: str | None) -> tuple[str, tuple[Removed, ...]]:
    """A body whose first block repeats the headline (a Markdown "# Title", a page's
    <h1>) would show it twice under the page's own <h1>."""
    match = _LEADING_BLOCK.match(fragment)
    if title and match and plain_text(match.group(2)) == title.strip():
        return fragment[match.end():], (Removed("meta:title", title.strip()),)
    return fragment, ()


def clean_article_body(body: str, fmt: BodyFormat | None, *, title: str | None, cleaning: Mapping[str, Any],
                       source: str, url: str | None, overrides: Mapping[str, Any] | bool | None) -> CleanedBody:
    """Raw body -> safe, cleaned HTML: what both the build and ``build.py clean`` show.
    Control characters that HTML entities (``&#8;``) bring back are removed too."""
    rendered, embeds = embeds_to_links(body_to_html(body, fmt))
    safe_html = normalise_text(sanitize(rendered))
    replaced = tuple(Removed(rule, text) for rule, text in embeds)
    if overrides is False:
        return CleanedBody(safe_html, replaced, ())
    rules = rules_for(cleaning, source=source, url=url, overrides=overrides if isinstance(overrides, Mapping) else None)
    cleaned = clean_body(safe_html, rules, title=title)
    html, dropped = drop_repeated_title(cleaned.html, title)
    return CleanedBody(html, replaced + cleaned.removed + dropped, cleaned.rights)


_IMG = re.compile(r"<img\b[^>]*>")
_HAS_ALT = re.compile(r'\salt="')
# A caption right after an image, the way clipped pages and feeds write one.
_CAPTION_AFTER = re.compile(r"\s*(?:<div>\s*<small>(.*?)</small>\s*</div>|<p>\s*<small>(.*?)</small>\s*</p>|<figcaption>(.*?)</figcaption>)", re.S)


def describe_images(fragment: str) -> str:
    """Every image gets an ``alt``: a clipped ``<img>`` without one followed by its
    caption becomes ``<figure>`` with ``alt=""`` and the caption as ``<figcaption>``
    (screen readers read the caption once, not twice); any other image without
    one gets ``alt=""`` (nothing is known about it, and a missing alt makes
    screen readers read out the file name). Alt text that is there is kept."""
    out: list[str] = []
    pos = 0
    for match in _IMG.finditer(fragment):
        if match.start() < pos or _HAS_ALT.search(match.group(0)):
            continue
        tag = match.group(0).replace("<img ", '<img alt="" ', 1)
        start, end = match.start(), match.end()
        if fragment.endswith("<p>", 0, start) and fragment.startswith("</p>", end):  # an image alone in a paragraph
            start, end = start - 3, end + 4
        caption = _CAPTION_AFTER.match(fragment, end)
        inside_figure = fragment.rfind("<figure>", 0, match.start()) > fragment.rfind("</figure>", 0, match.start())
        if caption and not inside_figure and "<" not in (text := next(g for g in caption.groups() if g is not None)).replace("<br>", ""):
            out += [fragment[pos:start], f"<figure>{tag}<figcaption>{text.strip()}</figcaption></figure>"]
            pos = caption.end()
        else:
            out += [fragment[pos:match.start()], tag]
            pos = match.end()
    return "".join(out) + fragment[pos:]


def prepare_article(doc: SourceDoc, config: Config) -> Article:
    # Markup becomes tokens first, so rendering, cleaning and summary cutting
    # can neither break a -{…}- apart nor show it.
    body, phrases = tokenise(doc.body)
    summary, phrases = tokenise(doc.summary or "", phrases)
    cleaned = clean_article_body(body, doc.format, title=doc.title, cleaning=config.cleaning,
                                 source=doc.source, url=doc.url, overrides=doc.cleaning)
    # Cleaning re-serialises the HTML and drop_repeated_title cuts it, so the
    # sanitiser runs once more, last: it also resolves relative href/src against
    # the original article (clipped HTML is relative to the page it came from)
    # and, with no url, drops them; in-page #links stay.
    body = describe_images(sanitize(cleaned.html, doc.url, keep_relative=False))
    return Article(
        doc=doc,
        html=body,
        removed=cleaned.removed,
        rights=doc.rights,
        notices=cleaned.rights,
        summary=summary or lead_summary(body, config.summary_chars),
        image=first_image(body),
        phrases=phrases,
    )
