"""Which URLs an author may give for a link.

Every option or role of the extensions that becomes a link goes through
`check_url`: ``http:``, ``https:``, ``mailto:`` and relative URLs pass;
any other scheme (``javascript:``, ``data:``, ``vbscript:``, ``file:`` ...)
is refused, however it is spelt. The scheme is read as a browser reads it
(the WHATWG URL standard): HTML character references decoded, leading and
trailing C0 controls and spaces dropped, tabs and line breaks removed
anywhere, letters of any case.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .translations import __

__all__ = ["SAFE_SCHEMES", "UrlCheck", "check_url"]

#: The schemes a link may have ("" is a relative URL).
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})

#: What a browser drops from both ends of a URL: C0 controls and the space.
_EDGES = "".join(map(chr, range(0x21)))
#: What a browser removes anywhere in a URL.
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
#: A scheme: an ASCII letter, then letters, digits, "+", "-" or ".", then ":".
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
#: Control characters left inside the URL after the above.
_CONTROL = re.compile("[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class UrlCheck:
    """The verdict on one URL: ``url`` to link to, or None and the ``reason``."""

    url: str | None
    reason: str = ""


def _as_browser_reads(value: str) -> str:
    return _TAB_OR_NEWLINE.sub("", value.strip(_EDGES))


def _decoded(value: str) -> str:
    """`value` with its character references decoded, also nested ones
    (``&amp;#106;``), as a page that decodes the text once more would."""
    for _ in range(8):
        again = html.unescape(value)
        if again == value:
            break
        value = again
    return value


def check_url(value: str) -> UrlCheck:
    """Whether `value` may become a link, and the URL to link to (`value`
    without the whitespace around it)."""
    url = value.strip()
    # As written, and as written with its character references decoded:
    # both must be safe.
    for read in (_as_browser_reads(url), _as_browser_reads(_decoded(url))):
        if not read:
            return UrlCheck(None, str(__("it is empty")))
        if _CONTROL.search(read):
            return UrlCheck(None, str(__("it holds control characters")))
        match = _SCHEME.match(read)
        scheme = match.group(1).lower() if match else ""
        if scheme not in SAFE_SCHEMES:
            return UrlCheck(None, __("its scheme {scheme} is not http:, https: or "
                                     "mailto:").format(scheme=repr(scheme + ":")))
    try:
        urlsplit(read)
    except ValueError as error:  # an unclosed IPv6 bracket: "http://[::1"
        return UrlCheck(None, __("it is not a valid URL ({error})").format(error=error))
    return UrlCheck(url)
