#!/usr/bin/env python3
"""Render the hold-out cases from the hand-written case sources in src/*.txt.

Written independently of the cleaner (digest/clean*.py was never opened).
Each case source lists article items and junk items in reading order; this
script renders the raw input in the case's format (feed / paste / md /
fragment / page) and writes the expected output (article items only).

Case source syntax (one item per line):
  === name | outlet | format | script | title | date | url | byline
  P text          article paragraph ([text](url) = inline link)
  H text          article subheading
  L text          list item the article itself introduces
  C text          photo caption (once)
  C2 text         photo caption duplicated in the raw input (kept once)
  I alt || cap    image with alt text (alt is junk) and caption
  J text          junk line (nav, share prompt, credit, copyright, ad ...)
  JL head | t1 | t2 ...   junk list of other articles (head may be empty)
  PJ text || promo        paragraph with an inline promo glued to its end
Run: python tests/clean_holdout/gen.py
"""
import html
import re
import zlib
from urllib.parse import urlsplit
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
AD_WORDS = ("廣告", "广告", "Advertisement", "赞助内容", "ADVERTISEMENT")


def plain(s):
    return re.sub(r"\s+", " ", LINK.sub(lambda m: m.group(1), s)).strip()


def h(s):
    """HTML-escape, turning [t](u) into <a>."""
    out, pos = [], 0
    for m in LINK.finditer(s):
        out.append(html.escape(s[pos:m.start()], quote=False))
        out.append('<a href="%s">%s</a>' % (html.escape(m.group(2)), html.escape(m.group(1), quote=False)))
        pos = m.end()
    out.append(html.escape(s[pos:], quote=False))
    return "".join(out)


def site(case):
    u = urlsplit(case["url"])
    return "%s://%s" % (u.scheme, u.netloc)


def slug_url(base, t):
    return "%s/news/%d" % (base.rstrip("/"), 4000000 + zlib.crc32(t.encode()) % 900000)


def parse(text):
    cases, cur = [], None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=== "):
            f = [x.strip() for x in line[4:].split("|")]
            f += [""] * (8 - len(f))
            cur = dict(name=f[0], outlet=f[1], fmt=f[2], script=f[3], title=f[4],
                       date=f[5], url=f[6], byline=f[7], items=[])
            cases.append(cur)
            continue
        tag, _, rest = line.partition(" ")
        rest = rest.strip()
        if tag == "JL":
            parts = [x.strip() for x in rest.split("|")]
            cur["items"].append(("JL", parts[0], parts[1:]))
        elif tag == "I":
            alt, cap = [x.strip() for x in rest.split("||")]
            cur["items"].append(("I", alt, cap))
        elif tag == "PJ":
            p, promo = rest.split("||")
            cur["items"].append(("PJ", p.rstrip(), promo.strip()))
        elif tag in ("P", "H", "L", "C", "C2", "J"):
            cur["items"].append((tag, rest))
        else:
            raise SystemExit("bad tag %r in %s" % (tag, cur and cur["name"]))
    return cases


def expected(case):
    out = []
    for it in case["items"]:
        t = it[0]
        if t in ("P", "H", "L", "C", "C2"):
            out.append(plain(it[1]))
        elif t == "I":
            out.append(plain(it[2]))
        elif t == "PJ":
            out.append(plain(it[1]))
    return "\n".join(out) + "\n"


def is_article(it):
    return it[0] not in ("J", "JL")


def when(case):
    return datetime.strptime(case["date"], "%Y-%m-%d %H:%M")


