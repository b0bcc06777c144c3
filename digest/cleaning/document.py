"""The document model under the line rules: the shape of a whole clipping.

In:  the judged :class:`~digest.cleaning.lines.Line` list of one article (after the
     line rules have set their verdicts) and the article's title, if known.
Out: a :class:`Document` -- read-only facts about the clipping that the passes of
     :mod:`digest.cleaning.passes_doc` use to judge blocks rather than lines:

* the **article span**: where the article starts (just after the title seen
  again in the body, else at the first line of prose) and where it ends (the
  last line of prose);
* the **main block**: pasted pages put site text around the article -- a footer
  notice, a teaser paragraph -- that reads like prose.  Prose lines separated by
  a long gap of page chrome form blocks; the block with the most prose is the
  article, and a small block after it beyond such a gap is *detached*: it
  does not stretch the span; above it, two or more small blocks, or blurbs among
  many menu lines, are a mega-menu and are detached too (see :func:`_main_block`);
* **sections**: a heading (``<h1>``-``<h6>``, a bold line, or a heading a rule
  recognised) owns the lines after it up to the next heading or footer;
* **units**: a headline followed directly by prose -- the shape of an article,
  so a second article appended to the clipping can be told from its own text.

"Prose" is a line that reads as a sentence (see :func:`digest.cleaning.passes._sentence`)
and that no rule removed: captions, tables and list items the article introduces
count as article text but do not start or end the span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from digest.cleaning.lines import HEADING_TAGS, OPAQUE, Line
from digest.cleaning.passes import _INTRO_END, _sentence

__all__ = ["FOOTER_RULES", "Document", "Section", "headline_keys", "model", "seen_title", "site_name_keys", "title_key", "title_keys"]

# Rules whose removal marks the end of the article: nothing of the article follows
# a copyright notice, a feed footer, an end mark or a site footer.
FOOTER_RULES = ("rights:", "credit:end-mark", "prompt:feed-footer", "nav:footer")
# Lines a heading rule recognised: they head a section whatever their markup.
_HEADING_VERDICTS = ("list:more-", "list:gallery", "list:tags", "config:list_headings")


@dataclass(frozen=True)
class Section:
    """Lines ``first`` .. ``end - 1`` under the heading at ``heading`` (a line index)."""

    heading: int
    first: int
    end: int


@dataclass(frozen=True)
class Document:
    """Facts about one clipping (see the module docstring).  Indices are positions
    in the line list; ``start`` > ``end`` when the clipping holds no prose."""

    start: int                      # first line of the article
    end: int                        # last line of prose
    title_at: int | None            # where the title is seen again in the body
    prose: tuple[int, ...]          # indices of the lines of prose, in order
    sections: tuple[Section, ...]   # every heading's scope, in order
    detached: frozenset[int] = frozenset()  # prose-like lines outside the main block

    def prose_after(self, index: int) -> bool:
        """True when a line of prose follows line ``index``."""
        return bool(self.prose) and self.prose[-1] > index

    def section_of(self, heading: int) -> Section | None:
        return next((s for s in self.sections if s.heading == heading), None)


_NO_KEY = re.compile(r"[\s\W_]+")
# (the keys are asked of the same lines and title by pass after pass: each is made once)
_KEYS_CACHED = 4096


@lru_cache(maxsize=_KEYS_CACHED)
def title_key(text: str) -> str:
    """Titles compare equal despite width, spacing and end punctuation."""
    return _NO_KEY.sub("", unicodedata.normalize("NFKC", text)).lower()


# The separators a page puts between its headline, section and name ("… | 社會 | 中央社",
# "標題 @ 部落格名稱 :: 平台").
# A hyphen touching a CJK character separates too ("標題-要聞-明報新聞網"); one between
# Latin letters or digits is part of a word ("COVID-19").
_TITLE_PARTS = re.compile(r"\s+[|\-–—_@»·•・]\s+|\s*[｜]\s*|\s+[-–—]\s*|\s*::\s*|_"
                          r"|(?<=[\u3400-\u9fff])[-–—]+|[-–—]+(?=[\u3400-\u9fff])")
_MIN_KEY = 6  # characters of a key: shorter parts ("新聞", "Home") are no headline


@lru_cache(maxsize=_KEYS_CACHED)
def title_keys(title: str) -> tuple[str, ...]:
    """The keys a title may be seen again under: the :func:`headline_keys`, and its
    longest part when a page added its section and name ("標題 - 社會 - 自由時報",
    "自由時報 | 標題")."""
    keys = headline_keys(title)
    parts = [title_key(p) for p in _TITLE_PARTS.split(title)]
    longest = max(parts, key=len) if parts else ""
    return keys + (longest,) if len(longest) >= _MIN_KEY and longest not in keys else keys


@lru_cache(maxsize=_KEYS_CACHED)
def headline_keys(title: str) -> tuple[str, ...]:
    """The whole title's key, and the title cut at each separator from the left
    ("標題_副題 @ 部落格 :: 平台" is seen again as "標題_副題"): a page's name follows
    its headline.  The surer keys: a part in the middle may be the page's name."""
    key = title_key(title)
    if not key:
        return ()
    keys = [key]
    prefix = ""
    for part in _TITLE_PARTS.split(title)[:-1]:
        prefix += title_key(part)
        if len(prefix) >= _MIN_KEY and prefix not in keys:
            keys.append(prefix)
    return tuple(keys)


