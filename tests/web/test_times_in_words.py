"""Recent times read in words on the pages a person reads now, in the school's zone; reports and
exports keep exact dates."""

import pytest

from tests.web.conftest import elements
from tests.web.teacher_helpers import make_class, sign_in_teacher

LIMA = "America/Lima"  # UTC-5 all year; the clock fixture stands at 2 Mar 2026, 09:00 UTC


@pytest.fixture
def lima(app):
    app.config["TIMEZONE"] = LIMA
    return app


def history_time(client):
    page = client.get("/history").text
    [started] = [t for t in elements(page, "time") if t.get("title")]
    return started, page


def test_the_history_says_a_recent_start_in_words_with_the_exact_time_kept(
        lima, client, auth, quiz, clock):
    auth.create("stu")
    auth.login("stu")
    quiz.start()
    started, page = history_time(client)
    assert started == {"datetime": "2026-03-02T09:00:00Z", "title": "2 Mar 2026, 04:00 America/Lima"}
    assert ">just now</time>" in page
    clock.advance(hours=3)
    assert ">today at 4:00 America/Lima</time>" in history_time(client)[1]
    clock.advance(days=1)
    assert ">yesterday at 4:00 America/Lima</time>" in history_time(client)[1]
    clock.advance(days=2)
    assert ">3 days ago</time>" in history_time(client)[1]
    clock.advance(days=30)
    assert ">2 Mar 2026, 04:00 America/Lima</time>" in history_time(client)[1]


def test_a_student_reads_when_an_assigned_quiz_opens_and_closes_in_words(lima, client, auth, clock):
    auth.create("stu")
    sign_in_teacher(auth)
    class_id = make_class(client, members=["stu"])
    response = client.post("/teacher/assignments", data={
        "title": "Soon", "bank": "sample", "mode": "mixed", "length": 4,
        "opens": "2026-03-02T03:30", "closes": "2026-03-03T08:00", "classes": class_id})
    assert response.status_code == 303, response.text
    code = response.location.rsplit("/", 1)[1]
    listed = client.get("/teacher/assignments").text
    assert ">30 minutes ago</time> to <time" in listed
    assert ">tomorrow at 8:00 America/Lima</time>" in listed
    auth.logout()
    auth.login("stu")
    page = client.get(f"/join/{code}").text
    assert ">30 minutes ago</time> to <time" in page
    assert ">tomorrow at 8:00 America/Lima</time>." in page


def test_the_csv_export_keeps_exact_times(client, auth, quiz, clock):
    auth.create("stu")
    auth.login("stu")
    quiz.start()
    auth.logout()
    sign_in_teacher(auth, role="admin")
    export = client.get("/teacher/results/attempts.csv")
    assert export.status_code == 200
    assert "2026-03-02" in export.text and "just now" not in export.text
    assert " ago" not in export.text and "today at" not in export.text
