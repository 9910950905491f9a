"""Loading question files: the mapping to the model, syntax problems, files and folders."""

from __future__ import annotations

from textwrap import dedent

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank import loader
from quizapp.bank.loader import (
    known_suffix,
    known_suffixes,
    load_file,
    load_files,
    load_folder,
    load_paths,
    parser_for,
    question_files,
)
from quizapp.bank.model import BankError, ParseResult
from quizapp.bank.yaml_bank import parse_yaml_bank

GOOD = """\
bank: peru-us
title: Peru and the United States
facts:
  - id: embassy
    year: 1920
    when: "1920"
    text: The U.S. mission in Peru becomes an embassy.
    leader: leguia
    tags: [diplomacy]
  - id: leguia-term
    year: 1919
    until: 1930
    text: Leguía governs Peru.
people:
  - id: leguia
    name: Augusto B. Leguía
    role: President of Peru
    year: 1919
    until: 1930
questions:
  - id: embassy-year
    type: choice
    prompt: In which year was the mission raised to an embassy?
    choices: [1914, 1916, 1920, 1952]
    answer: 1920
    explanation: Congress elevated the mission in 1920.
    facts: [embassy]
    difficulty: 1
    tags: [dates]
  - id: leguia-events
    type: multiple
    prompt: Which of these happened under Leguía?
    choices: [The embassy, The canal opens, Trade jumps]
    answers: [Trade jumps, The embassy]
  - id: first-half-order
    type: ordering
    prompt: Put these events in the order they happened.
    items:
      - The Panama Canal opens
      - Bilateral trade jumps
      - The mission becomes an embassy
    grading: exact
    facts: [embassy, leguia-term]
"""


def parse(text: str):
    """The parse of a YAML text (bank, problems, skipped), as if read from q.yaml."""
    return parse_yaml_bank(dedent(text), "q.yaml")


def problems(text: str) -> list[tuple[int, str]]:
    """The (line, message) of each problem of a YAML text that must not load."""
    result = parse(text)
    assert result.bank is None
    return [(e.line, e.message) for e in result.problems]


def write(folder, name: str, text: str):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_no_problems():
    result = parse(GOOD)
    assert result.problems == ()
    bank = result.bank
    assert (bank.id, bank.title, bank.path, bank.line) == (
        "peru-us", "Peru and the United States", "q.yaml", 1)


def test_facts_map_to_the_model_with_their_lines():
    bank = parse(GOOD).bank
    embassy, term = bank.facts
    assert (embassy.id, embassy.year, embassy.until) == ("embassy", 1920, None)
    assert (embassy.when, embassy.leader, embassy.tags) == ("1920", "leguia", ("diplomacy",))
    assert embassy.line == 4
    assert (term.year, term.until, term.when, term.leader) == (1919, 1930, None, None)
    assert term.line == 10


def test_people_map_to_the_model_with_their_lines():
    (person,) = parse(GOOD).bank.people
    assert person.id == "leguia"
    assert (person.name, person.role, person.year, person.until) == (
        "Augusto B. Leguía", "President of Peru", 1919, 1930)
    assert person.line == 15


def test_choice_options_are_its_choices_and_key_its_answer_as_text():
    question = parse(GOOD).bank.questions_by_id["embassy-year"]
    assert question.options == ("1914", "1916", "1920", "1952")
    assert question.key == ("1920",)
    assert (question.explanation, question.facts, question.difficulty, question.tags) == (
        "Congress elevated the mission in 1920.", ("embassy",), 1, ("dates",))
    assert question.line == 21


def test_multiple_key_lists_the_answers_in_the_order_of_the_choices():
    question = parse(GOOD).bank.questions_by_id["leguia-events"]
    assert question.options == ("The embassy", "The canal opens", "Trade jumps")
    assert question.key == ("The embassy", "Trade jumps")


