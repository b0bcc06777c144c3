"""CPU time of the grouping stage alone, per 1,000 articles.

    python bench/prepare_site.py 10000 /tmp/bench10k
    python bench/stories_speed.py /tmp/bench10k/config.yaml [--runs 3]

Reads and prepares every article first (not timed), then times
``stories.site_stories`` with ``time.process_time`` (CPU of this process): the
first run includes loading the word-frequency background, later runs do not.
For the whole-build cost, time ``build.py build`` with ``stories: {enabled: false}``
and without it (README "Stories").
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.article import prepare_article  # noqa: E402
from digest.config import load_config  # noqa: E402
from digest.source import read_sources  # noqa: E402
from digest.stories import site_stories  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    config = load_config(args.config)
    articles = [prepare_article(doc, config) for doc in read_sources(config)]
    count = len(articles)
    for run in range(1, args.runs + 1):
        started = time.process_time()
        stories = site_stories(config, articles)
        cpu = time.process_time() - started
        several = sum(1 for s in stories if len(s.ids) > 1)
        print(f"run {run}: {count} articles, {len(stories)} stories ({several} of several), "
              f"{cpu:.2f} s CPU = {cpu / count * 1000:.2f} s per 1,000 articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
