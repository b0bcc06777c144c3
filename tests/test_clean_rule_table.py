"""The cleaner's rule tables try only the rules a line could match; they must
answer exactly what the plain alternation of the same rules answers.

``RuleTable`` skips a rule when the line's first character cannot open a match
(``prefilter.opening_class``), when its last character cannot close one
(``prefilter.closing_class``) or when the line holds none of the literals every
match holds (``prefilter.required_text``). A wrong opening, closing or literal set
would silently keep junk, so the tables are checked against the alternation on
every short line of the repository's real clippings and on generated lines made
of the rules' own characters.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.cleaning import rules as R
from digest.cleaning.config import RuleTable
from digest.cleaning.passes import _CAPTION_CREDIT, _CAPTION_LABEL, _length, captioned_text
from digest.cleaning.prefilter import closing_class, opening_class, required_text

TABLES = {
    "strict": R.STRICT_LINE_RULES, "rights": R.RIGHTS_RULES, "prompt": R.PROMPT_RULES, "heading": R.HEADING_RULES,
}
CORPORA = sorted(Path(__file__).parent.glob("clean_holdout*"))


@cache
def _alternation(name: str) -> re.Pattern[str]:
    table = TABLES[name]
    return re.compile("|".join(f"(?P<g{i}>{pattern})" for i, pattern in enumerate(table.values())), re.S)


@cache
def _table(name: str) -> RuleTable:
    return RuleTable([(f"g{i}", pattern) for i, pattern in enumerate(TABLES[name].values())])


def _answer(m: re.Match[str] | None) -> tuple[str | None, tuple[int, int]] | None:
    return None if m is None else (m.lastgroup, m.span())


@pytest.mark.parametrize(("end", "pattern", "can", "never"), [
    ("opening", r"[\W_]*(首頁|主頁)\s*", ["首", "主", "。", "【", "_", " "], ["我", "a", "1"]),
    ("opening", r"(?i:share|tweet)", ["s", "S", "t", "T"], ["a", "分"]),
    ("opening", r"(责任编辑|記者)?\s*[:：]\d+", ["责", "記", " ", ":", "："], ["编", "1"]),
    ("opening", r"(?=.*本站)[（(]?声明", ["（", "(", "声"], ["本", "站"]),
    ("opening", r"\d{0,3}[^a-z]x", ["1", "٣", "X", "中"], ["b"]),  # [^a-z] opens when \d{0,3} matches nothing
    ("opening", r"(a*)(b*)c", ["a", "b", "c"], ["d"]),
    ("closing", r"[\W_]*(首頁|主頁)\s*", ["頁", " ", "\t"], ["首", "。", "a"]),
    ("closing", r"(?i:share|tweet)", ["e", "E", "t", "T"], ["s", "。"]),
    ("closing", r"[^。，,]{1,20}(出品|制作)", ["品", "作"], ["出", "。"]),
    ("closing", r"声明[:：][^。]{0,40}", [":", "：", "明", "a"], ["。"]),  # what may match nothing lets the earlier close
    ("closing", r"本站(?=.*)\d+(?<=\d)", ["0", "٣"], ["站", "a"]),  # lookarounds consume nothing
    ("closing", r"(a*)(b*)c(d?)", ["c", "d"], ["a", "b"]),
])
def test_opening_and_closing_class(end: str, pattern: str, can: list[str], never: list[str]) -> None:
    chars = (opening_class if end == "opening" else closing_class)(pattern, re.S)
    assert chars is not None
    for char in can:
        assert chars.fullmatch(char), (pattern, char)
    for char in never:
        assert not chars.fullmatch(char), (pattern, char)


@pytest.mark.parametrize(("end", "pattern"), [
    ("opening", r".{0,40}本站"), ("opening", r"(?P<x>a)?(?P=x)b"), ("opening", r"(?:a)?.b"),
    ("closing", r"本站.{0,40}"), ("closing", r"a(?P<x>b)(?P=x)"), ("closing", r"a.(?:b)?"),
])
def test_an_end_it_cannot_work_out_is_any_character(end: str, pattern: str) -> None:
    assert (opening_class if end == "opening" else closing_class)(pattern, re.S) is None


@pytest.mark.parametrize(("pattern", "needed", "found_in", "not_in"), [
    # the longest of the required literals wins over a shorter one
    (r"[（(]?本站声明[:：].{0,20}", ["本站声明"], ["（本站声明：略"], ["本站：略"]),
    # every branch needs one of its literals; their union is required
    (r"(?:责任编辑|編輯)\s*[:：]\S+", ["责任编辑", "編輯"], ["编者 編輯：王"], ["编辑：王"]),
    # a positive lookahead's text lies inside a fullmatch, so it counts
    (r"(?=.*本站).{0,40}", ["本站"], ["转自本站"], ["转自本网"]),
    # literals are case-folded: a case-insensitive rule is found in any case
    (r"(?i:share)\s+this", ["share"], ["SHARE this".casefold()], ["sharp this"]),
    # a small class of single characters is a set of one-character literals
    (r"\d+[：:]\d+", ["：", ":"], ["3:4"], ["3-4"]),
])
def test_required_text(pattern: str, needed: list[str], found_in: list[str], not_in: list[str]) -> None:
    required = required_text(pattern, re.S)
    assert required is not None
    assert sorted(required.pattern.split("|")) == sorted(map(re.escape, needed))
    for text in found_in:
        assert required.search(text), (pattern, text)
    for text in not_in:
        assert not required.search(text), (pattern, text)


@pytest.mark.parametrize("pattern", [
    r"(?:本站|)声?",        # a branch that needs nothing: the alternation needs nothing
    r"(?:本站){0,2}\w+",   # what may repeat zero times is not required
    r"(?<=本站)\w+",       # a lookbehind looks before the match
    r"(?!本站)\w+",        # a negative lookahead requires an absence
    r"[a-z]+",            # a class of many characters is no literal
])
def test_a_pattern_without_required_text(pattern: str) -> None:
    assert required_text(pattern, re.S) is None


@pytest.mark.parametrize("name", TABLES)
def test_table_answers_as_the_alternation_on_real_clippings(name: str) -> None:
    """Short lines of the real corpora (inputs and expected outputs; every
    third of them, sorted, to keep the test quick), from their first character
    and from a later one (``prompt_match`` starts after a lead): the same rule,
    the same span, or no match for both."""
    lines = sorted({line.strip() for corpus in CORPORA for path in corpus.iterdir() if path.is_file()
                    and path.suffix in (".txt", ".md", ".html", ".json", ".xml")
                    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                    if 0 < len(line.strip()) <= 300})[::3]
    assert len(lines) > 10000
    alternation, table = _alternation(name), _table(name)
    matched = 0
    for line in lines:
        expected = _answer(alternation.fullmatch(line))
        assert _answer(table.fullmatch(line)) == expected, line
        matched += expected is not None
        pos = min(len(line), 3)
        assert _answer(table.fullmatch(line, pos)) == _answer(alternation.fullmatch(line, pos)), (line, pos)
    assert matched > 0


# The rules' own characters (their literals, punctuation, Latin and CJK), so
# generated lines come near to matching and every opening set is exercised.
_RULE_CHARS = sorted({c for table in TABLES.values() for p in table.values() for c in p if not c.isspace()} | set(" 　"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(_RULE_CHARS), min_size=0, max_size=24),
       st.sampled_from(sorted(TABLES)))
def test_table_answers_as_the_alternation_on_generated_lines(line: str, name: str) -> None:
    assert _answer(_table(name).fullmatch(line)) == _answer(_alternation(name).fullmatch(line))


# Characters of picture credits and captions, and the full stops the caption test
# skips its credit search for.
_CREDIT_CHARS = sorted(set("（()）攝摄圖图照片來源提供 /／:：©…PhotoCreditAP.。，1234 ") | {"記", "者", "王", "中", "央", "社"})


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(_CREDIT_CHARS), min_size=0, max_size=40), st.sampled_from(["", "。", "."]),
       st.sampled_from(["", " ", "  "]))
def test_caption_test_answers_as_its_full_search(text: str, stop: str, spaces: str) -> None:
    """``captioned_text`` skips the credit search on a line that ends with a full stop
    not right after a credit's sign; the search must never have found a caption there."""
    line = text + stop + spaces
    m = _CAPTION_CREDIT.search(line)
    expected = bool(_CAPTION_LABEL.match(line)) or (m is not None and _length(line[: m.start()]) >= 4)
    assert captioned_text(line) == expected
