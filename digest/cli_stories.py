"""``build.py stories [--jsonl FILE]`` (registered by digest.cli).

Without ``--jsonl``: the stories of the site's content folder, as the build groups
them. With ``--jsonl FILE``: one article per line, a JSON object with ``id``,
``outlet``, ``url``, ``date`` (ISO 8601 with offset), ``lang`` (zh-Hans, zh-Hant or
en), ``title`` and ``text`` (the body as clipped, junk included); each is cleaned by
the build's cleaning function and grouped by the build's grouping function, and
``id<TAB>story`` is printed per article in file order (``story``: the id of the
story's earliest article). A bad line is reported as ``FILE:LINE: reason`` on
stderr; the other lines are still grouped and printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .article import clean_article_body, prepare_article
from .cleaning import cleaned_text
from .config import Config, StorySettings, load_config
from .errors import BuildError, Problem, problem
from .pages import published_articles
from .source import LANGS, parse_date, read_sources
from .stories import Story, StoryInput, group_stories, site_stories

FIELDS = ("id", "outlet", "url", "date", "lang", "title", "text")


def read_jsonl(path: Path, cleaning: Mapping[str, Any]) -> tuple[list[StoryInput], list[Problem]]:
    """Articles of a JSON-lines file, cleaned; every bad line is a Problem."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [problem(path, 0, f"cannot read: {getattr(exc, 'strerror', None) or exc}")]
    inputs: list[StoryInput] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(problem(path, number, f"not JSON: {exc.msg} (column {exc.colno})"))
            continue
        reason = _bad_record(record)
        if reason is None and record["id"] in seen:
            reason = f"id '{record['id']}' is already used on line {seen[record['id']]}"
        if reason is not None:
            problems.append(problem(path, number, reason))
            continue
        seen[record["id"]] = number
        date = parse_date(record["date"])
        assert date is not None
        cleaned = clean_article_body(record["text"], None, title=record["title"], cleaning=cleaning,
                                     source=record["outlet"], url=record["url"] or None, overrides=None)
        inputs.append(StoryInput(record["id"], record["outlet"], date, record["lang"], record["title"], cleaned_text(cleaned)))
    return inputs, problems


def _bad_record(record: object) -> str | None:
    if not isinstance(record, dict):
        return "a line must be a JSON object"
    missing = [f for f in FIELDS if f not in record]
    if missing:
        return f"missing field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}"
    for name in FIELDS:
        if not isinstance(record[name], str):
            return f"'{name}' must be a string"
    if not record["id"].strip():
        return "'id' is empty"
    if parse_date(record["date"]) is None:
        return f"date '{record['date']}' must be ISO 8601 with a UTC offset, e.g. 2025-01-23T12:29:00+08:00"
    if record["lang"] not in LANGS:
        return f"lang '{record['lang']}' must be one of {', '.join(LANGS)}"
    return None


def _config(args: argparse.Namespace) -> Config | None:
    path = Path(args.config)
    if args.jsonl and not path.is_file():
        return None  # grouping a JSON-lines file needs no site: built-in settings
    return load_config(path)  # BuildError -> path:line: reason, exit 1


def cmd_stories(args: argparse.Namespace) -> int:
    config = _config(args)
    if args.jsonl:
        settings = config.stories if config else StorySettings()
        inputs, problems = read_jsonl(Path(args.jsonl), config.cleaning if config else {})
        story_of = {i: s.key for s in group_stories(inputs, settings) for i in s.ids}
        for item in inputs:
            print(f"{item.id}\t{story_of[item.id]}")
        if problems:
            raise BuildError(problems)
        return 0
    assert config is not None
    articles = published_articles(config, tuple(prepare_article(doc, config) for doc in read_sources(config)))
    by_slug = {a.doc.slug: a for a in articles}
    stories = site_stories(config, articles)
    _print_site_stories(stories, by_slug, config)
    return 0


def _print_site_stories(stories: tuple[Story, ...], by_slug: Mapping[str, Any], config: Config) -> None:
    several = sorted((s for s in stories if len(s.ids) > 1), key=lambda s: (by_slug[s.key].doc.date, s.key))
    for story in several:
        print(f"{story.key}\t{len(story.ids)} articles")
        for slug in story.ids:
            doc = by_slug[slug].doc
            lead = " (lead)" if slug == story.lead else ""
            print(f"  {doc.date.astimezone(config.timezone):%Y-%m-%d %H:%M}  {doc.source or '-'}  {doc.title}  [{doc.rel_path}]{lead}")
    alone = len(stories) - len(several)
    print(f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}: {len(several)} of several articles, {alone} of one")


def add_subcommands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = commands.add_parser("stories", help="print how articles group into stories (content/ or --jsonl FILE)")
    p.add_argument("--jsonl", metavar="FILE", help="group the articles of a JSON-lines file; print id<TAB>story per article")
    p.set_defaults(func=cmd_stories)
