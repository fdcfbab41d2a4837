"""Make notebook outputs safe to show in an HTML report.

Article text is untrusted. Tables made by pandas or :mod:`analysis.tables` are escaped when
they are built, but any output could still carry raw HTML (a ``Markdown`` display of a title,
say). Every ``text/html`` and ``text/markdown`` output of a report goes through
:func:`clean_output_html`: an allow-list of layout tags and attributes; anything else (``<script>``,
``<iframe>``, ``<svg onload=...>``, ``on*`` handlers, ``javascript:`` links, images that are not
embedded ``data:image`` URIs) is escaped, so it shows as text and never runs or loads.
"""

from __future__ import annotations

import re

import bleach

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
COMMON_ATTRIBUTES = frozenset({"class", "id", "title", "colspan", "rowspan", "align",
                               "data-page-size", "data-mime-type", "lang", "dir"})
#: pandas puts a ``<style scoped>`` block before its tables; it is dropped (the report styles
#: tables itself) rather than shown as text.
STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.I | re.S)
DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")


def allowed_attribute(tag: str, name: str, value: str) -> bool:
    """Whether ``tag`` may keep attribute ``name="value"`` (no handlers, no remote loads)."""
    if name in COMMON_ATTRIBUTES:
        return True
    if tag == "a" and name == "href":
        return not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    if tag == "img" and name == "src":
        return bool(DATA_IMAGE.match(value))
    return tag == "img" and name in {"alt", "width", "height"}


def clean_output_html(fragment: str) -> str:
    """Return ``fragment`` with every non-allow-listed tag or attribute made harmless.

    >>> clean_output_html("<b>ok</b><script>alert(1)</script>")
    '<b>ok</b>&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return bleach.clean(
        STYLE_BLOCK.sub("", str(fragment)),
        tags=TAGS,
        attributes=allowed_attribute,
        protocols={"http", "https", "mailto", "data"},
        strip=False,
        strip_comments=True,
    )
