"""Questions an importer skips are carried beside the banks and problems, never as problems."""

from __future__ import annotations

from quizapp.bank import loader
from quizapp.bank.loader import load_file, load_folder
from quizapp.bank.model import Bank, BankError, LoadResult, ParseResult
from quizapp.bank.summary import report_lines


def skipping_parser(text, path):
    """A parser that gives a bank and skips the question on line 2."""
    return ParseResult(Bank(id="x", title="X", path=path),
                       skipped=(BankError(path, 2, "an essay question"),))


def test_load_file_gives_the_questions_a_parser_skipped(tmp_path, monkeypatch):
    monkeypatch.setitem(loader.PARSERS, ".skip", skipping_parser)
    path = tmp_path / "a.skip"
    path.write_text("x", encoding="utf-8")
    result = load_file(path)
    assert result.bank.id == "x" and result.problems == () and result.ok
    assert [str(s) for s in result.skipped] == [f"{path}:2: an essay question"]


def test_a_yaml_file_skips_nothing(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("bank: b\ntitle: B\nfacts:\n  - id: f\n    text: x\n", encoding="utf-8")
    assert load_file(path).skipped == ()


def test_a_folder_load_collects_skipped_questions_and_stays_ok(tmp_path, monkeypatch):
    monkeypatch.setitem(loader.PARSERS, ".skip", skipping_parser)
    monkeypatch.setattr(loader, "QUESTION_FILE_PATTERNS", ("*.skip",))
    (tmp_path / "a.skip").write_text("x", encoding="utf-8")
    result = load_folder(tmp_path)
    assert result.ok and [b.id for b in result.banks] == ["x"]
    assert [s.line for s in result.skipped] == [2]


def test_the_report_lists_skipped_questions_before_the_summary():
    skipped = BankError("q.gift", 4, "question 'q-2' is an essay question")
    result = LoadResult(banks=(Bank(id="x", title="X"),), skipped=(skipped,))
    assert report_lines(result)[0] == "q.gift:4: question 'q-2' is an essay question (skipped)"
