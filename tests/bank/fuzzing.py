"""Shared by the importers' fuzz tests: good files mutated, and what every outcome must look like."""

from __future__ import annotations

from hypothesis import strategies as st

from quizapp.bank.model import Bank, BankError


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
