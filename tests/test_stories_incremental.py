"""Regrouping with what the last grouping compared (``serve``): only the
articles changed since are compared again, and the stories and every pair's
score are exactly those of a grouping from scratch, after text, date, added
and removed articles."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from digest import stories
from digest.config import StorySettings
from digest.stories import group_stories, regroup_stories
from test_stories import inputs


def corpus() -> list[stories.StoryInput]:
    """The fixture's articles twelve times over, half a day apart, so articles
    have neighbours inside the window and outside it."""
    rng = random.Random(1)
    return [replace(item, id=f"{item.id}-{copy}", date=item.date + timedelta(hours=13 * copy + rng.random()),
                    story=item.story if not isinstance(item.story, str) else None)
            for copy in range(12) for item in inputs()]


def test_regrouping_compares_only_what_changed_and_equals_a_grouping_from_scratch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "_INCREMENTAL_SHARE", 0.5)
    compared: list[tuple[int, int]] = []
    rows_of = stories._pairs_of_rows

    def counting(windows, stamps, script, wanted, *args):  # type: ignore[no-untyped-def]
        compared.append((len(wanted), len(windows)))
        return rows_of(windows, stamps, script, wanted, *args)

    monkeypatch.setattr(stories, "_pairs_of_rows", counting)
    settings = StorySettings()
    rng = random.Random(7)
    items = corpus()
    grouped, seen = regroup_stories(items, settings)
    assert grouped == group_stories(items, settings) and seen is not None and seen.pairs
    for step in range(25):
        items = list(items)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(items))
            kind = rng.random()
            if kind < 0.6:  # new text, part of another article's
                donor = items[rng.randrange(len(items))]
                items[k] = replace(items[k], text=donor.text[: rng.randint(0, len(donor.text))] + items[k].text[:200])
            elif kind < 0.8:
                items[k] = replace(items[k], date=items[k].date + timedelta(hours=rng.uniform(-30, 30)))
            elif kind < 0.9:
                del items[k]
            else:
                items.append(replace(items[k], id=f"{items[k].id}-new{step}"))
        compared.clear()
        regrouped, again = regroup_stories(items, settings, seen=seen)
        assert compared and compared[0][0] < compared[0][1], "every article was compared again"
        compared.clear()
        fresh, scratch = regroup_stories(items, settings)
        assert compared and compared[0][0] == compared[0][1]
        assert regrouped == fresh, f"step {step}"
        assert again is not None and scratch is not None
        assert again.pairs == scratch.pairs, f"step {step}: scores differ"  # the same floats, not close ones
        seen = again


def test_changed_settings_compare_everything_again() -> None:
    items = corpus()
    _, seen = regroup_stories(items, StorySettings())
    other = StorySettings(window_hours=24)
    assert regroup_stories(items, other, seen=seen)[0] == group_stories(items, other)
