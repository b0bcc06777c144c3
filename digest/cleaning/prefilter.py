"""What a line needs before a regular expression is worth trying on it.

Two facts are read from a pattern's parse tree (the standard library's ``re``
parser), both given back as regular expressions so the very engine that runs
the rule decides membership, flags and Unicode classes included:

- ``opening_class``: the characters a match can start with. A whole-line rule
  that cannot start with a line's first character cannot match the line, so
  ``RuleTable`` tries only the rules whose opening set holds it; and
  ``closing_class``, the same for the last character (a rule that ends in
  ``[^。]{0,40}`` is not tried on a sentence).
- ``required_text``: literals of which every match holds at least one (the
  "necessary factors" of RE2's and Hyperscan's literal prefilters). A rule
  that opens with ``.{0,40}`` or ``(?=.*本站)`` can open with any character;
  a search for its literals fails on a prose line in a fraction of the time
  the rule takes to fail.

Both are supersets, never subsets: lookarounds and anchors are read as
matching nothing (so what follows them counts too), and anything the reader
does not know (a back reference, a conditional group, ``.``) makes the opening
or closing set "any character" and leaves a rule without required text. The tests check the
rule tables of ``digest.cleaning.rules`` against their plain alternation on
real and generated lines.
"""

from __future__ import annotations

import re
from typing import Any

from re import _constants as _C, _parser as _P  # type: ignore[attr-defined]

__all__ = ["closing_class", "opening_class", "required_text"]

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
    return _end_class(pattern, flags, backwards=False)


def closing_class(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """:func:`opening_class` read from the other end: a pattern that fullmatches
    every character a non-empty match of ``pattern`` can end with, and maybe
    others; None when that can be any character. Raises re.error when
    ``pattern`` does not compile."""
    return _end_class(pattern, flags, backwards=True)


def _end_class(pattern: str, flags: int, backwards: bool) -> re.Pattern[str] | None:
    parsed = _P.parse(pattern, flags)
    try:
        pieces, _ = _sequence(parsed, parsed.state.flags, backwards)
    except _Unknown:
        return None
    return re.compile("|".join(pieces) if pieces else r"(?!x)x")


def _sequence(items: Any, flags: int, backwards: bool = False) -> tuple[list[str], bool]:
    """(one-character patterns for what can open ``items`` -- or close them,
    ``backwards`` --, whether all of ``items`` can match nothing)."""
    pieces: list[str] = []
    for op, value in (reversed(list(items)) if backwards else items):
        found, empty = _item(op, value, flags, backwards)
        pieces += found
        if not empty:
            return pieces, False
    return pieces, True


def _cased(source: str, flags: int) -> str:
    return f"(?i:{source})" if flags & re.IGNORECASE else source


def _item(op: Any, value: Any, flags: int, backwards: bool = False) -> tuple[list[str], bool]:
    if op is _C.LITERAL:
        return [_cased(re.escape(chr(value)), flags)], False
    if op is _C.NOT_LITERAL:
        return [_cased(f"[^{re.escape(chr(value))}]", flags)], False
    if op is _C.IN:
        return [_cased(_char_class(value), flags)], False
    if op is _C.SUBPATTERN:
        _, add, remove, items = value
        return _sequence(items, (flags | add) & ~remove, backwards)
    if op is _C.BRANCH:
        pieces: list[str] = []
        empty = False
        for branch in value[1]:
            found, branch_empty = _sequence(branch, flags, backwards)
            pieces += found
            empty = empty or branch_empty
        return pieces, empty
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, high, items = value
        if high == 0:
            return [], True
        found, empty = _sequence(items, flags, backwards)
        return found, empty or low == 0
    if op is _C.ATOMIC_GROUP:
        return _sequence(value, flags, backwards)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return [], True  # consumes nothing: what follows (or, backwards, precedes) opens the match
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


# ---------------------------------------------------------------------------
# Required text
# ---------------------------------------------------------------------------

# A character class of at most this many single characters still counts as a
# set of one-character literals (`[：:]`); a larger one is no useful filter.
_SMALL_CLASS = 4


def required_text(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A pattern of case-folded literals whose ``search`` finds one in the
    case-folded form (``str.casefold``) of every string that ``pattern``
    (compiled with ``flags``) fullmatches, or None when no literal is
    required. In: a regex source and its flags. Raises re.error when
    ``pattern`` does not compile.

    Case-folded rather than compiled with ``re.IGNORECASE``: a search for
    literals with differing first characters runs fast in the engine only
    when it is case-sensitive (it then skips every position whose character
    opens none of them), and it is the one search per line that must be cheap.

    Of the literals a match must hold, the set whose shortest member is
    longest is taken (then the smaller set): "投资" rules a line out more
    often than "：". Lookbehinds are ignored, since they look before the
    match; a lookahead's text lies inside a fullmatch, so it counts."""
    parsed = _P.parse(pattern, flags)
    needed = _needed_in_sequence(parsed)
    if not needed:
        return None
    folded = {text.casefold() for text in needed}
    return re.compile("|".join(re.escape(text) for text in sorted(folded, key=lambda t: (-len(t), t))))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _needed_in_sequence(items: Any) -> frozenset[str] | None:
    """The best set of literals every match of the sequence ``items`` holds one of."""
    best: frozenset[str] | None = None
    run = ""  # consecutive literal characters: together one required string
    for op, value in items:
        if op is _C.LITERAL:
            run += chr(value)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        best = _better(best, _needed_in_item(op, value))
    if run:
        best = _better(best, frozenset([run]))
    return best


def _needed_in_item(op: Any, value: Any) -> frozenset[str] | None:
    if op is _C.SUBPATTERN:
        return _needed_in_sequence(value[3])
    if op is _C.ATOMIC_GROUP:
        return _needed_in_sequence(value)
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            needed = _needed_in_sequence(branch)
            if not needed:
                return None  # a branch that needs nothing: the alternation needs nothing
            union |= needed
        return frozenset(union)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, _, items = value
        return _needed_in_sequence(items) if low >= 1 else None
    if op is _C.ASSERT:
        direction, items = value
        return _needed_in_sequence(items) if direction == 1 else None
    if op is _C.IN and len(value) <= _SMALL_CLASS and all(kind is _C.LITERAL for kind, _ in value):
        return frozenset(chr(code) for _, code in value)
    return None  # classes, any character, anchors, negative lookarounds, back references, …
