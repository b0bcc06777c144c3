"""Make a benchmark site: N generated articles beside a config that uses this repo's
templates and static files.

    python bench/prepare_site.py 1000 /tmp/bench1k [--corpus ../shared/bench/make_corpus.py]
    python build.py --config /tmp/bench1k/config.yaml build     # time this whole command

The articles come from the shared corpus generator, so figures are comparable
across changes; time whole commands with /usr/bin/time or hyperfine, and quote
medians of several runs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def prepare(count: int, target: Path, corpus_script: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    subprocess.run([sys.executable, str(corpus_script), str(count), str(target)], check=True, stdout=subprocess.DEVNULL)
    config = (REPO / "config.yaml").read_text(encoding="utf-8")
    config += f"templates_dir: {REPO / 'templates'}\nstatic_dir: {REPO / 'static'}\n"
    (target / "config.yaml").write_text(config, encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "bench" / "make_corpus.py")
    args = parser.parse_args()
    site = prepare(args.count, args.target.resolve(), args.corpus)
    print(f"{args.count} articles in {site}/content; build with: python build.py --config {site}/config.yaml build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
