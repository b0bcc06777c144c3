"""Issue 13: fast single linkage gives exactly the merges of the rule written out plainly.

* Through a heap (``_link``): the plain rule, rescan every pair of groups and
  merge the best allowed one (ties: smallest roots), again and again.
* As the build groups (``_single_link``): Kruskal's order, every pair from the
  best down (ties: by the pair's articles), merging when allowed, with an
  array pass that drops hopeless pairs a block at a time. It differs from the
  rescan only in which of two tied merges comes first when the window then
  refuses the other (15 of the 400 random components here).

The plain rules cost (merges x pairs) or (pairs x articles): hours on a
10,000-article site where every article links to some other. The fast versions
must not change a single story, so they are checked against the rules written out
here, on random components with curator keys, ``story: false`` articles, ties and
a window.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from digest import stories
from digest.stories import ScoredPairs, StoryInput

START = datetime(2025, 3, 1, tzinfo=timezone.utc)


def plain_single_link(items: list[StoryInput], component: list[int], pairs: dict[tuple[int, int], float],
                      threshold: float, window_s: float) -> list[list[int]]:
    """The rule as the README states it, with no shortcut: the best link between
    two groups is their best pair; merge the best allowed pair of groups (ties:
    smallest roots), again until no link reaches the threshold."""
    members: dict[int, list[int]] = {}
    key_of: dict[int, str | None] = {}
    by_key: dict[str, int] = {}
    root_of: dict[int, int] = {}
    for k in component:
        story = items[k].story
        root = by_key.setdefault(story, k) if isinstance(story, str) else k
        members.setdefault(root, []).append(k)
        root_of[k] = root
        key_of[root] = story if isinstance(story, str) else None
    blocked: set[tuple[int, int]] = set()

    def stamps(root: int) -> list[float]:
        return [items[m].date.timestamp() for m in members[root]]

    while True:
        best: tuple[float, int, int] | None = None
        for (i, j), score in pairs.items():
            a, b = sorted((root_of[i], root_of[j]))
            if a == b or (a, b) in blocked or score < threshold:
                continue
            if best is None or (score, -a, -b) > (best[0], -best[1], -best[2]):
                best = (score, a, b)
        if best is None:
            return [sorted(ms) for ms in members.values()]
        _, a, b = best
        keys = {key_of[a], key_of[b]} - {None}
        both = stamps(a) + stamps(b)
        if items[a].story is False or items[b].story is False or len(keys) > 1 or max(both) - min(both) > window_s:
            blocked.add((a, b))
            continue
        members[a] += members.pop(b)
        key_of[a] = key_of[a] or key_of[b]
        for k, root in root_of.items():
            if root == b:
                root_of[k] = a


def random_component(rng: random.Random) -> tuple[list[StoryInput], dict[tuple[int, int], float]]:
    count = rng.randint(2, 30)
    hours = sorted(rng.uniform(0, 200) for _ in range(count))
    items = [StoryInput(f"a{k:02d}", rng.choice(["甲报", "乙报"]), START + timedelta(hours=h), "zh-Hans", "题", "文",
                        story=rng.choice([None] * 6 + [False, "k1", "k2"])) for k, h in enumerate(hours)]
    pairs: dict[tuple[int, int], float] = {}
    for _ in range(rng.randint(1, count * 3)):
        i, j = sorted(rng.sample(range(count), 2))
        if items[i].story is not False and items[j].story is not False:
            # Few distinct scores, so ties between pairs of groups are common.
            pairs[(i, j)] = rng.choice([0.3, 0.45, 0.5, 0.7, 0.9, round(rng.random(), 2)])
    return items, pairs


def test_heap_single_linkage_merges_exactly_as_the_plain_rule() -> None:
    assert stories.LINKAGE == "single"
    rng = random.Random(13)
    merged = 0
    for _ in range(400):
        items, pairs = random_component(rng)
        component = list(range(len(items)))
        window_s = rng.choice([6.0, 48.0, 1000.0]) * 3600
        expected = plain_single_link(items, component, pairs, 0.45, window_s)
        got = stories._link(items, component, pairs, 0.45, window_s)
        assert sorted(got) == sorted(expected)
        assert [ms for ms in got] == [ms for ms in expected]  # same roots survive, same order
        merged += sum(len(ms) - 1 for ms in got)
    assert merged > 1000  # the cases do merge, and keys and the window do refuse some


def plain_kruskal(items: list[StoryInput], pairs: dict[tuple[int, int], float],
                  threshold: float, window_s: float) -> list[list[int]]:
    """Kruskal's order with no shortcut: curator keys first, then every pair from
    the best down (ties by its two articles), merging its two groups unless their
    keys differ or together they span more than the window."""
    group = list(range(len(items)))

    def members(g: int) -> list[int]:
        return [k for k in range(len(items)) if group[k] == g]

    def merge(a: int, b: int) -> None:
        group[:] = [a if g == b else g for g in group]

    first: dict[str, int] = {}
    for k, item in enumerate(items):
        if isinstance(item.story, str) and group[first.setdefault(item.story, k)] != group[k]:
            merge(group[first[item.story]], group[k])
    for (i, j), score in sorted(pairs.items(), key=lambda p: (-p[1], p[0])):
        a, b = group[i], group[j]
        if score < threshold or a == b or items[i].story is False or items[j].story is False:
            continue
        both = members(a) + members(b)
        keys = {items[k].story for k in both if isinstance(items[k].story, str)}
        stamps = [items[k].date.timestamp() for k in both]
        if len(keys) < 2 and max(stamps) - min(stamps) <= window_s:
            merge(a, b)
    return [members(g) for g in sorted(set(group))]


@pytest.mark.parametrize("block", [1, 3, stories._LINK_BLOCK])
def test_single_link_of_the_build_merges_exactly_as_kruskal_written_plainly(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the block of the array pass (one pair, a few, the build's), the
    stories are those of Kruskal's order written out plainly."""
    monkeypatch.setattr(stories, "_LINK_BLOCK", block)
    rng = random.Random(31)
    merged = 0
    for _ in range(400):
        items, pairs = random_component(rng)
        window_s = rng.choice([6.0, 48.0, 1000.0]) * 3600
        expected = plain_kruskal(items, pairs, 0.45, window_s)
        arrays = ScoredPairs(np.array([i for i, _ in pairs], dtype=np.int64), np.array([j for _, j in pairs], dtype=np.int64),
                             np.array(list(pairs.values())))
        got = stories._single_link(items, arrays, 0.45, window_s)
        assert sorted(got) == sorted(expected)
        merged += sum(len(ms) - 1 for ms in got)
    assert merged > 1000
