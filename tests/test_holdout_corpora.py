"""The held-out cleaning corpora stay well-formed: every case has its expected file, every
expected line occurs in the input's visible text, ``has_junk`` agrees with the labels
(each corpus's ``measure.py --check``; it never runs the cleaner)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize("corpus", ["clean_holdout5", "clean_holdout6", "clean_holdout7", "clean_holdout8", "clean_holdout9",
                                    "clean_holdout10", "clean_holdout11", "clean_holdout12", "clean_holdout13",
                                    "clean_holdout14", "clean_holdout15", "clean_holdout16", "clean_holdout17",
                                    "clean_holdout18", "clean_holdout19", "clean_holdout20",
                                    "clean_holdout21", "clean_holdout22", "clean_holdout23", "clean_holdout24",
                                    "clean_holdout25", "clean_holdout26", "clean_holdout27",
                                    "clean_holdout28"])
def test_held_out_corpus_is_well_formed(corpus: str) -> None:
    run = subprocess.run([sys.executable, str(TESTS / corpus / "measure.py"), "--check"],
                         capture_output=True, text=True, encoding="utf-8", timeout=300)
    problems = [line for line in run.stdout.splitlines() if "expected lines," not in line]
    assert run.returncode == 0, problems[:20]
