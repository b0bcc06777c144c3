"""The process pool and the on-disk build cache, on the mini fixture site.

A build whose per-article work runs on worker processes must equal a
one-process build file for file, in the same order; a mistake found in a worker
must reach the curator as the same ``path:line: reason``. The on-disk cache must
be safe to delete or damage, and never serve another code version's entries.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, tree_bytes
from digest.cache import CACHE_DIR, BuildCache, code_version
from digest.config import load_config
from digest.errors import BuildError
from digest.pipeline import build, load_site
from digest.workers import Workers

FIXTURE = REPO / "tests" / "fixtures" / "mini"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    config = (FIXTURE / "config.yaml").read_text(encoding="utf-8")
    config = config.replace("templates_dir: ../../../templates\n", "").replace("static_dir: ../../../static\n", "")
    (root / "config.yaml").write_text(config, encoding="utf-8")
    return root


def test_worker_processes_build_the_same_files_in_the_same_order(project: Path) -> None:
    config = load_config(project / "config.yaml")
    serial = load_site(config)
    with Workers(2, min_items_per_job=1) as workers:  # every batch goes to the pool
        parallel = load_site(config, None, workers)
        assert workers._pool is not None, "the pool was never used"
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert [f.data for f in parallel.files] == [f.data for f in serial.files]
    assert parallel.articles == serial.articles


def test_a_mistake_found_in_a_worker_reads_the_same(project: Path) -> None:
    template = project / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ item.title }}</h1>", "{{ item.titel }}</h1>"), encoding="utf-8")
    config = load_config(project / "config.yaml")
    with pytest.raises(BuildError) as serial:
        load_site(config)
    with Workers(2, min_items_per_job=1) as workers, pytest.raises(BuildError) as parallel:
        load_site(config, None, workers)
    assert parallel.value.problems == serial.value.problems
    assert "article.html" in str(parallel.value) and "titel" in str(parallel.value)


def test_disk_cache_is_reused_then_safe_to_delete_or_damage(project: Path, tmp_path: Path) -> None:
    config = load_config(project / "config.yaml")
    reference = tmp_path / "reference"
    build(config, reference)
    out = tmp_path / "out"
    for attempt in range(2):
        cache = BuildCache.open(project)
        report = build(config, out, cache)
        cache.close()
        assert report.written == (attempt == 0)  # the second build finds nothing changed
    assert tree_bytes(out) == tree_bytes(reference)
    # A damaged store is a cold build, not a failure.
    store = project / CACHE_DIR / code_version() / "cache.sqlite"
    store.write_bytes(b"not a database" * 100)
    (project / CACHE_DIR / code_version() / "cache.sqlite-wal").unlink(missing_ok=True)
    cache = BuildCache.open(project)
    assert build(config, out, cache).written and tree_bytes(out) == tree_bytes(reference)
    cache.close()
    # Deleted: the same.
    shutil.rmtree(project / ".cache")
    cache = BuildCache.open(project)
    assert build(config, out, cache).written and tree_bytes(out) == tree_bytes(reference)
    cache.close()


def test_other_code_versions_entries_are_never_read(project: Path) -> None:
    stale = project / CACHE_DIR / "0123456789abcdef0123"
    stale.mkdir(parents=True)
    (stale / "cache.sqlite").write_bytes(b"entries of another version")
    cache = BuildCache.open(project)
    cache.close()
    assert not stale.exists()
    assert [p.name for p in (project / CACHE_DIR).iterdir()] == [code_version()]


def test_a_changed_output_file_is_written_again(project: Path, tmp_path: Path) -> None:
    """The cache vouches for a file only while it is as the last build left it."""
    config = load_config(project / "config.yaml")
    out = tmp_path / "out"
    cache = BuildCache.open(project)
    build(config, out, cache)
    expected = tree_bytes(out)
    page = next(out.rglob("articles/*/index.html"))
    page.write_text("edited by hand", encoding="utf-8")
    report = build(config, out, cache)
    cache.close()
    assert report.written and tree_bytes(out) == expected


# --- the stat shortcut of the no-change check (inputs.tree_digest) ----------------

def test_a_file_is_read_again_only_when_its_stat_changed_or_was_recorded_too_soon(tmp_path: Path) -> None:
    import os

    from digest.inputs import RACY_NS, FileSeen, tree_digest

    (tmp_path / "a.md").write_text("正文一", encoding="utf-8")
    now = os.stat(tmp_path / "a.md").st_mtime_ns + 2 * RACY_NS  # recorded well after the last change
    first, seen = tree_digest(tmp_path, {}, now)
    assert tree_digest(tmp_path, seen, now) == (first, seen)
    # A wrong recorded hash with a matching, old enough stat is believed: proof that
    # the file was not read (the shortcut is taken)...
    info = os.stat(tmp_path / "a.md")
    trusted = {"a.md": seen["a.md"]._replace(sha256="0" * 64)}
    assert tree_digest(tmp_path, trusted, now)[0] != first
    # ...but not when it was recorded within RACY_NS of the file's last change,
    racy = {"a.md": seen["a.md"]._replace(sha256="0" * 64, recorded_ns=max(info.st_mtime_ns, info.st_ctime_ns) + RACY_NS // 2)}
    assert tree_digest(tmp_path, racy, now)[0] == first
    # nor once the file is rewritten, even with the same size and its old mtime put back
    (tmp_path / "a.md").write_text("正文二", encoding="utf-8")
    os.utime(tmp_path / "a.md", ns=(info.st_atime_ns, info.st_mtime_ns))
    assert isinstance(seen["a.md"], FileSeen) and os.stat(tmp_path / "a.md").st_size == seen["a.md"].size
    assert tree_digest(tmp_path, seen, now + RACY_NS)[0] != first


def test_no_change_check_sees_a_rewrite_that_kept_size_and_mtime(project: Path) -> None:
    import os

    out = project / "site"
    article = sorted((project / "content").rglob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    assert "。" in text
    cache = BuildCache.open(project)
    build(load_config(project / "config.yaml"), out, cache)
    assert not build(load_config(project / "config.yaml"), out, cache).written  # nothing changed
    info = os.stat(article)
    article.write_text(text.replace("。", "！", 1), encoding="utf-8")  # same length in UTF-8
    os.utime(article, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(article).st_size == info.st_size
    report = build(load_config(project / "config.yaml"), out, cache)
    cache.close()
    assert report.written
    expected = tree_bytes(out)
    fresh = project.parent / "fresh"
    build(load_config(project / "config.yaml"), fresh)
    assert expected == tree_bytes(fresh)


def test_a_no_change_build_answers_without_loading_config_or_pipeline(project: Path) -> None:
    """``build.py build`` with nothing changed reads the last build's record of the
    config file instead of loading it; a changed glossary (the config file
    itself unchanged) still makes it build."""
    import subprocess
    import sys

    probe = ("import sys; from digest.cli import main; status = main(sys.argv[1:]); "
             "print('LOADED', sorted(m for m in ('digest.pipeline', 'digest.config', 'digest.cleaning') if m in sys.modules)); "
             "sys.exit(status)")

    def run() -> str:
        result = subprocess.run([sys.executable, "-c", probe, "--config", str(project / "config.yaml"), "build"],
                                capture_output=True, text=True, cwd=REPO, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "built" in run()
    second = run()
    assert "nothing changed" in second and "LOADED []" in second, second
    (project / "glossary.yaml").write_text("- {zh-Hans: 软件, zh-Hant: 軟體}\n", encoding="utf-8")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\nglossary: glossary.yaml\n", encoding="utf-8")
    assert "built" in run() and "nothing changed" in run()
    (project / "glossary.yaml").write_text("- {zh-Hans: 软件, zh-Hant: 軟件}\n", encoding="utf-8")
    third = run()
    assert "built" in third, third


def test_build_command_walks_the_content_once_and_still_sees_each_change(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``build.py build`` checks for changes twice (with the config as last
    recorded, then with the loaded one): the content folder is walked once
    between them, and a later build (same process, same cache) walks it again,
    so it sees an edit made after that."""
    from digest import inputs
    from digest.cli import main as cli_main

    walks: list[Path] = []
    real = inputs.tree_digest

    def counted(root: Path, *args: object) -> object:
        walks.append(root)
        return real(root, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(inputs, "tree_digest", counted)
    args = ["--config", str(project / "config.yaml"), "build", "--out", str(project / "site")]
    assert cli_main(args) == 0
    article = sorted((project / "content").rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("。", "！", 1), encoding="utf-8")
    walks.clear()
    assert cli_main(args) == 0
    content = [root for root in walks if root.name == "content"]
    assert len(content) == 1, walks
    fresh = project.parent / "fresh"
    build(load_config(project / "config.yaml"), fresh)
    assert tree_bytes(project / "site") == tree_bytes(fresh)
