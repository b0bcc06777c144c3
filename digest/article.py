"""Stage: SourceDoc -> Article (render, sanitise, clean), in the article's own script.

In: one SourceDoc and the Config. Out: a frozen Article whose ``html`` is the safe,
cleaned body, with what cleaning removed, the rights notice, a summary and the
lead image. This is the expensive, per-article part of a build and depends on
nothing but its inputs, so the pipeline may cache it by ``SourceDoc.digest``.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from .clean import Removed, clean_body, rules_for
from .config import Config
from .render import body_to_html
from .sanitize import sanitize
from .source import SourceDoc

_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|h[2-6]|li|blockquote|figcaption|td|th)>|<br>")
_SENTENCE_END = re.compile(r"(?<=[。！？!?…])|(?<=[.](?=\s))")


@dataclass(frozen=True)
class Article:
    doc: SourceDoc
    html: str  # sanitised, cleaned body; absolute URLs only
    removed: tuple[Removed, ...]
    rights: str | None  # the curator's `rights` field, shown on the page
    notices: tuple[str, ...]  # copyright boilerplate lifted out of the body: kept, not shown
    summary: str  # plain text: the curator's summary, else the first sentences
    image: str | None  # absolute URL of the first image, for social cards


def absolutize(fragment: str, base: str | None) -> str:
    """Resolve relative href/src against the original article's URL: clipped HTML
    is relative to the page it came from, not to this site. Without a base,
    a relative link cannot work anywhere, so it is dropped (its text stays)."""

    def fix(match: re.Match[str]) -> str:
        value = htmllib.unescape(match.group(2))
        if re.match(r"^(https?:|mailto:|#)", value):
            return match.group(0)
        if not base:
            return ""
        return match.group(1) + htmllib.escape(urljoin(base, value)) + match.group(3)

    return _URL_ATTR.sub(fix, fragment)


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


def prepare_article(doc: SourceDoc, config: Config) -> Article:
    raw_html = body_to_html(doc.body, doc.format)
    safe_html = sanitize(raw_html)
    if doc.cleaning is False:
        body, removed, notices = safe_html, (), ()
    else:
        overrides = doc.cleaning if isinstance(doc.cleaning, dict) else None
        cleaned = clean_body(safe_html, rules_for(config.cleaning, source=doc.source, url=doc.url, overrides=overrides))
        body, removed, notices = cleaned.html, cleaned.removed, cleaned.rights
    body = absolutize(body, doc.url)
    image = _IMG_SRC.search(body)
    return Article(
        doc=doc,
        html=body,
        removed=removed,
        rights=doc.rights,
        notices=tuple(notices),
        summary=doc.summary or lead_summary(body, config.summary_chars),
        image=htmllib.unescape(image.group(1)) if image else None,
    )
