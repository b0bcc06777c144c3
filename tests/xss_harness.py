"""Build a site whose every field carries an XSS vector, then look for live script.

In: the vectors of :mod:`xss_vectors`. Out: a fixture site (config.yaml plus one
content file per vector and body variant) and two checks over its build:

* :func:`browser_hits` opens every HTML page of the site in headless Chromium
  and returns the ids of vectors whose payload ran (``alert``/``__x`` replaced by
  a recorder, reported through a Playwright binding) or whose markup is live in
  the parsed DOM (an ``on*`` attribute, a script, frame or ``javascript:``-like
  URL carrying a payload): the second check does not depend on a CSP or on an
  event actually firing.
* :func:`feed_hits` parses every feed and every text-or-HTML field of every
  item (``title``, ``description``, ``content:encoded``, Atom ``summary``/
  ``content``, categories, the channel's own title and description) as the HTML
  a feed reader renders (html5lib) and returns the ids found in live markup.

A payload id names (vector, injection point, body variant): see :class:`Case`.
Used by tests/test_xss.py; ``python tests/xss_harness.py`` prints the tally per
injection point (what the closing note of issue 14 reports).
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import html5lib
from xml.etree import ElementTree
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_harness import BROWSER_MARK  # noqa: E402
from xss_vectors import BODY_VECTORS, FIELD_EXTRA, MARKDOWN_VECTORS, url_vectors  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIELDS = ("title", "summary", "tags", "source", "rights", "url", "body")
# Body variants: (name, declared format or None, url kind, curator summary?). Without
# a curator summary the page and feeds show one made from the body; without a url,
# relative links in the body have nothing to resolve against.
VARIANTS = (
    ("md", "markdown", "plain", True),
    ("html", "html", None, False),
    ("text", "text", "vector", False),
    ("none", None, "plain", True),
)
PLAIN_URL = "https://news.example/a/b.html"
_ID = re.compile(r"__x\((\d+)\)")
_BAD_URL = re.compile(r"^(?:javascript|vbscript|data):", re.I)


@dataclass(frozen=True)
class Case:
    vector: str
    field: str
    variant: str


def all_body_vectors() -> tuple[str, ...]:
    return BODY_VECTORS + MARKDOWN_VECTORS


def field_vectors() -> tuple[str, ...]:
    return BODY_VECTORS + MARKDOWN_VECTORS + FIELD_EXTRA


class Registry:
    """Hands out numeric payload ids and remembers what each one stands for."""

    def __init__(self) -> None:
        self.cases: list[Case] = []

    def fill(self, template: str, field: str, variant: str) -> str:
        ident = len(self.cases) + 100000  # fixed width: no id is a prefix of another
        self.cases.append(Case(template, field, variant))
        call = f"__x({ident})"
        return template.replace("{U}", f"javascript:{call}").replace("{P}", call)

    def case(self, ident: int) -> Case:
        return self.cases[ident - 100000]


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON is YAML: no escaping rules of our own


def make_site(root: Path) -> Registry:
    """Write the fixture site below ``root``; return the payload registry."""
    reg = Registry()
    root.mkdir(parents=True, exist_ok=True)
    site_title = reg.fill("<img src=x onerror={P}>站", "site-title", "config")
    (root / "config.yaml").write_text(
        f"title: {_yaml(site_title)}\n"
        f"description: {_yaml(reg.fill('</description><svg onload={P}>', 'site-description', 'config'))}\n"
        "base_url: https://example.org/x/\n"
        "timezone: Asia/Shanghai\n"
        f"templates_dir: {_yaml(str(REPO / 'templates'))}\n"
        f"static_dir: {_yaml(str(REPO / 'static'))}\n"
        "feed_items: 100000\nhome_items: 40\n",
        encoding="utf-8",
    )
    content = root / "content"
    content.mkdir(exist_ok=True)
    fields = field_vectors()
    n = 0
    for i, body_vector in enumerate(all_body_vectors()):
        for variant, fmt, url_kind, with_summary in VARIANTS:
            fv = fields[(i * len(VARIANTS) + n) % len(fields)]
            n += 1
            meta: dict[str, object] = {
                "title": reg.fill(fv, "title", variant) + f" 标题{i}",
                "date": f"2025-0{1 + n % 3}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00+08:00",
                "source": reg.fill(fv, "source", variant) + "日报",
                "tags": [reg.fill(fv, "tags", variant), "经济"],
                "rights": reg.fill(fv, "rights", variant),
                "slug": f"v{i}-{variant}",
            }
            if with_summary:
                meta["summary"] = reg.fill(fv, "summary", variant)
            if fmt:
                meta["format"] = fmt
            if url_kind == "plain":
                meta["url"] = PLAIN_URL
            elif url_kind == "vector":
                urls = url_vectors()
                meta["url"] = reg.fill(urls[i % len(urls)], "url", variant)
            body = reg.fill(body_vector, "body", variant)
            if fmt == "text" or variant == "none":
                body = f"这是一段正文，用来测试。\n{body}\n后面还有一句话。"
            front = "".join(f"{key}: {_yaml(value)}\n" for key, value in meta.items())
            (content / f"v{i}-{variant}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return reg


def build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(root / "config.yaml"), "build"],
                          capture_output=True, text=True, cwd=root, timeout=600)


# --- the browser ------------------------------------------------------------------------------

RECORDER = """
(() => {
  const rec = (v) => { try { window.__hits = (window.__hits || []).concat([String(v)]); } catch (e) {}
                       try { window.__xssReport(String(v)); } catch (e) {} };
  window.__x = rec; window.alert = rec; window.confirm = rec; window.prompt = rec; window.print = rec;
})();
"""

# Live markup in the parsed DOM, whether or not anything fired: every on* attribute,
# every script/frame/object/embed element, every URL attribute with a script scheme.
DOM_PROBE = """
() => {
  const out = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'srcset', 'srcdoc'];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    // The site's own search forms and search script (templates, not content) are not findings.
    const own = (tag === 'form' && el.getAttribute('role') === 'search' && /[/]search[/]$/.test(el.getAttribute('action') || ''))
                || (tag === 'script' && /[/]static[/]search[.]js$/.test(el.getAttribute('src') || '') && el.textContent === '');
    let live = ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form'].includes(tag) && !own
               && !(tag === 'script' && el.textContent.indexOf('__x(') < 0 && !el.hasAttribute('src'));
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\\u0000-\\u0020]/g, '');
      if (name.startsWith('on')) live = true;
      if (urlAttrs.includes(name) && /^(javascript|vbscript|data):/i.test(value)) live = true;
      if (name === 'srcdoc') live = true;
    }
    if (live) out.push(el.outerHTML.slice(0, 2000));
  }
  return out;
}
"""


# Debian's Chromium, no network but the local server: every host name fails to
# resolve at once, so an image's onerror fires without waiting.
XSS_CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    BROWSER_MARK,
]


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def browser_hits(site: Path, chromium: Path, args: list[str], tabs: int = 3) -> tuple[Counter[int], Counter[int], int]:
    """(ids that ran, ids found in live DOM markup, pages opened): one browser,
    ``tabs`` pages loading at a time."""
    return asyncio.run(_browse(site, chromium, args, tabs))


async def _browse(site: Path, chromium: Path, args: list[str], tabs: int) -> tuple[Counter[int], Counter[int], int]:
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    ran: Counter[int] = Counter()
    live: Counter[int] = Counter()
    pages = html_pages(site)
    server = _serve(site)
    root_url = f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    queue = [root_url + p.relative_to(site).as_posix() for p in reversed(pages)]
    total = len(queue)
    # The DOM probe sees a live handler whether or not its event fired yet, so
    # nothing waits for rendering: one task after "load" is enough.
    probe = f"() => new Promise(r => setTimeout(() => r([({DOM_PROBE})(), window.__hits || []]), 0))"

    async def worker(context: object) -> None:
        page = await context.new_page()  # type: ignore[attr-defined]
        page.on("dialog", lambda d: (ran.update(_ids(d.message) or [0]), asyncio.ensure_future(d.dismiss())))
        while queue:
            await page.goto(queue.pop(), wait_until="load")
            # The root page may move on to an edition by itself: probe where it lands.
            try:
                found = await page.evaluate(probe)
            except PlaywrightError:
                await page.wait_for_load_state("load")
                found = await page.evaluate(probe)
            for outer in found[0]:
                live.update(_ids(outer) or [0])
            for hit in found[1]:
                ran.update(_ids(hit) or [0])
        await page.close()

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(chromium), args=args)
        try:
            context = await browser.new_context()
            await context.expose_binding("__xssReport", lambda source, value: ran.update(_ids(value) or [0]))
            await context.add_init_script(RECORDER)
            await asyncio.gather(*(worker(context) for _ in range(tabs)))
            await context.close()
        finally:
            await browser.close()
            server.shutdown()
            server.server_close()
    return ran, live, total


SITE_PATH = "/x/"  # the fixture's base_url path: pages link to /x/...


def _serve(site: Path) -> ThreadingHTTPServer:
    """The built site over HTTP at 127.0.0.1:<free port>/x/, as a reader gets it."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

        def translate_path(self, path: str) -> str:
            return super().translate_path("/" + path[len(SITE_PATH):] if path.startswith(SITE_PATH) else "/-")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _ids(text: str) -> list[int]:
    found = [int(m) for m in _ID.findall(text)]
    if not found and text.strip().isdigit():
        found = [int(text.strip())]
    return found