@lru_cache(maxsize=_KEYS_CACHED)
def site_name_keys(title: str) -> frozenset[str]:
    """Keys of the parts of a page title after its headline: the site's or the
    column's name ("… · The Republic of Agora", "… - 新浪新闻").  A line above the
    headline that is one of them is the page's masthead, not a kicker."""
    parts = _TITLE_PARTS.split(title)
    return frozenset(k for k in map(title_key, parts[1:]) if k)


def seen_title(key: str, keys: tuple[str, ...]) -> bool:
    """A line (by its :func:`title_key`) is the title again: the same key, or a line
    that opens with the title, which a pasted page may have cut short ("…could surge
    after" of "…could surge after 'Kylie Jenner' makeover") or followed by its date."""
    if not key:
        return False
    for k in keys:
        if key == k or (len(k) >= 12 and key.startswith(k) and len(key) <= 2 * len(k) + 12):
            return True
    return False


def is_prose(line: Line) -> bool:
    """A line of the article's running text: a sentence no rule removed."""
    return line.verdict is None and line.tag not in OPAQUE and not line.caption and _sentence(line)


def is_heading(line: Line) -> bool:
    """A line that heads a section: a heading tag or a bold line of its own."""
    return line.tag in HEADING_TAGS or line.bold


def footer(line: Line) -> bool:
    return (line.verdict or "").startswith(FOOTER_RULES)


def model(lines: list[Line], title: str | None = None) -> Document:
    """Build the :class:`Document` of a judged line list."""
    prose = tuple(i for i, ln in enumerate(lines) if is_prose(ln))
    detached = _main_block(lines, prose)
    prose = tuple(i for i in prose if i not in detached)
    first = prose[0] if prose else len(lines)
    title_at = None
    keys = title_keys(title) if title else ()
    if keys:
        # the title seen again below page chrome: only above the first prose, and
        # only with something above it (a leading copy is the page's own <h1>)
        # (a copy a list rule took was an item of a list of headlines, not this one);
        # the headline itself first, then the copy the stage marked
        # (digest.cleaning.stage.mark_title), then a middle part of the title
        strong = headline_keys(title or "")
        title_at = next((i for i in range(1, first)
                         if lines[i].verdict is None and seen_title(title_key(lines[i].text), strong)), None)
        if title_at is None:
            title_at = next((i for i, ln in enumerate(lines) if ln.title and ln.verdict is None), None)
        if title_at is None:
            title_at = next((i for i in range(1, first)
                             if lines[i].verdict is None and seen_title(title_key(lines[i].text), keys)), None)
    if title_at is None:
        title_at = _repeated_headline(lines, first)
    start = title_at + 1 if title_at is not None else first
    sections: list[Section] = []
    heads = [i for i, ln in enumerate(lines) if is_heading(ln) or (ln.verdict or "").startswith(_HEADING_VERDICTS)]
    for k, h in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        stop = next((j for j in range(h + 1, end) if footer(lines[j])), end)
        sections.append(Section(h, h + 1, stop))
    return Document(start, prose[-1] if prose else -1, title_at, prose, tuple(sections), frozenset(detached))