def test_ordering_options_and_key_are_the_items_in_their_written_order():
    question = parse(GOOD).bank.questions_by_id["first-half-order"]
    expected = ("The Panama Canal opens", "Bilateral trade jumps", "The mission becomes an embassy")
    assert question.options == question.key == expected
    assert question.grading == "exact"


def test_difficulty_defaults_to_two_and_grading_to_pairs():
    question = parse(GOOD).bank.questions_by_id["leguia-events"]
    assert (question.difficulty, question.grading, question.explanation) == (2, "pairs", "")


def test_a_file_of_facts_alone_is_a_bank():
    result = parse("bank: b\ntitle: T\nfacts:\n  - id: f\n    text: Something happens.\n")
    assert result.problems == () and len(result.bank.facts) == 1 and result.bank.questions == ()


def test_an_empty_file_is_a_problem_at_line_one():
    assert problems("") == [
        (1, "the file is empty; a question file starts with 'bank:' and 'title:'")]


def test_a_file_of_comments_only_is_empty():
    assert problems("# nothing yet\n")[0][0] == 1


def test_a_top_level_list_is_a_problem():
    assert problems("\n- bank: x\n") == [
        (2, "the top of the file must be a mapping, not a list; "
            "a question file starts with 'bank:' and 'title:'")]


def test_a_tab_is_reported_at_its_line():
    assert problems("bank: b\ntitle: T\nfacts:\n\t- id: f\n") == [
        (4, "a tab is used here; YAML indents with spaces only")]


def test_an_unclosed_quote_is_reported_at_the_line_it_opens():
    text = 'bank: b\ntitle: "Peru\nfacts:\n  - id: f\n    text: x\n'
    assert problems(text) == [(2, "a quote opened on this line is never closed")]


def test_bad_indentation_is_reported_at_its_line():
    text = "bank: b\ntitle: T\nquestions:\n  - id: q\n     type: choice\n"
    [(line, message)] = problems(text)
    assert line == 5
    assert "check the indentation" in message


def test_a_second_yaml_document_is_a_problem():
    [(line, message)] = problems("bank: a\ntitle: A\n---\nbank: b\n")
    assert line == 3 and "one file holds one bank" in message


def test_a_control_character_is_reported_at_its_line():
    [(line, message)] = problems("bank: b\ntitle: T\x07\n")
    assert line == 2 and "U+0007" in message


def test_a_file_that_is_not_utf8_is_reported_at_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("bank: b\ntitle: Leguía\n".encode("latin-1"))
    result = load_file(path)
    assert result.bank is None
    assert [str(e) for e in result.problems] == [f"{path}:2: the file is not UTF-8 text (byte 0xED on this "
                                        "line); save it again with the UTF-8 encoding"]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_file(path).problems == ()


def test_a_problem_reads_as_path_line_message():
    [error] = parse_yaml_bank("", "questions/x.yaml").problems
    assert str(error).startswith("questions/x.yaml:1: the file is empty")


def test_a_file_with_another_suffix_is_not_a_question_file(tmp_path):
    result = load_file(write(tmp_path, "notes.txt", GOOD))
    [error] = result.problems
    assert result.bank is None and "not a question file" in error.message


def test_the_parser_is_picked_by_the_longest_matching_suffix(tmp_path, monkeypatch):
    def fake(text, path):
        return ParseResult(None, (BankError(path, 1, "aiken"),))

    monkeypatch.setitem(loader.PARSERS, ".aiken.txt", fake)
    monkeypatch.setitem(loader.PARSERS, ".txt", parse_yaml_bank)
    assert load_file(write(tmp_path, "a.aiken.txt", "x")).problems[0].message == "aiken"


@given(st.text(max_size=12), st.sampled_from(known_suffixes()), st.booleans())
def test_a_name_s_known_suffix_is_the_longest_it_ends_in_whatever_its_case(stem, suffix, upper):
    name = stem + (suffix.upper() if upper else suffix)
    found = known_suffix(name)
    assert found in known_suffixes() and name.lower().endswith(found)
    assert len(found) >= len(suffix)  # `x.aiken.txt` is never taken for a `.txt` file
    assert parser_for(name) is loader.PARSERS[found]


