#!/usr/bin/env python3
"""Regenerate the held-out-2 cases from their marked sources.

Each source `src/NAME.EXT.src` is the raw clipping with article text marked:
  * a line starting with "+ " is one expected line (the "+ " is removed);
  * ⟦ … ⟧ marks one expected line inside a line / inside markup (may span lines).
Everything unmarked is junk or metadata (title, date, bylines, …).
The raw input is the source with the markers removed; the expected output is
the marked segments in order, markup reduced to its visible text.
"""
import html, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent

def ws(s):
    return re.sub(r"\s+", " ", s).strip()

def vis(seg, ext):
    if ext in ("html", "txt_feed"):
        seg = re.sub(r"<br\s*/?>", " ", seg)
        seg = re.sub(r"<[^>]+>", "", seg)
        seg = html.unescape(seg)
    elif ext == "md":
        seg = re.sub(r"^\s*(#{1,6}\s+|[-*]\s+|>\s+)", "", seg)
        seg = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", seg)
        seg = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", seg)
        seg = re.sub(r"\*\*([^*]+)\*\*", r"\1", seg)
    return ws(seg)

def build(src):
    name, ext = src.name[:-4].rsplit(".", 1)
    text = src.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^\+ (.*)$", lambda m: "⟦" + m.group(1) + "⟧", text)
    kind = ext
    if ext == "txt" and text.startswith("<!--"):
        kind = "txt_feed"
    expected = [vis(m.group(1), kind) for m in re.finditer(r"⟦(.*?)⟧", text, re.S)]
    expected = [e for e in expected if e]
    raw = text.replace("⟦", "").replace("⟧", "")
    (OUT / f"{name}.{ext}").write_text(raw, encoding="utf-8")
    (OUT / f"{name}.expected.txt").write_text("\n".join(expected) + "\n", encoding="utf-8")
    return name

if __name__ == "__main__":
    names = [build(p) for p in sorted((HERE / "src").glob("*.src"))]
    print(len(names), "cases")
