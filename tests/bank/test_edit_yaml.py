"""The editor's draft of a YAML bank: read, written back and checked by the loader's rules, each
problem placed at its field's path; keys the editor does not show carried through (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank.changes import summary
from quizapp.bank.edit_draft import Row, blank, read_draft
from quizapp.bank.edit_yaml import check_draft, scalar, write_draft
from quizapp.bank.yaml_bank import parse_yaml_bank

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (ROOT / "questions" / "peru-us-relations.yaml").read_text()
SMALL = (ROOT / "tests" / "data" / "good" / "small.yaml").read_text()


def entries(bank):
    """The bank's entries without where they stand in their file (lines move when it is rewritten)."""
    return [replace(e, line=0) for e in bank.people + bank.questions] + [
        replace(f, line=0, quote_line=0) for f in bank.facts]


def test_the_shipped_bank_written_back_is_the_same_bank():
    before = parse_yaml_bank(SHIPPED, "a.yaml").bank
    checked = check_draft(read_draft(SHIPPED))
    assert checked.problems == {}
    assert entries(checked.bank) == entries(before)
    assert (checked.bank.id, checked.bank.title) == (before.id, before.title)


def test_the_small_bank_is_read_as_form_fields():
    draft = read_draft(SMALL)
    assert draft.get("bank") == "small"
    choice, multiple, ordering = draft.rows["questions"]
    assert choice.get("choices") == "1914\n1916\n1920\n1952"
    assert choice.get("facts") == "embassy"
    assert multiple.get("answers") == "1920\n1925"
    assert ordering.get("facts") == "canal, embassy"
    assert draft.rows["people"][0].get("until") == "1930"


def test_keys_the_editor_does_not_show_are_carried_through_unchanged():
    text = SMALL.replace("title: A small bank", "title: A small bank\nsource: peru.txt")
    text = text.replace("    text: The Panama Canal opens.\n",
                        "    text: The Panama Canal opens.\n    cite: \"the canal: opened\"\n")
    draft = read_draft(text)
    assert yaml.safe_load(draft.extra) == {"source": "peru.txt"}
    assert yaml.safe_load(draft.rows["facts"][0].extra) == {"cite": "the canal: opened"}
    draft.rows["facts"][0].fields["text"] = "The canal opens."
    written = yaml.safe_load(write_draft(draft).text)
    assert written["source"] == "peru.txt"
    assert written["facts"][0] == {"id": "canal", "year": 1914, "text": "The canal opens.",
                                   "cite": "the canal: opened"}


def test_each_problem_is_placed_beside_its_field():
    draft = read_draft(SMALL)
    draft.rows["facts"][1].fields["year"] = "19x0"
    draft.rows["facts"][0].fields["until"] = "1900"
    draft.rows["questions"][0].fields["answer"] = "1921"
    draft.rows["questions"][1].fields["choices"] += "\n1914"
    draft.rows["questions"][2].fields["facts"] = "canal, nowhere"
    draft.rows["people"][0].fields["name"] = ""
    problems = check_draft(draft).problems
    assert set(problems) == {"facts.1.year", "facts.0.until", "questions.0.answer",
                             "questions.1.choices", "questions.2.facts", "people.0.name"}
    assert "must be a whole number" in problems["facts.1.year"][0]
    assert "until 1900 is before year 1914" in problems["facts.0.until"][0]
    assert "'nowhere' is not one of the facts" in problems["questions.2.facts"][0]
    assert "listed twice" in problems["questions.1.choices"][0]


def test_a_question_writes_only_its_types_fields():
    draft = blank("new-bank", "New")
    draft.rows["facts"] = []
    draft.rows["questions"].append(Row({"id": "q", "type": "ordering", "prompt": "Order?",
                                        "choices": "a\nb", "answer": "a",
                                        "items": "one\ntwo\nthree", "grading": "exact"}))
    checked = check_draft(draft)
    assert checked.problems == {}
    question = checked.bank.questions[0]
    assert (question.options, question.grading) == (("one", "two", "three"), "exact")


def test_a_new_blank_bank_names_its_empty_fields():
    problems = check_draft(blank()).problems
    assert {"bank", "title", "facts.0.id", "facts.0.text"} <= set(problems)


def test_a_tampered_extra_is_dropped_not_written():
    draft = read_draft(SMALL)
    draft.extra = "[not, a, mapping"
    draft.rows["facts"][0].extra = "- a list"
    assert check_draft(draft).problems == {}


@given(st.text(max_size=40))
def test_any_typed_text_is_one_line_of_yaml_that_reads_back_as_typed(text):
    written = scalar(text)
    assert "\n" not in written
    try:
        assert yaml.safe_load(f"x: {written}")["x"] == text
    except yaml.YAMLError:  # only characters YAML refuses in any form: the loader names them
        assert any(not c.isprintable() for c in text)


@given(st.text(min_size=1, max_size=30).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_fact_text_is_saved_as_typed(text):
    draft = read_draft(SMALL)
    draft.rows["facts"][0].fields["text"] = text
    checked = check_draft(draft)
    if checked.bank is not None:
        assert checked.bank.facts[0].text == text.strip()
    else:  # a character YAML refuses: named, at the field or the line
        assert checked.problems


def test_what_changed_is_said_in_short():
    before = parse_yaml_bank(SMALL, "a").bank
    draft = read_draft(SMALL)
    draft.rows["facts"][0].fields["text"] = "The canal opens at last."
    draft.rows["facts"][1].fields["year"] = "1921"
    draft.rows["questions"].append(Row({"id": "new", "type": "choice", "prompt": "P?",
                                        "choices": "a\nb", "answer": "a"}))
    after = check_draft(draft).bank
    assert summary(before, after) == "2 facts changed, 1 question added"
    assert summary(before, before) == "no change to its facts, people or questions"
    assert summary(None, after) == "a file that did not load replaced by a good one"
