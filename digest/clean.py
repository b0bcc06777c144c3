"""Stage: sanitised article HTML -> article HTML without clipping junk.

In:  the *sanitised* HTML fragment of an article body (the output of
     ``sanitize(body_to_html(body))``, whatever the body's source format) and a
     :class:`Rules` object from :func:`rules_for` (built-in rules + the site's
     ``cleaning:`` config + the article's ``cleaning:`` frontmatter override).
Out: :class:`CleanedBody` -- the same markup with junk blocks removed, promos
     glued to a paragraph trimmed, a duplicated caption kept once; every removed
     piece as a :class:`Removed` record (rule name + text), so nothing disappears
     silently; and the copyright notices found, returned as ``rights`` metadata.

How it works.  The fragment is cut into *lines*: every leaf block (``<p>``,
``<li>``, caption, heading, leaf ``<div>``) is one line, or several when it
holds ``<br>``/newline separated lines (pasted lists).  Lines are then judged
by, in order:

1. per-article ``keep`` patterns (never removed) and ``drop`` / ``cut_after``
   patterns from config and frontmatter;
2. named whole-line rules (``digest.clean_rules``): copyright, credits, prompts,
   ad markers, navigation -- ``fullmatch``, so a rule never eats part of a
   sentence;
3. a leading feed timestamp / date line (metadata, not article text);
4. lists of other articles: a known heading (更多文章, Related ...) and the
   headline-like lines after it, or -- for outlets nobody listed -- the *shape*
   alone: runs of short lines without sentence punctuation that are link-dense,
   end the article (≥ 4, or ≥ 3 bulleted), or follow a short heading-like line;
5. promos nobody listed at the edges (before the first / after the last
   paragraph of prose): short lines naming 订阅/APP/赞助/newsletter … that
   speak to the reader (你/您/our) or are no sentence at all;
6. duplicated captions (kept once);
7. promos glued inside a kept paragraph (only the matched span is cut).

The guiding rule is recall first: when in doubt a line stays.  A line that ends
like a sentence (。/.) is never removed by shape; a prompt rule removes one only
when it opens like an imperative ("歡迎訂閱…。") or, at the edges, addresses
the reader.  Captions, numbered/timeline items and bullets of <li> lists that the
article introduces are never taken by shape.  Every rule has a name; a rule or a
whole family ("prompt:") can be switched off with ``disable:``.
"""

from __future__ import annotations

import html as htmlmod
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from digest import clean_rules as R

__all__ = [
    "CLEANING_CONFIG_SCHEMA", "FRONTMATTER_CLEANING_SCHEMA", "CleanedBody", "Removed", "Rules",
    "check_patterns", "clean_body", "junk_line_rule", "rule_names", "rules_for", "to_plain_lines",
]


# ---------------------------------------------------------------------------
# Public records
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Removed:
    """One removed piece of text and the name of the rule that removed it."""

    rule: str
    text: str


@dataclass(frozen=True)
class CleanedBody:
    html: str
    removed: tuple[Removed, ...]
    rights: tuple[str, ...]


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
        "sources": {"type": "object", "additionalProperties": _SITE_SCHEMA,
                    "description": "rules per source name, e.g. 風傳媒"},
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
    "dup:caption", "meta:feed-timestamp",
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
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    reasons.append(f"{where}{key}[{i}]: invalid regular expression {pattern!r}: {exc}")
        for i, name in enumerate(site.get("disable") or ()):
            if not any(n == name or (name.endswith(":") and n.startswith(name)) for n in known):
                reasons.append(f"{where}disable[{i}]: unknown cleaning rule {name!r}")

    check_site(mapping, "cleaning.")
    for group in ("sources", "hosts"):
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
    builtin: "_Compiled" = field(default=None, repr=False)  # type: ignore[assignment]

    def on(self, name: str) -> bool:
        """True unless the rule (or its ``family:`` prefix) was switched off."""
        return name not in self.disabled and name.split(":", 1)[0] + ":" not in self.disabled


@dataclass(frozen=True)
class _Compiled:
    rights: re.Pattern[str]
    strict: re.Pattern[str]
    prompt: re.Pattern[str]
    heading_known: re.Pattern[str]
    heading_fuzzy: re.Pattern[str]
    inline: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]  # name, rule, gate
    names: dict[str, str]  # regex group name -> rule name


def _alternation(table: Mapping[str, str], disabled: frozenset[str], names: dict[str, str], tag: str) -> re.Pattern[str]:
    parts = []
    for i, (name, pattern) in enumerate(table.items()):
        if name in disabled or name.split(":", 1)[0] + ":" in disabled:
            continue
        group = f"{tag}{i}"
        names[group] = name
        parts.append(f"(?P<{group}>{pattern})")
    return re.compile("|".join(parts) or r"(?!x)x", re.S)


