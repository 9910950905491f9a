"""The teacher's pages: who may see them, the dashboard, the preview, and user text kept as text."""

from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest

from quizapp.bank.gift import parse_gift
from quizapp.bank.model import LoadResult
from quizapp.bank.moodle_xml import parse_moodle_xml
from quizapp.services import catalog
from tests.sample_bank import QUESTIONS, SAMPLE_BANK
from tests.web.teacher_helpers import (
    ESCAPED,
    XSS,
    learner_id,
    make_class,
    sign_in_admin,
    sign_in_teacher,
    take,
)

SAMPLE_VALUES = {"bank_id": "sample", "learner_id": 1, "attempt_id": "none", "code": "ABCDEF",
                 "file_format": "xml", "class_id": 1, "teacher_id": 1, "version_id": 1,
                 "pin": "123456"}


def teacher_routes(app):
    """(method, url) of every route of the teacher blueprint, with made-up values filled in."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint.startswith("teacher."):
                url = rule.build({k: SAMPLE_VALUES[k] for k in rule.arguments})[1]
                found += [(m, url) for m in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def test_the_teacher_blueprint_has_every_page_the_issue_asks_for(app):
    urls = {url for _, url in teacher_routes(app)}
    assert {"/teacher/", "/teacher/upload", "/teacher/results", "/teacher/results/attempts.csv",
            "/teacher/results/items.csv", "/teacher/banks/sample", "/teacher/banks/sample/analysis",
            "/teacher/assignments", "/teacher/classes", "/teacher/classes/1",
            "/teacher/classes/1/members", "/teacher/classes/1/members/1/remove",
            "/teacher/classes/1/teachers", "/teacher/classes/1/teachers/1/remove"} <= urls


def test_a_student_gets_403_on_every_teacher_page(app, client, auth):
    auth.create("stu")
    auth.login("stu")
    for method, url in teacher_routes(app):
        response = client.open(url, method=method)
        assert response.status_code == 403, (method, url)
    assert "for teachers" in client.get("/teacher/").text


def test_a_visitor_not_signed_in_is_sent_to_sign_in_from_every_teacher_page(app, client):
    for method, url in teacher_routes(app):
        response = client.open(url, method=method)
        assert response.status_code == 302, (method, url)
        assert response.location.startswith("/login?next=")


def test_signing_in_as_a_teacher_comes_back_to_the_page_asked_for(client, auth):
    auth.create("teach", role="teacher")
    sent = client.get("/teacher/banks/sample?from=menu").location
    response = auth.login("teach", next=parse_qs(urlsplit(sent).query)["next"][0])
    assert response.location == "/teacher/banks/sample?from=menu"


def test_a_teacher_sees_the_dashboard_with_each_bank_and_the_menu_link(client, auth):
    sign_in_teacher(auth)
    page = client.get("/teacher/").text
    assert "A sample bank" in page and "/teacher/banks/sample" in page
    assert "/teacher/banks/sample/analysis" in page
    assert 'href="/teacher/"' in client.get("/").text  # the menu leads teachers here


def test_a_student_has_no_teacher_link_in_the_menu(client, auth):
    auth.create("stu")
    auth.login("stu")
    assert 'href="/teacher/"' not in client.get("/").text


def test_the_preview_shows_every_written_question_with_its_key_and_explanation(client, auth):
    sign_in_teacher(auth)
    page = client.get("/teacher/banks/sample").text
    for q in QUESTIONS:
        assert q.prompt in page
    assert page.count("✓ key") == 1 + 1 + 2  # one key each for two choice questions, two for multiple
    assert "It opened in 1920." in page
    assert "The right order" in page


@pytest.mark.parametrize(("file_format", "parse"), [("xml", parse_moodle_xml), ("gift", parse_gift)])
def test_a_teacher_downloads_a_bank_for_moodle_and_it_imports_back(client, auth, file_format, parse):
    sign_in_teacher(auth)
    assert f"/teacher/banks/sample/export.{file_format}" in client.get("/teacher/").text
    response = client.get(f"/teacher/banks/sample/export.{file_format}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="sample.{file_format}"'
    back = parse(response.text, f"sample.{file_format}")
    assert back.problems == ()  # every type, ordering included, in both formats
    assert [(q.type, q.prompt, q.options, q.key) for q in back.bank.questions] == [
        (q.type, q.prompt, q.options, q.key) for q in QUESTIONS]


def test_exporting_an_unknown_bank_or_format_is_404(client, auth):
    sign_in_teacher(auth)
    assert client.get("/teacher/banks/nope/export.xml").status_code == 404
    assert client.get("/teacher/banks/sample/export.docx").status_code == 404


def test_the_preview_of_an_unknown_bank_is_404(client, auth):
    sign_in_teacher(auth)
    assert client.get("/teacher/banks/nope").status_code == 404


@pytest.fixture
def hostile(app):
    """A bank whose question, option, feedback and title hold a script."""
    question = replace(QUESTIONS[0], prompt=f"Prompt {XSS}", explanation=f"Why {XSS}",
                       options=("1914", XSS, "1920"), key=("1920",),
                       feedback=("", f"Feedback {XSS}", ""))
    bank = replace(SAMPLE_BANK, title=f"Title {XSS}", questions=(question, *QUESTIONS[1:]))
    catalog.init_app(app, catalog.Catalog("unused", load=lambda folder: LoadResult(banks=(bank,)),
                                          questions=lambda b: b.questions))
    return bank


def test_text_typed_by_teachers_and_students_shows_as_text_on_every_teacher_page(
    app, client, auth, hostile
):
    attempt_id = take(app, XSS, right={"canal-year"})
    sign_in_admin(auth)  # the learner is a guest, in no class: an admin sees them
    class_id = make_class(client, name=f"Class {XSS}")
    code = _set_quiz(client, title=f"Quiz {XSS}", classes=class_id)
    take(app, XSS, assignment_id=1)
    pages = ["/teacher/", "/teacher/banks/sample", "/teacher/banks/sample/analysis",
             "/teacher/results", f"/teacher/learners/{learner_id(app, XSS)}",
             f"/teacher/attempts/{attempt_id}",
             "/teacher/assignments", f"/teacher/assignments/{code}",
             f"/teacher/assignments/{code}/analysis", "/teacher/classes",
             f"/teacher/classes/{class_id}"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert XSS not in response.text, url
        assert ESCAPED in response.text, url


def _set_quiz(client, **fields):
    data = {"title": "A quiz", "bank": "sample", "mode": "mixed", "length": 4,
            "opens": "2020-01-01T00:00"} | fields
    response = client.post("/teacher/assignments", data=data)
    assert response.status_code == 303, response.text
    return response.location.rsplit("/", 1)[1]
