"""bank/language.py: a bank's language, guessed from its words when its file does not say."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank.language import ENGLISH, SPANISH, guess_language
from quizapp.bank.loader import load_folder

SHIPPED = Path(__file__).resolve().parents[2] / "questions"


def test_the_shipped_bank_is_english_and_its_translation_spanish():
    bank = load_folder(SHIPPED).banks[0]
    assert bank.written_in == ENGLISH
    assert bank.translated(SPANISH).written_in == SPANISH
    translation = bank.translations[0]
    texts = [t for entry in (*translation.facts, *translation.questions)
             for t in entry.texts.values()]
    assert guess_language(texts) == SPANISH


def test_a_few_sentences_are_enough():
    assert guess_language(["Which president signed the treaty of 1929?"]) == ENGLISH
    assert guess_language(["¿Qué presidente firmó el tratado de 1929?"]) == SPANISH
    assert guess_language(["Haya de la Torre founded APRA in the 1920s."]) == ENGLISH


@given(st.lists(st.text(alphabet="0123456789 -–,.()", max_size=30), max_size=5))
def test_without_words_it_is_english(texts):
    assert guess_language(texts) == ENGLISH


BANK = """\
bank: b
title: A bank
{language}facts:
  - id: f
    text: The canal opens.
    year: 1914
"""


def test_a_file_may_say_its_language_and_only_one_quipu_speaks():
    from quizapp.bank.yaml_bank import parse_yaml_bank
    said = parse_yaml_bank(BANK.format(language="language: es\n"), "b.yaml").bank
    assert said is not None and said.language == SPANISH and said.written_in == SPANISH
    guessed = parse_yaml_bank(BANK.format(language=""), "b.yaml").bank
    assert guessed is not None and guessed.language == "" and guessed.written_in == ENGLISH
    wrong = parse_yaml_bank(BANK.format(language="language: fr\n"), "b.yaml")
    assert wrong.bank is None
    assert [str(p) for p in wrong.problems] == [
        "b.yaml:3: 'language' is 'fr': write en (English) or es (Spanish)"]