def test_a_name_with_no_known_suffix_has_none_and_no_parser():
    assert known_suffix("notes.txt") == "" and parser_for("notes.txt") is None


def test_a_bad_file_does_not_stop_the_good_ones(tmp_path):
    write(tmp_path, "a-good.yaml", GOOD)
    write(tmp_path, "b-bad.yaml", "bank: b\ntitle: [T]\nfacts:\n  - id: f\n    text: x\n")
    write(tmp_path, "c-good.yml", GOOD.replace("bank: peru-us", "bank: other"))
    result = load_folder(tmp_path)
    assert [b.id for b in result.banks] == ["peru-us", "other"]
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'b-bad.yaml'}:2: 'title' must be text, not a list"]
    assert not result.ok


def test_a_folder_is_searched_at_any_depth_in_sorted_order(tmp_path):
    write(tmp_path, "z.yaml", GOOD.replace("peru-us", "z"))
    write(tmp_path, "a/b/deep.yml", GOOD.replace("peru-us", "deep"))
    write(tmp_path, "m.yaml", GOOD.replace("peru-us", "m"))
    assert [b.id for b in load_folder(tmp_path).banks] == ["deep", "m", "z"]


def test_hidden_files_and_other_suffixes_are_left_out(tmp_path):
    write(tmp_path, ".#lock.yaml", "not yaml: [")
    write(tmp_path, ".git/x.yaml", "not yaml: [")
    write(tmp_path, "readme.md", "# hello")
    write(tmp_path, "bank.yaml", GOOD)
    assert question_files(tmp_path) == [tmp_path / "bank.yaml"]


def test_a_second_file_with_a_loaded_bank_id_is_reported_at_its_bank_line(tmp_path):
    first = write(tmp_path, "a.yaml", GOOD)
    second = write(tmp_path, "b.yaml", "# a copy\n" + GOOD)
    result = load_folder(tmp_path)
    assert [b.path for b in result.banks] == [str(first)]
    assert [str(p) for p in result.problems] == [
        f"{second}:2: bank id 'peru-us' is already used by {first}; bank ids must be unique"]


def test_load_paths_mixes_files_and_folders_and_loads_each_file_once(tmp_path):
    single = write(tmp_path, "one/a.yaml", GOOD)
    write(tmp_path, "two/b.yaml", GOOD.replace("peru-us", "b"))
    result = load_paths([single, tmp_path / "two", tmp_path / "one"])
    assert [b.id for b in result.banks] == ["peru-us", "b"]
    assert result.ok


def test_load_paths_raises_for_a_path_that_does_not_exist(tmp_path):
    with pytest.raises(FileNotFoundError) as raised:
        load_paths([tmp_path / "nowhere"])
    assert raised.value.filename == str(tmp_path / "nowhere")


def test_load_folder_raises_for_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_folder(tmp_path / "nowhere")


def test_load_files_keeps_the_order_it_is_given(tmp_path):
    b = write(tmp_path, "b.yaml", GOOD.replace("peru-us", "b"))
    a = write(tmp_path, "a.yaml", GOOD.replace("peru-us", "a"))
    assert [x.id for x in load_files([b, a]).banks] == ["b", "a"]


def test_a_file_with_thousands_of_problems_lists_the_first_100_and_how_many_more(tmp_path):
    from quizapp.bank.loader import MAX_PROBLEMS, load_file

    broken = "\n".join(f"  - id: q{i}\n    type: choice\n    prompt: ''" for i in range(500))
    path = tmp_path / "many.yaml"
    path.write_text(f"bank: many\ntitle: Many\nquestions:\n{broken}\n")
    problems = load_file(path).problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert "more problems in this file (only the first 100 are listed)" in problems[-1].message
