"""Dates, times, numbers and the pages' words in the request's language (Babel)."""

from datetime import datetime, timedelta

import pytest

from quizapp.services.rules import percent_text, said, shown, shown_day
from quizapp.web.filters import mode, points

MOMENT = datetime(2026, 12, 3, 9, 40)


@pytest.fixture
def spanish(app):
    with app.test_request_context("/", headers={"Accept-Language": "es-PE"}):
        yield


@pytest.fixture
def english(app):
    with app.test_request_context("/"):
        yield


def test_a_date_and_time_in_spanish(spanish):
    assert shown(MOMENT) == "3 de diciembre de 2026, 9:40 UTC"
    assert shown_day(MOMENT) == "3 de diciembre de 2026"


def test_a_date_and_time_in_english_as_before(english):
    assert shown(MOMENT) == "3 Dec 2026, 09:40 UTC"
    assert shown_day(MOMENT) == "3 Dec 2026"


def test_percent_and_points_in_spanish(spanish):
    assert percent_text(45) == "45\u00a0%"
    assert percent_text(66.7) == "66,7\u00a0%"
    assert percent_text(None) == ""
    assert points(0.67) == "0,67"
    assert points(1.0) == "1"


def test_percent_and_points_in_english(english):
    assert percent_text(45) == "45%"
    assert percent_text(33.3) == "33.3%"
    assert points(0.5) == "0.5"


def test_times_in_words_in_spanish(clock, spanish):
    now = clock()  # 2 Mar 2026, 9:00 UTC
    assert said(now) == "hace un momento"
    assert said(now - timedelta(minutes=5)) == "hace 5 minutos"
    assert said(now - timedelta(minutes=1)) == "hace 1 minuto"
    assert said(now + timedelta(minutes=20)) == "en 20 minutos"
    assert said(now - timedelta(days=3)) == "hace 3 días"
    assert said(now + timedelta(hours=2, minutes=5)) == "hoy a las 11:05 UTC"
    assert said(now - timedelta(hours=20)) == "ayer a las 13:00 UTC"


def test_modes_in_spanish(spanish):
    assert mode("mixed") == "mixto"
    assert mode("unknown") == "unknown"


def test_the_home_page_in_spanish(client):
    page = client.get("/", headers={"Accept-Language": "es"}).text
    for words in ("Empieza un cuestionario", "Empezar el cuestionario", "Bancos de preguntas",
                  "Número de preguntas", "Mixto: preguntas de alternativas y de ordenar"):
        assert words in page


def test_a_quiz_and_its_review_in_spanish(client, auth, quiz):
    auth.guest("Ana")
    client.post("/language", data={"language": "es", "next": "/"})
    attempt = quiz.start(length=3)
    page = client.get(f"/attempts/{attempt}").text
    assert '<html lang="es">' in page
    assert "Pregunta 1" in page and "Enviar mis respuestas" in page
    response = client.post(f"/attempts/{attempt}", data={**quiz.right_form(attempt),
                                                         "action": "submit"})
    assert response.status_code == 303
    review = client.get(f"/attempts/{attempt}").text
    assert "Tus resultados" in review
    assert "100\u00a0%" in review
    assert "3 de 3 puntos" in review


def test_a_form_error_in_spanish(client):
    page = client.post("/register", data={"username": "ana", "password": "x" * 12,
                                          "confirm": "y" * 12},
                       headers={"Accept-Language": "es"}).text
    assert "Las dos contraseñas no coinciden." in page


def test_an_error_page_in_spanish(client):
    page = client.get("/no-such-page", headers={"Accept-Language": "es"})
    assert page.status_code == 404
    assert "No encontrado" in page.text and "Aquí no hay nada, o no es tuyo." in page.text


def test_the_api_answers_a_service_s_refusal_in_spanish(app, client):
    from tests.web.api_helpers import add_learner, bearer, start
    token = add_learner(app, "api-ana")
    spanish = bearer(token) | {"Accept-Language": "es-PE, es;q=0.9"}
    response = start(client, spanish, bank="nope")
    assert response.status_code == 400
    assert response.get_json()["error"] == "No existe el banco de preguntas 'nope'."
    response = start(client, spanish, length=99)
    assert response.get_json()["error"] == "Un cuestionario tiene de 1 a 50 preguntas."
    english = start(client, bearer(token), bank="nope").get_json()["error"]
    assert english == "There is no question bank 'nope'."


