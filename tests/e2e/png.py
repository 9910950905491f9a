"""Screenshots that stay the same when nothing a person would see changed.

Chromium's text anti-aliasing and a sticky bar's sub-pixel edge differ a little between runs, so a
screenshot taken twice rarely has the same bytes. `store` writes a new screenshot only when it
differs from the stored one by more than that noise: some pixel's colour moved by more than
NOISE (of 255) outside a band of at most two rows. A real change (a word, a colour, a layout)
moves many pixels by far more, over many rows. Decoding is plain zlib (no imaging library).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

NOISE = 16  # the largest channel difference that anti-aliasing alone gave here (seen: 4 to 8)
BAND = 2  # rows: a 1 px edge drawn one row lower


def pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes a pixel and the raw pixels of an 8-bit RGB(A) PNG, as Chromium saves."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, bpp = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or interlace or colour not in (2, 6):
                raise ValueError("a PNG of another kind")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * bpp
    out, previous, at = bytearray(), bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = previous[x], previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        previous = line
    return width, height, bpp, bytes(out)


def looks_the_same(old: bytes, new: bytes) -> bool:
    """Whether two screenshots differ by rendering noise alone (see the module's docstring)."""
    if old == new:
        return True
    try:
        (w, h, bpp, a), (w2, h2, bpp2, b) = pixels(old), pixels(new)
    except (ValueError, zlib.error, struct.error):
        return False
    if (w, h, bpp) != (w2, h2, bpp2):
        return False
    rows = {i // (w * bpp) for i in range(len(a)) if abs(a[i] - b[i]) > NOISE}
    return not rows or max(rows) - min(rows) < BAND


def store(path: Path, new: bytes) -> None:
    """Write a screenshot, unless the stored one looks the same (then its bytes stay)."""
    if path.exists() and looks_the_same(path.read_bytes(), new):
        return
    path.write_bytes(new)
