"""A bank's content in the reader's language on every student page and in the API: a translated
bank's title and facts where the reader's language has its translation, and the questions made
from a bank's facts in the language the bank is written in (a Spanish bank is not asked about in
English). English pages and answers are as they were."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quizapp import clock as clock_module
from quizapp.services import catalog, limits
from tests.bank.test_wording_language import spanish_yaml
from tests.web.api_helpers import add_learner, bearer

SHIPPED = Path(__file__).resolve().parents[2] / "questions"
BANK = "peru-us-relations"
TITLE_EN = "Peru and the United States in the 20th century"
TITLE_ES = "El Perú y Estados Unidos en el siglo XX"
FACT_EN = "Trade between Peru and the United States jumps 60 percent in a single year."
FACT_ES = "El comercio entre el Perú y Estados Unidos da un salto de 60 % en un solo año."
SPANISH_BANK = "relaciones"
ALONE = "solo"  # the same bank in Spanish, its language guessed, with no translation
# The English templates' sentences (bank/wording.py) and the way they date a fact.
ENGLISH_TEMPLATES = re.compile(r"Which of these|When did this happen|Who led Peru|Put these "
                               r"events|led Peru then")
SPANISH = {"Accept-Language": "es"}


@pytest.fixture
def banks(app, tmp_path):
    """The shipped bank with its Spanish translation, and a bank written in Spanish with an
    English translation of some of its texts."""
    folder = tmp_path / "questions"
    shutil.copytree(SHIPPED, folder)
    (folder / f"{SPANISH_BANK}.yaml").write_text(spanish_yaml(), encoding="utf-8")
    (folder / f"{ALONE}.yaml").write_text(spanish_yaml("").replace(
        f"bank: {SPANISH_BANK}", f"bank: {ALONE}"), encoding="utf-8")
    (folder / f"{SPANISH_BANK}.en.yaml").write_text(
        f"bank: {SPANISH_BANK}\ntitle: Peru and the United States\nfacts:\n"
        "  - id: canal\n    text: The Panama Canal opens.\n", encoding="utf-8")
    catalog.init_app(app, catalog.Catalog(folder))
    return folder


def spanish(client):
    assert client.post("/language", data={"language": "es"}).status_code == 303


def quiz_page(client, bank, length=10):
    started = client.post("/", data={"bank": bank, "mode": "mixed", "length": length})
    assert started.status_code == 303, started.text
    page = client.get(started.location)
    assert page.status_code == 200
    return page.text


def practice_page(client, bank):
    question = client.post(f"/study/{bank}/practice")
    assert question.status_code == 303, question.text
    page = client.get(question.location)
    assert page.status_code == 200
    return page.text


# 6. Questions made from a Spanish bank's facts are in Spanish, whatever the reader's language.


@pytest.mark.parametrize(("reader", "bank"), [("es", SPANISH_BANK), ("es", ALONE), ("en", ALONE)])
def test_a_spanish_bank_s_quiz_and_practice_are_asked_in_spanish(client, signed_in, banks,
                                                                 reader, bank):
    """In Spanish, and in English where the bank has no English translation."""
    if reader == "es":
        spanish(client)
    quiz = quiz_page(client, bank, 20)
    assert "¿Cuál de estos hechos" in quiz or "¿Cuándo ocurrió" in quiz or "Ordena" in quiz
    assert not ENGLISH_TEMPLATES.search(quiz)
    for _ in range(3):
        assert not ENGLISH_TEMPLATES.search(practice_page(client, bank))


def test_a_spanish_bank_s_english_translation_is_worded_in_english(client, signed_in, banks):
    quiz = quiz_page(client, SPANISH_BANK, 20)
    assert ENGLISH_TEMPLATES.search(quiz) and "¿Cuál de estos hechos" not in quiz


def test_a_spanish_bank_s_english_translation_is_not_what_a_spanish_reader_is_asked(
        client, signed_in, banks):
    """The quiz is drawn from the bank's own pool, not from its translation into English."""
    spanish(client)
    quiz = quiz_page(client, SPANISH_BANK, 20)
    assert "The Panama Canal opens" not in quiz and not ENGLISH_TEMPLATES.search(quiz)


def test_the_editor_s_preview_of_a_spanish_bank_is_in_spanish(app, tmp_path, auth):
    from tests.web.test_teacher_upload import upload

    folder = tmp_path / "teacher"
    folder.mkdir()
    catalog.init_app(app, catalog.Catalog(folder))
    auth.create("msq", role="teacher")
    teacher = app.test_client()
    assert teacher.post("/login", data={"username": "msq", "password": "correct horse battery"}
                        ).status_code in (302, 303)
    assert upload(teacher, spanish_yaml("").encode(), f"{SPANISH_BANK}.yaml").status_code == 303
    page = teacher.get(f"/teacher/banks/{SPANISH_BANK}/edit").text
    assert "¿Cuál de estos hechos ocurrió primero?" in page
    assert not ENGLISH_TEMPLATES.search(page)


def test_the_shipped_bank_s_english_questions_are_unchanged(client, signed_in, banks):
    quiz = quiz_page(client, BANK, 20)
    assert ENGLISH_TEMPLATES.search(quiz) or "?" in quiz
    assert "¿Cuál de estos hechos" not in quiz


# 7. The practice page's title.


