#!/usr/bin/env python3
"""Run `build.py clean` on the frozen cases and compare with expected.txt.

usage: python3 check.py /path/to/repo [FOLDER ...]   (uses REPO/.venv/bin/python)
FOLDER: a dated folder here (default: every one). Prints PASS/FAIL per case, and for
a FAIL the lines kept that should go (+) and the lines expected but missing (-);
then, per folder, how many cases fail (read only that line when judging a change:
these cases are never tuned on)."""
import glob, os, subprocess, sys

repo = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
py = os.environ.get("PYTHON") or os.path.join(repo, ".venv", "bin", "python")
here = os.path.dirname(os.path.abspath(__file__))
folders = [os.path.join(here, f) for f in sys.argv[2:]] or sorted(d for d in glob.glob(os.path.join(here, "*")) if os.path.isdir(d))
summary = []
for folder in folders:
    fails = 0
    for d in sorted(glob.glob(os.path.join(folder, "*", ""))):
        inp = glob.glob(d + "input.*")
        if not inp:
            continue
        out = subprocess.run([py, "build.py", "clean", inp[0]], cwd=repo, capture_output=True, text=True).stdout
        got = [l for l in out.splitlines() if l.strip()]
        exp = [l for l in open(d + "expected.txt", encoding="utf-8").read().splitlines() if l.strip()]
        name = os.path.basename(os.path.dirname(d))
        if got == exp:
            print("PASS", name)
            continue
        fails += 1
        extra = [l for l in got if l not in exp]
        missing = [l for l in exp if l not in got]
        print("FAIL %s  (junk kept: %d lines / %d chars; body lost: %d lines / %d chars)" % (
            name, len(extra), sum(map(len, extra)), len(missing), sum(map(len, missing))))
        for l in extra[:6]:
            print("   + " + l[:100])
        for l in missing[:6]:
            print("   - " + l[:100])
    summary.append("%s: %d failing" % (os.path.basename(folder), fails))
print("\n".join(summary))
