"""The school's time zone (QUIZAPP_TIMEZONE): times shown and typed in it, stored in UTC."""

from datetime import datetime

import pytest
from sqlalchemy import select

from quizapp import create_app
from quizapp.config import SettingError
from quizapp.extensions import db
from quizapp.models import Assignment, Attempt
from quizapp.services.classes import Viewer
from quizapp.services.results import ResultFilter, class_results
from tests.web.teacher_helpers import make_class, sign_in_admin, sign_in_teacher

LIMA = "America/Lima"  # UTC-5 all year

ADMIN = Viewer(0, admin=True)  # sees every attempt: the scope is tested elsewhere


def test_the_zone_comes_from_the_environment_and_defaults_to_utc(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZAPP_TIMEZONE", raising=False)
    assert create_app({"INSTANCE_PATH": str(tmp_path)}).config["TIMEZONE"] == "UTC"
    monkeypatch.setenv("QUIZAPP_TIMEZONE", LIMA)
    assert create_app({"INSTANCE_PATH": str(tmp_path)}).config["TIMEZONE"] == LIMA


@pytest.mark.parametrize("name", ["Mars/Base", "america/lima", "/etc/passwd", "../UTC", "EST5"])
def test_an_unknown_zone_is_refused_at_start_saying_what_to_give(tmp_path, monkeypatch, name):
    monkeypatch.setenv("QUIZAPP_TIMEZONE", name)
    with pytest.raises(SettingError, match=r"QUIZAPP_TIMEZONE=.* is not a time zone Quipu knows: "
                                           r"give an IANA name such as America/Lima"):
        create_app({"INSTANCE_PATH": str(tmp_path)})


@pytest.fixture
def lima(app):
    app.config["TIMEZONE"] = LIMA
    return app


def test_the_assignment_form_names_the_zone_and_reads_times_in_it(lima, client, auth, clock):
    sign_in_teacher(auth)
    class_id = make_class(client)
    page = client.get("/teacher/assignments").text
    assert "Opens (America/Lima)" in page and "Closes (America/Lima)" in page
    assert "Times are in America/Lima; it is <time" in page
    assert ">2 Mar 2026, 04:00 America/Lima</time> now." in page
    assert 'value="2026-03-02 04:00:00"' in page  # the default opening time, on Lima's clocks
    response = client.post("/teacher/assignments", data={
        "title": "Week 3", "bank": "sample", "mode": "mixed", "length": 4,
        "opens": "2026-12-03T09:40", "closes": "2026-12-04T23:30", "classes": class_id})
    assert response.status_code == 303, response.text
    with lima.app_context():
        stored = db.session.scalar(select(Assignment))
        assert (stored.opens, stored.closes) == (datetime(2026, 12, 3, 14, 40),
                                                 datetime(2026, 12, 5, 4, 30))
    page = client.get(response.location).text
    assert "3 Dec 2026, 09:40 America/Lima to 4 Dec 2026, 23:30 America/Lima" in page


def test_a_student_is_told_when_a_quiz_opens_in_the_schools_zone(lima, client, auth, clock):
    auth.create("stu")
    sign_in_teacher(auth)
    class_id = make_class(client, members=["stu"])
    response = client.post("/teacher/assignments", data={
        "title": "Later", "bank": "sample", "mode": "mixed", "length": 4,
        "opens": "2026-12-03T09:40", "classes": class_id})
    code = response.location.rsplit("/", 1)[1]
    auth.logout()
    auth.login("stu")
    page = client.get(f"/join/{code}").text
    assert "opens on 3 Dec 2026, 09:40 America/Lima" in page


def test_the_results_days_are_the_schools_days(lima, client, auth, quiz):
    """An attempt started at 01:30 UTC on 3 March is on 2 March in Lima (20:30)."""
    auth.create("stu")
    auth.login("stu")
    attempt_id = quiz.start()
    with lima.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.started = datetime(2026, 3, 3, 1, 30)
        db.session.commit()
        day = datetime(2026, 3, 2).date()
        assert len(class_results(ResultFilter(viewer=ADMIN, since=day, until=day))) == 1
        after = datetime(2026, 3, 3).date()
        assert class_results(ResultFilter(viewer=ADMIN, since=after, until=after)) == []
    auth.logout()
    sign_in_admin(auth)  # stu is in no class: an admin sees them
    page = client.get("/teacher/results").text
    assert "The first day, in America/Lima." in page
    assert "2 Mar 2026, 20:30 America/Lima" in page
