"""Question files have owners, and a replacement keeps the file it replaces (issue 13, item 5).

Uploading a file named like another teacher's, with another bank id inside, used to delete that
bank: its timeline 404'd and its assigned quiz could not start. Now only the file's owner (or an
admin) replaces it, the bytes replaced are kept and restorable, and a replacement that drops a
bank an open assigned quiz uses is refused with the reason.
"""

import re
from contextlib import contextmanager
from datetime import datetime

import pytest

from quizapp.extensions import db
from quizapp.models import Assignment, BankFile, BankFileVersion, Learner
from quizapp.services.catalog import current_catalog
from tests.web.test_teacher_upload import SMALL, upload

WEEK3 = SMALL.replace(b"A small bank", b"Week 3 questions")  # the same bank, retitled
OTHER_ID = SMALL.replace(b"bank: small", b"bank: peru-us-relations")  # another bank id inside


@pytest.fixture
def people(app, auth):
    """Ms Q and Mr R (teachers) and Head (an admin); {username: id}."""
    return {name: auth.create(name, role=role)
            for name, role in [("msq", "teacher"), ("mrr", "teacher"), ("head", "admin")]}


def names(app, **display):
    with app.app_context():
        for username, shown in display.items():
            db.session.query(Learner).filter_by(username=username).update(
                {"display_name": shown})
        db.session.commit()


def kept(app, name="small.yaml"):
    """[(id, bytes)] of the versions kept of a file, the oldest first."""
    with app.app_context():
        rows = db.session.query(BankFileVersion).filter_by(name=name).order_by(
            BankFileVersion.id)
        return [(v.id, v.data) for v in rows]


def restore_ids(page):
    return [int(i) for i in re.findall(r'/teacher/banks/[\w-]+/versions/(\d+)"', page)]


def test_another_teacher_replacing_a_file_is_refused_naming_its_owner(app, folder, as_, people):
    names(app, msq="Ms Q")
    assert upload(as_("msq"), SMALL, "small.yaml").status_code == 303
    response = upload(as_("mrr"), OTHER_ID, "small.yaml")
    assert response.status_code == 403
    assert "This file belongs to Ms Q: upload it under another name." in response.text
    assert (folder / "small.yaml").read_bytes() == SMALL
    spanish = as_("mrr")
    spanish.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    response = upload(spanish, OTHER_ID, "small.yaml")
    assert response.status_code == 403
    assert "Este archivo es de Ms Q: súbelo con otro nombre." in response.text
    assert kept(app) == []
    with app.app_context():
        assert current_catalog().get("small") is not None
        assert current_catalog().get("peru-us-relations") is None


def test_the_owner_replaces_and_the_old_version_is_listed_and_restorable_byte_for_byte(
    app, folder, as_, people
):
    names(app, msq="Ms Q")
    msq = as_("msq")
    upload(msq, SMALL, "small.yaml")
    response = upload(msq, WEEK3, "small.yaml")
    assert response.status_code == 303
    page = msq.get(response.location).text
    assert "Replaced small.yaml" in page and "The file it replaced is kept" in page
    assert "A small bank" in page and "by Ms Q" in page  # the version: its bank, who uploaded it
    [version] = restore_ids(page)
    assert "Restore this version" in page
    restored = msq.post(f"/teacher/banks/small/versions/{version}")
    assert restored.status_code == 303
    assert (folder / "small.yaml").read_bytes() == SMALL
    assert [data for _, data in kept(app)] == [SMALL, WEEK3]  # the restore kept the current one
    page = msq.get(restored.location).text
    assert "Restored small.yaml" in page and len(restore_ids(page)) == 2
    with app.app_context():
        assert current_catalog().get("small").title == "A small bank"


def test_replacing_with_another_bank_id_loses_nothing(app, folder, as_, people):
    """The bug: the old bank vanished. Now it is a version, and comes back whole."""
    msq = as_("msq")
    upload(msq, SMALL, "small.yaml")
    response = upload(msq, OTHER_ID, "small.yaml")
    assert response.location == "/teacher/banks/peru-us-relations"
    [version] = restore_ids(msq.get(response.location).text)
    back = msq.post(f"/teacher/banks/peru-us-relations/versions/{version}")
    assert back.location == "/teacher/banks/small"
    assert (folder / "small.yaml").read_bytes() == SMALL


def test_uploading_the_same_bytes_again_keeps_no_copy(app, folder, as_, people):
    msq = as_("msq")
    upload(msq, SMALL, "small.yaml")
    upload(msq, SMALL, "small.yaml")
    assert kept(app) == []


