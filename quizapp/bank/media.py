"""What a question's text points at that is not text: pictures, sounds, attached files.

Quipu shows a question's text as text, so an `<img>`, an `<audio>` or a link to a file attached in
Moodle (`@@PLUGINFILE@@/...`) would leave it without what it shows. An importer names each such
thing, so `questions check` and the upload page can warn about the question.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import unquote

PLUGINFILE = "@@PLUGINFILE@@"
KINDS = {"img": "a picture", "audio": "a sound", "video": "a video", "object": "an embedded file",
         "embed": "an embedded file", "iframe": "an embedded page", "svg": "a picture"}
NAME_LENGTH = 60


class _Media(HTMLParser):
    """Collects (kind, file name) for each picture, sound or attached file a text points at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.inside: list[str] = []  # open <audio>/<video> whose <source> names the file

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        source = values.get("src") or values.get("data") or values.get("href") or ""
        if tag in ("audio", "video"):
            self.inside.append(tag)
        if tag == "source" and self.inside:
            self.found.append((KINDS[self.inside[-1]], source))
        elif tag in KINDS and (source or tag not in ("audio", "video")):
            self.found.append((KINDS[tag], source))
        elif source.startswith(PLUGINFILE):
            self.found.append(("an attached file", source))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("audio", "video") and self.inside:
            self.inside.pop()


def file_name(source: str) -> str:
    """The file a link names ('@@PLUGINFILE@@/maps/lima%20map.png' -> 'lima map.png'), short."""
    name = unquote(source.split("?")[0].rstrip("/").rsplit("/", 1)[-1])
    name = " ".join(name.split())
    return name if len(name) <= NAME_LENGTH else name[:NAME_LENGTH] + "…"


def media_in(markup: str) -> list[tuple[str, str]]:
    """(kind, file name) for each picture, sound, video or attached file the text points at."""
    reader = _Media()
    try:
        reader.feed(markup)
        reader.close()
    except AssertionError:  # html.parser on a few malformed declarations: nothing read there
        pass
    found = reader.found
    if PLUGINFILE in markup and not found:  # named outside any tag: still an attached file
        found = [("an attached file", markup[markup.index(PLUGINFILE):].split()[0])]
    return [(kind, file_name(source)) for kind, source in found]


def describe(kind: str, name: str) -> str:
    """'a picture (map.png)', or 'a picture' when it names no file."""
    return f"{kind} ({name})" if name else kind


def missing_media(*texts: str, kept: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What the texts point at that Quipu has not (kept: the file names it does have)."""
    found = dict.fromkeys(describe(kind, name) for text in texts
                          for kind, name in media_in(text) if name not in kept)
    return tuple(found)
