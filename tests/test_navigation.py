"""Tag, outlet and search pages, pagers, reading time and the search query table,
checked on the built records and HTML (no browser: tests/test_search_browser.py
drives one)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import cbor2
import pytest

from conftest import REPO, tree_bytes
from digest.cache import BuildCache
from digest.config import load_config
from digest.convert import edition_converter
from digest.pipeline import build, load_site
from digest.readtime import reading_minutes
from digest.search import MAX_PHRASE, _HAN_RUN, _char_translation, _convert_many, convert_query, normalise_bundle, phrase_candidates, script_map_path

MINI = REPO / "tests" / "fixtures" / "mini"


def test_reading_time_counts_chinese_by_characters_and_english_by_words() -> None:
    assert reading_minutes("") == 1
    assert reading_minutes("字" * 255) == 1 and reading_minutes("字" * 256) == 2
    assert reading_minutes(" ".join(["word"] * 228)) == 1 and reading_minutes(" ".join(["word"] * 229)) == 2
    # Punctuation and digits inside Chinese are not characters read one by one.
    assert reading_minutes("，。「」" * 400) == 1
    assert reading_minutes("字" * 255 + " " + " ".join(["word"] * 228)) == 2


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("nav")
    shutil.copytree(MINI / "content", root / "content")
    text = (MINI / "config.yaml").read_text(encoding="utf-8")
    text = text.replace("../../../templates", str(REPO / "templates")).replace("../../../static", str(REPO / "static"))
    (root / "config.yaml").write_text(text + "page_items: 1\n", encoding="utf-8")
    # A second article of one tag and one outlet, the same day: pages to turn and neighbours.
    (root / "content" / "2024" / "05" / "second.md").write_text(
        "---\ntitle: 科技股回升\ndate: 2024-05-02T18:00:00+08:00\nsource: 示例日报\ntags: [科技]\n---\n\n科技股今日回升。\n",
        encoding="utf-8")
    config = load_config(root / "config.yaml")
    build(config, root / "site")
    return config, load_site(config), root / "site"


def test_tag_and_outlet_pages_are_paginated_newest_first_at_one_ascii_path(mini_site) -> None:
    config, site, out = mini_site
    pages = {p.output_path: p for p in site.pages}
    for prefix in ("zh-hans", "zh-hant"):
        tags = [p for p in pages if p.startswith(f"{prefix}/tags/") and p.endswith("index.html")]
        outlets = [p for p in pages if p.startswith(f"{prefix}/outlets/") and p.endswith("index.html")]
        assert f"{prefix}/tags/index.html" in tags and f"{prefix}/outlets/index.html" in outlets
        assert all(p.isascii() for p in tags + outlets)
        paged = [p for p in tags + outlets if "/page/2/" in p]
        assert paged, "page_items: 1 must split a tag or outlet with two articles"
        for path in paged:
            first = pages[path.replace("page/2/", "")]
            second = pages[path]
            newest = first.data["days"][0].entries[0].lead.article.doc.date
            assert newest >= second.data["days"][0].entries[0].lead.article.doc.date
            assert [link.number for link in first.data["pages"]] == list(range(1, len(first.data["pages"]) + 1))
    # The same folders in both editions, the names in each edition's script.
    hans = {p.split("/", 1)[1] for p in pages if p.startswith("zh-hans/tags/")}
    hant = {p.split("/", 1)[1] for p in pages if p.startswith("zh-hant/tags/")}
    assert hans == hant
    names = {p.edition.code: p.data["name"] for p in site.pages if p.template == "names.html" and p.data["kind"] == "tag"
             and p.data["number"] == 1 and p.data["slug"] == "t-1e34fdb3"}
    assert names == {"zh-Hans": "软件", "zh-Hant": "軟體"}


def test_every_article_links_its_tags_and_outlet_and_its_neighbours_of_the_day(mini_site) -> None:
    config, site, out = mini_site
    for page in site.pages:
        if page.template != "article.html":
            continue
        item = page.data["item"]
        html = (out / page.output_path).read_text(encoding="utf-8")
        for tag in item.tags:
            assert f'/tags/{tag.slug}/" data-pagefind-filter="tag">{tag.name}</a>' in html
        if item.article.doc.source:
            assert f'/outlets/{item.outlet.slug}/" data-pagefind-filter="outlet">{item.source}</a>' in html
        for key, rel in (("older", "prev"), ("newer", "next")):
            neighbour = page.data[key]
            if neighbour is not None:
                assert neighbour.local_date.date() == item.local_date.date()
                assert f'href="{config.base_path}{neighbour.path}" rel="{rel}"' in html
        assert "reading-time" in html


def test_the_query_table_converts_like_the_edition_converter(mini_site) -> None:
    config, site, out = mini_site
    for edition in config.editions:
        table = json.loads((out / script_map_path(edition)).read_text(encoding="utf-8"))
        conv = edition_converter(edition, config.glossary.entries)
        other = "zh-hant" if edition.code == "zh-Hans" else "zh-hans"
        # Every title of the other edition, typed as a query, becomes what the converter makes of it.
        titles = [p.data["item"].title for p in site.pages if p.template == "article.html" and p.edition.prefix == other]
        assert titles
        for title in titles:
            assert convert_query(title, table) == conv(title), (edition.code, title)
    hant = json.loads((out / "zh-hant/search/script-map.json").read_text(encoding="utf-8"))
    hans = json.loads((out / "zh-hans/search/script-map.json").read_text(encoding="utf-8"))
    assert convert_query("软件", hant) == "軟體" and convert_query("軟體", hans) == "软件"  # phrases, not characters


def _phrase_candidates_by_every_position(texts: list[str], conv) -> dict[str, str]:
    """phrase_candidates as first written: a run whose conversion changes its
    length tries the phrases over each of its positions in turn, and every
    phrase's character-by-character form is translated on its own."""
    charwise = _char_translation(conv)
    runs = sorted({run for text in texts for run in _HAN_RUN.findall(text)})
    pieces: set[str] = set()
    for run, converted in zip(runs, _convert_many(runs, conv), strict=True):
        plain = run.translate(charwise)
        if converted == plain:
            continue
        hits = range(len(run)) if len(converted) != len(plain) else [i for i, (a, b) in enumerate(zip(converted, plain)) if a != b]
        for i in hits:
            for length in range(2, MAX_PHRASE + 1):
                for start in range(max(0, i - length + 1), min(i, len(run) - length) + 1):
                    pieces.add(run[start:start + length])
    ordered = sorted(pieces)
    return {piece: converted for piece, converted in zip(ordered, _convert_many(ordered, conv), strict=True)
            if converted != piece.translate(charwise)}


