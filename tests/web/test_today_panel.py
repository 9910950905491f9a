"""The home page's "what to do next": for a signed-in student, first; for guests and visitors,
nothing (the start form stays first)."""

from datetime import datetime

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Learner
from tests.exam_lock_helpers import assign, classroom, person
from tests.web.conftest import elements


def panel(page):
    """The panel's HTML, or None."""
    if 'class="today"' not in page:
        return None
    return page.split('class="today"', 1)[1].split("</section>", 1)[0]


def student(auth, username="sol"):
    learner_id = auth.create(username)
    auth.login(username)
    return learner_id


def test_visitors_and_guests_see_no_panel_and_the_start_form_stays(client, auth):
    assert panel(client.get("/").text) is None
    auth.guest("Gus")
    page = client.get("/").text
    assert panel(page) is None and 'id="start-heading"' in page


def test_teachers_see_no_panel(client, auth):
    auth.create("tess", role="teacher")
    auth.login("tess")
    assert panel(client.get("/").text) is None


def test_a_new_student_is_told_there_is_nothing_due_and_no_streak_yet(client, auth, clock):
    student(auth)
    page = client.get("/").text
    shown = panel(page)
    assert page.index('class="today"') < page.index('id="start-heading"') < page.index(
        "Join an assigned quiz")  # before anything else, then the quiz form
    assert "Nothing is due for review now." in shown
    assert "No streak yet" in shown and "<strong>0 of 10</strong> facts today" in shown
    assert elements(shown, "a", href="/progress")


def test_a_student_continues_an_open_quiz_and_reviews_what_is_due(client, auth, quiz, clock):
    student(auth)
    done = quiz.start("choice", length=4)
    clock.advance(minutes=1)
    client.post(f"/attempts/{done}", data=quiz.right_form(done))
    clock.advance(days=3)
    still_open = quiz.start("choice", length=2)
    shown = panel(client.get("/").text)
    [link] = elements(shown, "a", href=f"/attempts/{still_open}")
    assert "Continue your quiz" in shown and f"/attempts/{done}\"" not in shown
    [form] = elements(shown, "form", action="/study/sample/review")
    assert "Review 4 facts due" in shown
    assert "No streak yet" in shown  # 3 days ago: the streak is gone...
    clock.advance(days=-2)
    assert "<strong>1</strong> day in a row" in panel(client.get("/").text)  # ...yesterday: kept


def test_a_student_sees_their_class_quizzes_open_now(app, client, auth, clock):
    learner_id = student(auth)
    with app.app_context():
        sol = db.session.get(Learner, learner_id)
        tess = person("tess", "teacher")
        room = classroom("Form 4", tess, sol)
        other = classroom("Form 5", tess)
        open_now = assign(tess, room, title="Week 3 quiz")
        assign(tess, other, title="Another class's quiz")
        assign(tess, room, title="Next week", opens=datetime(2026, 3, 9, 8))
        code = open_now.code
    shown = panel(client.get("/").text)
    [link] = elements(shown, "a", href=f"/join/{code}")
    assert "Week 3 quiz" in shown and "open until" in shown
    assert "Another class" not in shown and "Next week" not in shown
    client.post(f"/join/{code}")  # started: offered to continue, not to start again
    shown = panel(client.get("/").text)
    assert not elements(shown, "a", href=f"/join/{code}") and "Continue your quiz" in shown
    with app.app_context():
        assert db.session.scalar(select(Learner.daily_goal).where(Learner.id == learner_id)) \
            is None
