"""``check`` warnings: what readers would see that the curator probably did not mean.

In: the Config, the loaded Site (its prepared Articles) and the clock.
Out: :class:`~digest.errors.Problem` records (``path:line: reason``), sorted;
they are warnings, not errors: the site still builds. Each names one kind of
surprise:

* the body is written in the other script than ``lang`` says (a Traditional
  article without ``lang:`` is published unconverted in the Simplified edition);
* no ``source`` (the page credits the URL's host, or nobody);
* files in content/ the build ignores (``.txt``, ``.html`` …: clippings that
  were never imported);
* a date in the future (not published before then without ``--future``; a
  year or more ahead is probably a typo);
* an empty body (the page would show only the title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .article import Article, plain_text
from .config import Config
from .errors import Problem, problem
from .source import content_files

# Clipping formats `import` reads; anything else in content/ is not reported.
IMPORTABLE_SUFFIXES = (".txt", ".html", ".htm", ".markdown", ".text")
_SCRIPT_NAMES = {"zh-Hans": "Simplified", "zh-Hant": "Traditional", "en": "English"}
# A script verdict needs this many characters that only one script uses, and the
# other script's count at most a third of it: a few shared-form characters
# (着/著, 台/臺 …) in a long article must not raise a warning.
_MIN_SCRIPT_SIGNS = 5


def _key_line(path: Path, key: str) -> int:
    """Line of ``key:`` in the frontmatter, else 1 (the frontmatter's first line)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if re.match(rf"{key}\s*:", line):
            return number
    return 1


def body_script(text: str) -> str | None:
    """zh-Hans / zh-Hant when the text clearly uses one script, en when it is mostly
    Latin letters, None when it cannot tell (too short, mixed)."""
    from .clipping_meta import _converters

    cjk = "".join(ch for ch in text if "\u3400" <= ch <= "\u9fff")[:6000]
    latin = len(re.findall(r"[A-Za-z]", text))
    if not cjk:
        return "en" if latin >= 200 else None
    if len(cjk) < 0.25 * latin:
        return "en"
    t2s, s2t = _converters()
    traditional = sum(1 for a, b in zip(cjk, t2s.convert(cjk), strict=False) if a != b)
    simplified = sum(1 for a, b in zip(cjk, s2t.convert(cjk), strict=False) if a != b)
    if traditional >= _MIN_SCRIPT_SIGNS and traditional >= 3 * simplified:
        return "zh-Hant"
    if simplified >= _MIN_SCRIPT_SIGNS and simplified >= 3 * traditional:
        return "zh-Hans"
    return None


def article_warnings(article: Article, now: datetime) -> list[Problem]:
    doc = article.doc
    found: list[Problem] = []
    text = plain_text(article.html)
    script = body_script(text)
    if script and script != doc.lang and not (doc.lang == "en" and script == "en"):
        said = f"lang is {doc.lang}" if _key_line(doc.path, "lang") > 1 else f"no 'lang' (so {doc.lang})"
        found.append(problem(doc.path, _key_line(doc.path, "lang"),
                             f"warning: the body is {_SCRIPT_NAMES[script]} but {said}: "
                             f"set 'lang: {script}' so each edition converts it"))
    if not doc.source:
        credit = "the pages credit the URL's host instead" if doc.url else "the pages credit nobody"
        found.append(problem(doc.path, 1, f"warning: no 'source': {credit}"))
    if doc.date > now:
        far = " (a year or more ahead: a typo?)" if doc.date - now > timedelta(days=365) else ""
        found.append(problem(doc.path, _key_line(doc.path, "date"),
                             f"warning: date {doc.date.isoformat()} is in the future{far}: "
                             "not published before then unless built with --future"))
    if not text.strip() and "<img" not in article.html:
        found.append(problem(doc.path, doc.body_line, "warning: empty body: the page shows only the title"))
    return found


def ignored_files(content_dir: Path) -> list[Problem]:
    """Clippings left in content/ that the build does not read."""
    articles = set(content_files(content_dir))
    found = []
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir)
        if not path.is_file() or path in articles or any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in IMPORTABLE_SUFFIXES:
            found.append(problem(path, 0, f"warning: the build ignores {path.suffix} files: turn this "
                                          "clipping into an article with `build.py import FILE`, then remove it"))
    return found


def site_warnings(config: Config, articles: Iterable[Article], now: datetime | None = None) -> list[Problem]:
    """Every warning about the content folder and its articles, sorted by file and line."""
    now = now or datetime.now(timezone.utc)
    found = ignored_files(config.content_dir)
    for article in articles:
        found += article_warnings(article, now)
    return sorted(set(found))