# A gap of page chrome between two blocks of prose: at least this many lines, most of
# them short (menu items, headlines, counters) or already judged junk, with a line a
# chrome rule removed among them -- or so long that no article list explains it.
_GAP_LINES = 8
_GAP_LONG = 15
_GAP_SHORT = 30          # characters: a menu item or a short headline
_SMALL_BLOCK = 0.2       # share of the main block's prose characters
_MENU_BLOCKS = 2         # small blocks of prose above the article that make a menu region
_GAP_FAR = 40            # lines of chrome: no lede stands this far above its article
_GAP_EVIDENCE = ("nav:", "list:", "page:", "prompt:", "rights:", "meta:", "edge:", "share:", "ad:", "credit:")


def _main_block(lines: list[Line], prose: tuple[int, ...]) -> set[int]:
    """The prose lines outside the article's main block (module docstring).

    Blocks of prose are split where a chrome gap separates them; starting from the
    block with the most prose characters, the blocks after it are detached while
    each is small (at most a fifth of the main block) -- the first
    large block stops the walk, so an article cut in two by a long list stays whole;
    above it, the small blocks are detached only when there are two or more.
    A list introduced by a colon is the article's own and never splits it."""
    if len(prose) < 4:
        return set()
    blocks: list[list[int]] = [[prose[0]]]
    for a, b in zip(prose, prose[1:]):
        gap = range(a + 1, b)
        if len(gap) >= _GAP_LINES and not _INTRO_END.search(lines[a].text):
            short = sum(1 for j in gap if lines[j].verdict or len(lines[j].text) <= _GAP_SHORT)
            evidence = any((lines[j].verdict or "").startswith(_GAP_EVIDENCE) for j in gap)
            if short * 4 >= len(gap) * 3 and (evidence or len(gap) >= _GAP_LONG):
                blocks.append([b])
                continue
        blocks[-1].append(b)
    if len(blocks) == 1:
        return set()
    weight = [sum(len(lines[i].text) for i in blk) for blk in blocks]
    main = max(range(len(blocks)), key=lambda k: weight[k])
    if len(blocks[main]) < 3:
        return set()
    detached: set[int] = set()
    for k in range(main + 1, len(blocks)):
        if weight[k] > _SMALL_BLOCK * weight[main] or len(blocks[k]) > 3:
            break
        detached.update(blocks[k])
    # Above the article one small block may be its lede or standfirst set apart by a
    # gallery; two or more of them, every one small, are a page's menus with their
    # blurbs ("Symptom Checker" / "See what your symptoms could mean.").  Walking up
    # from the article, the first large block stops the walk.
    # One small block far above (a page's footer text pasted first, then its menus)
    # is no lede either: a lede stands a gallery away, not a whole menu.
    above: list[int] = []
    sparse = far = 0
    for k in range(main - 1, -1, -1):
        small = weight[k] <= _SMALL_BLOCK * weight[main] and len(blocks[k]) <= 3
        if not (small or _blurbs(lines, blocks[k], weight[main])):
            break
        sparse += not small
        far += blocks[k + 1][0] - blocks[k][-1] > _GAP_FAR
        above.append(k)
    if len(above) >= _MENU_BLOCKS or sparse or far:
        for k in above:
            detached.update(blocks[k])
    return detached


# A block of blurbs: one-sentence lines (at most this long) that make up less than a
# third of the lines of its span -- the rest are menu items and labels -- and weigh at
# most half the article: a mega-menu's "Symptom Checker / See what your symptoms could
# mean." entries.  An article's own part reads as running text, line after line.
_BLURB_CHARS = 240
_BLURB_SHARE = 3
_BLURBS_MIN = 4


def _blurbs(lines: list[Line], block: list[int], main_weight: int) -> bool:
    span = block[-1] - block[0] + 1
    return (len(block) >= _BLURBS_MIN and len(block) * _BLURB_SHARE < span
            and all(len(lines[i].text) <= _BLURB_CHARS for i in block)
            and sum(len(lines[i].text) for i in block) <= main_weight // 2)



def _repeated_headline(lines: list[Line], first: int) -> int | None:
    """Without a known title: the line right above the first prose that already
    appeared higher up (a pasted page lists its own headline among the others,
    then shows it again over the article)."""
    above = [i for i in range(first) if lines[i].tag not in OPAQUE]
    if not above or first >= len(lines):
        return None
    last = above[-1]
    key = title_key(lines[last].text)
    # a headline: no full stop inside (a caption repeated as alt text has one), and the
    # earlier copy stands apart from it, among other lines
    if len(key) < 6 or _sentence(lines[last]) or "。" in lines[last].text or len(above) < 4:
        return None
    return last if any(title_key(lines[i].text) == key for i in above[:-2]) else None
