#!/usr/bin/env python3
"""Measure `build.py clean` on the held-out-2 corpus.

Per case and in total:
  recall_line  share of expected non-whitespace characters in expected lines that
               difflib.SequenceMatcher pairs with an identical output line;
  recall_char  same, with SequenceMatcher over the non-whitespace character strings;
  junk_removed share of junk characters (non-whitespace text of the input's text
               lines -- for HTML its visible text -- that is not part of the expected
               output) absent from the output's extra text (output text not matched
               to expected lines), matched in runs of >= 3 characters;
  unchanged    for cases without junk: output lines == expected lines.
Usage: .venv/bin/python tests/clean_holdout2/measure.py [-v] [NAME...]
Always exits 0.
"""
import csv, difflib, html, re, subprocess, sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PY = ROOT / ".venv" / "bin" / "python"
if not PY.exists():
    PY = Path(sys.executable)

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def nows(s):
    return re.sub(r"\s+", "", s)

def lines_of(text):
    return [l for l in (norm(x) for x in text.splitlines()) if l]

BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr",
         "td", "th", "table", "section", "article", "aside", "header", "footer", "nav",
         "main", "figure", "figcaption", "blockquote", "hr", "dd", "dt", "dl", "pre",
         "form", "body", "html", "title"}
SKIP = {"script", "style", "head", "noscript", "template"}

class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")
    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append("\n")
    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")
    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

def visible_html(text):
    p = Visible()
    p.feed(text)
    p.close()
    return lines_of("".join(p.out))

def md_line(l):
    l = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", l)
    l = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", l)
    l = re.sub(r"^\s*(#{1,6}\s+|[-*]\s+|>\s+)", "", l)
    l = l.replace("**", "")
    return norm(l)

