"""Stage: text in one Chinese script -> the same text as the other region writes it.

In:  a target script (``zh-Hans`` / ``zh-Hant``), an engine name and glossary
     entries (project, site, article), then plain text or sanitised HTML.
Out: :class:`TextConverter`, a callable built once per (target, engine,
     entries): ``conv(text)`` and ``conv.html(fragment)`` return the converted
     string. Only prose changes: tags, attributes (so every URL), ``<code>``,
     ``<pre>``, ``<kbd>``, ``<samp>``, ``<script>``, ``<style>`` and
     ``<textarea>`` contents, and, inside text, bare URLs, e-mail addresses,
     @handles and `code` pass through byte for byte.

The engine is zhconv-rs (MediaWiki's conversion tables compiled into one
Aho-Corasick automaton) by default, chosen by measurement against OpenCC on the
labelled sentences in ``tests/convert_set`` (``bench/convert_quality.py``);
OpenCC stays available as ``opencc:<config>``. Glossary entries are compiled
into the engine when the converter is built (zhconv-rs ``make_converter``), so
they cost nothing per character; OpenCC gets them by splicing.

Also here, for other stages: :func:`to_neutral` (one script and one spelling of
each name, for grouping stories) and :func:`to_script` (a search query in the
other script), and :func:`script_neutral` (tag folder keys; unchanged since the
first release so tag URLs never move).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from . import markup
from .glossary import Entry, pairs_for, project_entries, split_usages

TARGETS = ("zh-Hans", "zh-Hant")
DEFAULT_ENGINES = {"zh-Hans": "zhconv-rs:zh-cn", "zh-Hant": "zhconv-rs:zh-tw"}
ZHCONV_VARIANTS = ("zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo", "zh-my", "zh-hans", "zh-hant")
ENGINE_PATTERN = r"^(zhconv-rs:(" + "|".join(ZHCONV_VARIANTS) + r")|opencc:[a-z0-9]+)$"

# A private-use character no news text contains: one engine call per document
# instead of one per text piece, while no rule can match across two pieces.
_SEPARATOR = "\ue000"

# Text that is not prose. A URL runs to white space or CJK punctuation (its
# path may hold Chinese: …/台湾关系法), minus trailing ASCII punctuation; a file
# path starts a word with / ~/ or C:\; a file name is a word ending in an ASCII
# extension (报告_2024.xlsx); code is `…` or a call with a quoted argument.
_EXTENSIONS = "docx?|xlsx?|pptx?|pdf|txt|csv|tsv|json|ya?ml|md|html?|xml|jpe?g|png|gif|webp|svg|zip|gz|py|js|ts|mp[34]|mov"
_STOP = "\\s<>\"'，。；：！？、（）「」『』“”‘’【】《》〈〉"
_PASSTHROUGH = re.compile(
    rf"""((?:https?|ftp)://[^{_STOP}]+(?<![.,;:!?)\]}}'"])"""
    rf"""|www\.[A-Za-z0-9-]+\.[^{_STOP}]+(?<![.,;:!?)\]}}'"])"""
    r"""|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"""
    r"""|(?<![A-Za-z0-9._%+-])@[^\s@，。；：:！？、,;!?()（）「」『』“”‘’【】《》<>"']+"""
    r"""|`[^`\n]+`"""
    r"""|[A-Za-z_][A-Za-z0-9_.]*\((?:'[^'\n]*'|"[^"\n]*")[^()\n]*\)"""
    rf"""|(?<!\S)(?:~|[A-Za-z]:)?[/\\][^\s，。；！？、（）「」『』“”]+"""
    rf"""|(?<![^\s（(「『“])[^{_STOP}]+\.(?:{_EXTENSIONS})(?![A-Za-z0-9]))"""
)

# Cheap tests that tell whether a text can hold a passthrough token at all: one
# combined regex is slow on long prose, substring tests are not.
_MAYBE_FILE = re.compile(rf"\.(?:{_EXTENSIONS})(?![A-Za-z0-9])")
_MAYBE_CALL = re.compile(r"""[A-Za-z0-9_]\(['"]""")


def _may_pass_through(text: str) -> bool:
    return ("/" in text or "@" in text or "`" in text or "www." in text or "\\" in text
            or ("(" in text and _MAYBE_CALL.search(text) is not None)
            or ("." in text and _MAYBE_FILE.search(text) is not None))


