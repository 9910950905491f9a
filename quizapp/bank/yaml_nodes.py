"""Reading values out of a composed YAML node tree, with a located BankError for each problem.

The loader walks nodes rather than loaded Python values because every node knows its line: that is
how a problem can point at the line a teacher has to fix.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .model import BankError
from .rules import numbered
from .said import Said, _m, joined

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
FIRST_YEAR, LAST_YEAR = 1000, 2100

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"

Field = tuple[Node, Node]  # (key node, value node) of one entry of a mapping
Where = Said | str  # what a problem is in ("question 'q1'"), or "" for the file itself


@dataclass(frozen=True)
class Keys:
    """The keys a mapping may have, and those it must have."""

    allowed: tuple[str, ...]
    required: tuple[str, ...]


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return node.start_mark.line + 1


def kind(node: Node) -> Said:
    """How a value is named in a message."""
    if isinstance(node, SequenceNode):
        return _m("a list")
    if isinstance(node, MappingNode):
        return _m("a mapping")
    if node.tag == NULL:
        return _m("nothing")
    if node.tag == BOOL:
        return _m("true/false ('%(value)s' means true or false in YAML)", value=node.value)
    if node.tag == STR:
        return _m("the text '%(value)s'", value=node.value)
    return Said("'%(value)s'", value=node.value)  # a number or a date, as written: no words


def closest(word: str, choices: tuple[str, ...] | list[str]) -> Said | str:
    """' (did you mean 'x'?)' for a likely typo of one of `choices`, else ''."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return _m(" (did you mean '%(word)s'?)", word=match[0]) if match else ""


