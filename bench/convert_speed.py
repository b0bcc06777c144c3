#!/usr/bin/env python3
"""Conversion throughput: the build's converter against OpenCC, in one run.

    python3 ../shared/bench/make_corpus.py 10000 /tmp/corpus10k      # the shared corpus
    .venv/bin/python bench/convert_speed.py /tmp/corpus10k [--rounds 3]

Every article body is rendered and sanitised first (not timed), as the build
does. Then, per round, each converter turns every zh-Hans article into zh-Hant
and every zh-Hant article into zh-Hans, HTML text nodes only
(``TextConverter.html``, the function the build calls):

* ``opencc``: OpenCC s2twp / tw2sp, no glossary (the old default);
* ``build``: zhconv-rs with the project glossary (what the build uses now);
* ``opencc-raw`` / ``zhconv-raw``: the bare engines on the same HTML string
  with no tag handling, for reference.

Prints MB/s (UTF-8 bytes of input per second of time.perf_counter) per round
and the median, and the median ratio build/opencc. Converters are built before
timing starts. Converters alternate within a round, so both see the same load.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.convert import make_converter, plain_converter  # noqa: E402
from digest.render import body_to_html  # noqa: E402
from digest.sanitize import sanitize  # noqa: E402


def load(corpus: Path) -> dict[str, list[str]]:
    """Sanitised HTML bodies by the script they are in."""
    found: dict[str, list[str]] = {"zh-Hans": [], "zh-Hant": []}
    for path in sorted((corpus / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, meta, body = text.split("---", 2)
        lang = re.search(r"^lang:\s*(\S+)", meta, re.M)
        if lang and lang.group(1) in found:
            found[lang.group(1)].append(sanitize(body_to_html(body, None)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bodies = load(args.corpus)
    size = sum(len(b.encode("utf-8")) for group in bodies.values() for b in group)
    print(f"{sum(map(len, bodies.values()))} articles, {size / 1e6:.1f} MB of HTML "
          f"({len(bodies['zh-Hans'])} zh-Hans -> zh-Hant, {len(bodies['zh-Hant'])} zh-Hant -> zh-Hans)")
    converters = {
        "opencc": {"zh-Hant": plain_converter("zh-Hant", "opencc:s2twp").html,
                   "zh-Hans": plain_converter("zh-Hans", "opencc:tw2sp").html},
        "build": {"zh-Hant": make_converter("zh-Hant").html, "zh-Hans": make_converter("zh-Hans").html},
        "opencc-raw": {"zh-Hant": plain_converter("zh-Hant", "opencc:s2twp")._fn,
                       "zh-Hans": plain_converter("zh-Hans", "opencc:tw2sp")._fn},
        "zhconv-raw": {"zh-Hant": plain_converter("zh-Hant", "zhconv-rs:zh-tw")._fn,
                       "zh-Hans": plain_converter("zh-Hans", "zhconv-rs:zh-cn")._fn},
    }
    speeds: dict[str, list[float]] = {name: [] for name in converters}
    for round_number in range(1, args.rounds + 1):
        for name, by_target in converters.items():
            started = time.perf_counter()
            for body in bodies["zh-Hans"]:
                by_target["zh-Hant"](body)
            for body in bodies["zh-Hant"]:
                by_target["zh-Hans"](body)
            seconds = time.perf_counter() - started
            speeds[name].append(size / 1e6 / seconds)
            print(f"round {round_number} {name:<11} {seconds:7.2f} s  {speeds[name][-1]:7.1f} MB/s", flush=True)
    print("median MB/s: " + ", ".join(f"{n} {statistics.median(v):.1f}" for n, v in speeds.items()))
    print(f"build / opencc: {statistics.median(speeds['build']) / statistics.median(speeds['opencc']):.2f}x "
          f"(median of {args.rounds} rounds each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
