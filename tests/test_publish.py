"""The published site works wherever it is served: a crawl over real HTTP.

In: the repository's demo site, built through the command line with a base URL
(a GitHub Pages project site under ``/digest/``, and a custom domain at ``/``).
Out: assertions that a crawler starting at the root ``index.html`` of a real
``http.server`` reaches every page and feed, and finds no broken internal link,
image, stylesheet, feed, hreflang alternate, language switch or fragment.

The server's document root is a temp folder holding the site *below* ``digest/``,
just as GitHub Pages serves a project site, so any URL that assumes ``/`` 404s.
Absolute URLs under the public base URL are mapped onto the local server;
everything else is external and is not fetched.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import lxml.etree
import lxml.html
import pytest

from conftest import site_part
from digest.cli import main as cli_main
from digest.config import load_config, normalise_base_url

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("config.yaml", "content", "templates", "static")

# (base URL given to --base-url, folder below the server root it is served from).
# The custom-domain case is written the way actions/configure-pages reports it:
# without the trailing slash.
DEPLOYMENTS = [
    ("https://example.github.io/digest/", "digest"),
    ("https://example.org", ""),
]

FEED_TYPES = {"application/rss+xml", "application/atom+xml"}
# Files that nothing links to by design: served on a miss, or read by crawlers.
UNLINKED = {"404.html", "sitemap.xml", "robots.txt", ".digest-build"}  # the last: the stamp marking a built folder
# The search index's chunks are fetched by pagefind.js at run time, named by
# content hashes: the crawl checks the bundle's entry and meta files, and
# tests/test_search_browser.py loads the rest in a browser.
# Each shard of the index (a folder below pagefind/) also keeps its words.json,
# which the next build reads when it reuses the shard.
INDEX_CHUNK = re.compile(r"^[a-z0-9-]+/pagefind/[0-9a-f]+/(?:index|fragment|filter)/[^/]+$"
                         r"|^[a-z0-9-]+/pagefind/[0-9a-f]+/(?:pagefind-worker\.js|wasm\.[a-z-]+\.pagefind|words\.json)$")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@dataclass(frozen=True)
class Served:
    public_base: str  # absolute base URL the site was built for, ends with "/"
    local_base: str  # where the local server serves it, ends with "/"
    site_dir: Path  # the built site on disk
    config_base: str  # base_url of config.yaml: no link may use it after an override


@dataclass(frozen=True)
class Link:
    source: str  # local URL of the page the link is on
    kind: str  # what it is: "a", "stylesheet", "img", "hreflang", "switch", "feed", ...
    target: str  # local URL, fragment included


@dataclass
class Crawl:
    fetched: dict[str, bytes] = field(default_factory=dict)  # local URL -> body
    content_types: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)


def copy_inputs(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        src = site_part(REPO, part)
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    return target


@pytest.fixture(scope="module", params=DEPLOYMENTS, ids=["project-site-subpath", "custom-domain-root"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    base_url, folder = request.param
    work = tmp_path_factory.mktemp("publish")
    inputs = copy_inputs(work / "inputs")
    docroot = work / "docroot"
    site_dir = docroot / folder if folder else docroot
    # Through the command line, as the deploy workflow runs it.
    status = cli_main(["--config", str(inputs / "config.yaml"), "build", "--out", str(site_dir), "--base-url", base_url])
    assert status == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(docroot)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        local_root = f"http://127.0.0.1:{server.server_address[1]}/"
        yield Served(
            public_base=normalise_base_url(base_url),
            local_base=local_root + (f"{folder}/" if folder else ""),
            site_dir=site_dir,
            config_base=load_config(inputs / "config.yaml").base_url,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def to_local(served: Served, url: str) -> str | None:
    """The local URL for ``url``, or None when it is outside the site (external)."""
    if url.startswith(served.public_base):
        return served.local_base + url[len(served.public_base):]
    local_root = served.local_base[: served.local_base.index("/", len("http://"))]
    if url.startswith(local_root + "/"):
        return url  # a root-relative link, resolved against the local server
    return None


def html_links(page_url: str, body: bytes) -> list[tuple[str, str]]:
    """(kind, raw URL) of every URL an HTML page refers to."""
    doc = lxml.html.document_fromstring(body)
    found: list[tuple[str, str]] = []
    for el in doc.iter(lxml.etree.Element):
        tag = el.tag
        rel = set((el.get("rel") or "").split())
        if tag == "link" and el.get("href") is not None:
            if "stylesheet" in rel:
                kind = "stylesheet"
            elif el.get("type") in FEED_TYPES:
                kind = "feed"
            elif el.get("hreflang"):
                kind = "hreflang"
            else:
                kind = "link:" + " ".join(sorted(rel))
            found.append((kind, el.get("href")))
        elif tag == "a" and el.get("href") is not None:
            kind = "switch" if "switch" in (el.get("class") or "").split() else "a"
            found.append((kind, el.get("href")))
        elif el.get("src") is not None:
            found.append((tag, el.get("src")))
        if el.get("srcset"):
            found += [(tag, c.split()[0]) for c in el.get("srcset").split(",") if c.strip()]
        for attribute in ("data-map", "data-words"):  # what the search page's script loads
            if el.get(attribute):
                found.append(("search-" + attribute[5:], el.get(attribute)))
        if el.get("data-index"):  # the index's folder: the script reads its list of shards
            found.append(("search-index", el.get("data-index") + "shards.json"))
        if tag == "meta" and (el.get("property") or el.get("name")) in {"og:url", "og:image", "twitter:image"}:
            found.append((el.get("property") or el.get("name"), el.get("content")))
    return found


def feed_links(body: bytes) -> list[tuple[str, str]]:
    """(kind, URL) of the links and guids of an RSS or Atom feed."""
    root = lxml.etree.fromstring(body)
    atom = "{http://www.w3.org/2005/Atom}"
    found = [("feed-link", el.text.strip()) for el in root.iter("link", "guid") if el.text and el.text.strip()]
    found += [("feed-link", el.get("href")) for el in root.iter(f"{atom}link", "link") if el.get("href")]
    found += [("feed-link", el.text.strip()) for el in root.iter(f"{atom}id") if el.text]
    return found


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""


def crawl(served: Served, start: str) -> Crawl:
    result = Crawl()
    queue = [start]
    while queue:
        url = queue.pop(0)
        if url in result.fetched:
            continue
        status, content_type, body = fetch(url)
        if status != 200:
            result.broken.append(f"{url}: HTTP {status}")
            result.fetched[url] = b""
            continue
        result.fetched[url] = body
        result.content_types[url] = content_type
        if content_type == "text/html":
            raw = html_links(url, body)
        elif url.endswith("/pagefind/shards.json"):  # each shard: a bundle, whose entry names each language's meta file
            shards = json.loads(body)
            raw = [("search-bundle", f"{shard}pagefind.js") for shard in shards]  # the script imports each
            raw += [("search-entry", f"{shard}pagefind-entry.json") for shard in shards]
        elif url.endswith("/pagefind-entry.json"):
            raw = [("search-meta", f"pagefind.{lang['hash']}.pf_meta") for lang in json.loads(body)["languages"].values()]
        elif content_type in {"application/xml", "text/xml", "application/rss+xml", "application/atom+xml"}:
            raw = feed_links(body)
        else:
            continue
        for kind, value in raw:
            absolute = urljoin(url, value.strip())
            if served.config_base != served.public_base and absolute.startswith(served.config_base):
                result.broken.append(f"{url}: {kind} {value} uses config.yaml's base_url, not the one given")
                continue
            if urlsplit(absolute).hostname == urlsplit(served.public_base).hostname and not absolute.startswith(served.public_base):
                result.broken.append(f"{url}: {kind} {value} is on this host but outside the site")
                continue
            local = to_local(served, absolute)
            if local is None:
                continue  # external: not fetched
            result.links.append(Link(url, kind, local))
            target, _ = urldefrag(local)
            if target not in result.fetched:
                queue.append(target)
    return result


def ids_of(body: bytes) -> set[str]:
    doc = lxml.html.document_fromstring(body)
    return {el.get("id") for el in doc.iter(lxml.etree.Element) if el.get("id")} | {
        el.get("name") for el in doc.iter("a") if el.get("name")
    }


@pytest.fixture(scope="module")
def crawled(served: Served) -> Crawl:
    return crawl(served, served.local_base)


def test_crawl_from_root_finds_no_broken_internal_link(served: Served, crawled: Crawl) -> None:
    assert crawled.broken == []
    missing_fragments = []
    for link in crawled.links:
        target, fragment = urldefrag(link.target)
        if fragment and crawled.content_types.get(target) == "text/html":
            if unquote(fragment) not in ids_of(crawled.fetched[target]):
                missing_fragments.append(f"{link.source}: #{fragment} not in {target}")
    assert missing_fragments == []
    kinds = {link.kind for link in crawled.links}
    # Every kind of link the issue names was really checked, not vacuously passed.
    assert {"a", "stylesheet", "feed", "hreflang", "switch", "feed-link",
            "search-index", "search-bundle", "search-map", "search-words", "search-entry", "search-meta"} <= kinds, kinds


def test_crawl_reaches_every_page_and_feed(served: Served, crawled: Crawl) -> None:
    on_disk = {p.relative_to(served.site_dir).as_posix() for p in served.site_dir.rglob("*") if p.is_file()}
    reached = set()
    for url in crawled.fetched:
        rel = unquote(url[len(served.local_base):]) if url.startswith(served.local_base) else url
        reached.add(rel + "index.html" if rel == "" or rel.endswith("/") else rel)
    unreached = sorted(p for p in on_disk - reached - UNLINKED if not INDEX_CHUNK.match(p))
    assert unreached == [], "built but linked from nowhere"
    feeds = [p for p in on_disk if p.endswith(("feed.xml", "atom.xml"))]
    assert len(feeds) >= 4 and set(feeds) <= reached  # RSS and Atom of both editions at least


def test_language_switch_leads_to_the_same_page_in_the_other_script(served: Served, crawled: Crawl) -> None:
    checked = 0
    for url, body in crawled.fetched.items():
        if crawled.content_types.get(url) != "text/html":
            continue
        doc = lxml.html.document_fromstring(body)
        alternates = {el.get("hreflang"): to_local(served, el.get("href")) for el in doc.iter("link")
                      if el.get("rel") == "alternate" and el.get("hreflang") and not el.get("type")}
        for switch in doc.find_class("switch"):
            target = urljoin(url, switch.get("href"))
            if alternates:  # a page with language versions switches to its own counterpart
                assert alternates.get(switch.get("hreflang")) == target, (url, target)
            assert fetch(target)[0] == 200
            checked += 1
    pages = [u for u, t in crawled.content_types.items() if t == "text/html"]
    assert checked >= len(pages) - 1  # every page but the chooser at the root has a switch


def test_404_page_works_at_any_depth(served: Served) -> None:
    """GitHub Pages serves 404.html for any missing URL, at any depth, so its
    links must not depend on where it is shown."""
    status, _, body = fetch(served.local_base + "404.html")
    assert status == 200
    assert "找不到页面".encode() in body and "找不到頁面".encode() in body  # both scripts
    deep = served.local_base + "zh-hant/articles/no-such-article/"
    # A bare "#fragment" (the skip link) stays on whatever URL shows the page.
    links = [(kind, urljoin(deep, value)) for kind, value in html_links(deep, body) if not value.startswith("#")]
    internal = [(kind, to_local(served, url)) for kind, url in links if to_local(served, url)]
    assert {"a", "stylesheet"} <= {kind for kind, _ in internal}
    for kind, url in internal:
        assert fetch(urldefrag(url)[0])[0] == 200, (kind, url)


def test_robots_names_the_sitemap_and_every_sitemap_url_is_served(served: Served, crawled: Crawl) -> None:
    status, _, robots = fetch(served.local_base + "robots.txt")
    assert status == 200
    sitemap_url = served.public_base + "sitemap.xml"
    assert f"Sitemap: {sitemap_url}" in robots.decode().splitlines()
    status, _, body = fetch(to_local(served, sitemap_url))
    assert status == 200
    locs = [el.text for el in lxml.etree.fromstring(body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(to_local(served, loc) in crawled.fetched for loc in locs)


def test_pages_carry_publishing_metadata(served: Served, crawled: Crawl) -> None:
    locales = {"zh-hans/": "zh_CN", "zh-hant/": "zh_TW"}
    articles = 0
    articles_with_image: set[str] = set()
    for url, body in crawled.fetched.items():
        if crawled.content_types.get(url) != "text/html":
            continue
        doc = lxml.html.document_fromstring(body)
        meta = {el.get("property") or el.get("name"): el.get("content") for el in doc.iter("meta")}
        canonical = [el.get("href") for el in doc.iter("link") if el.get("rel") == "canonical"]
        assert doc.findtext(".//title").strip(), url
        assert meta.get("description"), url
        assert canonical and to_local(served, canonical[0]) == url, url
        assert canonical[0].startswith(served.public_base)
        for key in ("og:title", "og:description", "og:url", "og:locale", "twitter:card", "twitter:title", "twitter:description"):
            assert meta.get(key), (url, key)
        assert meta["og:url"] == canonical[0]
        rel = url[len(served.local_base):]
        for prefix, locale in locales.items():
            if rel.startswith(prefix):
                assert meta["og:locale"] == locale, url
        if "/articles/" in rel:
            articles += 1
            body_images = doc.xpath('//div[contains(concat(" ", @class, " "), " body ")]//img/@src')
            if body_images:  # the social card shows the article's own lead image
                articles_with_image.add(rel)
                assert meta.get("og:image") == body_images[0], url
                assert meta["og:image"].startswith(("http://", "https://"))
                assert meta.get("twitter:image") == meta["og:image"]
                assert meta["twitter:card"] == "summary_large_image"
            else:
                assert "og:image" not in meta, url
    assert articles >= 4
    assert articles_with_image  # the demo's DW article has a lead image
