"""Readers find their way, in a real browser (Playwright driving Debian's Chromium).

Two sites, each built through the command line for a GitHub Pages project site
(``https://example.github.io/digest/``) and served by ``http.server`` below
``digest/``, so a URL that assumes ``/`` fails:

* the 1,000-article benchmark site made by ``bench/prepare_site.py`` from the
  shared corpus generator, plus four marker articles whose words occur nowhere
  else (软银/軟銀 and the regional pair 出租车/計程車, written once in each
  script): a query in either script, on either edition, returns exactly the
  marker articles; 人工智能 and 人工智慧 return the same articles on each edition;
  the outlet and tag filters narrow the results; and a reader clicks through
  tag, outlet, archive and article pages;
* the repository's demo content.

axe-core (the npm package, installed by ``make test`` into ``.cache/axe``) runs
on every page type of both editions in light and dark colour schemes, at
desktop and mobile sizes: no violation of impact serious or critical.

Every request to another host is aborted and recorded: the site must work
offline and never ask for one (article images are hot-linked from the news
hosts; those requests are the only ones allowed to be attempted).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import REPO, copy_site
from digest.cli import main as cli_main
from digest.search import shard_of
from serve_harness import BROWSER_GONE, CHROMIUM, CHROMIUM_ARGS

CORPUS = Path(os.environ.get("DIGEST_BENCH_CORPUS", REPO.parent / "shared" / "bench" / "make_corpus.py"))
AXE = REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BASE_URL = "https://example.github.io/digest/"
ARTICLES = 1000

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    ),
    # Once more, with a browser of its own, only when the browser itself went away
    # (the hang guard killed it, or it crashed); a wrong page never reruns.
    pytest.mark.flaky(reruns=1, only_rerun=BROWSER_GONE),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

# Marker articles: (slug, lang, title, body). Their key words occur in no
# generated article, so the expected results are exactly these.
MARKERS = [
    ("marker-softbank-hans", "zh-Hans", "软银宣布新一轮投资", "软银集团周二表示，将向人工智能基础设施追加投资。"),
    ("marker-softbank-hant", "zh-Hant", "軟銀股價再漲", "軟銀的股價週四再漲約百分之六，市場關注人工智慧投資。"),
    ("marker-taxi-hans", "zh-Hans", "城市出租车改用电动车", "多座城市的出租车公司宣布，明年起全面改用电动车。"),
    ("marker-taxi-hant", "zh-Hant", "計程車業者迎來新規", "交通部公布計程車新規，業者表示歡迎。"),
]
# Converted character by character (通讯社 would become 通信社 through tw2sp's phrases).
MARKER_OUTLET = {"zh-Hans": "测试新闻社", "zh-Hant": "測試新聞社"}


@dataclass(frozen=True)
class Served:
    root: str  # http://127.0.0.1:PORT/digest/
    site: Path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve_below_digest(site_root: Path) -> Iterator[Served]:
    """Build ``site_root`` (a folder with config.yaml) for BASE_URL and serve it under /digest/."""
    docroot = site_root / "docroot"
    out = docroot / "digest"
    status = cli_main(["--config", str(site_root / "config.yaml"), "build", "--out", str(out), "--base-url", BASE_URL])
    assert status == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(docroot)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}/digest/", out)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def write_markers(content: Path) -> None:
    folder = content / "2025" / "06" / "15"
    folder.mkdir(parents=True, exist_ok=True)
    for hour, (slug, lang, title, body) in enumerate(MARKERS, start=8):
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: \"{title}\"\ndate: 2025-06-15T{hour:02d}:00:00+08:00\nsource: \"{MARKER_OUTLET[lang]}\"\n"
            f"url: https://news.example.com/{slug}\nlang: {lang}\ntags:\n  - 测试标记\nslug: {slug}\n---\n\n{body}\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if not CORPUS.is_file():
        pytest.skip(f"the shared corpus generator is not at {CORPUS} (../shared/bench/make_corpus.py beside the repo)")
    import importlib.util

    spec = importlib.util.spec_from_file_location("prepare_site", REPO / "bench" / "prepare_site.py")
    assert spec and spec.loader
    prepare_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(prepare_site)
    root = prepare_site.prepare(ARTICLES, tmp_path_factory.mktemp("big") / "site", CORPUS)
    write_markers(root / "content")
    yield from serve_below_digest(root)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_below_digest(copy_site(REPO, tmp_path_factory.mktemp("demo") / "site"))


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Offline:
    """A browser context that lets through only this machine's server and
    records every other request it aborted, and every script error."""

    def __init__(self, browser: Browser, **options: object) -> None:
        self.context: BrowserContext = browser.new_context(**options)
        self.foreign: list[str] = []
        self.errors: list[str] = []

        def route(route: object) -> None:
            url = route.request.url  # type: ignore[attr-defined]
            if url.startswith("http://127.0.0.1:"):
                route.continue_()  # type: ignore[attr-defined]
            else:
                # Article images are hot-linked from the outlets by design; anything
                # else from another host (scripts, styles, fonts, index files) is a bug.
                if route.request.resource_type != "image":  # type: ignore[attr-defined]
                    self.foreign.append(url)
                route.abort()  # type: ignore[attr-defined]

        self.context.route("**/*", route)

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        return page

    def close(self) -> None:
        self.context.close()


def search(page: Page, served: Served, prefix: str, query: str, **filters: str) -> list[str]:
    """Open the edition's search page as a link would, wait for the answer and
    return the article slugs of every result (loading all of them)."""
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{served.root}{prefix}/search/?{params}")
    page.wait_for_selector("body[data-search-done]", timeout=30_000)
    while page.locator("#search-more").is_visible():
        before = page.locator("#search-results > li").count()
        page.click("#search-more")
        expect(page.locator("#search-results > li")).not_to_have_count(before)
    hrefs = page.eval_on_selector_all("#search-results h2 a", "links => links.map(a => a.getAttribute('href'))")
    assert page.locator("#search-results > li").count() == int(page.get_attribute("body", "data-search-done"))
    for href in hrefs:
        assert href.startswith(f"/digest/{prefix}/articles/"), href
    return sorted(h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs)


def test_a_query_in_either_script_finds_articles_of_both_scripts_on_both_editions(browser: Browser, big_site: Served) -> None:
    session = Offline(browser)
    page = session.page()
    softbank = ["marker-softbank-hans", "marker-softbank-hant"]
    taxi = ["marker-taxi-hans", "marker-taxi-hant"]
    try:
        for prefix in ("zh-hans", "zh-hant"):
            for query in ("软银", "軟銀"):
                assert search(page, big_site, prefix, query) == softbank, (prefix, query)
            # A regional word, not a character variant: 出租车 (mainland) is 計程車 in Taiwan.
            for query in ("出租车", "計程車"):
                assert search(page, big_site, prefix, query) == taxi, (prefix, query)
            simplified, traditional = search(page, big_site, prefix, "人工智能"), search(page, big_site, prefix, "人工智慧")
            assert simplified == traditional and len(simplified) > 100, prefix
            assert {"marker-softbank-hans", "marker-softbank-hant"} <= set(simplified)
        # The search box in the header leads there, the query kept in the URL.
        page.goto(big_site.root + "zh-hant/")
        page.fill("#site-search-q", "软银")
        page.press("#site-search-q", "Enter")
        page.wait_for_selector("body[data-search-done]", timeout=30_000)
        assert "/digest/zh-hant/search/?q=" in page.url and page.input_value("#search-q") == "软银"
        assert page.locator("#search-results > li").count() == 2
        expect(page.locator("#search-status")).to_contain_text("軟銀")  # says which spelling it searched
    finally:
        session.close()
    assert session.errors == [] and session.foreign == []


def test_a_search_asks_every_shard_of_the_index(browser: Browser, big_site: Served) -> None:
    """The index comes in shards (digest/search.py): results and filter counts
    come from all of them, merged by Pagefind's mergeIndex."""
    session = Offline(browser)
    page = session.page()
    try:
        for prefix in ("zh-hans", "zh-hant"):
            shards = json.loads((big_site.site / prefix / "pagefind" / "shards.json").read_text(encoding="utf-8"))
            assert len(shards) >= 2, shards
            found = search(page, big_site, prefix, "人工智能")
            assert {shard_of(slug, len(shards)) for slug in found} == set(range(len(shards))), prefix
            # Each article has one outlet: the merged counts add up to every article of every shard.
            labels = page.eval_on_selector_all("#search-outlet option", "o => o.map(x => x.textContent)")
            counts = [int(m.group(1)) for m in (re.search(r"\((\d+)\)$", label) for label in labels) if m]
            assert sum(counts) == len(list((big_site.site / prefix / "articles").glob("*/index.html"))), prefix
    finally:
        session.close()
    assert session.errors == [] and session.foreign == []


