"""Invented article paragraphs and the clean-a-fragment helpers shared by the
cleaning tests (test_clean_document, test_clean_recall)."""

from __future__ import annotations

from pathlib import Path

from digest.cleaning import CleanedBody, clean_body, rules_for, to_plain_lines
from digest.cli_clippings import clean_clipping
from digest.clipping import DEFAULT_TZ, read_clipping
from digest.sanitize import sanitize

P1 = "<p>市议会周二通过新的垃圾分类办法，明年一月起在全市十二个区实施。</p>"
P2 = "<p>环保局指出，新办法要求住户把厨余单独装袋，社区每周收运三次。</p>"
P3 = "<p>有居民认为，收运时间安排在早上七点前，对上班族并不方便。</p>"

# An invented English story of four paragraphs and its headline.
_STORY = [
    "The council voted on Tuesday to reopen the harbour walk after two years of repairs.",
    "Officials said the path would be open from dawn to dusk, with lighting added next spring.",
    "Residents had complained for months that the closure cut the town off from its beach.",
    "The work cost about $4 million, twice the first estimate, the mayor's office said.",
]
_TITLE = "Harbour walk reopens after repairs"


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in lines)


def _clean(fragment: str, title: str | None = None, **config) -> CleanedBody:
    return clean_body(sanitize(fragment), rules_for(config), title=title)


def _kept(fragment: str, title: str | None = None, **config) -> list[str]:
    return to_plain_lines(_clean(fragment, title, **config).html)


def _rules(cleaned: CleanedBody) -> dict[str, str]:
    return {r.text: r.rule for r in cleaned.removed}


def _clip_lines(tmp_path: Path, name: str, text: str) -> list[str]:
    """``text`` saved as ``name`` and read and cleaned as ``build.py clean`` does it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return clean_clipping(read_clipping(path, tz=DEFAULT_TZ))[0]
