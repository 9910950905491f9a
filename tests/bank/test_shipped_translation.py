"""The shipped bank in Spanish (questions/peru-us-relations.es.yaml) and the generator's Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.bank.generate import Leaders, _words, generate_questions
from quizapp.bank.loader import load_folder
from quizapp.bank.model import Bank, Question
from quizapp.bank.wording import WORDINGS

FOLDER = Path(__file__).resolve().parents[2] / "questions"
# Words of English that Spanish never uses: one left in a Spanish text is a text not translated.
ENGLISH = frozenset(
    "the of and which what when who did does was were with in to for by its their this these "
    "that happen happened came first last put order they led then during after under between "
    "president government treaty trade united states peru".split()
)


@pytest.fixture(scope="module")
def bank() -> Bank:
    result = load_folder(FOLDER)
    assert result.ok, result.problems
    assert not result.notes, "the shipped translation leaves something untranslated"
    [found] = result.banks
    return found


@pytest.fixture(scope="module")
def es(bank: Bank) -> Bank:
    return bank.translated("es")


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[a-záéíóúñü]+", text.casefold())) & ENGLISH


def texts_of(question: Question) -> list[str]:
    return [question.prompt, *question.options, question.explanation]


def test_the_shipped_bank_is_translated_in_full(bank, es):
    assert bank.languages == ("es",)
    assert es.title != bank.title
    for mine, theirs in zip(bank.facts, es.facts, strict=True):
        assert theirs.text != mine.text, mine.id
        assert (theirs.when is None) == (mine.when is None), mine.id
    for mine, theirs in zip(bank.questions, es.questions, strict=True):
        assert theirs.prompt != mine.prompt, mine.id
        assert theirs.explanation != mine.explanation, mine.id


def test_no_english_is_left_in_the_spanish_texts(es):
    for fact in es.facts:
        assert not english_words(f"{fact.text} {fact.when or ''}"), fact.id
    for person in es.people:
        assert not english_words(person.role), person.id
    for question in es.questions:
        for text in texts_of(question):
            assert not english_words(text), (question.id, text)


def test_names_are_written_as_peruvians_write_them(es):
    names = {p.id: p.name for p in es.people}
    assert names["prado"] == "Manuel Prado Ugarteche"
    assert names["belaunde"] == "Fernando Belaúnde Terry"
    assert names["odria"] == "Manuel A. Odría"
    assert "ATPA" in es.facts_by_id["atpa"].text and "ATPDEA" in es.facts_by_id["atpdea"].text


def test_the_texts_vagueness_is_kept(bank, es):
    for mine, theirs in zip(bank.facts, es.facts, strict=True):
        years = set(re.findall(r"\d{4}", f"{mine.text} {mine.when or ''}"))
        # No year the English does not give (a vague date stays vague, a text gives no answer).
        assert set(re.findall(r"\d{4}", f"{theirs.text} {theirs.when or ''}")) <= years, mine.id
    assert es.facts_by_id["revgov-neutrality"].when == "de 1968 a mediados de los años setenta"
    assert es.facts_by_id["debt-crisis"].when == "la década de 1980"
    assert es.facts_by_id["leguia-term"].when == "de 1919 a 1930"


def test_a_fact_names_its_leader_in_spanish_only_where_it_does_in_english(bank, es):
    mine, theirs = Leaders(bank), Leaders(es)
    for en_fact, es_fact in zip(bank.facts, es.facts, strict=True):
        if en_fact.leader:
            named_en = not mine.name_parts[en_fact.leader].isdisjoint(_words(en_fact.text))
            named_es = not theirs.name_parts[es_fact.leader].isdisjoint(_words(es_fact.text))
            assert named_en == named_es, en_fact.id


def test_generated_questions_are_the_same_in_spanish_worded_in_spanish(bank, es):
    english = generate_questions(bank, 0)
    spanish = generate_questions(es, 0)
    assert [q.id for q in english] == [q.id for q in spanish]
    for en_q, es_q in zip(english, spanish, strict=True):
        assert (en_q.type, en_q.facts, en_q.difficulty, en_q.tags) == (
            es_q.type, es_q.facts, es_q.difficulty, es_q.tags)
        assert [en_q.options.index(k) for k in en_q.key] == [
            es_q.options.index(k) for k in es_q.key]
        assert len(set(es_q.options)) == len(es_q.options), es_q.id
        for text in texts_of(es_q):
            assert not english_words(text), (es_q.id, text)


def test_every_template_has_its_spanish_wording():
    english, spanish = WORDINGS["en"], WORDINGS["es"]
    for name, text in vars(spanish).items():
        assert text != getattr(english, name) or name == "dated"
        assert re.findall(r"{\w+}", text) == re.findall(r"{\w+}", getattr(english, name))
        assert not english_words(text.replace("{", " ").replace("}", " ")), name