@pytest.mark.parametrize("code, texts", [
    # 博客 -> 部落格 and 方便面 -> 泡麵 change a run's length; 软件, 信息, 打印机 do not.
    ("zh-Hant", ["我的博客写软件开发", "方便面", "信息安全与打印机", "三万亿", "天", "鼠标垫和出租车"]),
    ("zh-Hans", ["我的部落格寫軟體開發", "泡麵", "資訊安全與印表機", "天", "滑鼠墊和計程車"]),
])
def test_phrase_candidates_are_those_over_the_positions_a_conversion_changes(code: str, texts: list[str]) -> None:
    conv = edition_converter(next(e for e in load_config(MINI / "config.yaml").editions if e.code == code))
    charwise = _char_translation(conv)
    runs = [run for text in texts for run in _HAN_RUN.findall(text)]
    assert any(len(conv(run)) != len(run) for run in runs)  # both kinds of run are exercised
    assert any(len(conv(run)) == len(run) and conv(run) != run.translate(charwise) for run in runs)
    found = phrase_candidates(texts, conv)
    assert list(found.items()) == list(_phrase_candidates_by_every_position(texts, conv).items())
    assert found and all(len(piece) <= MAX_PHRASE for piece in found)


def test_the_search_bundle_is_rewritten_in_a_fixed_order(tmp_path: Path, mini_site) -> None:
    config, site, out = mini_site
    bundle = tmp_path / "bundle"
    (shard,) = json.loads((out / "zh-hans" / "pagefind" / "shards.json").read_text(encoding="utf-8"))  # a small site: one shard
    shutil.copytree(out / "zh-hans" / "pagefind" / shard, bundle)
    before = tree_bytes(bundle)
    # Reverse every filter's values, as another Pagefind run may write them...
    for path in (bundle / "filter").iterdir():
        raw = gzip.decompress(path.read_bytes())
        name, values = cbor2.loads(raw[12:])
        path.write_bytes(gzip.compress(raw[:12] + cbor2.dumps([name, values[::-1]]), mtime=0))
    words = normalise_bundle(bundle)
    # ...and the rewrite gives back the very same files.
    assert tree_bytes(bundle) == before
    assert words == sorted(words) and "软件" in words


def test_the_query_table_is_reused_while_no_article_brings_a_new_phrase(tmp_path: Path) -> None:
    """With the disk cache, an article whose phrases the site has already (a
    copy of one) leaves both tables as they were, and no article's phrases are
    read back; an article with a phrase new to the site makes them again. Both
    times the site equals a clean build's."""
    root = tmp_path / "site"
    shutil.copytree(MINI / "content", root / "content")
    text = (MINI / "config.yaml").read_text(encoding="utf-8")
    (root / "config.yaml").write_text(text.replace("../../../templates", str(REPO / "templates"))
                                      .replace("../../../static", str(REPO / "static")), encoding="utf-8")
    out, clean = tmp_path / "out", tmp_path / "clean"

    def cached_build() -> BuildCache:
        cache = BuildCache.open(root)
        build(load_config(root / "config.yaml"), out, cache)
        cache.close()
        return cache

    cached_build()
    source = root / "content" / "2024" / "05" / "markdown-hans.md"
    copy = source.read_text(encoding="utf-8").replace("title: ", "slug: copy-of-it\ntitle: 又一篇 ", 1)
    (root / "content" / "2024" / "05" / "copy.md").write_text(copy, encoding="utf-8")
    cache = cached_build()
    assert cache.hits["script-map-table"] == 2 and cache.hits["script-map"] == 0
    build(load_config(root / "config.yaml"), clean)
    assert tree_bytes(out) == tree_bytes(clean)
    table = json.loads((out / "zh-hant/search/script-map.json").read_text(encoding="utf-8"))
    assert "打印机" not in table["p"]
    (root / "content" / "2024" / "05" / "new-phrase.md").write_text(
        "---\ntitle: 新打印机上市\ndate: 2024-05-03T10:00:00+08:00\nsource: 示例日报\nlang: zh-Hans\n---\n\n这台打印机很快。\n",
        encoding="utf-8")
    cache = cached_build()
    assert cache.hits["script-map-table"] < 2
    shutil.rmtree(clean)
    build(load_config(root / "config.yaml"), clean)
    assert tree_bytes(out) == tree_bytes(clean)
    table = json.loads((out / "zh-hant/search/script-map.json").read_text(encoding="utf-8"))
    config = load_config(root / "config.yaml")
    assert convert_query("打印机", table) == edition_converter(config.edition("zh-Hant"), config.glossary.entries)("打印机") != "打印機"
