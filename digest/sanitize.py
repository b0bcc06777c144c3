"""Stage: untrusted HTML fragment -> safe HTML fragment (nh3 / Ammonia).

In: HTML rendered from an article body, possibly clipped from a hostile feed.
Out: HTML with an allow-listed set of tags and attributes: no scripts, no event
handlers, no ``javascript:`` or ``data:`` URLs, no inline styles. Images load
lazily and send no referrer, because many news hosts refuse hot-linked images
that carry a foreign Referer.

Every URL is rewritten *inside* the sanitiser (nh3's ``attribute_filter``), never
by editing its output: a regular expression run over serialised HTML cannot tell
an attribute from text that looks like one (``alt="x src=">Q" onerror=…``), and
each such pass turned sanitised markup back into live markup (issue 14). So the
rule of the build is: :func:`sanitize` is the last thing that touches article
HTML before a template or a feed sees it; a stage that changes the HTML (cleaning,
script conversion) is followed by another :func:`sanitize` call.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})

# Image loading policy: fixed values, forced by the attribute filter below.
_IMG_POLICY = {"loading": "lazy", "decoding": "async", "referrerpolicy": "no-referrer"}

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", *_IMG_POLICY},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
    "p": {"class"},  # EMBED_CLASS only (see sanitize's attribute filter)
}
# The class of the paragraph digest.render puts where an <iframe> was: a reader sees
# the link, and the text of the article (digest.cleaning.to_plain_lines) skips it.
EMBED_CLASS = "embed"

URL_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_ATTRIBUTES = frozenset({"href", "src"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# What a browser ignores in a URL (WHATWG URL parser): leading/trailing C0 controls
# and spaces, and tabs/newlines anywhere. Removing them here means the scheme we
# check is the scheme the browser will see.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_EDGES = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "

# Headings inside an article start at h2: the page title is the only h1.
_H1 = re.compile(r"<(/?)h1\b", re.I)
# Ammonia writes attributes in the order they come, and the first of two equal
# names wins: announcing the image policy at the front of every <img> tag (of the
# *input*, which nh3 then parses) gives the same bytes on every run, which
# nh3's set_tag_attribute_values (a hash map) does not.
_IMG_TAG = re.compile(r"<img\b", re.I)
_IMG_OPEN = "<img " + " ".join(f'{k}="{v}"' for k, v in _IMG_POLICY.items()) + " "
# Block containers outside the allow-list that clippings lay paragraphs out with
# (a WeChat article puts every paragraph in a <section>): read as <div>, so each
# stays a block of its own. Dropped as unknown tags, their text ran together into
# one paragraph. Renamed in the *input*, which nh3 then parses, like <img> above.
_BLOCK_CONTAINER = re.compile(
    r"<(/?)(?:section|article|header|footer|aside|nav|main|center|address|hgroup|details|summary)(?=[\s/>])", re.I)


def safe_url(value: str, base: str | None, *, keep_relative: bool, in_page: bool = True) -> str | None:
    """The URL an ``href``/``src`` may carry, or None to drop the attribute.

    ``value`` is the attribute as the parser decoded it. Absolute URLs keep only
    the schemes in :data:`URL_SCHEMES`. A relative URL (``#note`` included) is
    resolved against ``base``; without a base it is kept when ``keep_relative``
    (an intermediate pass, before the base is known) and dropped otherwise, since
    clipped HTML is relative to a page that is not this site. With ``in_page``, a
    bare ``#fragment`` stays as it is: it points into the page that shows it."""
    url = _URL_IGNORED.sub("", value).strip(_URL_EDGES)
    if not url:
        return None
    if in_page and url.startswith("#"):
        return url
    try:
        scheme = _SCHEME.match(url)
        if scheme:
            return url if scheme.group(1).lower() in URL_SCHEMES else None
        if base:
            url = urljoin(base, url)
        elif not keep_relative:
            return None
        else:
            return url if not url.startswith("//") or urlsplit("https:" + url).hostname else None
        match = _SCHEME.match(url)
        return url if match and match.group(1).lower() in URL_SCHEMES else None
    except ValueError:  # e.g. an unterminated IPv6 host: "https://[x/"
        return None


def sanitize(fragment: str, base: str | None = None, *, keep_relative: bool = True, in_page: bool = True) -> str:
    """Return ``fragment`` with everything unsafe removed (content of removed
    wrapper tags such as ``<span>`` is kept; ``<script>``/``<style>`` content is not).

    ``base``: the absolute URL relative ``href``/``src`` are resolved against; with
    none, relative URLs are kept (``keep_relative=True``) or dropped. ``in_page``
    keeps ``#fragment`` links as they are (see :func:`safe_url`). Idempotent:
    sanitising sanitised HTML again changes nothing."""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "class":  # only the mark of an embed placeholder (digest.render)
            return EMBED_CLASS if tag == "p" and value == EMBED_CLASS else None
        if tag == "img" and name in _IMG_POLICY:
            return _IMG_POLICY[name]
        if name in _URL_ATTRIBUTES:
            return safe_url(value, base, keep_relative=keep_relative, in_page=in_page)
        return value

    fragment = _IMG_TAG.sub(_IMG_OPEN, _BLOCK_CONTAINER.sub(r"<\1div", _H1.sub(r"<\1h2", fragment)))
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        clean_content_tags={"script", "style", "iframe", "noscript", "template", "object", "svg", "math"},
        attribute_filter=attribute,
    )


def first_image(fragment: str) -> str | None:
    """The ``src`` of the first ``<img>`` of sanitised HTML (for social cards), read
    by the sanitiser's own parser rather than a pattern over the markup."""
    found: list[str] = []

    def look(tag: str, name: str, value: str) -> str | None:
        if tag == "img" and name == "src" and not found:
            found.append(value)
        return value

    nh3.clean(fragment, tags={"img"}, attributes={"img": {"src"}}, url_schemes=set(URL_SCHEMES), attribute_filter=look)
    return found[0] if found else None
