"""Drafting a bank from a text: dates, periods and terms found, facts proposed as YAML that loads,
and, measured on the shipped text, how much of the hand-made bank a draft recovers."""

from __future__ import annotations

from collections import Counter

import pytest

from quizapp.bank.draft import NothingToDraft, draft_bank
from quizapp.bank.draft_dates import find_dates
from quizapp.bank.draft_text import collapse, people
from quizapp.bank.generate import generate_questions
from quizapp.bank.loader import load_file
from quizapp.bank.yaml_bank import parse_yaml_bank

from .draft_measure import REPO_ROOT, measure, shipped_text


@pytest.mark.parametrize(("sentence", "found"), [
    ("The canal opens in 1914.", [(1914, None, None)]),
    ("Leguía (1919-1930) governs.", [(1919, 1930, None)]),
    ("Leguía (1919–1930) governs.", [(1919, 1930, None)]),
    ("Leguía (1919–30) governs.", [(1919, 1930, None)]),
    ("from 1990 to 2000", [(1990, 2000, None)]),
    ("in power between 1968 and the mid 1970s", [(1968, 1976, "1968 to the mid 1970s")]),
    ("In the 1980s, debt.", [(1980, 1989, "the 1980s")]),
    ("The decade of 1980 was hard.", [(1980, 1989, "the 1980s")]),
    ("by the mid 1970s", [(1974, 1976, "the mid 1970s")]),
    ("In the first two decades of the 20th century", [(1901, 1920, "the first two decades of "
                                                      "the 20th century")]),
    ("In the two first decades of the 20th century",
     [(1901, 1920, "the two first decades of the 20th century")]),
    ("the late nineteenth century", [(1867, 1900, "the late nineteenth century")]),
    ("the last two decades of the 20th century", [(1981, 2000, "the last two decades of the "
                                                   "20th century")]),
    ("Europe during World War II", [(1939, 1945, "World War II")]),
    ("While the U.S. was participating in World War II", [(1941, 1945, "World War II")]),
    ("In 1968, during the Cold War", [(1968, None, None)]),  # a date of its own wins
    ("The agreement (1991) and, replaced in 2002, the act",
     [(1991, None, None), (2002, None, None)]),
    ("during the 20th century", []),  # a whole century is too broad for a timeline
    ("It grew 60% to 1,914 tonnes, $1999 and 2000% more", []),
    ("In 3020 or 0999", []),
])
def test_dates_and_periods_in_a_sentence(sentence, found):
    assert [(f.year, f.until, f.when) for f in find_dates(sentence)] == found


def test_people_with_their_terms_past_titles_and_a_government():
    text = ("During the term of President Augusto B. Leguía (1919-1930), trade grew. "
            "Alberto Fujimori’s Government (1990-2000) and Manuel Prado, twice president.")
    assert [(p.id, p.name, p.year, p.until) for p in people(text)] == [
        ("leguia", "Augusto B. Leguía", 1919, 1930), ("fujimori", "Alberto Fujimori", 1990, 2000)]


SMALL = """In 1914 the Panama Canal opens to ships.

During the term of President Augusto B. Leguía (1919-1930), U.S. capital grows in Peru. For the
first time it passes British investment. Later on, a dispute arises.

Leguía also builds roads across the country.

The Debt Crisis of the 1980s strikes Latin America. It was not until 1920 that an embassy opened.
"""


def small_draft():
    return draft_bank(SMALL, "small.txt", "small", "A small text")


def test_each_sentence_gives_a_fact_dated_by_its_own_words_or_its_context():
    facts = {f.cite[:20]: f for f in small_draft().facts}
    assert [(f.year, f.until, f.when, f.leader, f.from_context) for f in facts.values()] == [
        (1914, None, None, None, False),
        (1919, 1930, None, "leguia", False),
        (1919, 1930, None, "leguia", True),  # the period of the sentence before it
        (None, None, None, None, False),  # "Later on": not that period
        (1919, 1930, None, "leguia", True),  # names Leguía, whose term the text gives
        (1980, 1989, "the 1980s", None, False),
        (1920, None, None, None, False),
    ]
    texts = [f.text for f in facts.values()]
    assert texts[0] == "The Panama Canal opens to ships."  # the date taken out of the text
    assert texts[-1] == "An embassy opened."
    assert texts[1].startswith("During the term of President Augusto B. Leguía, U.S. capital")


def test_the_draft_loads_and_its_cites_are_phrases_of_the_source():
    draft = small_draft()
    result = parse_yaml_bank(draft.yaml, "small.yaml")
    assert result.problems == ()
    bank = result.bank
    assert [f.id for f in bank.facts] == [f.id for f in draft.facts]
    assert bank.people_by_id["leguia"].until == 1930
    assert "source: small.txt" in draft.yaml
    source = collapse(draft.source_text)
    assert all(collapse(f.cite) in source for f in draft.facts)
    assert draft.dated == 6 and len(draft.facts) == 7


