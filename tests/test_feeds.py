"""Every feed the site publishes is one the W3C feed validator and feed readers accept.

In: the demo site plus a few articles made to trip feeds up (relative and in-page
links, a body containing ``]]>``, a punctuated tag, a draft), built with a GitHub
Pages project-site base URL. Out: assertions, on every feed and every item, of
the rules of issue #4: feedparser reads it without ``bozo``; absolute ``link`` and
``guid``; RFC 822 dates; ``atom:link rel="self"`` equal to the feed's own URL;
every namespace prefix declared; no relative URL in ``description`` or
``content:encoded``; ``<author>`` only with an e-mail, ``dc:creator`` otherwise;
guids unchanged when a title is edited and the site rebuilt; identical bytes on
an identical rebuild, even for a site with no article at all.
"""

from __future__ import annotations

import re
import shutil
from email.utils import parsedate_to_datetime
from datetime import datetime
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest

from conftest import site_part
from digest.config import load_config
from digest.pipeline import build

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("config.yaml", "content", "templates", "static")
BASE_URL = "https://example.github.io/digest/"

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
FEED_TYPES = {"application/rss+xml", "application/atom+xml"}

# The W3C validator's own patterns (feedvalidator/validators.py): an RFC 822 date,
# and an e-mail address as RSS <author> must hold.
RFC822 = re.compile(
    r"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), *)?\d\d? +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" +\d\d(\d\d)? +\d\d:\d\d(:\d\d)? +([+-]?\d\d\d\d|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|\w)$"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
URL_ATTRS = ("href", "src", "poster", "cite", "srcset")

TRICKY_ARTICLES = {
    # Relative links of every shape, resolved against the original article URL,
    # and an in-page link, which only this site's article page can resolve.
    "2025/01/24/relative-links.md": """---
title: 相对链接测试
date: 2025-01-24T09:00:00+08:00
source: 测试通讯社
url: https://news.example.com/world/2025/story.html
lang: zh-Hans
tags: [测试, AI/科技]
slug: relative-links
format: html
---
<p>第一段正文提到<a href="other.html">另一篇报道</a>和<a href="/about/">关于我们</a>。</p>
<p><img src="../img/photo.jpg" alt="照片"></p>
<p>第二段正文见<a href="#note">注释</a>，以及<a href="//cdn.example.com/file.pdf">文件</a>。</p>
<p id="note">注释：这是注释的内容，用来测试页面内链接。</p>
""",
    # No original URL: relative links cannot be resolved and must not survive.
    # The body and the title also carry "]]>", which would end a CDATA section.
    "2025/01/24/no-url.md": """---
title: "没有原文链接 ]]> 的文章"
date: 2025-01-24T10:30:00+08:00
source: 读者投稿
lang: zh-Hans
tags: [测试]
slug: no-url
format: html
---
<p>这篇文章没有原文链接，正文里有一个<a href="local.html">相对链接</a>和一个<a href="#top">页内链接</a>。</p>
<p>代码片段 a[b[0]]&gt; 以及<a href="https://example.com/" title="见]]>此">链接标题</a>都应当原样出现在订阅源里。</p>
""",
    "2025/01/24/draft.md": """---
title: 草稿不应出现
date: 2025-01-24T11:00:00+08:00
source: 测试通讯社
lang: zh-Hans
slug: draft-article
draft: true
---
这是一篇草稿，任何订阅源都不应包含它。
""",
}


def make_inputs(target: Path, extra: dict[str, str] | None = None, with_content: bool = True) -> Path:
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        src = site_part(REPO, part)
        if part == "content" and not with_content:
            (target / part).mkdir()
        elif src.is_dir():
            shutil.copytree(src, target / part)
        else:
            shutil.copy2(src, target / part)
    for rel, text in (extra or {}).items():
        path = target / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def build_into(inputs: Path, out: Path) -> Path:
    build(load_config(inputs / "config.yaml", base_url=BASE_URL), out_dir=out)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def feed_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.xml") if p.name != "sitemap.xml")


def feed_url(site: Path, path: Path) -> str:
    """The feed's public URL: its path below the site, percent-encoded."""
    from urllib.parse import quote

    return BASE_URL + quote(path.relative_to(site).as_posix())


def page_exists(site: Path, url: str) -> bool:
    from urllib.parse import unquote

    assert url.startswith(BASE_URL), url
    rel = unquote(url[len(BASE_URL):])
    return (site / rel / "index.html").is_file() if rel.endswith("/") or not rel else (site / rel).is_file()


def relative_urls(fragment: str) -> list[str]:
    """Every URL in an HTML fragment that a feed reader would resolve against the feed."""
    if not fragment.strip():
        return []
    found = []
    for el in lxml.html.fragments_fromstring(f"<div>{fragment}</div>")[0].iter(lxml.etree.Element):
        for attr in URL_ATTRS:
            value = el.get(attr)
            if value is None:
                continue
            candidates = [c.split()[0] for c in value.split(",") if c.strip()] if attr == "srcset" else [value]
            found += [c for c in candidates if not re.match(r"^(https?|mailto):", c.strip())]
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("feeds")
    return build_into(make_inputs(work / "inputs", TRICKY_ARTICLES), work / "site")


def test_the_site_publishes_rss_atom_and_tag_feeds(site: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in feed_files(site)}
    for prefix in ("zh-hans", "zh-hant"):
        assert {f"{prefix}/feed.xml", f"{prefix}/atom.xml"} <= names
    # "AI/科技" must become one ASCII folder, not a nested path, the same in both editions.
    tag_feeds = sorted(n for n in names if n.startswith("zh-hans/tags/ai-"))
    assert len(tag_feeds) == 1 and tag_feeds[0].isascii() and tag_feeds[0].count("/") == 3
    assert tag_feeds[0].replace("zh-hans/", "zh-hant/") in names
    assert all(name.isascii() for name in names)


def test_every_feed_parses_without_bozo(site: Path) -> None:
    feeds = feed_files(site)
    assert len(feeds) >= 8
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.version == ("atom10" if path.name == "atom.xml" else "rss20"), path
        assert parsed.entries, path


def test_every_feed_is_advertised_and_every_advertised_feed_exists(site: Path) -> None:
    advertised = set()
    for page in site.rglob("*.html"):
        doc = lxml.html.document_fromstring(page.read_bytes())
        advertised |= {el.get("href") for el in doc.iter("link") if el.get("type") in FEED_TYPES}
    assert advertised == {feed_url(site, p) for p in feed_files(site)}


def test_rss_channel_and_every_item_follow_the_rules(site: Path) -> None:
    items_checked = 0
    for path in feed_files(site):
        if path.name == "atom.xml":
            continue
        raw = path.read_bytes()
        root = lxml.etree.fromstring(raw)  # strict: an undeclared prefix is a parse error
        # Every prefix used on an element or attribute is declared on the root.
        used = set(re.findall(rb"</?([A-Za-z][\w.-]*):", raw)) | set(re.findall(rb"\s([A-Za-z][\w.-]*):[\w.-]+=", raw))
        declared = {p.encode() for p in root.nsmap if p} | {b"xmlns", b"xml"}
        assert used <= declared, (path, used - declared)
        channel = root.find("channel")
        selves = [el for el in channel.findall(f"{{{ATOM}}}link") if el.get("rel") == "self"]
        assert [el.get("href") for el in selves] == [feed_url(site, path)]
        assert selves[0].get("type") == "application/rss+xml"
        assert channel.findtext("link").startswith(BASE_URL) and page_exists(site, channel.findtext("link"))
        assert RFC822.match(channel.findtext("lastBuildDate")), path
        for item in channel.findall("item"):
            items_checked += 1
            link, guid = item.findtext("link"), item.find("guid")
            assert link.startswith(BASE_URL) and page_exists(site, link), link
            assert guid.text == link and guid.get("isPermaLink") in (None, "true")
            assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
            parsedate_to_datetime(item.findtext("pubDate"))
            for author in item.findall("author"):
                assert EMAIL.search(author.text or ""), f"<author> without an e-mail: {author.text}"
            if not item.findall("author"):
                assert item.findtext(f"{{{DC}}}creator"), link
            description = item.findtext("description")
            content = item.findtext(f"{{{CONTENT}}}encoded")
            assert description and content, link
            assert relative_urls(description) == [], link
            assert relative_urls(content) == [], link
            assert "draft" not in link
    assert items_checked >= 12


def test_atom_feed_and_every_entry_follow_the_rules(site: Path) -> None:
    entries_checked = 0
    for path in feed_files(site):
        if path.name != "atom.xml":
            continue
        root = lxml.etree.fromstring(path.read_bytes())
        assert root.tag == f"{{{ATOM}}}feed"
        links = root.findall(f"{{{ATOM}}}link")
        assert [el.get("href") for el in links if el.get("rel") == "self"] == [feed_url(site, path)]
        assert RFC3339.match(root.findtext(f"{{{ATOM}}}updated"))
        assert root.findtext(f"{{{ATOM}}}id").startswith(BASE_URL)
        feed_author = root.find(f"{{{ATOM}}}author")
        for entry in root.findall(f"{{{ATOM}}}entry"):
            entries_checked += 1
            alternate = [el.get("href") for el in entry.findall(f"{{{ATOM}}}link") if el.get("rel", "alternate") == "alternate"]
            assert len(alternate) == 1 and page_exists(site, alternate[0])
            assert entry.findtext(f"{{{ATOM}}}id") == alternate[0]
            for name in ("updated", "published"):
                assert RFC3339.match(entry.findtext(f"{{{ATOM}}}{name}")), name
            assert feed_author is not None or entry.find(f"{{{ATOM}}}author") is not None
            content = entry.find(f"{{{ATOM}}}content")
            assert content.get("type") == "html"
            assert relative_urls(content.text) == []
            assert relative_urls(entry.findtext(f"{{{ATOM}}}summary")) == []
    assert entries_checked >= 8


def test_relative_links_in_bodies_are_made_absolute_the_right_way(site: Path) -> None:
    article = BASE_URL + "zh-hans/articles/relative-links/"
    parsed = feedparser.parse((site / "zh-hans/feed.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link == article)
    body = entry.content[0].value
    assert 'href="https://news.example.com/world/2025/other.html"' in body
    assert 'href="https://news.example.com/about/"' in body
    assert 'src="https://news.example.com/world/img/photo.jpg"' in body
    assert 'href="https://cdn.example.com/file.pdf"' in body
    assert f'href="{article}#note"' in body  # in-page: this site's article page
    no_url = next(e for e in parsed.entries if e.link.endswith("/no-url/"))
    assert "local.html" not in no_url.content[0].value
    assert "]]&gt;" in no_url.content[0].value and "]]>" in no_url.title  # survived, did not break the XML


def test_guids_do_not_change_when_a_title_is_edited_and_the_site_rebuilt(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "inputs", TRICKY_ARTICLES)
    before = build_into(inputs, tmp_path / "before")
    source = inputs / "content/2025/01/24/relative-links.md"
    source.write_text(source.read_text(encoding="utf-8").replace("title: 相对链接测试", "title: 标题改过了"), encoding="utf-8")
    after = build_into(inputs, tmp_path / "after")

    def ids(site: Path) -> dict[str, tuple[list[str], list[str]]]:
        result = {}
        for path in feed_files(site):
            parsed = feedparser.parse(path.read_bytes())
            result[path.relative_to(site).as_posix()] = ([e.id for e in parsed.entries], [e.title for e in parsed.entries])
        return result

    old, new = ids(before), ids(after)
    assert old.keys() == new.keys()
    for name in old:
        assert old[name][0] == new[name][0], name  # same guids/ids, same order
    assert "标题改过了" in new["zh-hans/feed.xml"][1] and "标题改过了" not in old["zh-hans/feed.xml"][1]
    assert "標題改過了" in new["zh-hant/atom.xml"][1]


def test_rebuilding_changes_no_byte(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "inputs", TRICKY_ARTICLES)
    assert tree(build_into(inputs, tmp_path / "one")) == tree(build_into(inputs, tmp_path / "two"))


def test_a_site_without_articles_still_has_valid_deterministic_feeds(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "inputs", with_content=False)
    first = build_into(inputs, tmp_path / "one")
    second = build_into(inputs, tmp_path / "two")
    feeds = feed_files(first)
    assert {p.relative_to(first).as_posix() for p in feeds} >= {"zh-hans/feed.xml", "zh-hans/atom.xml"}
    for path in feeds:
        # The clock must not leak in: feedgen's default dates are "now".
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0 and parsed.entries == []
        stamp = parsed.feed.get("updated_parsed")
        assert stamp is not None and datetime(*stamp[:6]).year < datetime.now().year


def test_a_renamed_article_file_moves_its_feed_links_in_an_incremental_rebuild(tmp_path: Path) -> None:
    """The same bytes under another file name: the article's URL (its slug, from
    the file name) changes, so every feed that lists it changes, with the build
    cache kept as ``serve`` keeps it exactly as without one."""
    from digest.cache import BuildCache

    inputs = make_inputs(tmp_path / "inputs", TRICKY_ARTICLES)
    source = inputs / "content/2025/01/24/relative-links.md"
    source.write_text(source.read_text(encoding="utf-8").replace("slug: relative-links\n", ""), encoding="utf-8")
    cache = BuildCache()
    build(load_config(inputs / "config.yaml", base_url=BASE_URL), tmp_path / "cached", cache)
    source.rename(source.with_name("renamed-links.md"))
    build(load_config(inputs / "config.yaml", base_url=BASE_URL), tmp_path / "cached", cache)
    clean = build_into(inputs, tmp_path / "clean")
    cached = tree(tmp_path / "cached")
    assert b"/articles/renamed-links/" in cached["zh-hans/atom.xml"]
    for name in (p.relative_to(clean).as_posix() for p in feed_files(clean)):
        assert cached[name] == (clean / name).read_bytes(), name
