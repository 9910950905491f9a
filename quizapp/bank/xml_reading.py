"""Reading an XML text safely, with the line each element starts on; HTML made plain text.

expat drives an ElementTree builder, so every element's line is known and a problem can point at
it. A DOCTYPE is refused outright: entity declarations can make a small file expand without end
(the "billion laughs"), and a question file has no use for them.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from xml.parsers import expat

from .said import Said, _m

DOCTYPE = _m("the file declares a DOCTYPE; Quipu does not read DTDs or entity declarations (they "
             "can make a small file expand without end): delete the <!DOCTYPE ...> part")
E = expat.errors
# What expat says of the mistakes a teacher makes, as messages (any other as expat says it).
EXPAT_SAYS = {
    E.XML_ERROR_INVALID_TOKEN: _m("not well-formed (invalid token)"),
    E.XML_ERROR_UNCLOSED_TOKEN: _m("unclosed token"),
    E.XML_ERROR_DUPLICATE_ATTRIBUTE: _m("duplicate attribute"),
    E.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: _m("junk after document element"),
    E.XML_ERROR_UNDEFINED_ENTITY: _m("undefined entity"),
    E.XML_ERROR_NO_ELEMENTS: _m("no element found"),
    E.XML_ERROR_UNCLOSED_CDATA_SECTION: _m("unclosed CDATA section"),
    E.XML_ERROR_BAD_CHAR_REF: _m("reference to invalid character number"),
    E.XML_ERROR_MISPLACED_XML_PI: _m("XML or text declaration not at start of entity"),
    E.XML_ERROR_XML_DECL: _m("XML declaration not well-formed"),
}
BLOCKS = {"p", "div", "br", "li", "tr", "ul", "ol", "table", "blockquote", "pre", "hr",
          "h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN = {"script", "style"}


class XmlProblem(Exception):
    """Why a text is not XML Quipu reads, and the line where that shows."""

    def __init__(self, line: int, message: Said) -> None:
        super().__init__(line, message)
        self.line = line
        self.message = message  # a Said: read in the reader's language

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


def read_xml(text: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The root element of an XML text, and the line each element starts on."""
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    open_elements: list[tuple[str, int]] = []
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def start(tag: str, attributes: dict[str, str]) -> None:
        lines[builder.start(tag, attributes)] = parser.CurrentLineNumber
        open_elements.append((tag, parser.CurrentLineNumber))

    def end(tag: str) -> None:
        open_elements.pop()
        builder.end(tag)

    def refuse(*_: object) -> None:
        raise XmlProblem(parser.CurrentLineNumber, DOCTYPE)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        raise _not_well_formed(error, open_elements) from None
    except UnicodeEncodeError as error:
        # Only a str built in Python (never one decoded from a file) can hold a lone surrogate.
        line = text.count("\n", 0, error.start) + 1
        raise XmlProblem(line, _m("the text holds a character that is not valid Unicode")
                         ) from None
    return builder.close(), lines


def _not_well_formed(error: expat.ExpatError, open_elements: list[tuple[str, int]]
                     ) -> XmlProblem:
    """The problem, on the line that causes it."""
    # expat sees a closing tag that does not match where it shows; the element left open above
    # it is what the teacher has to fix.
    if error.code == expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH] and open_elements:
        tag, line = open_elements[-1]
        return XmlProblem(line, _m("the <%(tag)s> opened on this line is not closed before line "
                                   "%(line)d, where another element closes", tag=tag,
                                   line=error.lineno))
    said = expat.ErrorString(error.code) or ""
    return XmlProblem(error.lineno, _m("this is not well-formed XML: %(error)s",
                                       error=EXPAT_SAYS.get(said, said)))


class _PlainText(HTMLParser):
    """Collects the text of HTML: tags dropped, entities read, blocks on lines of their own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in HIDDEN
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The text a piece of HTML shows, never rendered: each block a line, spaces collapsed."""
    reader = _PlainText()
    try:
        reader.feed(markup)
        reader.close()
        text = "".join(reader.parts)
    except AssertionError:
        # html.parser still asserts on a few malformed declarations (`<![x[`): drop every tag.
        text = html.unescape(re.sub(r"<[^>]*>?", " ", markup))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
