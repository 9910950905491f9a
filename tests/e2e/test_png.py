"""The screenshot store keeps a file when only rendering noise changed, and writes a real change."""

from __future__ import annotations

import struct
import zlib

from tests.e2e.png import looks_the_same, pixels, store


def png(rows: list[list[tuple[int, int, int]]]) -> bytes:
    """An 8-bit RGB PNG of these rows (each row's filter: none)."""
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\0" + bytes(v for p in row for v in p) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


WHITE, GREY, BLACK = (255, 255, 255), (250, 250, 250), (0, 0, 0)


def page(marks: dict[tuple[int, int], tuple[int, int, int]]) -> bytes:
    return png([[marks.get((x, y), WHITE) for x in range(8)] for y in range(8)])


def test_pixels_reads_what_was_written():
    width, height, bpp, data = pixels(page({(1, 2): BLACK}))
    assert (width, height, bpp) == (8, 8, 3)
    assert data[(2 * 8 + 1) * 3:(2 * 8 + 1) * 3 + 3] == bytes(BLACK)


def test_anti_aliasing_and_a_one_row_edge_look_the_same():
    assert looks_the_same(page({}), page({(3, 3): GREY, (5, 6): GREY}))
    assert looks_the_same(page({(x, 4): BLACK for x in range(8)}), page({(x, 5): BLACK for x in range(8)}))


def test_a_word_changed_over_several_rows_is_a_change():
    assert not looks_the_same(page({}), page({(2, y): BLACK for y in range(1, 6)}))
    assert not looks_the_same(page({}), png([[WHITE] * 9] * 8))  # another size


def test_store_keeps_the_old_bytes_for_noise_and_writes_a_change(tmp_path):
    path = tmp_path / "shot.png"
    old = page({})
    path.write_bytes(old)
    store(path, page({(3, 3): GREY}))
    assert path.read_bytes() == old
    changed = page({(2, y): BLACK for y in range(1, 6)})
    store(path, changed)
    assert path.read_bytes() == changed
