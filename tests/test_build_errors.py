"""Bad input: every problem as path:line: reason, non-zero exit, old site untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, tree_bytes

ARTICLE = "content/2025/01/23/dw-71381755.md"


def break_file(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def built_root(demo_root: Path) -> Path:
    result = run_cli(demo_root, "build")
    assert result.returncode == 0, result.stderr
    return demo_root


@pytest.mark.parametrize("rel, old, new, expected", [
    (ARTICLE, "title: ", "titel: ", "content/2025/01/23/dw-71381755.md:2: unknown frontmatter field 'titel'"),
    (ARTICLE, "title: ", "titel: ", "content/2025/01/23/dw-71381755.md:2: missing frontmatter field: 'title'"),
    (ARTICLE, "date: 2025-01-23T19:47:04+08:00", "date: 2025-01-23 19:47", "content/2025/01/23/dw-71381755.md:3: date '2025-01-23 19:47' must be ISO 8601 with a UTC offset"),
    (ARTICLE, "lang: zh-Hans", "lang: zh-CN", "content/2025/01/23/dw-71381755.md:6: 'lang': 'zh-CN' is not one of"),
    (ARTICLE, "tags: [科技, 美国]", "tags: [科技, 美国", "content/2025/01/23/dw-71381755.md:8: invalid YAML"),
    # (a number where the tags list goes once raised a TypeError in the markup check: fuzzing found it)
    (ARTICLE, "tags: [科技, 美国]", "tags: 1111", "content/2025/01/23/dw-71381755.md:7: 'tags': 1111 is not of type 'array'"),
    (ARTICLE, "slug: dw-71381755", "slug: ../../etc", "content/2025/01/23/dw-71381755.md:8: 'slug': must be lowercase ASCII"),
    (ARTICLE, "---\ntitle", "title", "content/2025/01/23/dw-71381755.md:1: missing YAML frontmatter"),
    ("config.yaml", "timezone: Asia/Taipei", "timezone: Asia/Taipei\ntimezon: UTC", "config.yaml:7: unknown key 'timezon'"),
    ("config.yaml", "code: zh-Hant", "code: zh-Latn", "config.yaml:13: 'editions.1.code': 'zh-Latn' is not one of"),
    ("templates/_days.html", "{% endfor %}\n  </ol>", "{% endfo %}\n  </ol>", "templates/_days.html:26: template syntax error: Encountered unknown tag 'endfo'"),
    ("templates/article.html", "<h1>{{ item.title }}</h1>", "<h1>{{ item.titel }}</h1>", "templates/article.html:26: template error: 'digest.pages.EditionArticle object' has no attribute 'titel'"),
])
def test_bad_input_reports_path_line_and_keeps_old_site(built_root: Path, rel: str, old: str, new: str, expected: str) -> None:
    before = tree_bytes(built_root / "site")
    break_file(built_root, rel, old, new)
    result = run_cli(built_root, "build")
    assert result.returncode == 1
    assert expected in result.stderr.replace(str(built_root) + "/", ""), result.stderr
    assert "Traceback" not in result.stderr
    assert tree_bytes(built_root / "site") == before
    assert not [p for p in built_root.iterdir() if p.name.startswith(".site.")]  # no temp folder left


def test_every_bad_file_is_reported_in_one_run(built_root: Path) -> None:
    break_file(built_root, ARTICLE, "title: ", "titel: ")
    break_file(built_root, "content/2025/01/23/storm-musk-softbank-stargate.md", "date: 2025-01-23T12:29:00+08:00", "date: yesterday")
    result = run_cli(built_root, "check")
    assert result.returncode == 1
    assert "dw-71381755.md:2:" in result.stderr and "storm-musk-softbank-stargate.md:3:" in result.stderr


def test_check_writes_nothing(demo_root: Path) -> None:
    result = run_cli(demo_root, "check")
    assert result.returncode == 0, result.stderr
    assert "2 articles" in result.stdout
    assert not (demo_root / "site").exists()


def test_second_build_changes_no_byte(built_root: Path) -> None:
    first = tree_bytes(built_root / "site")
    result = run_cli(built_root, "build")
    assert result.returncode == 0, result.stderr
    assert tree_bytes(built_root / "site") == first


def test_stale_files_do_not_survive_a_rebuild(built_root: Path) -> None:
    (built_root / "site/zh-hans/stale.html").write_text("old", encoding="utf-8")
    (built_root / "content/2025/01/23/storm-musk-softbank-stargate.md").unlink()
    assert run_cli(built_root, "build").returncode == 0
    assert not (built_root / "site/zh-hans/stale.html").exists()
    assert not (built_root / "site/zh-hans/articles/storm-musk-softbank-stargate").exists()


def test_slug_collision_is_an_error(built_root: Path) -> None:
    copy = built_root / "content/2025/01/23/copy.md"
    copy.write_text((built_root / ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(built_root, "build")
    assert result.returncode == 1
    assert "zh-hans/articles/dw-71381755/index.html" in result.stderr and "copy.md" in result.stderr
