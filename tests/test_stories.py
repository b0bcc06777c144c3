"""Issue 10: grouping coverage of one event into stories.

The fixture ``tests/fixtures/stories/articles.jsonl`` is invented (no real outlet's
text): a bridge opening reported in Simplified by one outlet and in Traditional by
another; the same outlet's GDP report that day, sharing its gallery line with the
bridge report; a follow-up on the bridge five days later (outside the 72-hour
window); and a ferry report about the same island, a different event.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_site, run_cli, tree_bytes
from digest.cache import BuildCache
from digest.cli_stories import read_jsonl
from digest.config import StorySettings, load_config
from digest.errors import BuildError
from digest.pipeline import build
from digest.stories import StoryInput, Story, article_lines, boilerplate, compared_windows, group_stories, neutral_window, worth_comparing

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "stories" / "articles.jsonl"
SETTINGS = StorySettings()


def inputs() -> list[StoryInput]:
    found, problems = read_jsonl(FIXTURE, {})
    assert not problems
    return found


def story_of(stories: tuple[Story, ...]) -> dict[str, str]:
    return {i: s.key for s in stories for i in s.ids}


def test_one_event_in_two_scripts_is_one_story_and_other_events_stay_apart() -> None:
    for settings in (SETTINGS, StorySettings(cross_script=1)):
        groups = story_of(group_stories(inputs(), settings))
        assert groups["bridge-hans"] == groups["bridge-hant"] == "bridge-hans"
        assert groups["bridge-followup-hans"] == "bridge-followup-hans"  # five days later
    # Without the cross-script calibration nothing else joins.
    groups = story_of(group_stories(inputs(), StorySettings(cross_script=1)))
    assert groups["economy-hans"] == "economy-hans" and groups["ferry-hant"] == "ferry-hant"


@pytest.mark.xfail(strict=True, reason="known limit (README, Stories): with the measured cross-script factor (x5), "
                   "same-day reports on the same city in the other script join; the labelled dev split had no such pair")
def test_same_day_reports_on_the_same_city_in_the_other_script_stay_apart() -> None:
    groups = story_of(group_stories(inputs(), SETTINGS))
    assert groups["economy-hans"] == "economy-hans" and groups["ferry-hant"] == "ferry-hant"


def test_every_article_is_in_exactly_one_story_whatever_the_input_order() -> None:
    items = inputs()
    expected = group_stories(items, SETTINGS)
    assert sorted(i for s in expected for i in s.ids) == sorted(i.id for i in items)
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled, SETTINGS) == expected


def test_articles_further_apart_than_the_window_are_never_one_story() -> None:
    bridge = next(i for i in inputs() if i.id == "bridge-hans")
    copy = replace(bridge, id="bridge-copy", date=bridge.date + timedelta(hours=73))
    loose = StorySettings(threshold=0.01)  # identical texts: only the window can keep them apart
    assert story_of(group_stories([bridge, copy], loose))["bridge-copy"] == "bridge-copy"
    near = replace(copy, date=bridge.date + timedelta(hours=71))
    assert story_of(group_stories([bridge, near], loose))["bridge-copy"] == "bridge-hans"
    wide = StorySettings(window_hours=200, threshold=0.01)
    assert story_of(group_stories([bridge, copy], wide))["bridge-copy"] == "bridge-hans"


def test_similarity_fades_with_the_time_between_reports() -> None:
    # A daily series looks alike from one day to the next: the same text a day later
    # scores lower than an hour later, and two days later it no longer joins.
    bridge = next(i for i in inputs() if i.id == "bridge-hans")
    later = [replace(bridge, id=f"h{h}", date=bridge.date + timedelta(hours=h)) for h in (1, 60)]
    groups = story_of(group_stories([bridge, *later], SETTINGS))
    assert groups["h1"] == "bridge-hans" and groups["h60"] == "h60"


def test_text_is_compared_only_when_two_groupable_articles_share_a_window() -> None:
    bridge, hant = inputs()[:2]
    assert worth_comparing([bridge, hant], SETTINGS)
    assert not worth_comparing([bridge], SETTINGS)
    assert not worth_comparing([bridge, replace(hant, date=bridge.date + timedelta(hours=73))], SETTINGS)
    assert not worth_comparing([bridge, replace(hant, story=False)], SETTINGS)
    assert not worth_comparing([bridge, hant], StorySettings(enabled=False))


def test_a_story_never_spans_more_than_the_window() -> None:
    bridge = next(i for i in inputs() if i.id == "bridge-hans")
    chain = [replace(bridge, id=f"day{n}", date=bridge.date + timedelta(hours=40 * n)) for n in range(4)]
    stories = group_stories(chain, StorySettings(threshold=0.01))
    assert max(len(s.ids) for s in stories) == 2  # each 40 h link is allowed; a third article would span 80 h
    for story in stories:
        dates = [next(c.date for c in chain if c.id == i) for i in story.ids]
        assert max(dates) - min(dates) <= timedelta(hours=72)


def test_an_outlets_repeated_lines_are_boilerplate_and_join_nothing() -> None:
    gallery = "\n".join(f"图集：青岚新貌 第{n}张 海滨公园的清晨与港口灯塔" for n in range(1, 9))
    items = [replace(i, text=i.text + "\n" + gallery) if i.outlet == "青岚日报" else i for i in inputs()]
    lines = [article_lines(i.title, i.text) for i in items]
    assert "图集:青岚新貌 第3张 海滨公园的清晨与港口灯塔" in boilerplate(items, lines)
    groups = story_of(group_stories(items, StorySettings(cross_script=1)))
    assert groups["economy-hans"] == "economy-hans"
    assert groups["bridge-followup-hans"] == "bridge-followup-hans"


@pytest.mark.parametrize("where", ["head", "tail"])
def test_windows_made_ahead_by_workers_are_used_only_where_no_boilerplate_reaches_them(where: str) -> None:
    # The build hands grouping each article's lines and its window made with no
    # line skipped; an article whose window reaches a boilerplate line must have
    # it made again. Boilerplate at the head is inside every window, at the tail
    # of a long text outside them.
    gallery = "\n".join(f"图集：青岚新貌 第{n}张 海滨公园的清晨与港口灯塔" for n in range(1, 9))
    items = [replace(i, text=f"{gallery}\n{i.text}" if where == "head" else f"{i.text}\n{(i.id + '。') * 300}\n{gallery}")
             if i.outlet == "青岚日报" else i for i in inputs()]
    lines = [article_lines(i.title, i.text) for i in items]
    ahead = [neutral_window(found) for found in lines]
    skip = boilerplate(items, lines)
    assert skip
    assert compared_windows(lines, skip, ahead) == compared_windows(lines, skip) == [neutral_window(f, skip) for f in lines]
    changed = sum(made != neutral_window(found, skip) for found, made in zip(lines, ahead))
    assert changed == (sum(i.outlet == "青岚日报" for i in items) if where == "head" else 0)
    settings = StorySettings(cross_script=1)
    assert group_stories([replace(i, text="") for i in items], settings, lines, ahead) == group_stories(items, settings)


def test_curator_story_key_groups_whatever_the_similarity_and_false_keeps_alone() -> None:
    items = {i.id: i for i in inputs()}
    keyed = [replace(items["economy-hans"], story="island-week"), replace(items["ferry-hant"], story="island-week"),
             replace(items["bridge-hant"], story=False), items["bridge-hans"]]
    groups = story_of(group_stories(keyed, StorySettings(cross_script=1)))  # (the xfail above)
    assert groups["economy-hans"] == groups["ferry-hant"] == "economy-hans"
    assert groups["bridge-hant"] == "bridge-hant" and groups["bridge-hans"] == "bridge-hans"
    # Two different keys never merge, however alike the articles are.
    twins = [replace(items["bridge-hans"], story="a"), replace(items["bridge-hant"], story="b")]
    assert len(group_stories(twins, SETTINGS)) == 2
    # A key does not stop a similar article without one from joining.
    joined = [replace(items["bridge-hans"], story="bridge"), items["bridge-hant"]]
    assert len(group_stories(joined, SETTINGS)) == 1
    # With grouping off, only the curator's keys group.
    off = StorySettings(enabled=False)
    assert len(group_stories([items["bridge-hans"], items["bridge-hant"]], off)) == 2
    assert len(group_stories(keyed, off)) == 3


def test_the_lead_is_the_earliest_unless_the_curator_chose_one() -> None:
    items = {i.id: i for i in inputs()}
    pair = [items["bridge-hans"], items["bridge-hant"]]
    (story,) = group_stories(pair, SETTINGS)
    assert story.key == story.lead == "bridge-hans" and story.ids == ("bridge-hans", "bridge-hant")
    (story,) = group_stories([pair[0], replace(pair[1], lead=True)], SETTINGS)
    assert story.key == "bridge-hans" and story.lead == "bridge-hant"


# --- the command ---------------------------------------------------------------

def test_stories_jsonl_prints_id_and_story_per_line(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "stories", "--jsonl", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    rows = dict(line.split("\t") for line in result.stdout.splitlines())
    assert list(rows) == [json.loads(line)["id"] for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    assert rows["bridge-hant"] == "bridge-hans" and rows["bridge-followup-hans"] == "bridge-followup-hans"


def test_stories_jsonl_into_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """`build.py stories --jsonl FILE | head -1`: the reader leaves before the output is
    written. The pipe's read end is closed before the command starts, so every write
    fails (EPIPE) whatever the timing: no traceback, the closed-pipe status 141."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(tmp_path / "config.yaml"),
                                 "stories", "--jsonl", str(FIXTURE)],
                                stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=tmp_path, timeout=120)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


