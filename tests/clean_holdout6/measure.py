#!/usr/bin/env python3
"""Measure ``build.py clean`` on corpus 10: 95 REAL clippings from 68 outlets, labelled
blind (see README.md), split by outlet into a development part and a frozen test part.

Usage: .venv/bin/python tests/clean_holdout6/measure.py [--part dev|test|all] [--cases] [-v] [--check]

The scorer and its figures are corpus 9's (tests/clean_holdout5/measure.py: recall
(line, char), junk lines and chars removed, exact, clean unchanged), read on this folder.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("clean_holdout5_measure", HERE.parent / "clean_holdout5" / "measure.py")
corpus9 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus9)  # type: ignore[union-attr]
corpus9.HERE = corpus9.scorer.HERE = HERE  # both read the corpus folder from these globals

if __name__ == "__main__":
    sys.exit(corpus9.main(sys.argv[1:]))
