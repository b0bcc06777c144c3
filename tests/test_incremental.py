"""An incremental rebuild (one BuildCache kept across builds, as ``serve`` does)
writes exactly the bytes a clean build writes, after every kind of edit a
curator makes: article text and frontmatter, new, moved and deleted files,
templates, UI strings, static files, config, and broken input that is then fixed.

The clean build runs in a fresh process (``build.py build --out``), so no
module-level cache of the long-lived process can make both sides equally stale.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_site, run_cli, tree_bytes
from digest.config import load_config
from digest.errors import BuildError
from digest.pipeline import BuildCache, build

CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"


def edit_frontmatter(path: Path, **changes: object) -> None:
    """Rewrite ``path``'s frontmatter with ``changes`` (None removes a key)."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    meta = {k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in meta.items()}
    meta.update(changes)
    meta = {k: v for k, v in meta.items() if v is not None}
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def articles(root: Path) -> list[Path]:
    return sorted((root / "content").rglob("*.md"))


@dataclass(frozen=True)
class Site:
    """The site under edit and the two articles the edits pick on."""

    root: Path
    a: Path
    b: Path

    @property
    def new(self) -> Path:
        return self.root / "content" / "new" / "incremental-new.md"


Edit = Callable[[Site], None]


def _new_article(s: Site) -> None:
    s.new.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(s.a, s.new)
    edit_frontmatter(s.new, slug="incremental-new", date="2024-12-31T23:30:00+08:00", title="新增的文章：软件发布")


def _add_glossary(s: Site) -> None:
    (s.root / "glossary.yaml").write_text("- {zh-Hans: 软件, zh-Hant: 軟件}\n- {zh-Hans: 发布, zh-Hant: 發佈}\n", encoding="utf-8")
    append(s.root / "config.yaml", "\nglossary: glossary.yaml\n")


def _move_article(s: Site) -> None:
    target = s.root / "content" / "moved" / s.b.name
    target.parent.mkdir(parents=True, exist_ok=True)
    s.b.rename(target)


def _rename_folder(s: Site) -> None:
    """A folder of articles renamed: the watcher reports the folders, not the files in them."""
    (s.root / "content" / "moved").rename(s.root / "content" / "moved-again")


def _rename_article(s: Site) -> None:
    """A file renamed: its slug, and so its URL, changes (pages move, links follow)."""
    path = articles(s.root)[1]
    path.rename(path.with_name(f"renamed-{path.name}"))


def _join_story(s: Site) -> None:
    """Two articles given one curator story key: both pages list each other."""
    edit_frontmatter(s.a, story="incremental-story")
    edit_frontmatter(articles(s.root)[2], story="incremental-story")


def _editor_droppings(s: Site) -> None:
    """What editors and curators leave beside articles: never read as articles."""
    (s.root / "content" / f".{s.a.name}.swp").write_bytes(b"\x00swap")
    (s.root / "content" / "notes.txt").write_text("not an article\n", encoding="utf-8")


