#!/usr/bin/env python3
"""Run the cleaner on every hold-out case and score it against the expected output.

    .venv/bin/python tests/clean_holdout/measure.py [-v] [NAME ...]

Per case and in total:
  recall (line)  share of expected non-whitespace characters whose whole line
                 appears, in order, in the output (difflib on the line lists)
  recall (char)  same on the character streams (matching blocks >= 4 chars)
  junk removed   junk = non-whitespace characters of the input's text that
                 are not expected output (for HTML: the rendered text, <head>,
                 <script> and <style> excluded; for Markdown: the body after the
                 front matter, markup stripped, image alt text counted).
                 kept junk = output characters not matched to expected ones.
  unchanged      (clean cases) output lines == expected lines exactly
With -v (or for any case below recall 1.0 / junk removal 0.9) the expected
lines missing from the output and the output lines not expected are listed.
Always exits 0: this is a measurement, not a test.
"""
import csv
import re
import subprocess
import sys
from difflib import SequenceMatcher
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PY = ROOT / ".venv" / "bin" / "python"
if not PY.exists():
    PY = Path(sys.executable)

BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
         "br", "tr", "table", "header", "footer", "nav", "aside", "article", "section", "main",
         "blockquote", "hr", "body", "dl", "dt", "dd", "pre"}
SKIP = {"head", "script", "style", "noscript", "template", "title"}
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def nws(s):
    return re.sub(r"\s+", "", s)


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.buf, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.buf.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.buf.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.buf.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def html_lines(src):
    p = Text()
    p.feed(src)
    p.close()
    return [norm(x) for x in "".join(p.buf).split("\n") if norm(x)]


def input_lines(path):
    src = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_lines(src)
    if path.suffix == ".md":
        body = src
        if src.startswith("---\n"):
            body = src.split("\n---\n", 1)[1]
        out = []
        for ln in body.splitlines():
            ln = LINK.sub(lambda m: m.group(1), ln)
            ln = re.sub(r"^\s*(#+|[-*+]|\d+\.)\s+", "", ln)
            if norm(ln):
                out.append(norm(ln))
        return out
    lines = src.splitlines()
    if lines and re.match(r"^<!--\d+-->$", lines[0].strip()):
        title = LINK.sub(lambda m: m.group(1), lines[1]) if len(lines) > 1 else ""
        rest = "\n".join(lines[3:])
        return [norm(title)] + html_lines(rest)
    return [norm(x) for x in lines if norm(x)]


def matched(a, b, min_block=4):
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks() if m.size >= min_block)


def run(path):
    r = subprocess.run([str(PY), "build.py", "clean", str(path)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    out = [norm(x) for x in r.stdout.splitlines() if norm(x)]
    return out, (r.returncode, r.stderr.strip()[-300:])


def short(s, n=70):
    return s if len(s) <= n else s[:n] + "…"


def main(argv):
    verbose = "-v" in argv
    only = [a for a in argv if not a.startswith("-")]
    rows = list(csv.DictReader((HERE / "manifest.tsv").open(encoding="utf-8"), delimiter="\t"))
    tot = dict(exp=0, line=0, char=0, junk=0, kept=0)
    clean_n = clean_ok = 0
    flagged = []
    print("%-34s %7s %7s %7s %6s %s" % ("case", "recall", "r_char", "junk_rm", "junk", "note"))
    for row in rows:
        name = row["name"]
        stem = name.rsplit(".", 1)[0]
        if only and stem not in only and name not in only:
            continue
        path = HERE / name
        exp = [norm(x) for x in (HERE / (stem + ".expected.txt")).read_text(encoding="utf-8").splitlines() if norm(x)]
        out, (rc, err) = run(path)
        inp = input_lines(path)
        E, O, T = nws("".join(exp)), nws("".join(out)), nws("".join(inp))
        sm = SequenceMatcher(None, exp, out, autojunk=False)
        line_hit = sum(len(nws("".join(exp[m.a:m.a + m.size]))) for m in sm.get_matching_blocks())
        char_hit = matched(E, O)
        junk = max(0, len(T) - matched(E, T))
        kept = min(junk, max(0, len(O) - char_hit))
        r_line = line_hit / len(E) if E else 1.0
        r_char = char_hit / len(E) if E else 1.0
        j_rm = 1 - kept / junk if junk else 1.0
        note = []
        if rc:
            note.append("exit %d: %s" % (rc, short(err.replace("\n", " "), 120)))
        if row["has_junk"] == "no":
            clean_n += 1
            if out == exp:
                clean_ok += 1
                note.append("clean: unchanged")
            else:
                note.append("clean: CHANGED")
        print("%-34s %7.3f %7.3f %7.3f %6d %s" % (stem, r_line, r_char, j_rm, junk, "; ".join(note)))
        tot["exp"] += len(E)
        tot["line"] += line_hit
        tot["char"] += char_hit
        tot["junk"] += junk
        tot["kept"] += kept
        if verbose or r_line < 1.0 or j_rm < 0.9 or (row["has_junk"] == "no" and out != exp):
            dropped = [e for e in exp if e not in out]
            kept_lines = [o for o in out if o not in exp]
            flagged.append((stem, dropped, kept_lines))
    print()
    print("TOTAL recall (line) %.4f  recall (char) %.4f  junk removed %.4f  (expected chars %d, junk chars %d)"
          % (tot["line"] / max(1, tot["exp"]), tot["char"] / max(1, tot["exp"]),
             1 - tot["kept"] / max(1, tot["junk"]), tot["exp"], tot["junk"]))
    print("clean cases unchanged: %d / %d" % (clean_ok, clean_n))
    for stem, dropped, kept_lines in flagged:
        print("\n== %s" % stem)
        for e in dropped:
            print("  DROPPED/ALTERED expected: %s" % short(e))
        for o in kept_lines:
            print("  KEPT/UNEXPECTED output:   %s" % short(o))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
