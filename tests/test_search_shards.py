"""The search index in shards (digest/search.py, index_site): which pages go
where, that every page is indexed exactly once, that adding an article indexes
one shard again and reuses the others' files from the previous output, and
that the result is byte-identical to a clean build's.

The browser side (a search merges every shard) is in tests/test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import copy_site, tree_bytes
from digest import pipeline, search
from digest.cli import main as cli_main
from digest.search import MAX_SHARDS, shard_count, shard_of

PREFIXES = ("zh-hans", "zh-hant")


@pytest.mark.parametrize("pages", [0, 1, 255, 256, 511, 512, 1000, 1023, 1024, 10_000, 10**6])
def test_a_shard_holds_one_to_two_times_shard_pages(pages: int) -> None:
    count = shard_count(pages)
    assert count >= 1 and count & (count - 1) == 0 and count <= MAX_SHARDS
    if count > 1:
        assert count * search.SHARD_PAGES <= pages
    if count < MAX_SHARDS:
        assert pages < 2 * count * search.SHARD_PAGES


def test_an_article_keeps_its_shard_whatever_else_is_there() -> None:
    slugs = [f"a-{n:04d}" for n in range(2000)]
    for count in (1, 2, 8, 32):
        shards = [shard_of(slug, count) for slug in slugs]
        assert shards == [shard_of(slug, count) for slug in reversed(slugs)][::-1]  # no dependence on the others
        assert set(shards) == set(range(count))  # every shard is used


def write_article(content: Path, n: int) -> None:
    folder = content / "2024" / "05" / f"{1 + n % 28:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"shard-test-{n:02d}.md").write_text(
        f"---\ntitle: \"第{n}篇：城市交通与能源\"\ndate: 2024-05-{1 + n % 28:02d}T{n % 24:02d}:00:00+08:00\n"
        f"source: \"测试通讯\"\nurl: https://news.example.com/a{n}\nlang: zh-Hans\ntags:\n  - 交通\n---\n\n"
        f"第{n}号样本：城市公交与地铁的票价调整，能源价格上涨。关键词样本{n}。\n",
        encoding="utf-8")


def fragment_urls(bundle: Path) -> list[str]:
    urls = []
    for path in sorted((bundle / "fragment").iterdir()):
        raw = gzip.decompress(path.read_bytes())
        urls.append(json.loads(raw[len(b"pagefind_dcd"):])["url"])
    return urls


def shard_folders(out: Path, prefix: str) -> list[str]:
    return [name.rstrip("/") for name in json.loads((out / prefix / "pagefind" / "shards.json").read_text(encoding="utf-8"))]


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def build(root: Path, out: Path, *extra: str) -> None:
    assert cli_main(["--config", str(root / "config.yaml"), "build", "--out", str(out), *extra]) == 0


def built_with_small_shards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the demo site with twelve same-day articles, built once with two
    pages per shard (so they make several shards): (project root, output folder)."""
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    root = copy_site(Path(__file__).resolve().parent.parent, tmp_path / "site")
    for n in range(12):
        write_article(root / "content", n)
    out = tmp_path / "out"
    build(root, out)
    return root, out


def test_adding_an_article_indexes_one_shard_again_and_matches_a_clean_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = built_with_small_shards(tmp_path, monkeypatch)
    before = {prefix: shard_folders(out, prefix) for prefix in PREFIXES}
    for prefix in PREFIXES:
        pages = sorted(f"/{p.parent.relative_to(out).as_posix()}/" for p in (out / prefix / "articles").glob("*/index.html"))
        assert len(before[prefix]) == shard_count(len(pages)) > 2
        # Every article page is in exactly one shard, the one its slug names.
        seen = []
        for name in before[prefix]:
            urls = fragment_urls(out / prefix / "pagefind" / name)
            assert len({shard_of(url.rstrip("/").rsplit("/", 1)[-1], len(before[prefix])) for url in urls}) == 1
            seen += urls
        assert sorted(seen) == pages
        words = json.loads((out / prefix / "search" / "words.json").read_text(encoding="utf-8"))
        assert words == sorted(words) and "交通" in words
    linked = {prefix: inodes(out / prefix / "pagefind") for prefix in PREFIXES}

    write_article(root / "content", 40)
    build(root, out)
    for prefix in PREFIXES:
        after = shard_folders(out, prefix)
        assert len(after) == len(before[prefix])
        changed = set(after) - set(before[prefix])
        assert len(changed) == 1, (prefix, before[prefix], after)  # only the new article's shard
        assert any("shard-test-40" in url for url in fragment_urls(out / prefix / "pagefind" / changed.pop()))
        now = inodes(out / prefix / "pagefind")
        kept = [path for path in now if path.split("/")[0] in before[prefix]]
        assert kept and all(now[path] == linked[prefix][path] for path in kept)  # reused, not written again

    clean = tmp_path / "clean"
    build(root, clean, "--no-cache", "--jobs", "1")
    assert tree_bytes(out) == tree_bytes(clean)


