"""Shared by the importers' tests: what a parse gives, good files mutated, and what every outcome
must look like."""

from __future__ import annotations

from hypothesis import strategies as st

from quizapp.bank.loader import read_file
from quizapp.bank.model import Bank, BankError


def problems_of(result: tuple) -> list[tuple[int, str]]:
    """The (line, message) of each problem of a parse that gave no bank."""
    bank, errors, _ = result
    assert bank is None
    return [(e.line, e.message) for e in errors]


def read_good(path) -> tuple[Bank, list[BankError]]:
    """A good example file's bank and the questions it skipped; it must have no problem."""
    bank, errors, skipped = read_file(path)
    assert errors == []
    return bank, skipped


def assert_located(text: str, result: tuple, path: str) -> None:
    """A bank and no problems, or no bank and problems; every report names a line of the text."""
    bank, problems, skipped = result
    assert (bank is None) == bool(problems)
    assert bank is None or isinstance(bank, Bank)
    # XML (and editors) also end a line at a lone carriage return.
    last_line = len(text.splitlines()) + 1
    for report in [*problems, *skipped]:
        assert isinstance(report, BankError)
        assert 1 <= report.line <= last_line
        assert str(report).startswith(f"{path}:{report.line}: ")


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
