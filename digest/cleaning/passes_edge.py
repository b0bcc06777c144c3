"""Cleaning passes for page furniture around the article (split from
:mod:`digest.cleaning.passes` for size; :func:`digest.cleaning.clean_body` runs them).

* :func:`top_labels` -- before the first paragraph of prose: a section label
  ("Axios · Energy & Environment", "Shots - Health News") and a provenance line
  ("来源：观察者网").  Only among the first few lines, never after prose starts.
* :func:`promo_boxes` -- the text inside a newsletter or donation box whose
  heading / button a whole-line rule already removed: the blurb between "Sign
  up for X" and the e-mail field, the appeal under "支持我們的報導".
"""

from __future__ import annotations

import re

from digest.cleaning import rules as R
from digest.cleaning.config import Rules
from digest.cleaning.lines import OPAQUE, Line
from digest.cleaning.passes import _BY_NAME, _BYLINE_WORDS, _EDGE_PROMO, _NAMES_ONLY, _REPORTING, _length, _sentence, furniture

__all__ = ["promo_boxes", "top_labels"]

_SECTION_LABEL = re.compile(R.SECTION_LABEL)
_PROVENANCE = re.compile(R.PROVENANCE)
_TOP_WINDOW = 3  # labels sit among the first few lines of the body


# A bare section / brand label: one to three words or a few characters, no punctuation
# ("国内", "Singapore", "新加坡").  Not an all-capitals Latin line (a dateline "KUALA LUMPUR").
_BARE_LABEL = re.compile(r"(?![A-Z][A-Z .\-]*$)[\w\u3400-\u9fff](?:[\w\u3400-\u9fff'’\-]| (?=\w)){0,23}")


# A number alone above the article: a like, view or comment counter whose icon
# did not come along ("4", "3,573", "1.2万").  Inside a table it is data (OPAQUE).
_BARE_COUNT = re.compile(r"\d{1,3}(,\d{3})*(\.\d+)?\s*[万萬kKwW]?|\d{1,7}")


def top_labels(lines: list[Line], rules: Rules) -> None:
    """Section labels, bare counters and provenance lines above the first paragraph of prose."""
    _single_top_label(lines, rules)
    _bare_counters(lines, rules)
    seen = 0
    for ln in lines:
        if ln.verdict:
            continue
        if ln.keep or _sentence(ln) or seen >= _TOP_WINDOW:
            break
        seen += 1
        if ln.caption or ln.in_list or ln.tag in OPAQUE or len(ln.text) > 60:
            continue
        if _BY_NAME.match(ln.text) or _NAMES_ONLY.fullmatch(ln.text):
            continue  # "By Andy Sahadeo | Fox News", "Jane Roe/John Doe": the byline
        if rules.on("edge:section-label") and _SECTION_LABEL.fullmatch(ln.text):
            ln.verdict = "edge:section-label"
        elif rules.on("edge:provenance") and _PROVENANCE.fullmatch(ln.text):
            ln.verdict = "edge:provenance"


def _bare_counters(lines: list[Line], rules: Rules) -> None:
    """edge:counter -- a number alone on a line anywhere above the first sentence."""
    if not rules.on("edge:counter"):
        return
    for ln in lines:
        if ln.verdict:
            continue
        if ln.keep or _sentence(ln):
            break
        if not (ln.caption or ln.in_list or ln.tag in OPAQUE) and _BARE_COUNT.fullmatch(ln.text):
            ln.verdict = "edge:counter"


# "At a glance", "Key takeaways": a phrase in sentence case, a heading over the article's
# summary (a section's or brand's label is a name: "World", "Health News").
_SENTENCE_CASE_HEADING = re.compile(r"[A-Z][a-z]+( [a-z]+)+")


def _single_top_label(lines: list[Line], rules: Rules) -> None:
    """edge:top-label -- the only line left above the first line of prose, when it is a
    bare label of a few characters / words ("国内", "Singapore"): a section or brand label
    of the page.  Never a heading of the article, a caption or a list item; never when
    two or more lines stand above the prose (a kicker and a standfirst, an interview's
    first Q/A lines), and never below the first line of prose."""
    if not rules.on("edge:top-label"):
        return
    above = []
    for ln in lines:
        if ln.verdict or ln.title:  # (the title seen again is no line of the article's)
            continue
        if ln.keep or _sentence(ln):
            break
        above.append(ln)
        if len(above) > 1:
            return
    if len(above) != 1 or not any(ln.verdict is None and _sentence(ln) for ln in lines):
        return
    ln = above[0]
    if ln.seg is not None and any(o.el is ln.el and o is not ln and (o.verdict or "").startswith("meta:")
                                  for o in lines):
        return  # "Name<br>2020-05-08T15:12Z": the writer's byline over the date stamp
    if (ln.caption or ln.in_list or ln.heading_tag or ln.tag in OPAQUE or _length(ln.text) > 3
            or not _BARE_LABEL.fullmatch(ln.text) or _BYLINE_WORDS.search(ln.text) or _BY_NAME.match(ln.text)
            or furniture(ln) or _SENTENCE_CASE_HEADING.fullmatch(ln.text)):
        return
    ln.verdict = "edge:top-label"


# Rules whose line opens a newsletter / donation box.
_BOX_OPENERS = ("prompt:subscribe", "prompt:newsletter", "prompt:donate", "prompt:support-journalism")
_QUOTE = re.compile(r"[“”「」『』\"]")
_APPEALS = ("prompt:donate", "prompt:donation-appeal", "prompt:support-journalism")
_BOX_HEADING = re.compile(r"[\W_]*((?i:support|donate to|back|fund)\s+\S.{0,30}|(支持|贊助|赞助|捐助)\S{1,12})[\W_]*")


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
    # the box heading above a removed appeal: "Support HKFP", "支持我們" (a short label
    # naming support/donation, right above the appeal a rule removed)
    for i in range(n - 1):
        ln, nxt = lines[i], lines[i + 1]
        if (ln.verdict is None and not ln.keep and not ln.caption and ln.tag not in OPAQUE
                and (nxt.verdict or "").startswith(_APPEALS) and _length(ln.text) <= 4 and not _sentence(ln)
                and _BOX_HEADING.fullmatch(ln.text)):
            ln.verdict = "edge:promo-box"
