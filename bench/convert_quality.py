#!/usr/bin/env python3
"""Exact-match accuracy of each converter on labelled sentences, per category.

    .venv/bin/python bench/convert_quality.py [TSV ...]      (default: tests/convert_set/*.tsv)

Each TSV has the columns id, category, to (or direction: ``zh-Hant`` / ``zh-Hans``),
source, expected, note, with a header line. Every sentence goes through
``digest.cli_convert.convert_lines``, the function ``build.py convert`` runs,
with each converter below (no site glossary: the repository's config.yaml names
none). A sentence counts only if the output equals ``expected`` exactly.

Converters: OpenCC s2twp/tw2sp (the old default), OpenCC s2tw/tw2s, zhconv-rs
zh-tw/zh-cn bare, OpenCC s2twp/tw2sp with the project glossary, and the build's
converter (zhconv-rs with the project glossary). ``--misses NAME`` lists the
sentences NAME gets wrong (for reading dev failures; never for the test part).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.cli_convert import convert_lines  # noqa: E402

CONVERTERS = {
    # name: (engine to zh-Hant, engine to zh-Hans, glossary?)
    "opencc-twp": ("opencc:s2twp", "opencc:tw2sp", False),
    "opencc-tw": ("opencc:s2tw", "opencc:tw2s", False),
    "zhconv-rs": ("zhconv-rs:zh-tw", "zhconv-rs:zh-cn", False),
    "opencc-twp+glossary": ("opencc:s2twp", "opencc:tw2sp", True),
    "build": ("zhconv-rs:zh-tw", "zhconv-rs:zh-cn", True),
}


def read_set(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        direction = row.get("to") or row.get("direction") or ""
        row["target"] = "zh-Hant" if "hant" in direction.lower() else "zh-Hans"
    return rows


def run(rows: list[dict[str, str]], name: str) -> list[str]:
    to_hant, to_hans, glossary = CONVERTERS[name]
    out = [""] * len(rows)
    for target, engine in (("zh-Hant", to_hant), ("zh-Hans", to_hans)):
        index = [i for i, r in enumerate(rows) if r["target"] == target]
        done = convert_lines([rows[i]["source"] for i in index], target, None, engine=engine, glossary=glossary)
        for i, text in zip(index, done, strict=True):
            out[i] = text
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--misses", choices=sorted(CONVERTERS), help="list the sentences this converter gets wrong")
    args = parser.parse_args()
    paths = args.sets or sorted((ROOT / "tests" / "convert_set").glob("*.tsv"))
    for path in paths:
        rows = read_set(path)
        categories = sorted({r["category"] for r in rows})
        print(f"\n{path.name}: {len(rows)} sentences")
        header = f"{'converter':<22}{'all':>7}" + "".join(f"{c[:12]:>14}" for c in categories)
        print(header)
        print(f"{'(sentences)':<22}{len(rows):>7}" + "".join(f"{sum(r['category'] == c for r in rows):>14}" for c in categories))
        for name in CONVERTERS:
            out = run(rows, name)
            hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for row, got in zip(rows, out, strict=True):
                for key in ("all", row["category"]):
                    hits[key][0] += got == row["expected"]
                    hits[key][1] += 1
            cells = "".join(f"{100 * hits[c][0] / hits[c][1]:>13.1f}%" for c in categories)
            print(f"{name:<22}{100 * hits['all'][0] / hits['all'][1]:>6.1f}%{cells}")
            if args.misses == name:
                for row, got in zip(rows, out, strict=True):
                    if got != row["expected"]:
                        print(f"  {row['id']} [{row['category']}] {row['source']}\n     want {row['expected']}\n     got  {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
