"""Issue 12: nothing a curator feeds the digest is lost or crashes it.

Each input the issue names is a case here: the Zaobao pair and the other URL
shapes (slugs), dates only in the page text, options between files, control
characters in titles and bodies, CJK emphasis end to end, iframe embeds, the
``check`` warnings, ``--future`` and ``serve --drafts``, and empty credits.
Sites are built in-process from files written under tmp_path; the repository's
content/ is never read.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import REPO
from digest.cli import main as cli_main
from digest.config import load_config
from digest.importer import article_id, import_files
from digest.pipeline import build, load_site
from digest.serve import PipelineBuilder

IMPORT = Path(__file__).parent / "fixtures" / "import"
ZAOBAO = [IMPORT / "zaobao-story-a.html", IMPORT / "zaobao-story-b.html"]
CONFIG = f"""\
title: 测试站
base_url: https://example.org/
timezone: Asia/Taipei
templates_dir: {REPO / "templates"}
static_dir: {REPO / "static"}
"""


def make_site(root: Path, articles: dict[str, str]) -> Path:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(CONFIG, encoding="utf-8")
    for rel, text in articles.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root / "config.yaml"


def article(title: str, body: str, *, date: str = "2025-03-11T09:20:00+08:00", extra: str = "source: 测试社\n") -> str:
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli_main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# ---------------------------------------------------------------------------
# Import: slugs, duplicates, collisions, dates, options anywhere
# ---------------------------------------------------------------------------

def test_zaobao_pair_imports_as_two_files_with_options_between_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_text("timezone: Asia/Singapore\n", encoding="utf-8")
    status, out, err = run(capsys, "--config", str(tmp_path / "config.yaml"), "import",
                           str(ZAOBAO[0]), "--source", "联合早报", str(ZAOBAO[1]))
    assert status == 0, err
    files = sorted((tmp_path / "content").rglob("*.md"))
    assert [f.relative_to(tmp_path / "content").as_posix() for f in files] == [
        "2025/03/11/zaobao-5012345.md", "2025/03/11/zaobao-5012399.md"]
    metas = [yaml.safe_load(f.read_text(encoding="utf-8").split("---\n")[1]) for f in files]
    assert [m["title"] for m in metas] == ["两会闭幕 政府工作报告获通过", "中国2月出口增速放缓 进口意外下跌"]
    assert all(m["source"] == "联合早报" and m["date"] == "2025-03-11T09:20:00+08:00" for m in metas)
    assert "skipped" not in err
    # the same pair again: true duplicates (same URL), skipped, nothing new
    status, _, err = run(capsys, "--config", str(tmp_path / "config.yaml"), "import", *map(str, ZAOBAO))
    assert status == 0 and err.count("skipped: already imported as") == 2
    assert len(list((tmp_path / "content").rglob("*.md"))) == 2


@pytest.mark.parametrize(("first", "second"), [
    ("https://www.zaobao.example/news/china/story20250311-5012345",
     "https://www.zaobao.example/news/china/story20250311-5012399"),
    ("https://news.example.cn/20250311-%E5%A4%AE%E8%A1%8C%E9%99%8D%E5%87%86",   # /20250311-央行降准
     "https://news.example.cn/20250311-%E5%87%BA%E5%8F%A3%E6%94%BE%E7%BC%93"),  # /20250311-出口放缓
    ("https://news.example.com/20250311/rate-cut/", "https://news.example.com/20250311/export-slowdown/"),
    ("https://news.example.com/20250311/rate-cut/", "https://news.example.com/20250312/rate-cut/"),
])
def test_article_ids_differ_per_article_and_never_are_the_date(first: str, second: str) -> None:
    a, b = article_id(first), article_id(second)
    assert a and b and a != b
    assert a not in ("20250311", "20250312") and b not in ("20250311", "20250312")
    assert article_id(first) == a  # stable


def test_same_slug_for_a_different_article_is_an_error_not_a_skip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_text("timezone: Asia/Singapore\n", encoding="utf-8")
    taken = tmp_path / "content" / "2025" / "03" / "01" / "zaobao-5012345.md"
    taken.parent.mkdir(parents=True)
    taken.write_text(article("另一篇", "完全不同的正文。", extra="url: https://other.example/x\nslug: zaobao-5012345\n"),
                     encoding="utf-8")
    status, _, err = run(capsys, "--config", str(tmp_path / "config.yaml"), "import", *map(str, ZAOBAO))
    assert status == 1
    assert f"{ZAOBAO[0]}:0: slug 'zaobao-5012345' is already used by {taken}, a different article" in err
    assert (tmp_path / "content" / "2025" / "03" / "11" / "zaobao-5012399.md").is_file()  # the other one imported


def test_duplicate_is_recognised_by_body_without_a_url(tmp_path: Path) -> None:
    clip = tmp_path / "clip.txt"
    clip.write_text("央行宣布降准\n2025-03-15 09:20\n\n中国人民银行宣布下调存款准备金率。\n", encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(clip.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    results, errors = import_files([clip, copy], content_dir=tmp_path / "content", source="新华社")
    assert not errors and results[0].path is not None and results[1].skipped


@pytest.mark.parametrize("line", ["发布时间：2025-03-15 09:20　来源：新华网", "2025年03月15日 09:20", "2025/03/15 09:20"])
@pytest.mark.parametrize("shape", ["page", "text", "fragment"])
def test_date_from_the_visible_page_text(tmp_path: Path, line: str, shape: str) -> None:
    paragraphs = "中国人民银行宣布下调金融机构存款准备金率0.5个百分点。\n\n此次降准将释放长期流动性约1万亿元。"
    if shape == "page":
        text = (f"<!doctype html><html><head><title>央行宣布降准</title>"
                f'<link rel="canonical" href="https://news.example.cn/2025/0315/c1004-40000001.html"></head>'
                f"<body><h1>央行宣布降准</h1><div><span>{line}</span></div>"
                + "".join(f"<p>{p}</p>" for p in paragraphs.split("\n\n")) + "</body></html>")
    elif shape == "fragment":
        text = f"<div><h1>央行宣布降准</h1><p>{line}</p>" + "".join(f"<p>{p}</p>" for p in paragraphs.split("\n\n")) + "</div>"
    else:
        text = f"央行宣布降准\n{line}\n\n{paragraphs}\n"
    clip = tmp_path / f"clip.{'html' if shape != 'text' else 'txt'}"
    clip.write_text(text, encoding="utf-8")
    results, errors = import_files([clip], content_dir=tmp_path / "content", source="新华网", write=False)
    assert not errors and not results[0].warnings
    meta = yaml.safe_load(results[0].text.split("---\n")[1])
    assert meta["date"] == "2025-03-15T09:20:00+08:00"


def test_no_date_found_is_a_warning_and_check_fails_until_filled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path, {})
    clip = tmp_path / "undated.html"
    clip.write_text("<div><h1>央行宣布降准</h1><p>中国人民银行宣布下调存款准备金率。</p><p>释放资金约1万亿元。</p></div>",
                    encoding="utf-8")
    status, out, err = run(capsys, "--config", str(config), "import", str(clip), "--source", "新华社")
    assert status == 0
    assert f"{clip}:0: warning: no date found in the clipping" in err
    written = next((tmp_path / "content" / "undated").glob("*.md"))
    assert 'date: ""' in written.read_text(encoding="utf-8")
    status, _, err = run(capsys, "--config", str(config), "check")
    assert status == 1 and ":3: date is empty: fill in when the article was published" in err
    assert "Traceback" not in err


def test_a_date_line_is_never_the_title(tmp_path: Path) -> None:
    clip = tmp_path / "clip.html"
    clip.write_text("<div><p>2025年03月15日 09:20</p><p>中国人民银行宣布下调存款准备金率。</p></div>", encoding="utf-8")
    results, errors = import_files([clip], content_dir=tmp_path / "content", source="新华网", write=False)
    meta = yaml.safe_load(results[0].text.split("---\n")[1])
    assert meta["title"] == "中国人民银行宣布下调存款准备金率。" and meta["date"] == "2025-03-15T09:20:00+08:00"


def test_import_options_may_come_anywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_text("timezone: Asia/Singapore\n", encoding="utf-8")
    status, out, err = run(capsys, "--config", str(tmp_path / "config.yaml"), "import", "--stdout",
                           str(ZAOBAO[0]), "--lang", "zh-Hans", str(ZAOBAO[1]), "--source", "联合早报")
    assert status == 0, err
    assert out.count("\nslug: zaobao-50123") == 2 and out.count('source: "联合早报"') == 2
    with pytest.raises(SystemExit):
        cli_main(["--config", str(tmp_path / "config.yaml"), "import", str(ZAOBAO[0]), "--no-such-option"])


# ---------------------------------------------------------------------------
# Control characters
# ---------------------------------------------------------------------------

def test_control_character_in_title_builds_checks_and_serves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path, {
        "escaped.md": article('"央行宣布降准\\b0.5个百分点"', "中国人民银行宣布降准。"),
        "raw.md": article("央行\x1d宣布降准\x080.5个百分点", "正文。", date="2025-03-12T09:20:00+08:00"),
    })
    status, _, err = run(capsys, "--config", str(config), "check")
    assert status == 0, err
    status, _, err = run(capsys, "--config", str(config), "build")
    assert status == 0, err
    for prefix in ("zh-hans", "zh-hant"):
        feed = feedparser.parse((tmp_path / "site" / prefix / "feed.xml").read_bytes())
        assert not feed.bozo
        assert {e.title for e in feed.entries} >= {"央行宣布降准0.5个百分点"} or prefix == "zh-hant"
    page = (tmp_path / "site" / "zh-hans" / "articles" / "escaped" / "index.html").read_text(encoding="utf-8")
    assert "<h1>央行宣布降准0.5个百分点</h1>" in page and "\b" not in page
    builder = PipelineBuilder(config)  # what `serve` runs on every change
    builder.build(builder.load())


def test_title_of_control_characters_only_is_reported(tmp_path: Path) -> None:
    config = make_site(tmp_path, {"a.md": article('"\\b\\x1d"', "正文。"), "b.md": article("好标题", "正文。")})
    with pytest.raises(Exception) as caught:
        load_site(load_config(config))
    assert [str(p).split("content/", 1)[1] for p in caught.value.problems] == ["a.md:2: 'title': '' should be non-empty"]


@pytest.mark.parametrize("control", ["\v", "\f", "\x1d", "\u2028"])
def test_word_processor_breaks_do_not_split_a_paragraph(tmp_path: Path, control: str) -> None:
    sentence = f"国务院总理在政府工作报告中{control}提出，今年经济增长目标为百分之五左右。"
    config = make_site(tmp_path, {"a.md": article("报告", f"{sentence}\n第二段。", extra="source: 新华社\nformat: text\n")})
    site = load_site(load_config(config))
    (only,) = site.articles
    assert only.html.count("<p>") == 2
    assert "国务院总理在政府工作报告中提出，今年经济增长目标为百分之五左右。" in only.html
    assert only.summary.startswith("国务院总理在政府工作报告中提出，")


def test_html_entity_for_a_control_character_is_removed(tmp_path: Path) -> None:
    config = make_site(tmp_path, {"a.md": article("标题", "<p>降准&#8;0.5个百分点&#x1d;。</p>")})
    (only,) = load_site(load_config(config)).articles
    assert "降准0.5个百分点。" in only.html


# ---------------------------------------------------------------------------
# Markdown: CJK emphasis end to end, iframe embeds
# ---------------------------------------------------------------------------

def test_cjk_bold_in_both_editions_and_feeds(tmp_path: Path) -> None:
    config = make_site(tmp_path, {"bold.md": article("盈利", "**经过十年的发展，**这家公司终于实现盈利。\n\n第二段。")})
    build(load_config(config))
    site = tmp_path / "site"
    hans = (site / "zh-hans/articles/bold/index.html").read_text(encoding="utf-8")
    hant = (site / "zh-hant/articles/bold/index.html").read_text(encoding="utf-8")
    assert "<strong>经过十年的发展，</strong>这家公司终于实现盈利。" in hans
    assert "<strong>經過十年的發展，</strong>這家公司終於實現盈利。" in hant
    for prefix in ("zh-hans", "zh-hant"):
        feed = (site / prefix / "feed.xml").read_text(encoding="utf-8")
        assert "**" not in feed and "&lt;strong&gt;" in feed or "<strong>" in feed


def test_iframe_becomes_a_link_and_check_removed_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = ('<p>发布会视频如下：</p>\n<iframe width="560" height="315" src="https://www.youtube.com/embed/abc123" '
            'title="发布会直播" allowfullscreen></iframe>\n<p>发布会持续一小时。</p>')
    config = make_site(tmp_path, {"embed.md": article("发布会", body)})
    status, out, _ = run(capsys, "--config", str(config), "check", "--removed")
    assert status == 0
    assert "embed.md:" in out and "[embed:iframe] https://www.youtube.com/embed/abc123" in out
    build(load_config(config))
    page = (tmp_path / "site/zh-hans/articles/embed/index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.youtube.com/embed/abc123"' in page and "发布会直播</a>" in page
    assert "<iframe" not in page


# ---------------------------------------------------------------------------
# check warnings, --future, --drafts, empty credits
# ---------------------------------------------------------------------------

TRADITIONAL = "臺灣的國會昨日通過預算，行政院長表示將盡快執行，並強調經濟發展與國家安全同樣重要。"


def test_check_warns_about_what_readers_would_see(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path, {
        "trad.md": article("預算通過", TRADITIONAL),
        "nosource.md": article("无来源", "正文在这里。", extra=""),
        "future.md": article("未来", "正文。", date="2999-01-01T00:00:00+08:00"),
        "empty.md": article("空的", ""),
        "fine.md": article("正常", "正常的简体中文正文，没有任何问题。"),
        "clip.txt": "某个没有导入的剪报\n2025-03-15\n\n正文。\n",
        "page.html": "<p>另一份剪报</p>",
    })
    status, out, err = run(capsys, "--config", str(config), "check")
    assert status == 0
    content = tmp_path / "content"
    expected = [
        f"{content}/clip.txt:0: warning: the build ignores .txt files",
        f"{content}/empty.md:6: warning: empty body",
        f"{content}/future.md:3: warning: date 2999-01-01T00:00:00+08:00 is in the future (a year or more ahead: a typo?)",
        f"{content}/nosource.md:1: warning: no 'source': the pages credit nobody",
        f"{content}/page.html:0: warning: the build ignores .html files",
        f"{content}/trad.md:1: warning: the body is Traditional but no 'lang' (so zh-Hans): set 'lang: zh-Hant'",
    ]
    lines = err.splitlines()
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), (prefix, lines)
    assert not any("fine.md" in line for line in lines)
    assert "6 warnings" in out


def test_future_articles_need_the_future_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path, {"now.md": article("今天", "正文。"),
                                  "later.md": article("以后", "正文。", date="2999-01-01T00:00:00+08:00")})
    assert run(capsys, "--config", str(config), "build")[0] == 0
    assert not (tmp_path / "site/zh-hans/articles/later").exists()
    assert "以后" not in (tmp_path / "site/zh-hans/feed.xml").read_text(encoding="utf-8")
    assert (tmp_path / "site/zh-hans/articles/now/index.html").is_file()
    assert run(capsys, "--config", str(config), "build", "--future")[0] == 0
    assert (tmp_path / "site/zh-hans/articles/later/index.html").is_file()


def test_serve_and_build_accept_the_flags() -> None:
    from digest.cli import parse_arguments

    serve_args = parse_arguments(["serve", "--drafts", "--future"])
    assert serve_args.drafts and serve_args.future
    assert parse_arguments(["build", "--future"]).future and not parse_arguments(["build"]).future


def test_drafts_only_in_the_serve_drafts_preview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path, {"done.md": article("完成", "正文。"),
                                  "wip.md": article("草稿", "正文。", extra="source: 测试社\ndraft: true\n")})
    assert run(capsys, "--config", str(config), "build")[0] == 0
    assert not (tmp_path / "site/zh-hans/articles/wip").exists()
    builder = PipelineBuilder(config, drafts=True)
    try:
        preview = builder.load()
        assert preview.publish_drafts and preview.output_dir != (tmp_path / "site").resolve()
        builder.build(preview)
        assert (preview.output_dir / "zh-hans/articles/wip/index.html").is_file()
        assert not (tmp_path / "site/zh-hans/articles/wip").exists()  # the deployable site never has it
    finally:
        builder.close()
    assert not preview.output_dir.exists()  # closing the preview removes its temporary folder


def test_no_page_shows_an_empty_credit(tmp_path: Path) -> None:
    config = make_site(tmp_path, {
        "bare.md": article("无来源无链接", "正文。", extra=""),
        "urlonly.md": article("只有链接", "正文。", date="2025-03-12T09:20:00+08:00",
                              extra="url: https://www.example.com/news/1\n"),
    })
    build(load_config(config))
    site = tmp_path / "site"
    bare = (site / "zh-hans/articles/bare/index.html").read_text(encoding="utf-8")
    assert "来源：" not in bare and "本文摘自" not in bare
    url_only = (site / "zh-hans/articles/urlonly/index.html").read_text(encoding="utf-8")
    assert '来源：<a href="https://www.example.com/news/1" rel="noopener">example.com</a>' in url_only
    assert "本文摘自<a" in url_only
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert '<span class="source"></span>' not in text and "></a>" not in text.replace("<a></a>", ""), html_file
        assert "来源：<" not in text.replace("来源：<a href", ""), html_file


# ---------------------------------------------------------------------------
# make chromium on a machine without apt
# ---------------------------------------------------------------------------

def test_chromium_install_without_apt_says_the_browser_tests_will_skip(tmp_path: Path) -> None:
    import subprocess

    bin_dir = tmp_path / "bin"  # a PATH with neither apt-get nor chromium
    bin_dir.mkdir()
    (bin_dir / "id").symlink_to("/usr/bin/id")
    script = REPO / "scripts" / "install-chromium.sh"
    bare = subprocess.run(["/bin/sh", str(script)], capture_output=True, text=True, env={"PATH": str(bin_dir)})
    assert bare.returncode == 0
    assert "no chromium on PATH and no apt-get: the browser tests will be skipped" in bare.stderr
    assert "DIGEST_CHROMIUM" in bare.stderr
    chosen = subprocess.run(["/bin/sh", str(script)], capture_output=True, text=True,
                            env={"PATH": str(bin_dir), "DIGEST_CHROMIUM": "/opt/chromium/chrome"})
    assert chosen.returncode == 0 and "browser tests use DIGEST_CHROMIUM=/opt/chromium/chrome" in chosen.stdout
    assert "--no-install-recommends" in script.read_text(encoding="utf-8")
    assert "DPkg::Lock::Timeout" in script.read_text(encoding="utf-8")
