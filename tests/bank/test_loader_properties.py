"""Whatever a file holds, loading it never raises: it gives a bank, or problems with their lines."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.loader import load_file
from quizapp.bank.model import Bank, BankError, ParseResult
from quizapp.bank.yaml_bank import parse_yaml_bank

SMALL = (Path(__file__).parent.parent / "data" / "good" / "small.yaml").read_text("utf-8")
SMALL_LINES = SMALL.splitlines(keepends=True)
KEYS = ["bank", "title", "facts", "people", "questions", "id", "type", "prompt", "choices",
        "answer", "answers", "items", "year", "until", "when", "text", "leader", "tags",
        "difficulty", "grading", "name", "role", "explanation"]
QUICK = settings(max_examples=150, deadline=None)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(["choice", "multiple", "ordering", "pairs", "1920"]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=8))
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=30,
)


def assert_well_formed(text: str, result: ParseResult) -> None:
    """A bank and no problems, or no bank and problems that each name a line of the text."""
    bank, problems = result.bank, result.problems
    assert (bank is None) == bool(problems) and result.skipped == ()
    assert bank is None or isinstance(bank, Bank)
    last_line = len(text.splitlines()) + 1
    for problem in problems:
        assert isinstance(problem, BankError)
        assert 1 <= problem.line <= last_line
        assert str(problem).startswith(f"p.yaml:{problem.line}: ")


def check(text: str) -> None:
    assert_well_formed(text, parse_yaml_bank(text, "p.yaml"))


@QUICK
@given(st.text())
def test_any_text_gives_a_bank_or_located_problems(text):
    check(text)


@QUICK
@given(structures)
def test_any_yaml_structure_gives_a_bank_or_located_problems(data):
    check(yaml.safe_dump(data, allow_unicode=True))


@QUICK
@given(st.dictionaries(st.sampled_from(KEYS), structures, max_size=6))
def test_any_mapping_of_known_keys_gives_a_bank_or_located_problems(data):
    check(yaml.safe_dump(data, allow_unicode=True))


def replace_somewhere(data, path: list[int], value):
    """`data` with the node that `path` picks (indexes taken modulo each size) set to `value`."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    if isinstance(data, dict):
        key = list(data)[path[0] % len(data)]
        return {**data, key: replace_somewhere(data[key], path[1:], value)}
    index = path[0] % len(data)
    return [*data[:index], replace_somewhere(data[index], path[1:], value), *data[index + 1:]]


@QUICK
@given(st.lists(st.integers(0, 50), min_size=1, max_size=5), structures)
def test_a_valid_bank_with_one_value_replaced_gives_a_bank_or_located_problems(path, value):
    data = replace_somewhere(yaml.safe_load(SMALL), path, value)
    check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


mutations = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(SMALL_LINES))),
    st.tuples(st.just("duplicate"), st.integers(0, len(SMALL_LINES))),
    st.tuples(st.just("insert"), st.integers(0, len(SMALL)), st.text(max_size=4)),
    st.tuples(st.just("indent"), st.integers(0, len(SMALL_LINES)), st.sampled_from([" ", "\t"])),
    st.tuples(st.just("truncate"), st.integers(0, len(SMALL))),
)


def mutate(text: str, mutation: tuple) -> str:
    """`text` changed as `mutation` says: a line deleted, doubled, indented, text inserted..."""
    kind, at, *extra = mutation
    lines = text.splitlines(keepends=True)
    if kind == "delete":
        return "".join(lines[:at] + lines[at + 1:])
    if kind == "duplicate":
        return "".join(lines[:at + 1] + lines[at:])
    if kind == "indent":
        return "".join(lines[:at] + [extra[0] + line for line in lines[at:at + 1]] + lines[at + 1:])
    if kind == "insert":
        return text[:at] + extra[0] + text[at:]
    return text[:at]


@QUICK
@given(st.lists(mutations, min_size=1, max_size=4))
def test_a_valid_file_mutated_gives_a_bank_or_located_problems(changes):
    text = SMALL
    for change in changes:
        text = mutate(text, change)
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_in_a_file_give_a_bank_or_located_problems(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "bytes.yaml"
    path.write_bytes(data)
    result = load_file(path)
    assert (result.bank is None) == bool(result.problems)
    assert all(isinstance(p, BankError) and p.line >= 1 for p in result.problems)
