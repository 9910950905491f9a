"""Shared by the importers' tests: what a parse gives, good files mutated, and what every outcome
must look like."""

from __future__ import annotations

from hypothesis import strategies as st

from quizapp.bank.loader import load_file
from quizapp.bank.model import Bank, BankError, BrokenQuestion, ParseResult
from quizapp.bank.rules import option_problems


def problems_of(result: ParseResult) -> list[tuple[int, str]]:
    """The (line, message) of each problem of a parse that gave no bank."""
    assert result.bank is None
    return [(e.line, e.message) for e in result.problems]


def left_out(result: ParseResult) -> list[tuple[int, str]]:
    """The (line, message) of each question a parse left out as broken (the rest loads)."""
    return [(e.line, e.message) for e in result.skipped if isinstance(e, BrokenQuestion)]


def read_good(path) -> ParseResult:
    """A good example file's parse: a bank and the questions it skipped, and no problem."""
    result = load_file(path)
    assert result.problems == () and result.bank is not None
    return result


def assert_located(text: str, result: ParseResult, path: str) -> None:
    """A bank and no problems, or no bank and problems; every report names a line of the text."""
    assert isinstance(result, ParseResult)
    bank, problems, skipped = result.bank, result.problems, result.skipped
    assert isinstance(problems, tuple) and isinstance(skipped, tuple)
    assert bank is not None or not result.notes  # a note is about a bank that loaded
    assert (bank is None) == bool(problems) == (not result.ok)
    assert bank is None or isinstance(bank, Bank)
    # XML (and editors) also end a line at a lone carriage return.
    last_line = len(text.splitlines()) + 1
    for report in [*problems, *skipped, *result.notes]:
        assert isinstance(report, BankError)
        assert 1 <= report.line <= last_line
        assert str(report).startswith(f"{path}:{report.line}: ")
    # Whatever was left out, every question that loaded keeps the rules (bank/rules.py).
    for question in bank.questions if bank is not None else ():
        lines = [question.line] * len(question.options)
        assert question.prompt and all(question.options)
        assert option_problems(question.type, question.options, question.key, lines,
                               question.line) == []


def mutated(text: str, alphabet: str) -> st.SearchStrategy[str]:
    """`text` after a few random deletions and insertions of the format's own characters."""
    edits = st.lists(
        st.tuples(st.booleans(), st.integers(0, len(text)), st.integers(1, 6),
                  st.text(alphabet=alphabet, min_size=1, max_size=3)),
        min_size=1, max_size=5,
    )

    def apply(changes: list[tuple[bool, int, int, str]]) -> str:
        result = text
        for delete, at, length, inserted in changes:
            at = min(at, len(result))
            result = (result[:at] + result[at + length:] if delete
                      else result[:at] + inserted + result[at:])
        return result

    return edits.map(apply)
