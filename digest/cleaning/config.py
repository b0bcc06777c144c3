"""Cleaning configuration: ``cleaning:`` settings -> compiled :class:`Rules`.

In:  the site's ``cleaning:`` config section (global keys, plus ``outlets:``
     keyed by outlet name and ``hosts:`` keyed by URL host), an article's
     source name and URL, and its frontmatter ``cleaning:`` override.
Out: the JSON schemas :mod:`digest.config` and :mod:`digest.source` embed,
     :func:`check_patterns` (config-time reasons for bad regexes / unknown rule
     names), :func:`rule_names`, and a frozen :class:`Rules` per article with
     the built-in tables of :mod:`digest.cleaning.rules` compiled into
     :class:`Compiled` rule tables (cached per set of disabled rules).

Part of the :mod:`digest.cleaning` stage; import the public names from there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from digest.cleaning import rules as R
from digest.cleaning.prefilter import closing_class, opening_class, required_text
from digest.curator_regex import CuratorPatternError, compile_curator

__all__ = [
    "CLEANING_CONFIG_SCHEMA", "FRONTMATTER_CLEANING_SCHEMA", "Compiled", "Rules", "check_patterns", "rule_names",
    "rules_for",
]


# ---------------------------------------------------------------------------
# Configuration schemas (embedded by digest.config) and pattern checking
# ---------------------------------------------------------------------------

_REGEX_LIST: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_RULE_SWITCHES: dict[str, Any] = {
    "enabled": {"type": "boolean", "description": "false turns cleaning off"},
    "disable": {"type": "array", "items": {"type": "string"},
                "description": "built-in rule names (or prefixes such as 'prompt:') to switch off"},
    "keep": {**_REGEX_LIST, "description": "regexes (searched in each line): matching lines are never removed"},
    "drop": {**_REGEX_LIST, "description": "regexes (searched in each line): matching lines are removed"},
}
_SITE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        **_RULE_SWITCHES,
        "list_headings": {**_REGEX_LIST, "description": "regexes (full line) for headings of lists of other articles"},
        "cut_after": {**_REGEX_LIST, "description": "regexes (searched): the first matching line and all after it are removed"},
    },
}
CLEANING_CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        **_SITE_SCHEMA["properties"],
        "outlets": {"type": "object", "additionalProperties": _SITE_SCHEMA,
                    "description": "rules per outlet (source name), e.g. 風傳媒"},
        "hosts": {"type": "object", "additionalProperties": _SITE_SCHEMA,
                  "description": "rules per URL host; a host also matches its subdomains"},
    },
}
FRONTMATTER_CLEANING_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {"type": "boolean"},
        {"type": "object", "additionalProperties": False, "properties": dict(_RULE_SWITCHES)},
    ]
}
_PATTERN_KEYS = ("keep", "drop", "list_headings", "cut_after")


def rule_names() -> tuple[str, ...]:
    """Names of every built-in rule (what ``disable:`` accepts)."""
    tables = (R.RIGHTS_RULES, R.STRICT_LINE_RULES, R.PROMPT_RULES, R.HEADING_RULES, R.INLINE_RULES)
    return tuple(name for table in tables for name in table) + _SHAPE_RULES


# Rules that are code, not regex tables (still switchable with ``disable:``).
_SHAPE_RULES = (
    "list:heading-run", "list:link-run", "list:tail-run", "list:shape-heading", "edge:promo", "edge:outlet-name",
    "dup:caption", "meta:feed-timestamp", "meta:byline-glue", "edge:section-label", "edge:counter", "edge:provenance", "edge:promo-box", "edge:top-label",
    # the document passes (digest.cleaning.passes_doc)
    "page:head-chrome", "page:tail-chrome", "meta:title", "edge:provenance-header", "list:section", "doc:other-article", "box:about",
    "edge:self-promo", "image:alt-text", "tail:title-again", "doc:after-article", "box:teaser-card", "doc:card-list", "doc:teaser-pairs", "box:author-bio", "neighbour:template", "neighbour:block", "neighbour:widget", "neighbour:ad-box", "box:appeal", "doc:orphan-heading",
    "tail:after-end", "doc:comments", "tail:footer-block", "tail:between-junk", "doc:repeated-label", "page:head-gap",
    "neighbour:punctuation", "tail:legal-notice", "box:account-card", "meta:field-block", "meta:original-mark",
)


def check_patterns(mapping: Mapping[str, Any] | bool | None) -> list[str]:
    """Reasons (strings) for every regex in a ``cleaning:`` mapping -- config or
    frontmatter -- that does not compile, and every unknown rule name in
    ``disable:``.  An empty list means all is well."""
    if not isinstance(mapping, Mapping):
        return []
    reasons: list[str] = []
    known = rule_names()

    def check_site(site: Mapping[str, Any], where: str) -> None:
        for key in _PATTERN_KEYS:
            for i, pattern in enumerate(site.get(key) or ()):
                try:
                    compile_curator(pattern)
                except CuratorPatternError as exc:
                    shown = repr(pattern) if len(str(pattern)) <= 60 else repr(str(pattern)[:59] + "…")
                    reasons.append(f"{where}{key}[{i}]: invalid regular expression {shown}: {exc}")
        for i, name in enumerate(site.get("disable") or ()):
            if not any(n == name or (name.endswith(":") and n.startswith(name)) for n in known):
                reasons.append(f"{where}disable[{i}]: unknown cleaning rule {name!r}")

    check_site(mapping, "cleaning.")
    for group in ("outlets", "hosts"):
        for key, site in (mapping.get(group) or {}).items():
            if isinstance(site, Mapping):
                check_site(site, f"cleaning.{group}.{key}.")
    return reasons


# ---------------------------------------------------------------------------
# Rules: built-ins compiled once, site and article patterns added on top
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    """Compiled rules for one article.  Build with :func:`rules_for`."""

    enabled: bool = True
    disabled: frozenset[str] = frozenset()
    keep: tuple[re.Pattern[str], ...] = ()
    drop: tuple[tuple[str, re.Pattern[str]], ...] = ()
    cut_after: tuple[tuple[str, re.Pattern[str]], ...] = ()
    extra_headings: tuple[re.Pattern[str], ...] = ()
    builtin: "Compiled" = field(default=None, repr=False)  # type: ignore[assignment]
    outlet: str = ""  # the clipping's source name: alone at the article's edges it is a masthead

    def on(self, name: str) -> bool:
        """True unless the rule (or its ``family:`` prefix) was switched off."""
        return not self.disabled or (name not in self.disabled and name.split(":", 1)[0] + ":" not in self.disabled)


class RuleTable:
    """An ordered table of named whole-line rules.

    ``fullmatch(text, pos=0)`` gives the match of the first rule (in table
    order) that matches all of ``text[pos:]``, or None: what the alternation
    ``(?P<g0>rule0)|(?P<g1>rule1)|…`` gives, with the same ``lastgroup``. It
    is faster, because a rule is tried only on lines it could match
    (``digest.cleaning.prefilter``): only the rules that can start with the
    line's first character and end with its last (worked out once per pair of
    characters), and of those only
    the ones whose required text the line holds (a search for a few literals
    fails on a prose line faster than a rule opening with ``.{0,40}`` does).
    Each rule is compiled apart, so the engine also checks its other openings
    and minimum length before trying it, which it cannot do for one branch of
    an alternation. On the benchmark corpus (``bench/clean_speed.py``) most
    lines are prose that opens with a Chinese character few rules start with
    and holds the literals of none."""

    __slots__ = ("_rules", "_openings", "_closings", "_by_ends")

    def __init__(self, named: list[tuple[str, str]]) -> None:
        self._rules = tuple((re.compile(f"(?P<{group}>{pattern})", re.S), required_text(pattern, re.S))
                            for group, pattern in named)
        self._openings = tuple(opening_class(pattern, re.S) for _, pattern in named)
        self._closings = tuple(closing_class(pattern, re.S) for _, pattern in named)
        self._by_ends: dict[tuple[str, str], tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]] = {}

    def _rules_for_ends(self, ends: tuple[str, str]) -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
        first, last = ends
        found = tuple(rule for rule, opening, closing in zip(self._rules, self._openings, self._closings, strict=True)
                      if (opening is None or opening.fullmatch(first)) and (closing is None or closing.fullmatch(last)))
        self._by_ends[ends] = found
        return found

    def fullmatch(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if pos < len(text):
            ends = (text[pos], text[-1])
            candidates = self._by_ends.get(ends)
            if candidates is None:  # (an empty tuple is a cached answer too)
                candidates = self._rules_for_ends(ends)
        else:
            candidates = self._rules
        folded = None  # text[pos:].casefold(), made once if a rule needs it
        for pattern, required in candidates:
            if required is not None:
                if folded is None:
                    folded = text[pos:].casefold()
                if required.search(folded) is None:
                    continue
            m = pattern.fullmatch(text, pos)
            if m is not None:
                return m
        return None


@dataclass(frozen=True)
class Compiled:
    rights: RuleTable
    strict: RuleTable
    prompt: RuleTable
    heading_known: RuleTable
    heading_fuzzy: RuleTable
    inline: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]  # name, rule, gate
    names: dict[str, str]  # regex group name -> rule name


def _rule_table(table: Mapping[str, str], disabled: frozenset[str], names: dict[str, str], tag: str) -> RuleTable:
    parts = []
    for i, (name, pattern) in enumerate(table.items()):
        if name in disabled or name.split(":", 1)[0] + ":" in disabled:
            continue
        group = f"{tag}{i}"
        names[group] = name
        parts.append((group, pattern))
    return RuleTable(parts)


@lru_cache(maxsize=64)
def _compiled(disabled: frozenset[str]) -> Compiled:
    names: dict[str, str] = {}
    known = {k: v for k, v in R.HEADING_RULES.items() if k not in R.FUZZY_HEADINGS}
    fuzzy = {k: v for k, v in R.HEADING_RULES.items() if k in R.FUZZY_HEADINGS}
    return Compiled(
        rights=_rule_table(R.RIGHTS_RULES, disabled, names, "r"),
        strict=_rule_table(R.STRICT_LINE_RULES, disabled, names, "s"),
        prompt=_rule_table(R.PROMPT_RULES, disabled, names, "p"),
        heading_known=_rule_table(known, disabled, names, "h"),
        heading_fuzzy=_rule_table(fuzzy, disabled, names, "f"),
        inline=tuple((n, re.compile(p), re.compile(R.INLINE_GATES.get(n, ""))) for n, p in R.INLINE_RULES.items()
                     if n not in disabled and n.split(":", 1)[0] + ":" not in disabled),
        names=names,
    )


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern[str] | None:
    # Curator patterns run on RE2 (linear time): see digest.curator_regex.
    try:
        return compile_curator(pattern)  # type: ignore[return-value]
    except CuratorPatternError:
        return None  # reported by check_patterns at config time; ignored here


def _host_matches(host: str, key: str) -> bool:
    key = key.lower().lstrip(".")
    return host == key or host.endswith("." + key)


def rules_for(
    config: Mapping[str, Any] | None,
    *,
    source: str | None = None,
    url: str | None = None,
    overrides: Mapping[str, Any] | bool | None = None,
) -> Rules:
    """Rules for one article: built-ins, the global ``cleaning:`` config, the
    ``outlets:`` entry for its source name and the ``hosts:`` entries for its
    URL host (and parent domains), then the article's frontmatter
    ``cleaning:`` (``false`` turns cleaning off)."""
    config = config or {}
    layers: list[tuple[str, Mapping[str, Any]]] = [("config", config)]
    for key, site in (config.get("outlets") or {}).items():
        if source and key == source:
            layers.append((f"config[{key}]", site))
    host = (urlsplit(url).hostname or "").lower() if url else ""
    if host:
        for key, site in (config.get("hosts") or {}).items():
            if _host_matches(host, key):
                layers.append((f"config[{key}]", site))
    if overrides is False:
        return Rules(enabled=False, builtin=_compiled(frozenset()))
    if isinstance(overrides, Mapping):
        layers.append(("frontmatter", overrides))

    enabled = True
    disabled: set[str] = set()
    keep: list[re.Pattern[str]] = []
    drop: list[tuple[str, re.Pattern[str]]] = []
    cut: list[tuple[str, re.Pattern[str]]] = []
    headings: list[re.Pattern[str]] = []
    for where, layer in layers:
        if layer.get("enabled") is False:
            enabled = False
        disabled.update(layer.get("disable") or ())
        keep += [p for p in map(_regex, layer.get("keep") or ()) if p]
        drop += [(f"{where}:drop", p) for p in map(_regex, layer.get("drop") or ()) if p]
        cut += [(f"{where}:cut_after", p) for p in map(_regex, layer.get("cut_after") or ()) if p]
        headings += [p for p in map(_regex, layer.get("list_headings") or ()) if p]
    frozen = frozenset(disabled)
    return Rules(enabled, frozen, tuple(keep), tuple(drop), tuple(cut), tuple(headings), _compiled(frozen), source or "")