@lru_cache(maxsize=64)
def _compiled(disabled: frozenset[str]) -> _Compiled:
    names: dict[str, str] = {}
    known = {k: v for k, v in R.HEADING_RULES.items() if k not in R.FUZZY_HEADINGS}
    fuzzy = {k: v for k, v in R.HEADING_RULES.items() if k in R.FUZZY_HEADINGS}
    return _Compiled(
        rights=_alternation(R.RIGHTS_RULES, disabled, names, "r"),
        strict=_alternation(R.STRICT_LINE_RULES, disabled, names, "s"),
        prompt=_alternation(R.PROMPT_RULES, disabled, names, "p"),
        heading_known=_alternation(known, disabled, names, "h"),
        heading_fuzzy=_alternation(fuzzy, disabled, names, "f"),
        inline=tuple((n, re.compile(p), re.compile(R.INLINE_GATES.get(n, ""))) for n, p in R.INLINE_RULES.items()
                     if n not in disabled and n.split(":", 1)[0] + ":" not in disabled),
        names=names,
    )


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
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
    entries for its source name and URL host (and parent domains), then the
    article's frontmatter ``cleaning:`` (``false`` turns cleaning off)."""
    config = config or {}
    layers: list[tuple[str, Mapping[str, Any]]] = [("config", config)]
    for key, site in (config.get("sources") or {}).items():
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
    return Rules(enabled, frozen, tuple(keep), tuple(drop), tuple(cut), tuple(headings), _compiled(frozen))


DEFAULT_RULES: Rules = rules_for({})


def junk_line_rule(text: str, rules: Rules | None = None) -> str | None:
    """The name of the whole-line rule a single line matches, or None (used by
    the clipping reader to skip navigation pasted above a title)."""
    c = (rules or DEFAULT_RULES).builtin
    text = _norm(text)
    if not text or len(text) > 300:
        return None
    m = ((c.rights.fullmatch(text) if _rights_gate(text.lower()) else None) or c.strict.fullmatch(text)
         or _prompt_match(text, text.lower(), c))
    return c.names[m.lastgroup or ""] if m else None


# ---------------------------------------------------------------------------
# Lines: the unit every rule judges
# ---------------------------------------------------------------------------

_BLOCK = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figure figcaption table "
                   "thead tbody tfoot tr td th caption pre hr section article header footer nav aside".split())
_OPAQUE = frozenset({"table", "pre"})  # article data: never split, never judged by shape
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Runs of whitespace that hold a line break or tab are markup layout; plain
# spaces are kept as the outlet wrote them (a clean article comes out exactly).
_SPACE = re.compile(r"[ ]*[\t\r\n\f\v][ \t\r\n\f\v]*")
_NL_CJK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\f\v]*\n[ \t\r\n\f\v]*(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def _norm(text: str) -> str:
    """Whitespace as a reader sees it: a newline between two CJK characters
    vanishes (wrapped Chinese), other line breaks and tabs become one space."""
    if "\n" in text:
        text = _NL_CJK.sub("", text)
    if "\xa0" in text or "\u200b" in text or "\ufeff" in text:  # &nbsp; reads as a space; zero-width marks as nothing
        text = text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "")
    return _SPACE.sub(" ", text).strip()


@dataclass
class _Line:
    el: Any                 # the leaf element
    seg: int | None         # index of the <br>/newline segment, None = whole leaf
    text: str
    link_chars: int
    tag: str
    in_list: bool
    in_ol: bool
    bold: bool              # the whole line is <strong>/<b>: a subheading
    caption: bool = False   # a figcaption, or text right after an image
    verdict: str | None = None   # rule name when removed
    sent: bool | None = None     # cached: ends like a sentence
    hl: bool | None = None       # cached: could be a headline in a list
    keep: bool = False
    cuts: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def heading_tag(self) -> bool:
        return self.tag in _HEADING_TAGS or self.bold


# Tokeniser for inner HTML of one leaf (nh3/lxml output is well formed).
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|<", re.S)
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "source"})


def _inner_html(el: Any) -> str:
    parts = [htmlmod.escape(el.text or "", quote=False)]
    parts += [etree.tostring(c, encoding="unicode", method="html") for c in el]
    return "".join(parts)


def _set_inner_html(el: Any, inner: str) -> None:
    for child in list(el):
        el.remove(child)
    el.text = None
    holder = lxml.html.fragment_fromstring(f"<div>{inner}</div>")
    el.text = holder.text
    for child in list(holder):
        el.append(child)


