"""Reading one question of a YAML bank: the keys every type shares, then its type's own rules."""

from __future__ import annotations

from collections.abc import Callable

from yaml.nodes import Node

from .model import DEFAULT_ORDERING_METHOD, ORDERING_METHODS, QUESTION_TYPES, Question
from .rules import (
    MAX_CHOICES,
    MAX_ITEMS,
    MIN_CHOICES,
    MIN_ITEMS,
    a_question,
    count_message,
    repeated_message,
)
from .said import Said, _m
from .yaml_nodes import Field, Keys, Reader, Where, closest, line_of

QUESTION_KEYS = Keys(
    allowed=(
        "id", "type", "prompt", "choices", "answer", "answers", "items",
        "explanation", "facts", "difficulty", "grading", "tags",
    ),
    required=("id", "type", "prompt"),
)
# The keys that only some types take, and which of them each type needs.
TYPE_KEYS = {
    "choice": ("choices", "answer"),
    "multiple": ("choices", "answers"),
    "ordering": ("items",),
}
TYPE_ONLY_KEYS = ("choices", "answer", "answers", "items", "grading")
OPTIONAL_TYPE_KEYS = {"ordering": ("grading",)}
ORDERING_ONLY = _m(" ('grading' is for ordering questions only)")
HINTS = {
    ("choice", "answers"): _m(" (for several right answers use type: multiple)"),
    ("multiple", "answer"): _m(" (a multiple question lists its right choices under 'answers')"),
    ("choice", "grading"): ORDERING_ONLY,
    ("multiple", "grading"): ORDERING_ONLY,
}
DIFFICULTIES = (1, 2, 3)

Options = tuple[tuple[str, ...], tuple[str, ...]]  # (options, key)
Ref = tuple[Node, Where, str]  # (node naming a fact or a person, where it is named, its id)


def read_question(r: Reader, node: Node, where: Where, refs: list[Ref]) -> Question | None:
    """The question a mapping describes, or None (with its problems reported)."""
    start = len(r.problems)
    found = r.fields(node, QUESTION_KEYS, where, _m("a question"))
    if found is None:
        return None
    qid = r.slug(found.get("id"), where)
    qtype = _question_type(r, found.get("type"), where)
    prompt = r.text(found.get("prompt"), where)
    options = _type_rules(r, node, found, qtype, where) if qtype else None
    explanation = r.text(found.get("explanation"), where) if "explanation" in found else ""
    facts = r.texts(found.get("facts"), where, "fact")
    refs.extend((fact_node, where, fact) for fact, fact_node in facts or ())
    difficulty = _difficulty(r, found.get("difficulty"), where)
    grading = _grading(r, found.get("grading"), where)
    tags = r.texts(found.get("tags"), where, "tag")
    # A value missing here was reported as a problem: the checks of None only say so to mypy.
    if (len(r.problems) > start or qid is None or qtype is None or prompt is None
            or options is None or explanation is None or facts is None or difficulty is None
            or grading is None or tags is None):
        return None
    return Question(
        id=qid, type=qtype, prompt=prompt, options=options[0], key=options[1],
        explanation=explanation, facts=tuple(f for f, _ in facts), difficulty=difficulty,
        grading=grading, tags=tuple(t for t, _ in tags), line=line_of(node),
    )


def _question_type(r: Reader, field: Field | None, where: Where) -> str | None:
    if field is None:
        return None
    qtype = r.text(field, where)
    if qtype is None or qtype in QUESTION_TYPES:
        return qtype
    suggestion = closest(qtype, QUESTION_TYPES)
    r.report(field[0], where, _m("type '%(type)s' is not a question type%(suggestion)s; use "
                                 "%(types)s or %(last)s", type=qtype, suggestion=suggestion,
                                 types=", ".join(QUESTION_TYPES[:-1]), last=QUESTION_TYPES[-1]))
    return None


