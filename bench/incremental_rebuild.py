"""Clean build vs incremental rebuild after a one-article edit, in one process.

    python bench/incremental_rebuild.py DIR [--edits 7]

DIR is a site made by ``bench/prepare_site.py``. For each edit, one article's body
changes, then the site is rebuilt twice: incrementally with the BuildCache that
``serve`` keeps, and from scratch without one. Pairs alternate so machine noise hits
both alike; the script prints medians and the per-pair ratio, and checks that the
two outputs are byte-identical.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.config import load_config  # noqa: E402
from digest.pipeline import BuildCache, build  # noqa: E402


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    config_path = args.site / "config.yaml"
    articles = sorted((args.site / "content").rglob("*.md"))
    target = articles[len(articles) // 2]
    original = target.read_text(encoding="utf-8")
    work = Path(tempfile.mkdtemp(prefix="rebuild-bench-"))
    cache = BuildCache()
    build(load_config(config_path), work / "incremental", cache)
    incremental, clean = [], []
    try:
        for number in range(args.edits):
            target.write_text(original.replace("\n\n", f"\n\n第{number}次修改的段落。\n\n", 1), encoding="utf-8")
            started = time.perf_counter()
            build(load_config(config_path), work / "incremental", cache)
            incremental.append(time.perf_counter() - started)
            started = time.perf_counter()
            build(load_config(config_path), work / "clean")
            clean.append(time.perf_counter() - started)
            if tree(work / "incremental") != tree(work / "clean"):
                print("MISMATCH: incremental output differs from a clean build", file=sys.stderr)
                return 1
    finally:
        target.write_text(original, encoding="utf-8")
    ratios = [c / i for c, i in zip(clean, incremental, strict=True)]
    print(f"{len(articles)} articles, {args.edits} edits, outputs identical")
    print(f"clean build       median {statistics.median(clean):.3f}s  (min {min(clean):.3f}, max {max(clean):.3f})")
    print(f"incremental build median {statistics.median(incremental):.3f}s  (min {min(incremental):.3f}, max {max(incremental):.3f})")
    print(f"clean / incremental, per pair: median {statistics.median(ratios):.1f}x  (min {min(ratios):.1f}, max {max(ratios):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
