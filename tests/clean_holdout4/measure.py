#!/usr/bin/env python3
"""Measure ``build.py clean`` on the fourth held-out corpus (tests/clean_holdout4:
invented, first sight recorded before the issue-8 changes).

Usage: .venv/bin/python tests/clean_holdout4/measure.py [-v] [--check] [NAME...]

The scorer is the third corpus's (tests/clean_holdout3/measure.py, whose docstring
defines every figure), pointed at this folder, so both corpora are scored alike.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("clean_holdout3_measure", HERE.parent / "clean_holdout3" / "measure.py")
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)  # type: ignore[union-attr]
scorer.HERE = HERE  # its functions read the corpus folder from this global

if __name__ == "__main__":
    sys.exit(scorer.main(sys.argv[1:]))
