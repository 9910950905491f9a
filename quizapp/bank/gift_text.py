"""GIFT's text rules, shared by its reader and writer: escapes, format prefixes, live characters.

A backslash escapes the characters GIFT gives a meaning to (`~ = # { } :` and itself), and `\\n`
is a line break. A special character not escaped is "live": it starts an answer, a feedback, a
name. Offsets stay those of the raw text, so a problem can always be put on its line.
"""

from __future__ import annotations

import re

from .xml_reading import html_to_text

SPECIAL = "~=#{}:"
ESCAPED = {**{c: c for c in SPECIAL}, "\\": "\\", "n": "\n"}
FORMAT_PREFIX = re.compile(r"\[(?:html|moodle|plain|markdown)\]")
MARKUP_FORMATS = ("[html]", "[markdown]")  # read as HTML: tags dropped, entities read


def live_mask(text: str) -> list[bool]:
    """For each offset, whether a special character sits there unescaped."""
    live = [False] * len(text)
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in ESCAPED:
            index += 2
            continue
        live[index] = char in SPECIAL
        index += 1
    return live


def unescape(raw: str) -> str:
    """The text a piece of GIFT stands for; a backslash before anything else stays itself."""
    out = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw) and raw[index + 1] in ESCAPED:
            out.append(ESCAPED[raw[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def is_markup(raw: str) -> bool:
    """Whether a text starts with `[html]` or `[markdown]` (its answers then default to it)."""
    prefix = FORMAT_PREFIX.match(raw.strip())
    return prefix is not None and prefix.group(0) in MARKUP_FORMATS


def clean(raw: str, markup: bool = False) -> str:
    """A question's, option's or feedback's text: format prefix dropped, escapes undone, trimmed.

    Quipu shows every text as text: `[html]` and `[markdown]` text (and, with `markup`, text with
    no prefix of its own in a question that has one) is made plain as Moodle XML's HTML is, tags
    dropped, entities read, each paragraph a line, scripts left out.
    """
    raw = raw.strip()
    prefix = FORMAT_PREFIX.match(raw)
    if prefix:
        raw = raw[prefix.end():]
        markup = prefix.group(0) in MARKUP_FORMATS
    text = unescape(raw).strip()
    return html_to_text(text) if markup else text


def escape(text: str) -> str:
    """Text written so GIFT reads it back as itself: specials escaped, line breaks as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char in SPECIAL or char == "\\":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def written(text: str) -> str:
    """Text as an exported question or option: escaped, and marked [plain] where it must be.

    `[plain]` keeps Moodle from rendering text that looks like HTML, and keeps a text that starts
    with a format name from losing it on the way back in.
    """
    needs_plain = "<" in text or "&" in text or FORMAT_PREFIX.match(text) is not None
    return ("[plain]" if needs_plain else "") + escape(text)