def peek_id(node: Node) -> tuple[str, Node] | None:
    """The text of a mapping's `id` and its node, if it has a plain one."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, ScalarNode) and value.tag != NULL:
                return value.value.strip(), value
    return None


def to_int(node: ScalarNode) -> int | None:
    """The value of an integer scalar, or None when it is too long to be read."""
    try:
        return int(node.value)
    except ValueError:
        pass
    try:
        # YAML 1.1 also writes integers as 0x1F, 0o17, 1:30; the constructor knows them all.
        return SafeConstructor().construct_yaml_int(node)
    except (ValueError, ConstructorError):
        return None


class Reader:
    """Reads one file's values out of its nodes, collecting a BankError for each problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[BankError] = []

    def report(self, at: Node | int, where: Where, message: Said) -> None:
        """Record a problem at a node's line (or at a line number), in what it is in."""
        line = at if isinstance(at, int) else at.start_mark.line + 1
        self.problems.append(BankError(self.path, line,
                                       joined([where, message], ": ") if where else message))

    def fields(self, node: Node, keys: Keys, where: Where, noun: Said
               ) -> dict[str, Field] | None:
        """The entries of a mapping by key; unknown, repeated and missing keys are reported."""
        if not isinstance(node, MappingNode):
            self.report(node, where, _m("%(what)s must be a mapping of keys, not %(kind)s",
                                        what=noun, kind=kind(node)))
            return None
        found: dict[str, Field] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.report(key, where, _m("a key must be a plain word, not %(kind)s",
                                           kind=kind(key)))
            elif key.value in found:
                self.report(key, where, _m("the key '%(key)s' is given twice (first at line "
                                           "%(first)d)", key=key.value,
                                           first=line_of(found[key.value][0])))
            elif key.value not in keys.allowed:
                self.report(key, where, self._unknown_key(key.value, keys))
            else:
                found[key.value] = (key, value)
        for name in keys.required:
            if name not in found:
                self.report(node, where, _m("the required key '%(key)s' is missing", key=name))
        return found

    @staticmethod
    def _unknown_key(name: str, keys: Keys) -> Said:
        return _m("unknown key '%(key)s'%(suggestion)s; the keys allowed here are %(allowed)s",
                  key=name, suggestion=closest(name, keys.allowed),
                  allowed=", ".join(keys.allowed))

    def text(self, field: Field | None, where: Where) -> str | None:
        """A non-empty text value; numbers and dates count as the text they are written as."""
        if field is None:
            return None
        key, node = field
        if isinstance(node, ScalarNode) and node.tag != NULL:
            value: str = node.value.strip()
            if value:
                return value
        if isinstance(node, ScalarNode):
            self.report(key, where, _m("'%(key)s' is empty", key=key.value))
        else:
            self.report(key, where, _m("'%(key)s' must be text, not %(kind)s", key=key.value,
                                       kind=kind(node)))
        return None

    def slug(self, field: Field | None, where: Where) -> str | None:
        """A text value that is a slug: lowercase letters and digits joined by single hyphens."""
        if field is None:
            return None
        value = self.text(field, where)
        if value is None or SLUG.match(value):
            return value
        self.report(field[0], where, _m("'%(key)s' is '%(value)s', which is not a slug: use "
                                        "lowercase letters, digits and single hyphens, like "
                                        "'embassy-year'", key=field[0].value, value=value))
        return None

    def integer(self, field: Field | None, where: Where) -> int | None:
        """A whole-number value (true/false and quoted numbers are not numbers)."""
        if field is None:
            return None
        key, node = field
        if isinstance(node, ScalarNode) and node.tag == INT:
            value = to_int(node)
            if value is not None:
                return value
        quoted = node.tag == STR and node.value.strip().isdigit()
        self.report(key, where, _m("'%(key)s' must be a whole number, not %(kind)s%(hint)s",
                                   key=key.value, kind=kind(node),
                                   hint=_m(" (remove the quotes)") if quoted else ""))
        return None

    def boolean(self, field: Field | None, where: Where) -> bool | None:
        """A true/false value, as YAML reads one (a quoted "true" or a 1 is not one)."""
        if field is None:
            return None
        key, node = field
        if isinstance(node, ScalarNode) and node.tag == BOOL:
            return str(node.value).lower() in ("true", "yes", "on")
        self.report(key, where, _m("'%(key)s' must be true or false, not %(kind)s",
                                   key=key.value, kind=kind(node)))
        return None

    def year(self, field: Field | None, where: Where) -> int | None:
        """A whole number in the plausible range of years."""
        if field is None:
            return None
        value = self.integer(field, where)
        if value is None or FIRST_YEAR <= value <= LAST_YEAR:
            return value
        self.report(field[0], where, _m("%(key)s %(value)d is not a plausible year (Quipu "
                                        "accepts %(first)d to %(last)d)", key=field[0].value,
                                        value=value, first=FIRST_YEAR, last=LAST_YEAR))
        return None

    def items(self, field: Field | None, where: Where) -> list[Node] | None:
        """The entries of a list value; an absent or empty value gives an empty list."""
        if field is None:
            return []
        key, node = field
        if isinstance(node, SequenceNode):
            entries: list[Node] = node.value
            return entries
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return []
        hint = (_m("; write [%(value)s] for a single one", value=node.value)
                if isinstance(node, ScalarNode) else "")
        self.report(key, where, _m("'%(key)s' must be a list, not %(kind)s%(hint)s",
                                   key=key.value, kind=kind(node), hint=hint))
        return None

    def texts(self, field: Field | None, where: Where, noun: str
              ) -> list[tuple[str, Node]] | None:
        """A list of non-empty texts, each with its node; None if any entry is not one (`noun`
        names an entry: fact, tag, choice, answer, item, option)."""
        if field is None:
            return []
        nodes = self.items(field, where)
        if nodes is None:
            return None
        values: list[tuple[str, Node]] = []
        for number, node in enumerate(nodes, 1):
            if not isinstance(node, ScalarNode):
                self.report(node, where, _m("%(entry)s must be text, not %(kind)s",
                                            entry=numbered(noun, number), kind=kind(node)))
                continue
            value = node.value.strip() if node.tag != NULL else ""
            if value:
                values.append((value, node))
            else:
                self.report(node, where, _m("%(entry)s is empty", entry=numbered(noun, number)))
        return values if len(values) == len(nodes) else None
