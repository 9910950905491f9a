"""Dates as the text gives them: vague ones marked `approximate`, leaders only for what their
term covers, a timeline's extent in the text's words (bank/timeline.py, the YAML loader)."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank.generate import generate_questions
from quizapp.bank.loader import load_file
from quizapp.bank.model import Fact, Person
from quizapp.bank.timeline import covers, shown_extent
from quizapp.bank.yaml_bank import parse_yaml_bank
from tests.bank.test_loader_rules import fact
from tests.bank.test_shipped_bank import BANK_FILE

LEGUIA = Person("leguia", "Augusto B. Leguía", "President of Peru", 1919, 1930)
MID_SEVENTIES = Fact("revgov", "A military government rules.", 1968, 1976,
                     "1968 to the mid-1970s", approximate=True)


def test_a_term_covers_only_facts_wholly_inside_it():
    assert covers(LEGUIA, Fact("embassy", "An embassy.", 1920))
    assert covers(LEGUIA, Fact("term", "A term.", 1919, 1930))
    assert not covers(LEGUIA, Fact("peace", "Peace.", 1901, 1920))  # Leguía only from 1919
    assert not covers(LEGUIA, Fact("crash", "A crash.", 1931))
    assert not covers(LEGUIA, Fact("undated", "Undated."))


def test_a_term_with_no_end_or_a_vague_fact_is_covered_by_nothing():
    assert not covers(Person("p", "Manuel Prado", "President of Peru", 1939), Fact("f", "F.", 1939))
    assert not covers(Person("v", "A general", "Leader of Peru", 1968, 1980), MID_SEVENTIES)


@given(st.integers(1900, 2000), st.integers(0, 20), st.integers(1900, 2000), st.integers(0, 20))
def test_covering_means_every_year_of_the_fact_is_in_the_term(start, length, first, span):
    person = Person("p", "P", "President of Peru", start, start + length)
    event = Fact("f", "F.", first, first + span)
    every_year = all(start <= y <= start + length for y in range(first, first + span + 1))
    assert covers(person, event) == every_year


def test_a_timeline_runs_from_its_first_to_its_last_date_in_the_texts_words_where_vague():
    peace = Fact("peace", "Peace.", 1901, 1920, "the first two decades of the 20th century",
                 approximate=True)
    act = Fact("act", "An act.", 2002)
    assert shown_extent([peace, act]) == ("the first two decades of the 20th century", "2002")
    assert shown_extent([Fact("canal", "A canal.", 1914), MID_SEVENTIES]) == (
        "1914", "1968 to the mid-1970s")
    assert shown_extent([]) == ("", "")


def test_approximate_is_read_from_yaml_and_needs_a_year_and_words_to_show():
    text = load_file(BANK_FILE).bank
    vague = {f.id for f in text.facts if f.approximate}
    assert vague == {"peace-stability", "revgov-neutrality", "revgov-nationalisations",
                     "revgov-pluralism"}
    [(_, message)] = fact("id: f\ntext: Something.\napproximate: true\n")
    assert "'approximate' needs a 'year'" in message
    [(_, message)] = fact("id: f\ntext: Something.\nyear: 1970\napproximate: yes please\n")
    assert "must be true or false" in message
    ok = parse_yaml_bank("bank: b\ntitle: B\nfacts:\n  - id: f\n    text: F.\n    year: 1968\n"
                         "    when: the late 1960s\n    approximate: true\n", "b.yaml")
    assert ok.bank is not None and ok.bank.facts[0].approximate


def test_the_shipped_bank_dates_its_facts_as_the_text_does():
    bank = load_file(BANK_FILE).bank
    facts = bank.facts_by_id
    assert facts["peace-stability"].span == (1901, 1920)  # the 20th century begins in 1901
    assert facts["leguia-term"].span == (1919, 1930)
    assert facts["revgov-neutrality"].span == (1968, 1976)  # only to order it: shown in words
    order = next(q for q in bank.questions if q.id == "order-six-across-century")
    assert order.options[0].startswith("Under Leguía, U.S. influence is strong")


def test_a_year_the_text_does_not_give_is_never_asked_as_a_year():
    vague_year = Fact("f", "Something happens.", 1975, None, "around the mid-1970s",
                      approximate=True)
    bank = load_file(BANK_FILE).bank
    questions = generate_questions(replace(bank, facts=(*bank.facts, vague_year)), 0)
    assert not any("1975" in q.prompt for q in questions)
