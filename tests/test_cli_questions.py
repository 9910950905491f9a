"""`flask --app quizapp questions check`: every problem at its path:line, or a summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
GOOD = DATA / "good"


def check(runner, *paths):
    return runner.invoke(args=["questions", "check", *map(str, paths)])


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("unknown-key.yaml", 8, "question 'embassy-year': unknown key 'answr' "
                                "(did you mean 'answer'?); the keys allowed here are id, type"),
        ("bad-answer.yaml", 8, "question 'embassy-year': answer '1921' is not one of its choices "
                               '("1914", "1916", "1920", "1952")'),
        ("duplicate-id.yaml", 9, "question id 'embassy-year' is used twice (first at line 4)"),
        ("missing-fact.yaml", 13, "question 'embassy-year': fact 'canal' is not one of the facts"),
        ("yaml-syntax.yaml", 5, "a tab is used here; YAML indents with spaces only"),
        ("unclosed-quote.yaml", 2, "a quote opened on this line is never closed"),
        ("bad-years.yaml", 6, "fact 'leguia-term': until 1919 is before year 1930"),
        ("bad-years.yaml", 9, "fact 'canal': 'year' must be a whole number, not true/false"),
        ("bad-years.yaml", 12, "fact 'moon': year 2969 is not a plausible year"),
        ("ordering-too-few.yaml", 7, "question 'early-order': 'items' must list 3 to 8 items"),
        ("empty.yaml", 1, "the file is empty"),
        ("not-a-mapping.yaml", 1, "the top of the file must be a mapping, not a list"),
    ],
)
def test_a_broken_file_is_reported_at_its_line_and_exits_1(runner, name, line, message):
    result = check(runner, BROKEN / name)
    assert result.exit_code == 1
    assert any(out.startswith(f"{BROKEN / name}:{line}: {message}")
               for out in result.output.splitlines())


def test_every_problem_is_printed_one_a_line_then_a_count(runner):
    result = check(runner, BROKEN / "bad-years.yaml")
    lines = result.output.splitlines()
    assert [out.split(": ")[0] for out in lines[:-1]] == [
        f"{BROKEN / 'bad-years.yaml'}:{n}" for n in (6, 9, 12)]
    assert lines[-1] == "3 problems in 1 file."


def test_a_broken_folder_reports_every_file(runner):
    result = check(runner, BROKEN)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "13 problems in 10 files."


def test_a_good_file_prints_its_bank_and_counts_and_exits_0(runner):
    result = check(runner, GOOD / "small.yaml")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "small: A small bank",
        "  2 facts, 1 person, 3 questions (1 choice, 1 multiple, 1 ordering)",
        "Total: 1 bank, 2 facts, 1 person, 3 questions (1 choice, 1 multiple, 1 ordering)",
    ]


def test_a_good_folder_prints_each_bank_and_a_total(runner):
    result = check(runner, GOOD)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        "Total: 2 banks, 3 facts, 1 person, 3 questions (1 choice, 1 multiple, 1 ordering)")


def test_good_banks_are_not_summarised_while_any_file_has_a_problem(runner):
    result = check(runner, GOOD, BROKEN / "bad-answer.yaml")
    assert result.exit_code == 1
    assert "small: A small bank" not in result.output


def test_a_bank_id_used_by_two_files_is_a_problem_of_the_second(runner, tmp_path):
    shutil.copy(GOOD / "small.yaml", tmp_path / "a.yaml")
    shutil.copy(GOOD / "small.yaml", tmp_path / "b.yaml")
    result = check(runner, tmp_path)
    assert result.exit_code == 1
    assert result.output.startswith(f"{tmp_path / 'b.yaml'}:2: bank id 'small' is already used "
                                    f"by {tmp_path / 'a.yaml'}")


def test_a_file_that_is_not_utf8_is_a_problem_not_a_traceback(runner, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("bank: b\ntitle: Leguía\n".encode("latin-1"))
    result = check(runner, path)
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:2: the file is not UTF-8 text")


def test_a_path_that_does_not_exist_is_an_error(runner, tmp_path):
    result = check(runner, tmp_path / "nowhere")
    assert result.exit_code == 1
    assert f"no such file or folder: {tmp_path / 'nowhere'}" in result.output


def test_without_paths_the_questions_dir_setting_is_checked(app, tmp_path):
    shutil.copy(GOOD / "small.yaml", tmp_path / "small.yaml")
    app.config["QUESTIONS_DIR"] = str(tmp_path)
    result = app.test_cli_runner().invoke(args=["questions", "check"])
    assert result.exit_code == 0
    assert result.output.startswith("small: A small bank")


def test_a_folder_without_question_files_says_so(runner, tmp_path):
    result = check(runner, tmp_path)
    assert result.exit_code == 0
    assert result.output == "No question files found.\n"


SOURCED = """bank: sourced
title: Sourced
source: text.txt
facts:
  - id: canal
    text: A canal opens.
    cite: the canal opened
  - id: trade
    text: Trade grows.
    cite: trade grew by half
"""


def test_a_cite_not_in_the_source_is_reported_at_the_cite_line(runner, tmp_path):
    (tmp_path / "sourced.yaml").write_text(SOURCED, encoding="utf-8")
    (tmp_path / "text.txt").write_text("In 1914 the canal\nopened.\n", encoding="utf-8")
    result = check(runner, tmp_path)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        f"{tmp_path / 'sourced.yaml'}:10: fact 'trade': cite not found in text.txt")
    assert result.output.splitlines()[-1] == "1 problem in 1 file."


def test_a_missing_source_is_reported_and_the_bank_still_loads(runner, tmp_path):
    (tmp_path / "sourced.yaml").write_text(SOURCED, encoding="utf-8")
    result = check(runner, tmp_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'sourced.yaml'}:3: source text.txt: there is no "
                               "such file beside it")
    assert lines[1] == f"{tmp_path / 'sourced.yaml'}:7: fact 'canal': cite not checked: no source"
    assert "sourced: Sourced" in lines


def test_the_shipped_bank_finds_every_cite_in_its_text(runner):
    from quizapp.bank.loader import load_file
    read = load_file(Path(__file__).parents[1] / "questions" / "peru-us-relations.yaml")
    assert read.ok and not read.notes and read.bank is not None and read.bank.source
    assert all(f.cite is not None for f in read.bank.facts)


def test_check_reports_a_translation_that_does_not_fit_and_lists_what_is_untranslated(
        runner, tmp_path):
    from tests.bank.test_translation import BANK, GOOD

    (tmp_path / "tiny.yaml").write_text(BANK, encoding="utf-8")
    wrong = GOOD.replace("  - id: embassy\n", "  - id: embasy\n").replace(
        '["En 1914", "En 1916", "En 1920"]', '["En 1914", "En 1916"]')
    (tmp_path / "tiny.es.yaml").write_text(wrong, encoding="utf-8")
    result = check(runner, tmp_path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    es = tmp_path / "tiny.es.yaml"
    assert f"{es}:7: fact 'embasy' is not one of the bank's; a translation uses the bank's own " \
           "ids" in lines
    assert f"{es}:16: question 'canal-year': 2 choices translated, but the bank's question has " \
           "3; translate each, in the same order" in lines
    assert any(line.endswith("fact 'embassy' has no es translation in tiny.es.yaml")
               for line in lines)
    # Named alone, the translation is checked against its bank beside it.
    assert check(runner, es).output == result.output


def test_check_of_the_shipped_folder_says_it_is_translated(runner):
    result = check(runner, Path(__file__).resolve().parents[1] / "questions")
    assert result.exit_code == 0
    assert "  translated into: es" in result.output.splitlines()
