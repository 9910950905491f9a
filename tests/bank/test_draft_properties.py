"""The drafter never crashes on any text, and what it drafts always loads."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.draft import NothingToDraft, draft_bank
from quizapp.bank.draft_text import collapse
from quizapp.bank.yaml_bank import parse_yaml_bank

QUICK = settings(max_examples=150, deadline=None)
WORDS = st.sampled_from(["the", "canal", "opens", "Peru", "trade", "grows", "President",
                         "Augusto", "B.", "Leguía", "(1919-1930)", "in", "1914", "the 1980s",
                         "mid", "1970s", "between 1968 and", "World War II", "U.S.", "Later",
                         "—", "1919–30", "Dr.", "e.g.", "’s", "Government", "(1991)", "20th",
                         "century", "first two decades of the", ":", ";", "#", "- ", "yes",
                         "null", "&", "*", "!", "?", "'", '"', "\n", "\n\n", "\xa0", "\t"])
sentences = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)
texts = st.one_of(st.text(max_size=400), st.lists(sentences, max_size=8).map(". ".join))


def check(text: str) -> None:
    try:
        draft = draft_bank(text, "t.txt", "t", "A title")
    except NothingToDraft:
        assert not re.search(r"[^\W\d_]", text)  # only a text without a letter
        return
    result = parse_yaml_bank(draft.yaml, "t.yaml")
    assert result.problems == (), (draft.yaml, result.problems)
    assert len(result.bank.facts) == len(draft.facts) >= 1
    source = collapse(draft.source_text)
    for fact in draft.facts:
        assert collapse(fact.cite) in source
        assert fact.until is None or fact.year is not None and fact.year < fact.until


@QUICK
@given(texts)
def test_any_text_gives_a_draft_that_loads(text):
    check(text)


@QUICK
@given(st.integers(1000, 2100), st.lists(sentences, max_size=3))
def test_a_year_a_sentence_gives_is_the_year_of_its_fact(year, others):
    text = f"In {year} the first thing happened here.\n\n" + ". ".join(others)
    draft = draft_bank(text, "t.txt", "t", "T")
    assert draft.facts[0].year == year and draft.facts[0].until is None
    check(text)


@QUICK
@given(texts)
def test_sentences_come_in_the_order_of_the_text_and_cover_its_words(text):
    from quizapp.bank.draft_text import printable, sentences

    text = printable(text)
    found = sentences(text)
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert [s.paragraph for s in found] == sorted(s.paragraph for s in found)
    assert "".join("".join(s.text.split()) for s in found) == "".join(text.split())