# --- the feeds --------------------------------------------------------------------------------

_TEXT_FIELDS = {"title", "description", "summary", "category", "subtitle", "rights", "creator", "name"}
_HTML_FIELDS = {"encoded", "content"}


def feed_hits(site: Path) -> tuple[Counter[int], Counter[int], int]:
    """(ids in live markup of HTML fields, ids in any markup of plain-text fields, items)."""
    live: Counter[int] = Counter()
    markup: Counter[int] = Counter()
    items = 0
    for feed in sorted(site.rglob("*.xml")):
        if feed.name == "sitemap.xml":
            continue
        tree = etree.parse(str(feed), etree.XMLParser(resolve_entities=False, no_network=True))
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            if local in ("item", "entry"):
                items += 1
            texts = [el.text or ""]
            if local == "category" and el.get("term"):
                texts.append(el.get("term"))
            for text in texts:
                if "__x(" not in text:
                    continue
                if local in _HTML_FIELDS:
                    live.update(_live_in_html(text))
                elif local in _TEXT_FIELDS:
                    markup.update(_markup_in_text(text))
    return live, markup, items


def _fragment(text: str) -> ElementTree.Element:
    # A reader shows the field inside its own page: an attribute or tag left open at
    # the end of the field is closed by whatever follows, not dropped at end of input.
    return html5lib.parseFragment(text + "\"'>", treebuilder="etree", namespaceHTMLElements=False)


