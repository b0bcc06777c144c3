"""Cleaning passes for page furniture around the article (split from
:mod:`digest.clean_passes` for size; :func:`digest.clean.clean_body` runs them).

* :func:`top_labels` -- before the first paragraph of prose: a section label
  ("Axios · Energy & Environment", "Shots - Health News") and a provenance line
  ("来源：观察者网").  Only among the first few lines, never after prose starts.
* :func:`promo_boxes` -- the text inside a newsletter or donation box whose
  heading / button a whole-line rule already removed: the blurb between "Sign
  up for X" and the e-mail field, the appeal under "支持我們的報導".
"""

from __future__ import annotations

import re

from digest import clean_rules as R
from digest.clean_config import Rules
from digest.clean_lines import OPAQUE, Line
from digest.clean_passes import _EDGE_PROMO, _REPORTING, _sentence

__all__ = ["promo_boxes", "top_labels"]

_SECTION_LABEL = re.compile(R.SECTION_LABEL)
_PROVENANCE = re.compile(R.PROVENANCE)
_TOP_WINDOW = 3  # labels sit among the first few lines of the body


def top_labels(lines: list[Line], rules: Rules) -> None:
    """Section labels and provenance lines above the first paragraph of prose."""
    seen = 0
    for ln in lines:
        if ln.verdict:
            continue
        if ln.keep or _sentence(ln) or seen >= _TOP_WINDOW:
            break
        seen += 1
        if ln.caption or ln.in_list or ln.tag in OPAQUE or len(ln.text) > 60:
            continue
        if rules.on("edge:section-label") and _SECTION_LABEL.fullmatch(ln.text):
            ln.verdict = "edge:section-label"
        elif rules.on("edge:provenance") and _PROVENANCE.fullmatch(ln.text):
            ln.verdict = "edge:provenance"


# Rules whose line opens a newsletter / donation box.
_BOX_OPENERS = ("prompt:subscribe", "prompt:newsletter", "prompt:donate", "prompt:support-journalism")
_QUOTE = re.compile(r"[“”「」『』\"]")


def promo_boxes(lines: list[Line], rules: Rules) -> None:
    """The blurb inside a promo box whose other lines are already gone.

    * sandwiched: a short line right after a removed "Sign up for …" line and
      right before another removed widget line ("Email", "Sign Up");
    * under a removed box heading (a heading tag or bold line: "支持我們的報導")
      at the end of the article: a short appeal naming a promo thing
      (贊助, 訂閱, donate …) after which no prose follows.
    Never a line that quotes someone or has a reporting verb."""
    if not rules.on("edge:promo-box"):
        return
    n = len(lines)
    for i in range(1, n):
        ln = lines[i]
        if ln.verdict or ln.keep or ln.caption or ln.tag in OPAQUE or len(ln.text) > 200:
            continue
        if _REPORTING.search(ln.text) or _QUOTE.search(ln.text):
            continue
        prev = lines[i - 1]
        if not (prev.verdict or "").startswith(_BOX_OPENERS):
            continue
        nxt = lines[i + 1] if i + 1 < n else None
        sandwiched = (nxt is not None and not _sentence(prev) and (nxt.verdict or "").startswith(("prompt:", "nav:"))
                      and len(ln.text) <= 120)
        under_heading = (prev.heading_tag and _EDGE_PROMO.search(ln.text) is not None
                         and all(later.verdict or not _sentence(later) for later in lines[i + 1:]))
        if sandwiched or under_heading:
            ln.verdict = "edge:promo-box"
