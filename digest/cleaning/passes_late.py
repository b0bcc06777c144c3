"""The last cleaning passes (split from :mod:`digest.cleaning.passes` for size):
6. duplicated captions, 7. promos glued inside a kept paragraph, and the guard
that a table / ``<pre>`` goes only as a whole.  :func:`digest.cleaning.clean_body`
runs them after the passes of :mod:`digest.cleaning.passes`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from digest.cleaning.config import Rules
from digest.cleaning.lines import OPAQUE, SENTENCE_STOP, Line

__all__ = ["dup_captions", "glued_promos", "whole_tables_only"]

_HAS_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
# A field and its figure ("儿童票原价：15元", "Tel: 5604 2007"): a record of the article's
# data, which a list repeats from item to item; no caption.
_FIELD_FIGURE = re.compile(r"[^:：︰]{1,12}[:：︰]\s*[^。！？]{0,30}\d[^。！？]{0,30}")
# (Full stops inside a line, SENTENCE_STOP: a paragraph of two or more sentences that the
# article repeats is its own text (the outlet's slip, which the labelling rules keep), not
# a caption shown twice -- recall first, only a caption element or a one-sentence line is
# deduplicated.)


def _dup_key(text: str) -> str:
    """Two copies of a caption compare equal despite full-/half-width
    punctuation and spacing: "，（美聯社）" == ",(美聯社)"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


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
        return ln.tag == "figcaption" or len(SENTENCE_STOP.findall(ln.text)) < 2

    recent: list[Line] = []
    for ln in lines:
        if ln.verdict or ln.tag in OPAQUE:
            continue
        if not ln.keep and _HAS_WORD.search(ln.text) and len(ln.text) >= 4 and caption_like(ln) \
                and not _FIELD_FIGURE.fullmatch(ln.text) and key(ln) in [key(r) for r in recent]:
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
            for m in p.finditer(ln.text):
                if m.end() > m.start():
                    ln.cuts.append((m.start(), m.end(), name))
        if ln.cuts:
            ln.cuts = _merge(ln.cuts)
            covered = sum(b - a for a, b, _ in ln.cuts)
            if covered >= len(ln.text.strip()):
                ln.verdict, ln.cuts = ln.cuts[0][2], []


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

