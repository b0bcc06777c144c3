"""Measure ``build.py serve``: time from saving an article to the browser showing it.

In: which sites to measure (the demo site, and/or N generated articles from the
shared corpus generator, or a content folder made by it), how many edits per
site and the pause between edits. Out, per site, in milliseconds: median / min /
max of save->shown over the edits, the split of each edit into stages, the first
(full) build, and the machine's load average (1 min) before the first build,
before the edits and after them (other processes share the cores: quote it with
the figures).

    .venv/bin/python bench/serve_latency.py                        # 10,000 articles, 10 edits
    .venv/bin/python bench/serve_latency.py --sites demo 1000 --edits 5
    .venv/bin/python bench/serve_latency.py --content /tmp/c10k/content   # a corpus made already

How: ``serve --timings`` runs in its own process on a copy of the site; headless
Debian Chromium (Playwright) has the edited article's zh-Hans page open, with
the preview's live reload. Each edit rewrites the article's first paragraph
with a new marker sentence (saved as editors do: a temp file renamed over the
original). "Shown" is when the reloaded page has parsed and painted its first
frame: an init script records Date.now() at the first animation frame after
DOMContentLoaded; the save time is time.time() just before the write, on the
same machine's clock. The stages of one edit:

    watch     save -> the watcher reports the change (inotify + watchfiles' step)
    load      reading, preparing and rendering what changed (the pipeline's load)
    write     writing the changed files into the served folder
    signal    the rest of the server's work until the reload event is sent
    reload    event sent -> the page starts loading again (performance.timeOrigin)
    page      the new page's load -> its first frame with the new text

The search index is refreshed after the reload (in the background); it is not
part of these figures. Nothing is fetched from outside this machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from serve_harness import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ServeProcess,
    write_atomically,
)

DEFAULT_CORPUS = Path(os.environ.get("DIGEST_BENCH_CORPUS", REPO.parent / "shared" / "bench" / "make_corpus.py"))
SITE_PARTS = ("config.yaml", "templates", "static")
STAGES = ("watch", "load", "write", "signal", "reload", "page")

SHOWN_AT = """
addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => { window.__shownAt = Date.now(); }));
"""
TIMINGS = re.compile(r"^timings: seen=([\d.]+) started=([\d.]+) load_ms=([\d.]+) write_ms=([\d.]+) signalled=([\d.]+)$")


def prepare(kind: str, target: Path, corpus: Path, content: Path | None, stories: bool = True) -> Path:
    """``demo``: the repo's own site; a number: that many corpus articles (or the
    given content folder) beside the repo's config.yaml, templates and static files.
    ``stories`` False: grouping into stories switched off in the copied config."""
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    if not stories:
        with open(target / "config.yaml", "a", encoding="utf-8") as config:
            config.write("\nstories:\n  enabled: false\n")
    if content is not None:
        shutil.copytree(content, target / "content")
    elif kind == "demo":
        shutil.copytree(REPO / "tests" / "fixtures" / "seed-content", target / "content")
    else:
        subprocess.run([sys.executable, str(corpus), kind, str(target)], check=True, capture_output=True)
    return target


class Article:
    """One content file whose first paragraph we rewrite with a fresh marker each time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = path.read_text(encoding="utf-8")
        body_at = text.index("\n---\n", 3) + 5
        self.head, self.body = text[:body_at], text[body_at:]

    def write(self, marker: str) -> None:
        # A whole sentence at the top: the cleaning stage keeps it.
        write_atomically(self.path, f"{self.head}\n预览延迟测量：{marker} 这段文字用来测量保存到浏览器显示的时间。\n\n{self.body}")


def find_page(site: Path, slug_hint: str, marker: str) -> str:
    page = site / "zh-hans" / "articles" / slug_hint / "index.html"
    if page.is_file() and marker in page.read_text(encoding="utf-8"):
        return f"zh-hans/articles/{slug_hint}/"
    for page in (site / "zh-hans" / "articles").glob("*/index.html"):
        if marker in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    raise SystemExit(f"no zh-hans article page carries {marker}")


def load() -> float:
    return os.getloadavg()[0]


