"""The curator's regular expressions (``cleaning:`` keep/drop/cut_after/list_headings,
in config.yaml and in frontmatter), compiled with RE2.

In: a pattern string as the curator wrote it (Python ``re`` syntax).
Out: a compiled RE2 pattern with the ``search``/``match``/``fullmatch`` methods of
``re.Pattern``, or :class:`CuratorPatternError` with a one-line reason.

Why RE2 (google-re2, the bindings Google publishes on PyPI): its matching time is
linear in the text, whatever the pattern, so a pattern with catastrophic
backtracking (``(a+)+$``) cannot hang a build; Python's ``re`` needs
exponential time for it and cannot be interrupted. The price is that RE2 has no
look-around and no back-references; a pattern using them is reported, never
silently skipped.

Python's ``\\s``, ``\\d`` and ``\\w`` match Unicode (the ideographic space U+3000,
full-width digits, CJK letters); RE2's match ASCII only. Outside character classes
they are rewritten to the Unicode classes Python means (``\\s`` also matches
separators ``\\p{Z}``, ``\\d`` is ``\\p{Nd}``, ``\\w`` is letters, marks, digits and
``_``), inside a class ``\\s``/``\\d``/``\\w`` gain the same members; ``\\Z`` is
RE2's ``\\z``.
"""

from __future__ import annotations

from functools import lru_cache

import re2

MAX_PATTERN = 2000  # characters: a rule is a line, not a program

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would also print every error to stderr

_OUTSIDE = {"s": r"[\s\p{Z}]", "S": r"[^\s\p{Z}]", "d": r"\p{Nd}", "D": r"\P{Nd}",
            "w": r"[\p{L}\p{M}\p{Nd}_]", "W": r"[^\p{L}\p{M}\p{Nd}_]", "Z": r"\z"}
_INSIDE = {"s": r"\s\p{Z}", "d": r"\p{Nd}", "w": r"\p{L}\p{M}\p{Nd}_"}


class CuratorPatternError(ValueError):
    """A curator pattern RE2 cannot run; ``str()`` is the reason."""


def _unicode_classes(pattern: str) -> str:
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            table = _INSIDE if in_class else _OUTSIDE
            out.append(table.get(nxt, ch + nxt))
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            if pattern[i + 1:i + 2] == "^":  # "[^]…]" and "[]…]": a leading "]" is a member
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":
                out.append("]")
                i += 1
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1024)
def compile_curator(pattern: str) -> re2._Regexp:
    """Compile one curator pattern; raise CuratorPatternError with a short reason."""
    if not isinstance(pattern, str):
        raise CuratorPatternError("a pattern must be text")
    if len(pattern) > MAX_PATTERN:
        raise CuratorPatternError(f"a pattern of {len(pattern)} characters is longer than {MAX_PATTERN}")
    try:
        return re2.compile(_unicode_classes(pattern), options=_OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = " (RE2 has no look-around or back-references)" if "perl operator" in reason or "escape" in reason else ""
        raise CuratorPatternError(f"{reason[:120]}{hint}") from None
