"""Fuzzing the build with Hypothesis: whatever a curator writes, the outcome is a
site or ``path:line: reason`` (exit 1), never a traceback, and one bad file never
hides the problems of another.

Strategies mix plausible and hostile input: frontmatter with YAML anchors and
aliases (including self-referential ones), deep nesting, huge integers, dates at
and beyond datetime's limits, wrong types, unknown keys, broken YAML; bodies with
control characters (raw, as YAML escapes and as HTML entities), CJK emphasis
markers, iframes, unclosed tags and stray frontmatter fences.

Three tests, cheapest first, several thousand examples in all (examples are
derandomised, so CI runs the same ones every time and never flakes):

* one file through every per-article stage the build runs (source, article,
  both editions, RSS, Atom and tag feeds): ``SINGLE_FILE_EXAMPLES``;
* a site of one to four files built in full in-process: ``SITE_EXAMPLES``;
* a small sample through ``build.py build`` in its own process, reading the
  exit status and stderr as a curator would: ``CLI_EXAMPLES``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import REPO
from digest.article import prepare_article
from digest.config import load_config
from digest.errors import BuildError
from digest.feeds import build_atom_feed, build_feed, build_tag_feeds
from digest.pages import for_edition
from digest.pipeline import build
from digest.source import parse_source
from digest.templating import load_strings

SINGLE_FILE_EXAMPLES = 3500
SITE_EXAMPLES = 250
CLI_EXAMPLES = 8

def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])

CONFIG = f"""\
title: 模糊测试
base_url: https://example.org/fuzz/
timezone: Asia/Taipei
templates_dir: {REPO / "templates"}
static_dir: {REPO / "static"}
"""

# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

CONTROLS = "\x00\x01\x08\x0b\x0c\x1b\x1d\x1f\x7f\x85\x9f\u2028\u2029\ufeff\ufffe"
ESCAPES = ["\\b", "\\x1d", "\\0", "\\v", "\\f", "\\e", "\\ud800", "\\uffff", "\\N", "\\L", "\\P", "\\u200b"]
WORDS = ["央行", "宣布", "降准", "0.5", "个百分点", "臺灣", "經濟", "**", "*", "_", "__", "~~", "，", "。", "「", "」",
         "Taiwan", "economy", "<b>", "</b>", "<p>", "<iframe src=\"https://v.example/1\">", "</iframe>",
         "&#8;", "&#x1d;", "&#0;", "&#xD800;", "&amp;", "[链接](https://example.com/a)", "# ", "- ", "> ", "```",
         "---", "\n", "\n\n", " ", "\t", "🙂", "𠮟", "葛󠄀", "︁"]

text_pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(list(CONTROLS)), st.text(max_size=6))
prose = st.lists(text_pieces, max_size=25).map("".join)


def _yaml_quoted(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS[:16]), st.sampled_from(ESCAPES)), min_size=1, max_size=8))
    return '"' + "".join(p.replace('"', "").replace("\n", " ") for p in parts) + '"'


@st.composite
def scalar(draw: st.DrawFn) -> str:
    """A YAML value as written after ``key: ``."""
    kind = draw(st.integers(0, 13))
    if kind == 0:
        return draw(st.sampled_from(["央行宣布降准", "Taiwan economy", "臺灣經濟", "x", "'单引号'", "~", "null", "true", "''"]))
    if kind == 1:
        return _yaml_quoted(draw)
    if kind == 2:  # huge and odd numbers
        return draw(st.sampled_from(["1" * 400, "-0", "0x1F", "1e400", ".nan", ".inf", "12_345", "0o17", "1:20:30"]))
    if kind == 3:
        return "[" + ", ".join(draw(st.lists(st.sampled_from(["科技", "AI", "\"\\b\"", "[]", "{}", "1", "*a"]), max_size=5))) + "]"
    if kind == 4:  # nesting, up to deep
        depth = draw(st.sampled_from([1, 3, 30, 200, 900]))
        return "[" * depth + "x" + "]" * depth
    if kind == 5:
        depth = draw(st.integers(1, 60))
        return "{a: " * depth + "1" + "}" * depth
    if kind == 6:
        return "&a " + draw(st.sampled_from(["x", "[1, 2]", "{k: v}", "\"\\b\""]))
    if kind == 7:
        return "*a"
    if kind == 8:
        return "&a [*a]"  # a list that contains itself
    if kind == 9:
        return "|\n  " + draw(prose).replace("\n", "\n  ")
    if kind == 10:
        return draw(st.text(max_size=20)).replace("\n", " ")
    if kind == 11:
        return "!!python/object:os.system x"
    if kind == 12:
        return draw(st.sampled_from(["{", "[", "]", "'", "\"", ":", "- x", "? x", "@", "`", "%", "&", "*", "!"]))
    return draw(st.sampled_from(list(CONTROLS))) + "标题"


DATES = ["2025-01-23T12:29:00+08:00", "2025-03-11T09:20:00Z", "2025-03-11 09:20", "2025-03-11",
         "0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
         "9999-12-31T23:59:59+00:00", "2025-02-30T00:00:00+08:00", "2999-01-01T00:00:00+08:00",
         "1970-01-01T00:00:00+00:00", "2025-01-23T25:00:00+08:00", "2025-01-23T12:29:00+24:00",
         "2025-01-23T12:29:00+23:59", "yesterday", '""', "'2025-01-23T12:29:00+08:00'", "2025-W04-4T12:00+08:00",
         "20250123T122900+0800", "2025-01-23T12:29:00.123456789+08:00"]


GOOD_TITLES = ["央行宣布降准", "\"央行宣布降准\\b0.5个百分点\"", "臺灣經濟成長", "A title", "\"标题\\x1d续\"",
               "'引号''标题'", "'**粗体，**标题'", "<b>标签</b>"]
GOOD = {
    "source": ["新华社", "中央社", "\"\\x1d社\"", "Reuters"],
    "url": ["https://example.com/a/1", "https://例子.中国/新闻?id=1", "http://x.example/a%20b"],
    "lang": ["zh-Hans", "zh-Hant", "en"], "tags": ["[科技, 美国]", "[]", "[\"经\\b济\"]", "[AI, ai, 經濟, 经济]"],
    "summary": ["摘要。", "\"\\f摘要\"", "''"], "slug": ["a-b", "fuzz-1", "x1"],
    "draft": ["true", "false"], "rights": ["© 2025 新华社", "\"\\b版权\""], "format": ["markdown", "html", "text"],
    "cleaning": ["false", "{keep: ['^x']}", "{drop: ['广告']}", "{disable: ['ad:']}"],
}
BAD = {
    "url": ["javascript:alert(1)", "ftp://x", "''", "http://x.example/a b"], "lang": ["fr", "zh-CN"], "tags": ["[[x]]", "x"],
    "slug": ["../etc", "Ünïcode", "x" * 90], "draft": ["yes", "1"], "format": ["rtf"],
    "cleaning": ["{drop: ['(']}", "{keep: ['(a+)+$']}", "{unknown: 1}", "[1]"], "source": ["''", "[1]"],
}


@st.composite
def frontmatter(draw: st.DrawFn) -> str:
    """Half the time plausible frontmatter (valid, with control characters in its
    strings), so every later stage runs; half the time each field may be hostile."""
    if draw(st.booleans()):
        lines = ["title: " + draw(st.sampled_from(GOOD_TITLES)),
                 "date: " + draw(st.sampled_from(["2025-01-23T12:29:00+08:00", "2025-03-11T09:20:00Z",
                                                  "2999-01-01T00:00:00+08:00", "1970-01-01T00:00:00+00:00"]))]
        lines += [f"{key}: {draw(st.sampled_from(values))}" for key, values in GOOD.items() if draw(st.integers(0, 2)) == 0]
        return "\n".join(draw(st.permutations(lines)))
    lines = []
    roll = draw(st.integers(0, 19))
    if roll:  # a missing title now and then
        lines.append("title: " + (draw(st.sampled_from(GOOD_TITLES)) if roll > 4 else draw(scalar())))
    roll = draw(st.integers(0, 19))
    if roll:
        lines.append("date: " + ("2025-01-23T12:29:00+08:00" if roll > 12 else
                                 draw(st.sampled_from(DATES)) if roll > 3 else draw(scalar())))
    for key, values in GOOD.items():
        roll = draw(st.integers(0, 19))
        if roll < 6:
            lines.append(f"{key}: {draw(st.sampled_from(values))}")
        elif roll == 6:
            lines.append(f"{key}: {draw(st.sampled_from(BAD.get(key, values)))}")
        elif roll == 7:
            lines.append(f"{key}: {draw(scalar())}")
    if draw(st.integers(0, 14)) == 0:
        lines.append(draw(st.sampled_from(["title: **粗体，**标题", "titel: x", "x: &a [*a, *a]", "title: dup", "  bad indent", "- list", "key",
                                           "a: &a [1, 2]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]"])))
    return "\n".join(draw(st.permutations(lines)))


@st.composite
def content_file(draw: st.DrawFn) -> bytes:
    """The bytes of one content file."""
    shape = draw(st.integers(0, 39))
    head, body = draw(frontmatter()), draw(prose)
    if shape == 0:
        text = body  # no frontmatter at all
    elif shape == 1:
        text = f"---\n{head}\n{body}"  # frontmatter never closed
    else:
        text = f"---\n{head}\n---\n{body}\n"
    data = text.encode("utf-8", "surrogatepass")
    if shape == 2:
        data = b"\xef\xbb\xbf" + data  # BOM
    if shape == 3:
        data = data.replace("，".encode(), b"\xff\xfe", 1)  # not UTF-8
    if shape == 4:
        data = data.replace(b"\n", b"\r\n")
    return data


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def assert_located(error: BuildError, files: dict[Path, bytes]) -> None:
    """Every problem names one of the files, a line inside it (0: the whole file)
    and a reason in words."""
    assert error.problems
    for item in error.problems:
        path = Path(item.path)
        assert path in files, item
        lines = files[path].count(b"\n") + 1
        assert 0 <= item.line <= lines + 1, item
        assert item.reason.strip() and "Traceback" not in item.reason, item


@pytest.fixture(scope="module")
def fuzz_site() -> object:
    root = Path(tempfile.mkdtemp(prefix="digest-fuzz-"))
    (root / "content").mkdir()
    (root / "config.yaml").write_text(CONFIG, encoding="utf-8")
    config = load_config(root / "config.yaml")
    yield config, load_strings(config)
    shutil.rmtree(root, ignore_errors=True)


@fuzz(SINGLE_FILE_EXAMPLES)
@given(data=content_file())
def test_one_file_through_every_article_stage(fuzz_site: tuple, data: bytes) -> None:
    config, strings = fuzz_site
    path = config.content_dir / "fuzz.md"
    try:
        doc = parse_source(path, "fuzz.md", data, hashlib.sha256(data).hexdigest())
    except BuildError as error:
        assert_located(error, {path: data})
        event("outcome: path:line: reason")
        return
    event("outcome: parsed and published")
    article = prepare_article(doc, config)
    for edition in config.editions:
        item = for_edition(article, edition, config)
        files = [build_feed(config, edition, [item], strings[edition.code]),
                 build_atom_feed(config, edition, [item], strings[edition.code]),
                 *build_tag_feeds(config, edition, [item], strings[edition.code])]
        for output in files:
            assert output.data.startswith(b"<?xml")


@fuzz(SITE_EXAMPLES)
@given(files=st.lists(content_file(), min_size=1, max_size=4))
def test_whole_site_builds_or_names_every_bad_file(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="digest-fuzz-") as tmp:
        root = Path(tmp)
        (root / "config.yaml").write_text(CONFIG, encoding="utf-8")
        written: dict[Path, bytes] = {}
        for number, data in enumerate(files):
            path = (root / "content" / f"{number:02d}" / f"fuzz-{number}.md").resolve()
            path.parent.mkdir(parents=True)
            path.write_bytes(data)
            written[path] = data
        config = load_config(root / "config.yaml")
        alone_bad = set()
        for path, data in written.items():
            try:
                parse_source(path, path.name, data, "")
            except BuildError:
                alone_bad.add(path)
        try:
            build(config, out_dir=root / "out")
        except BuildError as error:
            assert_located(error, written)
            named = {Path(p.path) for p in error.problems}
            assert alone_bad <= named, f"problems of {alone_bad - named} hidden"
            event(f"outcome: path:line: reason, {len(named)} of {len(written)} files named")
            return
        event("outcome: site built")
        assert not alone_bad
        assert (root / "out" / "index.html").is_file()


_PROBLEM_LINE = re.compile(r"^.+:\d+: \S.*$")
_SUMMARY = re.compile(r"^error: \d+ problems?; nothing was written$")


@fuzz(CLI_EXAMPLES)
@given(files=st.lists(content_file(), min_size=2, max_size=3))
def test_command_line_exit_status_and_messages(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="digest-fuzz-") as tmp:
        root = Path(tmp)
        (root / "config.yaml").write_text(CONFIG, encoding="utf-8")
        (root / "site").mkdir()
        (root / "site" / "previous.html").write_text("the last good site", encoding="utf-8")
        for number, data in enumerate(files):
            (root / "content").mkdir(exist_ok=True)
            (root / "content" / f"fuzz-{number}.md").write_bytes(data)
        result = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(root / "config.yaml"), "build"],
                                capture_output=True, text=True, cwd=root, timeout=120)
        assert "Traceback" not in result.stderr
        event(f"exit status {result.returncode}")
        if result.returncode == 0:
            assert (root / "site" / "index.html").is_file()
            return
        assert result.returncode == 1, result.stderr
        lines = result.stderr.splitlines()
        assert lines and _SUMMARY.match(lines[-1]), result.stderr
        assert all(_PROBLEM_LINE.match(line) for line in lines[:-1]), result.stderr
        assert (root / "site" / "previous.html").read_text(encoding="utf-8") == "the last good site"
