"""Time the cleaning stage per article over the cleaning corpus (tests/clean_corpus).

    python bench/clean_speed.py [--rounds 20]

Prints the median, over rounds, of the mean seconds per article that
``clean_body`` takes on the sanitised bodies of every corpus clipping and seed.
A figure, not a test: tests never depend on wall-clock time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digest.clean import clean_body  # noqa: E402
from digest.clipping import read_clipping  # noqa: E402
from digest.render import body_to_html  # noqa: E402
from digest.sanitize import sanitize  # noqa: E402

CORPUS = REPO / "tests" / "clean_corpus"


def fragments() -> list[str]:
    cases = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))["cases"]
    files = [CORPUS / case["file"] for case in cases] + sorted((CORPUS / "seeds").glob("*.txt"))
    out = []
    for path in files:
        clip = read_clipping(path)
        out.append(sanitize(body_to_html(clip.body, clip.format)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    bodies = fragments()
    timer = timeit.Timer(lambda: [clean_body(f) for f in bodies])
    per_round = timer.repeat(repeat=args.rounds, number=1)
    median = statistics.median(per_round) / len(bodies)
    print(f"{len(bodies)} articles, {args.rounds} rounds: median {median * 1000:.3f} ms per article")


if __name__ == "__main__":
    main()
