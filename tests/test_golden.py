"""A small bilingual fixture site must build to exactly its golden copy.

The golden copy is regenerated deliberately, never by a test:
    .venv/bin/python tests/regen_golden.py
then read the diff (`git diff tests/fixtures/mini-golden`) before committing it.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from digest.config import load_config
from digest.pipeline import build

from conftest import tree_bytes

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "mini-golden"


def is_search_bundle(name: str) -> bool:
    """Pagefind's binary output is left out of the golden copy (it is Pagefind's
    format, not ours); tests/test_feeds.py checks that it, too, is byte-identical
    across rebuilds, and tests/test_search_browser.py that it works."""
    return "/pagefind/" in name


def test_fixture_site_matches_golden_output(tmp_path: Path) -> None:
    build(load_config(FIXTURE / "config.yaml"), tmp_path / "site")
    built, golden = tree_bytes(tmp_path / "site"), tree_bytes(GOLDEN)
    bundle = [name for name in built if is_search_bundle(name)]
    for prefix in ("zh-hans", "zh-hant"):  # the list of shards, and each shard a whole Pagefind bundle
        shards = json.loads(built[f"{prefix}/pagefind/shards.json"])
        assert shards and all({f"{prefix}/pagefind/{s}pagefind.js", f"{prefix}/pagefind/{s}pagefind-entry.json"} <= set(bundle) for s in shards)
    built = {name: data for name, data in built.items() if not is_search_bundle(name)}
    assert sorted(built) == sorted(golden), "file list differs from the golden copy"
    for name in sorted(golden):
        if built[name] != golden[name]:
            diff = difflib.unified_diff(golden[name].decode().splitlines(), built[name].decode().splitlines(), "golden/" + name, "built/" + name, lineterm="")
            raise AssertionError("\n".join(list(diff)[:60]))


def test_golden_copy_has_what_the_fixture_promises() -> None:
    """Guards against regenerating a wrong golden copy without reading it."""
    hant = (GOLDEN / "zh-hant/articles/markdown-hans/index.html").read_text(encoding="utf-8")
    assert "<h1>軟體公司發布新版本</h1>" in hant  # news prose: 发布 is 發布 (not the IT 釋出), 软件 is 軟體
    assert 'href="https://example.cn/press/release.html"' in hant  # relative link made absolute
    assert 'src="https://example.cn/news/2024/05/02/images/launch.jpg"' in hant
    assert '<code>软件 = "不转换"</code>' in hant  # code is never converted
    english = (GOLDEN / "zh-hans/articles/chip-exports/index.html").read_text(encoding="utf-8")
    assert '<article class="story" lang="en" data-pagefind-body>' in english
    assert "Analysts expect the trend to hold." in english and "alert(1)" not in english and "onclick" not in english
    text = (GOLDEN / "zh-hans/articles/text-hant/index.html").read_text(encoding="utf-8")
    assert "台风预计明晨登陆" in text and "另一则不相关的新闻标题" not in text
    assert not any("draft" in p for p in tree_bytes(GOLDEN))
    assert 'href="/news/static/style.css"' in hant


def test_golden_home_is_bounded_and_the_archive_holds_everything() -> None:
    home = (GOLDEN / "zh-hans/index.html").read_text(encoding="utf-8")
    assert home.count('<li>\n      <article>') == 2  # home_items: 2, of 3 published
    assert 'href="/news/zh-hans/archive/">更早的文章 →</a>' in home
    month = (GOLDEN / "zh-hant/archive/2024/05/index.html").read_text(encoding="utf-8")
    assert month.count('<li>\n      <article>') == 3 and "2024年5月" in month
    assert 'hreflang="zh-Hans" href="https://example.org/news/zh-hans/archive/2024/05/"' in month
    index = (GOLDEN / "zh-hant/archive/index.html").read_text(encoding="utf-8")
    assert 'href="/news/zh-hant/archive/2024/05/">5月</a> <span class="count">3 篇</span>' in index