# (what the curator did, the edit, whether the build must fail)
EDITS: list[tuple[str, Edit, bool]] = [
    ("article body", lambda s: append(s.a, "\n\n增量构建测试：软件发布了新版本。\n"), False),
    ("title", lambda s: edit_frontmatter(s.a, title="改过的标题：软件发布"), False),
    ("tags", lambda s: edit_frontmatter(s.a, tags=["新标签", "科技"]), False),
    ("summary", lambda s: edit_frontmatter(s.b, summary="改过的摘要。"), False),
    ("date moves an article to another day", lambda s: edit_frontmatter(s.b, date="2023-06-01T08:00:00+00:00"), False),
    ("lang flips the script", lambda s: edit_frontmatter(s.a, lang="zh-Hant"), False),
    ("new article", _new_article, False),
    ("draft hides an article", lambda s: edit_frontmatter(s.a, draft=True), False),
    ("draft removed", lambda s: edit_frontmatter(s.a, draft=None), False),
    ("file moved to another folder", _move_article, False),
    ("folder of articles renamed", _rename_folder, False),
    ("hidden and non-article files beside articles", _editor_droppings, False),
    ("broken frontmatter", lambda s: replace(s.a, "\ntitle:", "\ntitle: [never closed\nx:"), True),
    ("broken frontmatter fixed", lambda s: replace(s.a, "\ntitle: [never closed\nx:", "\ntitle:"), False),
    ("article template", lambda s: replace(s.root / "templates" / "article.html", "{% block main %}", "{% block main %}<!-- edited -->"), False),
    ("template syntax error", lambda s: replace(s.root / "templates" / "base.html", "</main>", "{% if %}</main>"), True),
    ("template syntax error fixed", lambda s: replace(s.root / "templates" / "base.html", "{% if %}</main>", "</main>"), False),
    ("UI strings", lambda s: replace(s.root / "templates" / "strings.yaml", "latest: 最新精选", "latest: 今日精选"), False),
    ("static file changed", lambda s: append(s.root / "static" / "style.css", "\n/* edited */\n"), False),
    ("static file added", lambda s: (s.root / "static" / "extra.txt").write_text("extra\n"), False),
    ("config title", lambda s: replace(s.root / "config.yaml", "title: 两岸新闻精选", "title: 两岸新闻精选（测试）"), False),
    ("config summary length", lambda s: replace(s.root / "config.yaml", "summary_chars: 110", "summary_chars: 60"), False),
    ("site glossary added", lambda s: _add_glossary(s), False),
    ("site glossary entry changed", lambda s: replace(s.root / "glossary.yaml", "zh-Hant: 軟件", "zh-Hant: 軟體程式"), False),
    ("unknown config key", lambda s: append(s.root / "config.yaml", "\nno_such_key: 1\n"), True),
    ("unknown config key removed", lambda s: replace(s.root / "config.yaml", "\nno_such_key: 1\n", ""), False),
    ("file renamed", _rename_article, False),
    ("curator story key joins two articles", _join_story, False),
    ("stories switched off", lambda s: append(s.root / "config.yaml", "\nstories:\n  enabled: false\n"), False),
    ("article body, stories off", lambda s: append(s.a, "\n\n故事关闭时的修改。\n"), False),
    ("date, stories off", lambda s: edit_frontmatter(s.a, date="2024-01-02T03:04:05+08:00"), False),
    ("story key removed, stories off", lambda s: edit_frontmatter(s.a, story=None), False),
    ("stories switched on", lambda s: replace(s.root / "config.yaml", "\nstories:\n  enabled: false\n", ""), False),
    ("new article deleted", lambda s: s.new.unlink(), False),
]


def _demo(root: Path) -> Path:
    return copy_site(REPO, root)


def _corpus(root: Path) -> Path:
    """40 generated articles (many days, tags and both scripts) with the repo's templates."""
    if not CORPUS.is_file():
        pytest.skip(f"the shared corpus generator is not at {CORPUS}")
    copy_site(REPO, root)
    shutil.rmtree(root / "content")
    subprocess.run([sys.executable, str(CORPUS), "40", str(root)], check=True, capture_output=True)
    return root


def assert_same_tree(incremental: Path, clean: Path, step: str) -> None:
    inc, full = tree_bytes(incremental), tree_bytes(clean)
    assert sorted(inc) == sorted(full), f"after '{step}': file lists differ: only incremental {sorted(set(inc) - set(full))}, only clean {sorted(set(full) - set(inc))}"
    for name in sorted(full):
        if inc[name] != full[name]:
            diff = difflib.unified_diff(full[name].decode(errors="replace").splitlines(), inc[name].decode(errors="replace").splitlines(),
                                        "clean/" + name, "incremental/" + name, lineterm="")
            raise AssertionError(f"after '{step}':\n" + "\n".join(list(diff)[:40]))


