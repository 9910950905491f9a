"""A teacher in the browser: upload question files, make a class, set a quiz for it, and see a
student's result.

Then each teacher's page, and the student's join page, is audited with axe at a phone's width and
a desktop's, and in dark mode.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select, update

from quizapp import clock
from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Assignment, Classroom, Learner
from quizapp.services import accounts
from quizapp.services.assignments import AssignmentSettings, create_assignment, start_assigned
from quizapp.services.attempts import submit_attempt
from quizapp.services.catalog import current_catalog
from quizapp.services.classes import Viewer, add_members, create_class
from quizapp.services.codes import CODE_ALPHABET
from quizapp.services.uploads import save_upload
from tests.e2e.audit import WIDTHS, check_dark, check_page, save_screenshot, screenshot_path
from tests.e2e.conftest import BANK, saved_state
from tests.e2e.steps import (
    PASSWORD,
    answer_all_right,
    register,
    right_answer,
    served,
    sign_in,
    submit,
    wrong_answer,
)

pytestmark = pytest.mark.e2e

DATA = PROJECT_ROOT / "tests" / "data"
GOOD = DATA / "good" / "small.yaml"  # the bank "A small bank"
BROKEN = DATA / "broken" / "bad-answer.yaml"  # its answer, on line 8, is not one of its choices
PREVIEWED = DATA / "import" / "peru-basics.aiken.txt"  # the bank peru-basics, four questions


def upload(page: Page, path: Path) -> None:
    """Upload a question file through the teacher's form."""
    page.get_by_role("navigation", name="Teacher").get_by_role("link", name="Upload a file").click()
    page.get_by_label("Question file").set_input_files(path)
    page.get_by_role("button", name="Check and upload").click()


@pytest.fixture(scope="module")
def teacher(live_app):
    """A teacher's account, made directly (as `flask user create --teacher` would): the username.

    Always the same name, since the screenshots show it.
    """
    username = "ms.rojas"
    with live_app.app_context():
        accounts.register(username, PASSWORD, role="teacher")
    return username


@pytest.fixture
def questions(live_app):
    """The questions folder the app serves (a copy), rid of any file a test uploads to it."""
    folder = Path(live_app.config["QUESTIONS_DIR"])
    before = set(folder.iterdir())
    yield folder
    for path in set(folder.iterdir()) - before:
        path.unlink()
    with live_app.app_context():
        current_catalog().refresh(force=True)


def test_a_teacher_uploads_a_bank_sets_a_quiz_and_sees_a_students_result(
    new_context, live_app, teacher, questions
):
    blocked = []  # what the Content-Security-Policy stopped: nothing of Quipu's own may be
    page = new_context().new_page()
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    sign_in(page, teacher)
    teacher_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Teacher")
    teacher_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question banks")

    upload(page, GOOD)  # saved, and live at once
    expect(page.locator(".flash")).to_contain_text("Saved small.yaml")
    expect(page.get_by_role("heading", level=1)).to_have_text("A small bank")
    expect(page.locator("article.preview")).not_to_have_count(0)
    assert (questions / "small.yaml").exists()
    assert not (PROJECT_ROOT / "questions" / "small.yaml").exists()
    page.goto("/")
    expect(page.get_by_role("heading", level=3, name="A small bank")).to_be_visible()

    teacher_link.click()
    upload(page, BROKEN)  # refused, each problem as name:line: message
    problems = page.get_by_role("alert")
    expect(problems.get_by_role("heading")).to_have_text("Not saved: 1 problem")
    expect(problems.get_by_role("listitem")).to_have_text(re.compile(r"^bad-answer\.yaml:8: \S"))
    assert not (questions / "bad-answer.yaml").exists()

    page.get_by_role("link", name="Classes").click()
    page.get_by_label("Class name").fill("4B History")
    page.get_by_role("button", name="Make the class and get its code").click()
    expect(page.locator(".flash")).to_contain_text("Students join it with the code")
    class_code = page.locator("#class-code").inner_text()

    with live_app.app_context():
        bank_title = current_catalog().get(BANK).title
    page.get_by_role("link", name="Assigned quizzes").click()
    page.get_by_label("Title").fill("Homework: the Leguía years")
    page.get_by_label("4B History").check()
    page.get_by_label("Question bank", exact=True).select_option(label=bank_title)
    page.get_by_label("Choice questions only").check()  # test_quiz.py answers orderings
    page.get_by_label("Number of questions").fill("3")
    page.get_by_role("button", name="Set the quiz and get its code").click()
    expect(page.locator(".flash")).to_contain_text("Give your students the code")
    code = page.locator("#code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)

    student_page = new_context().new_page()
    student = register(student_page)
    student_page.get_by_label("Have a code from your teacher?").fill(code)
    student_page.get_by_role("button", name="Join the quiz").click()
    expect(student_page.get_by_text("This quiz is for the class 4B History")).to_be_visible()
    student_page.goto("/")  # the class's code, in the same box
    student_page.get_by_label("Have a code from your teacher?").fill(class_code.lower())
    student_page.get_by_role("button", name="Join the quiz").click()
    student_page.get_by_role("button", name="Join 4B History").click()
    expect(student_page.locator(".flash")).to_have_text("You are in the class 4B History now.")
    student_page.goto("/")
    student_page.get_by_label("Have a code from your teacher?").fill(f"{code[:3]}-{code[3:]}".lower())
    student_page.get_by_role("button", name="Join the quiz").click()
    expect(student_page.get_by_role("heading", level=1)).to_have_text("Homework: the Leguía years")
    student_page.get_by_role("button", name="Start the quiz").click()
    student_page.wait_for_url("**/attempts/*")
    answer_all_right(student_page, served(live_app, student_page.url.rsplit("/", 1)[1]))
    submit(student_page)

    page.get_by_role("link", name="Class results").click()
    page.get_by_label("Bank", exact=True).select_option(label=bank_title)
    page.get_by_role("button", name="Show").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=student, exact=True))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("100%")
    assert blocked == []


