#!/usr/bin/env python3
"""Measure ``build.py clean`` on the third held-out corpus (tests/clean_holdout3).

Usage (from anywhere):
    .venv/bin/python tests/clean_holdout3/measure.py [-v] [--check] [NAME...]

For every case NAME.<txt|md|html> with NAME.expected.txt it runs
``build.py clean FILE`` and reports:

* recall (line)  share of expected non-whitespace characters in expected lines that
                 difflib.SequenceMatcher aligns to an identical output line;
* recall (char)  share of expected non-whitespace characters found, per expected line,
                 in the matching blocks against its best output line (partial credit
                 for paragraphs that were trimmed or had something glued on);
* junk removed   share of junk non-whitespace characters absent from the output. Junk is
                 the input's visible text that is not expected: whole visible lines that
                 are not expected lines (or extra copies of one, e.g. a repeated caption),
                 and what is left of a visible line once the expected lines inside it are
                 cut out (a glued promo). The format's own header (feed header, YAML
                 frontmatter, the pasted title line and date line, the HTML <head>) and
                 the title line are not counted. A junk piece counts as kept when it
                 sits inside an output line that is not aligned to an expected line.
* clean unchanged  cases marked has_junk=0 in manifest.tsv whose output equals the
                 expected lines exactly.

``-v`` lists, per case, every expected line that was dropped (or changed) and every
output line that should not be there. ``--check`` only validates the corpus (every
expected line occurs in the input's visible text, file conventions) without running
the cleaner. Always exits 0 (except on a broken corpus with --check).
"""

from __future__ import annotations

import csv
import difflib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)

FEED_HEAD = re.compile(r"^<!--\d+-->\s*$")
FEED_TITLE = re.compile(r"^\[(.*)\]\((.*)\)\s*$")
DATE_LINE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


def norm(s: str) -> str:
    return " ".join(s.split())


def nows(s: str) -> str:
    return "".join(s.split())


# ---------------------------------------------------------------- visible text

BLOCK = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
    "figcaption", "section", "article", "header", "footer", "nav", "aside", "main",
    "blockquote", "br", "tr", "td", "th", "table", "form", "button", "body", "html",
    "dl", "dt", "dd", "pre", "hr", "address", "details", "summary",
}
SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "iframe"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.skip = 0
        self.in_h1 = False
        self.h1: list[str] = []

    def _flush(self) -> None:
        t = norm("".join(self.cur))
        if t:
            self.lines.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self._flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self._flush()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.skip:
            return
        self.cur.append(data)
        if self.in_h1:
            self.h1.append(data)

    def close(self):
        super().close()
        self._flush()


def html_lines(text: str) -> tuple[list[str], set[str]]:
    p = _Text()
    p.feed(text)
    p.close()
    titles = {norm("".join(p.h1))} if p.h1 else set()
    return p.lines, titles


MD_IMG = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+|>\s*)+")


def md_lines(text: str) -> tuple[list[str], set[str]]:
    titles: set[str] = set()
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        for fm in lines[1:end]:
            if fm.startswith("title:"):
                titles.add(norm(fm[6:].strip().strip('"').strip("'")))
        lines = lines[end + 1:]
    out = []
    for line in lines:
        s = MD_PREFIX.sub("", line.strip())
        s = MD_IMG.sub("", s)
        s = MD_LINK.sub(r"\1", s)
        s = s.replace("**", "").replace("__", "")
        s = norm(s)
        if s:
            out.append(s)
    return out, titles