def _segments(inner: str, split_newlines: bool) -> list[tuple[str, str]]:
    """Split inner HTML at top-level <br> (and newlines) -> [(separator, html)]."""
    out: list[tuple[str, str]] = []
    cur: list[str] = []
    sep = ""
    depth = 0
    for m in _TOKEN.finditer(inner):
        tok = m.group(0)
        name = (m.group(2) or "").lower()
        if name:
            if name == "br" and depth == 0:
                out.append((sep, "".join(cur)))
                cur, sep = [], tok
                continue
            if name not in _VOID:
                depth += -1 if m.group(1) else 1
            cur.append(tok)
        elif split_newlines and depth == 0 and "\n" in tok and not tok.startswith("<"):
            pieces = tok.split("\n")
            cur.append(pieces[0])
            for piece in pieces[1:]:
                out.append((sep, "".join(cur)))
                cur, sep = [piece], "\n"
        else:
            cur.append(tok)
    out.append((sep, "".join(cur)))
    return out


def _html_text(fragment: str) -> tuple[str, int]:
    """Text and link-text length of an inline HTML snippet."""
    text: list[str] = []
    links = 0
    in_a = 0
    for m in _TOKEN.finditer(fragment):
        name = (m.group(2) or "").lower()
        if name == "a":
            in_a += -1 if m.group(1) else 1
        elif not name and not m.group(0).startswith("<"):
            t = htmlmod.unescape(m.group(0))
            text.append(t)
            if in_a > 0:
                links += len(t)
    return "".join(text), links


_SENTENCE_END = re.compile(r"[。．.;；][」』”’\"'）)\]】]*$")
_SOFT_END = re.compile(r"[！？!?…][」』”’\"'）)\]】]*$")


def _wrapped_prose(lines: list[str]) -> bool:
    """Newline-separated lines that are one hard-wrapped paragraph, not a list."""
    lines = [ln for ln in lines if ln]
    if len(lines) < 2 or not re.search(r"[。．.!?！？…:：;；」』”’\"')）]$", lines[-1]):
        return False
    open_ends = sum(1 for ln in lines[:-1] if not re.search(r"[。．.!?！？:：」”]$", ln))
    return open_ends * 2 >= len(lines) - 1


def _is_block(node: Any) -> bool:
    return isinstance(node.tag, str) and node.tag in _BLOCK


def _wrap_loose(el: Any) -> None:
    """A container mixing blocks and bare text: put each bare run in a <p>, so
    every piece of text belongs to exactly one line."""
    loose = bool(el.text and el.text.strip()) or any(
        (isinstance(c.tag, str) and not _is_block(c)) or (c.tail and c.tail.strip()) for c in el)
    if not loose:
        return
    text, el.text = el.text, None
    children = list(el)
    for child in children:
        el.remove(child)
    run: Any = None

    def add_text(t: str | None) -> None:
        nonlocal run
        if not t:
            return
        if run is None and not t.strip():
            return
        if run is None:
            run = etree.SubElement(el, "p")
            run.text = t
        elif len(run):
            run[-1].tail = (run[-1].tail or "") + t
        else:
            run.text = (run.text or "") + t

    add_text(text)
    for child in children:
        tail, child.tail = child.tail, None
        if isinstance(child.tag, str) and _is_block(child):
            run = None
            el.append(child)
        elif isinstance(child.tag, str):
            if run is None:
                run = etree.SubElement(el, "p")
            run.append(child)
        add_text(tail)


def _leaves(root: Any) -> Iterable[Any]:
    """Leaf blocks in document order (containers are opened, loose text wrapped)."""
    stack = [root]
    while stack:
        el = stack.pop()
        kids = [c for c in el if _is_block(c)]
        if el.tag in _OPAQUE or not kids:
            yield el
            continue
        _wrap_loose(el)
        stack.extend(reversed([c for c in el if _is_block(c)]))


def _is_caption(el: Any, tag: str, ancestors: list[str]) -> bool:
    """figcaption, or a block right after an image (DW: <img><div><small>…)."""
    if tag == "figcaption" or "figure" in ancestors:
        return True
    prev = el.getprevious()
    return prev is not None and (prev.tag == "img" or prev.find(".//img") is not None) and not (prev.tail or "").strip()


def _ancestors(el: Any) -> list[str]:
    tags = []
    p = el.getparent()
    while p is not None:
        tags.append(p.tag)
        p = p.getparent()
    return tags


