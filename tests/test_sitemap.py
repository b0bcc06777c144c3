"""sitemap.xml and robots.txt describe the built site exactly.

In: the demo site built with a project-site base URL (``/digest/``) and with a
root base URL. Out: assertions that the sitemap lists every page (and nothing
else) by absolute URL, that every hreflang pair names two existing pages which
name each other back — in the sitemap and in the pages' own HTML heads — and
that robots.txt points at the sitemap; rebuilding changes no byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import escape, quoteattr

import lxml.etree
import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import site_part
from digest import sitemap
from digest.config import load_config
from digest.pipeline import build

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("config.yaml", "content", "templates", "static")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def build_demo(work: Path, base_url: str, out_name: str = "site") -> Path:
    inputs = work / "inputs"
    if not inputs.exists():
        inputs.mkdir(parents=True)
        for part in SITE_PARTS:
            src = site_part(REPO, part)
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, inputs / part)
    out = work / out_name
    build(load_config(inputs / "config.yaml", base_url=base_url), out_dir=out)
    return out


def read_sitemap(site: Path) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href}; also checks the XML is well formed and namespaced."""
    root = lxml.etree.fromstring((site / "sitemap.xml").read_bytes())
    assert root.tag == f"{SM}urlset"
    entries: dict[str, dict[str, str]] = {}
    for url in root.iter(f"{SM}url"):
        loc = url.findtext(f"{SM}loc")
        assert loc not in entries, f"{loc} listed twice"
        links = url.findall(f"{XHTML}link")
        assert all(link.get("rel") == "alternate" for link in links)
        entries[loc] = {link.get("hreflang"): link.get("href") for link in links}
        assert len(entries[loc]) == len(links), f"{loc}: an hreflang given twice"
    return entries


@pytest.fixture(scope="module", params=["https://example.github.io/digest/", "https://example.org/"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    return request.param, build_demo(tmp_path_factory.mktemp("sitemap"), request.param)


def file_for(base_url: str, site: Path, url: str) -> Path:
    assert url.startswith(base_url), url
    rel = unquote(url[len(base_url):])
    return site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def head_alternates(page: Path, base_url: str) -> dict[str, str]:
    doc = lxml.html.document_fromstring(page.read_bytes())
    return {el.get("hreflang"): el.get("href") for el in doc.iter("link")
            if el.get("rel") == "alternate" and el.get("hreflang") and not el.get("type")}


def test_sitemap_lists_every_page_and_nothing_else(built: tuple[str, Path]) -> None:
    base_url, site = built
    entries = read_sitemap(site)
    listed = {file_for(base_url, site, loc) for loc in entries}
    pages = {p for p in site.rglob("*.html")} - {site / "404.html"}
    assert listed == pages
    assert len(pages) >= 7  # root, two edition homes, two articles in two scripts


def test_every_page_has_alternates_for_both_editions(built: tuple[str, Path]) -> None:
    base_url, site = built
    for loc, alternates in read_sitemap(site).items():
        assert {"zh-Hans", "zh-Hant", "x-default"} <= alternates.keys(), loc
        assert loc in alternates.values(), f"{loc} does not list itself among its alternates"


def test_every_hreflang_pair_points_at_two_pages_that_point_back(built: tuple[str, Path]) -> None:
    base_url, site = built
    entries = read_sitemap(site)
    pairs = 0
    for loc, alternates in entries.items():
        own_langs = {lang for lang, href in alternates.items() if href == loc}
        for lang, href in alternates.items():
            pairs += 1
            assert href in entries, f"{loc} -> {lang} {href}: not in the sitemap"
            assert file_for(base_url, site, href).is_file(), f"{loc} -> {lang} {href}: no such page"
            assert file_for(base_url, site, loc).is_file()
            # The target names this page back under one of this page's own languages.
            back = {entries[href].get(own) for own in own_langs}
            assert loc in back, f"{href} does not point back at {loc}"
    assert pairs >= 21


def test_sitemap_agrees_with_the_html_heads(built: tuple[str, Path]) -> None:
    base_url, site = built
    for loc, alternates in read_sitemap(site).items():
        assert head_alternates(file_for(base_url, site, loc), base_url) == alternates, loc


def test_robots_txt_points_at_the_sitemap(built: tuple[str, Path]) -> None:
    base_url, site = built
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {base_url}sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)


def test_sitemap_is_deterministic_and_dated_by_the_articles(tmp_path: Path) -> None:
    one = build_demo(tmp_path, "https://example.github.io/digest/", "one")
    two = build_demo(tmp_path, "https://example.github.io/digest/", "two")
    assert (one / "sitemap.xml").read_bytes() == (two / "sitemap.xml").read_bytes()
    assert (one / "robots.txt").read_bytes() == (two / "robots.txt").read_bytes()
    lastmods = [el.text for el in lxml.etree.fromstring((one / "sitemap.xml").read_bytes()).iter(f"{SM}lastmod")]
    assert lastmods and all(text.startswith("2025-01-23T") for text in lastmods)  # the demo articles' day


@given(st.text(alphabet=st.sampled_from("ab/:?=%-_.&<>\"'\n\r\t 中")))
def test_fast_escaping_writes_what_saxutils_writes(value: str) -> None:
    # The sitemap writes a value without special characters as it is; any
    # value must come out as xml.sax.saxutils would write it.
    assert sitemap._text(value) == escape(value)
    assert sitemap._attr(value) == quoteattr(value)
