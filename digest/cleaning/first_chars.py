"""Which characters can open a match of a regular expression.

A whole-line rule that cannot start with a line's first character cannot
match the line, so ``RuleTable`` tries only the rules whose opening set holds
it. The set is read from the pattern's parse tree (the standard library's
``re`` parser) and given back as a regular expression of one character, so
the very engine that runs the rule decides membership, flags and Unicode
classes included.

The set is a superset, never a subset, of the characters a match can start
with: lookarounds and anchors are read as matching nothing (so what follows
them counts too), and anything the reader does not know (a back reference,
a conditional group) makes the set "any character". The tests check the
rules of ``digest.cleaning.rules`` against their alternation on real lines.
"""

from __future__ import annotations

import re
from typing import Any

from re import _constants as _C, _parser as _P  # type: ignore[attr-defined]

__all__ = ["opening_class"]

_CATEGORIES = {
    _C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D",
    _C.CATEGORY_SPACE: r"\s", _C.CATEGORY_NOT_SPACE: r"\S",
    _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """A construct whose opening characters are not worked out: any character."""


def opening_class(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A pattern that fullmatches every character a non-empty match of
    ``pattern`` (compiled with ``flags``) can start with, and maybe others; None
    when that can be any character. In: a regex source and its flags. Raises
    re.error when ``pattern`` does not compile."""
    parsed = _P.parse(pattern, flags)
    try:
        pieces, _ = _sequence(parsed, parsed.state.flags)
    except _Unknown:
        return None
    return re.compile("|".join(pieces) if pieces else r"(?!x)x")


def _sequence(items: Any, flags: int) -> tuple[list[str], bool]:
    """(one-character patterns for what can open ``items``, whether all of
    ``items`` can match nothing)."""
    pieces: list[str] = []
    for op, value in items:
        found, empty = _item(op, value, flags)
        pieces += found
        if not empty:
            return pieces, False
    return pieces, True


def _cased(source: str, flags: int) -> str:
    return f"(?i:{source})" if flags & re.IGNORECASE else source


def _item(op: Any, value: Any, flags: int) -> tuple[list[str], bool]:
    if op is _C.LITERAL:
        return [_cased(re.escape(chr(value)), flags)], False
    if op is _C.NOT_LITERAL:
        return [_cased(f"[^{re.escape(chr(value))}]", flags)], False
    if op is _C.IN:
        return [_cased(_char_class(value), flags)], False
    if op is _C.SUBPATTERN:
        _, add, remove, items = value
        return _sequence(items, (flags | add) & ~remove)
    if op is _C.BRANCH:
        pieces: list[str] = []
        empty = False
        for branch in value[1]:
            found, branch_empty = _sequence(branch, flags)
            pieces += found
            empty = empty or branch_empty
        return pieces, empty
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, high, items = value
        if high == 0:
            return [], True
        found, empty = _sequence(items, flags)
        return found, empty or low == 0
    if op is _C.ATOMIC_GROUP:
        return _sequence(value, flags)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return [], True  # consumes nothing: what follows opens the match
    raise _Unknown(op)  # ANY, back references, conditionals, …


def _char_class(items: Any) -> str:
    parts = []
    negated = False
    for op, value in items:
        if op is _C.NEGATE:
            negated = True
        elif op is _C.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is _C.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is _C.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise _Unknown(op)
    return f"[{'^' if negated else ''}{''.join(parts)}]"
