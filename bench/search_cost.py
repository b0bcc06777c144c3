"""What search costs: build time with and without it, index size, time to first result.

    python bench/search_cost.py 1000 [--runs 3] [--dir bench/out/search] [--corpus ../shared/bench/make_corpus.py]

1. Makes an N-article site with bench/prepare_site.py, and a copy of its config
   with ``search: false``.
2. Times whole ``build.py build`` commands, alternating with and without search
   in the same run (so both see the same machine load), ``--runs`` times each;
   prints every time, the medians and their ratio.
3. Prints the size of what search adds per edition (the Pagefind bundle, the
   query table and the word list), in bytes and per 1,000 articles.
4. Serves the site under /digest/ and opens each edition's search page in
   Debian's Chromium with a cold cache, for a few queries in both scripts;
   prints the time from navigation start to the first result on the page
   (``performance.now()``), and the median.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from prepare_site import prepare  # noqa: E402

QUERIES = ("人工智能", "人工智慧", "半导体", "半導體", "新能源汽车", "選舉")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def timed_build(config: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(config), "build", "--out", str(out),
                    "--base-url", "https://example.github.io/digest/"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def first_result_ms(docroot: Path) -> list[tuple[str, str, float]]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(docroot)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/digest/"
    found = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for prefix in ("zh-hans", "zh-hant"):
            for query in QUERIES:
                context = browser.new_context()  # cold cache every time
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort())
                page = context.new_page()
                page.goto(f"{base}{prefix}/search/?q={quote(query)}")
                page.wait_for_selector("#search-results > li", timeout=60_000)
                found.append((prefix, query, page.evaluate("performance.now()")))
                context.close()
        browser.close()
    server.shutdown()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=REPO / "bench" / "out" / "search")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "bench" / "make_corpus.py")
    args = parser.parse_args()
    site = prepare(args.count, args.dir.resolve(), args.corpus)
    with_search = site / "config.yaml"
    without = site / "config-nosearch.yaml"
    without.write_text(with_search.read_text(encoding="utf-8") + "search: false\n", encoding="utf-8")
    out = site / "docroot" / "digest"
    times: dict[str, list[float]] = {"with": [], "without": []}
    for run in range(args.runs):
        for name, config in (("without", without), ("with", with_search)):
            seconds = timed_build(config, out)
            times[name].append(seconds)
            print(f"run {run + 1}: build {name} search: {seconds:.2f} s", flush=True)
    medians = {k: statistics.median(v) for k, v in times.items()}
    print(f"median with search {medians['with']:.2f} s, without {medians['without']:.2f} s, "
          f"ratio {medians['with'] / medians['without']:.2f} ({args.runs} runs each, alternating)")
    for prefix in ("zh-hans", "zh-hant"):
        parts = {"pagefind/": out / prefix / "pagefind", "script-map.json": out / prefix / "search" / "script-map.json",
                 "words.json": out / prefix / "search" / "words.json"}
        sizes = {k: size(v) for k, v in parts.items()}
        total = sum(sizes.values())
        print(f"{prefix}: {total} bytes ({total * 1000 / args.count / 1e6:.2f} MB per 1,000 articles): "
              + ", ".join(f"{k} {v}" for k, v in sizes.items()))
    results = first_result_ms(site / "docroot")
    for prefix, query, ms in results:
        print(f"first result {prefix} {query}: {ms:.0f} ms")
    print(f"median time to first result: {statistics.median(ms for _, _, ms in results):.0f} ms "
          f"({len(results)} cold page loads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
