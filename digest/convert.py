"""Stage: text in one Chinese script -> the same text in an edition's script (OpenCC).

In: an Edition and strings or sanitised HTML. Out: converted strings or HTML in
which only text changed: tags, attributes (so every URL) and the content of
``<code>``/``<pre>`` pass through byte for byte. Text already in the edition's
script is returned untouched; that decision is the caller's (``needs_conversion``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from .config import Edition

# Splits serialised HTML into tags and text. Sanitised HTML has no comments,
# scripts or CDATA, so a tag is always "<" up to the next ">" outside quotes.
_TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
_VERBATIM_OPEN = re.compile(r"<(code|pre|kbd)\b", re.I)
_VERBATIM_CLOSE = re.compile(r"</(code|pre|kbd)\s*>", re.I)
# A private-use character no news text contains: one OpenCC call per document
# instead of one per text node, while phrases never match across tags.
_SEPARATOR = "\ue000"


@lru_cache(maxsize=None)
def _converter(config_name: str) -> opencc.OpenCC:
    name = config_name if config_name.endswith(".json") else f"{config_name}.json"
    return opencc.OpenCC(name)


def script_neutral(text: str) -> str:
    """A spelling shared by both scripts (plain character-level t2s), for keys that
    must match whichever script a curator typed, such as tag folders."""
    return _converter("t2s").convert(text)


def needs_conversion(article_lang: str, edition: Edition) -> bool:
    """Only Chinese text in the other script is converted; English is left alone."""
    return article_lang.startswith("zh") and article_lang != edition.code


def convert_text(text: str, edition: Edition) -> str:
    return _converter(edition.opencc).convert(text) if text else text


def convert_html(fragment: str, edition: Edition) -> str:
    """Convert the text nodes of ``fragment`` and nothing else."""
    pieces = _TAG.split(fragment)  # even indexes: text, odd: tags
    convertible: list[int] = []
    verbatim_depth = 0
    for index, piece in enumerate(pieces):
        if index % 2:
            if _VERBATIM_OPEN.match(piece):
                verbatim_depth += 1
            elif _VERBATIM_CLOSE.match(piece):
                verbatim_depth = max(0, verbatim_depth - 1)
        elif piece and verbatim_depth == 0:
            convertible.append(index)
    if not convertible:
        return fragment
    joined = _SEPARATOR.join(pieces[i] for i in convertible)
    converted = convert_text(joined, edition).split(_SEPARATOR)
    if len(converted) != len(convertible):  # never trade correctness for speed
        converted = [convert_text(pieces[i], edition) for i in convertible]
    for index, text in zip(convertible, converted, strict=True):
        pieces[index] = text
    return "".join(pieces)