def input_lines(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return visible_html(text)
    if path.suffix == ".md":
        body = text
        m = re.match(r"---\n.*?\n---\n", text, re.S)
        if m:
            body = text[m.end():]
        return [l for l in (md_line(x) for x in body.splitlines()) if l]
    if text.startswith("<!--"):  # feed clipping: 3 header lines, then HTML
        return visible_html("\n".join(text.splitlines()[3:]))
    return lines_of(text)

def junk_fragments(inp, expected):
    avail = Counter(expected)
    by_len = sorted(set(expected), key=len, reverse=True)
    frags = []
    for l in inp:
        if avail[l] > 0:
            avail[l] -= 1
            continue
        rest = l
        for e in by_len:
            if avail[e] > 0 and len(e) >= 6 and e in rest:
                rest = rest.replace(e, "\n", 1)
                avail[e] -= 1
        frags += [f for f in (norm(x) for x in rest.split("\n")) if nows(f)]
    return frags

def run_clean(path):
    try:
        r = subprocess.run([str(PY), "build.py", "clean", str(path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        return r.stdout, r.returncode, r.stderr
    except Exception as e:  # noqa: BLE001
        return "", -1, str(e)

def measure(name, path, has_junk, verbose):
    expected = lines_of((HERE / f"{name}.expected.txt").read_text(encoding="utf-8"))
    stdout, rc, err = run_clean(path)
    out = lines_of(stdout)
    sm = difflib.SequenceMatcher(None, expected, out, autojunk=False)
    exp_matched, out_matched = set(), set()
    for b in sm.get_matching_blocks():
        exp_matched.update(range(b.a, b.a + b.size))
        out_matched.update(range(b.b, b.b + b.size))
    exp_total = sum(len(nows(e)) for e in expected)
    rec_line = sum(len(nows(expected[i])) for i in exp_matched) / exp_total
    es, os_ = nows("".join(expected)), nows("".join(out))
    csm = difflib.SequenceMatcher(None, es, os_, autojunk=False)
    rec_char = sum(b.size for b in csm.get_matching_blocks()) / len(es)
    # extra output text: unmatched output lines, minus expected lines glued into them
    extra = []
    exp_set = sorted(set(expected), key=len, reverse=True)
    for j, l in enumerate(out):
        if j in out_matched:
            continue
        rest = l
        if l not in expected:
            for e in exp_set:
                if len(e) >= 6 and e in rest:
                    rest = rest.replace(e, "\n", 1)
        extra += [f for f in (norm(x) for x in rest.split("\n")) if nows(f)]
    junk = junk_fragments(input_lines(path), expected)
    junk_total = sum(len(nows(f)) for f in junk)
    js, xs = "\u0001".join(nows(f) for f in junk), "\u0001".join(nows(f) for f in extra)
    jsm = difflib.SequenceMatcher(None, js, xs, autojunk=False)
    kept = sum(b.size for b in jsm.get_matching_blocks() if b.size >= 3)
    kept = min(kept, junk_total)
    unchanged = (out == expected) if not has_junk else None
    dropped = [expected[i] for i in range(len(expected)) if i not in exp_matched]
    extra_lines = [out[j] for j in range(len(out)) if j not in out_matched]
    return dict(name=name, rc=rc, err=err, exp_total=exp_total,
                exp_line=rec_line * exp_total, exp_char=rec_char * len(es),
                char_total=len(es), rec_line=rec_line, rec_char=rec_char,
                junk_total=junk_total, junk_kept=kept, unchanged=unchanged,
                dropped=dropped, extra=extra_lines, has_junk=has_junk)

def short(s, n=70):
    return s if len(s) <= n else s[:n] + "…"

def main(argv):
    verbose = "-v" in argv
    only = [a for a in argv if not a.startswith("-")]
    rows = list(csv.DictReader(open(HERE / "manifest.tsv", encoding="utf-8"), delimiter="\t"))
    results = []
    for row in rows:
        name = row["name"]
        if only and name not in only:
            continue
        path = next(p for p in HERE.glob(name + ".*") if not p.name.endswith(".expected.txt"))
        r = measure(name, path, row["has_junk"] == "yes", verbose)
        results.append(r)
        jr = 1 - r["junk_kept"] / r["junk_total"] if r["junk_total"] else 1.0
        r["junk_removed"] = jr
        flag = "" if r["rc"] == 0 else f"  rc={r['rc']}"
        unch = "" if r["unchanged"] is None else ("  unchanged=yes" if r["unchanged"] else "  unchanged=NO")
        print(f"{name:34s} recall_line={r['rec_line']:.3f} recall_char={r['rec_char']:.3f} "
              f"junk_removed={jr:.3f} ({r['junk_total']-r['junk_kept']}/{r['junk_total']}){unch}{flag}")
        if verbose or r["rec_line"] < 1.0 or jr < 0.9 or r["unchanged"] is False:
            for d in r["dropped"]:
                print(f"    - dropped: {short(d)}")
            for x in r["extra"]:
                print(f"    + kept:    {short(x)}")
            if r["rc"] != 0:
                print("    stderr:", short(r["err"].strip().replace("\n", " | "), 300))
    if not results:
        return 0
    el = sum(r["exp_line"] for r in results) / sum(r["exp_total"] for r in results)
    ec = sum(r["exp_char"] for r in results) / sum(r["char_total"] for r in results)
    jt = sum(r["junk_total"] for r in results)
    jk = sum(r["junk_kept"] for r in results)
    clean = [r for r in results if r["unchanged"] is not None]
    print()
    print(f"cases: {len(results)}")
    print(f"recall (line level): {el:.4f}")
    print(f"recall (char level): {ec:.4f}")
    print(f"junk removed:        {1 - jk / jt if jt else 1:.4f} ({jt - jk}/{jt} chars)")
    print(f"clean cases unchanged: {sum(1 for r in clean if r['unchanged'])}/{len(clean)}")
    print(f"mean per-case recall (line): {sum(r['rec_line'] for r in results)/len(results):.4f}")
    return 0

if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)