def visible(path: Path) -> tuple[list[str], set[str]]:
    """Visible lines of the input (format header removed) and the title line(s)."""
    text = path.read_text(encoding="utf-8")
    raw = text.splitlines()
    if path.suffix == ".html":
        return html_lines(text)
    if path.suffix == ".md":
        return md_lines(text)
    if raw and FEED_HEAD.match(raw[0]):
        m = FEED_TITLE.match(raw[1]) if len(raw) > 1 else None
        titles = {norm(m.group(1))} if m else set()
        body = "\n".join(raw[3:])
        lines, h1 = html_lines(body)
        return lines, titles | h1
    # pasted text: title line, blank line, date line, then one paragraph per line
    # a first line holding a full stop is a caption or a paragraph, not a title
    has_title = bool(raw) and "。" not in raw[0]
    titles = {norm(raw[0])} if has_title else set()
    rest = [norm(l) for l in raw[1 if has_title else 0:]]
    rest = [l for l in rest if l]
    if rest and DATE_LINE.match(rest[0]):
        rest = rest[1:]
    return rest, titles


def junk_pieces(vis: list[str], titles: set[str], expected: list[str]) -> list[str]:
    remaining: dict[str, int] = {}
    for e in expected:
        remaining[e] = remaining.get(e, 0) + 1
    by_len = sorted(set(expected), key=len, reverse=True)
    pieces: list[str] = []
    for line in vis:
        if line in titles:
            continue
        if remaining.get(line, 0) > 0:
            remaining[line] -= 1
            continue
        if line in remaining:  # an extra copy of an expected line (repeated caption)
            pieces.append(line)
            continue
        rest = line
        for e in by_len:
            if len(e) >= 4 and e in rest:
                rest = rest.replace(e, "\n", 1)
        pieces.extend(p for p in (norm(x) for x in rest.split("\n")) if nows(p))
    return pieces


# ---------------------------------------------------------------- corpus

def load_manifest() -> dict[str, dict[str, str]]:
    path = HERE / "manifest.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {row["name"]: row for row in csv.DictReader(f, delimiter="\t")}


def cases(names: list[str]) -> list[tuple[str, Path, Path]]:
    out = []
    for exp in sorted(HERE.glob("*.expected.txt")):
        name = exp.name[: -len(".expected.txt")]
        if names and name not in names:
            continue
        srcs = [HERE / f"{name}.{ext}" for ext in ("txt", "md", "html")]
        srcs = [s for s in srcs if s.exists()]
        if len(srcs) != 1:
            print(f"{name}: expected exactly one input file, found {len(srcs)}")
            continue
        out.append((name, srcs[0], exp))
    return out


def read_expected(path: Path) -> list[str]:
    return [norm(l) for l in path.read_text(encoding="utf-8").splitlines() if norm(l)]


def check() -> int:
    bad = 0
    manifest = load_manifest()
    for name, src, exp in cases([]):
        raw = exp.read_text(encoding="utf-8")
        problems = []
        if not raw.endswith("\n") or raw.endswith("\n\n"):
            problems.append("expected file must end with exactly one newline")
        for i, l in enumerate(raw.splitlines(), 1):
            if not l.strip():
                problems.append(f"blank line {i}")
            elif l != norm(l):
                problems.append(f"line {i} not whitespace-normalised")
        vis, titles = visible(src)
        joined = "\n".join(vis)
        for e in read_expected(exp):
            if e not in vis and e not in joined:
                problems.append(f"not in input: {e[:60]}")
        pieces = junk_pieces(vis, titles, read_expected(exp))
        row = manifest.get(name)
        if row is None:
            problems.append("missing from manifest.tsv")
        else:
            hj = row["has_junk"] == "1"
            if hj != bool(pieces):
                problems.append(f"has_junk={row['has_junk']} but {len(pieces)} junk pieces")
        for p in problems:
            print(f"{name}: {p}")
        bad += bool(problems)
        print(f"{name}: {len(read_expected(exp))} expected lines, {len(pieces)} junk pieces")
    missing = set(manifest) - {n for n, _, _ in cases([])}
    for m in sorted(missing):
        print(f"{m}: in manifest.tsv but no case files")
    return 1 if bad or missing else 0


# ---------------------------------------------------------------- measuring

