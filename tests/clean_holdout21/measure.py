#!/usr/bin/env python3
"""Measure ``build.py clean`` on corpus 25: 69 REAL clippings from 47 outlets, labelled
blind (see README.md), split by outlet into a development part and a frozen test part.

Usage: .venv/bin/python tests/clean_holdout21/measure.py [--part dev|test|all] [--cases] [-v] [--check]

The scorer and its figures are corpus 12's (tests/clean_holdout8/measure.py: corpus 9's,
with an HTML tag in a Markdown file read as markup), pointed at this folder, with one more
change for Markdown inputs: a line's visible text is its inline Markdown rendered -- an
escape shows its character ("文 \\| 王五" shows "文 | 王五"), emphasis and code marks and
entities show as what they mark.  The labels were brought to the same reading (README.md).
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("clean_holdout8_measure", HERE.parent / "clean_holdout8" / "measure.py")
corpus12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus12)  # type: ignore[union-attr]
corpus9 = corpus12.corpus9
corpus9.HERE = corpus9.scorer.HERE = HERE  # both read the corpus folder from these globals

_INLINE = MarkdownIt("commonmark")
_TAG = re.compile(r"<[^>]*>")
_MARKS = re.compile(r"[\\*_`&]")
_md_visible = corpus9.scorer.md_lines  # (corpus 12's: tags dropped)


def _rendered(line: str) -> str:
    if not _MARKS.search(line):
        return line
    return corpus9.scorer.norm(html.unescape(_TAG.sub("", _INLINE.renderInline(line))))


def _md_rendered(text: str) -> tuple[list[str], set[str]]:
    lines, titles = _md_visible(text)
    return [v for v in map(_rendered, lines) if v], titles | {_rendered(t) for t in titles}


corpus9.scorer.md_lines = _md_rendered

if __name__ == "__main__":
    sys.exit(corpus9.main(sys.argv[1:]))