def measure(kind: str, edits: int, gap: float, workdir: Path, corpus: Path, content: Path | None,
            stories: bool = True, timings: bool = True) -> dict[str, object]:
    from playwright.sync_api import expect, sync_playwright

    root = prepare(kind, workdir / f"site-{kind}", corpus, content, stories)
    files = sorted((root / "content").rglob("*.md"))
    article = Article(files[len(files) // 2])  # a middle one: in a month, tags and an outlet, not on the home page
    first_marker = f"BENCH-{uuid.uuid4().hex[:8]}"
    article.write(first_marker)
    loads = {"before first build": load()}
    latencies: list[float] = []
    stages: dict[str, list[float]] = {name: [] for name in STAGES}
    with ServeProcess(root, *(["--timings"] if timings else []), startup_timeout=3600) as server:
        first_build = float(server.wait_for(r"built .* in ([\d.]+) s$").group(1))
        url = server.url + find_page(root / "site", article.path.stem, first_marker)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context()
            # No network here: refuse outside requests (article images) at once.
            context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), lambda route: route.abort())
            context.add_init_script(SHOWN_AT)
            page = context.new_page()
            page.goto(url)
            expect(page.locator("body")).to_contain_text(first_marker)
            time.sleep(gap)
            loads["before the edits"] = load()
            for _ in range(edits):
                marker = f"BENCH-{uuid.uuid4().hex[:8]}"
                since = server.mark()
                saved = time.time()
                article.write(marker)
                expect(page.locator("body")).to_contain_text(marker, timeout=600_000)
                page.wait_for_function("() => window.__shownAt !== undefined")
                shown_ms, origin_ms = page.evaluate("[window.__shownAt, performance.timeOrigin]")
                latencies.append(shown_ms - saved * 1000)
                if not timings:
                    time.sleep(gap)
                    continue
                found = server.wait_for(TIMINGS.pattern, since=since, timeout=60)
                seen, started, load_ms, write_ms, signalled = (float(v) for v in found.groups())
                stages["watch"].append((seen - saved) * 1000)
                stages["load"].append(load_ms)
                stages["write"].append(write_ms)
                stages["signal"].append((signalled - seen) * 1000 - load_ms - write_ms)
                stages["reload"].append(origin_ms - signalled * 1000)
                stages["page"].append(shown_ms - origin_ms)
                time.sleep(gap)  # a pause between saves, as a curator makes: each is its own rebuild
            loads["after the edits"] = load()
            browser.close()
    return {"site": "demo" if kind == "demo" else f"{kind} articles", "articles": len(files),
            "first_build_ms": first_build * 1000, "latency": latencies, "stages": stages, "loads": loads}


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} {min(values):7.0f} {max(values):7.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", nargs="+", default=["10000"],
                        help="'demo' and/or article counts for the corpus generator (default: 10000)")
    parser.add_argument("--edits", type=int, default=10, help="edits per site (default 10)")
    parser.add_argument("--gap", type=float, default=2.0, help="seconds between one edit shown and the next save (default 2)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="the shared corpus generator (default ../shared/bench/make_corpus.py, or $DIGEST_BENCH_CORPUS)")
    parser.add_argument("--content", type=Path, help="use this content folder (made by the generator) instead of generating one")
    parser.add_argument("--no-stories", action="store_true", help="switch grouping into stories off in the measured site's config")
    parser.add_argument("--no-timings", action="store_true",
                        help="save->shown only, without the stage split (for versions of serve without --timings)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    if args.content is None and any(s != "demo" for s in args.sites) and not args.corpus.is_file():
        print(f"the corpus generator is not at {args.corpus}", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="serve-latency-") as tmp:
        for kind in args.sites:
            results.append(measure(kind, args.edits, args.gap, Path(tmp), args.corpus, args.content,
                                   stories=not args.no_stories, timings=not args.no_timings))
    for r in results:
        print(f"\n{r['site']} ({r['articles']} files{', stories off' if args.no_stories else ''}): first build {r['first_build_ms']:.0f} ms; "
              f"load average (1 min): " + ", ".join(f"{k} {v:.2f}" for k, v in r["loads"].items()))
        print(f"save -> browser shows the change, {len(r['latency'])} edits (ms):   median     min     max")
        print(f"  {'save->shown':<46}{summary(r['latency'])}")
        for name in STAGES:
            if r["stages"][name]:
                print(f"    {name:<44}{summary(r['stages'][name])}")
        print("  per edit: " + " ".join(f"{v:.0f}" for v in r["latency"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
