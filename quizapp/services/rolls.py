"""Usernames as a teacher gives them: typed in a box, or a CSV file of one username a line."""

from __future__ import annotations

import csv
import io
import re

from ..i18n import _l
from .classes import ClassError

MAX_CSV = 64 * 1024  # a school's roll of usernames is a few KB
SEPARATORS = re.compile(r"[\s,;]+")
USERNAME_SHAPE = re.compile(r"^[^\s,;]{1,80}$")


def typed_usernames(text: str | None) -> list[str]:
    """Usernames typed one a line or separated by commas (or spaces: a username has none)."""
    return [name for name in SEPARATORS.split(text or "") if name]


def csv_usernames(data: bytes) -> list[str]:
    """The usernames of a CSV file, one a line (a first line `username` is a header).

    ClassError, naming the line, for a file that is not text or not one username a line: a
    spreadsheet of names and marks saved by mistake must change nothing.
    """
    if len(data) > MAX_CSV:
        raise ClassError(_l("The file is larger than %(kb)d KB: a list of usernames is smaller. "
                            "Check it is the right file.", kb=MAX_CSV // 1024))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClassError(_l("The file is not text in UTF-8: save it as “CSV UTF-8” and try "
                            "again.")) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise ClassError(_l("The file is not a CSV file: save the list of usernames as CSV, one "
                            "username a line.")) from None
    names = []
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row if c.strip()]
        if not cells:
            continue
        if len(cells) > 1:
            raise ClassError(_l("Line %(line)d has %(n)d values (%(values)s): the file must hold "
                                "one username a line, and nothing else.", line=number,
                                n=len(cells), values=", ".join(cells[:3])))
        if not USERNAME_SHAPE.match(cells[0]):
            raise ClassError(_l("Line %(line)d (%(value)r) is not a username: the file must hold "
                                "one username a line, and nothing else.", line=number,
                                value=cells[0][:40]))
        if not (number == 1 and cells[0].casefold() == "username"):
            names.append(cells[0])
    if not names:
        raise ClassError(_l("The file holds no usernames: one username a line."))
    return names
