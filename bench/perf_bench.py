"""This project against Hugo on the same generated corpus: cold, incremental and
no-change builds, wall time, CPU time and peak memory, with ratios.

    .venv/bin/python bench/perf_bench.py --corpus PATH/make_corpus.py [--sizes 1000 10000] [--runs 3]
                                         [--work DIR] [--jobs N] [--scenarios cold added nochange] [--no-hugo]

For each size N the corpus generator writes N articles twice, in this project's
layout and in Hugo's (``--flavor hugo``); Hugo gets a theme-less layout (one
page per article, the home page, taxonomy pages and their RSS feeds). Runs of
the two tools alternate, so load from other processes on the machine hits both
alike; the script prints medians and the ratio of medians, and all raw runs.

Scenarios (each ``--runs`` times, every run of ours next to a cold Hugo run):

* ``cold``: no cache, no previous output (``build --no-cache`` into a fresh
  folder; ``hugo`` into a fresh folder with a fresh cache folder).
* ``added`` (with the cache, after one untimed build that fills it): one
  article is added and the site rebuilt (timed); then it is removed and the
  site rebuilt again (not timed), so every run starts from the same state.
* ``nochange`` (with the cache): the same build again, nothing changed.

The ``added`` and ``nochange`` figures are compared with the cold Hugo runs
made in the same loop, so every ratio comes from runs made side by side.

Measured per run: wall time; CPU time (user + system of the process and every
child it waited for: pool workers, Pagefind); ``rss``, the largest resident
set of any one process of the tree (``wait4``'s ``ru_maxrss``, what
``/usr/bin/time -v`` prints); and ``pss``, the peak of the summed
proportional set size of the whole process tree (a parent and its workers,
which share pages after fork), sampled every 100 ms from /proc. Hugo is one
process, so for it both measure the same thing. The load average of the
machine is printed with every scenario: other processes slow both tools, which
is why runs alternate and ratios are taken within one run of this script.
This project builds two editions of every article, Hugo one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_EVERY = 0.1  # seconds between PSS samples

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


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (Linux: /proc/PID/task/TID/children), without
    scanning all of /proc, so sampling costs the measured build little CPU."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        pass
    return found


def _tree_pss(root: int) -> int:
    """PSS in KiB of ``root`` and all its descendants, from /proc."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += _children(pid)
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
    """Run ``command`` once: wall, CPU (its own and its waited-for children's),
    largest one-process RSS and peak PSS of its process tree."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty build never blocks on it
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_EVERY):
                peak[0] = max(peak[0], _tree_pss(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode(errors='replace')[-3000:]}")
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


def ours(site: Path, out: Path, *extra: str, config: str = "config.yaml") -> list[str]:
    return [sys.executable, str(REPO / "build.py"), "--config", str(site / config), "build", "--out", str(out), *extra]


def hugo_cold(hugo_site: Path, out: Path) -> list[str]:
    return ["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(out), "--cacheDir", str(out.parent / "hugo-cache")]


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def report(title: str, mine: Series, theirs: Series | None, loads: tuple[str, str]) -> None:
    print(f"\n{title}  ({len(mine.runs)} runs; before: {loads[0]}; after: {loads[1]})")
    for name, series in (("this project", mine), ("hugo", theirs)):
        if series is None or not series.runs:
            continue
        print(f"  {name:<13} median wall {series.median('wall'):7.2f} s  cpu {series.median('cpu'):7.2f} s  "
              f"rss {series.median('rss_mib'):6.0f} MiB  pss(tree) {series.median('pss_mib'):6.0f} MiB")
        print("  " + " " * 13 + " runs (wall/cpu s, rss/pss MiB): "
              + "; ".join(f"{r.wall:.2f}/{r.cpu:.2f} {r.rss_mib:.0f}/{r.pss_mib:.0f}" for r in series.runs))
    if theirs is not None and theirs.runs and mine.runs:
        print(f"  ratio (this/hugo, medians): wall {mine.median('wall') / theirs.median('wall'):.2f}x  "
              f"cpu {mine.median('cpu') / theirs.median('cpu'):.2f}x  rss {mine.median('rss_mib') / theirs.median('rss_mib'):.2f}x  "
              f"pss {mine.median('pss_mib') / theirs.median('pss_mib'):.2f}x")
    sys.stdout.flush()


def hugo_run(hugo_site: Path | None, work: Path, series: Series | None) -> None:
    if series is not None and hugo_site is not None:
        fresh(work / "hugo-cache")
        series.runs.append(measure(hugo_cold(hugo_site, fresh(work / "hugo-out"))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus = os.environ.get("DIGEST_BENCH_CORPUS")
    parser.add_argument("--corpus", type=Path, required=corpus is None, default=corpus,
                        help="the corpus generator, make_corpus.py (default: $DIGEST_BENCH_CORPUS)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "digest-perf-bench")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for this project (default: its own default)")
    parser.add_argument("--scenarios", nargs="+", choices=["cold", "added", "nochange"], default=["cold", "added", "nochange"])
    parser.add_argument("--without-search", action="store_true",
                        help="cold: also build with `search: false` (no Pagefind index, no query tables), alternating")
    parser.add_argument("--compare", type=Path, help="another checkout of this project (e.g. main before a change): "
                                                     "its cold build joins the alternating runs")
    args = parser.parse_args()
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not use_hugo:
        print("hugo not found (or --no-hugo): this project only", file=sys.stderr)
    else:
        version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split(" ")[:2]
        print(f"{' '.join(version)}; python {sys.version.split()[0]}; {load()}")
    args.work.mkdir(parents=True, exist_ok=True)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    for count in args.sizes:
        site, hugo_site = prepare(count, args.work, args.corpus, use_hugo)
        (site / "content" / "bench-added.md").unlink(missing_ok=True)  # left by an interrupted run
        if "cold" in args.scenarios:
            mine, other, unsearched = Series(), Series(), Series()
            hugo_series = Series() if use_hugo else None
            if args.without_search:
                config = (site / "config.yaml").read_text(encoding="utf-8") + "search: false\n"
                (site / "config-nosearch.yaml").write_text(config, encoding="utf-8")
            if args.compare:
                other_repo = args.compare.resolve()  # its own config keys, templates and static files
                config = (other_repo / "config.yaml").read_text(encoding="utf-8")
                config += f"templates_dir: {other_repo / 'templates'}\nstatic_dir: {other_repo / 'static'}\n"
                (site / "config-compare.yaml").write_text(config, encoding="utf-8")
            before = load()
            for _ in range(args.runs):
                if args.compare:
                    other.runs.append(measure([sys.executable, str(args.compare / "build.py"), "--config",
                                               str(site / "config-compare.yaml"), "build", "--out", str(fresh(args.work / "out-compare"))]))
                mine.runs.append(measure(ours(site, fresh(args.work / "out-cold"), "--no-cache", *jobs)))
                hugo_run(hugo_site, args.work, hugo_series)
                if args.without_search:
                    unsearched.runs.append(measure(ours(site, fresh(args.work / "out-cold"), "--no-cache", *jobs,
                                                        config="config-nosearch.yaml")))
            report(f"{count} articles, cold", mine, hugo_series, (before, load()))
            if args.without_search:
                report(f"{count} articles, cold, this project with search: false", unsearched, hugo_series, (before, load()))
            if args.compare:
                report(f"{count} articles, cold: the other checkout ({args.compare}) in the place of Hugo", mine, other, (before, load()))
        if "added" in args.scenarios or "nochange" in args.scenarios:
            shutil.rmtree(site / ".cache", ignore_errors=True)
            out = fresh(args.work / "out-cached")
            measure(ours(site, out, *jobs))  # fills the cache and the output
            extra = site / "content" / "bench-added.md"
            extra.unlink(missing_ok=True)  # left by an interrupted run
            donor = sorted((site / "content").rglob("*.md"))[count // 2].read_text(encoding="utf-8")
            added, nochange = Series(), Series()
            hugo_series = Series() if use_hugo else None
            before = load()
            for number in range(args.runs):
                hugo_run(hugo_site, args.work, hugo_series)
                if "added" in args.scenarios:
                    extra.write_text(donor.replace("title: ", f"slug: bench-added-{number}\ntitle: 新增{number} ", 1), encoding="utf-8")
                    added.runs.append(measure(ours(site, out, *jobs)))
                    extra.unlink()
                    measure(ours(site, out, *jobs))  # back to the state the cache holds (not timed)
                if "nochange" in args.scenarios:
                    nochange.runs.append(measure(ours(site, out, *jobs)))
            loads = (before, load())
            if added.runs:
                report(f"{count} articles, one article added, with the cache (against Hugo cold)", added, hugo_series, loads)
            if nochange.runs:
                report(f"{count} articles, nothing changed, with the cache (against Hugo cold)", nochange, hugo_series, loads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
