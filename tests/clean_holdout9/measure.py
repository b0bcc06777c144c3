#!/usr/bin/env python3
"""Measure ``build.py clean`` on corpus 13: 106 REAL clippings from 67 outlets, labelled
blind (see README.md), split by outlet into a development part and a frozen test part.

Usage: .venv/bin/python tests/clean_holdout9/measure.py [--part dev|test|all] [--cases] [-v] [--check]

The scorer and its figures are corpus 9's (tests/clean_holdout5/measure.py), read on this
folder, with one change for Markdown inputs: an HTML tag in a Markdown file is markup, not
visible text (a line holding only ``<div>`` or ``<img …>`` is no line a reader sees;
``<p>text</p>`` shows ``text``).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("clean_holdout5_measure", HERE.parent / "clean_holdout5" / "measure.py")
corpus9 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus9)  # type: ignore[union-attr]
corpus9.HERE = corpus9.scorer.HERE = HERE  # both read the corpus folder from these globals

_TAG = re.compile(r"<[^>]*>")
_md_lines = corpus9.scorer.md_lines


def _md_visible(text: str) -> tuple[list[str], set[str]]:
    lines, titles = _md_lines(text)
    return [v for v in (corpus9.scorer.norm(_TAG.sub("", line)) for line in lines) if v], titles


corpus9.scorer.md_lines = _md_visible

if __name__ == "__main__":
    sys.exit(corpus9.main(sys.argv[1:]))
