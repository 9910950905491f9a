"""What a question's text points at that is not text: pictures, sounds, attached files.

Quipu shows a question's text as text, so an `<img>`, an `<audio>` or a link to a file attached in
Moodle (`@@PLUGINFILE@@/...`) would leave it without what it shows. A picture embedded in the file
(Moodle XML's base64 `<file>`) is kept when it is PNG, JPEG, GIF or WebP, as its bytes say (never
SVG, which can hold script), and at most MAX_IMAGE bytes; an importer names everything else, so
`questions check` and the upload page can warn about the question.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from html.parser import HTMLParser
from urllib.parse import unquote

from .model import Image
from .said import Said, _m

PLUGINFILE = "@@PLUGINFILE@@"
KINDS = {"img": _m("a picture"), "audio": _m("a sound"), "video": _m("a video"),
         "object": _m("an embedded file"), "embed": _m("an embedded file"),
         "iframe": _m("an embedded page"), "svg": _m("a picture")}
ATTACHED = _m("an attached file")
NAME_LENGTH = 60
MAX_IMAGE = 512 * 1024  # bytes of one picture, decoded; a whole upload is 1 MB
# The first bytes of each kind of picture kept, and the media type it is served as.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def media_type(data: bytes) -> str | None:
    """The media type of a picture Quipu keeps, read from its first bytes; None for any other."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def read_image(name: str, encoded: str, alt: str = "") -> Image | Said:
    """A base64 `<file>` as a picture to keep, or why it is not kept (a few words)."""
    try:
        data = base64.b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        return _m("its base64 cannot be read")
    if len(data) > MAX_IMAGE:
        return _m("larger than %(size)d KB", size=MAX_IMAGE // 1024)
    kind = media_type(data)
    if kind is None:
        return _m("not a PNG, JPEG, GIF or WebP picture")
    return Image(name=name, media_type=kind, data=data, digest=hashlib.sha256(data).hexdigest(),
                 alt=" ".join(alt.split()))


class _Media(HTMLParser):
    """Collects (kind, file name) for each picture, sound or attached file a text points at,
    and each picture's alt text by its file name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[Said, str]] = []
        self.alts: dict[str, str] = {}
        self.inside: list[str] = []  # open <audio>/<video> whose <source> names the file

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        source = values.get("src") or values.get("data") or values.get("href") or ""
        if tag == "img" and source:
            self.alts.setdefault(file_name(source), values.get("alt", ""))
        if tag in ("audio", "video"):
            self.inside.append(tag)
        if tag == "source" and self.inside:
            self.found.append((KINDS[self.inside[-1]], source))
        elif tag in KINDS and (source or tag not in ("audio", "video")):
            self.found.append((KINDS[tag], source))
        elif source.startswith(PLUGINFILE):
            self.found.append((ATTACHED, source))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("audio", "video") and self.inside:
            self.inside.pop()


def file_name(source: str) -> str:
    """The file a link names ('@@PLUGINFILE@@/maps/lima%20map.png' -> 'lima map.png'), short."""
    name = unquote(source.split("?")[0].rstrip("/").rsplit("/", 1)[-1])
    name = " ".join(name.split())
    return name if len(name) <= NAME_LENGTH else name[:NAME_LENGTH] + "…"


def _read(markup: str) -> _Media:
    reader = _Media()
    try:
        reader.feed(markup)
        reader.close()
    except AssertionError:  # html.parser on a few malformed declarations: nothing read there
        pass
    return reader


def alt_texts(markup: str) -> dict[str, str]:
    """Each picture's alt text, by the file name its `<img>` names."""
    return _read(markup).alts


def media_in(markup: str) -> list[tuple[Said, str]]:
    """(kind, file name) for each picture, sound, video or attached file the text points at."""
    if "<" not in markup and PLUGINFILE not in markup:
        return []  # plain text, as most is: no parser needed
    found = _read(markup).found
    if PLUGINFILE in markup and not found:  # named outside any tag: still an attached file
        found = [(ATTACHED, markup[markup.index(PLUGINFILE):].split()[0])]
    return [(kind, file_name(source)) for kind, source in found]


def describe(kind: Said, name: str, why: Said | None = None) -> Said:
    """'a picture (map.png)', 'a picture (map.svg: not a PNG, ...)', or 'a picture' when it
    names no file."""
    if why is not None:
        return _m("%(kind)s (%(name)s: %(why)s)", kind=kind, name=name, why=why)
    return _m("%(kind)s (%(name)s)", kind=kind, name=name) if name else kind


def missing_media(*texts: str, kept: frozenset[str] = frozenset(),
                  why: dict[str, Said] | None = None) -> tuple[Said, ...]:
    """What the texts point at that Quipu has not (kept: the file names it does have; why: for a
    file that came with the question but was not kept, the reason)."""
    why = why or {}
    found = {(kind.message, name): describe(kind, name, why.get(name))
             for text in texts for kind, name in media_in(text) if name not in kept}
    return tuple(found.values())