# Serialised HTML -> tags and text, as an HTML tokenizer splits it: a quoted
# attribute value may hold '>' or text-like words and still stays in its tag;
# a '<' not followed by a letter, '/', '!' or '?' is text.
_ATTRS = r"""(?:[\s/]+(?:[^\s/>"'=][^\s/>=]*(?:\s*=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|[^\s>]*))?)?)*"""
_HTML_TOKEN = re.compile(
    r"(<!--.*?(?:-->|\Z)|<[!?][^>]*(?:>|\Z)|</?[A-Za-z][^\s/>]*" + _ATTRS + r"\s*/?(?:>|\Z))", re.S)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})
_RAW_TEXT = frozenset({"script", "style", "textarea"})


# Characters a single-character table rule can change: CJK blocks, general and
# CJK punctuation, full-width forms.
_CHAR_RANGES = ((0x2000, 0x2070), (0x3000, 0x3040), (0x3400, 0x4DC0), (0x4E00, 0xA000),
                (0xF900, 0xFB00), (0xFF00, 0xFFF0))
# How far the boundary check looks: a table rule found around a changed
# character is at most _RULE_REACH characters longer than the change, and the
# segmenter sees _SEGMENT_CONTEXT characters either side of the rule.
_RULE_REACH = 6
_SEGMENT_CONTEXT = 4
_CACHE_LIMIT = 200_000
# A match is undone only when keeping it makes the text's best segmentation at
# least this much less likely (nats; e^2.5 = 12 times): jieba's dictionary has
# rare junk words (馆里 beside 面馆), a table rule has been reviewed by people.
STRADDLE_COST = 2.5
_SENTENCE_END = re.compile("([。！？；\n\ue004])")


