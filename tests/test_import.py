"""Issue 3: ``build.py import`` and ``build.py clean`` from the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from digest.importer import article_id, import_files, outlet_short_name

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "clean_corpus"
DW = CORPUS / "seeds" / "000_c349223e04e5fa75.txt"
STORM = CORPUS / "seeds" / "001_8a575b2ed5a5cc13.txt"
CONFIG = """\
timezone: Asia/Taipei
sources:
  dw.com: 德国之声
  storm.mg: 風傳媒
"""
FIELDS = {"title", "date", "source", "url", "lang", "tags", "summary", "slug", "draft", "rights", "format", "cleaning"}


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def frontmatter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    assert set(meta) <= FIELDS
    return meta, body


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "config.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_import_seeds(site: Path) -> None:
    result = run(site, "import", str(DW), str(STORM), "--source", "風傳媒")
    assert result.returncode == 0, result.stderr
    files = sorted((site / "content").rglob("*.md"))
    assert [f.relative_to(site / "content").as_posix() for f in files] == [
        "2025/01/23/dw-71381755.md", "2025/01/23/storm-20250123-4480c36b.md"]
    dw, dw_body = frontmatter(files[0])
    assert dw == {
        "title": "马斯克正面怼特朗普5000亿人工智能项目： “没有足够资金”",
        "date": "2025-01-23T19:47:04+08:00",
        "source": "德国之声",  # the host table wins over --source
        "url": dw["url"], "lang": "zh-Hans", "tags": [], "slug": "dw-71381755", "format": "html",
    }
    assert dw["url"].startswith("https://www.dw.com/zh/%E9%A9%AC") and dw["url"].endswith("/a-71381755")
    assert dw_body.strip() == DW.read_text(encoding="utf-8").split("------\n", 1)[1].strip()  # body as it came
    storm, storm_body = frontmatter(files[1])
    assert storm == {
        "title": "馬斯克跟川普公開唱反調!川普剛宣布與軟銀合作AI計畫,馬斯克開嗆:孫正義沒那麼多錢",
        "date": "2025-01-23T12:29:00+08:00", "source": "風傳媒", "lang": "zh-Hant", "tags": [],
        "slug": "storm-20250123-4480c36b", "format": "text",
    }
    assert "更多文章" in storm_body  # cleaning happens at build time, not at import


def test_reimport_makes_no_duplicate(site: Path) -> None:
    assert run(site, "import", str(DW)).returncode == 0
    copy = site / "again.txt"
    shutil.copy(DW, copy)
    again = run(site, "import", str(copy), str(STORM), "--source", "風傳媒")
    assert again.returncode == 0
    assert "skipped: already imported as" in again.stderr
    assert len(list((site / "content").rglob("*.md"))) == 2
    third = run(site, "import", str(STORM), "--source", "風傳媒")
    assert "skipped" in third.stderr and len(list((site / "content").rglob("*.md"))) == 2


def test_bad_file_is_reported_and_the_rest_import(site: Path) -> None:
    bad = site / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    result = run(site, "import", str(bad), str(DW), str(site / "missing.txt"))
    assert result.returncode == 1
    assert f"{bad}:1: not UTF-8 text" in result.stderr
    assert "missing.txt:0: cannot read file" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(list((site / "content").rglob("*.md"))) == 1


def test_import_stdout_writes_nothing(site: Path) -> None:
    result = run(site, "import", str(CORPUS / "udn_page_cny_traffic.html"), "--stdout")
    assert result.returncode == 0 and not (site / "content").exists()
    meta = yaml.safe_load(result.stdout.split("---\n")[1])
    assert meta["title"] == "春節返鄉潮 北車周邊1/25起交管加開接駁車"
    assert meta["slug"] == "udn-8510234" and meta["lang"] == "zh-Hant"
    assert meta["date"] == "2025-01-23T16:05:00+08:00" and meta["url"] == "https://udn.com/news/story/7323/8510234"


def test_import_overrides(site: Path) -> None:
    result = run(site, "import", str(CORPUS / "clean_hant_text_ntu.txt"), "--stdout", "--url",
                 "https://www.cna.com.tw/news/ahel/202501200123.aspx", "--source", "中央社", "--lang", "zh-Hant")
    meta = yaml.safe_load(result.stdout.split("---\n")[1])
    assert meta["url"].endswith("202501200123.aspx") and meta["source"] == "中央社"
    assert meta["slug"] == "cna-202501200123" and meta["date"] == "2025-01-20T16:20:00+08:00"


def test_clean_command_prints_the_body_and_explains(site: Path) -> None:
    result = run(site, "clean", str(STORM), "--explain")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines == (CORPUS / "seeds" / "001_8a575b2ed5a5cc13.expected.txt").read_text(encoding="utf-8").splitlines()
    assert "removed [list:more-articles-zh-short] 更多文章" in result.stderr
    assert "removed [dup:caption]" in result.stderr


def test_clean_works_without_a_config(tmp_path: Path) -> None:
    result = run(tmp_path, "clean", str(DW))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "(综合报道)" and "©" not in result.stdout
    missing = run(tmp_path, "clean", str(tmp_path / "nope.txt"))
    assert missing.returncode != 0 and "nope.txt:0: cannot read file" in missing.stderr


def test_slug_parts() -> None:
    assert outlet_short_name("https://www.storm.mg/article/5312345") == "storm"
    assert outlet_short_name("https://news.ltn.com.tw/news/life/breakingnews/4932002") == "ltn"
    assert outlet_short_name("https://cn.nytimes.com/china/20250123/x/") == "nytimes"
    assert outlet_short_name(None, "風傳媒", {"storm.mg": "風傳媒"}) == "storm"
    assert article_id("https://www.dw.com/zh/%E9%A9%AC/a-71381755") == "71381755"
    assert article_id("https://www.reuters.com/markets/asia/japans-exports-2025-01-23/") == "japans-exports-2025-01-23"


def test_import_files_api(tmp_path: Path) -> None:
    results, errors = import_files([DW, DW], content_dir=tmp_path / "content", sources={"dw.com": "德国之声"})
    assert not errors and results[0].path is not None and results[1].skipped
