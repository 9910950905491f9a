"""A teacher uploads a bank with its source text (the second file of the upload form): saved
beside it under the name the bank gives, its cites checked, owned and kept in versions like the
bank's file. A bank uploaded without its text simply has none."""

from __future__ import annotations

import io

from werkzeug.datastructures import FileStorage

from quizapp.extensions import db
from quizapp.models import BankFileVersion
from tests.web.test_bank_versions import people  # noqa: F401 (a fixture)
from tests.web.test_teacher_upload import SMALL, upload

CITED = SMALL.replace(b"title: A small bank\n", b"title: A small bank\nsource: small-text.txt\n"
                      ).replace(b"    text: The Panama Canal opens.\n",
                                b"    text: The Panama Canal opens.\n    cite: the canal opened\n")
TEXT = b"In 1914 the canal opened.\n\nIn 1920 an embassy came.\n"
NEW_TEXT = b"Then, in 1914, the canal opened to ships.\n"


def send(client, bank=CITED, text: bytes | None = TEXT, text_name="mine.txt", name="small.yaml"):
    fields = {"source": FileStorage(io.BytesIO(text), filename=text_name)} if text else {}
    return upload(client, bank, name, **fields)


def test_a_bank_and_its_text_are_saved_and_the_text_is_read(folder, as_):  # noqa: F811
    msq = as_("msq")
    response = send(msq)
    assert response.status_code == 303, response.text
    assert (folder / "small-text.txt").read_bytes() == TEXT  # under the bank's name for it
    page = msq.get(response.location).text
    assert "Its source text is saved as small-text.txt" in page
    assert 'href="/study/small/text"' in page
    text = msq.get("/study/small/text")
    assert text.status_code == 200 and '<mark id="fact-canal" class="new">the canal opened</mark>' in text.text


def test_a_bank_without_its_text_loads_and_says_so(folder, as_):  # noqa: F811
    msq = as_("msq")
    response = send(msq, text=None)
    assert response.status_code == 200  # saved, with what to check listed beside the form
    page = response.text
    assert "Saved small.yaml" in page
    assert "It names the source text small-text.txt, which is not there" in page
    assert "is named by the bank but is not there" in msq.get("/teacher/banks/small").text
    assert msq.get("/study/small/text").status_code == 404
    assert "Read it in the text" not in msq.get("/study/small").text


def test_a_cite_not_in_the_text_is_refused_and_nothing_is_written(folder, as_):  # noqa: F811
    response = send(as_("msq"), text=b"Nothing about any canal here.\n")
    assert response.status_code == 400
    assert "small.yaml:9: fact &#39;canal&#39;: cite not found in small-text.txt" in response.text
    assert list(folder.iterdir()) == []


def test_a_text_that_is_not_text_is_refused(folder, as_):  # noqa: F811
    response = send(as_("msq"), text=b"the canal opened \xff\xfe")
    assert response.status_code == 400 and "not UTF-8 text" in response.text
    assert list(folder.iterdir()) == []


def test_a_text_for_a_bank_that_names_none_is_refused(folder, as_):  # noqa: F811
    response = send(as_("msq"), bank=SMALL)
    assert response.status_code == 400 and "the bank names none" in response.text
    assert list(folder.iterdir()) == []


def test_the_bank_alone_is_checked_against_the_text_already_there(folder, as_):  # noqa: F811
    msq = as_("msq")
    assert send(msq).status_code == 303
    broken = CITED.replace(b"cite: the canal opened", b"cite: the canal closed")
    response = send(msq, bank=broken, text=None)
    assert response.status_code == 400 and "cite not found in small-text.txt" in response.text


def test_a_new_text_keeps_the_old_one_as_a_version_to_restore(app, folder, as_):  # noqa: F811
    msq = as_("msq")
    send(msq)
    assert send(msq, text=NEW_TEXT).status_code == 303
    assert (folder / "small-text.txt").read_bytes() == NEW_TEXT
    with app.app_context():
        (kept,) = db.session.query(BankFileVersion).filter_by(name="small-text.txt").all()
        assert kept.data == TEXT and kept.bank == "small"
        kept_id = kept.id
    page = msq.get("/teacher/banks/small").text
    assert f'action="/teacher/banks/small/versions/{kept_id}"' in page
    response = msq.post(f"/teacher/banks/small/versions/{kept_id}")
    assert response.status_code == 303
    assert (folder / "small-text.txt").read_bytes() == TEXT
    assert "Restored the source text small-text.txt" in msq.get(response.location).text


def test_a_restored_text_that_lacks_the_cites_is_refused(app, folder, as_):  # noqa: F811
    msq = as_("msq")
    send(msq)
    assert send(msq, bank=CITED.replace(b"cite: the canal opened", b"cite: to ships"),
                text=NEW_TEXT).status_code == 303
    with app.app_context():
        (old,) = db.session.query(BankFileVersion).filter_by(name="small-text.txt").all()
    response = msq.post(f"/teacher/banks/small/versions/{old.id}")  # TEXT has no "to ships"
    assert response.status_code == 400 and "cite not found in small-text.txt" in response.text
    assert (folder / "small-text.txt").read_bytes() == NEW_TEXT


def test_someone_elses_text_is_not_replaced(folder, as_):  # noqa: F811
    assert send(as_("msq")).status_code == 303
    other = CITED.replace(b"bank: small", b"bank: other")
    response = send(as_("mrr"), bank=other, name="other.yaml", text=NEW_TEXT)
    assert response.status_code == 403
    assert ("small-text.txt: This file belongs to msq: give your text another name in the "
            "bank&#39;s &#39;source:&#39;") in response.text
    assert (folder / "small-text.txt").read_bytes() == TEXT
    assert not (folder / "other.yaml").exists()
