#!/usr/bin/env python3
"""Measure ``build.py clean`` on the seventh held-out corpus: 40 REAL clippings from
21 outlets (15 Markdown files, 10 feed items), labelled blind (see README.md), split by
outlet into a development part and a frozen test part.

Usage: .venv/bin/python tests/clean_holdout7/measure.py [--part dev|test|all] [--cases] [-v] [--check]

The scorer is the fifth corpus's (tests/clean_holdout5/measure.py: line and character
recall, junk lines and chars removed), with one change for Markdown inputs: an HTML tag
in a Markdown file is markup, not visible text (a line holding only ``<div>`` or
``<img …>`` is no line a reader sees; ``<p>text</p>`` shows ``text``).
"""

from __future__ import annotations

import collections
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("clean_holdout3_measure", HERE.parent / "clean_holdout3" / "measure.py")
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)  # type: ignore[union-attr]
scorer.HERE = HERE  # its functions read the corpus folder from this global
_TAG = re.compile(r"<[^>]*>")
_md_lines = scorer.md_lines


def _md_visible(text: str) -> tuple[list[str], set[str]]:
    lines, titles = _md_lines(text)
    return [v for v in (scorer.norm(_TAG.sub("", line)) for line in lines) if v], titles


scorer.md_lines = _md_visible


def _names(part: str) -> list[str]:
    if part == "all":
        return []
    return [n.strip() for n in (HERE / f"{part}_names.txt").read_text(encoding="utf-8").splitlines() if n.strip()]


def _show(label: str, t: collections.Counter[str]) -> None:
    print(f"{label:12s} n={t['n']:3d}  recall line {t['line'] / t['exp']:.3f}  char {t['char'] / t['exp']:.3f}  "
          f"junk lines removed {1 - t['jlk'] / max(t['jl'], 1):.3f} ({t['jl'] - t['jlk']}/{t['jl']})  "
          f"junk chars removed {1 - t['jk'] / max(t['jc'], 1):.3f}  exact {t['ex']}/{t['n']}  "
          f"clean unchanged {t['cu']}/{t['clean']}")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return scorer.check()
    part = argv[argv.index("--part") + 1] if "--part" in argv else "all"
    verbose = "-v" in argv
    per_case = verbose or "--cases" in argv
    manifest = scorer.load_manifest()
    total: collections.Counter[str] = collections.Counter()
    by_format: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, src, exp in scorer.cases(_names(part)):
        r = scorer.measure_case(src, exp)
        pieces = scorer.junk_pieces(*scorer.visible(src), scorer.read_expected(exp))
        clean = manifest[name]["has_junk"] == "0"
        row = {"exp": r["exp_chars"], "line": r["line_hit"], "char": r["char_hit"], "jc": r["junk_chars"],
               "jk": r["junk_kept"], "jl": len(pieces), "jlk": len(r["kept_pieces"]), "ex": int(r["identical"]),
               "n": 1, "clean": int(clean), "cu": int(clean and r["identical"])}
        total.update(row)
        by_format[manifest[name]["format"]].update(row)
        if per_case:
            print(f"{name:40s} line {row['line'] / max(row['exp'], 1):.3f}  char {row['char'] / max(row['exp'], 1):.3f}  "
                  f"junk kept {row['jlk']}/{row['jl']}  {'exact' if row['ex'] else ''} {r['err']}")
            if verbose:
                for line in r["dropped"]:
                    print(f"    - dropped: {line[:150]}")
                for piece in r["kept_pieces"]:
                    print(f"    + kept junk: {piece[:150]}")
    for fmt in sorted(by_format):
        _show(fmt, by_format[fmt])
    _show("TOTAL", total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