def _type_rules(r: Reader, node: Node, found: dict[str, Field], qtype: str, where: Where
                ) -> Options | None:
    """Check the keys only some types take, then read the options and key of this type."""
    needed = TYPE_KEYS[qtype]
    allowed = needed + OPTIONAL_TYPE_KEYS.get(qtype, ())
    for name in TYPE_ONLY_KEYS:
        if name in found and name not in allowed:
            r.report(found[name][0], where,
                     _m("'%(key)s' does not belong in %(question)s, which takes %(takes)s%(hint)s",
                        key=name, question=a_question(qtype), takes=_both(needed),
                        hint=HINTS.get((qtype, name), "")))
    for name in needed:
        if name not in found:
            r.report(node, where, _m("%(question)s needs '%(key)s'", question=a_question(qtype),
                                     key=name))
    return OPTION_READERS[qtype](r, found, where)


def _both(keys: tuple[str, ...]) -> Said | str:
    """"'choices' and 'answer'": the keys, quoted."""
    quoted = [f"'{k}'" for k in keys]
    if len(quoted) == 1:
        return quoted[0]
    return _m("%(some)s and %(last)s", some=", ".join(quoted[:-1]), last=quoted[-1])


def _distinct(r: Reader, field: Field | None, where: Where, noun: str, low: int, high: int
              ) -> list[tuple[str, Node]] | None:
    """A list of distinct texts with their nodes, between `low` and `high` of them."""
    if field is None:
        return None
    values = r.texts(field, where, noun)
    if values is None:
        return None
    first: dict[str, Node] = {}
    for value, node in values:
        if value not in first:
            first[value] = node
            continue
        r.report(node, where, repeated_message(noun, value, line_of(first[value]), line_of(node)))
    count = count_message(f"'{field[0].value}'", noun, low, high, len(values))
    if count:
        r.report(field[0], where, count)
    return values


def _not_a_choice(r: Reader, node: Node, where: Where, answer: str, choices: list[str]) -> None:
    listed = ", ".join(f'"{c}"' for c in choices)
    r.report(node, where, _m("answer '%(answer)s' is not one of its choices (%(choices)s)",
                             answer=answer, choices=listed))


def _choice(r: Reader, found: dict[str, Field], where: Where) -> Options | None:
    choices = _distinct(r, found.get("choices"), where, "choice", MIN_CHOICES, MAX_CHOICES)
    answer = r.text(found.get("answer"), where)
    if choices is None or answer is None:
        return None
    options = [c for c, _ in choices]
    if answer not in options:
        _not_a_choice(r, found["answer"][0], where, answer, options)
        return None
    return tuple(options), (answer,)


def _multiple(r: Reader, found: dict[str, Field], where: Where) -> Options | None:
    choices = _distinct(r, found.get("choices"), where, "choice", MIN_CHOICES, MAX_CHOICES)
    answers = _distinct(r, found.get("answers"), where, "answer", 1, MAX_CHOICES)
    if choices is None or answers is None:
        return None
    options = [c for c, _ in choices]
    missing = [(a, node) for a, node in answers if a not in options]
    for answer, node in missing:
        _not_a_choice(r, node, where, answer, options)
    if missing:
        return None
    right = {a for a, _ in answers}
    return tuple(options), tuple(c for c in options if c in right)


def _ordering(r: Reader, found: dict[str, Field], where: Where) -> Options | None:
    items = _distinct(r, found.get("items"), where, "item", MIN_ITEMS, MAX_ITEMS)
    if items is None:
        return None
    order = tuple(i for i, _ in items)
    return order, order


OPTION_READERS: dict[str, Callable[[Reader, dict[str, Field], Where], Options | None]] = {
    "choice": _choice,
    "multiple": _multiple,
    "ordering": _ordering,
}


def _difficulty(r: Reader, field: Field | None, where: Where) -> int | None:
    if field is None:
        return 2
    value = r.integer(field, where)
    if value is not None and value not in DIFFICULTIES:
        r.report(field[0], where, _m("difficulty must be 1 (easy), 2 (medium) or 3 (hard), not "
                                     "%(value)d", value=value))
    return value


def _grading(r: Reader, field: Field | None, where: Where) -> str | None:
    if field is None:
        return DEFAULT_ORDERING_METHOD
    method = r.text(field, where)
    if method is not None and method not in ORDERING_METHODS:
        r.report(field[0], where, _m("grading '%(method)s' is not a grading method%(suggestion)s; "
                                     "use one of %(methods)s", method=method,
                                     suggestion=closest(method, ORDERING_METHODS),
                                     methods=", ".join(ORDERING_METHODS)))
    return method
