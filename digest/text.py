"""Text normalisation on input: what a curator pastes must be writable everywhere.

Word processors and web pages leave control characters in text: a vertical tab
(Word's manual line break), a form feed (a page break), U+001D (group
separator), NEL, LINE SEPARATOR. Python's ``str.splitlines`` splits on all of
them, so one sentence became several paragraphs, and XML (feeds, sitemaps)
cannot hold most of them at all: lxml raises and the build fails naming no file.

In: any string (a whole content file before its YAML is parsed, each
frontmatter string after it, an HTML fragment after rendering).
Out: the same string where

* a line-breaking control inside a paragraph (U+000B, U+000C, U+001C..U+001E,
  U+0085, U+2028, U+2029) becomes nothing between Chinese characters (a line
  break inside a Chinese sentence is not a space) and one space between other
  letters, so "inter\\vnational" keeps its word gap and no new line appears;
* every other control character (Unicode category Cc except tab, line feed and
  carriage return), lone surrogates (``"\\ud800"`` in a YAML escape) and the
  non-characters U+FFFE/U+FFFF are removed.

Newlines are never added or removed, so line numbers in messages stay right.
The XML 1.0 Char production (https://www.w3.org/TR/xml/#charsets) is what
decides which characters cannot be written.
"""

from __future__ import annotations

import re
from typing import Any

_BREAKING = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RUN = re.compile(f"[{_BREAKING}]+")
# C0 and C1 controls except \t \n \r and the breaking ones above; surrogates; U+FFFE/U+FFFF.
_DROP = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]+")
_ANY = re.compile(f"[{_BREAKING}\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _join(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() or after.isspace() or _CJK.match(before) or _CJK.match(after):
        return ""
    return " "


def normalise_text(text: str) -> str:
    """``text`` with breaking controls joined and other unwritable characters removed."""
    if not _ANY.search(text):  # the usual case: nothing to do
        return text
    return _DROP.sub("", _BREAK_RUN.sub(_join, text))


def normalise_tree(value: Any, _seen: dict[int, Any] | None = None) -> Any:
    """Every string in a YAML value (mappings, lists, nested), normalised.

    A node YAML shares through an alias is normalised once and stays shared, and
    a node that contains itself (``&a [*a]``) stays a cycle: no exponential
    blow-up, no endless recursion. Nesting deeper than Python's recursion limit
    raises RecursionError, which the caller reports."""
    if isinstance(value, str):
        return normalise_text(value)
    if not isinstance(value, (dict, list)):
        return value
    seen = {} if _seen is None else _seen
    if id(value) in seen:
        return seen[id(value)]
    if isinstance(value, list):
        items: list[Any] = []
        seen[id(value)] = items
        items.extend(normalise_tree(v, seen) for v in value)
        return items
    mapping: dict[Any, Any] = {}
    seen[id(value)] = mapping
    for k, v in value.items():
        mapping[normalise_tree(k, seen)] = normalise_tree(v, seen)
    return mapping
