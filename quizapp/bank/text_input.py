"""A teacher's text file (.txt, .md or .html, up to 1 MB) as plain text, or why it is not one.

HTML is read as text with the standard library's parser: tags dropped, entities read, paragraphs
kept, and what scripts and styles hold left out (nothing is ever run).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .said import Said, _m

MAX_TEXT = 1024 * 1024  # bytes
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# Signatures of files that are often mistaken for text: named, so the message can say what it is.
SIGNATURES = {b"%PDF": _m("a PDF"), b"PK\x03\x04": _m("a Word, OpenDocument or zip file"),
              b"\xd0\xcf\x11\xe0": _m("an old Word or Excel file"), b"{\\rtf": _m("an RTF file"),
              b"\x89PNG": _m("an image"), b"\xff\xd8\xff": _m("an image"), b"GIF8": _m("an image")}
SAVE_AS_TEXT = _m("save it as plain text (.txt, UTF-8) and upload that")
# Elements whose content is never text to read; and elements that end a paragraph.
HIDDEN = {"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object"}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1",
          "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
          "table", "tr", "td", "th", "caption", "figure", "figcaption", "hr", "address",
          "details", "summary", "body", "html"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(ValueError):
    """A file that cannot be read as a text, with a message a teacher can act on (a Said, read in
    the reader's language)."""

    def __init__(self, message: Said) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def read_text(data: bytes, filename: str) -> str:
    """The text of a .txt, .md or .html file (HTML as its text), or NotText saying why not."""
    name: Said | str = filename or _m("The file")
    suffix = next((s for s in TEXT_SUFFIXES if filename.lower().endswith(s)), "")
    if not suffix:
        raise NotText(_m("%(name)s: not a text file Quipu reads; the names end in %(suffixes)s",
                         name=name, suffixes=", ".join(TEXT_SUFFIXES)))
    if len(data) > MAX_TEXT:
        raise NotText(_m("%(name)s: the file is larger than %(size)d KB; split the text and draft "
                         "a bank from each part", name=name, size=MAX_TEXT // 1024))
    text = _decode(data, name)
    if suffix in HTML_SUFFIXES:
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotText(_m("%(name)s: the file holds no text", name=name))
    return text


def _decode(data: bytes, name: Said | str) -> str:
    for signature, what in SIGNATURES.items():
        if data.startswith(signature):
            raise NotText(_m("%(name)s: this is %(what)s, not a text; %(save)s", name=name,
                             what=what, save=SAVE_AS_TEXT))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotText(_m("%(name)s: the file says it is UTF-16 but is not; %(save)s",
                             name=name, save=SAVE_AS_TEXT)) from None
    if b"\x00" in data:
        raise NotText(_m("%(name)s: this is a binary file, not a text; %(save)s", name=name,
                         save=SAVE_AS_TEXT))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NotText(_m("%(name)s: the file is not UTF-8 text (byte 0x%(byte)02X on line "
                         "%(line)d); save it again with the UTF-8 encoding", name=name,
                         byte=data[error.start], line=line)) from None
    if len(CONTROL.findall(text)) > max(8, len(text) // 100):
        raise NotText(_m("%(name)s: this looks like a binary file, not a text; %(save)s",
                         name=name, save=SAVE_AS_TEXT))
    return CONTROL.sub("", text)


class _TextOfHtml(HTMLParser):
    """Collects an HTML page's text: paragraphs kept, what scripts and styles hold left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside elements whose content is not text
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "body":  # </head> may be left out: the body ends the head
            self.hidden = 0
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self.parts.append("\n\n")
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")
            self.pre = max(0, self.pre - (tag == "pre"))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    """The text of an HTML document: paragraphs separated by a blank line, lines trimmed."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = [line.strip(" \t") for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
