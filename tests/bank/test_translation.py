"""Translations beside a bank (`<stem>.<lang>.yaml`): read, checked, and put in by position."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.generate import generate_questions
from quizapp.bank.loader import load_file, load_folder, load_paths
from quizapp.bank.model import Bank
from quizapp.bank.translation import Entry, Translation, translation_name
from quizapp.quiz.grade import grade
from tests.bank.test_generate import banks as generated_banks

BANK = """\
bank: tiny
title: A tiny bank
facts:
  - id: canal
    year: 1914
    when: "1914"
    text: The Panama Canal opens.
  - id: embassy
    year: 1920
    text: The U.S. mission becomes an embassy.
people:
  - id: leguia
    name: Augusto B. Leguía
    role: President of Peru
questions:
  - id: canal-year
    type: choice
    prompt: When did the canal open?
    choices: ["In 1914", "In 1916", "In 1920"]
    answer: "In 1914"
    explanation: It opened in 1914.
    facts: [canal]
  - id: pick
    type: multiple
    prompt: Which are true?
    choices: [Canal in 1914, Embassy in 1920, Canal in 1930]
    answers: [Canal in 1914, Embassy in 1920]
    facts: [canal, embassy]
  - id: order
    type: ordering
    prompt: Put them in order.
    items: [The canal opens, The embassy comes, The treaty is signed]
    facts: [canal, embassy]
"""

GOOD = """\
bank: tiny
title: Un banco pequeño
facts:
  - id: canal
    when: "1914"
    text: Se inaugura el canal de Panamá.
  - id: embassy
    text: La misión de EE. UU. pasa a ser embajada.
people:
  - id: leguia
    name: Augusto B. Leguía
    role: Presidente del Perú
questions:
  - id: canal-year
    prompt: ¿Cuándo se inauguró el canal?
    choices: ["En 1914", "En 1916", "En 1920"]
    explanation: Se inauguró en 1914.
  - id: pick
    prompt: ¿Cuáles son ciertas?
    choices: [Canal en 1914, Embajada en 1920, Canal en 1930]
  - id: order
    prompt: Ordénalos.
    items: [Se inaugura el canal, Llega la embajada, Se firma el tratado]