# ---------------------------------------------------------------- paste
def render_paste(case):
    lines = [case["title"], ""]
    d = case["date"]
    lines.append(d + (" " + case["byline"] if case["byline"] else ""))
    lines.append("")
    for i, it in enumerate(case["items"]):
        t = it[0]
        if t == "JL":
            if it[1]:
                lines.append(it[1])
            lines.extend(plain(x) for x in it[2])
        elif t == "C2":
            lines += [it[1], it[1]]
        elif t == "I":
            lines.append(it[2])
        elif t == "PJ":
            lines.append(plain(it[1] + it[2]))
        else:
            lines.append(plain(it[1]))
        if t not in ("L", "JL") and i % 3 != 2:
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- markdown
def render_md(case):
    dt = when(case).strftime("%Y-%m-%dT%H:%M:00+08:00")
    if case["script"] == "en":
        dt = when(case).strftime("%Y-%m-%dT%H:%M:00Z")
    fm = ['---', 'title: "%s"' % case["title"].replace('"', '\\"'), "date: " + dt,
          "source: " + case["outlet"], "url: " + case["url"], "lang: " + case["script"], "---", ""]
    blocks, prev = [], None
    base = site(case)
    n_img = 0
    for it in case["items"]:
        t = it[0]
        if t == "L":
            if prev == "L":
                blocks[-1] += "\n- " + it[1]
            else:
                blocks.append("- " + it[1])
        elif t == "H":
            blocks.append("## " + it[1])
        elif t == "C":
            blocks.append(it[1])
        elif t == "C2":
            n_img += 1
            blocks.append("![%s](%s/img/%d.jpg)" % (it[1], base, n_img))
            blocks.append(it[1])
            blocks.append(it[1])
        elif t == "I":
            n_img += 1
            blocks.append("![%s](%s/img/%d.jpg)" % (it[1], base, n_img))
            blocks.append(it[2])
        elif t == "JL":
            b = []
            if it[1]:
                b.append("### " + it[1])
                b.append("")
            b += ["- [%s](%s)" % (x, slug_url(base, x)) for x in it[2]]
            blocks.append("\n".join(b))
        elif t == "PJ":
            blocks.append(it[1] + it[2])
        else:
            blocks.append(it[1])
        prev = t
    return "\n".join(fm) + "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- html
def html_items(case, items, feed=False):
    out, prev = [], None
    base = site(case)
    n_img = 0
    for it in items:
        t = it[0]
        if t != "L" and prev == "L":
            out.append("</ul>")
        if t == "P":
            out.append("<p>%s</p>" % h(it[1]))
        elif t == "H":
            out.append("<h2>%s</h2>" % h(it[1]))
        elif t == "L":
            if prev != "L":
                out.append("<ul>")
            out.append("  <li>%s</li>" % h(it[1]))
        elif t in ("C", "I", "C2"):
            n_img += 1
            src = "%s/img/2025/%03d.jpg" % (base, n_img)
            cap = it[2] if t == "I" else it[1]
            alt = it[1] if t == "I" else ""
            if feed and t == "C":
                out.append('<p><img src="%s"><br><small>%s</small></p>' % (src, h(cap)))
            else:
                out.append('<figure><img src="%s" alt="%s"><figcaption>%s</figcaption></figure>'
                           % (src, html.escape(alt), h(cap)))
            if t == "C2":
                out.append('<p class="pic-desc">%s</p>' % h(cap))
        elif t == "PJ":
            out.append("<p>%s%s</p>" % (h(it[1]), h(it[2])))
        elif t == "J":
            txt = it[1]
            if any(w in txt for w in AD_WORDS) and len(txt) < 30:
                out.append('<div class="ad-slot"><span class="ad-label">%s</span></div>' % h(txt))
            elif feed:
                out.append("<p>%s</p>" % h(txt))
            else:
                out.append('<div class="article-extra">%s</div>' % h(txt))
        elif t == "JL":
            lis = "".join('<li><a href="%s">%s</a></li>' % (slug_url(base, x), h(x)) for x in it[2])
            if feed:
                if it[1]:
                    out.append("<p><strong>%s</strong></p>" % h(it[1]))
                out.append("<ul>%s</ul>" % lis)
            else:
                head = "<h3>%s</h3>" % h(it[1]) if it[1] else ""
                out.append('<div class="related-news">%s<ul>%s</ul></div>' % (head, lis))
        prev = t
    if prev == "L":
        out.append("</ul>")
    return "\n".join(out)


