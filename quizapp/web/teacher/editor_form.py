"""The browser editor's form: its fields read into a draft, and its row buttons applied.

Fields are named `title`, `facts-2-year`, `questions-0-choices`...; a row's keys the editor does
not show ride in `facts-2-extra`. Buttons are all named `do`: `save`, `check`, `add:facts`,
`remove:facts:2`; none needs JavaScript.
"""

from __future__ import annotations

import re

from werkzeug.datastructures import MultiDict

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


def apply_button(draft: Draft, action: str, new_type: str) -> str | None:
    """Add or remove a row as a button asks; what was done, or None for another button."""
    parts = action.split(":")
    if len(parts) == 2 and parts[0] == "add" and parts[1] in SECTIONS:
        rows = draft.rows[parts[1]]
        if len(rows) >= MAX_ROWS:
            return f"A bank holds at most {MAX_ROWS} {parts[1]} here."
        row = Row()
        if parts[1] == "questions":
            row.fields["type"] = new_type if new_type in QUESTION_TYPES else "choice"
        rows.append(row)
        return f"Added an empty {_noun(parts[1])} at the end: fill it in."
    if len(parts) == 3 and parts[0] == "remove" and parts[1] in SECTIONS and parts[2].isdigit():
        rows = draft.rows[parts[1]]
        index = int(parts[2])
        if index < len(rows):
            gone = rows.pop(index).get("id") or f"number {index + 1}"
            return (f"Removed the {_noun(parts[1])} {gone}. Nothing is saved until you press "
                    "Save.")
        return "That row is not in the form any more."
    return None


def _noun(section: str) -> str:
    return {"facts": "fact", "people": "person", "questions": "question"}[section]