def test_a_text_with_no_dates_gives_undated_facts_and_says_so():
    draft = draft_bank("Rivers run to the sea. The sea is salty and wide.", "t.txt", "t", "T")
    assert draft.dated == 0 and len(draft.facts) == 2
    assert "gives no dates" in draft.notes[0]
    assert parse_yaml_bank(draft.yaml, "t.yaml").problems == ()


def test_a_text_without_words_cannot_be_drafted():
    with pytest.raises(NothingToDraft, match="no sentences"):
        draft_bank("... !!! 12 --", "t.txt", "t", "T")


def peru_draft():
    path = shipped_text()
    if path is None:
        pytest.skip("the source text is neither in questions/ nor in ../shared/source/")
    return draft_bank(path.read_text("utf-8"), "peru-us-relations.txt", "peru-draft", "Peru")


def test_the_generator_makes_timeline_date_and_ordering_questions_from_a_draft_at_once():
    bank = parse_yaml_bank(peru_draft().yaml, "peru-draft.yaml").bank
    kinds = Counter(q.id.split("-")[1] for q in generate_questions(bank))
    assert {"order", "first", "last", "when", "year"} <= set(kinds)
    assert all(kinds[k] >= 5 for k in ("order", "first", "last", "when"))


def test_on_the_shipped_text_the_draft_recovers_the_banks_dated_facts():
    """The figures in the README and docs/question-files.md; the method is in draft_measure.py."""
    bank = load_file(REPO_ROOT / "questions" / "peru-us-relations.yaml").bank
    draft = peru_draft()
    m = measure(draft, bank)
    print(f"recovered {len(m.recovered)} of {len(m.recovered) + len(m.missed)} dated facts "
          f"({m.recall:.0%}); {len(m.wrong_year)} of {len(m.drafted_dated)} drafted dated facts "
          f"with a year the text does not give them ({m.wrong_share:.0%})")
    assert m.recall >= 0.85, m.missed
    assert m.wrong_share <= 0.10, [f.id for f in m.wrong_year]


def test_on_the_shipped_text_the_traps_are_kept():
    """Manuel Prado and Belaúnde each govern twice: the text gives neither a term, so no fact
    takes one from them; repeated captions are drafted once."""
    draft = peru_draft()
    assert {p.id for p in draft.people} == {"leguia", "fujimori"}
    prado = [f for f in draft.facts if "Prado" in f.cite]
    assert [f.year for f in prado] == [None, None, 1962]
    assert sum("JFK" in f.cite for f in draft.facts) == 1
    assert any("repeated" in note for note in draft.notes)


def test_hard_wrapped_lines_are_one_sentence_but_markdown_blocks_are_their_own():
    from quizapp.bank.draft_text import sentences

    text = ("# The canal\nIn 1914 the\ncanal opens to ships. Trade grows.\n- an item here\n"
            "- another item\n\nA new paragraph starts here.")
    assert [(s.text, s.paragraph) for s in sentences(text)] == [
        ("# The canal", 0), ("In 1914 the canal opens to ships.", 0), ("Trade grows.", 0),
        ("- an item here", 0), ("- another item", 0), ("A new paragraph starts here.", 1)]
    draft = draft_bank(text, "t.md", "t", "T")
    assert [f.cite for f in draft.facts][:1] == ["In 1914 the canal opens to ships."]  # no heading


def test_the_loader_takes_a_source_and_cites_as_texts():
    ok = "bank: b\ntitle: T\nsource: b.txt\nfacts:\n  - {id: f, text: x, cite: a phrase}\n"
    assert parse_yaml_bank(ok, "b.yaml").problems == ()
    bad = parse_yaml_bank(ok.replace("cite: a phrase", "cite: [a]"), "b.yaml").problems
    assert [(p.line, p.message) for p in bad] == [(5, "fact 'f': 'cite' must be text, not a list")]


def test_the_measure_tells_a_wrong_draft():
    """Every drafted year moved on by one: nothing is recovered and every dated fact is wrong."""
    from dataclasses import replace

    bank = load_file(REPO_ROOT / "questions" / "peru-us-relations.yaml").bank
    draft = peru_draft()
    moved = replace(draft, facts=tuple(
        replace(f, year=f.year + 1, until=f.until and f.until + 1) if f.year else f
        for f in draft.facts))
    m = measure(moved, bank)
    assert m.recovered == [] and len(m.wrong_year) == len(m.drafted_dated) == 20
