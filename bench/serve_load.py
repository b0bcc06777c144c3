"""Load on the preview server: 200 concurrent clients, 2,000 requests.

Usage: python bench/serve_load.py [CLIENTS] [REQUESTS] [RUNS]
Starts ``build.py serve`` on a copy of tests/fixtures/mini (in a temporary
folder), sends the requests (a new connection each, see tests/serve_load.py)
RUNS times (default 3) and prints, per run, how many were answered and the
median and 99th-percentile latency.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from serve_harness import ServeProcess  # noqa: E402
from serve_load import hammer  # noqa: E402


def make_site(root: Path) -> Path:
    (root / "config.yaml").write_text(
        "title: 测试\nbase_url: https://example.github.io/digest/\ntimezone: Asia/Shanghai\n"
        f"templates_dir: {REPO / 'templates'}\nstatic_dir: {REPO / 'static'}\n", encoding="utf-8")
    (root / "content").mkdir()
    for article in (REPO / "tests" / "fixtures" / "mini" / "content").rglob("*.md"):
        (root / "content" / article.name).write_bytes(article.read_bytes())
    return root


if __name__ == "__main__":
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.TemporaryDirectory() as tmp, ServeProcess(make_site(Path(tmp))) as server:
        for run in range(runs):
            result = hammer(server.origin, "/digest/zh-hans/", clients=clients, total=total, timeout=30)
            print(f"run {run + 1}: answered {result.answered}/{total} {dict(result.statuses)}; "
                  f"p50 {result.percentile(0.5) * 1000:.0f} ms, p99 {result.percentile(0.99) * 1000:.0f} ms")
