"""What the roles of both extensions share."""

from __future__ import annotations

import re

__all__ = ["split_title"]

_TITLE_AND_TARGET = re.compile(r"(?s)(.*?)\s*<([^<>]*)>\s*")


def split_title(text: str) -> tuple[str | None, str]:
    """``"the fees <fees>"`` -> ``("the fees", "fees")``; ``"fees"`` ->
    ``(None, "fees")``. The title may be empty (``"<fees>"``)."""
    match = _TITLE_AND_TARGET.fullmatch(text)
    if match:
        return match.group(1), match.group(2)
    return None, text
