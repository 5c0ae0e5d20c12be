"""Full-page screenshots of the Terms and of briefing pages, light and dark,
saved under _build/screenshots/ for people to look at (CI keeps them as
artefacts). The test checks that each file is a real, non-blank PNG of the
whole page, and that the dark one is darker than the light one."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "_build" / "screenshots"
PAGES = {
    "terms": "source/terms/leap-terms-of-use.html",
    "briefing-core-technologies": "source/briefing/core-technologies.html",
    "briefing-ranking": "source/briefing/innovation-scheme.html",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_BYTES = 20_000  # a furo page with text is far above this; a blank one far below
SAMPLED_ROWS = 48


def png_header(data: bytes) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from the IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG file"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, depth, colour


def top_rows(data: bytes, rows: int) -> list[bytes]:
    """The first `rows` rows of an 8-bit RGB/RGBA PNG, unfiltered (enough to
    judge the page's colours without an imaging library)."""
    width, height, depth, colour = png_header(data)
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    rows = min(rows, height)
    raw = zlib.decompressobj().decompress(idat, rows * (stride + 1))
    out, previous = [], bytearray(stride)
    for index in range(rows):
        kind, line = raw[index * (stride + 1)], bytearray(raw[index * (stride + 1) + 1:
                                                             (index + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        out.append(bytes(line if bpp == 3 else b"".join(
            line[i:i + 3] for i in range(0, stride, 4))))
        previous = line
    return out


def mean_brightness(rows: list[bytes]) -> float:
    return sum(sum(row) for row in rows) / sum(len(row) for row in rows)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_full_page_screenshots_light_and_dark(page, served_site, site, set_theme, name):
    rel = PAGES[name]
    assert (site.outdir / rel).is_file(), f"{rel} is not in the site build: nothing to shoot"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {}
    for theme in ("light", "dark"):
        path = SCREENSHOTS / f"{name}-{theme}.png"
        path.unlink(missing_ok=True)
        page.goto(served_site + rel)
        set_theme(page, theme)
        page.evaluate("document.fonts.ready")
        page_height = page.evaluate("document.documentElement.scrollHeight")
        page.screenshot(path=str(path), full_page=True)
        assert path.is_file()
        data = path.read_bytes()
        width, height, _, _ = png_header(data)
        assert width == page.viewport_size["width"], width
        # The whole page, not just the viewport.
        assert height >= max(page_height - 2, page.viewport_size["height"]), (height, page_height)
        assert len(data) > MIN_BYTES, len(data)
        rows = top_rows(data, SAMPLED_ROWS)
        assert len({row[i:i + 3] for row in rows for i in range(0, len(row), 3)}) > 8, \
            "the top of the screenshot is nearly blank"
        shots[theme] = (data, mean_brightness(rows))
    assert shots["light"][0] != shots["dark"][0]
    assert shots["dark"][1] < 100 < shots["light"][1], {t: s[1] for t, s in shots.items()}
    assert page.console_errors == []
