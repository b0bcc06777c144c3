"""Stage: Articles -> Stories (coverage of one event by several outlets, in either script).

In: one :class:`StoryInput` per published article (an id, outlet, date with offset,
script, title and *cleaned* plain text, and the curator's ``story`` / ``story_lead``
frontmatter) and the site's :class:`~digest.config.StorySettings`. Out: frozen
:class:`Story` records, one per story, every article in exactly one; an article no
other article reports is a story of its own.

Method (chosen by measurement, README "Stories"):

1. Text: title + cleaned body, NFKC. Lines an outlet repeats in several of its
   articles (galleries, "follow us", related-link blocks cleaning missed) are
   dropped, then only the first ``BODY_CHARS`` characters of the body count: the
   lead carries the event, the tail carries background and junk. That window is put
   in one script with one spelling of regional names (``convert.to_neutral``:
   Traditional -> Simplified, 川普 -> 特朗普) and lower case.
2. Terms: Chinese runs -> character bigrams; Latin/digit runs -> words.
3. Weights: sublinear term frequency x *background specificity*
   ``max(0, ln(P0 / p(term)))``, where ``p`` is the term's frequency in general
   Chinese (or English) text from the ``wordfreq`` package's shipped word lists
   (a bigram: the frequency of the words containing it, or the product of its two
   characters' frequencies when larger). Unlike an IDF fitted on the site, this
   does not depend on which other articles exist, so one threshold serves a
   two-article site and a ten-thousand-article one alike, and adding an article
   never changes the similarity of two others. Rows are L2-normalised; cosine
   similarity is their product as scipy sparse matrices, computed for the whole
   window and for title + the first ``LEAD_CHARS`` characters, the higher counting
   (a short flash matches a long report's opening).
4. Score: similarity x exp(-hours apart / DECAY_HOURS), x ``cross_script`` for a
   zh-Hans/zh-Hant pair (capped at 1): reports of one event come within hours while
   daily series look alike a day apart, and the two scripts' outlets name things
   differently, so their similarities run lower.
5. Only articles at most ``window_hours`` apart are compared; stories are formed by
   agglomeration (LINKAGE, single by default: the best pair between two groups must
   reach ``threshold``), and a story never spans more than the window.

The result is a pure function of the inputs (order-independent: articles are
sorted by date and id first), so it may be cached and parallel builds agree.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import pickle
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from .article import Article
from .cleaning import cleaned_text
from .cache import MISSING, Memo, memo_map_keys, no_memo
from .config import Config, StorySettings
from .convert import to_neutral
from .workers import Workers

# Leads carry the event (inverted pyramid); the tail of an article is background,
# quotes and whatever junk survived cleaning. Chosen on the dev split (README).
BODY_CHARS = 1200
# A pair is also compared on title + the first LEAD_CHARS characters of the body, and
# the higher of the two similarities counts: a 40-character flash (Readhub) or a short
# broadcast item matches the opening of a long wire story, but over 1,200 characters
# the long story's background dilutes their overlap. Chosen on the dev split (README).
LEAD_CHARS: int | None = 100  # None: whole windows only
# Terms at least this frequent in general text (1 in 1,000 words) weigh nothing:
# 的是, 美国, "the". Chosen on the dev split (README).
P0 = 1e-3
# Frequency assumed for a term no word list knows (a rare name, a new coinage).
_P_UNSEEN = 1e-7
# A pair's similarity fades with the time between the two articles, exp(-hours/DECAY_HOURS):
# reports of one event mostly come within hours, while daily series (weather, market
# closes) look alike a day apart. Chosen on the dev split (README).
DECAY_HOURS = 48.0
# "single": groups merge on their most similar pair (a story's reports chain: the toll
# update resembles the first report, not the eyewitness piece); "average": on the mean.
LINKAGE = "single"
# Pairs below this score are dropped: keeps the pair list sparse.
_FLOOR = 0.02
# A line the same outlet prints in this many of its articles is its boilerplate.
_REPEATS = 2
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_RUN = re.compile(f"[{_HAN}]+|[^\\W_{_HAN}]+")  # a Han run, or a run of other letters/digits
_CJK = re.compile(f"[{_HAN}]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class StoryInput:
    """What grouping sees of one article."""

    id: str  # unique: the article's slug (or the ``id`` of a JSON line)
    outlet: str  # source name, to tell an outlet's own boilerplate
    date: datetime  # timezone-aware
    lang: str  # zh-Hans, zh-Hant or en
    title: str
    text: str  # cleaned plain text of the body, one paragraph per line
    story: str | bool | None = None  # frontmatter ``story``: a curator's key, False (alone) or None
    lead: bool = False  # frontmatter ``story_lead: true``


@dataclass(frozen=True)
class Story:
    """One story: its articles' ids, earliest first.

    ``key`` is the id of its earliest article (the story page's URL name: adding a
    later article never changes it); ``lead`` the article listings show first: the
    earliest with ``story_lead: true``, else the earliest.
    """

    key: str
    ids: tuple[str, ...]
    lead: str


@dataclass(frozen=True)
class ScoredPairs:
    """Pairs of articles with their ``pair_score``: three numpy arrays of one
    length, ``first`` and ``second`` (int64 indexes into the articles grouped,
    first < second) and ``score`` (float64). Arrays, not a dict of tuples: a dense
    site has millions of pairs."""

    first: Any
    second: Any
    score: Any

    def renumbered(self, numbers: Sequence[int]) -> ScoredPairs:
        """The same pairs with each index ``k`` replaced by ``numbers[k]``."""
        import numpy as np

        table = np.asarray(numbers, dtype=np.int64)
        return ScoredPairs(table[self.first], table[self.second], self.score)

    def __eq__(self, other: object) -> bool:
        """The same pairs in the same order with the very same scores (no tolerance)."""
        if not isinstance(other, ScoredPairs):
            return NotImplemented
        import numpy as np

        return all(np.array_equal(mine, theirs) for mine, theirs in
                   ((self.first, other.first), (self.second, other.second), (self.score, other.score)))

    __hash__ = None  # type: ignore[assignment]  # (arrays: not hashable)

    def as_dict(self) -> dict[tuple[int, int], float]:
        """{(first, second): score}."""
        return dict(zip(zip(self.first.tolist(), self.second.tolist(), strict=True), self.score.tolist(), strict=True))


def article_lines(title: str, text: str) -> tuple[str, ...]:
    """Title, then each non-empty body line, NFKC and stripped: what boilerplate is
    judged on (an outlet repeats its own lines in its own script, so no conversion
    is needed to see them) and what ``neutral_window`` converts a part of."""
    raw = unicodedata.normalize("NFKC", f"{title}\n{text}")
    return tuple(line for line in (line.strip() for line in raw.split("\n")) if line)


def neutral_window(lines: Sequence[str], skip: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(title, body) as compared: the body lines not in ``skip`` cut to their first
    BODY_CHARS characters, both in one script with one spelling of each regional
    name (``convert.to_neutral``: Traditional -> Simplified, 川普 -> 特朗普), lower case.

    Only the lines the cut can reach are converted (conversion is most of the
    per-article cost): lines are taken until their raw length reaches twice
    BODY_CHARS, a margin no glossary spelling change comes near."""
    if not lines:
        return "", ""
    taken = _reach(lines, skip)
    title, _, body = to_neutral(lines[0] + "\n" + "\n".join(taken)).lower().partition("\n")
    return title, body[:BODY_CHARS]


