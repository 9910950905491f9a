"""The quiz domain's words reach a person in their language: a quiz that cannot be built, answers
that do not fit, item analysis' flags, and every HTTP error's page and JSON (never Werkzeug's
English)."""

from __future__ import annotations

import pytest
from flask import abort
from werkzeug.exceptions import default_exceptions

from quizapp.bank.model import LoadResult
from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import catalog, live
from quizapp.services.errors import Unbuildable
from quizapp.web.errors import TITLES
from tests.sample_bank import SAMPLE_BANK
from tests.web.api_helpers import CHOICES_BANK, add_learner, bearer
from tests.web.teacher_helpers import at, sign_in_admin, take

ES = {"Accept-Language": "es-PE,es;q=0.9"}
CLIENT_ERRORS = sorted(code for code in default_exceptions if 400 <= code < 500)


@pytest.fixture
def two_banks(app):
    catalog.init_app(app, catalog.Catalog("unused", load=lambda folder: LoadResult(
        banks=(SAMPLE_BANK, CHOICES_BANK)), questions=lambda bank: bank.questions))


def spanish(client):
    assert client.post("/language", data={"language": "es"}).status_code == 303


# -- the domain's errors, through their pages and the API ---------------------------------------

def test_a_review_with_nothing_due_is_refused_in_spanish(client, signed_in):
    english = client.post("/study/sample/review")
    assert english.status_code == 422 and "Nothing in this bank is due for review" in english.text
    spanish(client)
    page = client.post("/study/sample/review")
    assert page.status_code == 422
    assert "Todavía no hay nada de este banco para repasar" in page.text
    assert "Nothing in this bank" not in page.text


def test_a_mode_the_bank_cannot_make_is_refused_naming_the_mode_in_spanish(
        client, signed_in, two_banks):
    english = client.post("/", data={"bank": "choices", "mode": "ordering", "length": 5})
    assert english.status_code == 422
    assert "this bank has no questions for a ordering quiz: choose another mode or bank." \
        in english.text
    spanish(client)
    page = client.post("/", data={"bank": "choices", "mode": "ordering", "length": 5})
    assert page.status_code == 422
    assert ("este banco no tiene preguntas para un cuestionario de ordenar: elige otro modo o "
            "banco.") in page.text


def test_the_api_refuses_a_mode_the_bank_cannot_make_in_spanish(app, client, two_banks):
    token = bearer(add_learner(app, "ana"))
    body = {"bank": "choices", "mode": "ordering", "length": 5}
    english = client.post("/api/v1/attempts", json=body, headers=token)
    spanish_ = client.post("/api/v1/attempts", json=body, headers={**token, **ES})
    assert (english.status_code, spanish_.status_code) == (422, 422)
    assert english.json["error"].startswith("this bank has no questions for a ordering quiz")
    assert spanish_.json["error"] == ("este banco no tiene preguntas para un cuestionario de "
                                      "ordenar: elige otro modo o banco.")


def test_a_tampered_answer_to_the_api_is_refused_in_spanish_saying_why(app, client):
    token = bearer(add_learner(app, "ana"))
    started = client.post("/api/v1/attempts", json={"bank": "sample", "mode": "choice",
                                                    "length": 4}, headers=token).json
    item = next(i for i in started["items"] if i["type"] == "choice")  # not a multiple one
    url = f"/api/v1/attempts/{started['id']}/answers"
    unknown = client.post(url, json={"answers": {"nope": "x"}}, headers={**token, **ES})
    assert unknown.status_code == 400
    assert unknown.json["error"] == ("Esas respuestas no corresponden a este cuestionario: este "
                                     "intento no tiene esos ítems: nope.")
    shape = client.post(url, json={"answers": {item["id"]: ["x"]}}, headers={**token, **ES})
    assert shape.status_code == 400
    assert shape.json["error"] == (
        f"Esas respuestas no corresponden a este cuestionario: ítem {item['id']}: la respuesta "
        "a una pregunta de alternativas (una sola respuesta correcta) es el id de una de sus "
        "alternativas.")
    english = client.post(url, json={"answers": {item["id"]: ["x"]}}, headers=token)
    assert english.json["error"] == (
        f"Those answers do not fit this quiz: item {item['id']}: the answer to a single-choice "
        "question is one of its option ids.")