@lru_cache(maxsize=None)  # the same item is in the RSS, Atom and tag feeds
def _live_in_html(text: str) -> list[int]:
    """Ids inside live markup once ``text`` is parsed as HTML."""
    found = []
    for el in _fragment(text).iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.split("}")[-1].lower()
        live = tag in ("script", "iframe", "frame", "object", "embed", "base", "form", "svg", "math", "style")
        for name, value in el.attrib.items():
            name = name.split("}")[-1].lower()
            clean = re.sub(r"[\x00-\x20]", "", value)
            if name.startswith("on") or name == "srcdoc" or _BAD_URL.match(clean):
                live = True
        if live:
            found += _ids(ElementTree.tostring(el, encoding="unicode")) or [0]
    return found


@lru_cache(maxsize=None)
def _markup_in_text(text: str) -> list[int]:
    """Ids inside any element once a plain-text field is parsed as HTML: there
    should be none at all, a feed reader would render it."""
    frag = _fragment(text)
    found = []
    for el in frag.iter():
        if isinstance(el.tag, str) and el is not frag:
            found += _ids(ElementTree.tostring(el, encoding="unicode")) or [0]
    return found


def tally(reg: Registry, ids: Counter[int]) -> dict[str, int]:
    """How many distinct cases per injection point."""
    out: Counter[str] = Counter()
    for ident in ids:
        if ident:
            out[reg.case(ident).field] += 1
        else:
            out["?"] += 1
    return dict(sorted(out.items()))


def tried(reg: Registry) -> dict[str, int]:
    return dict(sorted(Counter(c.field for c in reg.cases).items()))


if __name__ == "__main__":  # a report, for the closing note of a change
    import tempfile

    sys.path.insert(0, str(REPO / "tests"))
    from serve_harness import CHROMIUM

    CHROMIUM_ARGS = XSS_CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        reg = make_site(root)
        result = build(root)
        print("build:", result.returncode, result.stderr[-2000:])
        print("tried per injection point:", tried(reg))
        if result.returncode == 0:
            f_live, f_markup, n_items = feed_hits(root / "site")
            print(f"feeds: {n_items} items; live markup in HTML fields:", tally(reg, f_live))
            print("markup in plain-text fields:", tally(reg, f_markup))
            ran, live, n_pages = browser_hits(root / "site", CHROMIUM, CHROMIUM_ARGS)
            print(f"browser: {n_pages} pages; executed:", tally(reg, ran))
            print("live DOM markup:", tally(reg, live))
            by_variant = Counter(reg.case(i).variant for i in ran if i)
            print("executed per body variant:", dict(by_variant))
            for ident in sorted(set(ran) | set(live))[:40]:
                if not ident:
                    print("   unattributed live markup (a payload without an id)")
                else:
                    c = reg.case(ident)
                    print("  ", ident, c.field, c.variant, c.vector[:100])