def test_the_practice_page_is_titled_in_the_reader_s_language(client, signed_in, banks):
    assert f"Practise: {TITLE_EN}" in practice_page(client, BANK)
    spanish(client)
    page = practice_page(client, BANK)
    assert TITLE_ES in page and TITLE_EN not in page
    fact = client.post(f"/study/{BANK}/practice", data={"fact": "trade-60"}).location
    page = client.get(fact).text
    assert FACT_ES in page and FACT_EN not in page


# 8. The open quizzes to finish first (409), on the page and in the API.


def test_the_quizzes_to_finish_first_are_titled_in_the_reader_s_language(client, auth, banks):
    auth.create("stu")
    auth.login("stu")
    spanish(client)
    for _ in range(limits.OPEN_QUIZZES):
        quiz_page(client, BANK, 3)
    page = client.post("/", data={"bank": BANK, "mode": "mixed", "length": 3})
    assert page.status_code == 409
    assert page.text.count(TITLE_ES) >= limits.OPEN_QUIZZES and TITLE_EN not in page.text
    home = client.get("/").text  # "Continue your quiz: ..."
    assert f"Continúa tu cuestionario: {TITLE_ES}" in home and TITLE_EN not in home


def test_the_api_s_409_and_today_title_the_bank_in_accept_language_s_language(app, client,
                                                                             banks):
    ana = bearer(add_learner(app, "ana"))
    for _ in range(limits.OPEN_QUIZZES):
        assert client.post("/api/v1/attempts", json={"bank": BANK, "mode": "mixed", "length": 3},
                           headers=ana).status_code == 201
    refused = client.post("/api/v1/attempts", json={"bank": BANK, "mode": "mixed", "length": 3},
                          headers={**ana, **SPANISH})
    assert refused.status_code == 409
    assert {q["bank_title"] for q in refused.json["open"]} == {TITLE_ES}
    english = client.post("/api/v1/attempts", json={"bank": BANK, "mode": "mixed", "length": 3}, headers=ana)
    assert {q["bank_title"] for q in english.json["open"]} == {TITLE_EN}
    today = client.get("/api/v1/today", headers={**ana, **SPANISH}).json
    assert {q["title"] for q in today["open"]} == {TITLE_ES}
    assert {q["title"] for q in client.get("/api/v1/today", headers=ana).json["open"]} == {
        TITLE_EN}


# 9. Progress: each fact in the reader's language.


def test_progress_lists_facts_in_the_reader_s_language(client, signed_in, banks):
    question = client.post(f"/study/{BANK}/practice", data={"fact": "trade-60"}).location
    assert client.post(question, data={}).status_code == 303  # answered (blank): the fact is met
    english = client.get("/progress").text
    assert FACT_EN in english and FACT_ES not in english
    spanish(client)
    page = client.get("/progress").text
    assert FACT_ES in page and FACT_EN not in page


def test_the_api_s_progress_gives_facts_in_accept_language_s_language(app, client, banks):
    ana = bearer(add_learner(app, "ana"))
    texts = {f["id"]: f["text"] for f in client.get("/api/v1/progress", headers={
        **ana, **SPANISH}).json["facts"] if f["bank"] == BANK}
    assert texts["trade-60"] == FACT_ES
    english = {f["id"]: f["text"] for f in client.get("/api/v1/progress", headers=ana).json[
        "facts"] if f["bank"] == BANK}
    assert english["trade-60"] == FACT_EN


# 10. The API's list of banks, and a paused bank's message.


def test_the_api_lists_banks_titled_in_accept_language_s_language(app, client, banks):
    ana = bearer(add_learner(app, "ana"))
    spanish_titles = {b["id"]: b["title"] for b in client.get(
        "/api/v1/banks", headers={**ana, **SPANISH}).json}
    english_titles = {b["id"]: b["title"] for b in client.get("/api/v1/banks", headers=ana).json}
    assert spanish_titles[BANK] == TITLE_ES and english_titles[BANK] == TITLE_EN
    assert spanish_titles[SPANISH_BANK] == "El Perú y Estados Unidos"
    assert english_titles[SPANISH_BANK] == "Peru and the United States"


def test_a_paused_bank_is_named_in_the_reader_s_language(app, client, auth, banks):
    from quizapp.services.catalog import set_exam_only

    teacher = auth.create("msq", role="teacher")
    with app.app_context():
        set_exam_only(teacher, BANK, True, clock_module.now())
    ana = bearer(add_learner(app, "ana"))
    listed = {b["id"]: b for b in client.get("/api/v1/banks", headers={**ana, **SPANISH}).json}
    assert TITLE_ES in listed[BANK]["paused"]["message"]
    english = {b["id"]: b for b in client.get("/api/v1/banks", headers=ana).json}
    assert TITLE_EN in english[BANK]["paused"]["message"]
    auth.create("stu")
    auth.login("stu")
    spanish(client)
    page = client.get(f"/study/{BANK}")
    assert page.status_code == 403 and TITLE_ES in page.text and TITLE_EN not in page.text


@pytest.mark.parametrize(("lang", "english"), [("es", False), ("en", True), ("", True)])
def test_a_live_game_is_worded_in_its_host_s_language(app, banks, lang, english):
    from quizapp.extensions import db
    from quizapp.models import Learner
    from quizapp.services import live
    with app.app_context():
        host = Learner(username="teach", display_name="Teach", role="teacher")
        db.session.add(host)
        db.session.commit()
        game = live.create_game(host, BANK, "mixed", 10, 20, lang=lang)
        prompts = " ".join(q["snapshot"]["prompt"] for q in game.questions)
    assert bool(ENGLISH_TEMPLATES.search(prompts) or re.search(r"\b(the|Which|What)\b", prompts)
                ) is english, prompts