# The class whose results are looked at: students who took one assigned quiz with the same
# questions for all, right on the questions their row marks, so every kind of flag shows.
CODE = "K7M2QX"
SEED = 1926
CLASS = ["Amaru Quispe", "Bruna Silva", "Carmen Rojas", "Diego Huamán", "Elena Torres",
         "Felipe Mamani", "Gloria Vargas", "Hugo Paredes", "Inés Chávez", "Jorge Salas"]
# Ten: item analysis flags a question only once 10 first attempts answered it.
RIGHT = [  # one predicate a question, on the student's place in CLASS
    lambda i: True,  # everyone: too easy
    lambda i: i >= 1,
    lambda i: i >= 4,
    lambda i: i >= 6,
    lambda i: i < 2,  # only the weakest: it discriminates the wrong way
    lambda i: i == 9,  # only the strongest: too hard
]
PAGES = {  # the page, and who looks at it: the teacher, the student or anyone
    "teacher-dashboard": "teacher", "upload-problems": "teacher", "bank-preview": "teacher",
    "teacher-results": "teacher", "teacher-learner": "teacher", "item-analysis": "teacher",
    "assignments": "teacher", "assignment": "teacher", "join": "student", "join-no-code": None,
    "classes": "teacher", "class": "teacher", "assignment-form": "teacher",
    "assignment-grid": "teacher", "join-class": "student", "bank-versions": "teacher",
}
SHOWN_IN_README = ["teacher-results", "item-analysis"]
# Screenshots at both widths, light and dark, scrolled to the part they show.
SCREENSHOTS = {"classes": None, "class": None, "assignment-form": "#new-heading",
               "assignment-grid": "#grid-heading", "join-class": None,
               "bank-versions": "#file-heading"}
def versioned(bank: str, title: str) -> bytes:
    """The small bank's file with another id and title: a teacher's own file."""
    return GOOD.read_bytes().replace(b"bank: small", f"bank: {bank}".encode()).replace(
        b"A small bank", f"\"{title}\"".encode())


def upload_versions(app, teacher: str, name: str, titles: list[str]) -> None:
    """The teacher's file uploaded once a title, as the upload page would: each replacement keeps
    the one before as a version."""
    with app.app_context():
        owner = db.session.scalar(select(Learner).filter_by(username=teacher))
        for title in titles:
            save_upload(current_catalog(), name, versioned(name.removesuffix(".yaml"), title),
                        owner, clock.now())


