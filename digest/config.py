"""Stage: ``config.yaml`` -> :class:`Config`.

In: the path of the site's config file (and an optional ``--base-url`` override).
Out: a frozen, validated Config. Unknown keys, wrong types and impossible values
are reported as ``config.yaml:LINE: reason`` through :class:`BuildError`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .convert import DEFAULT_ENGINES, ENGINE_PATTERN
from .errors import BuildError, problem
from .glossary import SiteGlossary, load_site_glossary
from .yamlsource import parse_yaml, schema_problems

SCRIPTS = ("zh-Hans", "zh-Hant")

_EDITION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["code"],
    "properties": {
        "code": {"enum": list(SCRIPTS)},
        "prefix": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "converter": {"type": "string", "pattern": ENGINE_PATTERN,
                      "errorMessage": "must be zhconv-rs:<zh-cn|zh-tw|zh-hk|…> or opencc:<config>, e.g. zhconv-rs:zh-tw"},
        "locale": {"type": "string", "pattern": "^[a-z]{2}_[A-Z]{2}$"},
    },
}


def _schema() -> dict[str, Any]:
    from .cleaning import CLEANING_CONFIG_SCHEMA

    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "description": {"type": "string"},
            "base_url": {"type": "string", "pattern": "^https?://[^/]+(/.*)?$"},
            "timezone": {"type": "string"},
            "default_edition": {"enum": list(SCRIPTS)},
            "editions": {"type": "array", "minItems": 1, "maxItems": 2, "items": _EDITION_SCHEMA},
            "content_dir": {"type": "string"},
            "templates_dir": {"type": "string"},
            "static_dir": {"type": "string"},
            "output_dir": {"type": "string"},
            "feed_items": {"type": "integer", "minimum": 1},
            "home_items": {"type": "integer", "minimum": 1},
            "page_items": {"type": "integer", "minimum": 1},
            "search": {"type": "boolean"},
            "summary_chars": {"type": "integer", "minimum": 20},
            "sources": {"type": "object", "additionalProperties": {"type": "string"}},
            "cleaning": CLEANING_CONFIG_SCHEMA,
            "stories": _STORIES_SCHEMA,
            "glossary": {"type": "string", "minLength": 1},
        },
    }


_STORIES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "enabled": {"type": "boolean"},
        "window_hours": {"type": "number", "exclusiveMinimum": 0, "maximum": 8760},
        "threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "cross_script": {"type": "number", "minimum": 1, "maximum": 20},
        "coverage_items": {"type": "integer", "minimum": 1, "maximum": 100},
    },
}


# What each edition is when config.yaml says nothing more than its code.
_EDITION_DEFAULTS = {
    "zh-Hans": {"prefix": "zh-hans", "converter": DEFAULT_ENGINES["zh-Hans"], "locale": "zh_CN"},
    "zh-Hant": {"prefix": "zh-hant", "converter": DEFAULT_ENGINES["zh-Hant"], "locale": "zh_TW"},
}


@dataclass(frozen=True)
class Edition:
    """One published edition: a script, its URL prefix and its converter."""

    code: str  # BCP 47: zh-Hans / zh-Hant
    prefix: str  # URL folder below the base URL
    converter: str  # engine turning the *other* script into this one (convert.make_engine)
    locale: str  # Open Graph locale
    title: str
    description: str


@dataclass(frozen=True)
class StorySettings:
    """How articles are grouped into stories (``stories:`` in config.yaml).

    ``threshold`` (cosine similarity of TF-IDF vectors, 0..1) was chosen on the
    dev split of a labelled set of real articles; README "Stories" gives the figures.
    """

    enabled: bool = True  # false: only the curator's ``story:`` keys group articles
    window_hours: float = 72.0  # articles further apart are never one story
    threshold: float = 0.45
    # A zh-Hans/zh-Hant pair's score is multiplied by this (capped at 1): mainland and
    # Taiwan outlets name the same things differently (韩国综指/韓股, 美联储/聯準會).
    cross_script: float = 5.0
    # Other reports listed under an article or a listing entry; a story with more
    # sends the reader to its story page for the rest. Bounds each page's size: a
    # busy story of 40 reports would otherwise list 39 on each of 40 pages.
    coverage_items: int = 5


@dataclass(frozen=True)
class Config:
    root: Path
    file: Path
    title: str
    description: str
    base_url: str  # absolute, ends with "/"
    base_path: str  # the path part of base_url: "/" or "/digest/"
    timezone: ZoneInfo
    editions: tuple[Edition, ...]
    default_edition: str
    content_dir: Path
    templates_dir: Path
    static_dir: Path
    output_dir: Path
    feed_items: int
    home_items: int  # articles on an edition's front page; older ones are in the monthly archive
    page_items: int  # articles per page of a tag or outlet listing
    search: bool  # index the article pages with Pagefind and publish the search pages
    summary_chars: int
    sources: Mapping[str, str]  # URL host -> outlet name
    cleaning: Mapping[str, Any]
    stories: StorySettings
    glossary: SiteGlossary  # the curator's conversion entries (README: Conversion)
    fingerprint: str  # sha256 of the config file, site glossary and base URL: part of every cache key
    # Set by the command line, never by config.yaml: `serve --drafts` previews drafts,
    # `build --future` / `serve --future` publish articles dated after the build's clock.
    publish_drafts: bool = False
    publish_future: bool = False

    def edition(self, code: str) -> Edition:
        return next(e for e in self.editions if e.code == code)


def normalise_base_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def load_config(path: Path, base_url: str | None = None) -> Config:
    """Read and validate ``path``; every mistake is reported, not just the first."""
    path = path.resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BuildError([problem(path, 0, f"cannot read config: {exc.strerror}")]) from None
    doc = parse_yaml(text, path)
    raw = doc.data if doc.data is not None else {}
    if not isinstance(raw, dict):
        raise BuildError([problem(path, 1, "config must be a mapping of keys to values")])
    problems = schema_problems(doc, _schema(), path)
    if problems:
        raise BuildError(problems)

    try:
        timezone = ZoneInfo(raw.get("timezone", "Asia/Taipei"))
    except (ZoneInfoNotFoundError, ValueError):
        raise BuildError([problem(path, doc.line_of(("timezone",)), f"unknown time zone '{raw['timezone']}'")]) from None

    title = raw.get("title", "两岸新闻精选")
    description = raw.get("description", "")
    editions = []
    for entry in raw.get("editions", [{"code": c} for c in SCRIPTS]):
        merged = {**_EDITION_DEFAULTS[entry["code"]], "title": title, "description": description, **entry}
        editions.append(Edition(**merged))
    codes = [e.code for e in editions]
    for key in ("code", "prefix"):
        values = [getattr(e, key) for e in editions]
        if len(set(values)) != len(values):
            raise BuildError([problem(path, doc.line_of(("editions",)), f"two editions share the {key} '{values[0]}'")])
    default_edition = raw.get("default_edition", codes[0])
    if default_edition not in codes:
        raise BuildError([problem(path, doc.line_of(("default_edition",)), f"default_edition '{default_edition}' is not one of the editions {codes}")])

    from .cleaning import check_patterns

    cleaning = raw.get("cleaning", {})
    bad = [problem(path, doc.line_of(("cleaning",)), reason) for reason in check_patterns(cleaning)]
    if bad:
        raise BuildError(bad)

    chosen_base = normalise_base_url(base_url or raw.get("base_url", "http://localhost:8000/"))
    parts = urlsplit(chosen_base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        line = 0 if base_url else doc.line_of(("base_url",))
        raise BuildError([problem(path, line, f"base_url '{chosen_base}' must be an absolute http(s) URL")])

    root = path.parent
    glossary = SiteGlossary()
    if "glossary" in raw:
        glossary_path = (root / raw["glossary"]).resolve()
        if not glossary_path.is_file():
            raise BuildError([problem(path, doc.line_of(("glossary",)), f"glossary file {raw['glossary']} does not exist")])
        glossary = load_site_glossary(glossary_path)
    return Config(
        root=root,
        file=path,
        title=title,
        description=description,
        base_url=chosen_base,
        base_path=parts.path or "/",
        timezone=timezone,
        editions=tuple(editions),
        default_edition=default_edition,
        content_dir=(root / raw.get("content_dir", "content")).resolve(),
        templates_dir=(root / raw.get("templates_dir", "templates")).resolve(),
        static_dir=(root / raw.get("static_dir", "static")).resolve(),
        output_dir=(root / raw.get("output_dir", "site")).resolve(),
        feed_items=raw.get("feed_items", 50),
        home_items=raw.get("home_items", 60),
        page_items=raw.get("page_items", 30),
        search=raw.get("search", True),
        summary_chars=raw.get("summary_chars", 110),
        sources=MappingProxyType(dict(raw.get("sources", {}))),
        cleaning=MappingProxyType(dict(cleaning)),
        stories=StorySettings(**raw.get("stories", {})),
        glossary=glossary,
        fingerprint=hashlib.sha256(text.encode() + b"\0" + glossary.digest.encode() + b"\0" + chosen_base.encode()).hexdigest(),
    )
