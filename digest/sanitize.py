"""Stage: untrusted HTML fragment -> safe HTML fragment (nh3 / Ammonia).

In: HTML rendered from an article body, possibly clipped from a hostile feed.
Out: HTML with an allow-listed set of tags and attributes: no scripts, no event
handlers, no ``javascript:`` or ``data:`` URLs, no inline styles. Images load
lazily and send no referrer, because many news hosts refuse hot-linked images
that carry a foreign Referer.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto"})

# Headings inside an article start at h2: the page title is the only h1.
_H1_TO_H2 = {"<h1>": "<h2>", "</h1>": "</h2>", "<h1 ": "<h2 "}

# Added after sanitising rather than through nh3's set_tag_attribute_values, whose
# attribute order changes from run to run: two builds must be byte-identical.
_IMG_PREFIX = '<img loading="lazy" decoding="async" referrerpolicy="no-referrer" '


def sanitize(fragment: str) -> str:
    """Return ``fragment`` with everything unsafe removed (content of removed
    wrapper tags such as ``<span>`` is kept; ``<script>``/``<style>`` content is not)."""
    for old, new in _H1_TO_H2.items():
        fragment = fragment.replace(old, new)
    fragment = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        clean_content_tags={"script", "style", "iframe", "noscript", "template", "object", "svg", "math"},
    )
    return fragment.replace("<img ", _IMG_PREFIX)