def test_adding_a_same_day_article_leaves_its_neighbours_shards_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new article changes its same-day neighbours' pages (their pager links
    it) and, in a story, their other-coverage box; Pagefind reads neither, so
    only the new article's shard is indexed again, and the site still equals
    a clean build's."""
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    root = copy_site(Path(__file__).resolve().parent.parent, tmp_path / "site")
    for n in range(12):
        write_article(root / "content", n * 28)  # all on 2024-05-01, so each is the others' neighbour
    out = tmp_path / "out"
    build(root, out)
    before = {prefix: shard_folders(out, prefix) for prefix in PREFIXES}
    pages_before = {p: p.read_bytes() for p in out.rglob("articles/*/index.html")}
    write_article(root / "content", 12 * 28)
    build(root, out)
    neighbours_changed = [p for p, data in pages_before.items() if p.read_bytes() != data]
    assert neighbours_changed  # the premise: older pages did change
    for prefix in PREFIXES:
        after = shard_folders(out, prefix)
        changed = set(after) - set(before[prefix])
        assert len(changed) == 1, (prefix, before[prefix], after)
        assert any("shard-test-336" in url for url in fragment_urls(out / prefix / "pagefind" / changed.pop()))
    clean = tmp_path / "clean"
    build(root, clean, "--no-cache", "--jobs", "1")
    assert tree_bytes(out) == tree_bytes(clean)


def folder_inodes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.iterdir() if p.is_dir()}


