"""An attacker controls one clipped article: no script of theirs may run.

Every vector of tests/xss_vectors.py goes into every field a content file has
(title, summary, tags, source, rights, url where it passes validation) and into
the body in every format (Markdown, HTML, text, none declared); the site title and
description carry vectors too. The site is built once; then

* every HTML page of both editions (articles, front pages, archive, months, root,
  404) is opened in Debian's Chromium with ``alert`` and a payload function
  replaced by a recorder, and its parsed DOM is searched for live markup;
* every feed item's HTML fields are parsed as HTML (html5lib) for handlers,
  scripts and script URLs, and its plain-text fields for any markup at all.

A canary page with a known live payload proves the recorder and the probes work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from serve_harness import CHROMIUM
from xss_harness import (
    XSS_CHROMIUM_ARGS, Registry, _live_in_html, _markup_in_text, browser_hits, build, feed_hits, make_site, tally, tried,
)

CANARY_ID = 99999


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Registry]]:
    root = tmp_path_factory.mktemp("xss")
    reg = make_site(root)
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    yield root / "site", reg  # pytest keeps only its last few temporary folders


def test_every_injection_point_gets_at_least_150_vectors(built: tuple[Path, Registry]) -> None:
    _, reg = built
    counts = tried(reg)
    for field in ("title", "summary", "tags", "source", "rights", "body"):
        assert len({c.vector for c in reg.cases if c.field == field}) >= 150, (field, counts)
    for variant in ("md", "html", "text", "none"):
        assert len({c.vector for c in reg.cases if c.field == "body" and c.variant == variant}) >= 150, variant
    assert len({c.vector for c in reg.cases if c.field == "url"}) >= 150, counts


def test_feed_checks_can_see_live_markup() -> None:
    assert _live_in_html(f'<p><img src="x" alt="a" onerror="__x({CANARY_ID})" y="') == [CANARY_ID]
    assert _live_in_html(f'<a href=" java\tscript:__x({CANARY_ID})">a</a>') == [CANARY_ID]
    assert _live_in_html(f"&lt;img src=x onerror=__x({CANARY_ID})&gt;") == []
    assert _markup_in_text(f"<b>__x({CANARY_ID})</b>") == [CANARY_ID]
    assert _markup_in_text(f"&lt;b&gt;__x({CANARY_ID})") == []


def test_feeds_carry_no_live_markup(built: tuple[Path, Registry]) -> None:
    site, reg = built
    live, markup, items = feed_hits(site)
    assert items >= len({c.vector for c in reg.cases if c.field == "body"}) * 4 * 2  # every article, both editions
    assert tally(reg, live) == {}, "live markup in content:encoded / Atom content"
    assert tally(reg, markup) == {}, "markup in a plain-text feed field"


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium")
def test_no_vector_runs_in_any_page(built: tuple[Path, Registry]) -> None:
    site, reg = built
    (site / "zz-canary.html").write_text(
        f'<!doctype html><p><img src="https://img.invalid/x.png" onerror="__x({CANARY_ID})"></p>', encoding="utf-8")
    try:
        ran, live, pages = browser_hits(site, CHROMIUM, XSS_CHROMIUM_ARGS)
    finally:
        (site / "zz-canary.html").unlink()
    kinds = Counter(p.relative_to(site).parts[1] if len(p.relative_to(site).parts) > 2 else p.name
                    for p in site.rglob("*.html"))
    assert kinds["articles"] == 2 * len({(c.vector, c.variant) for c in reg.cases if c.field == "body"})
    assert kinds["archive"] >= 2 * 3 and kinds["index.html"] >= 1 and kinds["404.html"] == 1
    assert pages == sum(kinds.values()) + 1
    # The recorder and the DOM probe work: the canary's payload ran and was seen.
    assert ran.pop(CANARY_ID, 0) >= 1 and live.pop(CANARY_ID, 0) >= 1
    assert tally(reg, ran) == {}, "script ran"
    assert tally(reg, live) == {}, "live markup in a page"
