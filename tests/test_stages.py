"""Unit tests, one group per pipeline stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import Edition, load_config
from digest.convert import convert_html, needs_conversion
from digest.errors import BuildError
from digest.output import OutputFile, write_site
from digest.render import BodyFormat, body_to_html, detect_format
from digest.sanitize import sanitize
from digest.source import default_slug, read_source

HANT = Edition("zh-Hant", "zh-hant", "zhconv-rs:zh-tw", "zh_TW", "t", "")
HANS = Edition("zh-Hans", "zh-hans", "zhconv-rs:zh-cn", "zh_CN", "t", "")


# --- config ---------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_defaults_give_two_editions(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "config.yaml", "title: 新闻\n"))
    assert [e.code for e in config.editions] == ["zh-Hans", "zh-Hant"]
    assert [e.prefix for e in config.editions] == ["zh-hans", "zh-hant"]
    assert config.base_path == "/" and str(config.timezone) == "Asia/Taipei"


def test_config_base_url_override_sets_subpath(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "config.yaml", "base_url: https://a.b/\n"), base_url="https://u.github.io/digest")
    assert config.base_url == "https://u.github.io/digest/" and config.base_path == "/digest/"


@pytest.mark.parametrize("text, line, reason", [
    ("title: x\nfoo: 1\n", 2, "unknown key 'foo'"),
    ("editions:\n  - code: zh-Hans\n    colour: red\n", 3, "unknown key 'colour' in 'editions.0'"),
    ("timezone: Mars/Base\n", 1, "unknown time zone"),
    ("feed_items: many\n", 1, "'feed_items': 'many' is not of type 'integer'"),
    ("base_url: example.com\n", 1, "'base_url'"),
    ("title: [unclosed\n", 2, "invalid YAML"),
])
def test_config_errors_name_the_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    with pytest.raises(BuildError) as caught:
        load_config(write(tmp_path / "config.yaml", text))
    first = caught.value.problems[0]
    assert (first.line, reason in first.reason) == (line, True), first


# --- source ---------------------------------------------------------------

GOOD = "---\ntitle: 标题\ndate: 2025-01-23T12:29:00+08:00\nsource: 某报\nlang: zh-Hans\n---\n正文。\n"


def test_source_reads_typed_frontmatter_and_raw_body(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path / "a.md", GOOD), "2025/a.md")
    assert doc.title == "标题" and doc.date.utcoffset().total_seconds() == 8 * 3600
    assert doc.body == "正文。\n" and doc.body_line == 7 and doc.slug == "a"


def test_source_reports_all_problems_of_a_file(tmp_path: Path) -> None:
    bad = GOOD.replace("title: 标题\n", "").replace("lang: zh-Hans", "lang: fr\nauthor: me")
    with pytest.raises(BuildError) as caught:
        read_source(write(tmp_path / "a.md", bad), "a.md")
    reasons = " | ".join(p.reason for p in caught.value.problems)
    assert "missing frontmatter field: 'title'" in reasons and "unknown frontmatter field 'author'" in reasons and "'lang'" in reasons


def test_source_rejects_non_utf8_with_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(GOOD.encode() + b"\n\xff\xfe")
    with pytest.raises(BuildError) as caught:
        read_source(path, "a.md")
    assert caught.value.problems[0].line == 9


@pytest.mark.parametrize("rel, expected", [
    ("2025/01/23/20250123-c1ce3869.md", "20250123-c1ce3869"),
    ("My Story.md", "my-story"),
])
def test_default_slug_is_ascii_and_stable(rel: str, expected: str) -> None:
    assert default_slug(rel) == expected


def test_default_slug_of_chinese_name_is_ascii_and_unique() -> None:
    a, b = default_slug("马斯克.md"), default_slug("孙正义.md")
    assert a.isascii() and b.isascii() and a != b and a == default_slug("马斯克.md")


# --- render ---------------------------------------------------------------

@pytest.mark.parametrize("body, fmt", [
    ("<p>一</p><p>二</p>", BodyFormat.HTML),
    ("## 小标题\n\n正文段落。\n", BodyFormat.MARKDOWN),
    ("第一段。\n第二段。\n", BodyFormat.TEXT),
    ("2025年1月20日,某人。(美聯社)\n2025年1月20日,某人。(美聯社)\n\n正文。", BodyFormat.TEXT),
])
def test_detect_format(body: str, fmt: BodyFormat) -> None:
    assert detect_format(body) is fmt


def test_plain_text_is_never_markup() -> None:
    assert body_to_html("1. 不是列表\n# 不是标题 <b>\n", BodyFormat.TEXT) == "<p>1. 不是列表</p>\n<p># 不是标题 &lt;b&gt;</p>\n"


# --- sanitise -------------------------------------------------------------

@pytest.mark.parametrize("hostile, forbidden", [
    ("<p>x<script>alert(1)</script></p>", "alert"),
    ('<img src="https://a/b.jpg" onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<p style="position:fixed">x</p>', "style"),
    ('<iframe src="https://evil"></iframe>', "iframe"),
    ('<svg><script>alert(1)</script></svg>', "alert"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
])
def test_sanitize_removes_hostile_markup(hostile: str, forbidden: str) -> None:
    assert forbidden not in sanitize(hostile).lower()


def test_sanitized_images_lazy_and_without_referrer() -> None:
    out = sanitize('<img src="https://img.example/a.jpg" alt="图">')
    assert 'loading="lazy"' in out and 'referrerpolicy="no-referrer"' in out and 'src="https://img.example/a.jpg"' in out


# --- convert --------------------------------------------------------------

def test_convert_changes_text_only() -> None:
    html = '<p>软件<a href="https://x.cn/软件" title="软件">软件</a><code>软件</code>信息</p>'
    assert convert_html(html, HANT) == '<p>軟體<a href="https://x.cn/软件" title="软件">軟體</a><code>软件</code>資訊</p>'


def test_convert_to_simplified_uses_mainland_phrases() -> None:
    assert convert_html("<p>軟體與資訊</p>", HANS) == "<p>软件与信息</p>"


def test_conversion_only_for_other_script() -> None:
    assert needs_conversion("zh-Hans", HANT) and not needs_conversion("zh-Hant", HANT)
    assert not needs_conversion("en", HANS)


# --- output ---------------------------------------------------------------

def test_write_site_replaces_whole_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([OutputFile("a/index.html", b"1"), OutputFile("old.txt", b"x")], out)
    write_site([OutputFile("a/index.html", b"2")], out)
    assert (out / "a/index.html").read_bytes() == b"2" and not (out / "old.txt").exists()
    # The replaced tree is kept, unstamped, as the next write's staging folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "site"]
    assert not (tmp_path / ".site.spare" / ".digest-build").exists()
    write_site([OutputFile("a/index.html", b"3"), OutputFile("b.txt", b"b")], out)
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == {"a/index.html", "b.txt", ".digest-build"}
    assert (out / "a/index.html").read_bytes() == b"3"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "site"]


def test_write_site_prunes_the_spare_through_a_trash_folder_that_never_stays(tmp_path: Path) -> None:
    """What the recycled spare no longer needs (whole folders, single files beside
    kept ones) is moved out and deleted by the build; a trash folder a killed
    build left is deleted by the next one."""
    out = tmp_path / "site"
    first = [OutputFile("a/index.html", b"1"), OutputFile("gone/x/1.html", b"x"), OutputFile("gone/x/2.html", b"y"),
             OutputFile("mixed/keep.html", b"k"), OutputFile("mixed/drop.html", b"d")]
    write_site(first, out)
    write_site([OutputFile("a/index.html", b"2"), OutputFile("mixed/keep.html", b"k")], out)
    (tmp_path / ".site.trash-0123456789ab" / "0").mkdir(parents=True)  # as a kill mid-build leaves it
    write_site([OutputFile("a/index.html", b"3"), OutputFile("mixed/keep.html", b"k")], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "site"]
    spare = tmp_path / ".site.spare"
    assert {p.relative_to(spare).as_posix() for p in spare.rglob("*")} == {"a", "a/index.html", "mixed", "mixed/keep.html"}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*")} == {"a", "a/index.html", "mixed", "mixed/keep.html", ".digest-build"}


def test_write_site_refuses_duplicate_paths_and_keeps_old(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site([OutputFile("index.html", b"old")], out)
    with pytest.raises(BuildError):
        write_site([OutputFile("x.html", b"1"), OutputFile("x.html", b"2")], out)
    assert (out / "index.html").read_bytes() == b"old"


# --- pages ----------------------------------------------------------------

def test_tag_slugs_are_ascii_and_shared_by_both_scripts() -> None:
    from digest.pages import tag_slug

    assert tag_slug("AI") == "ai" and tag_slug("Hong Kong") == "hong-kong"
    assert tag_slug("经济") == tag_slug("經濟") and tag_slug("经济").isascii()
    assert tag_slug("经济") != tag_slug("科技")
    assert tag_slug("AI/科技").startswith("ai-") and "/" not in tag_slug("AI/科技")
    assert tag_slug("!!!") == ""


def test_update_site_rewrites_changed_and_removes_gone_files(tmp_path: Path) -> None:
    from digest.output import update_site

    out = tmp_path / "site"
    old = [OutputFile("a/index.html", b"1"), OutputFile("b/c/index.html", b"x"), OutputFile("keep.txt", b"k")]
    write_site(old, out)
    new = [OutputFile("a/index.html", b"2"), OutputFile("keep.txt", b"k"), OutputFile("d.txt", b"d")]
    update_site(new, out, {f.path: f.data for f in old})
    assert {p.relative_to(out).as_posix() for p in out.rglob("*")} == {"a", "a/index.html", "keep.txt", "d.txt", ".digest-build"}
    assert (out / "a/index.html").read_bytes() == b"2"


def test_build_cache_reuses_by_key_and_forgets_unused_entries() -> None:
    from digest.cache import BuildCache

    cache, calls = BuildCache(), []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert cache(("x", 1), compute) == 1 and cache(("x", 1), compute) == 1 and cache.hits["x"] == 1
    cache.sweep()
    cache(("y", 2), compute)
    cache.sweep()  # ("x", 1) was not used by this build: dropped
    assert cache(("x", 1), compute) == 3


def test_build_cache_entries_holding_one_shared_object_are_swept_and_stored_apart(tmp_path: Path) -> None:
    """Many entries hold the empty tuple (the very same object in CPython), and
    values holding an empty tuple are pickled on their own, not as a reference
    to whichever entry holds one, which might be swept first."""
    from digest.cache import BuildCache, _hash_key

    cache = BuildCache()
    cache.store(("empty", 1), ())
    cache.store(("empty", 2), ())
    cache.sweep()
    cache.sweep()  # neither was used by this build: both go (this raised KeyError)
    assert cache.lookup(("empty", 1)) == (False, None)
    disk = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
    disk.store(("empty", 1), ())
    disk.store(("holder", 1), ("a", ()))
    disk.sweep()
    disk.close()
    fresh = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
    fresh._db.execute("DELETE FROM entry WHERE key = ?", (_hash_key(("empty", 1)),))
    assert fresh.lookup(("holder", 1)) == (True, ("a", ()))


def test_disk_cache_reads_a_long_text_field_only_when_it_is_used(tmp_path: Path) -> None:
    """An Article read back from the disk cache holds a reference to its html's
    row, not the text; reading the field (here, in the building process and in a
    worker process it was shipped to) gives the very text stored, and the row
    stays in the store as long as a build reads the record."""
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from operator import attrgetter

    from digest.article import Article
    from digest.cache import BuildCache, _Deferred

    html = "<p>" + "新闻正文。" * 200 + "</p>"
    article = Article(doc=None, html=html, removed=(), rights=None, notices=(), summary="摘要", image=None)  # type: ignore[arg-type]
    disk = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
    disk.store(("article", 1), article)
    disk.sweep()
    disk.close()
    for _ in range(2):  # the second time after a sweep of a build that read it
        again = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
        found, value = again.lookup(("article", 1))
        assert found and type(value.__dict__["html"]) is _Deferred and value.summary == "摘要"
        shipped = pickle.loads(pickle.dumps(value))  # what a worker gets: still deferred
        assert type(shipped.__dict__["html"]) is _Deferred
        with ProcessPoolExecutor(1) as pool:
            assert pool.submit(attrgetter("html"), shipped).result() == html  # read by the worker
        assert value.html == html and value == article
        again.store(("other", 1), "x" * 10)  # the store grows: sweep deletes what was not used
        for n in range(300):
            again._db.execute("INSERT INTO entry VALUES (?, ?)", (bytes([n % 256, n // 256]) * 16, b"P"))
        again.sweep()
        again.close()


def test_disk_cache_keeps_small_kinds_in_one_row_and_drops_what_a_build_did_not_use(tmp_path: Path) -> None:
    """Entries of ``COMPACT_KINDS`` live in one row per kind: a new store finds
    them (one at a time and in a batch), and a build that did not use one
    leaves it out of the row it writes back."""
    from digest.cache import MISSING, BuildCache

    first = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
    first.store(("search-view", 1, "a"), "digest-a")
    first.store(("search-view", 1, "b"), "digest-b")
    first.sweep()
    first.close()
    second = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
    assert second._db.execute("SELECT count(*) FROM entry").fetchone() == (0,)  # not rows of their own
    assert second.lookup_many([("search-view", 1, "a"), ("search-view", 1, "c")]) == ["digest-a", MISSING]
    second.sweep()  # "b" unused
    second.close()
    third = BuildCache(tmp_path / "cache.sqlite", keep_in_memory=False)
    assert third.lookup(("search-view", 1, "a")) == (True, "digest-a")
    assert third.lookup(("search-view", 1, "b")) == (False, None)


# --- article --------------------------------------------------------------

def test_a_body_that_repeats_the_headline_loses_that_line_only() -> None:
    from digest.article import drop_repeated_title

    html, removed = drop_repeated_title("<h2>软银投资计划</h2>\n<p>软银投资计划公布后，股价上涨。</p>", "软银投资计划")
    assert html == "<p>软银投资计划公布后，股价上涨。</p>" and [r.rule for r in removed] == ["meta:title"]
    kept = "<p>软银投资计划公布后，股价上涨。</p>"
    assert drop_repeated_title(kept, "软银投资计划") == (kept, ())


# --- pages -----------------------------------------------------------------

def test_nearest_coverage_from_one_sort_per_story_matches_sorting_all_the_others() -> None:
    """Article pages pick each article's nearest coverage from its story sorted
    once (``pages._nearest_in``); the pick must be the one of sorting every other
    member by distance, ties included (same instants, equal distances before and
    after, instants given in other offsets)."""
    from datetime import datetime, timedelta, timezone
    from types import SimpleNamespace

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from digest.pages import _BY_DATE, _EPOCH, _MICROSECOND, _nearest_in, nearest_coverage

    base = datetime(2025, 3, 1, tzinfo=timezone.utc)

    def member(path: str, hours: int, offset: int) -> SimpleNamespace:
        stamp = (base + timedelta(hours=hours, microseconds=hours % 3)).astimezone(timezone(timedelta(hours=offset)))
        return SimpleNamespace(path=path, article=SimpleNamespace(doc=SimpleNamespace(date=stamp)))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 6), st.integers(-2, 8)), min_size=1, max_size=14), st.integers(0, 5))
    def check(stamps: list[tuple[int, int]], limit: int) -> None:
        members = [member(f"zh-hans/articles/a{n:02d}/", hours, offset) for n, (hours, offset) in enumerate(stamps)]
        ordered = sorted(members, key=_BY_DATE)
        micros = [(m.article.doc.date - _EPOCH) // _MICROSECOND for m in ordered]
        for index, item in enumerate(ordered):
            others = [m for m in members if m is not item]
            assert _nearest_in(ordered, micros, index, limit) == nearest_coverage(item, others, limit)

    check()