def upload_problems(page: Page) -> None:
    """The upload page, after a broken file: its problems listed."""
    page.goto("/teacher/upload")
    page.get_by_label("Question file").set_input_files(BROKEN)
    page.get_by_role("button", name="Check and upload").click()
    expect(page.get_by_role("alert")).to_be_visible()


@pytest.fixture(scope="module")
def school(browser, base_url, live_app, teacher, tmp_path_factory):
    """The teacher's and a student's browser states, and the pages' addresses.

    The assigned quiz gets a fixed code and seed, so the screenshots stay the same. A small bank
    is served while the module runs, for a preview quicker to audit than the shipped bank's.
    """
    previewed = Path(live_app.config["QUESTIONS_DIR"]) / PREVIEWED.name
    shutil.copyfile(PREVIEWED, previewed)
    upload_versions(live_app, teacher, "week-3.yaml", [
        "Week 3: first draft", "Week 3: the Leguía years", "Week 3: the Leguía years (final)"])
    folder = tmp_path_factory.mktemp("school")
    states = {
        "teacher": saved_state(browser, base_url, folder / "teacher.json",
                               lambda page: sign_in(page, teacher)),
        "student": saved_state(browser, base_url, folder / "student.json", register),
        None: None,
    }
    with live_app.app_context():
        owner = db.session.scalar(select(Learner).filter_by(username=teacher))
        classroom = create_class(Viewer.of(owner), "5A History")
        db.session.execute(update(Classroom).where(Classroom.id == classroom.id)
                           .values(code="H5A2RT"))
        others = db.session.scalars(select(Classroom).where(Classroom.id != classroom.id))
        for place, other in enumerate(others):  # the class made by the first test, if it ran
            other.code = f"K4B7T{CODE_ALPHABET[place]}"  # the screenshots stay the same
        db.session.commit()
        quiz = create_assignment(owner, AssignmentSettings(
            title="Week 3: the Leguía years", bank=BANK, mode="mixed", length=len(RIGHT),
            same_questions=True, opens=clock.now() - timedelta(days=1), closes=None,
            max_attempts=1, class_ids=(classroom.id,), time_limit=20,
        ))
        db.session.execute(update(Assignment).where(Assignment.id == quiz.id)
                           .values(code=CODE, seed=SEED))
        db.session.commit()
        db.session.refresh(quiz)
        ids = []
        for name in CLASS:
            db.session.add(Learner(username=name.lower().replace(" ", "."), display_name=name))
        db.session.commit()
        add_members(Viewer.of(owner), classroom.id, [n.lower().replace(" ", ".") for n in CLASS])
        for place, name in enumerate(CLASS):
            student = db.session.scalar(select(Learner).filter_by(display_name=name))
            ids.append(student.id)
            attempt = start_assigned(student, quiz)
            submit_attempt(student, attempt.id, {
                item.public_id: (right_answer if right(place) else wrong_answer)(item.snapshot)
                for item, right in zip(attempt.items, RIGHT, strict=True)
            })
    urls = {
        "teacher-dashboard": "/teacher/", "upload-problems": upload_problems,
        "bank-preview": "/teacher/banks/peru-basics",
        "teacher-results": f"/teacher/results?assignment={CODE}",
        "teacher-learner": f"/teacher/learners/{ids[0]}?assignment={CODE}",
        "item-analysis": f"/teacher/assignments/{CODE}/analysis",
        "assignments": "/teacher/assignments", "assignment": f"/teacher/assignments/{CODE}",
        "join": f"/join/{CODE}", "join-no-code": "/join?code=",
        "classes": "/teacher/classes", "class": f"/teacher/classes/{classroom.id}",
        "assignment-form": "/teacher/assignments", "assignment-grid": f"/teacher/assignments/{CODE}",
        "join-class": "/classes/join?code=H5A2RT", "bank-versions": "/teacher/banks/week-3",
    }
    yield states, urls
    previewed.unlink()
    (previewed.parent / "week-3.yaml").unlink()
    with live_app.app_context():
        current_catalog().refresh(force=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_teacher_page_passes_axe_and_fits_a_phone_and_a_desktop(look, school, name, width):
    states, urls = school
    page = look(urls[name], width, state=states[PAGES[name]])
    check_page(page, name, width)
    if name == "item-analysis" and width < 600:  # the flags, beside the questions kept in sight
        page.locator(".table-scroll").evaluate("e => { e.scrollIntoView(); e.scrollLeft = 1e4; }")
    if name in SHOWN_IN_README:
        save_screenshot(page, name, width)
    if name in SCREENSHOTS:
        shoot(page, name, width)


def shoot(page: Page, name: str, width: int, scheme: str = "light") -> None:
    """A screenshot of the part of the page it shows (docs/screenshots/<name>[-dark]-<width>),
    the server's address as a school's would be (the tests' port changes every run)."""
    page.evaluate("""() => document.querySelectorAll('code').forEach(e => {
        e.textContent = e.textContent.replace(location.origin, 'https://quipu.example'); })""")
    if SCREENSHOTS[name]:
        page.locator(SCREENSHOTS[name]).evaluate("e => e.scrollIntoView()")
    save_screenshot(page, name if scheme == "light" else f"{name}-dark", width)


@pytest.mark.parametrize("name", PAGES)
def test_every_teacher_page_keeps_its_contrast_in_dark_mode(look, school, name):
    states, urls = school
    check_dark(look(urls[name], 1280, "dark", states[PAGES[name]]), name)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SCREENSHOTS)
