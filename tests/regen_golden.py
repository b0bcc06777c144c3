"""Rebuild tests/fixtures/mini-golden from tests/fixtures/mini. Run by hand, then review the diff."""

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.config import load_config  # noqa: E402
from digest.pipeline import build  # noqa: E402

HERE = Path(__file__).resolve().parent
golden = HERE / "fixtures" / "mini-golden"
shutil.rmtree(golden, ignore_errors=True)
report = build(load_config(HERE / "fixtures" / "mini" / "config.yaml"), golden)
for bundle in golden.glob("*/pagefind"):  # Pagefind's binary output: see test_golden.is_search_bundle
    shutil.rmtree(bundle)
print(f"wrote {report.files} files to {golden}; review them with git diff before committing")
