"""This project against Hugo on the same generated corpus: cold, incremental and
no-change builds, wall time, CPU time and peak memory, with ratios.

    .venv/bin/python bench/perf_bench.py [--sizes 1000 10000] [--runs 3] [--work DIR]
                                         [--corpus ../shared/bench/make_corpus.py] [--no-hugo]

For each size N the corpus generator writes N articles twice, in this project's
layout and in Hugo's (``--flavor hugo``); Hugo gets a theme-less layout (one
page per article, the home page, taxonomy pages and their RSS feeds). Runs of
the two tools alternate, so load from other processes on the machine hits both
alike; the script prints medians and the ratio of medians, and all raw runs.

Scenarios (each ``--runs`` times):

* ``cold``: no cache, no previous output (``build --no-cache`` into a fresh folder; ``hugo`` into a fresh folder).
* ``one added`` (this project, 10,000-article site only, with the cache): one
  article is added, the site rebuilt; then it is removed and the site rebuilt
  again (not timed) so every run starts from the same state.
* ``no change`` (with the cache): the same build again.

Peak memory: ``rss`` is the largest resident set of one process of the tree
(``wait4``, as ``/usr/bin/time`` reports it); ``pss`` samples the proportional
set size of the whole process tree (a parent and its workers) every 50 ms.
This project builds two editions of every article, Hugo one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"

HUGO_CONFIG = """baseURL = "http://localhost:8000/"
languageCode = "zh-CN"
title = "bench"
disableKinds = ["sitemap", "robotsTXT", "404"]
[taxonomies]
tag = "tags"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                            "<body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }} · '
                            "{{ .Params.source }}</p>{{ .Content }}</article>{{ end }}\n",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
                          "{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n",
}


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mib: float
    pss_mib: float


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in self.runs)


def _tree_pss(root: int) -> int:
    """PSS in KiB of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def measure(command: list[str], cwd: Path | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_pss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode() if process.stderr else ''}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024)


def prepare(count: int, work: Path, corpus: Path, hugo: bool) -> tuple[Path, Path | None]:
    site = work / f"site-{count}"
    if not (site / "config.yaml").is_file():
        subprocess.run([sys.executable, str(REPO / "bench" / "prepare_site.py"), str(count), str(site), "--corpus", str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    hugo_site = None
    if hugo:
        hugo_site = work / f"hugo-{count}"
        if not (hugo_site / "config.toml").is_file():
            subprocess.run([sys.executable, str(corpus), str(count), str(hugo_site), "--flavor", "hugo"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for rel, text in HUGO_LAYOUTS.items():
                (hugo_site / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
                (hugo_site / "layouts" / rel).write_text(text, encoding="utf-8")
            (hugo_site / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    return site, hugo_site


def ours(site: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, str(REPO / "build.py"), "--config", str(site / "config.yaml"), "build", "--out", str(out), *extra]


def hugo_cold(hugo_site: Path, out: Path) -> list[str]:
    return ["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(out), "--cacheDir", str(out.parent / "hugo-cache")]


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def report(title: str, mine: Series, theirs: Series | None) -> None:
    print(f"\n{title}")
    for name, series in (("this project", mine), ("hugo", theirs)):
        if series is None or not series.runs:
            continue
        print(f"  {name:<13} wall {series.median('wall'):7.2f} s  cpu {series.median('cpu'):7.2f} s  "
              f"rss {series.median('rss_mib'):7.0f} MiB  pss(tree) {series.median('pss_mib'):7.0f} MiB   "
              f"runs: {', '.join(f'{r.wall:.2f}' for r in series.runs)}")
    if theirs is not None and theirs.runs and mine.runs:
        print(f"  ratio (this/hugo): wall {mine.median('wall') / theirs.median('wall'):.2f}x  "
              f"cpu {mine.median('cpu') / theirs.median('cpu'):.2f}x  rss {mine.median('rss_mib') / theirs.median('rss_mib'):.2f}x  "
              f"pss {mine.median('pss_mib') / theirs.median('pss_mib'):.2f}x")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/digest-perf-bench"))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for this project (default: its own default)")
    parser.add_argument("--scenarios", nargs="+", default=["cold", "added", "nochange"])
    parser.add_argument("--compare", type=Path, help="another checkout of this project (e.g. main before a change): "
                                                     "its cold build joins the alternating runs")
    args = parser.parse_args()
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not use_hugo:
        print("hugo not found (or --no-hugo): this project only", file=sys.stderr)
    args.work.mkdir(parents=True, exist_ok=True)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    for count in args.sizes:
        site, hugo_site = prepare(count, args.work, args.corpus, use_hugo)
        hugo_cold_series = Series() if use_hugo else None
        if "cold" in args.scenarios:
            mine, other = Series(), Series()
            if args.compare:
                other_repo = args.compare.resolve()  # its own config keys, templates and static files
                config = (other_repo / "config.yaml").read_text(encoding="utf-8")
                config += f"templates_dir: {other_repo / 'templates'}\nstatic_dir: {other_repo / 'static'}\n"
                (site / "config-compare.yaml").write_text(config, encoding="utf-8")
            for _ in range(args.runs):
                if args.compare:
                    other.runs.append(measure([sys.executable, str(args.compare / "build.py"), "--config",
                                               str(site / "config-compare.yaml"), "build", "--out", str(fresh(args.work / "out-compare"))]))
                mine.runs.append(measure(ours(site, fresh(args.work / "out-cold"), "--no-cache", *jobs)))
                if hugo_cold_series is not None and hugo_site is not None:
                    fresh(args.work / "hugo-cache")
                    hugo_cold_series.runs.append(measure(hugo_cold(hugo_site, fresh(args.work / "hugo-out"))))
            report(f"{count} articles, cold", mine, hugo_cold_series)
            if args.compare:
                report(f"{count} articles, cold: the other checkout ({args.compare}) in the place of Hugo", mine, other)
        if "added" in args.scenarios or "nochange" in args.scenarios:
            shutil.rmtree(site / ".cache", ignore_errors=True)
            out = fresh(args.work / "out-cached")
            measure(ours(site, out, *jobs))  # fills the cache and the output
            extra = site / "content" / "bench-added.md"
            donor = sorted((site / "content").rglob("*.md"))[count // 2].read_text(encoding="utf-8")
            added, nochange = Series(), Series()
            for number in range(args.runs):
                if "added" in args.scenarios:
                    extra.write_text(donor.replace("title: ", f"slug: bench-added-{number}\ntitle: 新增{number} ", 1), encoding="utf-8")
                    added.runs.append(measure(ours(site, out, *jobs)))
                    extra.unlink()
                    measure(ours(site, out, *jobs))
                if "nochange" in args.scenarios:
                    nochange.runs.append(measure(ours(site, out, *jobs)))
                if hugo_cold_series is not None and hugo_site is not None and "cold" not in args.scenarios:
                    fresh(args.work / "hugo-cache")
                    hugo_cold_series.runs.append(measure(hugo_cold(hugo_site, fresh(args.work / "hugo-out"))))
            if added.runs:
                report(f"{count} articles, one article added, with the cache (against Hugo cold)", added, hugo_cold_series)
            if nochange.runs:
                report(f"{count} articles, nothing changed, with the cache (against Hugo cold)", nochange, hugo_cold_series)
    return 0


if __name__ == "__main__":
    sys.exit(main())
