"""Issue 8: small clippings, one per kind of cleaning failure seen on real clippings.

Each folder under ``tests/clean_cases/<date>/`` holds ``input.*`` (a clipping in a
format ``build.py clean`` reads) and ``expected.txt`` (what ``clean`` must print: one
paragraph, caption or list item a line).  The cases are invented; the folder's README
names the failure kind and the general mechanism that handles it.  Each case runs
through the same function ``build.py clean`` and the build use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.cli_clippings import clean_clipping
from digest.clipping import read_clipping

CASES = sorted(p for p in (Path(__file__).parent / "clean_cases").glob("*/*") if p.is_dir())

# Cases in languages the cleaner has no rules for (the digest's editions are Chinese; its
# rules cover Chinese and English): kept so that they show when that changes.
OUTSIDE_LANGUAGES = {
    "2026-12-07c/markdown-with-html-blocks-read-as-html-93": "a Spanish page's ad marker, newsletter box and tag line",
    "2026-12-07c/tail-after-end-marker-93": "a German page's newsletter prompt and writer's box",
}


# Cases left failing, each for a reason its folder's README gives: labels that drop what the
# corpora keep, or a shape whose only catch took article text elsewhere.
LEFT_ALONE = {
    "2026-12-07e/appended-other-article-101": "the writer's credit 撰文：… the labels drop (bylines stay in the corpora)",
    "2026-12-07e/punctuation-only-body-fragment-103": "the writer's credit 撰文：… the labels drop",
    "2026-12-07e/related-gallery-of-captions-101": "a date with the page's section after it; the catch took bylines",
    "2026-12-07e/self-promo-box-in-sentences-101": "a column's slogan that never names its column",
    "2026-12-07e/markdown-with-html-blocks-read-as-html-101": "an app promo that says 'open' (打开…App), a how-to's step too",
    "2026-12-07e/self-promo-box-in-sentences-103": "a pasted text whose first line is no headline",
}


def test_cases_are_there() -> None:
    assert len(CASES) >= 11
    for case in CASES:
        assert len(list(case.glob("input.*"))) == 1 and (case / "expected.txt").is_file(), case


def _marked(case: Path) -> object:
    name = f"{case.parent.name}/{case.name}"
    reason = OUTSIDE_LANGUAGES.get(name) or LEFT_ALONE.get(name)
    return pytest.param(case, id=name, marks=pytest.mark.xfail(reason=reason, strict=True) if reason else ())


def test_cases_outside_the_languages_exist() -> None:
    assert all((Path(__file__).parent / "clean_cases" / name).is_dir() for name in [*OUTSIDE_LANGUAGES, *LEFT_ALONE])


@pytest.mark.parametrize("case", [_marked(p) for p in CASES])
def test_case_cleans_to_expected(case: Path) -> None:
    clip = read_clipping(next(case.glob("input.*")))
    output, removed, _ = clean_clipping(clip)
    expected = [ln for ln in (case / "expected.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    got = [ln for ln in output if ln.strip()]
    kept_junk = [ln for ln in got if ln not in expected]
    lost = [ln for ln in expected if ln not in got]
    assert got == expected, f"kept junk: {kept_junk}\nlost text: {lost}\nremoved: {removed}"
    # every removal names its rule
    assert all(rule for rule, _ in removed)
