"""Generated questions are worded in the language the bank's texts are in: a translation's, else
the bank's own (its file's `language:`, or guessed from its words), never English around
Spanish facts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.generate import TEMPLATES, generate_questions
from quizapp.bank.model import Bank, Fact, Person
from quizapp.bank.timeline import sentence
from quizapp.bank.wording import WORDINGS, bank_wording
from quizapp.bank.yaml_bank import parse_yaml_bank

PEOPLE = """\
people:
  - {id: leguia, name: Augusto B. Leguía, role: Presidente del Perú, year: 1919, until: 1930}
  - {id: odria, name: Manuel A. Odría, role: Presidente del Perú, year: 1948, until: 1956}
  - {id: velasco, name: Juan Velasco Alvarado, role: Presidente del Perú, year: 1968, until: 1975}
  - {id: garcia, name: Alan García Pérez, role: Presidente del Perú, year: 1985, until: 1990}
"""
# Dated facts apart from each other, some with their leader: every template has something.
FACTS = (
    ("canal", 1914, None, "Se inaugura el canal de Panamá y crece el intercambio con el Perú."),
    ("comercio", 1916, None, "El comercio entre los dos países da un salto en un solo año."),
    ("embajada", 1921, "leguia", "La misión diplomática en Lima pasa a ser una embajada."),
    ("prestamo", 1927, "leguia", "Los bancos de Nueva York prestan dinero para obras públicas."),
    ("pacto", 1952, "odria", "Los dos gobiernos firman un pacto de ayuda militar."),
    ("petroleo", 1969, "velasco", "El gobierno expropia la compañía petrolera del norte."),
    ("pesca", 1971, "velasco", "Se captura un barco pesquero dentro de las doscientas millas."),
    ("deuda", 1986, "garcia", "El país limita el pago de la deuda externa a una parte de sus "
                              "exportaciones."),
    ("aduana", 1994, None, "Se abre una nueva oficina de aduanas en el puerto del Callao."),
)
ENGLISH = re.compile(r"\b(Which|When did|Who led|Put these|happened|came first|came last|led "
                     r"Peru)\b")


def spanish_yaml(language: str = "language: es\n") -> str:
    facts = "".join(
        f"  - id: {i}\n    year: {year}\n    text: {text}\n"
        + (f"    leader: {leader}\n" if leader else "")
        for i, year, leader, text in FACTS)
    return (f"bank: relaciones\ntitle: El Perú y Estados Unidos\n{language}facts:\n{facts}"
            f"{PEOPLE}")


def bank_of(text: str) -> Bank:
    result = parse_yaml_bank(text, "relaciones.yaml")
    assert result.bank is not None, [str(p) for p in result.problems]
    return result.bank


def prompts_and_texts(bank: Bank) -> list[str]:
    return [t for q in generate_questions(bank, 0)
            for t in (q.prompt, q.explanation or "", *q.options)]


def test_a_bank_written_in_spanish_gets_every_generated_question_in_spanish():
    for said in ("language: es\n", ""):  # said in the file, or guessed from its words
        bank = bank_of(spanish_yaml(said))
        assert bank.written_in == "es" and bank.lang == ""
        questions = generate_questions(bank, 0)
        prompts = {q.prompt for q in questions}
        spanish = WORDINGS["es"]
        # Every template fired, each with its Spanish sentence.
        assert len(questions) >= len(TEMPLATES)
        assert {spanish.first, spanish.last, spanish.order} <= prompts
        assert any(p.startswith("¿Cuál de estos hechos ocurrió en ") for p in prompts)
        assert any(p.startswith("¿Cuándo ocurrió lo siguiente?") for p in prompts)
        assert any(p.startswith("¿Quién gobernaba el Perú") for p in prompts)
        assert any("En ese entonces gobernaba el Perú" in (q.explanation or "")
                   for q in questions)
        for text in prompts_and_texts(bank):
            assert not ENGLISH.search(text), text
            assert " — " not in text, text  # the English way of dating a sentence


def test_an_english_bank_keeps_its_english_wording():
    english = spanish_yaml("language: en\n")
    bank = bank_of(english)
    assert bank_wording(bank) is WORDINGS["en"]
    prompts = {q.prompt for q in generate_questions(bank, 0)}
    assert "Which of these came first?" in prompts


def test_timeline_sentence_is_in_the_bank_s_language():
    spanish_bank = bank_of(spanish_yaml())
    fact = spanish_bank.facts_by_id["canal"]
    assert sentence(fact, spanish_bank) == (
        "Se inaugura el canal de Panamá y crece el intercambio con el Perú (1914).")
    english_bank = bank_of(spanish_yaml("language: en\n"))
    assert sentence(english_bank.facts_by_id["canal"], english_bank) == (
        "Se inaugura el canal de Panamá y crece el intercambio con el Perú — 1914.")


SPANISH_WORDS = ("el", "la", "de", "que", "los", "del", "por", "con", "una", "fue")
ENGLISH_WORDS = ("the", "of", "and", "was", "with", "from", "which", "that", "by", "after")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SPANISH_WORDS), min_size=3, max_size=6),
                min_size=6, max_size=6),
       st.lists(st.sampled_from(ENGLISH_WORDS), max_size=2))
def test_any_bank_guessed_spanish_is_worded_in_spanish(sentences, english):
    """Whatever the Spanish words of its facts (and a few English ones among them), a bank
    whose words are Spanish gets the Spanish table; its questions never hold an English
    template's sentence."""
    texts = [" ".join([f"Hecho{i}", *words, *english[:1]]) + "." for i, words in
             enumerate(sentences)]
    people = (Person("p1", "Primero Uno", "Presidente del Perú", 1900, 1910),
              Person("p2", "Segundo Dos", "Presidente del Perú", 1930, 1940),
              Person("p3", "Tercero Tres", "Presidente del Perú", 1960, 1970))
    facts = tuple(Fact(f"f{i}", text, 1901 + 15 * i, leader=people[i % 3].id if i % 2 else None)
                  for i, text in enumerate(texts))
    bank = Bank("b", "Un banco", facts, people)
    assert bank.written_in == "es"
    assert bank_wording(bank) is WORDINGS["es"]
    english_sentences = set(vars(WORDINGS["en"]).values()) - {"{text} — {label}.",
                                                                "{start}–{end}"}
    for question in generate_questions(bank, 0):
        for sentence_ in english_sentences:
            fixed = sentence_.split("{")[0]
            assert not fixed or fixed not in question.prompt, (fixed, question.prompt)
