"""Per-article speed of ``clean_body`` and prose survival on a generated corpus.

    python bench/clean_speed.py DIR [--repeat 5] [--limit N]

DIR is a corpus made by the shared generator (``make_corpus.py 10000 DIR``); every
``*.md`` below ``DIR/content`` is read the way the build reads it (frontmatter,
Markdown -> HTML -> nh3), then ``clean_body`` runs ``--repeat`` times on each article.
An article's time is the fastest of its runs (``time.perf_counter``; the fastest run is
the code's own cost, the slower ones add whatever else the machine was doing); the
script prints the median and 95th percentile over articles, in milliseconds, and the
run count.  ``--per-article median`` takes the median of the runs instead.

Prose survival: every paragraph of the input that reads as prose (ends with sentence
punctuation, at least 30 characters) must still open a line of the cleaned text (a
promo glued to its end may be cut).  Articles that lose one are listed and the exit
status is 1.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.cleaning import clean_body, rules_for, to_plain_lines  # noqa: E402
from digest.render import body_to_html  # noqa: E402
from digest.sanitize import sanitize  # noqa: E402
from digest.source import read_source  # noqa: E402

_PROSE = re.compile(r"[。！？.!?」”]$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--per-article", choices=("min", "median"), default="min")
    args = parser.parse_args()
    files = sorted((args.corpus / "content").rglob("*.md"))
    if args.limit:
        files = files[: args.limit]
    times: list[float] = []
    lost: list[tuple[str, str]] = []
    for path in files:
        doc = read_source(path, str(path.relative_to(args.corpus)))
        html = sanitize(body_to_html(doc.body, doc.format))
        rules = rules_for({}, source=doc.source, url=doc.url)
        pick = min if args.per_article == "min" else statistics.median
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            cleaned = clean_body(html, rules, title=doc.title)
            runs.append(time.perf_counter() - start)
        times.append(pick(runs) * 1000)
        kept = to_plain_lines(cleaned.html)
        for para in to_plain_lines(html):
            if len(para) >= 30 and _PROSE.search(para) and not any(k.startswith(para[:20]) for k in kept):
                lost.append((str(path), para[:60]))
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"articles={len(times)} repeat={args.repeat} per_article={args.per_article} median_ms={statistics.median(times):.3f} p95_ms={p95:.3f} "
          f"mean_ms={statistics.fmean(times):.3f} prose_lost={len(lost)}")
    for path, para in lost[:20]:
        print(f"  LOST {path}: {para}")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