def test_a_live_game_the_bank_cannot_make_is_refused_in_spanish(app, two_banks):
    with app.app_context():
        host = Learner(username="teach", display_name="Teach", role="teacher")
        db.session.add(host)
        db.session.commit()
        with pytest.raises(Unbuildable) as refused:
            live.create_game(host, "choices", "ordering", 5, 20)
        with app.test_request_context(headers=ES):  # said in the language of who reads it
            assert refused.value.message == (
                "este banco no tiene preguntas para un cuestionario de ordenar: elige otro tipo "
                "de preguntas u otro banco.")
        assert refused.value.message.startswith("this bank has no questions for a ordering")


def test_the_item_analysis_flags_are_said_in_spanish(app, client, auth):
    sign_in_admin(auth)
    for i in range(10):
        take(app, f"L{i}", right={"embassy-year"}, started=at(1))
    english = client.get("/teacher/banks/sample/analysis").text
    assert "Very hard: check the key and the wording." in english
    spanish(client)
    page = client.get("/teacher/banks/sample/analysis").text
    assert "Muy difícil: revisa la clave y la redacción." in page  # nobody got order-all right
    assert "Muy fácil: casi todos la responden bien" in page  # everyone got embassy-year right
    assert "Very hard" not in page and "Very easy" not in page


# -- HTTP errors ---------------------------------------------------------------------------------

@pytest.fixture
def refusing(app):
    """/refuse/<code> and /api/v1/refuse/<code>: an HTTP error raised as Werkzeug words it."""
    def refuse(code):
        abort(code)

    app.add_url_rule("/refuse/<int:code>", view_func=refuse)
    app.add_url_rule("/api/v1/refuse/<int:code>", endpoint="api_refuse", view_func=refuse)


@pytest.mark.parametrize("code", CLIENT_ERRORS)
def test_every_client_error_says_what_to_do_in_both_languages_never_werkzeug_s_words(
        client, refusing, code):
    werkzeug = default_exceptions[code].description
    pages = {}
    for lang, headers in (("en", {}), ("es", ES)):
        page = client.get(f"/refuse/{code}", headers=headers)
        api = client.get(f"/api/v1/refuse/{code}", headers=headers)
        assert (page.status_code, api.status_code) == (code, code)
        assert werkzeug not in page.text and api.json["error"] != werkzeug
        assert f'<html lang="{lang}">' in page.text
        pages[lang] = (page.text, api.json["error"])
    assert pages["en"][0] != pages["es"][0] and pages["en"][1] != pages["es"][1]
    if code in TITLES:
        assert f"<h1>{TITLES[code]}</h1>" in pages["en"][0]


@pytest.mark.parametrize(("code", "title", "message"), [
    (400, "Esa solicitud no funcionó", "Esta página no pudo leer lo que se envió"),
    (403, "No permitido", "Tu cuenta no puede abrir esto"),
    (405, "Método no permitido", "Esta dirección no acepta ese tipo de solicitud"),
    (413, "Demasiado a la vez", "Lo que se envió es demasiado grande para leerlo"),
    (429, "Demasiados a la vez", "Demasiadas solicitudes en poco tiempo"),
])
def test_the_common_client_errors_in_spanish(client, refusing, code, title, message):
    page = client.get(f"/refuse/{code}", headers=ES)
    assert page.status_code == code
    assert f"<h1>{title}</h1>" in page.text and message in page.text


def test_a_wrong_method_is_a_spanish_page_that_keeps_its_allow_header(client):
    page = client.get("/logout", headers=ES)
    assert page.status_code == 405 and "POST" in page.headers["Allow"]
    assert "<h1>Método no permitido</h1>" in page.text
    assert "Esta dirección no acepta ese tipo de solicitud" in page.text
    english = client.get("/logout")
    assert "This address does not take that kind of request" in english.text


def test_a_body_too_large_is_refused_in_spanish(client):
    big = b"x" * (256 * 1024 + 1)
    page = client.post("/", data=big, headers={**ES, "Content-Type": "text/plain"})
    assert page.status_code == 413 and "<h1>Demasiado a la vez</h1>" in page.text
    assert "La solicitud pesa más de 256 KB, así que no se leyó" in page.text
    api = client.post("/api/v1/tokens", data=big, headers={**ES, "Content-Type": "text/plain"})
    assert api.status_code == 413 and api.json["error"].startswith("La solicitud pesa más de")


def test_a_student_on_the_teacher_s_pages_is_refused_in_spanish(client, auth):
    auth.create("sam")
    auth.login("sam")
    english = client.get("/teacher/")
    assert english.status_code == 403 and "These pages are for teachers." in english.text
    spanish(client)
    page = client.get("/teacher/")
    assert page.status_code == 403 and "<h1>No permitido</h1>" in page.text
    assert "Estas páginas son para docentes. Consulta con un docente si necesitas verlas." in page.text
