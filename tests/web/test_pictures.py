"""Pictures kept from a Moodle file: shown in the question, served by Quipu itself, safely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.teacher_helpers import sign_in_teacher
from tests.web.test_teacher_upload import upload

PICTURES = Path(__file__).parents[1] / "data" / "import" / "moodle" / "pictures.xml"
IMG = re.compile(r'<img class="picture" src="(/pictures/[0-9a-f]{64})" alt="([^"]*)">')


@pytest.fixture
def uploaded(client, auth, folder):
    """The teacher's upload of a Moodle file with an embedded picture; the upload page's text."""
    sign_in_teacher(auth)
    response = upload(client, PICTURES.read_bytes(), "pictures.xml")
    assert response.status_code == 200, response.text
    return response.text


def test_the_upload_saves_the_picture_and_warns_of_the_svg_and_the_sound(uploaded):
    assert "Saved pictures.xml: 3 questions went in" in uploaded and "To check: 2" in uploaded
    assert "treaty.svg: not a PNG, JPEG, GIF or WebP picture" in uploaded
    assert "speech.mp3" in uploaded


def test_the_preview_shows_the_picture_from_quipus_own_route(client, uploaded):
    page = client.get("/teacher/banks/pictures").text
    [(src, alt)] = IMG.findall(page)
    assert alt == "A blue band on the coast of northern Peru"
    response = client.get(src)
    assert response.status_code == 200 and response.data.startswith(b"\x89PNG")
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_quiz_on_the_bank_shows_the_picture_in_its_question_and_its_review(client, uploaded):
    response = client.post("/", data={"bank": "pictures", "mode": "mixed", "length": 3})
    assert response.status_code in (302, 303), response.text
    page = client.get(response.location).text
    [(src, _)] = IMG.findall(page)
    assert client.get(src).status_code == 200
    submitted = client.post(response.location, data={"confirm": "1"})
    assert submitted.status_code == 303
    review = client.get(submitted.location).text
    assert "of 1 point" in review and IMG.findall(review) == [
        (src, "A blue band on the coast of northern Peru")]


def test_an_unknown_or_malformed_picture_is_a_404_with_a_message(client, uploaded):
    for digest in ("0" * 64, "x", "A" * 64, "<b>", "a" * 300):
        response = client.get(f"/pictures/{digest}")
        assert response.status_code == 404
        assert "There is no such picture" in response.text


def test_pictures_are_for_signed_in_people(client, uploaded, auth):
    [(src, _)] = IMG.findall(client.get("/teacher/banks/pictures").text)
    auth.logout()
    assert client.get(src).status_code in (302, 401)