def test_an_admin_replaces_a_teachers_file_which_stays_the_teachers(app, folder, as_, people):
    names(app, msq="Ms Q", head="The Head")
    upload(as_("msq"), SMALL, "small.yaml")
    head = as_("head")
    assert upload(head, WEEK3, "small.yaml").status_code == 303
    with app.app_context():
        row = db.session.get(BankFile, "small.yaml")
        assert (row.owner_id, row.uploaded_by) == (people["msq"], people["head"])
    msq = as_("msq")
    page = msq.get("/teacher/banks/small").text
    assert "yours" in page and "by The Head" in page
    assert upload(msq, SMALL, "small.yaml").status_code == 303  # still hers to replace


def test_a_shipped_file_belongs_to_the_admins(app, folder, as_, people):
    (folder / "small.yaml").write_bytes(SMALL)  # came with Quipu: no recorded owner
    msq = as_("msq")
    assert "the admins" in msq.get("/teacher/").text
    assert "belongs to the admins" in msq.get("/teacher/banks/small").text
    refused = upload(msq, WEEK3, "small.yaml")
    assert refused.status_code == 403
    assert "This file came with Quipu and belongs to the admins" in refused.text
    assert (folder / "small.yaml").read_bytes() == SMALL
    assert restore_ids(msq.get("/teacher/banks/small").text) == []

    head = as_("head")
    assert upload(head, WEEK3, "small.yaml").status_code == 303
    page = head.get("/teacher/banks/small").text
    assert "came with Quipu" in page  # the version kept: who uploaded it
    [version] = restore_ids(page)
    assert head.post(f"/teacher/banks/small/versions/{version}").status_code == 303
    assert (folder / "small.yaml").read_bytes() == SMALL
    # Another admin may replace it too; a teacher still may not.
    assert upload(as_("msq"), WEEK3, "small.yaml").status_code == 403


def test_a_new_name_belongs_to_whoever_uploads_it(app, folder, as_, people):
    upload(as_("mrr"), SMALL, "small.yaml")
    with app.app_context():
        assert db.session.get(BankFile, "small.yaml").owner_id == people["mrr"]
    assert "(yours)" in as_("mrr").get("/teacher/").text


def quiz_on(app, bank, teacher, closes, title="Week 3", opens=datetime(2026, 3, 1, 8, 0)):
    with app.app_context():
        db.session.add(Assignment(code=f"Q{title[-1]}{bank[:4]}", title=title, teacher_id=teacher,
                                  bank=bank, mode="mixed", length=4, seed=None, opens=opens,
                                  closes=closes, max_attempts=None, time_limit=None))
        db.session.commit()


def test_dropping_a_bank_an_open_quiz_uses_is_refused_with_the_reason(
    app, folder, as_, people, clock
):
    msq = as_("msq")
    upload(msq, OTHER_ID, "week.yaml")
    quiz_on(app, "peru-us-relations", people["msq"], datetime(2026, 3, 9, 14, 0))
    response = upload(msq, SMALL, "week.yaml")
    assert response.status_code == 400
    assert ("“Week 3” (open until 9 Mar 2026, 14:00 UTC) uses the bank peru-us-relations, which "
            "this file no longer has") in response.text
    assert (folder / "week.yaml").read_bytes() == OTHER_ID and kept(app, "week.yaml") == []
    assert upload(msq, OTHER_ID.replace(b"A small", b"A better"), "week.yaml").status_code == 303


@pytest.mark.parametrize("closes, refused", [(None, True), (datetime(2026, 3, 2, 9, 0), False)])
def test_a_quiz_that_never_closes_holds_its_bank_and_a_closed_one_does_not(
    app, folder, as_, people, clock, closes, refused
):
    msq = as_("msq")
    upload(msq, OTHER_ID, "week.yaml")
    quiz_on(app, "peru-us-relations", people["msq"], closes)
    response = upload(msq, SMALL, "week.yaml")
    assert response.status_code == (400 if refused else 303)
    if refused:
        assert "with no closing time" in response.text


def test_a_quiz_not_open_yet_holds_its_bank_too(app, folder, as_, people, clock):
    msq = as_("msq")
    upload(msq, OTHER_ID, "week.yaml")
    quiz_on(app, "peru-us-relations", people["msq"], datetime(2026, 3, 9, 14, 0),
            opens=datetime(2026, 3, 5, 8, 0))
    response = upload(msq, SMALL, "week.yaml")
    assert response.status_code == 400
    assert "(opens 5 Mar 2026, 08:00 UTC, until 9 Mar 2026, 14:00 UTC)" in response.text


def test_a_restore_that_drops_a_bank_an_open_quiz_uses_is_refused(
    app, folder, as_, people, clock
):
    msq = as_("msq")
    upload(msq, SMALL, "week.yaml")
    upload(msq, OTHER_ID, "week.yaml")
    quiz_on(app, "peru-us-relations", people["msq"], datetime(2026, 3, 9, 14, 0))
    [version] = restore_ids(msq.get("/teacher/banks/peru-us-relations").text)
    response = msq.post(f"/teacher/banks/peru-us-relations/versions/{version}")
    assert response.status_code == 400
    assert "Not restored" in response.text and "uses the bank peru-us-relations" in response.text
    assert (folder / "week.yaml").read_bytes() == OTHER_ID


