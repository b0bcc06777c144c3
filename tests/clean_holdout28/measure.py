#!/usr/bin/env python3
"""Measure ``build.py clean`` on corpus 32: 82 REAL clippings from 59 outlets, labelled
blind (see README.md), split by outlet into a development part and a frozen test part.

Usage: .venv/bin/python tests/clean_holdout28/measure.py [--part dev|test|all] [--cases] [-v] [--check]

The scorer and its figures are corpus 23's (tests/clean_holdout19/measure.py: a Markdown
input's lines read as their inline Markdown renders), pointed at this folder.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("clean_holdout19_measure", HERE.parent / "clean_holdout19" / "measure.py")
corpus23 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus23)  # type: ignore[union-attr]
corpus9 = corpus23.corpus9
corpus9.HERE = corpus9.scorer.HERE = HERE  # both read the corpus folder from these globals

if __name__ == "__main__":
    sys.exit(corpus9.main(sys.argv[1:]))