def test_the_class_pages_form_and_grid_in_dark_mode_at_both_widths(look, school, name, width):
    states, urls = school
    page = look(urls[name], width, "dark", states[PAGES[name]])
    check_dark(page, name)
    shoot(page, name, width, "dark")
    assert screenshot_path(f"{name}-dark", width).exists()



def test_a_teacher_restores_an_earlier_version_of_her_file(new_context, live_app, teacher,
                                                           questions):
    upload_versions(live_app, teacher, "restored.yaml", ["First words", "Second words"])
    page = new_context().new_page()
    sign_in(page, teacher)
    page.goto("/teacher/banks/restored")
    versions = page.get_by_role("region", name=re.compile("Earlier versions"))
    expect(versions.get_by_role("row")).to_have_count(2)  # the header, and the first upload
    versions.get_by_role("button", name=re.compile("Restore this version")).click()
    expect(page.locator(".flash")).to_contain_text("Restored restored.yaml")
    expect(page.get_by_role("heading", level=1)).to_have_text("First words")
    assert (questions / "restored.yaml").read_bytes() == versioned("restored", "First words")


# -- The teacher's pages in Spanish: axe-clean and no wider than the window at both widths, light
# and dark (the Spanish words are longer than the English). In this module, to share its school.

SPANISH_PAGES = [n for n, who in PAGES.items() if who == "teacher" and n != "upload-problems"]
SPANISH_SHOTS = os.environ.get("QUIPU_SHOTS")  # a folder: also save each page's picture there, to look at


@pytest.fixture(scope="module")
def spanish(browser, base_url, school, teacher, tmp_path_factory):
    """The teacher's state with the Spanish cookie (no choice in her account: English elsewhere),
    and the pages' addresses (the upload page plain: its problems need the English label)."""
    def sign_in_in_spanish(page):
        sign_in(page, teacher)
        page.context.add_cookies([{"name": "language", "value": "es", "url": base_url}])

    state = saved_state(browser, base_url, tmp_path_factory.mktemp("es") / "teacher-es.json",
                        sign_in_in_spanish)
    urls = {**school[1], "upload": "/teacher/upload", "draft": "/teacher/draft",
            "new-bank": "/teacher/banks/new"}
    return state, urls


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*SPANISH_PAGES, "upload", "draft", "new-bank"])
def test_every_teacher_page_in_spanish_passes_axe_and_fits(look, spanish, name, width):
    state, urls = spanish
    page = look(urls[name], width, state=state)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    check_page(page, f"{name} (es)", width)
    if SPANISH_SHOTS:
        page.screenshot(path=str(Path(SPANISH_SHOTS) / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("name", [*SPANISH_PAGES, "upload", "draft", "new-bank"])
def test_every_teacher_page_in_spanish_keeps_its_contrast_in_dark_mode(look, spanish, name):
    state, urls = spanish
    page = look(urls[name], 1280, "dark", state)
    check_dark(page, f"{name} (es)")
    if SPANISH_SHOTS:
        page.screenshot(path=str(Path(SPANISH_SHOTS) / f"{name}-dark-1280.png"), full_page=True)