def test_filters_by_outlet_and_tag(browser: Browser, big_site: Served) -> None:
    session = Offline(browser)
    page = session.page()
    try:
        everything = search(page, big_site, "zh-hant", "人工智慧")
        only_markers = search(page, big_site, "zh-hant", "人工智慧", outlet=MARKER_OUTLET["zh-Hant"])
        assert only_markers == ["marker-softbank-hans", "marker-softbank-hant"] and len(everything) > len(only_markers)
        assert search(page, big_site, "zh-hans", "", tag="测试标记") == sorted(slug for slug, *_ in MARKERS)
        # The filter lists come from the index, in the edition's script.
        options = page.eval_on_selector_all("#search-tag option", "o => o.map(x => x.value)")
        assert "测试标记" in options and "測試標記" not in options
        page.select_option("#search-outlet", MARKER_OUTLET["zh-Hans"])  # choosing a filter searches again
        page.wait_for_url(re.compile(r"outlet="))
        page.wait_for_selector("body[data-search-done]", timeout=30_000)
        assert page.locator("#search-results > li").count() == 4
    finally:
        session.close()
    assert session.errors == [] and session.foreign == []


def test_click_through_tag_outlet_archive_and_article_pages_under_the_subpath(browser: Browser, big_site: Served) -> None:
    session = Offline(browser)
    page = session.page()
    visited: list[str] = []
    page.on("response", lambda r: visited.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        page.goto(big_site.root + "zh-hant/")
        page.get_by_role("navigation", name="網站導覽").get_by_role("link", name="標籤").click()
        expect(page.locator("h1")).to_have_text("全部標籤")
        page.locator(".names a").first.click()  # the tag with most articles: paginated
        expect(page.locator("h1")).to_contain_text("標籤：")
        tag_heading = page.locator("h1").inner_text()
        page.locator(".pager a[rel=next]").click()
        assert re.search(r"/digest/zh-hant/tags/[a-z0-9-]+/page/2/$", page.url), page.url
        expect(page.locator("h1")).to_have_text(tag_heading)
        page.locator(".digest h3 a").first.click()
        assert "/digest/zh-hant/articles/" in page.url
        assert tag_heading.split("：", 1)[1] in page.locator(".story .tags").inner_text()
        outlet = page.locator(".story .meta .source a")
        outlet_name = outlet.inner_text()
        outlet.click()
        expect(page.locator("h1")).to_have_text(f"媒體：{outlet_name}")
        assert "/digest/zh-hant/outlets/" in page.url
        page.get_by_role("link", name="往期文章").first.click()
        page.locator(".months a").nth(1).click()
        month_url = page.url
        assert re.search(r"/digest/zh-hant/archive/\d{4}/\d{2}/$", month_url)
        page.locator(".pager a[rel=next]").click()  # the newer month
        page.locator(".pager a[rel=prev]").click()  # and back
        assert page.url == month_url
        page.locator(".day").first.locator("h3 a").first.click()
        first = page.url
        page.locator(".day-nav a[rel=prev]").click()  # the previous article of the same day
        assert page.url != first and "/digest/zh-hant/articles/" in page.url
        page.locator(".day-nav a[rel=next]").click()
        assert page.url == first
        page.locator("a.switch").first.click()  # the same article in the other edition
        assert page.url == first.replace("/zh-hant/", "/zh-hans/")
        expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    finally:
        session.close()
    assert visited == [] and session.errors == [] and session.foreign == []


# --- accessibility -------------------------------------------------------------------

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}