"""


def write(folder: Path, bank: str = BANK, es: str | None = GOOD) -> Path:
    (folder / "tiny.yaml").write_text(bank, encoding="utf-8")
    if es is not None:
        (folder / "tiny.es.yaml").write_text(textwrap.dedent(es), encoding="utf-8")
    return folder


def test_a_good_translation_is_read_beside_its_bank_and_never_as_a_bank(tmp_path):
    result = load_folder(write(tmp_path))
    assert result.ok and not result.notes
    assert [b.id for b in result.banks] == ["tiny"]
    bank = result.banks[0]
    assert bank.languages == ("es",)
    es = bank.translated("es")
    assert es.lang == "es" and es.original is bank and es.title == "Un banco pequeño"
    assert es.facts_by_id["canal"].text == "Se inaugura el canal de Panamá."
    assert es.people_by_id["leguia"].role == "Presidente del Perú"
    q = es.questions_by_id["canal-year"]
    assert q.prompt == "¿Cuándo se inauguró el canal?" and q.key == ("En 1914",)
    assert es.questions_by_id["pick"].key == ("Canal en 1914", "Embajada en 1920")
    assert es.questions_by_id["order"].key == (
        "Se inaugura el canal", "Llega la embajada", "Se firma el tratado")


def test_translated_is_cached_and_a_language_without_translation_is_the_bank(tmp_path):
    bank = load_folder(write(tmp_path)).banks[0]
    assert bank.translated("es") is bank.translated("es")
    assert bank.translated("fr") is bank
    assert bank.translated("en") is bank
    es = bank.translated("es")  # a translated bank turns back into its bank, or another language
    assert es.translated("en") is bank and es.translated("es") is es


def test_ids_years_grading_and_key_positions_are_the_banks(tmp_path):
    bank = load_folder(write(tmp_path)).banks[0]
    es = bank.translated("es")
    for mine, theirs in zip(bank.facts, es.facts, strict=True):
        assert (mine.id, mine.year, mine.until, mine.leader, mine.tags) == (
            theirs.id, theirs.year, theirs.until, theirs.leader, theirs.tags)
    for mine, theirs in zip(bank.questions, es.questions, strict=True):
        assert (mine.id, mine.type, mine.grading, mine.facts, mine.difficulty) == (
            theirs.id, theirs.type, theirs.grading, theirs.facts, theirs.difficulty)
        assert [mine.options.index(k) for k in mine.key] == [
            theirs.options.index(k) for k in theirs.key]


def test_a_translation_named_alone_checks_it_against_its_bank(tmp_path):
    write(tmp_path)
    result = load_paths([tmp_path / "tiny.es.yaml"])
    assert result.ok and [b.id for b in result.banks] == ["tiny"]
    assert result.banks[0].languages == ("es",)


def test_a_name_like_a_translation_without_a_bank_beside_it_is_a_bank(tmp_path):
    (tmp_path / "peru.us.yaml").write_text(BANK, encoding="utf-8")
    assert translation_name(tmp_path / "peru.us.yaml") is None
    assert [b.id for b in load_folder(tmp_path).banks] == ["tiny"]


def test_an_id_not_in_the_bank_is_a_problem_at_its_line_and_the_rest_is_used(tmp_path):
    wrong = GOOD.replace("  - id: embassy\n", "  - id: embasy\n")
    result = load_folder(write(tmp_path, es=wrong))
    assert not result.ok
    [problem] = result.problems
    assert problem.path.endswith("tiny.es.yaml") and problem.line == 7
    assert "fact 'embasy' is not one of the bank's" in problem.message
    bank = result.banks[0]  # the bank still loads, with what fits
    es = bank.translated("es")
    assert es.facts_by_id["canal"].text == "Se inaugura el canal de Panamá."
    assert es.facts_by_id["embassy"].text == "The U.S. mission becomes an embassy."
    assert any("fact 'embassy' has no es translation" in n.message for n in result.notes)


def test_a_different_number_of_choices_or_items_is_a_problem_and_left_untranslated(tmp_path):
    wrong = GOOD.replace('choices: ["En 1914", "En 1916", "En 1920"]',
                         'choices: ["En 1914", "En 1916"]')
    wrong = wrong.replace("items: [Se inaugura el canal, Llega la embajada, Se firma el tratado]",
                          "items: [Se inaugura el canal, Llega la embajada]")
    result = load_folder(write(tmp_path, es=wrong))
    messages = [(p.line, p.message) for p in result.problems]
    assert messages == [
        (16, "question 'canal-year': 2 choices translated, but the bank's question has 3; "
             "translate each, in the same order"),
        (23, "question 'order': 2 items translated, but the bank's question has 3; "
             "translate each, in the same order"),
    ]
    es = result.banks[0].translated("es")
    assert es.questions_by_id["canal-year"].options == ("In 1914", "In 1916", "In 1920")
    assert es.questions_by_id["pick"].options[0] == "Canal en 1914"


def test_options_translated_alike_are_a_problem(tmp_path):
    wrong = GOOD.replace("[Canal en 1914, Embajada en 1920, Canal en 1930]",
                         "[Canal en 1914, Canal en 1914, Canal en 1930]")
    result = load_folder(write(tmp_path, es=wrong))
    assert ["translated alike" in p.message for p in result.problems] == [True]


def test_what_is_untranslated_is_listed_in_the_notes_not_as_problems(tmp_path):
    partial = """\
    bank: tiny
    facts:
      - id: canal
        text: Se inaugura el canal de Panamá.
    questions:
      - id: pick
        prompt: ¿Cuáles son ciertas?
    """
    result = load_folder(write(tmp_path, es=partial))
    assert result.ok
    notes = sorted(str(n).split(": ", 1)[1] for n in result.notes)
    assert notes == [
        "fact 'canal': when not translated",
        "fact 'embassy' has no es translation in tiny.es.yaml",
        "person 'leguia' has no es translation in tiny.es.yaml",
        "question 'canal-year' has no es translation in tiny.es.yaml",
        "question 'order' has no es translation in tiny.es.yaml",
        "question 'pick': options not translated",
    ]
    assert result.banks[0].translated("es").questions_by_id["pick"].options == (
        "Canal in 1914", "Embassy in 1920", "Canal in 1930")


def test_a_translation_of_another_bank_or_with_bad_yaml_is_reported(tmp_path):
    result = load_folder(write(tmp_path, es=GOOD.replace("bank: tiny", "bank: other")))
    assert [p.line for p in result.problems] == [1]
    assert "names the bank it translates" in result.problems[0].message
    result = load_folder(write(tmp_path, es="bank: tiny\nfacts: [\n"))
    assert result.problems and result.problems[0].path.endswith("tiny.es.yaml")
    assert result.banks[0].languages == ()


def test_unknown_keys_in_a_translation_are_problems(tmp_path):
    wrong = GOOD.replace("    explanation: Se inauguró en 1914.\n",
                         "    explanation: Se inauguró en 1914.\n    answer: En 1914\n")
    result = load_file(write(tmp_path, es=wrong) / "tiny.yaml")
    assert any("unknown key 'answer'" in p.message for p in result.problems)


@st.composite
def answers(draw: st.DrawFn, bank: Bank) -> tuple[str, list[int] | int | None]:
    """A question id and an answer to it by position: one option, some, or an order."""
    question = draw(st.sampled_from(bank.questions))
    n = len(question.options)
    if question.type == "choice":
        return question.id, draw(st.none() | st.integers(0, n - 1))
    if question.type == "multiple":
        return question.id, draw(st.lists(st.integers(0, n - 1), unique=True, max_size=n))
    return question.id, draw(st.permutations(range(n)))


def _points(bank: Bank, question_id: str, answer: list[int] | int | None) -> float:
    question = bank.questions_by_id[question_id]
    if answer is None or isinstance(answer, int):
        response = None if answer is None else question.options[answer]
    else:
        response = [question.options[i] for i in answer]
    return grade(question.type, question.key, response, question.grading)


SHIPPED = Path(__file__).resolve().parents[2] / "questions" / "peru-us-relations.yaml"


@pytest.fixture(scope="module")
def shipped() -> Bank:
    bank = load_file(SHIPPED).bank
    assert bank is not None
    return bank


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_grading_an_answer_by_position_gives_the_same_points_in_both_languages(shipped, data):
    question_id, answer = data.draw(answers(shipped))
    es = shipped.translated("es")
    assert _points(shipped, question_id, answer) == _points(es, question_id, answer)


WHEN_ES = {"early on": "al principio", "in wartime": "en tiempos de guerra", "later": "después"}


def spanish_of(bank: Bank) -> Bank:
    """The bank with every fact, date and name translated (as a translation file would)."""
    facts = tuple(Entry(f.id, 0, {"text": f"Hecho {f.id[1:]}.",
                                  **({"when": WHEN_ES[f.when]} if f.when else {})})
                  for f in bank.facts)
    people = tuple(Entry(p.id, 0, {"name": p.name.replace("Person", "Persona")})
                   for p in bank.people)
    return replace(bank, translations=(Translation("es", "x.es.yaml", bank.id, facts=facts,
                                                   people=people),)).translated("es")


@settings(max_examples=100, deadline=None)
@given(generated_bank=generated_banks(), seed=st.integers(0, 1000))
def test_on_any_bank_the_spanish_questions_are_the_english_ones_worded_in_spanish(
        generated_bank, seed):
    english = generate_questions(generated_bank, seed)
    spanish = generate_questions(spanish_of(generated_bank), seed)
    assert [q.id for q in english] == [q.id for q in spanish]
    for en_q, es_q in zip(english, spanish, strict=True):
        assert (en_q.type, en_q.facts) == (es_q.type, es_q.facts)
        assert [en_q.options.index(k) for k in en_q.key] == [
            es_q.options.index(k) for k in es_q.key]
        assert len(set(es_q.options)) == len(es_q.options)
        assert "Fact" not in es_q.prompt + " ".join(es_q.options) + es_q.explanation
        assert es_q.prompt.startswith(("¿", "Ordena"))


def test_a_text_the_bank_has_not_is_a_problem_not_dropped_silently(tmp_path):
    extra = GOOD.replace("    text: La misión de EE. UU. pasa a ser embajada.\n",
                         "    text: La misión de EE. UU. pasa a ser embajada.\n"
                         "    when: en 1920\n")
    result = load_folder(write(tmp_path, es=extra))
    assert [(p.line, p.message) for p in result.problems] == [
        (7, "fact 'embassy': the bank's fact has no when to translate; leave it out")]
