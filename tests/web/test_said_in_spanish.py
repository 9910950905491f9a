"""Messages that were built in English before they were read, now said in the reader's language:
a name's problems (guest, registration, live game), the bank editor's row buttons, the draft form,
the ordering question's "How to answer", and who names a shipped bank's co-owners."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.editor_helpers import form_of
from tests.web.teacher_helpers import sign_in_teacher
from tests.web.test_draft_pages import draft
from tests.web.test_live_pages import csrf, host_game
from tests.web.test_teacher_upload import upload

ES = {"Accept-Language": "es-PE,es;q=0.9"}
DATA = Path(__file__).resolve().parents[1] / "data"
SMALL = (DATA / "good" / "small.yaml").read_bytes()
EDIT = "/teacher/banks/small/edit"


# -- names (services/names.py) ------------------------------------------------------------------

@pytest.mark.parametrize(("name", "spanish", "english"), [
    ("x" * 500, "Escribe un nombre visible de 80 caracteres como máximo.",
     "Give a display name of at most 80 characters."),
    ("\x00\x01", "Un nombre visible no puede tener caracteres de control",
     "A display name cannot hold control characters such as tabs or line breaks."),
    ("Ann\u202e", "Un nombre visible no puede tener caracteres que cambien la dirección",
     "A display name cannot hold characters that change the direction of the text around it."),
    ("\u200b\u200b", "Escribe un nombre visible con al menos una letra",
     "Give a display name with at least one letter, digit or symbol you can see."),
])
def test_a_guest_name_s_problem_is_said_in_spanish(client, name, spanish, english):
    refused = client.post("/guest", data={"display_name": name}, headers=ES)
    assert refused.status_code == 400 and spanish in refused.text
    assert english not in refused.text
    assert english in client.post("/guest", data={"display_name": name}).text


def test_a_username_s_problem_is_said_in_spanish(client):
    values = {"username": "x" * 300, "password": "long enough", "confirm": "long enough"}
    refused = client.post("/register", data=values, headers=ES)
    assert refused.status_code == 400
    assert "Escribe un nombre de usuario de 40 caracteres como máximo." in refused.text
    assert "Give a username of at most 40 characters." in client.post("/register", data=values).text


@pytest.mark.parametrize(("nickname", "spanish", "english"), [
    ("x" * 300, "Escribe un apodo de 24 caracteres como máximo.",
     "Give a nickname of at most 24 characters."),
    ("a\x01b", "Un apodo no puede tener caracteres de control, como tabulaciones o saltos de línea.",
     "A nickname cannot hold control characters such as tabs or line breaks."),
    ("\u202eab", "Un apodo no puede tener caracteres que cambien la dirección del texto",
     "A nickname cannot hold characters that change the direction of the text around it."),
    ("   ", "Escribe un apodo con al menos una letra, un dígito o un símbolo visible.",
     "Give a nickname with at least one letter, digit or symbol you can see."),
])
def test_a_nickname_s_problem_is_said_in_spanish(app, auth, nickname, spanish, english):
    pin, _ = host_game(app, app.test_client(), auth)
    phone = app.test_client()
    token = csrf(phone, "/live")
    refused = phone.post("/live", data={"csrf_token": token, "pin": pin, "nickname": nickname},
                         headers=ES)
    assert refused.status_code == 400 and spanish in refused.text
    assert english not in refused.text
    again = phone.post("/live", data={"csrf_token": token, "pin": pin, "nickname": nickname})
    assert english in again.text


def test_the_api_s_live_join_says_a_nickname_s_problem_in_spanish(app, auth):
    pin, _ = host_game(app, app.test_client(), auth)
    refused = app.test_client().post(f"/api/v1/live/{pin}/players", json={"nickname": "x" * 300},
                                     headers=ES)
    assert refused.status_code == 400, refused.text
    assert refused.get_json()["error"] == "Escribe un apodo de 24 caracteres como máximo."


# -- the bank editor's buttons (web/teacher/editor_form.py) -------------------------------------

@pytest.fixture
def people(app, auth):
    return {name: auth.create(name, role=role) for name, role in
            [("msq", "teacher"), ("mrr", "teacher")]}


@pytest.fixture
def small(app, folder, people, as_):
    """small.yaml uploaded by Ms Q: hers; her client asks for Spanish."""
    msq = as_("msq")
    assert upload(msq, SMALL, "small.yaml").status_code == 303
    msq.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    return msq


@pytest.mark.parametrize(("section", "said"), [
    ("facts", "Se agregó un hecho vacío al final: complétalo."),
    ("people", "Se agregó una persona vacía al final: complétala."),
    ("questions", "Se agregó una pregunta vacía al final: complétala."),
])
def test_adding_a_row_is_said_in_spanish_with_the_noun_s_gender(folder, small, section, said):
    form = form_of(small.get(EDIT).text)
    page = small.post(EDIT, data=form | {"do": f"add:{section}"}).text
    assert said in page and "Added an empty" not in page


def test_removing_a_row_is_said_in_spanish(folder, small):
    page = small.post(EDIT, data=form_of(small.get(EDIT).text) | {"do": "remove:facts:0"}).text
    assert "Se quitó el hecho canal. No se guarda nada hasta que presiones Guardar." in page
    page = small.post(EDIT, data=form_of(page) | {"do": "remove:questions:0"}).text
    assert "Se quitó la pregunta embassy-year. No se guarda nada" in page
    page = small.post(EDIT, data=form_of(page) | {"do": "remove:people:0"}).text
    assert "Se quitó la persona leguia. No se guarda nada" in page and "Removed the" not in page
    gone = small.post(EDIT, data=form_of(page) | {"do": "remove:questions:999"}).text
    assert "Esa fila ya no está en el formulario." in gone


def test_a_row_without_an_id_is_removed_by_its_number(folder, small):
    form = form_of(small.post(EDIT, data=form_of(small.get(EDIT).text) | {"do": "add:facts"}).text)
    last = max(int(key.split("-")[1]) for key in form if key.startswith("facts-"))
    page = small.post(EDIT, data=form | {"do": f"remove:facts:{last}"}).text
    assert f"Se quitó el hecho número {last + 1}." in page
    english = small.post(EDIT, data=form | {"do": f"remove:facts:{last}"},
                         headers={"Accept-Language": "en"}).text
    assert f"Removed the fact number {last + 1}. Nothing is saved until you press Save." in english


def test_a_full_section_is_said_whole_in_each_language(app):
    from quizapp.services.bank_editor import MAX_ROWS
    from quizapp.web.teacher.editor_form import Draft, Row, apply_button
    draft = Draft()
    draft.rows = {"facts": [Row()] * MAX_ROWS, "people": [Row()] * MAX_ROWS, "questions": []}
    assert str(apply_button(draft, "add:people", "")) == (
        f"A bank holds at most {MAX_ROWS} people here.")
    with app.test_request_context("/", headers=ES):
        assert str(apply_button(draft, "add:facts", "")) == (
            f"Aquí un banco tiene como máximo {MAX_ROWS} hechos.")
        assert str(apply_button(draft, "add:people", "")) == (
            f"Aquí un banco tiene como máximo {MAX_ROWS} personas.")


# -- who names a shipped bank's co-owners (services/bank_editors.py) -----------------------------

def test_a_shipped_bank_s_co_owners_are_named_by_the_admins_said_whole(folder, people, as_):
    (folder / "small.yaml").write_bytes(SMALL)  # came with Quipu
    mrr = as_("mrr")
    refused = mrr.post("/teacher/banks/small/editors", data={"username": "msq"}, headers=ES)
    assert refused.status_code == 403
    assert "vino con Quipu: solo los administradores nombran a sus copropietarios." in refused.text
    assert "(the admins)" not in refused.text and "(los administradores)" not in refused.text
    english = mrr.post("/teacher/banks/small/editors", data={"username": "msq"})
    assert "came with Quipu: only the admins name its co-owners." in english.text


# -- the draft form (web/teacher/drafts.py) -----------------------------------------------------

def test_the_draft_form_is_in_spanish(client, auth, folder):
    sign_in_teacher(auth)
    page = client.get("/teacher/banks/draft", headers=ES).text
    for words in ("Título del nuevo banco", "Pega el texto", "O elige un archivo",
                  "Lo ven los estudiantes; el nombre del banco se forma a partir de él.",
                  "Un archivo .txt, .md o .html de 1024 KB como máximo, en UTF-8."):
        assert words in page, words
    assert "Title of the new bank" not in page and "Paste the text" not in page
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    huge = draft(client, text="a" * (2 * 1024 * 1024 + 70_000))
    assert huge.status_code == 413
    assert "El texto pesa más de 1024 KB, así que no se hizo ningún borrador" in huge.text


# -- "How to answer" (web/quiz_page.py) ---------------------------------------------------------

def test_an_ordering_question_s_folded_help_is_in_spanish(client, signed_in, quiz):
    attempt = quiz.start(mode="ordering", length=1)
    page = client.get(f"/attempts/{attempt}", headers=ES).text
    assert "<summary>Cómo responder</summary>" in page and "How to answer" not in page
    assert "<summary>How to answer</summary>" in client.get(f"/attempts/{attempt}").text
