"""``serve``'s fast render (digest/fastpath.py): after an edit to an article's
text, its pages are written first, with the bytes the full build writes for
them, and the background build then leaves the whole tree as a clean
``build --jobs 1 --no-cache`` does. Edits that move the article among the
others, bad input and new files are left to the full build."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from conftest import REPO, copy_site, run_cli, tree_bytes
from digest.errors import Cancelled
from digest.preview_http import LiveState
from digest.serve import PipelineBuilder, Rebuilder


def story_site(root: Path) -> Path:
    """The demo site plus three copies of one seed on the same day, in one story
    (curator key), so article pages have neighbours and coverage."""
    copy_site(REPO, root)
    seed = sorted((root / "content").rglob("*.md"))[0]
    text = seed.read_text(encoding="utf-8")
    slug = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("slug: "))
    for i in range(3):
        copy = text.replace(f"slug: {slug}\n", f"slug: extra-{i}\nstory: same-event\n", 1)
        (seed.parent / f"extra-{i}.md").write_text(copy.replace("T19:47", f"T1{i}:47", 1), encoding="utf-8")
    return root


def edit_body(path: Path, sentence: str) -> None:
    text = path.read_text(encoding="utf-8")
    body_at = text.index("\n---\n", 3) + 5
    path.write_text(f"{text[:body_at]}\n{sentence}\n\n{text[body_at:]}", encoding="utf-8")


def clean(root: Path, out: Path) -> dict[str, bytes]:
    result = run_cli(root, "build", "--jobs", "1", "--no-cache", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return tree_bytes(out)


@pytest.fixture
def site(tmp_path: Path):
    root = story_site(tmp_path / "src")
    builder = PipelineBuilder(root / "config.yaml")
    config = builder.load()
    builder.build(config)
    builder.finish_indexing()
    yield root, builder, config.output_dir.resolve()
    builder.close()


def test_fast_render_writes_the_clean_builds_article_pages_then_the_background_build_the_rest(site, tmp_path: Path) -> None:
    root, builder, served = site
    article = (root / "content").resolve() / "2025/01/23/extra-1.md"
    edit_body(article, "快速预览测试：这一句是刚加上的。")
    before = tree_bytes(served)
    report = builder.fast(frozenset({article}))
    assert report is not None and report.pages == 2  # one per edition
    after = tree_bytes(served)
    expected = clean(root, tmp_path / "clean")
    pages = {f"{prefix}/articles/extra-1/index.html" for prefix in ("zh-hans", "zh-hant")}
    for page in pages:
        assert "这一句是刚加上的" in after[page].decode() or "這一句是剛加上的" in after[page].decode()
        assert after[page] == expected[page], page
    # Only those pages were written; listings, feeds and search wait for the build.
    assert {p for p in after if after[p] != before.get(p)} == pages
    assert after.keys() == before.keys()
    assert any(after[p] != expected[p] for p in after if p not in pages)
    builder.build(builder.load(), frozenset({article}))
    builder.finish_indexing()
    assert tree_bytes(served) == expected


@pytest.mark.parametrize("edit", ["title", "date", "tags", "story", "broken", "new file", "template"])
def test_edits_the_fast_render_leaves_to_the_full_build(site, edit: str) -> None:
    root, builder, served = site
    article = (root / "content").resolve() / "2025/01/23/extra-1.md"
    text = article.read_text(encoding="utf-8")
    changed = article
    if edit == "title":
        article.write_text(text.replace("title: \"", "title: \"新", 1), encoding="utf-8")
    elif edit == "date":
        article.write_text(text.replace("T11:47", "T11:48", 1), encoding="utf-8")
    elif edit == "tags":
        article.write_text(text.replace("tags: [", "tags: [新标签, ", 1), encoding="utf-8")
    elif edit == "story":
        article.write_text(text.replace("story: same-event", "story: other-event", 1), encoding="utf-8")
    elif edit == "broken":
        article.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    elif edit == "new file":
        changed = article.with_name("extra-9.md")
        changed.write_text(text.replace("slug: extra-1", "slug: extra-9", 1), encoding="utf-8")
    else:
        changed = (root / "templates" / "article.html").resolve()
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert text != article.read_text(encoding="utf-8") or edit in ("new file", "template")
    before = tree_bytes(served)
    assert builder.fast(frozenset({changed})) is None
    assert tree_bytes(served) == before


def test_a_cancelled_build_writes_nothing(site) -> None:
    root, builder, served = site
    article = (root / "content").resolve() / "2025/01/23/extra-2.md"
    edit_body(article, "取消的构建不写任何文件。")
    before = tree_bytes(served)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        builder.build(builder.load(), frozenset({article}), cancel)
    assert tree_bytes(served) == before


def test_rebuilder_shows_the_edit_first_and_reloads_again_after_the_background_build(site, tmp_path: Path) -> None:
    root, builder, served = site
    state = LiveState()
    rebuilder = Rebuilder(builder, state)
    rebuilder.config = builder.load()
    rebuilder.changes.built(0)  # the fixture's build stands for the first one
    articles = [(root / "content").resolve() / f"2025/01/23/extra-{i}.md" for i in (0, 2)]
    for number, article in enumerate(articles):
        edit_body(article, f"第{number}次修改。")
        rebuilder.changes.add([article])
        seq = state.snapshot.seq
        assert rebuilder.rebuild(" (test)")
        assert state.snapshot.seq == seq + 1  # the fast render's reload
        assert f"第{number}次修改" in (served / "zh-hans/articles" / article.stem / "index.html").read_text(encoding="utf-8")
    assert rebuilder.background.finish(timeout=120)
    builder.finish_indexing()
    assert state.snapshot.seq >= 3 and not state.snapshot.problems  # and the background build's (at least one)
    assert rebuilder.changes.snapshot()[1] == frozenset()
    assert tree_bytes(served) == clean(root, tmp_path / "clean")
    # A mistake goes to the full build, which reports it as path:line: reason.
    articles[0].write_text(articles[0].read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    rebuilder.changes.add([articles[0]])
    assert not rebuilder.rebuild(" (test)")
    assert any("extra-0.md:" in p and "titel" in p for p in state.snapshot.problems)


def test_files_that_come_and_go_beside_an_article_leave_the_fast_render_on(site) -> None:
    root, builder, served = site
    folder = (root / "content").resolve() / "2025/01/23"
    article = folder / "extra-0.md"
    edit_body(article, "编辑器的探测文件不影响快速预览。")
    # vim writes and deletes "4913" to probe the folder; a hidden temp file is renamed over the article
    assert builder.fast(frozenset({article, folder / "4913", folder / ".extra-0.md.swx"})) is not None
    # a folder that held articles, gone: the full build looks at everything
    assert builder.fast(frozenset({article, folder.parent / "gone"})) is not None
    assert builder.fast(frozenset({article, folder.parent})) is None