def test_a_service_error_is_read_in_the_language_of_whoever_reads_it(app):
    from quizapp.services.errors import Invalid
    from quizapp.services.language import checked
    try:
        checked("fr")
    except Invalid as e:
        refusal = e
    assert refusal.message == "Choose a language among en, es."  # outside a request: English
    with app.test_request_context("/", headers={"Accept-Language": "es"}):
        assert refusal.message == "Elige un idioma entre en, es."
        assert str(refusal) == "Elige un idioma entre en, es."


def test_a_taken_username_in_spanish(client, auth):
    auth.create("ana")
    page = client.post("/register", data={"username": "ANA", "password": "x" * 12,
                                          "confirm": "x" * 12},
                       headers={"Accept-Language": "es"}).text
    assert "El nombre de usuario &#39;ANA&#39; ya está en uso" in page


def test_the_study_and_join_pages_in_spanish(client, auth):
    spanish = {"Accept-Language": "es"}
    timeline = client.get("/study/sample", headers=spanish).text
    assert "Los hechos del texto en el orden en que ocurrieron" in timeline
    assert "Practicar este banco" in timeline
    assert "¿Tienes un código de tu docente?" in client.get("/", headers=spanish).text
    page = client.get("/join?code=", headers=spanish)
    assert page.status_code == 400 and "Escribe el código que te dio tu docente." in page.text
    auth.guest("Ana")
    unknown = client.get("/join/ZZZZZZ", headers=spanish)
    assert "Ningún cuestionario tiene el código &#39;ZZZZZZ&#39;" in unknown.text
    assert "Empezar a practicar" in client.get("/study/sample/practice", headers=spanish).text
    progress = client.get("/progress", headers=spanish).text
    assert "Tu racha y tu meta diaria" in progress and "Lo que sabes" in progress
    goal = client.post("/progress/goal", data={"goal": 5}, headers=spanish,
                       follow_redirects=True).text
    assert "Tu meta diaria ahora es 5 hechos al día." in goal


def test_the_points_in_words_in_spanish(spanish):
    from quizapp.quiz.explain import points_in_words
    from quizapp.quiz.snapshot import Snapshot
    from quizapp.services.review import said
    multiple = Snapshot("q", "multiple", "?", (), ("a", "b", "c"))
    assert points_in_words(multiple, ["a", "x"], said) == \
        "1 de 3 respuestas correctas elegidas, 1 incorrecta: 0 puntos"
    assert points_in_words(multiple, ["a", "b", "c"], said) == \
        "3 de 3 respuestas correctas elegidas, 0 incorrectas: 1 punto"
    order = Snapshot("q", "ordering", "?", (), ("a", "b", "c"))
    assert points_in_words(order, ["a", "c", "b"], said) == \
        "2 de 3 pares en el orden correcto: 0,67 puntos"
    assert points_in_words(order, None, said) == "Sin responder: 0 puntos"


def test_the_api_s_own_refusals_in_spanish(client):
    response = client.post("/api/v1/attempts", json={}, headers={"Accept-Language": "es"})
    assert response.status_code == 401
    assert response.get_json()["error"].startswith("Envía 'Authorization: Bearer <token>'")
    response = client.post("/api/v1/tokens", data="[]", headers={"Accept-Language": "es"})
    assert response.get_json()["error"].startswith("Envía un objeto JSON como cuerpo")


def test_when_facts_come_back_in_spanish(spanish):
    from quizapp.web.filters import back_words
    assert back_words("due now", count=17) == "pendientes ahora"
    assert back_words("due today") == "pendiente hoy"
    assert back_words("tomorrow", alone=True) == "vuelve mañana"
    assert back_words("in 3 days") == "en 3 días"
    assert back_words("in 8 days", alone=True) == "vuelve en 8 días"


def test_when_facts_come_back_in_english_as_before(english):
    from quizapp.web.filters import back_words
    assert back_words("due now", count=17) == "due now"
    assert back_words("tomorrow", alone=True) == "back tomorrow"
    assert back_words("in 3 days") == "in 3 days"
    assert back_words("in 8 days", alone=True) == "back in 8 days"
