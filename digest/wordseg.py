"""Word boundaries of Simplified Chinese text, for the converter's boundary check.

In:  a short stretch of Simplified Chinese (a few words around a conversion
     rule's match; Traditional text is mapped character by character first).
Out: :func:`boundaries` -> the set of offsets (0..len) where a word starts or
     ends.

The segmenter is jieba 0.42.1 (pinned in requirements.txt) with its own
dictionary from the package (dict.txt, 349,046 words with frequencies) and
without its HMM for unknown words, so a word jieba does not know is cut into
single characters rather than guessed. Words with 着 also get Taiwan's 著
spelling (看著). Names from the project glossary
(people, places, organisations) are added as words, so a name stays one unit
(泽连斯基, 蓬佩奥). Loaded on first use: about 1.5 s the first time on a
machine, when jieba writes its prefix dictionary to a cache file in the temp
folder (``jieba.cache``, jieba's own mechanism), about 0.5 s after that.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# Frequency given to a glossary name jieba lacks: about that of a common
# two-character word in dict.txt (e.g. 政策 has 9,470, 表示 23,404), so the name
# is one word but never beats a real word it overlaps (四川|普通话 over 川普).
NAME_FREQUENCY = 3000

# How far before a span :func:`may_straddle` looks for the start of a word.
LONGEST_REACH = 4

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    with _LOCK:
        tokenizer.initialize()
    # Taiwan writes the verb suffix 着 as 著 (看著, 隨著), and no character map
    # can tell it from 著 "write" (著作): give each 着 word its 著 spelling too,
    # so 看著作業 is 看著|作業, not 看|著作|業.
    freq = tokenizer.FREQ
    for word in [w for w in freq if "着" in w and freq[w]]:
        variant = word.replace("着", "著")
        if not freq.get(variant):
            tokenizer.add_word(variant, freq[word])
    return tokenizer


@lru_cache(maxsize=4)
def segmenter(names: tuple[str, ...]) -> Any:
    """jieba's tokenizer with ``names`` added as words (Simplified forms)."""
    tokenizer = _tokenizer()
    for name in names:
        if len(name) > 1 and tokenizer.FREQ.get(name, 0) == 0:
            tokenizer.add_word(name, NAME_FREQUENCY)
    return tokenizer


def boundaries(text: str, names: tuple[str, ...] = (), tokenizer: Any = None) -> set[int]:
    """Offsets in ``text`` (Simplified script) where words start or end, 0 and
    len(text) included. ``tokenizer``: :func:`segmenter`'s result, if at hand."""
    cuts = {0}
    at = 0
    for word in (tokenizer or segmenter(names)).cut(text, HMM=False):
        at += len(word)
        cuts.add(at)
    return cuts


def may_straddle(text: str, start: int, end: int, names: tuple[str, ...] = (), tokenizer: Any = None) -> bool:
    """Quick test before :func:`straddle_cost`: could a dictionary word run from
    before ``start`` to inside text[start:end], or from inside it to past ``end``?
    Where no word does, the span cannot straddle a word boundary."""
    freq = (tokenizer or segmenter(names)).FREQ  # every word and every prefix of a word (0 for a prefix only)
    for i in range(start - 1, max(-1, start - LONGEST_REACH - 1), -1):
        if text[i:start + 1] not in freq:
            break
        if any(freq.get(text[i:j]) for j in range(start + 1, end)):
            return True
    for j in range(start + 1, end):
        if text[j:end + 1] in freq:
            return True
    return False


def _best(tokenizer: Any, text: str) -> float:
    """Log-probability of jieba's best segmentation of ``text`` (0 for '')."""
    if not text:
        return 0.0
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(text, tokenizer.get_DAG(text), route)
    return route[0][0]


def straddle_cost(text: str, start: int, end: int, names: tuple[str, ...] = (), tokenizer: Any = None) -> float:
    """How much less likely (in nats) the best segmentation of ``text`` becomes
    when text[start:end] must start and end on word boundaries. 0 when the best
    segmentation already has both boundaries, or when the span is the head of a
    longer word (网络 in 网络安全); large when the span takes a piece of each of
    two likely words (丝发 in 粉丝|发布) or the tail of one (程式 in 方程式)."""
    tokenizer = tokenizer or segmenter(names)
    cuts = boundaries(text, tokenizer=tokenizer)
    if start in cuts and end in cuts:
        return 0.0
    if start in cuts and not any(start < c < end for c in cuts):
        return 0.0  # the head of a longer word (网络 in 网络安全)
    best = _best(tokenizer, text)
    forced = _best(tokenizer, text[:start]) + _best(tokenizer, text[start:end]) + _best(tokenizer, text[end:])
    return best - forced


def words(text: str, names: tuple[str, ...] = (), tokenizer: Any = None) -> Iterable[str]:
    """``text`` cut into words (their concatenation is ``text``)."""
    return (tokenizer or segmenter(names)).cut(text, HMM=False)