def test_a_recycled_staging_tree_keeps_unchanged_shards_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The third build stages in the tree the first one wrote (the spare): the
    shards nobody touched stay there as they are (same folders, the live files'
    inodes), the new article's shard comes in, a shard named no more goes, and
    the site equals a clean build's; with search switched off, no index file of
    the spare is published."""
    root, out = built_with_small_shards(tmp_path, monkeypatch)
    first = {prefix: folder_inodes(out / prefix / "pagefind") for prefix in PREFIXES}
    files = {prefix: inodes(out / prefix / "pagefind") for prefix in PREFIXES}
    write_article(root / "content", 40)
    build(root, out)
    write_article(root / "content", 41)
    build(root, out)
    clean = tmp_path / "clean"
    build(root, clean, "--no-cache", "--jobs", "1")
    assert tree_bytes(out) == tree_bytes(clean)
    for prefix in PREFIXES:
        now = folder_inodes(out / prefix / "pagefind")
        assert set(now) == set(shard_folders(out, prefix))  # nothing left of retired shards
        kept = [name for name in now if first[prefix].get(name) == now[name]]
        assert kept, f"{prefix}: every shard folder was made again"
        later = inodes(out / prefix / "pagefind")
        assert all(later[path] == inode for path, inode in files[prefix].items() if path.split("/")[0] in kept)
    config = root / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "search: false\n", encoding="utf-8")
    build(root, out)
    build(root, clean, "--no-cache", "--jobs", "1")
    assert tree_bytes(out) == tree_bytes(clean)
    assert not any((out / prefix / "pagefind").exists() for prefix in PREFIXES)


def test_shards_started_before_the_write_are_indexed_once_and_leave_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached build starts Pagefind on the new article's shards before the
    tree is written (search.start_index): those are the shards the site ends
    with, nothing else indexes them again, no scratch folder stays beside the
    output, and the site equals a clean build's. A scratch folder a killed build
    left goes with the next build."""
    root, out = built_with_small_shards(tmp_path, monkeypatch)
    before = {prefix: set(shard_folders(out, prefix)) for prefix in PREFIXES}
    begun: list[tuple[str, str]] = []
    real_start, real_index = pipeline.start_index, search._index_shard

    def start(*args: object, **kwargs: object) -> search.StartedIndex | None:
        started = real_start(*args, **kwargs)  # type: ignore[arg-type]
        begun.extend(started._runs if started is not None else ())
        return started

    indexed_late: list[tuple[str, str]] = []

    def index_shard(shard: search._Shard, *args: object, **kwargs: object) -> object:
        if not kwargs and len(args) == 4:  # index_site's own call, after the write
            indexed_late.append((shard.edition.code, shard.name))
        return real_index(shard, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "start_index", start)
    monkeypatch.setattr(search, "_index_shard", index_shard)
    killed = tmp_path / ".out.index-0123456789ab"  # what a build killed while indexing leaves
    (killed / "zh-hans").mkdir(parents=True)
    write_article(root / "content", 40)
    build(root, out, "--jobs", "2")
    new = {(code, name) for code, prefix in zip(("zh-Hans", "zh-Hant"), PREFIXES, strict=True)
           for name in set(shard_folders(out, prefix)) - before[prefix]}
    assert len(new) == 2 and set(begun) == new  # one shard per edition, both started early
    assert indexed_late == []
    assert not [p.name for p in tmp_path.iterdir() if ".index-" in p.name]
    clean = tmp_path / "clean"
    build(root, clean, "--no-cache", "--jobs", "1")
    assert tree_bytes(out) == tree_bytes(clean)


PAGE = (b'<!doctype html><html lang="zh-Hans"><head><title>T</title></head><body><main>'
        b'<article data-pagefind-body><h1>T</h1><div class="body"><p>body</p><aside>inner</aside></div>'
        b'<aside class="other-coverage" data-pagefind-ignore><ul><li><a href="/a/">A</a></li></ul></aside>'
        b'<footer class="credit" data-pagefind-ignore><p>credit</p></footer></article>'
        b'<nav class="pager"><a href="/b/" rel="prev">B</a></nav></main></body></html>')


def test_search_view_leaves_out_only_what_pagefind_does_not_read() -> None:
    view = search.search_view(PAGE)
    assert b"<p>body</p><aside>inner</aside>" in view and b"<title>T</title>" in view
    assert b"other-coverage" not in view and b"credit" not in view and b"pager" not in view
    # Neighbours' links and coverage change nothing; the body, title or language do.
    assert search.search_view(PAGE.replace(b"/a/\">A", b"/c/\">C").replace(b"rel=\"prev\">B", b"rel=\"prev\">D")) == view
    for edit in ((b"<p>body</p>", b"<p>bodies</p>"), (b"<h1>T</h1>", b"<h1>U</h1>"), (b'lang="zh-Hans"', b'lang="zh-Hant"')):
        assert search.search_view(PAGE.replace(*edit)) != view


def test_search_view_keeps_what_could_reach_the_record() -> None:
    # A filter inside an ignored element still counts; an image after the body may be its image.
    with_filter = PAGE.replace(b"<p>credit</p>", b'<p data-pagefind-filter="outlet">X</p>')
    assert b'data-pagefind-filter="outlet">X' in search.search_view(with_filter)
    with_image = PAGE.replace(b"<nav class=\"pager\">", b'<img src="/x.png"><nav class="pager">')
    assert b"/x.png" in search.search_view(with_image)
    # No body element, or one never closed: the whole page.
    no_body = PAGE.replace(b" data-pagefind-body", b"")
    assert search.search_view(no_body) == no_body
    unclosed = PAGE.replace(b"</article>", b"")
    assert search.search_view(unclosed) == unclosed
