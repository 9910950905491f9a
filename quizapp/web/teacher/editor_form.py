"""The browser editor's form: its fields read into a draft, and its row buttons applied.

Fields are named `title`, `facts-2-year`, `questions-0-choices`...; a row's keys the editor does
not show ride in `facts-2-extra`. Buttons are all named `do`: `save`, `check`, `add:facts`,
`remove:facts:2`; none needs JavaScript.
"""

from __future__ import annotations

import re

from werkzeug.datastructures import MultiDict

from ...i18n import Lazy, _l
from ...services.bank_editor import BANK_FIELDS, MAX_ROWS, ROW_FIELDS, SECTIONS, Draft, Row

ROW_KEY = re.compile(r"(facts|people|questions)-(\d{1,5})-([a-z_]{1,20})\Z")
MAX_VALUE = 20_000  # characters of one field (a long explanation is a few hundred)
QUESTION_TYPES = ("choice", "multiple", "ordering")


def _value(form: MultiDict, key: str) -> str:
    return str(form.get(key, ""))[:MAX_VALUE].replace("\r\n", "\n")


def read_draft(form: MultiDict) -> Draft:
    """The draft a submitted form describes (fields it does not know are left out)."""
    draft = Draft(fields={n: _value(form, n) for n in BANK_FIELDS if form.get(n)},
                  extra=_value(form, "extra"))
    found: dict[str, dict[int, Row]] = {s: {} for s in SECTIONS}
    for key in form:
        match = ROW_KEY.match(key)
        if not match:
            continue
        section, index, name = match[1], int(match[2]), match[3]
        if index >= MAX_ROWS or (name not in ROW_FIELDS[section] and name != "extra"):
            continue
        row = found[section].setdefault(index, Row())
        if name == "extra":
            row.extra = _value(form, key)
        else:
            row.fields[name] = _value(form, key)
    draft.rows = {s: [found[s][i] for i in sorted(found[s])] for s in SECTIONS}
    return draft


def apply_button(draft: Draft, action: str, new_type: str) -> Lazy | None:
    """Add or remove a row as a button asks; what was done, or None for another button."""
    parts = action.split(":")
    if len(parts) == 2 and parts[0] == "add" and parts[1] in SECTIONS:
        rows = draft.rows[parts[1]]
        if len(rows) >= MAX_ROWS:
            return _full(parts[1])
        row = Row()
        if parts[1] == "questions":
            row.fields["type"] = new_type if new_type in QUESTION_TYPES else "choice"
        rows.append(row)
        return ADDED[parts[1]]
    if len(parts) == 3 and parts[0] == "remove" and parts[1] in SECTIONS and parts[2].isdigit():
        rows = draft.rows[parts[1]]
        index = int(parts[2])
        if index < len(rows):
            gone = rows.pop(index).get("id") or _l("number %(n)d", n=index + 1)
            return _removed(parts[1], gone)
        return _l("That row is not in the form any more.")
    return None


# One whole sentence per kind of row: the noun's gender changes the Spanish around it.
ADDED = {"facts": _l("Added an empty fact at the end: fill it in."),
         "people": _l("Added an empty person at the end: fill it in."),
         "questions": _l("Added an empty question at the end: fill it in.")}


def _full(section: str) -> Lazy:
    if section == "facts":
        return _l("A bank holds at most %(most)d facts here.", most=MAX_ROWS)
    if section == "people":
        return _l("A bank holds at most %(most)d people here.", most=MAX_ROWS)
    return _l("A bank holds at most %(most)d questions here.", most=MAX_ROWS)


def _removed(section: str, gone: str | Lazy) -> Lazy:
    if section == "facts":
        return _l("Removed the fact %(row)s. Nothing is saved until you press Save.", row=gone)
    if section == "people":
        return _l("Removed the person %(row)s. Nothing is saved until you press Save.", row=gone)
    return _l("Removed the question %(row)s. Nothing is saved until you press Save.", row=gone)
