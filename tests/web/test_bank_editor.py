"""The browser editor of a YAML bank and "New bank" (issue 15): who may edit, a save kept as a
version with what changed, a stale save refused (409) with the input kept, each broken rule shown
beside its field, tampered forms refused, co-owners, restore."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import bank_editor
from quizapp.services.catalog import CHECK_INTERVAL, Catalog
from quizapp.services.uploads import UploadRejected
from tests.web.editor_helpers import form_of
from tests.web.test_teacher_upload import upload

DATA = Path(__file__).resolve().parents[1] / "data"
EDIT = "/teacher/banks/small/edit"


@pytest.fixture
def people(app, auth):
    """Ms Q (owns small.yaml), Mr R (another teacher), Stu (a student), Head (an admin)."""
    return {name: auth.create(name, role=role) for name, role in
            [("msq", "teacher"), ("mrr", "teacher"), ("stu", "student"), ("head", "admin")]}


@pytest.fixture
def small(app, folder, people, as_):
    """small.yaml uploaded by Ms Q: hers."""
    msq = as_("msq")
    assert upload(msq, (DATA / "good" / "small.yaml").read_bytes(), "small.yaml").status_code == 303
    return msq


def opened(client, url=EDIT):
    response = client.get(url)
    assert response.status_code == 200, response.text
    return form_of(response.text)


def test_the_owner_edits_a_fact_and_a_question_and_the_save_is_live_and_kept(app, folder, small):
    form = opened(small)
    form["facts-0-text"] = "The Panama Canal opens to ships."
    form["questions-0-prompt"] = "When did the U.S. mission in Peru become an embassy?"
    response = small.post(EDIT, data=form | {"do": "save"})
    assert response.status_code == 303, response.text
    text = (folder / "small.yaml").read_text()
    assert "The Panama Canal opens to ships." in text
    page = small.get(EDIT).text
    assert "1 fact changed, 1 question changed" in page
    assert "Restore this version" in page
    with app.app_context():
        bank = bank_editor.current_catalog().get("small")
        assert bank.facts[0].text == "The Panama Canal opens to ships."
    preview = small.get("/teacher/banks/small").text
    assert "When did the U.S. mission in Peru become an embassy?" in preview


def test_a_broken_rule_is_named_beside_its_field_and_nothing_is_saved(folder, small):
    before = (folder / "small.yaml").read_bytes()
    form = opened(small)
    form["facts-1-year"] = "19x0"
    form["questions-0-answer"] = "1921"
    response = small.post(EDIT, data=form | {"do": "save"})
    assert response.status_code == 400
    page = response.text
    assert 'id="f-facts-1-year-error"' in page and "must be a whole number" in page
    assert 'aria-describedby="f-facts-1-year-error" aria-invalid="true"' in page
    assert "answer &#39;1921&#39; is not one of its choices" in page
    assert 'value="19x0"' in page  # the typed input is kept
    assert (folder / "small.yaml").read_bytes() == before


def test_check_shows_the_preview_with_generated_questions_without_saving(folder, small):
    before = (folder / "small.yaml").read_bytes()
    form = opened(small)
    form["facts-0-text"] = "The canal opens."
    page = small.post(EDIT, data=form | {"do": "check"}).text
    assert "No problems found" in page and "What students get" in page
    assert (folder / "small.yaml").read_bytes() == before


def test_a_stale_save_is_refused_with_409_and_the_input_kept(folder, small, as_):
    mine = opened(small)
    theirs = opened(as_("head"))
    theirs["title"] = "Head's title"
    assert as_("head").post(EDIT, data=theirs | {"do": "save"}).status_code == 303
    mine["facts-0-text"] = "My own words."
    response = small.post(EDIT, data=mine | {"do": "save"})
    assert response.status_code == 409
    assert "someone saved this bank since you opened it" in response.text
    assert "My own words." in response.text
    assert yaml.safe_load((folder / "small.yaml").read_text())["title"] == "Head's title"
    again = form_of(response.text)  # saving again, knowingly, puts mine in place
    assert small.post(EDIT, data=again | {"do": "save"}).status_code == 303
    assert "My own words." in (folder / "small.yaml").read_text()


def test_rows_are_added_and_removed_by_buttons_without_saving(folder, small):
    before = (folder / "small.yaml").read_bytes()
    form = opened(small)
    page = small.post(EDIT, data=form | {"do": "add:questions", "new_type": "ordering"}).text
    assert 'name="questions-3-items"' in page
    form = form_of(page)
    page = small.post(EDIT, data=form | {"do": "remove:facts:0"}).text
    assert 'name="facts-1-id"' not in page and "Removed the fact canal" in page
    assert (folder / "small.yaml").read_bytes() == before


@pytest.mark.parametrize("tamper", [
    {"facts-0-id": "Not A Slug"},
    {"questions-0-type": "essay"},
    {"facts-99999999-id": "x", "people-0-nonsense": "y"},
    {"extra": "{{{", "facts-0-extra": "[1, 2]"},
    {"base": "forged"},
    {"do": "remove:facts:77"},
])
def test_a_tampered_form_gets_a_clear_answer_and_no_500(folder, small, tamper):
    form = opened(small) | {"do": "save"} | tamper
    response = small.post(EDIT, data=form)
    assert response.status_code in (200, 303, 400, 409), response.text
    if response.status_code == 400:
        assert "Not saved" in response.text


def test_another_teacher_gets_403_with_whose_it_is_and_an_unknown_bank_404(small, as_):
    other = as_("mrr")
    response = other.get(EDIT)
    assert response.status_code == 403 and "belongs to" in response.text
    assert other.post(EDIT, data={"do": "save", "title": "Mine"}).status_code == 403
    assert other.get("/teacher/banks/nowhere/edit").status_code == 404


def test_a_student_gets_403(small, as_):
    assert as_("stu").get(EDIT).status_code == 403


def test_a_co_owner_named_by_the_owner_edits_and_only_the_owner_names_them(folder, small, as_):
    other = as_("mrr")
    assert other.post(f"{EDIT[:-5]}/editors", data={"username": "msq"}).status_code == 403
    response = small.post(f"{EDIT[:-5]}/editors", data={"username": "MRR"})
    assert response.status_code == 303
    assert "mrr" in small.get(EDIT).text
    form = opened(other)
    form["title"] = "Edited by a co-owner"
    assert other.post(EDIT, data=form | {"do": "save"}).status_code == 303
    assert small.post(f"{EDIT[:-5]}/editors", data={"username": "stu"}).status_code == 400
    page = other.get(EDIT).text
    assert "Add a co-owner" not in page  # a co-owner does not name others
    learner_id = page.split("/editors/")[1].split("/")[0] if "/editors/" in page else None
    assert learner_id is None
    owner_page = small.get(EDIT).text
    learner_id = owner_page.split("/editors/")[1].split("/")[0]
    assert small.post(f"{EDIT[:-5]}/editors/{learner_id}/remove").status_code == 303
    assert other.get(EDIT).status_code == 403


def test_restoring_a_version_from_the_editor_is_a_new_version(folder, small):
    original = (folder / "small.yaml").read_bytes()
    form = opened(small)
    form["title"] = "Retitled"
    small.post(EDIT, data=form | {"do": "save"})
    page = small.get(EDIT).text
    version = page.split("/versions/")[1].split('"')[0]
    response = small.post(f"/teacher/banks/small/versions/{version}", data={"back": "edit"})
    assert response.status_code == 303 and response.location.endswith(EDIT)
    assert (folder / "small.yaml").read_bytes() == original
    assert small.get(EDIT).text.count("Restore this version<") == 2


def test_new_bank_is_made_owned_by_its_teacher(folder, small, as_):
    other = as_("mrr")
    form = opened(other, "/teacher/banks/new")
    form |= {"bank": "week-4", "title": "Week 4", "facts-0-id": "canal", "facts-0-year": "1914",
             "facts-0-text": "The Panama Canal opens."}
    response = other.post("/teacher/banks/new", data=form | {"do": "save"})
    assert response.status_code == 303 and response.location.endswith("/banks/week-4/edit")
    assert (folder / "week-4.yaml").is_file()
    assert other.get("/teacher/banks/week-4/edit").status_code == 200
    assert small.get("/teacher/banks/week-4/edit").status_code == 403
    again = other.post("/teacher/banks/new", data=form | {"do": "save", "bank": "small"})
    assert again.status_code == 400 and "is used by another bank" in again.text


def test_create_bank_validates_and_saves_a_yaml_text(app, folder, people):
    text = "bank: drafted\ntitle: Drafted\nfacts:\n  - id: canal\n    year: 1914\n    text: x\n"
    with app.test_request_context():
        teacher = db.session.get(Learner, people["mrr"])
        assert bank_editor.create_bank(teacher, text) == "drafted"
        with pytest.raises(UploadRejected):
            bank_editor.create_bank(teacher, text)  # the id is taken now
        with pytest.raises(UploadRejected) as e:
            bank_editor.create_bank(teacher, "bank: x\ntitle: X\n")
        assert "line 1" in e.value.problems[0]
    assert (folder / "drafted.yaml").read_text() == text


def test_a_save_is_live_in_another_process_within_a_second(app, folder, small):
    other = Catalog(folder, questions=lambda bank: bank.questions)  # another server's catalog
    assert other.get("small").title == "A small bank"
    form = opened(small)
    form["title"] = "Seen everywhere"
    assert small.post(EDIT, data=form | {"do": "save"}).status_code == 303
    time.sleep(CHECK_INTERVAL + 0.05)
    assert other.get("small").title == "Seen everywhere"


def test_the_shipped_bank_opens_for_an_admin_and_its_form_fits_the_size_limit(app, folder, as_):
    shutil.copy(Path(__file__).resolve().parents[2] / "questions" / "peru-us-relations.yaml",
                folder)
    head = as_("head")
    form = opened(head, "/teacher/banks/peru-us-relations/edit")
    response = head.post("/teacher/banks/peru-us-relations/edit", data=form | {"do": "check"})
    assert response.status_code == 200 and "No problems found" in response.text
    assert as_("msq").get("/teacher/banks/peru-us-relations/edit").status_code == 403


def test_a_co_owner_restores_a_version_as_the_owner_does(folder, small, as_):
    original = (folder / "small.yaml").read_bytes()
    form = opened(small)
    form["title"] = "Retitled"
    small.post(EDIT, data=form | {"do": "save"})
    small.post(f"{EDIT[:-5]}/editors", data={"username": "mrr"})
    other = as_("mrr")
    version = other.get("/teacher/banks/small").text.split("/versions/")[1].split('"')[0]
    assert other.post(f"/teacher/banks/small/versions/{version}").status_code == 303
    assert (folder / "small.yaml").read_bytes() == original


NAMES = st.sampled_from(["bank", "title", "exam_only", "extra", "base", "do", "new_type",
                         "facts-0-id", "facts-0-year", "facts-1-until", "facts-0-text",
                         "facts-0-tags", "facts-0-extra", "people-0-year", "people-3-name",
                         "questions-0-type", "questions-0-choices", "questions-0-answer",
                         "questions-1-answers", "questions-2-items", "questions-2-grading",
                         "questions-0-difficulty", "questions-0-facts", "questions-9-extra"])
VALUES = st.one_of(st.text(max_size=40), st.sampled_from(
    ["save", "check", "add:facts", "remove:questions:0", "remove:facts:x", "ordering", "essay",
     "1914", "-1", "99999999999", "{a: [", "- x", "true", "", "\u2028", "a\nb\nb"]))


def test_any_form_the_owner_sends_is_answered_without_a_500(folder, small):
    form = opened(small)

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(NAMES, VALUES, max_size=6))
    def send(changes):
        response = small.post(EDIT, data=form | changes)
        assert response.status_code in (200, 303, 400, 409), response.status_code
        if response.status_code == 303:  # saved: the file still loads as a bank
            assert bank_editor.current_catalog().get(
                yaml.safe_load((folder / "small.yaml").read_text())["bank"]) is not None

    with small.application.test_request_context():
        send()