def test_tampered_restore_ids_are_404_and_change_nothing(app, folder, as_, people):
    msq, mrr = as_("msq"), as_("mrr")
    upload(msq, SMALL, "small.yaml")
    upload(msq, WEEK3, "small.yaml")
    upload(mrr, OTHER_ID, "mine.yaml")
    upload(mrr, OTHER_ID.replace(b"A small", b"My"), "mine.yaml")
    [hers] = restore_ids(msq.get("/teacher/banks/small").text)
    [his] = restore_ids(mrr.get("/teacher/banks/peru-us-relations").text)
    assert restore_ids(mrr.get("/teacher/banks/small").text) == []  # listed, not restorable
    for client, url in [
        (mrr, f"/teacher/banks/small/versions/{hers}"),  # someone else's file
        (msq, "/teacher/banks/small/versions/999999"),  # unknown
        (msq, f"/teacher/banks/small/versions/{his}"),  # another file's version
        (mrr, f"/teacher/banks/peru-us-relations/versions/{hers}"),
        (msq, f"/teacher/banks/nobank/versions/{hers}"),
    ]:
        assert client.post(url).status_code == 404, url
    assert (folder / "small.yaml").read_bytes() == WEEK3
    assert len(kept(app)) == 1


def test_a_restore_needs_the_csrf_token(app, folder, as_, people):
    msq = as_("msq")
    upload(msq, SMALL, "small.yaml")
    upload(msq, WEEK3, "small.yaml")
    [version] = restore_ids(msq.get("/teacher/banks/small").text)
    app.config["WTF_CSRF_ENABLED"] = True
    assert msq.post(f"/teacher/banks/small/versions/{version}").status_code == 400
    assert (folder / "small.yaml").read_bytes() == WEEK3
    page = msq.get("/teacher/banks/small").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    assert msq.post(f"/teacher/banks/small/versions/{version}",
                    data={"csrf_token": token}).status_code == 303
    assert (folder / "small.yaml").read_bytes() == SMALL


def test_the_banks_page_and_the_bank_page_show_the_owner(app, folder, as_, people):
    names(app, msq="Ms Q")
    upload(as_("msq"), SMALL, "small.yaml")
    mrr = as_("mrr")
    assert "Owner: Ms Q" in mrr.get("/teacher/").text
    page = mrr.get("/teacher/banks/small").text
    assert "belongs to Ms Q, who uploaded it" in page


def test_a_failed_commit_puts_the_old_file_back(app, folder, as_, people, monkeypatch):
    msq = as_("msq")
    upload(msq, SMALL, "small.yaml")
    from quizapp.services import uploads

    real, seen = uploads.write_transaction, []

    @contextmanager
    def commit_fails():
        with real():
            yield
            seen.append(sorted(p.name for p in folder.iterdir()))  # written, not committed
            raise RuntimeError("the database went away")

    monkeypatch.setattr(uploads, "write_transaction", commit_fails)
    with pytest.raises(RuntimeError):
        upload(msq, WEEK3, "small.yaml")
    assert (folder / "small.yaml").read_bytes() == SMALL and kept(app) == []
    with pytest.raises(RuntimeError):
        upload(msq, OTHER_ID, "new.yaml")
    assert not (folder / "new.yaml").exists()
    assert seen == [["small.yaml"], ["new.yaml", "small.yaml"]]


@pytest.mark.parametrize(("name", "stored", "english", "spanish"), [
    ("peru.yaml", "Peru and the US", "Peru and the US", "Peru and the US"),
    ("peru.yaml", "", "(a file that did not load)", "(un archivo que no cargó)"),
    ("peru.yaml", "(a file that did not load)", "(a file that did not load)",
     "(un archivo que no cargó)"),  # as versions kept before titles were said
    ("peru.txt", "Peru and the US", "The source text of Peru and the US",
     "El texto fuente de Peru and the US"),
    ("peru.txt", "The source text of Peru and the US", "The source text of Peru and the US",
     "El texto fuente de Peru and the US"),
    ("quiz.aiken.txt", "Quiz", "Quiz", "Quiz"),  # a question file, not a source
])
def test_a_kept_version_s_title_is_said_in_the_reader_s_language(app, name, stored, english,
                                                                  spanish):
    from quizapp.services.bank_versions import shown_title
    with app.test_request_context():
        assert str(shown_title(name, stored)) == english
    with app.test_request_context(headers={"Accept-Language": "es"}):
        assert str(shown_title(name, stored)) == spanish