class _BoundaryCheck:
    """Undo conversion rules whose match crosses a word boundary.

    The conversion tables and the glossary take the longest match starting
    first, with no idea of words: 少数组织 -> 少陣列織 (数组 "array"), 粉丝发布 ->
    粉絲髮布 (丝发 "silk hair"), 投資料理 -> 投资数据料理. A match is kept only
    when it starts and ends on a word boundary of jieba's segmentation
    (:mod:`digest.wordseg`) of the text around it; otherwise the words it cut
    into are converted each on its own (粉丝|发布 -> 粉絲|發布).

    Cheap where nothing is wrong: a glossary match is known from the glossary
    pass; a table match is found where the text converted in context differs
    from the same text converted one character at a time (one comparison per
    document; about 1 character in 100 differs in news prose), and only those
    places are probed and segmented, each distinct context once (cached by the
    characters it depends on, so the output never depends on the cache).
    Both directions: Traditional text is segmented through its
    character-by-character Simplified form."""

    def __init__(self, variant: str, base: Callable[[str], str], names: tuple[str, ...],
                 pairs: tuple[tuple[str, str], ...]) -> None:
        import zhconv_rs

        self.base = base
        # One word on its own: glossary and tables in one automaton.
        self.word = zhconv_rs.make_converter(variant, list(pairs)) if pairs else base
        single = [(c, base(c)) for lo, hi in _CHAR_RANGES for c in map(chr, range(lo, hi))]
        single = [(c, out) for c, out in single if out != c and len(out) == 1]
        self.plain = zhconv_rs.make_converter(None, single)
        # The segmenter's dictionary is Simplified: from Traditional text, map
        # each character to its Simplified form (one character each, so offsets hold).
        if variant in ("zh-cn", "zh-sg", "zh-my", "zh-hans"):
            self.to_simplified: dict[int, str] = {ord(c): out for c, out in single}
        else:
            to_hans = zhconv_rs.make_converter("zh-cn", [])
            pairs = [(c, to_hans(c)) for lo, hi in _CHAR_RANGES for c in map(chr, range(lo, hi))]
            self.to_simplified = {ord(c): out for c, out in pairs if out != c and len(out) == 1}
        self.names = tuple(sorted({n.translate(self.to_simplified) for n in names}))
        self._cache: dict[tuple[str, int, int, str], tuple[tuple[int, str], ...]] = {}
        self._crossing: dict[tuple[str, int, int], bool] = {}
        self._tokenizer: Any = None

    def tokenizer(self) -> Any:
        """jieba's tokenizer with the glossary's words, loaded on first use."""
        if self._tokenizer is None:
            from .wordseg import segmenter

            self._tokenizer = segmenter(self.names)
        return self._tokenizer

    def crosses(self, text: str, start: int, end: int) -> bool:
        """Does a match text[start:end] straddle a word boundary: a boundary
        inside it, and one of its ends inside a word (数组 in 少数|组织)? A match
        inside one word (网络 in 网络安全) or made of whole words (两只) does not."""
        lo = max(0, start - _SEGMENT_CONTEXT)
        key = (text[lo:end + _SEGMENT_CONTEXT], start - lo, end - lo)
        found = self._crossing.get(key)
        if found is None:
            from .wordseg import may_straddle, straddle_cost

            window, start, end = key[0].translate(self.to_simplified), key[1], key[2]
            found = (may_straddle(window, start, end, tokenizer=self.tokenizer())
                     and straddle_cost(window, start, end, tokenizer=self.tokenizer()) > STRADDLE_COST)
            if len(self._crossing) > _CACHE_LIMIT:
                self._crossing.clear()
            self._crossing[key] = found
        return found

    def by_words(self, text: str, start: int, end: int) -> tuple[int, str]:
        """The words text[start:end] touches, each converted alone -> (their start, result)."""
        from .wordseg import words

        lo = max(0, start - _SEGMENT_CONTEXT)
        window = text[lo:end + _SEGMENT_CONTEXT]
        at, first, out = lo, None, []
        for word in words(window.translate(self.to_simplified), tokenizer=self.tokenizer()):
            if at + len(word) > start and at < end:
                first = at if first is None else first
                out.append(self.word(text[at:at + len(word)]))
            at += len(word)
        return (first if first is not None else start), "".join(out)

    def fix_tables(self, src: str, out: str, *, split: bool = True) -> str:
        """``out`` = base(src) with table matches that cross a word boundary undone."""
        if len(src) != len(out):
            if not split:
                return out
            # A rule changed the length somewhere: check sentence by sentence
            # (no rule changes these marks), where lengths line up.
            parts, done = _SENTENCE_END.split(src), _SENTENCE_END.split(out)
            if len(parts) != len(done):
                return out
            return "".join(self.fix_tables(p, d, split=False) if i % 2 == 0 and p else d
                           for i, (p, d) in enumerate(zip(parts, done)))
        plain = self.plain(src)
        if plain == out:
            return out
        import numpy as np

        diff = np.flatnonzero(np.frombuffer(out.encode("utf-32-le"), dtype="<u4")
                              != np.frombuffer(plain.encode("utf-32-le"), dtype="<u4"))
        fixes: list[tuple[int, str]] = []
        run_start = previous = -2
        for index in [*diff.tolist(), -1]:
            if index == previous + 1:
                previous = index
                continue
            if run_start >= 0:
                fixes += self._fix_run(src, out, run_start, previous + 1)
            run_start = previous = index
        if not fixes:
            return out
        chars = list(out)
        for at, text in fixes:
            chars[at:at + len(text)] = text
        return "".join(chars)

    def _fix_run(self, src: str, out: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
        reach = _RULE_REACH + _SEGMENT_CONTEXT + 1
        lo = max(0, start - reach)
        key = (src[lo:end + reach], start - lo, end - start, out[start:end])
        found = self._cache.get(key)
        if found is None:
            found = tuple((lo + at, text) for at, text in self._decide(key[0], start - lo, end - lo, key[3]))
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = tuple((at - lo, text) for at, text in found)
            return found
        return tuple((lo + at, text) for at, text in found)

    def _decide(self, src: str, start: int, end: int, result: str) -> tuple[tuple[int, str], ...]:
        """src[start:end] became ``result`` in context: find the smallest window
        that does so on its own (the rule's match); if every such window crosses
        a word boundary, convert the words it touches one by one instead."""
        width = end - start
        for length in range(max(2, width), width + _RULE_REACH + 1):
            windows = [(a, a + length) for a in range(max(0, end - length), start + 1) if a + length <= len(src)]
            hits = [(a, b) for a, b in windows
                    if "\ue004" not in src[a:b] and _same_at(self.base(src[a:b]), start - a, result, b - a)]
            if not hits:
                continue
            if any(not self.crosses(src, a, b) for a, b in hits):
                return ()
            a, b = hits[0]
            at, text = self.by_words(src, a, b)
            if len(text) != len(src[at:at + len(text)]) or at + len(text) > len(src):
                return ()
            return ((at, text),)
        return ()


def _same_at(converted: str, offset: int, result: str, length: int) -> bool:
    return len(converted) == length and converted[offset:offset + len(result)] == result


def _zhconv(variant: str, pairs: tuple[tuple[str, str], ...], words: Words | None = None) -> Callable[[str], str]:
    """Glossary first, then the tables on what is left. Merged into one automaton
    (``make_converter(variant, pairs)``), a table word starting *after* a glossary
    word can still beat it (看著作業 -> 看著作业: 著作 beat 看著); matched on their
    own, glossary words are whole units the tables never change. The tables still
    see the glossary word that follows a stretch of text as context, so 面馆里
    (glossary 馆里) keeps 麵館, while the glossary word itself is never changed by
    a table word straddling into it (粉丝|发布 keeps 發布). Measured on the dev set: 90.0% merged, 96.5%
    this way (bench/convert_quality.py).

    Then the word-boundary check (:class:`_BoundaryCheck`): a glossary match of
    two or more characters that starts or ends inside a word is dropped (the
    tables convert that text instead), unless its source form is one of
    ``words.trusted`` (the curator's entries always apply); a table match
    crossing a word boundary is undone. ``words`` None: no check (the bare
    engine, and :func:`to_neutral`)."""
    import zhconv_rs

    base = zhconv_rs.make_converter(variant, [])
    if words is None:
        check = None
        trusted: frozenset[str] = frozenset()
    else:
        check = _BoundaryCheck(variant, base, words.names, pairs)
        # An entry that says what the tables say anyway (a guard) needs no check.
        trusted = words.trusted | {k for k, v in pairs if base(k) == v}
    def fixed(text: str) -> str:
        return base(text) if check is None else check.fix_tables(text, base(text))

    if not pairs:
        return fixed
    marked = zhconv_rs.make_converter(None, [(k, f"\ue001{v}\ue003{k}\ue002") for k, v in pairs])
    spans = re.compile("\ue001([^\ue003]*)\ue003([^\ue002]*)\ue002")

    def batch(texts: list[str]) -> list[str]:
        # Not _SEPARATOR: the texts may hold it already (TextConverter joins with it).
        done = fixed("\ue004".join(texts)).split("\ue004")
        return done if len(done) == len(texts) else [fixed(t) for t in texts]

    def convert(text: str) -> str:
        done = marked(text)
        if "\ue001" not in done:
            return fixed(text)
        parts = spans.split(done)  # gap, result, source, gap, result, source, …, gap
        gaps, results, keys = [parts[0]], [], []
        at = len(parts[0])
        for i in range(1, len(parts), 3):
            result, key, gap = parts[i], parts[i + 1], parts[i + 2]
            if check and len(key) > 1 and key not in trusted and check.crosses(text, at, at + len(key)):
                gaps[-1] += key + gap  # not a word here: the tables convert it
            else:
                results.append(result)
                keys.append(key)
                gaps.append(gap)
            at += len(key) + len(gap)
        if not keys:
            return fixed(text)
        keys.append("")
        with_next = batch([g + k for g, k in zip(gaps, keys, strict=True)])
        out: list[str] = []
        for i, gap in enumerate(gaps):
            converted = with_next[i]
            # The stretch as converted with its right-hand context, when the two
            # parts still line up; else the stretch alone.
            if len(converted) == len(gap) + len(keys[i]):
                out.append(converted[: len(gap)])
            else:
                out.append(fixed(gap))
            if i < len(results):
                out.append(results[i])
        return "".join(out)

    return convert


def _opencc(config: str, pairs: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    import opencc

    base = opencc.OpenCC(f"{config}.json").convert
    if not pairs:
        return base
    table = dict(pairs)
    # Longest key first makes Python's leftmost-first alternation leftmost-longest.
    keys = re.compile("|".join(re.escape(k) for k in sorted(table, key=lambda k: (-len(k), k))))

    def convert(text: str) -> str:
        gaps = keys.split(text)
        if len(gaps) == 1:
            return base(text)
        hits = keys.findall(text)
        done = base(_SEPARATOR.join(gaps)).split(_SEPARATOR)
        if len(done) != len(gaps):
            done = [base(g) for g in gaps]
        out = [done[0]]
        for hit, gap in zip(hits, done[1:], strict=True):
            out += [table[hit], gap]
        return "".join(out)

    return convert


@dataclass(frozen=True)
class Words:
    """What the word-boundary check needs: ``names`` (glossary words, either
    script, that the segmenter keeps whole) and ``trusted`` (source forms applied
    wherever they match: the curator's entries and the context entries)."""

    names: tuple[str, ...] = ()
    trusted: frozenset[str] = frozenset()


def make_engine(engine: str, pairs: tuple[tuple[str, str], ...], words: Words | None = None) -> Callable[[str], str]:
    """``zhconv-rs:<variant>`` or ``opencc:<config>`` with extra pairs -> text function.
    ``words``: run the word-boundary check (zhconv-rs only). Raises ValueError for an
    unknown engine name."""
    kind, _, name = engine.partition(":")
    if kind == "zhconv-rs" and name in ZHCONV_VARIANTS:
        return _zhconv(name, pairs, words)
    if kind == "opencc" and re.fullmatch(r"[a-z0-9]+", name):
        return _opencc(name, pairs)
    raise ValueError(f"unknown converter '{engine}' (zhconv-rs:<{'|'.join(ZHCONV_VARIANTS)}> or opencc:<config>)")


@dataclass(frozen=True)
class TextConverter:
    """Converts prose into ``target``; see the module docstring for what passes through."""

    target: str
    engine: str
    pairs: tuple[tuple[str, str], ...]
    _fn: Callable[[str], str] = field(compare=False, repr=False, hash=False)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if not _may_pass_through(text) or not _PASSTHROUGH.search(text):
            return self._fn(text)
        pieces = _PASSTHROUGH.split(text)
        return self._join(pieces, [i for i in range(0, len(pieces), 2) if pieces[i]])

    def _join(self, pieces: list[str], convertible: list[int]) -> str:
        """Convert ``pieces[i]`` for each i in ``convertible`` in one engine call."""
        if not convertible:
            return "".join(pieces)
        converted = self._fn(_SEPARATOR.join(pieces[i] for i in convertible)).split(_SEPARATOR)
        if len(converted) != len(convertible):  # never trade correctness for speed
            converted = [self._fn(pieces[i]) for i in convertible]
        for index, text in zip(convertible, converted, strict=True):
            pieces[index] = text
        return "".join(pieces)

    def html(self, fragment: str) -> str:
        """Convert the text nodes of an HTML fragment and nothing else."""
        pieces = _HTML_TOKEN.split(fragment)  # even indexes: text, odd: markup
        out: list[str] = []
        convertible: list[int] = []
        open_verbatim: dict[str, int] = {}
        raw_until: str | None = None
        for index, piece in enumerate(pieces):
            if index % 2:
                out.append(piece)
                if piece[1] in "!?":
                    continue
                name_match = _TAG_NAME.match(piece)
                name = name_match.group(1).lower() if name_match else ""
                closing = piece[1] == "/"
                if raw_until is not None:
                    if closing and name == raw_until:
                        raw_until = None
                    continue
                if name in VERBATIM:
                    if closing:
                        open_verbatim[name] = max(0, open_verbatim.get(name, 0) - 1)
                    elif not piece.rstrip(">").endswith("/"):
                        open_verbatim[name] = open_verbatim.get(name, 0) + 1
                        if name in _RAW_TEXT:
                            raw_until = name
                continue
            if not piece or raw_until is not None or any(open_verbatim.values()):
                out.append(piece)
                continue
            if _may_pass_through(piece) and _PASSTHROUGH.search(piece):
                for part_index, part in enumerate(_PASSTHROUGH.split(piece)):
                    out.append(part)
                    if part_index % 2 == 0 and part:
                        convertible.append(len(out) - 1)
            else:
                out.append(piece)
                convertible.append(len(out) - 1)
        return self._join(out, convertible)


# Entries that choose a character by its neighbour (公司里 -> 公司裡, 三万亿 -> 三兆)
# span two words by design: the word-boundary check leaves them alone.
_CONTEXT_FILE = "characters.tsv"


@lru_cache(maxsize=64)
def make_converter(target: str, engine: str | None = None, entries: tuple[Entry, ...] = ()) -> TextConverter:
    """The converter into ``target`` with the project glossary plus ``entries``
    (later entries win). Built once per distinct argument set (~0.1 s each)."""
    if target not in TARGETS:
        raise ValueError(f"unknown target script '{target}' (zh-Hans or zh-Hant)")
    engine = engine or DEFAULT_ENGINES[target]
    pairs = pairs_for(target, project_entries() + entries)
    context = [e for e in project_entries() if e.origin.split(":")[0] == _CONTEXT_FILE]
    names = tuple(sorted({form for e in project_entries() if e.origin.split(":")[0] != _CONTEXT_FILE
                          for form in e.hans + e.hant}))
    trusted = frozenset(form for e in (*context, *entries) for form in e.hans + e.hant)
    return TextConverter(target, engine, pairs, make_engine(engine, pairs, Words(names, trusted)))


@lru_cache(maxsize=64)
def plain_converter(target: str, engine: str) -> TextConverter:
    """The engine alone, without any glossary: the baseline measurements compare."""
    return TextConverter(target, engine, (), make_engine(engine, ()))


class _EditionLike(Protocol):
    code: str
    converter: str


def edition_converter(edition: _EditionLike, entries: tuple[Entry, ...] = ()) -> TextConverter:
    """The converter into an edition's script: its engine, the project glossary,
    then ``entries`` (the site glossary, then an article's own)."""
    return make_converter(edition.code, edition.converter, tuple(entries))


def convert_text(text: str, edition: _EditionLike, entries: tuple[Entry, ...] = ()) -> str:
    """One string (either script, markup allowed) as ``edition`` writes it."""
    return convert_marked(text, edition_converter(edition, entries), edition.code)


def convert_html(fragment: str, edition: _EditionLike, entries: tuple[Entry, ...] = ()) -> str:
    """Sanitised HTML (markup allowed) as ``edition`` writes it: text nodes only."""
    return convert_marked(fragment, edition_converter(edition, entries), edition.code, html=True)


def convert_marked(text: str, conv: TextConverter | None, code: str,
                   phrases: tuple[markup.Phrase, ...] = (), *, html: bool = False) -> str:
    """Text or HTML that may hold ``-{…}-`` markup (or tokens standing for
    ``phrases``) -> the edition's text: converted by ``conv`` unless it is None
    (already the edition's script), markup resolved to the edition's variant."""
    if not text:
        return text
    text, phrases = markup.tokenise(text, phrases)
    if conv is not None:
        text = conv.html(text) if html else conv(text)
    return markup.resolve(text, phrases, code, html=html)


# --- for other stages ----------------------------------------------------------

@lru_cache(maxsize=1)
def _neutral_converter() -> TextConverter:
    """zh-Hans with every regional form of every entry, in either script, folded
    to the entry's zh-Hans form, and split usages to their first spelling."""
    hant_in_hans = plain_converter("zh-Hans", "zhconv-rs:zh-hans")
    folded = [Entry(e.hans, tuple(dict.fromkeys(e.hant + tuple(hant_in_hans(f) for f in e.hant))))
              for e in project_entries()]
    folded += [Entry((group[0],), tuple(dict.fromkeys(g for f in group for g in (f, hant_in_hans(f)))))
               for group in split_usages()]
    pairs = pairs_for("zh-Hans", tuple(folded))
    return TextConverter("zh-Hans", DEFAULT_ENGINES["zh-Hans"], pairs, make_engine(DEFAULT_ENGINES["zh-Hans"], pairs))


def to_neutral(text: str) -> str:
    """Text in either script -> zh-Hans with one spelling per glossary name
    (川普/特朗普 -> 特朗普, 北韓/朝鲜 -> 朝鲜, 奥特曼/阿特曼 -> 奥尔特曼), for
    comparing texts from both regions. ``-{…}-`` markup becomes its zh-Hans text.
    Not for display: split usages are folded too."""
    return _neutral_converter()(markup.strip(text, "zh-Hans"))


def to_script(text: str, code: str) -> str:
    """``text`` (either script) as edition ``code`` writes it, project glossary
    applied: for matching a search query against the other edition."""
    return convert_marked(text, make_converter(code), code)


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s.json").convert


def script_neutral(text: str) -> str:
    """A spelling shared by both scripts (plain character-level t2s), for keys that
    must match whichever script a curator typed, such as tag folders."""
    return _t2s()(text)


def needs_conversion(article_lang: str, edition: _EditionLike | str) -> bool:
    """Only Chinese text in the other script is converted; English is left alone.
    ``edition``: an Edition or its code."""
    code = edition if isinstance(edition, str) else edition.code
    return article_lang.startswith("zh") and article_lang != code
