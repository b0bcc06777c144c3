"""Stage: sanitised article HTML -> article HTML without clipping junk.

In:  the *sanitised* HTML fragment of an article body (the output of
     ``sanitize(body_to_html(body))``, whatever the body's source format) and a
     :class:`Rules` object from :func:`rules_for` (built-in rules + the site's
     ``cleaning:`` config + the article's ``cleaning:`` frontmatter override).
Out: :class:`CleanedBody` -- the same markup with junk blocks removed, promos
     glued to a paragraph trimmed, a duplicated caption kept once; every removed
     piece as a :class:`Removed` record (rule name + text), so nothing disappears
     silently; and the copyright notices found, returned as ``rights`` metadata.

How it works.  The fragment is cut into *lines* (:mod:`digest.cleaning.lines`): every leaf block (``<p>``,
``<li>``, caption, heading, leaf ``<div>``) is one line, or several when it
holds ``<br>``/newline separated lines (pasted lists).  Lines are then judged
by the passes of :mod:`digest.cleaning.passes`, in this order (:func:`clean_body`
runs them):

1. per-article ``keep`` patterns (never removed) and ``drop`` / ``cut_after``
   patterns from config and frontmatter;
2. named whole-line rules (``digest.cleaning.rules``): copyright, credits, prompts,
   ad markers, navigation -- ``fullmatch``, so a rule never eats part of a
   sentence;
3. a leading feed timestamp / date line (metadata, not article text), and a
   section label or provenance line above the first paragraph -- or the *only*
   line above it when that is a bare label ("国内", "Singapore")
   (:mod:`digest.cleaning.passes_edge`);
4. lists of other articles: a known heading (更多文章, Related ...) and the
   headline-like lines after it, or -- for outlets nobody listed -- the *shape*
   alone: runs of short lines without sentence punctuation that are link-dense,
   end the article (≥ 4, or ≥ 3 bulleted), or follow a short heading-like line;
5. the blurb left inside a newsletter / donation box whose heading or
   button a rule removed, and a "Support X" heading above a removed appeal (:mod:`digest.cleaning.passes_edge`); promos nobody listed at the edges (before the first / after the last
   paragraph of prose): short lines naming 订阅/APP/赞助/newsletter … that
   speak to the reader (你/您/our) or are no sentence at all;
6. duplicated captions (kept once);
7. promos glued inside a kept paragraph (only the matched span is cut).

The guiding rule is recall first: when in doubt a line stays.  A line that ends
like a sentence (。/.) is never removed by shape; a prompt rule removes one only
when it opens like an imperative ("歡迎訂閱…。") or, at the edges, addresses
the reader.  Captions, numbered/timeline items and bullets of <li> lists that the
article introduces are never taken by shape.  Every rule has a name; a rule or a
whole family ("prompt:") can be switched off with ``disable:``.

The configuration side -- schemas, pattern checks, :class:`Rules` and
:func:`rules_for` -- lives in :mod:`digest.cleaning.config` and is re-exported
here: import every public name of the stage from this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from digest.cleaning.config import Rules, rules_for
from digest.sanitize import EMBED_CLASS
from digest.cleaning.lines import Line, apply_verdicts, norm, parse, serialise, split_lines
from digest.cleaning.passes import (
    _sentence,
    byline_glue,
    closing_punctuation,
    drop_by_patterns,
    dup_captions,
    edge_promos,
    feed_timestamp,
    glued_promos,
    heading_lists,
    linked_list_items,
    mark_kept,
    mark_wrapped,
    prompt_match,
    rights_gate,
    shape_lists,
    whole_line_rules,
    whole_tables_only,
    writer_field,
    writer_in_credit,
)
from digest.cleaning.document import headline_keys, seen_title, title_key, title_keys
from digest.cleaning.passes_doc import judge_document
from digest.cleaning.passes_edge import promo_boxes, top_labels

__all__ = ["CleanedBody", "Removed", "clean_body", "cleaned_text", "junk_line_rule", "to_plain_lines"]


# ---------------------------------------------------------------------------
# Public records
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Removed:
    """One removed piece of text and the name of the rule that removed it."""

    rule: str
    text: str


@dataclass(frozen=True)
class CleanedBody:
    """The cleaned fragment, every removed piece, and the copyright notices found."""

    html: str
    removed: tuple[Removed, ...]
    rights: tuple[str, ...]


DEFAULT_RULES: Rules = rules_for({})


def junk_line_rule(text: str, rules: Rules | None = None) -> str | None:
    """The name of the whole-line rule a single line matches, or None (used by
    the clipping reader to skip navigation pasted above a title)."""
    c = (rules or DEFAULT_RULES).builtin
    text = norm(text)
    if not text or len(text) > 300:
        return None
    m = ((c.rights.fullmatch(text) if rights_gate(text.lower()) else None) or c.strict.fullmatch(text)
         or prompt_match(text, text.lower(), c))
    return c.names[m.lastgroup or ""] if m else None


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------

def _judge(lines: list[Line], rules: Rules, title: str | None = None) -> None:
    """Run the judging passes in the order the module docstring lists them.

    Every pass sees the verdicts of the ones before it, so the order is part of
    the behaviour: the cheap, certain rules go first and the guesses by shape
    only look at what they left."""
    mark_kept(lines, rules)         # keep patterns: never removed by any pass
    mark_wrapped(lines)             # hard-wrapped paragraphs of pasted text are prose
    mark_title(lines, title)        # the title seen again: where a list above the article ends
    drop_by_patterns(lines, rules)  # 1
    whole_line_rules(lines, rules)  # 2
    feed_timestamp(lines, rules)    # 3
    top_labels(lines, rules)        # 3 (section label / provenance above the prose)
    heading_lists(lines, rules)     # 4 (known headings)
    shape_lists(lines, rules)       # 4 (shape alone)
    promo_boxes(lines, rules)       # 5 (the blurb of a newsletter / donation box)
    edge_promos(lines, rules)       # 5
    dup_captions(lines, rules)      # 6
    judge_document(lines, rules, title)  # 7 (the document model: digest.cleaning.passes_doc)
    glued_promos(lines, rules)      # 8
    byline_glue(lines, rules)       # 8 (page notes glued to a byline)
    writer_in_credit(lines, rules)  # 8 (the writer's pair in a credit line)
    writer_field(lines)             # 8 (the writer's field opening a page's field line)
    closing_punctuation(lines, rules)  # 8 (closing punctuation goes with the line it closes)


# Sentences of page chrome (a blog's description, a teaser) that may stand above the
# title seen again; more of them are the article itself.
_CHROME_SENTENCES = 2


# A label a blog or a page sets before the headline it prints: "[MacApps] Raycast",
# "【獨家】標題" (the title in the metadata is the bare headline).
_HEAD_LABEL = re.compile(r"\s*(\[[^\]]{1,16}\]|【[^】]{1,10}】)\s*")


# A page's path to the article, ending in its headline: "首页 供货资讯 肉价缘何淡季冲高 供应趋紧是主因".
_CRUMB_HOME = re.compile(r"\s*(首页|首頁|(?i:home))(?=[\s>＞»›/|｜])")


def _crumb_to_title(text: str, strong: tuple[str, ...]) -> bool:
    """``text`` is the page's path from its home page to the article's headline."""
    if not _CRUMB_HOME.match(text):
        return False
    key = title_key(text)
    return any(k and len(key) > len(k) and key.endswith(k) for k in strong)


def _labelled_copy(text: str, strong: tuple[str, ...]) -> bool:
    """``text`` is a label, then exactly the title."""
    m = _HEAD_LABEL.match(text)
    return m is not None and m.end() < len(text) and title_key(text[m.end():]) in strong


def mark_title(lines: list[Line], title: str | None) -> None:
    """Mark the article's title seen again right above the article (a pasted page shows
    it under its menus and lists): the last copy above the first sentence, since an
    earlier one may be an item of a list of headlines.  A list of other headlines
    never runs through it, so the byline and standfirst under it stay.

    A line that only matches a middle part of the title (it may be the page's name:
    "標題_副題 @ 部落格 :: 平台") counts only when no line above the first sentence
    and no exact copy in the first half of the page matches the headline itself: a
    sentence of page chrome (a blog's description, a teaser cut with "...") may stand
    above the title seen again."""
    keys = title_keys(title) if title else ()
    if not keys:
        return
    strong = headline_keys(title or "")
    last = weak = None
    copies: list[int] = []
    for i, ln in enumerate(lines):
        if _sentence(ln):
            break
        if len(ln.text) <= 400:
            key = title_key(ln.text)
            if ln.verdict is None and not ln.keep and _crumb_to_title(ln.text, strong):
                ln.verdict = "nav:breadcrumb"
                continue
            if seen_title(key, strong) or _labelled_copy(ln.text, strong):
                last = ln
                copies.append(i)
            elif seen_title(key, keys):
                weak = ln
    else:
        # no sentence in the whole text (a blog's lines without punctuation): the copy
        # with the most text under it, up to the next copy, heads the article -- a later
        # one is an item of the page's list of posts
        if len(copies) > 1:
            spans = [sum(len(ln.text) for ln in lines[a + 1:b]) for a, b in zip(copies, [*copies[1:], len(lines)])]
            last = lines[copies[spans.index(max(spans))]]
    if last is None:
        sentences = 0
        for ln in lines[: len(lines) // 2]:
            if len(ln.text) <= 200 and title_key(ln.text) in strong:
                last = ln
                break
            sentences += _sentence(ln)
            if sentences > _CHROME_SENTENCES:
                break  # the article has begun: a later copy is no title above it
        last = last or weak
    if last is not None:
        last.title = True


# Icon-font glyphs: a site's share, like and view icons are characters of Unicode's
# Private Use Area drawn by the site's own font; pasted or saved without it they are
# boxes glued to counters ("\ue60e 4") and menu words.  No text of an article is there.
_ICON_GLYPHS = re.compile("[\ue000-\uf8ff]")


def clean_body(fragment: str, rules: Rules | None = None, *, title: str | None = None) -> CleanedBody:
    """Remove clipping junk from a sanitised HTML fragment (see module doc).

    ``title`` is the article's headline, when known: where it is seen again in the
    body the article starts (the page chrome above it goes).  Raises nothing: a
    fragment the parser cannot read comes back as it went in."""
    rules = rules or DEFAULT_RULES
    if not rules.enabled or not fragment.strip():
        return CleanedBody(fragment, (), ())
    fragment = _ICON_GLYPHS.sub("", fragment)
    root = parse(fragment)
    lines = split_lines(root)
    _judge(lines, rules, title)
    whole_tables_only(lines)
    linked_list_items(lines)
    if not any(ln.verdict or ln.cuts for ln in lines):
        return CleanedBody(fragment, (), ())
    removed: list[Removed] = []
    rights: list[str] = []
    for ln in lines:
        if ln.verdict:
            removed.append(Removed(ln.verdict, ln.text))
            if ln.verdict.startswith("rights:"):
                rights.append(ln.text)
        for a, b, name in ln.cuts:
            removed.append(Removed(name, ln.text[a:b].strip()))
    apply_verdicts(root, lines)
    return CleanedBody(serialise(root), tuple(removed), tuple(rights))


_ZW_STANDIN, _ZWNB_STANDIN = "\ufdd0", "\ufdd1"  # Unicode noncharacters: never in text


def to_plain_lines(fragment: str) -> list[str]:
    """Cleaned HTML -> one paragraph / caption / list item per line, without list
    markers (an ordered list's numbers are its markup, as a bullet is).  An embedded
    player's placeholder (``<p class="embed">``, which :mod:`digest.render` puts where
    an ``<iframe>`` was) is no line of text: like a picture, it is shown, not read."""
    if not fragment.strip():
        return []
    # Zero-width marks stay in the printed text as they stay on the page (a reader who
    # copies the paragraph gets them too); the rules judge text without them, so they
    # ride through the line splitter as a private-use stand-in.
    fragment = fragment.replace("\u200b", _ZW_STANDIN).replace("\ufeff", _ZWNB_STANDIN)
    lines = (ln.text.replace(_ZW_STANDIN, "\u200b").replace(_ZWNB_STANDIN, "\ufeff")
             for ln in split_lines(parse(fragment)) if ln.el.get("class") != EMBED_CLASS)
    return [text for text in lines if text.strip("\u200b\ufeff")]


def cleaned_text(cleaned: CleanedBody | str) -> str:
    """An article's cleaned plain text: its lines (paragraphs, captions, list items)
    joined by newlines, whitespace as a reader sees it, zero-width marks dropped.  In: a :class:`CleanedBody`
    or its ``html``.  Out: a string; the same body always gives the same string, so
    it can be compared across articles (story grouping) and hashed."""
    fragment = cleaned.html if isinstance(cleaned, CleanedBody) else cleaned
    text = "\n".join(to_plain_lines(fragment))
    return text.replace("\u200b", "").replace("\ufeff", "")  # invisible marks would split words
