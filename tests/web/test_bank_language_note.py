"""A page showing a bank's questions or facts says once, near its top, when they are not in the
reader's language: the bank has no translation into it, or its translation leaves some out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.services import catalog
from quizapp.services.language import bank_language_note

SHIPPED = Path(__file__).resolve().parents[2] / "questions"
SHIPPED_BANK = "peru-us-relations"
WHOLE = "Este banco está en inglés: sus preguntas se muestran en inglés."
PART = "Algunas preguntas de este banco están en inglés."
TEXT = "El texto está en inglés; los hechos a su lado están en tu idioma."
ENGLISH = ("This bank is in English", "Some of this bank’s questions are in English")


def spanish(client):
    assert client.post("/language", data={"language": "es"}).status_code == 303


def pages(client, bank):
    """Each page that shows the bank's questions or facts, by name: the timeline, the text,
    practice (its start and a question), an open quiz and a quiz's review."""
    shown = {"timeline": client.get(f"/study/{bank}"),
             "text": client.get(f"/study/{bank}/text"),
             "practice start": client.get(f"/study/{bank}/practice")}
    question = client.post(f"/study/{bank}/practice").location
    shown["practice"] = client.get(question)
    started = client.post("/", data={"bank": bank, "mode": "mixed", "length": 3})
    assert started.status_code == 303, started.text
    shown["quiz"] = client.get(started.location)
    assert client.post(started.location, data={"confirm": "1"}).status_code == 303
    shown["review"] = client.get(started.location)
    for name, page in shown.items():
        assert page.status_code == 200, (name, page.text)
    return {name: page.text for name, page in shown.items()}


@pytest.fixture
def shipped(app, tmp_path):
    """The shipped bank, its Spanish translation and its text."""
    folder = tmp_path / "shipped"
    shutil.copytree(SHIPPED, folder)
    catalog.init_app(app, catalog.Catalog(folder))
    return folder


def test_a_bank_without_spanish_is_said_to_be_in_english_once_on_each_page(client, signed_in):
    spanish(client)
    for name, page in pages(client, "sample").items():
        assert page.count(WHOLE) == 1, name
        assert page.index(WHOLE) < page.index("</h1>") + 1500, name  # near the top


def test_in_english_no_page_says_anything_of_the_bank_s_language(client, signed_in):
    for name, page in pages(client, "sample").items():
        assert not any(words in page for words in ENGLISH), name
        assert "bank-language" not in page, name


def test_the_shipped_bank_read_in_spanish_says_nothing_it_is_all_in_spanish(
        client, signed_in, shipped):
    spanish(client)
    for name, page in pages(client, SHIPPED_BANK).items():
        if name == "text":  # its text is English: said once; its facts are in Spanish
            assert page.count(TEXT) == 1 and WHOLE not in page and PART not in page
            assert "Se inaugura el canal de Panamá" in page
        else:
            assert WHOLE not in page and PART not in page and "bank-language" not in page, name


def test_a_translation_that_leaves_questions_out_says_some_are_in_english(
        client, signed_in, shipped):
    path = shipped / f"{SHIPPED_BANK}.es.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("\nquestions:")[0] + "\n",
                    encoding="utf-8")
    spanish(client)
    for name, page in pages(client, SHIPPED_BANK).items():
        assert page.count(TEXT if name == "text" else PART) == 1 and WHOLE not in page, name


SPANISH_BANK = """\
bank: andes
title: Los Andes en el siglo XX
{language}facts:
  - id: canal
    text: Se inaugura el canal de Panamá y cambia el comercio de la costa del Pacífico.
    year: 1914
questions:
  - id: q1
    type: choice
    prompt: ¿En qué año se inaugura el canal de Panamá?
    choices: ["1914", "1929", "1945"]
    answer: "1914"
    facts: [canal]
"""


@pytest.mark.parametrize("language", ["language: es\n", ""])  # said in its file, or guessed
def test_a_bank_in_spanish_is_said_to_be_in_spanish_to_an_english_reader(
        app, client, signed_in, tmp_path, language):
    folder = tmp_path / "andes"
    folder.mkdir()
    (folder / "andes.yaml").write_text(SPANISH_BANK.format(language=language), encoding="utf-8")
    catalog.init_app(app, catalog.Catalog(folder))
    timeline = client.get("/study/andes").text
    assert timeline.count("This bank is in Spanish: its questions are shown in Spanish.") == 1
    spanish(client)
    assert "bank-language" not in client.get("/study/andes").text


def test_the_rule_is_one_function_of_the_bank_and_the_reader_s_language(app, shipped):
    with app.test_request_context(headers={"Accept-Language": "es"}):
        assert bank_language_note(SHIPPED_BANK, "es") is None
        assert bank_language_note(SHIPPED_BANK, "en") is None
        assert bank_language_note(SHIPPED_BANK, "fr") == WHOLE  # no French translation
        assert bank_language_note("no-such-bank", "es") is None
    with app.test_request_context():
        assert str(bank_language_note(SHIPPED_BANK, "fr")) == (
            "This bank is in English: its questions are shown in English.")


def test_a_translated_bank_s_title_is_in_the_reader_s_language_on_every_student_page(
        client, signed_in, shipped):
    spanish(client)
    english_title = "Peru and the United States in the 20th century"
    for path in ("/", "/progress", f"/study/{SHIPPED_BANK}", f"/study/{SHIPPED_BANK}/text",
                 f"/study/{SHIPPED_BANK}/practice"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "El Perú y Estados Unidos en el siglo XX" in page.text, path
        assert english_title not in page.text, path
