"""``build.py serve`` in a real browser (Playwright driving Debian's headless
Chromium): pages update by themselves after a save, with no reload by hand, in both
editions at once, after an article or a template edit; a broken file shows an
overlay on every open page, and fixing it clears the overlay."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, copy_site
from serve_harness import BROWSER_GONE, CHROMIUM, CHROMIUM_ARGS, ServeProcess, set_base_url, write_atomically

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"browser tests skipped: no Chromium at {CHROMIUM}; install Debian's chromium "
               "(make chromium) or set DIGEST_CHROMIUM=/path/to/chromium",
    ),
    # Once more, with a browser of its own, only when the browser itself went away
    # (the hang guard killed it, or it crashed); a wrong page never reruns.
    pytest.mark.flaky(reruns=1, only_rerun=BROWSER_GONE),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

# A generous bound so a loaded machine cannot fail the test: the latency itself
# is measured by bench/serve_latency.py, never asserted here.
WITHIN_MS = 20000
OVERLAY = "#__digest_build_error"


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    # The demo articles embed images from news hosts; this machine has no
    # network, and a hanging image request would only slow the page down.
    ctx.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    try:
        yield ctx
    finally:
        ctx.close()


class Preview:
    """A served private copy of the demo site and one of its articles, found by a
    marker written into it before the first build (so no slug rule is assumed)."""

    def __init__(self, root: Path) -> None:
        copy_site(REPO, root)
        set_base_url(root, "https://example.github.io/digest/")
        self.root = root
        self.article = sorted((root / "content").rglob("*.md"))[0]
        text = self.article.read_text(encoding="utf-8")
        body_at = text.index("\n---\n", 3) + 5
        self._head, self._body = text[:body_at], text[body_at:]
        self.marker = f"FIND-ME-{uuid.uuid4().hex[:8]}"
        self.original = self.with_lead(self.marker)
        self.article.write_text(self.original, encoding="utf-8")
        self.server = ServeProcess(root)
        site = root / "site"
        self.urls: dict[str, str] = {}
        for prefix in ("zh-hans", "zh-hant"):
            found = [p for p in (site / prefix / "articles").glob("*/index.html") if self.marker in p.read_text(encoding="utf-8")]
            assert len(found) == 1, f"the marked article is not in the {prefix} edition exactly once"
            self.urls[prefix] = self.server.url + found[0].parent.relative_to(site).as_posix() + "/"

    def with_lead(self, marker: str) -> str:
        """The article with a first paragraph carrying ``marker``: a whole
        sentence at the top, where the cleaning stage keeps it (it trims short
        trailing lines as scraped junk)."""
        return f"{self._head}<p>实时预览测试：{marker} 这段文字用来检验实时预览，软件发布后页面应当自动更新。</p>\n\n{self._body}"

    def convert(self, text: str, code: str) -> str:
        """``text`` in edition ``code``'s script, through this site's ``build.py convert``."""
        done = subprocess.run(
            [sys.executable, str(REPO / "build.py"), "--config", str(self.root / "config.yaml"), "convert", "--to", code],
            input=text, capture_output=True, text=True, encoding="utf-8", check=True,
        )
        converted = done.stdout.strip()
        assert converted and converted != text, "the zh-Hant edition must not show the Simplified text"
        return converted

    def open(self, context: BrowserContext, prefix: str) -> Page:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors  # type: ignore[attr-defined]
        page.goto(self.urls[prefix])
        expect(page.locator("body")).to_contain_text(self.marker)
        # No need to wait for its live-reload link: a page stamped with an older
        # build than the server's reloads as soon as the link comes up.
        return page


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    p = Preview(tmp_path / "site")
    try:
        yield p
    finally:
        assert p.server.stop() == 0


def expect_text_soon(pages: list[Page], text: str, started: float) -> None:
    """Every page shows ``text`` no later than WITHIN_MS after ``started``."""
    for page in pages:
        left = WITHIN_MS - (time.monotonic() - started) * 1000
        expect(page.locator("body")).to_contain_text(text, timeout=max(left, 1))


def test_article_edit_shows_in_both_editions_by_itself(preview: Preview, context: BrowserContext) -> None:
    hans, hant = preview.open(context, "zh-hans"), preview.open(context, "zh-hant")
    marker = f"EDIT-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    write_atomically(preview.article, preview.with_lead(marker))
    expect_text_soon([hans, hant], marker, started)
    # Each edition got its own script, not a copy: the zh-Hant page shows the
    # sentence as `build.py convert` (the build's own converter) renders it.
    sentence = "这段文字用来检验实时预览，软件发布后"
    expect(hans.locator("body")).to_contain_text(f"{marker} {sentence}")
    expect(hant.locator("body")).to_contain_text(f"{marker} {preview.convert(sentence, 'zh-Hant')}")
    assert hans.errors == hant.errors == []  # type: ignore[attr-defined]


def test_template_edit_shows_by_itself(preview: Preview, context: BrowserContext) -> None:
    hans, hant = preview.open(context, "zh-hans"), preview.open(context, "zh-hant")
    template = preview.root / "templates" / "article.html"
    marker = f"TEMPLATE-{uuid.uuid4().hex[:8]}"
    text = template.read_text(encoding="utf-8")
    assert "{% block main %}" in text
    started = time.monotonic()
    write_atomically(template, text.replace("{% block main %}", f'{{% block main %}}<p id="tpl-mark">{marker}</p>', 1))
    expect_text_soon([hans, hant], marker, started)
    expect(hant.locator("#tpl-mark")).to_have_text(marker)


def test_broken_frontmatter_shows_an_overlay_until_fixed(preview: Preview, context: BrowserContext) -> None:
    hans, hant = preview.open(context, "zh-hans"), preview.open(context, "zh-hant")
    rel = preview.article.relative_to(preview.root).as_posix()
    errors_at = preview.server.mark("stderr")

    started = time.monotonic()
    write_atomically(preview.article, preview.original.replace("\ntitle:", "\ntitle: [never closed", 1))
    for page in (hans, hant):
        left = WITHIN_MS - (time.monotonic() - started) * 1000
        expect(page.locator(OVERLAY)).to_be_visible(timeout=max(left, 1))
        expect(page.locator(OVERLAY)).to_contain_text(re.compile(rf"{re.escape(rel)}:\d+: "))
    shown = hans.locator(OVERLAY).inner_text()
    line = re.search(rf"{re.escape(rel)}:\d+: .*", shown).group(0)  # type: ignore[union-attr]
    # The terminal printed the very same `path:line: reason`.
    preview.server.wait_for(re.escape(line.strip()), stream="stderr", since=errors_at)
    expect(hans.locator("body")).to_contain_text(preview.marker)  # the last good page stays under it

    marker = f"FIXED-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    write_atomically(preview.article, preview.with_lead(marker))
    for page in (hans, hant):
        left = WITHIN_MS - (time.monotonic() - started) * 1000
        expect(page.locator(OVERLAY)).to_have_count(0, timeout=max(left, 1))
        expect(page.locator("body")).to_contain_text(marker, timeout=max(left, 1))
    assert hans.errors == hant.errors == []  # type: ignore[attr-defined]


def test_more_tabs_than_the_browser_allows_connections_all_reload(preview: Preview, context: BrowserContext) -> None:
    """Chromium allows six HTTP/1.1 connections per host: one event stream per tab
    would stall the seventh tab. All tabs share one stream through a SharedWorker."""
    pages = [preview.open(context, ("zh-hans", "zh-hant")[i % 2]) for i in range(8)]
    marker = f"MANY-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    write_atomically(preview.article, preview.with_lead(marker))
    expect_text_soon(pages, marker, started)


def test_reloads_without_shared_workers_too(preview: Preview, context: BrowserContext) -> None:
    context.add_init_script("delete window.SharedWorker")
    page = preview.open(context, "zh-hans")
    assert page.evaluate("typeof SharedWorker") == "undefined"
    marker = f"PLAIN-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    write_atomically(preview.article, preview.with_lead(marker))
    expect_text_soon([page], marker, started)