def run_clean(src: Path) -> tuple[list[str], str]:
    proc = subprocess.run(
        [str(PYTHON), "build.py", "clean", str(src)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    lines = [norm(l) for l in proc.stdout.splitlines() if norm(l)]
    err = "" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    return lines, err


def measure_case(src: Path, exp_path: Path):
    expected = read_expected(exp_path)
    vis, titles = visible(src)
    pieces = junk_pieces(vis, titles, expected)
    out, err = run_clean(src)

    sm = difflib.SequenceMatcher(None, expected, out, autojunk=False)
    matched_e, matched_o = set(), set()
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            matched_e.add(a + k)
            matched_o.add(b + k)
    exp_chars = sum(len(nows(e)) for e in expected)
    line_hit = sum(len(nows(expected[i])) for i in matched_e)

    char_hit = 0
    out_nows = [nows(o) for o in out]
    for i, e in enumerate(expected):
        en = nows(e)
        if i in matched_e:
            char_hit += len(en)
            continue
        best = 0
        for o in out_nows:
            m = difflib.SequenceMatcher(None, en, o, autojunk=False)
            if m.real_quick_ratio() * len(en) <= best:
                continue
            best = max(best, sum(s for _, _, s in m.get_matching_blocks()))
        char_hit += best

    extra = [out[j] for j in range(len(out)) if j not in matched_o]
    pool = [nows(x) for x in extra]
    junk_chars = junk_kept = 0
    kept_pieces = []
    for p in pieces:
        pn = nows(p)
        junk_chars += len(pn)
        for k, o in enumerate(pool):
            if o and pn in o:
                junk_kept += len(pn)
                kept_pieces.append(p)
                if o == pn:
                    pool[k] = ""
                break
    dropped = [expected[i] for i in range(len(expected)) if i not in matched_e]
    return {
        "exp_chars": exp_chars, "line_hit": line_hit, "char_hit": char_hit,
        "junk_chars": junk_chars, "junk_kept": junk_kept,
        "identical": out == expected, "dropped": dropped, "extra": extra,
        "kept_pieces": kept_pieces, "err": err,
    }


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.1f}%" if b else "     -"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if "--check" in argv:
        return check()
    names = [a for a in argv if not a.startswith("-")]
    manifest = load_manifest()
    tot = dict(exp_chars=0, line_hit=0, char_hit=0, junk_chars=0, junk_kept=0)
    clean_total = clean_same = identical = n = 0
    print(f"{'case':38} {'recall':>7} {'r-char':>7} {'junk-rm':>7}  same")
    for name, src, exp in cases(names):
        r = measure_case(src, exp)
        n += 1
        for k in tot:
            tot[k] += r[k]
        identical += r["identical"]
        if manifest.get(name, {}).get("has_junk") == "0":
            clean_total += 1
            clean_same += r["identical"]
        print(f"{name:38} {pct(r['line_hit'], r['exp_chars'])} {pct(r['char_hit'], r['exp_chars'])} "
              f"{pct(r['junk_chars'] - r['junk_kept'], r['junk_chars'])}  {'yes' if r['identical'] else 'no'}"
              + (f"  [{r['err']}]" if r["err"] else ""))
        if verbose:
            for d in r["dropped"]:
                print(f"    - dropped/changed: {d}")
            for x in r["extra"]:
                print(f"    + wrongly kept:    {x}")
    print("-" * 70)
    print(f"cases: {n}")
    print(f"recall (line-level): {pct(tot['line_hit'], tot['exp_chars']).strip()}  "
          f"({tot['line_hit']}/{tot['exp_chars']} chars)")
    print(f"recall (char-level): {pct(tot['char_hit'], tot['exp_chars']).strip()}  "
          f"({tot['char_hit']}/{tot['exp_chars']} chars)")
    print(f"junk removed:        {pct(tot['junk_chars'] - tot['junk_kept'], tot['junk_chars']).strip()}  "
          f"({tot['junk_chars'] - tot['junk_kept']}/{tot['junk_chars']} chars)")
    print(f"clean unchanged:     {clean_same}/{clean_total}")
    print(f"identical to expected (all cases): {identical}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
