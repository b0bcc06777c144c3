"""Measure ``build.py serve``: time from saving an article to the browser showing it.

In: which sites to measure (the demo site, and/or N generated articles from the
shared corpus generator), how many edits per site. Out: for each site, printed
figures in milliseconds — median / min / max of save→shown over the edits, and
the server's own rebuild time for the same edits — plus the first (full) build.

    .venv/bin/python bench/serve_latency.py                 # demo site and 1,000 articles
    .venv/bin/python bench/serve_latency.py --sites 1000 --edits 10

"Shown" is when the reloaded page has parsed and painted its first frame: an
init script in the page records Date.now() at the first animation frame after
DOMContentLoaded, and the save time is taken with time.time() just before the
file is written, on the same machine's clock. Headless Debian Chromium, driven
by Playwright; nothing is fetched from outside this machine.
"""

from __future__ import annotations

import argparse
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

CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"
SITE_PARTS = ("config.yaml", "templates", "static")

SHOWN_AT = """
addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => { window.__shownAt = Date.now(); }));
"""


def prepare(kind: str, target: Path) -> Path:
    """``demo``: the repo's own site; a number: that many corpus articles beside
    the repo's config.yaml, templates and static files."""
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    if kind == "demo":
        shutil.copytree(REPO / "content", target / "content")
    else:
        subprocess.run([sys.executable, str(CORPUS), kind, str(target)], check=True, capture_output=True)
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
        write_atomically(self.path, f"{self.head}<p>预览延迟测量：{marker} 这段文字用来测量保存到浏览器显示的时间。</p>\n\n{self.body}")


def find_page(site: Path, marker: str) -> str:
    for page in (site / "zh-hans" / "articles").glob("*/index.html"):
        if marker in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    raise SystemExit(f"no zh-hans article page carries {marker}")


def measure(kind: str, edits: int, workdir: Path) -> dict[str, object]:
    from playwright.sync_api import expect, sync_playwright

    root = prepare(kind, workdir / f"site-{kind}")
    article = Article(sorted((root / "content").rglob("*.md"))[0])
    first_marker = f"BENCH-{uuid.uuid4().hex[:8]}"
    article.write(first_marker)
    articles = sum(1 for _ in (root / "content").rglob("*.md"))
    latencies: list[float] = []
    rebuilds: list[float] = []
    with ServeProcess(root, startup_timeout=300) as server:
        first_build = float(server.wait_for(r"built .* in ([\d.]+) s$").group(1))
        url = server.url + find_page(root / "site", first_marker)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context()
            # No network here: refuse outside requests (article images) at once.
            context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), lambda route: route.abort())
            context.add_init_script(SHOWN_AT)
            page = context.new_page()
            page.goto(url)
            expect(page.locator("body")).to_contain_text(first_marker)
            for _ in range(edits):
                marker = f"BENCH-{uuid.uuid4().hex[:8]}"
                since = server.mark()
                saved_ms = time.time() * 1000
                article.write(marker)
                expect(page.locator("body")).to_contain_text(marker, timeout=60_000)
                page.wait_for_function("() => window.__shownAt !== undefined")
                latencies.append(page.evaluate("window.__shownAt") - saved_ms)
                rebuilds.append(float(server.wait_for(r"built .* in ([\d.]+) s \(", since=since).group(1)) * 1000)
                time.sleep(0.3)  # keep edits apart so each is its own rebuild
            browser.close()
    return {"site": "demo" if kind == "demo" else f"{kind} articles", "articles": articles,
            "first_build_ms": first_build * 1000, "latency": latencies, "rebuild": rebuilds}


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} {min(values):7.0f} {max(values):7.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", nargs="+", default=["demo", "1000"],
                        help="'demo' and/or article counts for the corpus generator (default: demo 1000)")
    parser.add_argument("--edits", type=int, default=7, help="edits per site (default 7)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    if any(s != "demo" for s in args.sites) and not CORPUS.is_file():
        print(f"the corpus generator is not at {CORPUS}", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="serve-latency-") as tmp:
        for kind in args.sites:
            results.append(measure(kind, args.edits, Path(tmp)))
    print(f"\nsave -> browser shows the change, {args.edits} edits per site (ms; median / min / max)")
    print(f"{'site':<16}{'articles':>9}{'first build':>13}  {'save->shown':^23}  {'server rebuild':^23}")
    for r in results:
        print(f"{r['site']:<16}{r['articles']:>9}{r['first_build_ms']:>13.0f}  {summary(r['latency'])}  {summary(r['rebuild'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