def _reach(lines: Sequence[str], skip: frozenset[str] = frozenset()) -> list[str]:
    """The body lines ``neutral_window`` converts: those not in ``skip``, in order,
    until their raw length reaches twice BODY_CHARS."""
    taken: list[str] = []
    length = 0
    for line in lines[1:]:
        if line in skip:
            continue
        taken.append(line)
        length += len(line) + 1
        if length >= 2 * BODY_CHARS:
            break
    return taken


def compared_windows(lines: Sequence[Sequence[str]], skip: frozenset[str],
                     ahead: Sequence[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """``neutral_window(lines[k], skip)`` for every k. ``ahead[k]``, when given, is
    ``neutral_window(lines[k])`` made earlier with no line skipped (by the workers):
    it is the answer whenever none of the lines it reaches is in ``skip``, and is
    made again otherwise."""
    if ahead is None:
        return [neutral_window(found, skip) for found in lines]
    return [made if not (skip and any(line in skip for line in _reach(found))) else neutral_window(found, skip)
            for found, made in zip(lines, ahead, strict=True)]


def terms_of(window: tuple[str, str]) -> list[str]:
    """(title, body) from ``neutral_window`` -> CJK character bigrams and Latin/digit
    words (single letters dropped)."""
    terms: list[str] = []
    for run in _RUN.findall(f"{window[0]}\n{window[1]}"):
        if _CJK.match(run):
            terms += [run[i:i + 2] for i in range(len(run) - 1)]
        elif len(run) > 1:
            terms.append(run)
    return terms


def _background() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """(bigram, character, word) frequencies in general text, from wordfreq's Chinese
    list (words of frequency >= 1e-7: the rest add nothing measurable)."""
    import wordfreq

    words = wordfreq.get_frequency_dict("zh")
    bigrams: dict[str, float] = {}
    chars: dict[str, float] = {}
    for word, freq in words.items():
        if freq < 1e-7:
            continue
        for char in word:
            chars[char] = chars.get(char, 0.0) + freq
        for i in range(len(word) - 1):
            bigram = word[i:i + 2]
            bigrams[bigram] = bigrams.get(bigram, 0.0) + freq
    total = sum(chars.values())
    return bigrams, {c: f / total for c, f in chars.items()}, words


def _term_tables() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """What ``term_weight`` looks terms up in: (bigram, character) frequencies
    (``_background``) and, per word key that is no Chinese term, the higher of its
    frequencies in wordfreq's Chinese and English lists (absent: in neither)."""
    import wordfreq

    bigrams, chars, words = _background()
    latin = {key: freq for key, freq in words.items() if not _CJK.match(key)}
    for key, freq in wordfreq.get_frequency_dict("en").items():
        if not _CJK.match(key) and freq > latin.get(key, 0.0):
            latin[key] = freq
    return bigrams, chars, latin


_tables: tuple[dict[str, float], dict[str, float], dict[str, float]] | None = None


def _weights_tables() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    global _tables
    if _tables is None:
        _tables = _term_tables()
    return _tables


def load_term_tables(memo: Memo) -> None:
    """Have ``term_weight`` use the tables the build cache on disk keeps: one
    entry, read back in a fifth of the second it takes to derive them from the
    word lists (and to import wordfreq), which a build that adds one article
    would do only to weigh that article's terms. Kept as one pickled blob, so
    storing it costs one object, not a million. The installed wordfreq is part
    of the cache's version, so the entry is never another list's."""
    global _tables
    if _tables is not None or not getattr(memo, "on_disk", False):
        return
    key = ("story-term-tables",)
    found, blob = memo.lookup(key)
    if found:
        _tables = pickle.loads(blob)
    else:
        _tables = _term_tables()
        memo.store(key, pickle.dumps(_tables, protocol=pickle.HIGHEST_PROTOCOL))


def term_weight(term: str) -> float:
    """Specificity of a term: ``max(0, ln(P0 / p))``, ``p`` its frequency in general text."""
    bigrams, chars, latin = _weights_tables()
    if _CJK.match(term):
        p = max(bigrams.get(term, 0.0), chars.get(term[0], _P_UNSEEN) * chars.get(term[-1], _P_UNSEEN))
    else:
        # wordfreq files every number under its digit shape
        p = latin.get(_DIGIT.sub("0", term), 0.0)
    return max(0.0, math.log(P0 / max(p, _P_UNSEEN)))


def _vectors(terms: Iterable[Sequence[str]]):  # type: ignore[no-untyped-def]
    """L2-normalised rows of sublinear tf x term_weight, one per article (scipy CSR).
    Columns are the terms in sorted order, so every sum (a row's norm, a product
    of two rows) runs over the terms in the same order whichever other rows are
    in the matrix: a pair's score does not depend on the batch it was scored in.

    ``terms`` is consumed one article at a time: each article's terms are counted
    and dropped, and only a column number and a count per distinct term stay
    (packed integer arrays). Holding every article's term list and tally at once
    took about 120 KB an article, 1.3 GB of a 10,000-article build's peak."""
    import numpy as np
    from scipy.sparse import csr_matrix, diags

    column: dict[str, int] = {}  # term -> number in order of first sight
    indptr, indices, counts = array("q", [0]), array("q"), array("q")
    for article_terms in terms:
        tally = Counter(article_terms)
        indices.extend([column.setdefault(term, len(column)) for term in tally])
        counts.extend(tally.values())
        indptr.append(len(indices))
    vocabulary = sorted(column)
    sorted_column = np.empty(len(column), dtype=np.int64)  # first-sight number -> sorted position
    sorted_column[np.fromiter((column[term] for term in vocabulary), dtype=np.int64, count=len(vocabulary))] = np.arange(len(vocabulary))
    weights = np.fromiter((term_weight(term) for term in vocabulary), dtype=np.float64, count=len(vocabulary))
    cols = sorted_column[np.frombuffer(indices, dtype=np.int64)]
    data = (1.0 + np.log(np.frombuffer(counts, dtype=np.int64).astype(np.float64))) * weights[cols]
    matrix = csr_matrix((data, cols, np.frombuffer(indptr, dtype=np.int64).copy()), shape=(len(indptr) - 1, max(1, len(column))))
    matrix.eliminate_zeros()  # terms too common to weigh anything
    matrix.sort_indices()
    # scipy, not sklearn.preprocessing.normalize: importing scikit-learn alone costs
    # more CPU (~0.7 s) than grouping a thousand articles.
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix


def boilerplate(items: Sequence[StoryInput], lines: Sequence[Sequence[str]]) -> frozenset[str]:
    """Body lines that one outlet prints in _REPEATS or more of its articles."""
    seen: Counter[tuple[str, str]] = Counter()
    for item, own in zip(items, lines, strict=True):
        if item.outlet:
            seen.update((item.outlet, line) for line in set(own[1:]))
    return frozenset(line for (_, line), count in seen.items() if count >= _REPEATS)


def pair_score(similarity: float, hours: float, cross_factor: float) -> float:
    """Cosine similarity -> the score grouping compares with the threshold (0..1);
    ``cross_factor``: settings.cross_script for a zh-Hans/zh-Hant pair, else 1."""
    return min(1.0, similarity * math.exp(-hours / DECAY_HOURS) * cross_factor)


def _pair_units(items: Sequence[StoryInput], window_s: float) -> list[tuple[int, int, int]]:
    """The pairs to score, cut into units that stay the same when an article far
    away in time comes or goes: with ``items`` sorted by date and cut into
    buckets of ``window_s`` (by Unix time), a unit is (start, stop, end): the rows
    ``start:stop`` of one bucket against the columns ``start:end`` of that bucket
    and the next. Two articles at most ``window_s`` apart lie in one bucket or in
    two next to each other, so every such pair is in exactly one unit."""
    buckets = [math.floor(item.date.timestamp() / window_s) for item in items]
    starts = [k for k in range(len(items)) if k == 0 or buckets[k] != buckets[k - 1]] + [len(items)]
    units = []
    for n in range(len(starts) - 1):
        start, stop = starts[n], starts[n + 1]
        follows = n + 2 < len(starts) and buckets[stop] == buckets[start] + 1
        units.append((start, stop, starts[n + 2] if follows else stop))
    return units


def _similar_pairs(items: Sequence[StoryInput], windows: Sequence[tuple[str, str]], window_s: float,
                   cross_script: float, floor: float = _FLOOR, memo: Memo = no_memo) -> ScoredPairs:
    """``pair_score`` of every pair (i < j) at most ``window_s`` apart, if >= ``floor``;
    the similarity is the higher of the whole windows' and the leads' (LEAD_CHARS).

    ``items`` are sorted by date, so the pairs fall into units of two neighbouring
    time buckets (``_pair_units``), each scored with sparse products (the cost
    follows the pairs inside the window, not n²) on the products' arrays, which
    stay arrays: a dense site has millions of pairs above the floor (3.96 million
    at 50,000 articles of the benchmark corpus), too many to hold as Python
    objects. Each unit is memoised on what its articles are (id, date, script,
    compared window) and the settings, so after one article is added or edited
    only the two units holding it are scored again, and only their articles are
    turned into vectors."""
    import numpy as np

    if len(items) < 2:
        return ScoredPairs(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    units = _pair_units(items, window_s)
    own = [hashlib.sha256(f"{item.id}\0{item.date.isoformat()}\0{item.lang}\0{title}\0{body}".encode()).digest()
           for item, (title, body) in zip(items, windows, strict=True)]
    keys: list[tuple[object, ...]] = [("story-pairs", window_s, cross_script, floor, LEAD_CHARS,
                                       hashlib.sha256(b"".join(own[start:end])).hexdigest()) for start, _, end in units]
    found = memo.lookup_many(keys)
    todo = [n for n, value in enumerate(found) if value is MISSING]
    rows = sorted({k for n in todo for k in range(units[n][0], units[n][2])})
    if todo:
        load_term_tables(memo)
        row_of = {k: r for r, k in enumerate(rows)}
        whole = _vectors(terms_of(windows[k]) for k in rows)
        lead = None if LEAD_CHARS is None else _vectors(terms_of((windows[k][0], windows[k][1][:LEAD_CHARS])) for k in rows)
        stamps = np.array([item.date.timestamp() for item in items])
        script = np.array([{"zh-Hans": 1, "zh-Hant": 2}.get(item.lang, 0) for item in items])
        for n in todo:
            start, stop, end = units[n]
            first, last, edge = row_of[start], row_of[stop - 1] + 1, row_of[end - 1] + 1
            sims = whole[first:last] @ whole[first:edge].T
            if lead is not None:
                sims = sims.maximum(lead[first:last] @ lead[first:edge].T)
            sims = sims.tocoo()
            i, j = sims.row + start, sims.col + start
            apart = stamps[j] - stamps[i]
            keep = (j > i) & (apart <= window_s)
            i, j, apart, value = i[keep], j[keep], apart[keep], sims.data[keep]
            cross = np.where(script[i] * script[j] == 2, cross_script, 1.0)  # one zh-Hans, one zh-Hant
            score = np.minimum(1.0, value * np.exp(-(apart / 3600) / DECAY_HOURS) * cross)
            strong = score >= floor
            # Offsets from the unit's first article: the same unit elsewhere in a bigger site.
            found[n] = memo.store(keys[n], ((i[strong] - start).astype(np.int32), (j[strong] - start).astype(np.int32),
                                            score[strong].astype(np.float64)))
    offsets = np.concatenate([np.full(len(unit[2]), start, dtype=np.int64) for (start, _, _), unit in zip(units, found, strict=True)])
    return ScoredPairs(offsets + np.concatenate([unit[0] for unit in found]), offsets + np.concatenate([unit[1] for unit in found]),
                       np.concatenate([unit[2] for unit in found]))


def group_stories(inputs: Iterable[StoryInput], settings: StorySettings,
                  lines: Sequence[Sequence[str]] | None = None,
                  windows: Sequence[tuple[str, str]] | None = None, memo: Memo = no_memo) -> tuple[Story, ...]:
    """Group articles into stories; the order of ``inputs`` does not matter.

    In: StoryInputs (ids unique) and the settings; optionally each input's
    ``article_lines`` and, with them, each input's ``neutral_window`` made with no
    line skipped (workers or a cache may supply both: see ``compared_windows``);
    with lines given, the inputs' ``text`` is not read. Out: Stories sorted by key, covering
    every input once. Curator keys win over similarity: articles sharing a ``story``
    key are one story (similar articles without a key may join it), two different
    keys never merge, and ``story: false`` keeps an article alone. With
    ``settings.enabled`` false only curator keys group articles. ``memo`` keeps
    the scored pairs by unit of time (see ``_similar_pairs``).
    """
    given = list(inputs)
    order = sorted(range(len(given)), key=lambda k: (given[k].date, given[k].id))
    items = [given[k] for k in order]
    window_s = settings.window_hours * 3600
    if worth_comparing(items, settings):
        all_lines = [article_lines(i.title, i.text) for i in items] if lines is None else [lines[k] for k in order]
        skip = boilerplate(items, all_lines)
        candidates = [k for k, item in enumerate(items) if item.story is not False]
        # Single link merges only on pairs reaching the threshold: weaker ones are never kept.
        floor = max(_FLOOR, settings.threshold) if LINKAGE == "single" else _FLOOR
        ahead = None if windows is None or lines is None else [windows[order[k]] for k in candidates]
        pairs = _similar_pairs([items[k] for k in candidates], compared_windows([all_lines[k] for k in candidates], skip, ahead),
                               window_s, settings.cross_script, floor, memo).renumbered(candidates)
    else:
        pairs = None
    threshold = settings.threshold if settings.enabled else 2.0
    if LINKAGE == "single":
        clusters = _single_link(items, pairs, threshold, window_s)
    else:
        clusters = _agglomerate(items, pairs.as_dict() if pairs is not None else {}, threshold, window_s)
    stories = []
    for members in clusters:
        ordered = sorted(members)
        leads = [k for k in ordered if items[k].lead] or ordered
        stories.append(Story(items[ordered[0]].id, tuple(items[k].id for k in ordered), items[leads[0]].id))
    return tuple(sorted(stories, key=lambda s: s.key))


# Pairs judged at a time by ``_single_link``'s array pass before its loop.
_LINK_BLOCK = 2048


def _single_link(items: Sequence[StoryInput], pairs: ScoredPairs | None,
                 threshold: float, window_s: float) -> list[list[int]]:
    """Single-link agglomeration under the curator's constraints (see group_stories),
    as Kruskal's algorithm: pairs from the best down (ties by first, then second
    index), each merging its two groups unless they hold different curator keys
    or would span more than the window, in O(pairs log pairs). Both constraints
    only tighten as groups grow, so a refused pair stays refused, and the merges
    are those of repeatedly joining the two groups with the best pair, except
    for which of two tied merges comes first when the window then refuses the
    other (``tests/test_stories_linkage.py`` checks both orders).

    Out: the groups, each a list of indexes into ``items`` in ascending order.
    Every group carries a label (its members' entry in ``label``), kept current
    by relabelling the smaller group on each merge; so before each block of
    ``_LINK_BLOCK`` pairs, one pass over arrays drops the pairs whose two
    articles are in one group already or whose groups together span more than
    the window, which the loop would skip anyway (neither changes back). At
    50,000 articles of the benchmark corpus that leaves the loop a few
    thousand of the 3.96 million pairs."""
    n = len(items)
    label = list(range(n))
    members: list[list[int]] = [[k] for k in range(n)]
    low = [item.date.timestamp() for item in items]  # per label: the group's earliest date
    high = list(low)  # and its latest
    key: list[str | None] = [item.story if isinstance(item.story, str) else None for item in items]
    arrays = None

    def union(a: int, b: int) -> None:
        if len(members[a]) < len(members[b]):
            a, b = b, a
        moved = members[b]
        for k in moved:
            label[k] = a
        members[a] += moved
        members[b] = []
        low[a], high[a], key[a] = min(low[a], low[b]), max(high[a], high[b]), key[a] or key[b]
        if arrays is not None:
            arrays[0][moved] = a
            arrays[1][a], arrays[2][a] = low[a], high[a]

    first: dict[str, int] = {}
    for k, item in enumerate(items):  # a curator key groups whatever the similarity or the window
        if isinstance(item.story, str):
            a, b = label[first.setdefault(item.story, k)], label[k]
            if a != b:
                union(a, b)
    if pairs is not None and len(pairs.score):
        import numpy as np

        alone = np.array([item.story is False for item in items])
        keep = (pairs.score >= threshold) & ~alone[pairs.first] & ~alone[pairs.second]
        order = np.lexsort((pairs.second[keep], pairs.first[keep], -pairs.score[keep]))
        ones, others = pairs.first[keep][order], pairs.second[keep][order]
        arrays = (np.array(label), np.array(low), np.array(high))
        for start in range(0, len(ones), _LINK_BLOCK):
            i, j = ones[start:start + _LINK_BLOCK], others[start:start + _LINK_BLOCK]
            a, b = arrays[0][i], arrays[0][j]
            live = (a != b) & (np.maximum(arrays[2][a], arrays[2][b]) - np.minimum(arrays[1][a], arrays[1][b]) <= window_s)
            for one, other in zip(i[live].tolist(), j[live].tolist(), strict=True):
                a, b = label[one], label[other]
                if a == b:
                    continue
                if key[a] is not None and key[b] is not None and key[a] != key[b]:
                    continue
                if max(high[a], high[b]) - min(low[a], low[b]) > window_s:
                    continue
                union(a, b)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(label[k], []).append(k)
    return list(groups.values())


def _components(n: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in links:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    return list(groups.values())


def _agglomerate(items: Sequence[StoryInput], pairs: dict[tuple[int, int], float],
                 threshold: float, window_s: float) -> list[list[int]]:
    """Average-link agglomeration under the curator's constraints (see group_stories).

    A merge needs a mean >= threshold, hence at least one pair >= threshold: merges
    happen only inside components of the graph of such pairs (plus curator keys), so
    each component is clustered on its own and the cost follows the components' size."""
    keyed: dict[str, int] = {}
    links = [pair for pair, s in pairs.items() if s >= threshold]
    for k, item in enumerate(items):
        if isinstance(item.story, str):
            links.append((keyed.setdefault(item.story, k), k))
    clusters: list[list[int]] = []
    inside: dict[int, dict[tuple[int, int], float]] = {}
    component_of: dict[int, int] = {}
    components = _components(len(items), links)
    for number, component in enumerate(components):
        for k in component:
            component_of[k] = number
    for (i, j), s in pairs.items():
        if component_of[i] == component_of[j]:
            inside.setdefault(component_of[i], {})[(i, j)] = s
    for number, component in enumerate(components):
        if len(component) == 1:
            clusters.append(component)
        else:
            clusters += _link(items, component, inside.get(number, {}), threshold, window_s)
    return clusters


def _link(items: Sequence[StoryInput], component: list[int], pairs: dict[tuple[int, int], float],
          threshold: float, window_s: float) -> list[list[int]]:
    """Agglomerate one component: repeatedly merge the two groups with the best link
    (LINKAGE: their best pair, or the mean over all their pairs, missing pairs 0)
    while it reaches ``threshold`` and the curator's keys and the window allow.
    Ties go to the pair of groups with the smallest (first, second) root index."""
    members: dict[int, list[int]] = {}
    root_of: dict[int, int] = {}
    key_of: dict[int, str | None] = {}
    by_key: dict[str, int] = {}
    for k in component:
        story = items[k].story
        root = by_key.setdefault(story, k) if isinstance(story, str) else k
        members.setdefault(root, []).append(k)
        root_of[k] = root
        key_of[root] = story if isinstance(story, str) else None
    stamps = {k: items[k].date.timestamp() for k in component}
    span = {root: (min(stamps[m] for m in ms), max(stamps[m] for m in ms)) for root, ms in members.items()}

    def allowed(a: int, b: int) -> bool:
        if items[a].story is False or items[b].story is False:
            return False
        ka, kb = key_of[a], key_of[b]
        if ka is not None and kb is not None and ka != kb:
            return False
        return max(span[a][1], span[b][1]) - min(span[a][0], span[b][0]) <= window_s

    def merge(a: int, b: int) -> None:
        members[a] += members.pop(b)
        key_of[a] = key_of[a] or key_of[b]
        span[a] = (min(span[a][0], span[b][0]), max(span[a][1], span[b][1]))

    if LINKAGE == "single":
        _link_single(pairs, root_of, threshold, allowed, merge)
    else:
        _link_average(pairs, root_of, members, threshold, allowed, merge)
    return [sorted(ms) for ms in members.values()]


def _link_single(pairs: dict[tuple[int, int], float], root_of: dict[int, int], threshold: float,
                 allowed: Callable[[int, int], bool], merge: Callable[[int, int], None]) -> None:
    """Single linkage with a heap: the best link between two groups is their best
    pair, so a merge only raises links, and links below ``threshold`` never matter.
    Entries a merge made stale are skipped when popped. A pair of groups that
    ``allowed`` refuses stays refused once either grows (its span only widens and a
    key, once set, stays), so it is dropped for good. Merges happen in the order of
    (best link descending, first root, second root), the smaller root surviving."""
    links: dict[int, dict[int, float]] = {}  # root -> other root -> best pair score
    for (i, j), s in pairs.items():
        a, b = root_of[i], root_of[j]
        if a != b and s >= threshold and s > links.get(a, {}).get(b, -1.0):
            links.setdefault(a, {})[b] = s
            links.setdefault(b, {})[a] = s
    heap = [(-s, a, b) for a, linked in links.items() for b, s in linked.items() if a < b]
    heapq.heapify(heap)
    while heap:
        score, a, b = heapq.heappop(heap)
        own = links.get(a)
        if own is None or own.get(b) != -score:
            continue  # a group has merged away, or the link was raised since
        del own[b], links[b][a]
        if not allowed(a, b):
            continue
        merge(a, b)
        for c, s in links.pop(b).items():
            del links[c][b]
            if s > own.get(c, -1.0):
                own[c] = links[c][a] = s
                heapq.heappush(heap, (-s, min(a, c), max(a, c)))


def _link_average(pairs: dict[tuple[int, int], float], root_of: dict[int, int], members: dict[int, list[int]],
                  threshold: float, allowed: Callable[[int, int], bool], merge: Callable[[int, int], None]) -> None:
    """Average linkage: the mean over all pairs of two groups, rescanned after each merge."""
    sums: dict[tuple[int, int], float] = {}  # per pair of groups: the sum of their pair scores
    for (i, j), s in pairs.items():
        a, b = sorted((root_of[i], root_of[j]))
        if a != b:
            sums[(a, b)] = sums.get((a, b), 0.0) + s
    blocked: set[tuple[int, int]] = set()
    while True:
        best: tuple[float, int, int] | None = None
        for (a, b), total in sums.items():
            if (a, b) in blocked:
                continue
            mean = total / (len(members[a]) * len(members[b]))
            if mean >= threshold and (best is None or (mean, -a, -b) > (best[0], -best[1], -best[2])):
                best = (mean, a, b)
        if best is None:
            break
        _, a, b = best
        if not allowed(a, b):
            blocked.add((a, b))
            continue
        merge(a, b)
        merged: dict[tuple[int, int], float] = {}
        for (x, y), total in sums.items():
            x2, y2 = (a if x == b else x), (a if y == b else y)
            if x2 != y2:
                pair = (min(x2, y2), max(x2, y2))
                merged[pair] = merged.get(pair, 0.0) + total
        sums = merged
        blocked = {p for p in blocked if a not in p and b not in p}


def story_input(article: Article, text: str | None = None) -> StoryInput:
    """The part of a prepared Article that grouping reads: its cleaned body as plain
    text (``text``, when the caller has it already)."""
    doc = article.doc
    return StoryInput(doc.slug, doc.source, doc.date, doc.lang, doc.title,
                      cleaned_text(article.html) if text is None else text, doc.story, doc.story_lead)


def worth_comparing(items: Sequence[StoryInput], settings: StorySettings) -> bool:
    """Whether any two articles that may be grouped by similarity lie within the window
    (else grouping needs no text features, and a one-article site loads no word lists)."""
    if not settings.enabled:
        return False
    stamps = sorted(i.date.timestamp() for i in items if i.story is not False)
    return any(b - a <= settings.window_hours * 3600 for a, b in zip(stamps, stamps[1:]))


def _features(html: str, title: str) -> tuple[tuple[str, ...], tuple[str, str]]:
    """One article's ``article_lines`` and its ``neutral_window`` with no line
    skipped: the per-article part of grouping (script conversion is most of it),
    run by the workers in parallel instead of by the one process that groups."""
    lines = article_lines(title, cleaned_text(html))
    return lines, neutral_window(lines)


def site_stories(config: Config, published: Sequence[Article], memo: Memo = no_memo,
                 workers: Workers | None = None) -> tuple[Story, ...]:
    """The stories of a site's published articles (``pages.published_articles``).

    Per-article features are memoised on the file's digest and computed by
    ``workers`` when given; the grouping itself on the digests of all articles, so
    ``serve`` regroups only when an article changed, and always exactly as a clean
    build would."""
    if not config.stories.enabled:
        # Only ids, dates and the curator's keys group articles: an edit to a body
        # regroups nothing, and no text is cleaned.
        key = hashlib.sha256("\0".join([f"{a.doc.slug}\0{a.doc.date.isoformat()}\0{a.doc.story}\0{a.doc.story_lead}"
                                         for a in published]).encode()).hexdigest()
        return memo(("stories-by-key", key, config.fingerprint),
                    lambda: group_stories([story_input(a, "") for a in published], config.stories))
    # The texts are not kept in the inputs: grouping reads the lines (one copy of
    # each text instead of two held for the whole build).
    inputs = [story_input(a, "") for a in published]
    lines = windows = None
    if worth_comparing(inputs, config.stories):
        # The arguments of a miss only: an article's html is read from the disk
        # cache only when used (cache.StoredApart).
        features = memo_map_keys(memo, workers or Workers(1),
                                 [("story-features", str(a.doc.path), a.doc.digest, config.fingerprint) for a in published],
                                 lambda index: (published[index].html, published[index].doc.title), _features)
        lines, windows = [f[0] for f in features], [f[1] for f in features]
    key = hashlib.sha256("\0".join(f"{a.doc.path}\0{a.doc.digest}" for a in published).encode()).hexdigest()
    return memo(("stories", key, config.fingerprint), partial(group_stories, inputs, config.stories, lines, windows, memo))
