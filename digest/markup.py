"""Inline conversion markup, after MediaWiki's ``-{…}-``.

In:  text a curator wrote (a body, title, summary or tag) that may contain
     ``-{text}-`` (leave *text* as written in both editions) or
     ``-{zh-hans:X;zh-hant:Y}-`` (write X in the zh-Hans edition, Y in zh-Hant).
Out: :func:`check` lists malformed markup as ``(line offset, reason)``;
     :func:`tokenise` swaps each use for one private-use character and returns
     the :class:`Phrase` it stands for, so later stages (rendering, cleaning,
     summary cutting, script conversion) can never split, convert or show it;
     :func:`resolve` puts each edition's variant back in at the end.

MediaWiki's other flags (``-{H|…}-``, ``-{A|…}-`` …) are not supported: a
phrase meant for every article belongs in the site glossary.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

# Supplementary Private Use Area-A: no news text contains it, the converters
# pass it through, and one code point per phrase cannot be cut in half.
TOKEN_BASE = 0xF0000
TOKEN_LIMIT = 0xFFFFD - TOKEN_BASE
TOKEN = re.compile("[\U000F0000-\U000FFFFD]")

MARKUP = re.compile(r"-\{(.*?)\}-", re.S)
_OPEN = re.compile(r"-\{")
_VARIANT = re.compile(r"\s*(zh-[A-Za-z]+)\s*:(.*)", re.S)
_FLAG = re.compile(r"\s*([A-Za-z]{1,2})\s*\|")
VARIANTS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


@dataclass(frozen=True)
class Phrase:
    """What one ``-{…}-`` writes in each edition (raw text, as the curator typed it)."""

    hans: str
    hant: str

    def for_edition(self, code: str) -> str:
        return self.hans if code == "zh-Hans" else self.hant


def parse(inner: str) -> Phrase | str:
    """The Phrase of one markup's inside, or the reason it is malformed."""
    if not inner.strip():
        return "empty -{}-: write the text to keep inside it"
    if "-{" in inner:
        return "-{ … }- cannot be nested"
    flag = _FLAG.match(inner)
    if flag:
        return (f"unsupported -{{{flag.group(1)}|…}}- flag: use -{{text}}- or -{{zh-hans:X;zh-hant:Y}}-;"
                " a rule for every article belongs in the glossary")
    if not _VARIANT.match(inner):
        return Phrase(inner, inner)
    found: dict[str, str] = {}
    for part in inner.split(";"):
        if not part.strip():
            continue
        match = _VARIANT.match(part)
        if not match:
            return f"'{part.strip()}' in -{{…}}- is not 'zh-hans:…' or 'zh-hant:…'"
        code = VARIANTS.get(match.group(1).lower())
        if code is None:
            return f"unknown variant '{match.group(1)}' in -{{…}}- (use zh-hans and zh-hant)"
        if code in found:
            return f"variant '{match.group(1)}' given twice in -{{…}}-"
        if not match.group(2).strip():
            return f"variant '{match.group(1)}' in -{{…}}- has no text"
        found[code] = match.group(2).strip()
    missing = [c.lower() for c in VARIANTS.values() if c not in found]
    if missing:
        return f"-{{…}}- gives no text for {missing[0]}: give both zh-hans and zh-hant"
    return Phrase(found["zh-Hans"], found["zh-Hant"])


def check(text: str) -> list[tuple[int, str]]:
    """Every malformed markup in ``text`` as (0-based line offset, reason)."""
    problems = []
    position = 0
    while True:
        start = _OPEN.search(text, position)
        if start is None:
            break
        match = MARKUP.match(text, start.start())
        line = text.count("\n", 0, start.start())
        if match is None:
            problems.append((line, "-{ is not closed by }-"))
            break
        result = parse(match.group(1))
        if isinstance(result, str):
            problems.append((line, result))
        position = match.end()
    if TOKEN.search(text):
        line = text.count("\n", 0, TOKEN.search(text).start())  # type: ignore[union-attr]
        problems.append((line, "private-use character U+F0000–U+FFFFD is reserved for -{…}- markup"))
    return problems


def tokenise(text: str, phrases: tuple[Phrase, ...] = ()) -> tuple[str, tuple[Phrase, ...]]:
    """Replace each (valid) markup with a token; ``phrases`` grows by one per use.

    Malformed markup is left as it is (:func:`check` reports it first)."""
    found = list(phrases)

    def swap(match: re.Match[str]) -> str:
        result = parse(match.group(1))
        if isinstance(result, str) or len(found) >= TOKEN_LIMIT:
            return match.group(0)
        found.append(result)
        return chr(TOKEN_BASE + len(found) - 1)

    if "-{" not in text:
        return text, phrases
    return MARKUP.sub(swap, text), tuple(found)


def resolve(text: str, phrases: tuple[Phrase, ...], code: str, *, html: bool = False) -> str:
    """Tokens -> the edition's text. In HTML the phrase is escaped, so markup can
    never smuggle a tag past the sanitiser."""
    if not phrases or not TOKEN.search(text):
        return text

    def back(match: re.Match[str]) -> str:
        index = ord(match.group(0)) - TOKEN_BASE
        value = phrases[index].for_edition(code) if index < len(phrases) else ""
        return htmllib.escape(htmllib.unescape(value), quote=False) if html else value

    return TOKEN.sub(back, text)


def strip(text: str, code: str) -> str:
    """Raw text with its markup replaced by the edition's variant (no conversion)."""
    tokens, phrases = tokenise(text)
    return resolve(tokens, phrases, code)