def _lines(root: Any) -> list[_Line]:
    out: list[_Line] = []
    for el in _leaves(root):
        tag = el.tag if el is not root else "p"
        if tag == "hr":
            continue
        anc = _ancestors(el)
        in_list = tag == "li" or "li" in anc
        in_ol = "ol" in anc
        if tag in _OPAQUE:  # a table row or a preformatted line is one line, never judged
            rows = ([" ".join(t for t in (_norm(c.text_content()) for c in tr if isinstance(c.tag, str)) if t)
                     for tr in el.iter("tr")] if tag == "table" else el.text_content().split("\n"))
            for row in rows:
                if _norm(row):
                    out.append(_Line(el, None, _norm(row), 0, tag, in_list, in_ol, False))
            continue
        has_br = el.find(".//br") is not None
        raw = el.text_content()
        has_nl = "\n" in raw.strip()
        if has_br or has_nl:
            segs = _segments(_inner_html(el), split_newlines=True)
            texts = [_html_text(h) for _, h in segs]
            if not has_br and _wrapped_prose([_norm(t) for t, _ in texts]):
                segs = []
            if segs:
                for i, (t, links) in enumerate(texts):
                    t = _norm(t)
                    if t:
                        out.append(_Line(el, i, t, links, tag, in_list, in_ol, False))
                continue
        text = _norm(raw)
        if not text:
            continue
        links = sum(len(a.text_content()) for a in el.iter("a"))
        bold = len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip() \
            and not (el[0].tail or "").strip()
        out.append(_Line(el, None, text, links, tag, in_list, in_ol, bold, caption=_is_caption(el, tag, anc)))
    return out


# ---------------------------------------------------------------------------
# Shape tests
# ---------------------------------------------------------------------------

_REPORTING = re.compile(r"表示|指出|說|说|稱|称|認為|认为|透露|強調|强调|坦言|提到|宣布|報導指出|报道指出|报道稱|报道称|呼籲|呼吁|建議|建议|鼓勵|鼓励|"
                        r"\b(said|says|told|according|reported|announced|wrote|writes|noted|added|estimated|warned|argued)\b",
                        re.I)
_DATE_ONLY = re.compile(
    r"[\W_]*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(\s*[（(]?[週周星期]?[一二三四五六日天]?[）)]?)?"
    r"([ T]*(上午|下午|晚上|凌晨)?\s*\d{1,2}[:：]\d{2}([:：]\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT[+-]?\d*|UTC[+-]?\d*|HKT|CST|ET)?)?"
    r"|\d{1,2}[:：]\d{2}\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[\W_]*",
    re.I,
)
_INTRO_END = re.compile(r"[:：︰]\s*$")


