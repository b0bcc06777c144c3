"""The output folder: what a build refuses to replace, and the swap under a kill.

Refusals: an output folder that is the project, holds part of it, lies inside
an input folder, or is a non-empty folder no build made, is refused with
``path:0: refusing ...``, exit 1, and left exactly as it was.

Kills: the build is run in a subprocess that SIGKILLs itself at a named step
of the swap (``DIGEST_TEST_KILL_AT``), the way a cancelled CI job or a power
cut would stop it. At every step the output path must hold the old tree or
the new one, whole; the next build must leave no temp folder behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_cli, tree_bytes
from digest.output import KILL_AT_ENV, NO_EXCHANGE_ENV, STAMP_FILE

FIXTURE = REPO / "tests" / "fixtures" / "mini"


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    config = (FIXTURE / "config.yaml").read_text(encoding="utf-8")
    config = config.replace("templates_dir: ../../../templates\n", "").replace("static_dir: ../../../static\n", "")
    (root / "config.yaml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the mini fixture site with its own templates and static files."""
    return _project(tmp_path)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path, name: str = "site") -> list[str]:
    """Temp folders beside the output. The spare (the retired tree the next build
    stages in) is not one, but once a build has started it must not carry the
    stamp of a complete site: then it counts."""
    spare = parent / f".{name}.spare"
    stamped = (spare / STAMP_FILE).exists()
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}.") and (p != spare or stamped))


@pytest.mark.parametrize("out", [".", "content", "templates", "static", "content/2024", "templates/site", "static/site", ".."])
def test_output_folder_that_is_or_holds_the_project_is_refused(project: Path, out: str) -> None:
    before = snapshot(project.parent)
    result = run_cli(project, "build", "--no-cache", "--out", out)
    assert result.returncode == 1, result.stdout
    assert "refusing to replace this output folder" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("entry", ["config.yaml", "content", "templates", "static", "notes.txt"])
def test_foreign_non_empty_folder_is_refused_and_kept(project: Path, tmp_path: Path, entry: str) -> None:
    other = tmp_path / "elsewhere"
    (other / entry).parent.mkdir(parents=True, exist_ok=True)
    if "." in entry:
        (other / entry).write_text("keep me\n")
    else:
        (other / entry).mkdir()
        (other / entry / "file.txt").write_text("keep me\n")
    before = snapshot(other)
    result = run_cli(project, "build", "--no-cache", "--out", str(other))
    assert result.returncode == 1
    assert f"{other}:0: refusing to replace this output folder" in result.stderr, result.stderr
    assert snapshot(other) == before


def test_project_entries_refused_even_in_a_stamped_folder(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "stamped"
    other.mkdir()
    (other / STAMP_FILE).write_text("x")
    (other / "content").mkdir()
    result = run_cli(project, "build", "--no-cache", "--out", str(other))
    assert result.returncode == 1 and "holds content" in result.stderr
    assert (other / "content").is_dir()


def test_empty_folder_and_own_output_are_accepted(project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli(project, "build", "--no-cache", "--out", str(empty)).returncode == 0
    assert (empty / STAMP_FILE).is_file() and (empty / "static").is_dir()
    result = run_cli(project, "build", "--no-cache", "--out", str(empty))  # its own output: replaced
    assert result.returncode == 0, result.stderr
    assert leftovers(tmp_path, "empty") == []


def _build(project: Path, kill_at: str | None = None, exchange: bool = True, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (KILL_AT_ENV, NO_EXCHANGE_ENV)}
    if kill_at:
        env[KILL_AT_ENV] = kill_at
    if not exchange:
        env[NO_EXCHANGE_ENV] = "1"
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(project / "config.yaml"), "build", "--jobs", "1", *extra],
                          capture_output=True, text=True, cwd=project, env=env, timeout=120)


def _edit(project: Path) -> None:
    path = project / "content" / "2024" / "05" / "markdown-hans.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n新加的一段：软件发布后的反应。\n", encoding="utf-8")


# Every step of the swap, in order, for the exchange and the two-rename paths.
EXCHANGE_STEPS = ["staged", "exchanged", "retired"]
FALLBACK_STEPS = ["staged", "between-renames", "retired"]


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """What clean builds of the fixture write before and after ``_edit``."""
    root = _project(tmp_path_factory.mktemp("trees"))
    found = []
    for step in range(2):
        if step:
            _edit(root)
        result = run_cli(root, "build", "--no-cache", "--jobs", "1", "--out", f"out-{step}")
        assert result.returncode == 0, result.stderr
        found.append(tree_bytes(root / f"out-{step}"))
    return found[0], found[1]