def page_types(served: Served) -> dict[str, str]:
    """One URL (below the served root) of every page type, in both editions."""
    def first(pattern: str) -> str:
        found = sorted(served.site.glob(pattern))
        assert found, pattern
        return found[0].parent.relative_to(served.site).as_posix() + "/"

    urls = {"root": "", "404": "404.html"}
    for prefix in ("zh-hans", "zh-hant"):
        urls |= {
            f"{prefix} home": f"{prefix}/",
            f"{prefix} archive": f"{prefix}/archive/",
            f"{prefix} month": first(f"{prefix}/archive/*/*/index.html"),
            f"{prefix} article": first(f"{prefix}/articles/*/index.html"),
            f"{prefix} tags": f"{prefix}/tags/",
            f"{prefix} tag": first(f"{prefix}/tags/*/index.html"),
            f"{prefix} outlets": f"{prefix}/outlets/",
            f"{prefix} outlet": first(f"{prefix}/outlets/*/index.html"),
            f"{prefix} search": f"{prefix}/search/?q=" + quote("人工智能"),
        }
    return urls


def axe_problems(browser: Browser, served: Served) -> tuple[list[str], int]:
    problems: list[str] = []
    checked = 0
    for scheme in ("light", "dark"):
        for size, viewport in VIEWPORTS.items():
            session = Offline(browser, viewport=viewport, color_scheme=scheme, is_mobile=size == "mobile",
                              has_touch=size == "mobile")
            page = session.page()
            try:
                for name, path in page_types(served).items():
                    page.goto(served.root + path)
                    if "search" in name:
                        page.wait_for_selector("body[data-search-done]", timeout=30_000)
                    page.add_script_tag(path=str(AXE))
                    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
                    checked += 1
                    for violation in result["violations"]:
                        if violation["impact"] in ("serious", "critical"):
                            nodes = [" ".join(n["target"]) for n in violation["nodes"][:3]]
                            problems.append(f"{name} [{scheme}, {size}]: {violation['id']} ({violation['impact']}) at {nodes}")
                assert session.errors == [], session.errors
            finally:
                session.close()
    return problems, checked


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed at {AXE}: run `make test` (it installs the pinned npm package)")
def test_axe_finds_no_serious_problem_on_the_demo_site(browser: Browser, demo_site: Served) -> None:
    problems, checked = axe_problems(browser, demo_site)
    assert checked == 4 * len(page_types(demo_site))
    assert problems == []


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed at {AXE}: run `make test` (it installs the pinned npm package)")
def test_axe_finds_no_serious_problem_on_the_1000_article_site(browser: Browser, big_site: Served) -> None:
    problems, checked = axe_problems(browser, big_site)
    assert checked == 4 * len(page_types(big_site))
    assert problems == []


def test_every_page_has_landmarks_one_h1_alt_text_and_no_empty_link(demo_site: Served) -> None:
    """The same promises checked on the built HTML of every page, without a browser."""
    import lxml.html

    pages = sorted(demo_site.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        doc = lxml.html.parse(str(path)).getroot()
        where = path.relative_to(demo_site.site).as_posix()
        assert len(doc.xpath("//h1")) == 1, where
        assert len(doc.xpath("//main")) == 1 and doc.xpath("//header") and doc.xpath("//nav"), where
        assert doc.xpath("//a[@class='skip-link' and @href='#main']") and doc.xpath("//main[@id='main']"), where
        for img in doc.xpath("//img"):
            assert img.get("alt") is not None, (where, img.get("src"))
            if img.get("alt") == "":
                figure = img.getparent()
                assert figure.tag != "figure" or figure.xpath("figcaption"), where
        for link in doc.xpath("//a"):
            assert link.get("href"), (where, lxml.html.tostring(link))
            assert link.text_content().strip() or link.get("aria-label"), (where, lxml.html.tostring(link))