def test_stories_jsonl_reports_each_bad_line_and_still_groups_the_rest(tmp_path: Path) -> None:
    good = FIXTURE.read_text(encoding="utf-8").splitlines()
    bad = [
        good[0],
        "{not json",
        json.dumps({"id": "x", "outlet": "o", "url": "", "date": "2024-05-10 09:00", "lang": "zh-Hans", "title": "t", "text": "b"}),
        json.dumps({"id": "y", "outlet": "o", "url": "", "date": "2024-05-10T09:00:00+08:00", "lang": "fr", "title": "t", "text": "b"}),
        json.dumps({"id": "z", "outlet": "o"}),
        good[0],
        good[1],
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    result = run_cli(tmp_path, "stories", "--jsonl", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line, reason in [(2, "not JSON"), (3, "ISO 8601 with a UTC offset"), (4, "lang 'fr'"),
                         (5, "missing fields: url, date, lang, title, text"), (6, "already used on line 1")]:
        assert f"in.jsonl:{line}: " in result.stderr and reason in result.stderr, result.stderr
    assert result.stdout.splitlines() == ["bridge-hans\tbridge-hans", "bridge-hant\tbridge-hans"]


# --- the site ----------------------------------------------------------------

def write_site(root: Path, records: list[dict], extra: dict[str, dict] | None = None) -> Path:
    """A site of the fixture articles as content files (``extra``: frontmatter per id)."""
    copy_site(REPO, root)
    for old in (root / "content").rglob("*.md"):
        old.unlink()
    # The fixture's unrelated reports share their city with the story: see the xfail above.
    with (root / "config.yaml").open("a", encoding="utf-8") as config:
        config.write("stories:\n  cross_script: 1\n")
    for record in records:
        meta = {"title": record["title"], "date": record["date"], "source": record["outlet"], "url": record["url"],
                "lang": record["lang"], "slug": record["id"], **(extra or {}).get(record["id"], {})}
        day = datetime.fromisoformat(record["date"]).strftime("%Y/%m/%d")
        path = root / "content" / day / f"{record['id']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + record["text"] + "\n", encoding="utf-8")
    return root


def records() -> list[dict]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("stories"), records())
    build(load_config(root / "config.yaml"), root / "site")
    return root / "site"


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant"])
def test_story_page_lists_both_outlets_at_a_url_named_after_the_first_article(story_site: Path, prefix: str) -> None:
    html = (story_site / prefix / "stories" / "bridge-hans" / "index.html").read_text(encoding="utf-8")
    assert f'href="/{prefix}/articles/bridge-hans/"' in html and f'href="/{prefix}/articles/bridge-hant/"' in html
    assert "青岚日报" in html or "青嵐日報" in html
    assert sorted(p.name for p in (story_site / prefix / "stories").iterdir()) == ["bridge-hans"]


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant"])
def test_article_pages_list_the_other_coverage_in_the_same_edition(story_site: Path, prefix: str) -> None:
    page = (story_site / prefix / "articles" / "bridge-hant" / "index.html").read_text(encoding="utf-8")
    aside = page.split('<aside class="other-coverage"')[1].split("</aside>")[0]
    assert f'href="/{prefix}/articles/bridge-hans/"' in aside
    assert "2024-05-10 09:30" in aside
    assert f'href="/{prefix}/stories/bridge-hans/"' in aside
    alone = (story_site / prefix / "articles" / "ferry-hant" / "index.html").read_text(encoding="utf-8")
    assert "other-coverage" not in alone


def test_feeds_stay_one_item_per_article(story_site: Path) -> None:
    feed = (story_site / "zh-hans" / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<item>") == len(records())


def test_a_later_article_joins_the_story_without_moving_its_page(tmp_path: Path) -> None:
    base = records()
    later = dict(base[1], id="bridge-late", outlet="东屿新闻", url="https://islands.example.org/1",
                 date="2024-05-11T10:00:00+08:00", title="青岚跨海大桥昨日通车 东屿岛车程缩至15分钟")
    root = write_site(tmp_path / "s", [*base, later])
    build(load_config(root / "config.yaml"), root / "site")
    html = (root / "site" / "zh-hans" / "stories" / "bridge-hans" / "index.html").read_text(encoding="utf-8")
    assert all(f"articles/{i}/" in html for i in ("bridge-hans", "bridge-hant", "bridge-late"))


def test_frontmatter_story_override_in_a_build(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", records(), {"bridge-hant": {"story": False},
                                                 "economy-hans": {"story": "qinglan-may-10"},
                                                 "ferry-hant": {"story": "qinglan-may-10", "story_lead": True}})
    build(load_config(root / "config.yaml"), root / "site")
    stories = sorted(p.name for p in (root / "site" / "zh-hans" / "stories").iterdir())
    assert stories == ["economy-hans"]
    home = (root / "site" / "zh-hant" / "index.html").read_text(encoding="utf-8")
    entry = home.split('<li class="story-entry">')[1].split("</article>")[0]
    assert entry.index("articles/ferry-hant/") < entry.index("articles/economy-hans/")  # the curator's lead first


def test_a_busy_story_lists_the_nearest_reports_and_sends_the_rest_to_its_page(tmp_path: Path) -> None:
    first = records()[0]
    hours = [0, 1, 2, 10, 11, 30, 40]  # seven reports of one story over two days
    reports = [dict(first, id=f"busy-{n}", url=f"https://example.org/busy/{n}",
                    date=(datetime.fromisoformat(first["date"]) + timedelta(hours=h)).isoformat(), title=f"{first['title']} {n}")
               for n, h in enumerate(hours)]
    root = write_site(tmp_path / "s", reports, {r["id"]: {"story": "busy"} for r in reports})
    with (root / "config.yaml").open("a", encoding="utf-8") as config:
        config.write("  coverage_items: 2\n")
    build(load_config(root / "config.yaml"), root / "site")
    site = root / "site" / "zh-hans"
    page = (site / "articles" / "busy-3" / "index.html").read_text(encoding="utf-8")
    aside = page.split('<aside class="other-coverage"')[1].split("</aside>")[0]
    listed = [n for n in range(7) if f"articles/busy-{n}/" in aside]
    assert listed == [2, 4]  # 1 h and 8 h away; the others are further
    assert "另有 4 篇报道" in aside and 'href="/zh-hans/stories/busy-0/"' in aside
    home = (site / "index.html").read_text(encoding="utf-8")
    entry = home.split('<li class="story-entry">')[1].split("</article>")[0]
    assert sum(f"articles/busy-{n}/" in entry for n in range(7)) == 3  # the lead and two others
    assert "另有 4 篇报道" in entry
    story = (site / "stories" / "busy-0" / "index.html").read_text(encoding="utf-8")
    assert all(f"articles/busy-{n}/" in story for n in range(7))


@pytest.mark.parametrize("value, reason", [
    ("true", "'story': must be a story key"),
    ("''", "'story': must be a story key"),
    ("[a]", "'story': must be a story key"),
])
def test_bad_story_frontmatter_is_reported_with_its_line(tmp_path: Path, value: str, reason: str) -> None:
    root = write_site(tmp_path / "s", records()[:1])
    path = next((root / "content").rglob("*.md"))
    text = path.read_text(encoding="utf-8").replace("slug: bridge-hans\n", f"slug: bridge-hans\nstory: {value}\n")
    path.write_text(text, encoding="utf-8")
    result = run_cli(root, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path.name}:8: {reason}" in result.stderr, result.stderr


@pytest.mark.parametrize("snippet, line, reason", [
    ("stories:\n  window_hour: 72\n", 2, "unknown key 'window_hour'"),
    ("stories:\n  threshold: 1.5\n", 2, "'stories.threshold'"),
    ("stories:\n  enabled: maybe\n", 2, "'stories.enabled'"),
    ("stories:\n  cross_script: 0.5\n", 2, "'stories.cross_script'"),
    ("stories:\n  coverage_items: 0\n", 2, "'stories.coverage_items'"),
])
def test_bad_stories_config_is_reported_with_its_line(tmp_path: Path, snippet: str, line: int, reason: str) -> None:
    root = copy_site(REPO, tmp_path / "s")
    config = root / "config.yaml"
    before = config.read_text(encoding="utf-8")
    config.write_text(before + snippet, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        load_config(config)
    where = before.count("\n") + line
    assert any(p.line == where and reason in p.reason for p in error.value.problems), error.value.problems


def test_incremental_build_equals_clean_build_when_an_article_joins_and_leaves(tmp_path: Path) -> None:
    base = records()
    root = write_site(tmp_path / "s", base[:1] + base[2:])
    cache = BuildCache()
    config = load_config(root / "config.yaml")
    inc = tmp_path / "inc"
    build(config, inc, cache)
    assert not (inc / "zh-hans" / "stories").exists()
    steps = [("joins", lambda: write_site(tmp_path / "s2", base)),
             ("leaves", lambda: write_site(tmp_path / "s3", base[:1] + base[2:]))]
    for name, make in steps:
        source = make()
        for old in (root / "content").rglob("*.md"):
            old.unlink()
        for new in (source / "content").rglob("*.md"):
            target = root / "content" / new.relative_to(source / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(new.read_bytes())
        build(load_config(root / "config.yaml"), inc, cache)
        clean = tmp_path / f"clean-{name}"
        result = run_cli(root, "build", "--out", str(clean))
        assert result.returncode == 0, result.stderr
        assert tree_bytes(inc) == tree_bytes(clean), name
    assert (tmp_path / "clean-joins" / "zh-hans" / "stories" / "bridge-hans" / "index.html").is_file()
    assert not (inc / "zh-hans" / "stories").exists()


def test_pairs_are_scored_again_only_near_a_new_article() -> None:
    """Scored pairs are memoised by unit of two neighbouring time buckets: after
    an article is added, only the units holding it are scored again, and the
    stories equal an unmemoised grouping's."""
    base = inputs()
    spread = [replace(item, id=f"{item.id}-w{week}", date=item.date + timedelta(days=7 * week))
              for week in range(6) for item in base]
    cache = BuildCache()
    first = group_stories(spread, SETTINGS, memo=cache)
    assert first == group_stories(spread, SETTINGS)
    units = cache.hits["story-pairs"]  # nothing to reuse yet
    assert units == 0
    newcomer = replace(base[0], id="late-copy", date=base[0].date + timedelta(days=14, hours=1))
    again = group_stories([*spread, newcomer], SETTINGS, memo=cache)
    assert again == group_stories([*spread, newcomer], SETTINGS)
    assert story_of(again)["late-copy"] == story_of(again)[f"{base[0].id}-w2"]  # it joins its twin's story
    reused = cache.hits["story-pairs"]
    buckets = len({int(i.date.timestamp() // (SETTINGS.window_hours * 3600)) for i in spread})
    assert buckets - 2 <= reused < buckets  # every unit but the one or two holding the newcomer


def test_term_tables_kept_in_the_build_cache_weigh_every_kind_of_term_as_the_word_lists_do(tmp_path: Path) -> None:
    """The word-list tables a build keeps in its cache (stories.load_term_tables)
    give every term the weight wordfreq's own lists give it: Chinese bigrams and
    characters, English words, digit shapes, a word in both lists, unseen ones."""
    import wordfreq

    from digest import stories

    terms = ["台风", "登陆", "的是", "鳕鳗", "台", "typhoon", "the", "2025", "ai", "iphone", "zzqxv", "東京", "cpu"]
    zh, en = wordfreq.get_frequency_dict("zh"), wordfreq.get_frequency_dict("en")
    bigrams, chars, _ = stories._background()

    def expected(term: str) -> float:  # term_weight as written before the tables were kept
        if stories._CJK.match(term):
            p = max(bigrams.get(term, 0.0), chars.get(term[0], stories._P_UNSEEN) * chars.get(term[-1], stories._P_UNSEEN))
        else:
            key = stories._DIGIT.sub("0", term)
            p = max(zh.get(key, 0.0), en.get(key, 0.0))
        return max(0.0, stories.math.log(stories.P0 / max(p, stories._P_UNSEEN)))

    saved = stories._tables
    try:
        for _ in range(2):  # stored by the first cache, read back by the second
            stories._tables = None
            cache = BuildCache.open(tmp_path)
            stories.load_term_tables(cache)
            cache.sweep()
            cache.close()
            assert [stories.term_weight(t) for t in terms] == [expected(t) for t in terms]
        assert cache.hits["story-term-tables"] == 1
    finally:
        stories._tables = saved