@pytest.mark.parametrize("spare", [False, True], ids=["fresh-staging", "recycled-spare"])
@pytest.mark.parametrize("exchange, step", [(True, s) for s in EXCHANGE_STEPS] + [(False, s) for s in FALLBACK_STEPS])
def test_kill_at_every_step_leaves_old_or_new_site_whole(project: Path, trees: tuple[dict[str, bytes], dict[str, bytes]],
                                                         exchange: bool, step: str, spare: bool) -> None:
    old, new = trees
    assert _build(project).returncode == 0
    if spare:  # a second full write retires the first tree: the killed build stages in it
        assert _build(project, None, True, "--no-cache").returncode == 0
        assert (project / ".site.spare").is_dir()
    assert tree_bytes(project / "site") == old
    _edit(project)
    killed = _build(project, kill_at=step, exchange=exchange)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    site = project / "site"
    if exchange or step != "between-renames":
        assert site.is_dir() and not site.is_symlink()
        assert tree_bytes(site) in (old, new), f"after a kill at '{step}' the site is neither old nor new"
    else:
        # The one gap of the two-rename fallback: the old tree waits beside it, whole.
        assert not site.exists()
        parked = [project / n for n in leftovers(project) if ".old-" in n]  # (the spare, stamped just before, waits too)
        assert len(parked) == 1 and tree_bytes(parked[0]) == old
    # The next build, even a failing one, puts things right and leaves no temp folder.
    (project / "content" / "broken.md").write_text("no frontmatter\n", encoding="utf-8")
    failed = _build(project)
    assert failed.returncode == 1 and "broken.md:1:" in failed.stderr
    assert leftovers(project) == [] and site.is_dir() and tree_bytes(site) in (old, new)
    (project / "content" / "broken.md").unlink()
    assert _build(project).returncode == 0
    assert leftovers(project) == [] and tree_bytes(site) == new


def test_first_build_killed_before_the_rename_leaves_nothing_behind(project: Path) -> None:
    killed = _build(project, kill_at="staged")
    assert killed.returncode == -signal.SIGKILL
    assert not (project / "site").exists()
    assert _build(project).returncode == 0 and leftovers(project) == []


def test_symlink_out_of_content_is_refused(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: 秘密\ndate: 2024-05-01T08:00:00+08:00\n---\n不该发布的内容。\n", encoding="utf-8")
    (project / "content" / "leak.md").symlink_to(secret)
    (project / "content" / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    result = run_cli(project, "build", "--no-cache")
    assert result.returncode == 1
    assert "leak.md:0: is a link to a file outside the content folder" in result.stderr
    assert "dangling.md:0:" in result.stderr
    assert not (project / "site").exists()


def test_upper_case_md_is_published_not_ignored(project: Path) -> None:
    source = project / "content" / "2024" / "05" / "english.md"
    upper = project / "content" / "2024" / "05" / "UPPER.MD"
    upper.write_text(source.read_text(encoding="utf-8").replace("slug: chip-exports", "slug: upper-case"), encoding="utf-8")
    result = run_cli(project, "build", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "zh-hans" / "articles" / "upper-case" / "index.html").is_file()


def test_the_spare_is_recycled_and_nothing_in_it_leaks_into_the_site(project: Path, tmp_path: Path) -> None:
    """The third build stages in the tree the second retired: its page folders
    are reused (same inodes), and whatever else the spare holds (an extra file,
    a file edited in place, a file where a folder belongs) is not published."""
    assert _build(project).returncode == 0
    site, spare = project / "site", project / ".site.spare"
    _edit(project)
    assert _build(project).returncode == 0
    assert spare.is_dir() and not (spare / STAMP_FILE).exists()
    folders = {p.relative_to(spare).as_posix(): p.stat().st_ino for p in spare.rglob("*") if p.is_dir()}
    (spare / "junk.html").write_text("not ours")
    page = next(p for p in spare.rglob("index.html") if "/articles/" in p.as_posix())
    page.unlink()
    page.write_text("tampered")  # not the live file's inode: replaced
    blocker = spare / "zh-hans" / "tags"
    shutil.rmtree(blocker)
    blocker.write_text("a file where a folder belongs")
    (project / "content" / "2024" / "05" / "markdown-hans.md").write_text(
        (project / "content" / "2024" / "05" / "markdown-hans.md").read_text(encoding="utf-8") + "\n\n又一段。\n", encoding="utf-8")
    assert _build(project).returncode == 0
    reused = {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_dir()}
    assert sum(reused.get(path) == inode for path, inode in folders.items()) > len(folders) // 2
    clean = tmp_path / "clean"
    assert run_cli(project, "build", "--no-cache", "--jobs", "1", "--out", str(clean)).returncode == 0
    assert tree_bytes(site) == tree_bytes(clean)
    assert leftovers(project) == []
