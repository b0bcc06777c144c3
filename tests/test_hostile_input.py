"""Hostile or broken input never crashes, hangs or eats the machine (issue 14).

Each input is a user mistake or an attack on the build: the answer is
``path:line: reason`` on stderr, exit 1, no traceback, and every other file still
checked. Builds run as the curator runs them, in their own process, under a
resource limit (address space and CPU seconds, ``resource.setrlimit``): an input
that makes the build blow up its memory or spin is killed by the kernel and the
test fails on the exit status, not on a clock.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space; the alias bombs below need more before the fix
CPU_LIMIT = 90  # CPU seconds; a build of these few files needs a few
LOCATED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<reason>.+)$")
GOOD = "---\ntitle: 正常的文章\ndate: 2025-01-23T12:29:00+08:00\nurl: https://news.example/a/ok.html\n---\n正文第一段。\n"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def run_limited(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--config", str(root / "config.yaml"), *args],
        capture_output=True, text=True, cwd=root, preexec_fn=_limits, timeout=600,
    )


def make_site(root: Path, files: dict[str, str], config_extra: str = "") -> Path:
    (root / "content").mkdir(parents=True)
    (root / "config.yaml").write_text(
        "title: 测试\nbase_url: https://example.org/\ntimezone: Asia/Shanghai\n"
        f"templates_dir: {REPO / 'templates'}\nstatic_dir: {REPO / 'static'}\n" + config_extra,
        encoding="utf-8")
    for name, text in files.items():
        (root / "content" / name).write_bytes(text.encode("utf-8"))
    return root


def bomb(levels: int, width: int, indent: str = "") -> str:
    """The "billion laughs": each level a list of ``width`` aliases of the one before."""
    lines = [f"{indent}l0: &l0 [\"lol\"]"]
    for level in range(1, levels + 1):
        lines.append(f"{indent}l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines)


def front(fields: str, body: str = "正文。\n") -> str:
    return f"---\n{fields}\n---\n{body}"


DATE = "date: 2025-01-23T12:29:00+08:00"
# name -> (file text, the line its problem must name, a word its reason must hold)
CASES: dict[str, tuple[str, int, str]] = {
    "blank-title": (front(f"title: '   '\n{DATE}"), 2, "title"),
    "date-min": (front("title: x\ndate: 0001-01-01T00:00:00+14:00"), 3, "date"),
    "date-max": (front("title: x\ndate: 9999-12-31T23:59:59-14:00"), 3, "date"),
    "huge-int": (front(f"title: {'7' * 5000}\n{DATE}"), 2, "digits"),
    "deep-flow": (front(f"title: x\n{DATE}\ntags: " + "[" * 1000 + "]" * 1000), 4, "nesting"),
    "deep-flow-100k": (front(f"title: x\n{DATE}\ntags: " + "[" * 100_000 + "]" * 100_000), 4, "nesting"),
    "deep-block": (front("title: x\n" + DATE + "\ncleaning:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(200)) + " " * 201 + "v"), 68, "nesting"),
    "recursive-alias": (front(f"title: x\n{DATE}\ntags: &t [a, *t]"), 4, "alias"),
    "list-key": (front(f"title: x\n{DATE}\n? [a, b]\n: c"), 4, "key"),
    "mapping-key": (front(f"title: x\n{DATE}\n{{a: 1}}: c"), 4, "key"),
    "bad-ipv6-url": (front(f"title: x\n{DATE}\nurl: https://[x/"), 4, "url"),
    "alias-bomb": (front(f"title: x\n{DATE}\n" + bomb(6, 10)), 5, "alias"),
    "merge-alias": (front(f"title: x\n{DATE}\nbase: &b {{a: 1}}\nother:\n  <<: *b"), 6, "alias"),
    "look-behind": (front(f"title: x\n{DATE}\ncleaning:\n  drop: ['(?<=x)y']"), 5, "look-around"),
}
# Control bytes are normalised on input (issue 12): these must build, or be named.
CONTROL = {
    "control-body": front(f"title: x\n{DATE}", "正文\x01第一段\x1d。\x0b下一句\x0c。\n"),
    "control-title": front(f"title: \"央行宣布降准\\b0.5个百分点\\x01\"\n{DATE}"),
    "control-frontmatter": front(f"title: x\x02y\n{DATE}"),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    files = {f"{name}.md": text for name, (text, _, _) in CASES.items()}
    files.update({f"{name}.md": text for name, text in CONTROL.items()})
    files["good.md"] = GOOD
    root = make_site(tmp_path_factory.mktemp("hostile"), files)
    return root, run_limited(root, "build")


def test_one_run_reports_every_bad_file_and_writes_nothing(checked: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = checked
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()
    problems = [line for line in result.stderr.splitlines() if LOCATED.match(line)]
    assert {Path(LOCATED.match(p)["path"]).stem for p in problems} >= set(CASES)  # type: ignore[index]
    assert all(len(line) < 400 for line in result.stderr.splitlines()), "error messages stay short"


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_input_is_named_at_its_line(checked: tuple[Path, subprocess.CompletedProcess[str]], name: str) -> None:
    _, result = checked
    _, line, word = CASES[name]
    mine = [LOCATED.match(p) for p in result.stderr.splitlines() if re.search(rf"(^|/){re.escape(name)}\.md:", p)]
    assert mine and all(mine), result.stderr[-2000:]
    assert any(int(m["line"]) == line and word in m["reason"].lower() for m in mine), [m.group(0) for m in mine]  # type: ignore[union-attr]


@pytest.mark.parametrize("name", sorted(CONTROL))
def test_control_bytes_never_crash(checked: tuple[Path, subprocess.CompletedProcess[str]], name: str) -> None:
    _, result = checked
    mine = [p for p in result.stderr.splitlines() if f"{name}.md" in p]
    assert all(LOCATED.match(p) for p in mine), mine


def test_alias_bomb_in_config_cleaning_is_refused(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"good.md": GOOD}, "cleaning:\n  hosts:\n" + bomb(5, 20, indent="    ") + "\n")
    (root / "site").mkdir()
    (root / "site" / "keep.txt").write_text("previous site")
    result = run_limited(root, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(LOCATED.match(x) and "config.yaml:9: " in x and "alias" in x for x in lines), result.stderr
    assert len(result.stderr) < 2000
    assert (root / "site" / "keep.txt").read_text() == "previous site"


def test_catastrophic_curator_regex_runs_in_linear_time(tmp_path: Path) -> None:
    """``(a+)+$`` against 30,000 a's and a b backtracks for ever in Python's re;
    the build finishes under the CPU limit and the pattern still works."""
    body = "正文第一段。\n\n" + "a" * 30_000 + "b\n\n" + "aaaa\n"
    root = make_site(tmp_path, {"a.md": front(f"title: x\n{DATE}\nformat: text", body)},
                     "cleaning:\n  drop: ['(a+)+$']\n")
    result = run_limited(root, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (root / "site" / "zh-hans" / "articles" / "a" / "index.html").read_text(encoding="utf-8")
    assert "a" * 30_000 + "b" in page and "<p>aaaa</p>" not in page


def test_curator_regex_keeps_python_meaning_of_unicode_classes() -> None:
    from digest.curator_regex import CuratorPatternError, compile_curator

    assert compile_curator(r"^\s*本报讯\d+\w$").search("\u3000本报讯１２字")  # ideographic space, full-width digits
    assert compile_curator(r"[^\s]+").fullmatch("\u3000") is None
    assert compile_curator(r"^[\d,]+$").search("１,２")
    assert compile_curator(r"完\Z").search("（完）") is None and compile_curator(r"完）\Z").search("（完）")
    with pytest.raises(CuratorPatternError, match="look-around"):
        compile_curator(r"(?<!a)b")
    with pytest.raises(CuratorPatternError):
        compile_curator(r"(a)\1")


def test_symlink_out_of_content_is_refused_and_upper_case_md_is_read(tmp_path: Path) -> None:
    outside = tmp_path / "private.md"
    outside.write_text(GOOD.replace("正文第一段", "私人笔记"), encoding="utf-8")
    root = make_site(tmp_path / "site", {"good.md": GOOD, "LOUD.MD": GOOD.replace("ok.html", "loud.html")})
    (root / "content" / "leak.md").symlink_to(outside)
    (root / "content" / "dir").symlink_to(tmp_path)
    result = run_limited(root, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    named = {Path(m["path"]).name for m in map(LOCATED.match, result.stderr.splitlines()) if m}
    assert named == {"leak.md", "dir"}, result.stderr  # a linked folder is reported, not walked
    assert "dir:0: is a link to a folder" in result.stderr
    assert "私人笔记" not in result.stderr
    (root / "content" / "leak.md").unlink()
    (root / "content" / "dir").unlink()
    result = run_limited(root, "build")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "zh-hans" / "articles" / "loud" / "index.html").is_file()
    assert not any("私人笔记" in p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))


def test_libyaml_and_pure_python_yaml_give_the_same_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from digest import yamlsource

    text = ("title: \"标题\"\ndate: 2025-01-23T12:29:00+08:00\ntags:\n  - 经济\n  - '金融'\n"
            "summary: >\n  一段\n  摘要\ncleaning:\n  drop: ['^本报讯$']\n  hosts: {dw.com: {cut_after: ['^DW']}}\n")
    fast = yamlsource.LocatedYaml(text, first_line=2)
    assert yaml.__with_libyaml__ and issubclass(yamlsource._StringDatesLoader, yaml.CSafeLoader)

    class PythonLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = yamlsource._StringDatesLoader.yaml_implicit_resolvers
        yaml_constructors = yamlsource._StringDatesLoader.yaml_constructors

    monkeypatch.setattr(yamlsource, "_StringDatesLoader", PythonLoader)
    slow = yamlsource.LocatedYaml(text, first_line=2)
    assert fast.data == slow.data and fast._lines == slow._lines and fast._key_lines == slow._key_lines
    assert fast.line_of(("cleaning", "hosts", "dw.com", "cut_after", 0)) == 12
