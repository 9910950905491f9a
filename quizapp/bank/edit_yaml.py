"""Writing an editor's draft as a YAML bank, and checking it by the loader's own rules.

The draft is written one field a line (a list one entry a line), and the path of the field each
line holds is noted as it is written, so every problem the loader reports at `file:line` is
placed beside the field it concerns ('facts.2.year'). The rules live once, in the loader.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from .edit_draft import BANK_FIELDS, COMMAS, LINES, ROW_FIELDS, SECTIONS, Draft, Row
from .model import Bank
from .said import Said
from .yaml_bank import parse_yaml_bank

BREAKS = "\n\r\x85\u2028\u2029"
ESCAPED_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}
NUMBER = re.compile(r"-?\d{1,9}\Z")
TYPE_FIELDS = {  # the fields only some question types have, written for those only
    "choice": ("choices", "answer"),
    "multiple": ("choices", "answers"),
    "ordering": ("items", "grading"),
}
NEEDED = ("id", "text", "name", "prompt", "type", "choices", "answer", "answers", "items")
NUMBERS = ("year", "until", "difficulty")


@dataclass(frozen=True)
class Written:
    """A draft's YAML text and the path of the field on each line ('' for none)."""

    text: str
    paths: tuple[str, ...]

    def path_of(self, line: int) -> str:
        """The field on a 1-based line."""
        return self.paths[line - 1] if 0 < line <= len(self.paths) else ""


@dataclass(frozen=True)
class Checked:
    """A checked draft: its text, its bank if it has no problem, and each problem by field path
    ('' for one that concerns the whole bank)."""

    text: str
    bank: Bank | None
    problems: dict[str, list[Said | str]]


def scalar(value: str) -> str:
    """A text as one line of YAML, quoted when YAML would read it as something else."""
    if not value:
        return '""'
    try:
        dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000)
    except (yaml.YAMLError, UnicodeError):
        dumped = ""
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if not dumped or any(c in dumped for c in BREAKS):
        # A JSON string is a YAML one too; YAML also breaks lines at NEL, LS and PS.
        return json.dumps(value, ensure_ascii=False).translate(ESCAPED_BREAKS)
    return dumped


def _number(value: str) -> str:
    """A whole number as one (the loader says what is wrong with anything else)."""
    return value if NUMBER.match(value) else scalar(value)


def _in_flow(value: str) -> str:
    """A text as an entry of a [flow, list]: quoted if it holds what ends one."""
    written = scalar(value)
    return json.dumps(value, ensure_ascii=False) if any(c in written for c in ",[]{}") else written


def entries(name: str, value: str) -> list[str]:
    """A list field's entries: one a line, or separated by commas."""
    parts = value.split(",") if name in COMMAS else value.splitlines()
    return [p.strip() for p in parts if p.strip()]


def _extra_lines(extra: str) -> list[str]:
    """The lines of the keys left alone, as YAML ([] when there are none or they are not a
    mapping, as only a tampered form sends)."""
    try:
        loaded = yaml.safe_load(extra) if extra.strip() else None
    except yaml.YAMLError:
        return []
    if not isinstance(loaded, dict) or not loaded:
        return []
    dumped = yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False, width=10_000)
    return dumped.splitlines()


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.paths: list[str] = []

    def add(self, line: str, path: str) -> None:
        self.lines.append(line)
        self.paths.append(path)

    def row(self, section: str, index: int, row: Row) -> None:
        at = f"{section}.{index}"
        first = True
        for name, value in _row_fields(section, row):
            lead = "  - " if first else "    "
            first = False
            if name in LINES or name in COMMAS:
                items = entries(name, value)
                if not items:
                    self.add(f"{lead}{name}: []", f"{at}.{name}")
                    continue
                if name in COMMAS:  # short ids and tags: on one line, as files write them
                    self.add(f"{lead}{name}: [{', '.join(map(_in_flow, items))}]", f"{at}.{name}")
                    continue
                self.add(f"{lead}{name}:", f"{at}.{name}")
                for item in items:
                    self.add(f"      - {scalar(item)}", f"{at}.{name}")
            elif name in NUMBERS:
                self.add(f"{lead}{name}: {_number(value)}", f"{at}.{name}")
            else:
                self.add(f"{lead}{name}: {scalar(value)}", f"{at}.{name}")
        for line in _extra_lines(row.extra):
            self.add(("  - " if first else "    ") + line, at)
            first = False
        if first:  # a row with nothing in it at all (only a tampered form sends one)
            self.add("  - {}", at)


def _row_fields(section: str, row: Row) -> list[tuple[str, str]]:
    """The fields of a row the file gets: the needed ones always (empty, they are named as
    empty), the optional ones when filled in, and a question's type's own fields only."""
    names = ROW_FIELDS[section]
    if section == "questions":
        own = TYPE_FIELDS.get(row.get("type").strip(), ())
        others = {n for fields in TYPE_FIELDS.values() for n in fields} - set(own)
        names = tuple(n for n in names if n not in others)
    found = []
    for name in names:
        value = row.get(name).strip()
        if name in LINES or name in COMMAS:
            value = row.get(name)
            if name in COMMAS and not entries(name, value):
                continue
        elif not value and name not in NEEDED:
            continue
        found.append((name, value))
    return found


def write_draft(draft: Draft) -> Written:
    """The YAML text of a draft, with the path of the field each line holds."""
    w = _Writer()
    for name in BANK_FIELDS:
        value = draft.get(name).strip()
        if name == "exam_only":
            if value:
                w.add("exam_only: true", name)
        else:
            w.add(f"{name}: {scalar(value)}", name)
    for line in _extra_lines(draft.extra):
        w.add(line, "")
    for section in SECTIONS:
        rows = draft.rows[section]
        if rows:
            w.add("", "")
            w.add(f"{section}:", "")
            for index, row in enumerate(rows):
                w.row(section, index, row)
    return Written("\n".join(w.lines) + "\n", tuple(w.paths))


def check_draft(draft: Draft, name: str = "bank.yaml") -> Checked:
    """Write a draft and read it back with the loader: its bank, or each problem by field."""
    written = write_draft(draft)
    result = parse_yaml_bank(written.text, name)
    problems: dict[str, list[Said | str]] = {}
    for problem in result.problems:
        problems.setdefault(written.path_of(problem.line), []).append(problem.message)
    return Checked(written.text, result.bank if result.ok else None, problems)