def _gate(words: tuple[str, ...]) -> Any:
    """A fast "contains any of these words" test on lower-cased text (one
    alternation of literals: far cheaper than the rules it guards)."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    def test(lowered: str) -> bool:
        return pattern.search(lowered) is not None
    return test


_BUILTIN_KEEP = re.compile("|".join(f"(?:{k})" for k in R.KEEP_RULES))
_prompt_gate = _gate(R.PROMPT_GATE)
# an imperative at the start, or right after a short lead ("DW中文有Instagram！欢迎搜索…")
_IMPERATIVE = re.compile(r"(.{0,40}?[！!：:，,？?]\s*)?" + R.IMPERATIVE_START)
_LEAD = re.compile(r"[^\s，。:：,]{1,10}[:：]\s*")
_PROSE_END = re.compile(r"[。．][」』”’\"'）)]*$")


def _prompt_match(text: str, lowered: str, c: "_Compiled") -> re.Match[str] | None:
    """PROMPT rules, guarded: short lines only, no reporting verb, and a line that
    ends like a sentence must open like an imperative ("歡迎訂閱…。")."""
    if len(text) > 160 or not _prompt_gate(lowered) or _REPORTING.search(text):
        return None
    if _PROSE_END.search(text) and not _IMPERATIVE.match(text):
        return None
    m = c.prompt.fullmatch(text)
    if m is None:  # "新京报：点击关注，获取更多北京新闻" -- the outlet's name, then the prompt
        lead = _LEAD.match(text)
        if lead and lead.end() < len(text):
            m = c.prompt.fullmatch(text, lead.end())
    return m
_rights_gate = _gate(R.RIGHTS_GATE)


_HAS_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")


_CJK_OR_WORD = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")


def _length(text: str) -> int:
    """Length as a reader feels it: a CJK character counts 1, a Latin word 1."""
    return len(_CJK_OR_WORD.findall(text))


def _sentence(line: _Line) -> bool:
    """Ends like a sentence of prose (or is too long to be a headline)."""
    if line.sent is None:
        line.sent = _is_sentence(line.text)
    return line.sent


def _is_sentence(t: str) -> bool:
    if len(t) > 400:
        return True
    if _SENTENCE_END.search(t):
        # "U.S." or an abbreviation ending a short line is not a sentence;
        # a one-line English headline rarely ends with a period.
        return "。" in t or "．" in t or _length(t) >= 6
    if _SOFT_END.search(t) and _length(t) > 60:
        return True
    return _length(t) > 110


def _headline_like(line: _Line) -> bool:
    """A line that could be an item in a list of other articles."""
    if line.hl is None:
        if line.keep or line.tag in _OPAQUE or len(line.text) > 400:
            line.hl = False
        elif not _dense(line) and (len(line.text) > 240 or _sentence(line)):
            line.hl = False
        else:
            n = _length(line.text)
            line.hl = 1 <= n <= 160 if _dense(line) else 1 <= n <= 90 and not _sentence(line)
    return line.hl


def _dense(line: _Line) -> bool:
    return line.link_chars >= 0.6 * len(line.text)


# ---------------------------------------------------------------------------
# The judging passes
# ---------------------------------------------------------------------------

def _judge(lines: list[_Line], rules: Rules) -> None:
    c = rules.builtin
    n = len(lines)
    alive = lambda i: lines[i].verdict is None  # noqa: E731

    for ln in lines:
        if any(p.search(ln.text) for p in rules.keep) or _BUILTIN_KEEP.match(ln.text):
            ln.keep = True

    # 1. site / article patterns
    for i, ln in enumerate(lines):
        if ln.keep:
            continue
        for name, p in rules.cut_after:
            if p.search(ln.text):
                for later in lines[i:]:
                    if not later.keep and later.verdict is None:
                        later.verdict = name
                break
        if ln.verdict is None:
            for name, p in rules.drop:
                if p.search(ln.text):
                    ln.verdict = name
                    break

    # 2. named whole-line rules (table rows too: old pages lay out menus in tables)
    for ln in lines:
        if ln.keep or ln.verdict:
            continue
        t = ln.text
        low = t.lower()
        if len(t) <= 600 and _rights_gate(low):
            m = c.rights.fullmatch(t)
            if m:
                ln.verdict = c.names[m.lastgroup or ""]
                continue
        if len(t) > 300:
            continue
        m = c.strict.fullmatch(t) or _prompt_match(t, low, c)
        if m:
            ln.verdict = c.names[m.lastgroup or ""]

    # 3. feed timestamp / date line before the first sentence of prose
    if rules.on("meta:feed-timestamp"):
        for ln in lines:
            if ln.verdict or ln.keep:
                continue
            if _sentence(ln):
                break
            if _DATE_ONLY.fullmatch(ln.text):
                ln.verdict = "meta:feed-timestamp"

    # 4. lists of other articles after a known (or config) heading
    def heading_kind(ln: _Line) -> str | None:
        if len(ln.text) > 40 or _sentence(ln):
            return None
        if any(p.fullmatch(ln.text) for p in rules.extra_headings):
            return "config:list_headings"
        m = c.heading_known.fullmatch(ln.text)
        if m:
            return c.names[m.lastgroup or ""]
        m = c.heading_fuzzy.fullmatch(ln.text)
        if m and _length(ln.text) <= 12:
            return "?" + c.names[m.lastgroup or ""]
        return None

    def list_run(start: int) -> list[int]:
        """Indices of the list items after a heading at ``start - 1``."""
        items: list[int] = []
        j = start
        while j < n:
            ln = lines[j]
            if ln.keep:
                break
            if ln.verdict:
                j += 1
                continue
            if not _headline_like(ln):
                break
            if items and not _dense(ln) and all(_dense(lines[k]) for k in items):
                break  # a list of links ends where plain text (a byline, a caption) starts
            if ln.tag in _HEADING_TAGS and not _dense(ln) and items and j + 1 < n and _sentence(lines[j + 1]):
                break  # an article subheading resuming the prose
            items.append(j)
            j += 1
        return items

    if rules.on("list:heading-run"):
        i = 0
        while i < n:
            ln = lines[i]
            kind = None if (ln.verdict or ln.keep) else heading_kind(ln)
            if kind is None:
                i += 1
                continue
            items = list_run(i + 1)
            fuzzy = kind.startswith("?")
            after = items[-1] + 1 if items else i + 1
            last = all(not alive(k) for k in range(after, n))
            dense = sum(1 for k in items if _dense(lines[k]))
            if fuzzy and not (len(items) >= 2 and (last or dense * 2 >= len(items) or len(items) >= 4)
                              and not _enumerated(lines, items)):
                i += 1
                continue
            ln.verdict = kind.lstrip("?")
            for k in items:
                lines[k].verdict = "list:heading-run"
            i = (items[-1] + 1) if items else i + 1

    # 5. lists by shape alone
    _shape_lists(lines, rules)

    # 5b. promos and mastheads nobody listed, at the edges of the article
    _edge_promos(lines, rules)

    # 6. duplicated caption (pasted pages repeat alt text and caption)
    if rules.on("dup:caption"):
        recent: list[str] = []
        prev: _Line | None = None
        for ln in lines:
            if ln.verdict or ln.tag in _OPAQUE:
                continue
            key = _dup_key(ln.text) if len(ln.text) <= 200 else ln.text  # only captions need the fuzz
            if key in recent and not ln.keep and _HAS_WORD.search(ln.text) and len(ln.text) >= 4:
                ln.verdict = "dup:caption"
                continue
            # alt text, then the same caption with its credit: "圖為記者會" / "圖為記者會。(中央社)"
            if (prev is not None and not prev.keep and prev.verdict is None and len(recent[-1]) >= 8
                    and key.startswith(recent[-1]) and len(key) - len(recent[-1]) <= 15 and len(key) <= 200):
                prev.verdict = "dup:caption"
            recent = (recent + [key])[-2:]
            prev = ln

    # 7. promos glued inside a kept paragraph
    for ln in lines:
        if ln.verdict or ln.keep or ln.tag in _OPAQUE:
            continue
        for name, p, gate in c.inline:
            if not gate.search(ln.text):
                continue
            for m in p.finditer(ln.text):
                if m.end() > m.start():
                    ln.cuts.append((m.start(), m.end(), name))
        if ln.cuts:
            ln.cuts = _merge(ln.cuts)
            covered = sum(b - a for a, b, _ in ln.cuts)
            if covered >= len(ln.text.strip()):
                ln.verdict, ln.cuts = ln.cuts[0][2], []


_EDGE_PROMO = re.compile(R.EDGE_PROMO_WORDS)
_READER = re.compile(R.READER_WORDS)
_EDGE_CTA = re.compile(R.EDGE_CTA)
_PROMO_VERB = re.compile(R.PROMO_VERBS)
_OUTLET = re.compile(R.OUTLET_NAME)
_BYLINE_WORDS = re.compile(r"文\s*[／/｜|:：]|記者|记者|攝影|摄影|撰文|作者|編譯|编译|報導|报道|(?i:\bby\b)")


def _edge_promos(lines: list[_Line], rules: Rules) -> None:
    """Before the first and after the last paragraph of prose, a short line that
    names a promo thing (订阅, APP, 赞助, newsletter …) and either speaks to the
    reader (你/您/our …) or is no sentence at all, is a prompt."""
    def promo(ln: _Line) -> bool:
        t = ln.text
        if (ln.keep or ln.caption or ln.tag in _OPAQUE or len(t) > 120 or t.count("。") > 1 or _REPORTING.search(t)
                or not _EDGE_PROMO.search(t)):
            return False
        reader = bool(_READER.search(t) or _EDGE_CTA.search(t))
        if _sentence(ln):  # a sentence must speak to the reader or call to action
            return reader
        # a fragment must at least urge something ("海量资讯，尽在新浪财经APP");
        # a caption that merely names Facebook or an app does not
        return reader or bool(_PROMO_VERB.search(t))

    def prose(ln: _Line) -> bool:
        return _sentence(ln) and not promo(ln)

    alive = [ln for ln in lines if ln.verdict is None]
    first = next((k for k, ln in enumerate(alive) if prose(ln)), len(alive))
    last = next((k for k in range(len(alive) - 1, -1, -1) if prose(alive[k])), -1)
    for k, ln in enumerate(alive):
        if first <= k <= last:
            continue
        if rules.on("edge:promo") and promo(ln):
            ln.verdict = "edge:promo"
        elif (rules.on("edge:outlet-name") and not ln.keep and len(ln.text) <= 24 and _OUTLET.fullmatch(ln.text)
              and not _BYLINE_WORDS.search(ln.text)):
            ln.verdict = "edge:outlet-name"


def _dup_key(text: str) -> str:
    """Two copies of a caption compare equal despite full-/half-width
    punctuation and spacing: "，（美聯社）" == ",(美聯社)"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _merge(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    cuts.sort()
    out: list[tuple[int, int, str]] = []
    for a, b, name in cuts:
        if out and a <= out[-1][1]:
            pa, pb, pn = out[-1]
            out[-1] = (pa, max(pb, b), pn)
        else:
            out.append((a, b, name))
    return out


def _shape_lists(lines: list[_Line], rules: Rules) -> None:
    """Runs of headline-like lines that no heading rule announced."""
    n = len(lines)
    i = 0

    def candidate(ln: _Line) -> bool:
        # a caption, or a bullet of the article's own list, is never taken by shape alone
        return _headline_like(ln) and (_dense(ln) or not (ln.caption or ln.in_list))

    while i < n:
        if lines[i].verdict or not candidate(lines[i]):
            i += 1
            continue
        run: list[int] = []
        j = i
        while j < n and (lines[j].verdict or candidate(lines[j])):
            if not lines[j].verdict:
                run.append(j)
            j += 1
        i = j
        if not run:
            continue
        first = lines[run[0]]
        prev = next((lines[k] for k in range(run[0] - 1, -1, -1) if not lines[k].verdict), None)
        introduced = prev is not None and bool(_INTRO_END.search(prev.text)) and _sentence_like_intro(prev)
        if introduced or any(lines[k].in_ol for k in run) or _enumerated(lines, run):
            continue
        if prev is not None and _REFERENCE.fullmatch(prev.text):
            continue
        at_tail = all(lines[k].verdict or not _sentence(lines[k]) and _headline_like(lines[k]) for k in range(j, n))
        dense = sum(1 for k in run if _dense(lines[k]))
        headingish = (_length(first.text) <= 12 and not _dense(first)
                      and bool(re.search(R.LIST_HEADING_WORDS, first.text)))
        rule = None
        if dense >= 3 and dense * 10 >= len(run) * 6 and rules.on("list:link-run"):
            rule = "list:link-run"
        elif headingish and len(run) >= 3 and rules.on("list:shape-heading") and (dense * 2 >= len(run) or at_tail):
            rule = "list:shape-heading"
        elif (at_tail and (len(run) >= 4 or len(run) >= 3 and _bulleted(lines, run)) and prev is not None
              and rules.on("list:tail-run") and _headline_sized(lines, run)):
            rule = "list:tail-run"
        if rule:
            for k in run:
                lines[k].verdict = rule


_ENUMERATED = re.compile(
    r"\s*(\d{1,4}\s*(年|月|日|:|：|\.|、|\)|）|/)|\d{1,2}:\d{2}|第[一二三四五六七八九十百\d]+|[（(]?[一二三四五六七八九十]+[、.)）]|"
    r"[（(]\d{1,2}[)）]|[①-⑳]|\[\d{1,3}\]|\d{1,2}\s|(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d))")


_BULLET = re.compile(r"\s*[●•・▶►■□◆◇★☆▪▸‣◎○➤➜→\-–—*]")


def _bulleted(lines: list[_Line], run: list[int]) -> bool:
    """Every line opens with the same kind of bullet (●, ►, • …)."""
    return all(_BULLET.match(lines[k].text) for k in run)


def _enumerated(lines: list[_Line], run: list[int]) -> bool:
    """A timeline or numbered list (2018年7月：…, 00:30 …, 第一…, [1] …): the
    article's own, not a list of other articles."""
    items = [lines[k] for k in run[1:]] or [lines[k] for k in run]
    return sum(1 for ln in items if _ENUMERATED.match(ln.text)) * 2 >= len(items)


_REFERENCE = re.compile(R.REFERENCE_HEADING)


def _headline_sized(lines: list[_Line], run: list[int]) -> bool:
    """Items long enough to be headlines of other articles, and not the bullet
    points of the article's own list (which sit in <li> without a heading)."""
    items = [lines[k] for k in run[1:]] or [lines[run[0]]]
    if all(ln.in_list for ln in items) and lines[run[0]].in_list:
        return False
    cjk = sum(1 for ln in items if re.search(r"[\u3400-\u9fff]", ln.text))
    sized = [_length(ln.text) for ln in items]
    if len(sized) > 2 and sized[0] <= 6:  # a short unknown heading ("好文推荐") is no headline
        sized = sized[1:]
    floor = (7 if _bulleted(lines, run) else 8) if cjk * 2 >= len(items) else 6
    return sum(sized) >= floor * len(sized)


def _sentence_like_intro(line: _Line) -> bool:
    """"主要措施包括：" introduces the article's own list; "延伸閱讀：" does not."""
    return _length(line.text) >= 6 and not re.fullmatch(R.LIST_HEADING_WORDS + r".{0,8}", line.text)


# ---------------------------------------------------------------------------
# Applying verdicts to the tree
# ---------------------------------------------------------------------------

def _cut_text(inner: str, cuts: list[tuple[int, int]]) -> str:
    """Remove text ranges (offsets in the unescaped text) from inner HTML,
    dropping elements whose text lies wholly inside a range."""
    tokens = [(m.group(0), (m.group(2) or "").lower(), bool(m.group(1))) for m in _TOKEN.finditer(inner)]
    # text offset at every token, and span of each element
    pos = 0
    starts: list[int] = []
    for tok, name, _ in tokens:
        starts.append(pos)
        if not name and not tok.startswith("<"):
            pos += len(htmlmod.unescape(tok))
    spans: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for idx, (tok, name, closing) in enumerate(tokens):
        if not name or name in _VOID:
            continue
        if closing:
            for s in range(len(stack) - 1, -1, -1):
                if stack[s][0] == name:
                    spans[stack[s][1]] = idx
                    del stack[s:]
                    break
        else:
            stack.append((name, idx))

    def inside(a: int, b: int) -> bool:
        return any(x <= a and b <= y and b > a for x, y in cuts)

    dropped: set[int] = set()
    for open_idx, close_idx in spans.items():
        a, b = starts[open_idx], starts[close_idx]
        if inside(a, b):
            dropped.update((open_idx, close_idx))
    out: list[str] = []
    for idx, (tok, name, _) in enumerate(tokens):
        if idx in dropped:
            continue
        if name:
            if name == "img" and any(x < starts[idx] < y for x, y in cuts):
                continue
            out.append(tok)
            continue
        if tok.startswith("<"):
            out.append(tok)
            continue
        t = htmlmod.unescape(tok)
        s = starts[idx]
        kept = "".join(ch for k, ch in enumerate(t) if not any(x <= s + k < y for x, y in cuts))
        out.append(htmlmod.escape(kept, quote=False))
    return "".join(out)


def _remove(el: Any) -> None:
    """Remove a block, keep its tail, and remove containers it leaves empty."""
    parent = el.getparent()
    if parent is None:
        el.text = None
        for child in list(el):
            el.remove(child)
        return
    tail = el.tail
    prev = el.getprevious()
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
    if (parent.getparent() is not None and not len(parent) and not (parent.text or "").strip()
            and parent.tag in _BLOCK):
        _remove(parent)


def _apply(root: Any, lines: list[_Line]) -> None:
    by_el: dict[Any, list[_Line]] = {}
    for ln in lines:
        by_el.setdefault(ln.el, []).append(ln)
    for el, group in by_el.items():
        if all(ln.verdict for ln in group):
            if el.find(".//img") is None:
                _remove(el)
            else:  # an image in a junk block: keep the picture, drop the text
                _drop_text_keep_images(el)
            continue
        if not any(ln.verdict or ln.cuts for ln in group):
            continue
        if group[0].seg is None:
            ln = group[0]
            _trim(el, ln)
            continue
        segs = _segments(_inner_html(el), split_newlines=True)
        verdicts = {ln.seg: ln for ln in group}
        parts: list[str] = []
        for i, (sep, frag) in enumerate(segs):
            ln = verdicts.get(i)
            if ln is not None and ln.verdict:
                continue
            if ln is not None and ln.cuts:
                frag = _cut_segment(frag, ln)
            parts.append((sep if parts else "") + frag)
        _set_inner_html(el, "".join(parts))


def _drop_text_keep_images(el: Any) -> None:
    imgs = [img for img in el.iter("img")]
    for child in list(el):
        el.remove(child)
    el.text = None
    for img in imgs:
        img.tail = None
        el.append(img)


def _trim(el: Any, ln: _Line) -> None:
    inner = _inner_html(el)
    _set_inner_html(el, _cut_segment(inner, ln))


def _cut_segment(frag: str, ln: _Line) -> str:
    """Map cuts found in the normalised line text back to the raw text."""
    raw, _ = _html_text(frag)
    # normalised text offsets -> raw offsets: walk both strings
    mapping: list[int] = []
    norm = _norm(raw)
    r = 0
    for ch in norm:
        while r < len(raw) and raw[r] != ch and not (ch == " " and raw[r].isspace()):
            r += 1
        mapping.append(r)
        r += 1
    mapping.append(len(raw))
    cuts = []
    for a, b, _ in ln.cuts:
        ra = mapping[a]
        rb = mapping[b] if b < len(mapping) - 1 else len(raw)
        while ra > 0 and raw[ra - 1].isspace():
            ra -= 1
        cuts.append((ra, rb))
    return _cut_text(frag, cuts)


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------

def _whole_tables_only(lines: list[_Line]) -> None:
    """A table (or <pre>) is article data: it goes only when every row is junk
    (a layout table holding a menu), never row by row."""
    groups: dict[Any, list[_Line]] = {}
    for ln in lines:
        if ln.tag in _OPAQUE:
            groups.setdefault(ln.el, []).append(ln)
    for group in groups.values():
        if not all(ln.verdict for ln in group):
            for ln in group:
                ln.verdict = None


def _parse(fragment: str) -> Any:
    return lxml.html.fragment_fromstring(fragment or "", create_parent="div")


def _serialise(root: Any) -> str:
    return _inner_html(root)


def clean_body(fragment: str, rules: Rules | None = None) -> CleanedBody:
    """Remove clipping junk from a sanitised HTML fragment (see module doc)."""
    rules = rules or DEFAULT_RULES
    if not rules.enabled or not fragment.strip():
        return CleanedBody(fragment, (), ())
    root = _parse(fragment)
    lines = _lines(root)
    _judge(lines, rules)
    _whole_tables_only(lines)
    if not any(ln.verdict or ln.cuts for ln in lines):
        return CleanedBody(fragment, (), ())
    removed: list[Removed] = []
    rights: list[str] = []
    for ln in lines:
        if ln.verdict:
            removed.append(Removed(ln.verdict, ln.text))
            if ln.verdict.startswith("rights:"):
                rights.append(ln.text)
        for a, b, name in ln.cuts:
            removed.append(Removed(name, ln.text[a:b].strip()))
    _apply(root, lines)
    return CleanedBody(_serialise(root), tuple(removed), tuple(rights))


def to_plain_lines(fragment: str) -> list[str]:
    """Cleaned HTML -> one paragraph / caption / list item per line."""
    if not fragment.strip():
        return []
    return [ln.text for ln in _lines(_parse(fragment))]
