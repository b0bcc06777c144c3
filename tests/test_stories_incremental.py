"""Regrouping with the pairs an earlier grouping scored (``serve``'s memory
cache, ``build``'s disk cache): only the time units holding a changed article
are scored again, and the stories and every pair's score are exactly those of a
grouping from scratch, after text, date, added and removed articles."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from digest import stories
from digest.cache import BuildCache
from digest.config import StorySettings
from digest.stories import group_stories
from test_stories import inputs


def corpus() -> list[stories.StoryInput]:
    """The fixture's articles twelve times over, half a day apart, so articles
    have neighbours inside the window and outside it."""
    rng = random.Random(1)
    return [replace(item, id=f"{item.id}-{copy}", date=item.date + timedelta(hours=13 * copy + rng.random()),
                    story=item.story if not isinstance(item.story, str) else None)
            for copy in range(12) for item in inputs()]


def test_regrouping_scores_only_what_changed_and_equals_a_grouping_from_scratch(monkeypatch: pytest.MonkeyPatch) -> None:
    scored: list[stories.ScoredPairs] = []
    similar = stories._similar_pairs

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        scored.append(similar(*args, **kwargs))
        return scored[-1]

    monkeypatch.setattr(stories, "_similar_pairs", recording)
    settings = StorySettings(window_hours=24)
    rng = random.Random(7)
    items = corpus()
    cache = BuildCache()
    assert group_stories(items, settings, memo=cache) == group_stories(items, settings)
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
        hits = cache.hits["story-pairs"]
        scored.clear()
        regrouped = group_stories(items, settings, memo=cache)
        assert cache.hits["story-pairs"] > hits, f"step {step}: every unit was scored again"
        fresh = group_stories(items, settings)
        assert regrouped == fresh, f"step {step}"
        assert scored[0] == scored[1], f"step {step}: scores differ"  # the same floats, not close ones
        cache.sweep()


def test_changed_settings_score_everything_again() -> None:
    items = corpus()
    cache = BuildCache()
    group_stories(items, StorySettings(), memo=cache)
    other = StorySettings(window_hours=24)
    assert group_stories(items, other, memo=cache) == group_stories(items, other)
    assert cache.hits["story-pairs"] == 0
