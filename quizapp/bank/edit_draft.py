"""A YAML bank as the browser editor holds it: every value a text a form field shows.

A `Draft` is what the editor's form says: the bank's own fields, then rows of facts, people and
questions, each a mapping of field name to the text typed in it. Keys the editor does not edit
(a `source:`, a fact's `cite:`, anything a later Quipu adds) ride along in `extra` as YAML, so a
save carries them through unchanged. Comments are not kept: the file is written anew.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yaml_nodes import NULL
from .yaml_syntax import SafeLoader

# The fields the editor shows, in the order a file lists them. Lists are typed one a line
# (LINES) or separated by commas (COMMAS).
BANK_FIELDS = ("bank", "title", "exam_only")
SECTIONS = ("facts", "people", "questions")
ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "facts": ("id", "year", "until", "when", "text", "leader", "tags"),
    "people": ("id", "name", "role", "year", "until"),
    "questions": ("id", "type", "prompt", "choices", "answer", "answers", "items", "grading",
                  "explanation", "facts", "difficulty", "tags"),
}
LINES = ("choices", "answers", "items")
COMMAS = ("tags", "facts")
MAX_ROWS = 2000  # rows of one section a form may hold (the shipped bank has about 120)


@dataclass
class Row:
    """One fact, person or question: its fields as typed, and the keys the editor leaves alone."""

    fields: dict[str, str] = field(default_factory=dict)
    extra: str = ""  # a YAML mapping of the other keys, or ""

    def get(self, name: str) -> str:
        """The text of one field ('' when not given)."""
        return self.fields.get(name, "")


@dataclass
class Draft:
    """A bank being edited: its fields, the keys left alone, and its rows by section."""

    fields: dict[str, str] = field(default_factory=dict)
    extra: str = ""
    rows: dict[str, list[Row]] = field(default_factory=lambda: {s: [] for s in SECTIONS})

    def get(self, name: str) -> str:
        """The text of one of the bank's own fields."""
        return self.fields.get(name, "")

    def field_paths(self) -> set[str]:
        """Every field's path ('title', 'facts.2.year'), for placing a problem beside it."""
        paths = set(BANK_FIELDS)
        for section in SECTIONS:
            for index, _row in enumerate(self.rows[section]):
                paths.update(f"{section}.{index}.{name}" for name in ROW_FIELDS[section])
        return paths


def blank(bank_id: str = "", title: str = "") -> Draft:
    """A new bank's draft: its id and title, and one empty fact to fill in."""
    draft = Draft(fields={"bank": bank_id, "title": title})
    draft.rows["facts"].append(Row())
    return draft


def _text(node: Node) -> str:
    """A field's text as the file writes it (a list one entry a line or comma-separated)."""
    if isinstance(node, ScalarNode):
        return "" if node.tag == NULL else str(node.value)
    if isinstance(node, SequenceNode):
        return "\n".join(_text(n) for n in node.value)
    return ""


def _extra(pairs: list[tuple[Node, Node]]) -> str:
    """The pairs as a YAML mapping's text, '' for none."""
    if not pairs:
        return ""
    loaded = yaml.safe_load(yaml.serialize(MappingNode("tag:yaml.org,2002:map", pairs)))
    return yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False, width=10_000).strip()


def _row(node: Node, names: tuple[str, ...]) -> Row:
    row = Row()
    if not isinstance(node, MappingNode):
        return row
    others = []
    for key, value in node.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name in names and isinstance(name, str):
            text = _text(value)
            row.fields[name] = text.replace("\n", ", ") if name in COMMAS else text
        else:
            others.append((key, value))
    row.extra = _extra(others)
    return row


def read_draft(text: str) -> Draft:
    """The draft of a YAML bank's text (one that loads: it is read, not checked, here)."""
    root = yaml.compose(text, Loader=SafeLoader)
    draft = Draft()
    if not isinstance(root, MappingNode):
        return draft
    others = []
    for key, value in root.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name in BANK_FIELDS and isinstance(name, str):
            draft.fields[name] = _text(value)
        elif name in SECTIONS and isinstance(value, SequenceNode):
            draft.rows[name] = [_row(n, ROW_FIELDS[name]) for n in value.value]
        else:
            others.append((key, value))
    draft.extra = _extra(others)
    if draft.fields.get("exam_only", "").lower() not in ("true", "yes", "on"):
        draft.fields.pop("exam_only", None)
    else:
        draft.fields["exam_only"] = "true"
    return draft