def render_feed(case):
    tz = timezone.utc if case["script"] == "en" else timezone(timedelta(hours=8))
    ts = int(when(case).replace(tzinfo=tz).timestamp() * 1000)
    return "<!--%d-->\n[%s](%s)\n------\n\n%s\n" % (ts, case["title"], case["url"],
                                                 html_items(case, case["items"], feed=True))


def render_fragment(case):
    return '<div class="article-body">\n%s\n</div>\n' % html_items(case, case["items"])


def split_zones(items):
    idx = [i for i, it in enumerate(items) if is_article(it)]
    a, b = idx[0], idx[-1] + 1
    return items[:a], items[a:b], items[b:]


def render_page(case):
    top, body, bottom = split_zones(case["items"])
    lang = {"zh-Hant": "zh-Hant-TW", "zh-Hans": "zh-CN", "en": "en"}[case["script"]]
    first = plain(next(it[1] for it in body if it[0] == "P"))
    nav = []
    for it in top:
        if it[0] == "J":
            nav.append('<li><a href="/">%s</a></li>' % h(it[1]))
        else:
            nav.append("<li>%s<ul>%s</ul></li>" % (h(it[1]), "".join('<li><a href="#">%s</a></li>' % h(x) for x in it[2])))
    # bottom: lists -> aside, lines -> footer
    # bottom: lines before the first list stay inside the article (credits,
    # share bars), lists go to the sidebar, later lines to the footer
    k = next((i for i, it in enumerate(bottom) if it[0] == "JL"), len(bottom))
    body = body + bottom[:k]
    aside = [it for it in bottom[k:] if it[0] == "JL"]
    foot = [it for it in bottom[k:] if it[0] == "J"]
    dt = when(case)
    return """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:description" content="{desc}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{outlet}">
<link rel="stylesheet" href="/static/css/main.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head>
<body>
<header class="site-header">
<a class="logo" href="/">{outlet}</a>
<nav class="main-nav"><ul>{nav}</ul></nav>
</header>
<main class="container">
<article class="article">
<h1 class="article-title">{title}</h1>
<div class="article-meta"><time datetime="{iso}">{date}</time>{byline}</div>
<div class="article-content">
{body}
</div>
</article>
<aside class="sidebar">
{aside}
</aside>
</main>
<footer class="site-footer">
{foot}
</footer>
<script src="/static/js/app.js"></script>
</body>
</html>
""".format(lang=lang, title=html.escape(case["title"]), outlet=html.escape(case["outlet"]),
           desc=html.escape(first[:60]), url=case["url"], nav="".join(nav),
           iso=dt.strftime("%Y-%m-%dT%H:%M:00+08:00"), date=case["date"],
           byline=(' <span class="author">%s</span>' % h(case["byline"])) if case["byline"] else "",
           body=html_items(case, body), aside=html_items(case, aside),
           foot="\n".join("<p>%s</p>" % h(it[1]) for it in foot))


RENDER = {"feed": (render_feed, "txt"), "paste": (render_paste, "txt"), "md": (render_md, "md"),
          "fragment": (render_fragment, "html"), "page": (render_page, "html")}


def main():
    cases = []
    for f in sorted((HERE / "src").glob("*.txt")):
        cases += parse(f.read_text(encoding="utf-8"))
    names = set()
    rows = ["name\toutlet\tformat\tscript\thas_junk"]
    for c in cases:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        fn, ext = RENDER[c["fmt"]]
        (HERE / ("%s.%s" % (c["name"], ext))).write_text(fn(c), encoding="utf-8")
        (HERE / ("%s.expected.txt" % c["name"])).write_text(expected(c), encoding="utf-8")
        junk = any(not is_article(it) or it[0] in ("PJ", "C2", "I") for it in c["items"])
        rows.append("\t".join([c["name"] + "." + ext, c["outlet"], c["fmt"], c["script"], "yes" if junk else "no"]))
    (HERE / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