def clean_build(root: Path, out: Path) -> Path:
    """The reference: one process, no cache."""
    result = run_cli(root, "build", "--jobs", "1", "--no-cache", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def cached_build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """What the curator and CI run: the on-disk cache in .cache/, two worker processes."""
    return run_cli(root, "build", "--jobs", "2", "--out", str(out))


def source_state(root: Path) -> dict[Path, bytes | None]:
    """Every file (its bytes) and folder (None) of the site's inputs."""
    return {p: None if p.is_dir() else p.read_bytes() for p in root.rglob("*")
            if p.relative_to(root).parts[0] not in ("site", ".cache")}


def watcher_report(before: dict[Path, bytes | None], after: dict[Path, bytes | None]) -> frozenset[Path]:
    """What a file watcher reports for the difference of two ``source_state``s:
    every file and folder added, deleted or rewritten."""
    return frozenset(p for p in before.keys() | after.keys() if before.get(p, b"gone") != after.get(p, b"gone"))


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("make_site", [_demo, _corpus], ids=["demo", "corpus40"])
def test_incremental_rebuilds_equal_clean_builds(tmp_path: Path, make_site: Callable[[Path], Path]) -> None:
    root = make_site(tmp_path / "src")
    config_path = root / "config.yaml"
    inc = tmp_path / "incremental"
    cli = tmp_path / "cached-cli"  # built by the command line with the disk cache and --jobs 2
    cache = BuildCache()
    build(load_config(config_path), inc, cache)
    first = tree_bytes(inc)
    # As serve runs it: the same cache kind, told which paths the watcher reported.
    watched, watched_cache = tmp_path / "watched", BuildCache()
    build(load_config(config_path), watched, watched_cache)
    state, unbuilt = source_state(root), frozenset[Path]()
    assert cached_build(root, cli).returncode == 0
    assert_same_tree(inc, clean_build(root, tmp_path / "clean-0"), "first build")
    assert_same_tree(cli, tmp_path / "clean-0", "first build, cached command line")
    # Nothing changed: the command line writes nothing, not even a timestamp.
    before = stamps(cli)
    again = cached_build(root, cli)
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout
    assert stamps(cli) == before
    originals = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    site = Site(root, articles(root)[0], articles(root)[-1])

    for number, (step, edit, must_fail) in enumerate(EDITS, start=1):
        before, hits = tree_bytes(inc), cache.hits["article"]
        cli_before, cli_stamps = tree_bytes(cli), stamps(cli)
        edit(site)
        new_state = source_state(root)
        # serve keeps a failed build's paths for the next build (serve.watch_and_rebuild)
        reported, state = unbuilt | watcher_report(state, new_state), new_state
        if must_fail:
            with pytest.raises(BuildError):
                build(load_config(config_path), inc, cache)
            assert tree_bytes(inc) == before, f"the failed build '{step}' changed the output"
            with pytest.raises(BuildError):
                build(load_config(config_path), watched, watched_cache, changed=reported)
            unbuilt = reported
            assert cached_build(root, cli).returncode == 1 and tree_bytes(cli) == cli_before
            continue
        build(load_config(config_path), inc, cache)
        clean = clean_build(root, tmp_path / f"clean-{number}")
        assert_same_tree(inc, clean, step)
        build(load_config(config_path), watched, watched_cache, changed=reported)
        assert_same_tree(watched, clean, f"{step}, told what changed")
        unbuilt = frozenset()
        result = cached_build(root, cli)
        assert result.returncode == 0, result.stderr
        assert_same_tree(cli, clean, f"{step}, cached command line")
        # Only what changed was written: every file with the same bytes as before
        # is the very same file (hard-linked: same inode, same modification time).
        after, now = tree_bytes(cli), stamps(cli)
        # (The search index is rebuilt by its post-process step whenever anything changed.)
        rewritten = [p for p in after if cli_before.get(p) == after[p] and now[p] != cli_stamps[p] and "/pagefind/" not in p and "/search/" not in p]
        assert not rewritten, f"after '{step}': unchanged files written again: {rewritten[:5]}"
        if step == "article body":
            # It really was incremental: every other article came from the cache.
            assert cache.hits["article"] - hits == len(articles(root)) - 1

    # Back to the original files: byte for byte the first build again.
    shutil.rmtree(root / "content")
    for path, data in originals.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "static" / "extra.txt").unlink()
    (root / "glossary.yaml").unlink()
    build(load_config(config_path), inc, cache)
    assert tree_bytes(inc) == first
    build(load_config(config_path), watched, watched_cache, changed=watcher_report(state, source_state(root)))
    assert tree_bytes(watched) == first
