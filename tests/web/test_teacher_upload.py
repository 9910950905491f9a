"""Uploading a question file: checked before it is written, saved inside the folder, live at once."""

import io
import re
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.services import catalog as catalog_module
from quizapp.services.catalog import Catalog, current_catalog
from quizapp.services.uploads import MAX_UPLOAD, UploadRejected, upload_name
from tests.web.teacher_helpers import sign_in_teacher

DATA = Path(__file__).parents[1] / "data"
SMALL = (DATA / "good" / "small.yaml").read_bytes()
BAD = (DATA / "broken" / "bad-answer.yaml").read_bytes()


@pytest.fixture
def teacher(auth):
    sign_in_teacher(auth)


def upload(client, data, name, **fields):
    """Post a file as a browser would (encoded here: the test client leaves large bodies open)."""
    values = {"file": FileStorage(io.BytesIO(data), filename=name)} | fields
    boundary, body = encode_multipart(values)
    return client.post("/teacher/upload", data=body,
                       content_type=f"multipart/form-data; boundary={boundary}")


def test_a_good_file_is_saved_and_its_preview_shown(app, client, folder, teacher):
    response = upload(client, SMALL, "small.yaml")
    assert response.status_code == 303
    assert response.location == "/teacher/banks/small"
    assert (folder / "small.yaml").read_bytes() == SMALL
    page = client.get(response.location).text
    assert "Saved small.yaml" in page and "In which year was the U.S. mission" in page


def test_an_uploaded_bank_is_at_once_on_the_home_page(client, folder, teacher):
    assert "A small bank" not in client.get("/").text
    upload(client, SMALL, "small.yaml")
    assert "A small bank" in client.get("/").text


def test_another_process_sees_the_upload_without_a_restart(
    app, client, folder, teacher, monkeypatch
):
    other = Catalog(folder)  # another server process's catalog, loaded before the upload
    assert other.banks == {}
    monkeypatch.setattr(catalog_module, "CHECK_INTERVAL", 0.0)  # its next look, without waiting
    upload(client, SMALL, "small.yaml")
    assert "small" in other.banks


def test_a_bad_file_is_refused_with_every_problem_and_nothing_is_written(client, folder, teacher):
    response = upload(client, BAD + b"  - id: [\n", "week3.yaml")
    assert response.status_code == 400
    assert "Not saved" in response.text
    assert "week3.yaml:" in response.text
    assert list(folder.iterdir()) == []


def test_each_problem_names_the_file_and_line(client, folder, teacher):
    response = upload(client, BAD, "week3.yaml")
    assert "week3.yaml:8: " in response.text  # the `answer:` line


def test_a_file_that_is_not_utf8_is_refused(client, folder, teacher):
    response = upload(client, "bank: x\ntitle: Perú\n".encode("latin-1"), "x.yaml")
    assert response.status_code == 400 and "UTF-8" in response.text


def test_a_file_over_the_limit_is_refused_with_413_and_a_clear_message(client, folder, teacher):
    # The request may carry a bank and its source text: over twice the limit is cut short.
    response = upload(client, b"#" * (2 * MAX_UPLOAD + 100 * 1024), "big.yaml")
    assert response.status_code == 413
    assert "larger than 1024 KB" in response.text
    assert list(folder.iterdir()) == []


def test_with_csrf_on_the_size_limit_applies_before_the_token_is_read(app, client, folder, teacher):
    app.config["WTF_CSRF_ENABLED"] = True  # as in production: CSRFProtect reads the body first
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/teacher/upload").text)[1]
    response = upload(client, b"#" * (2 * MAX_UPLOAD + 100 * 1024), "big.yaml", csrf_token=token)
    assert response.status_code == 413 and "larger than 1024 KB" in response.text
    assert upload(client, SMALL, "small.yaml", csrf_token=token).status_code == 303
    assert upload(client, SMALL, "small.yaml").status_code == 400  # no token


def test_a_file_just_over_the_limit_is_refused_too(client, folder, teacher):
    response = upload(client, b"#" * (MAX_UPLOAD + 1), "big.yaml")
    assert response.status_code == 400
    assert "larger than 1024 KB" in response.text


@pytest.mark.parametrize("name", ["notes.txt", "bank.exe", "yaml", ".yaml", "", "bank.yaml.exe"])
def test_a_name_without_a_question_file_suffix_is_refused(client, folder, teacher, name):
    response = upload(client, SMALL, name)
    assert response.status_code == 400
    assert list(folder.iterdir()) == []


def test_a_name_reaching_out_of_the_folder_is_saved_inside_it(client, folder, teacher, tmp_path):
    response = upload(client, SMALL, "../../x.yaml")
    assert response.status_code == 303
    assert (folder / "x.yaml").exists()
    assert not (tmp_path / "x.yaml").exists() and not (tmp_path.parent / "x.yaml").exists()


def test_a_link_in_the_folder_pointing_outside_is_not_written_through(
    client, folder, teacher, tmp_path
):
    outside = tmp_path / "outside.yaml"
    (folder / "linked.yaml").symlink_to(outside)
    response = upload(client, SMALL, "linked.yaml")
    assert response.status_code == 400
    assert "outside the questions folder" in response.text
    assert not outside.exists()


def test_a_300_character_name_is_refused_with_a_message_not_a_500(client, folder, teacher):
    response = upload(client, SMALL, "b" * 300 + ".yaml")
    assert response.status_code == 400
    assert "300 characters long" in response.text and "at most 80" in response.text
    assert list(folder.iterdir()) == []
    assert upload(client, SMALL, "b" * 80 + ".yaml").status_code == 303


def test_names_are_made_safe_and_their_suffix_lower_case():
    assert upload_name("Week 3 (Perú).YAML") == "Week_3_Peru.yaml"
    assert upload_name("/etc/passwd.yml") == "etc_passwd.yml"
    with pytest.raises(UploadRejected):
        upload_name("..")


def test_a_bank_id_used_by_another_file_is_refused(client, folder, teacher):
    upload(client, SMALL, "small.yaml")
    response = upload(client, SMALL.replace(b"A small bank", b"Copy"), "copy.yaml")
    assert response.status_code == 400
    assert "bank id &#39;small&#39; is already used by small.yaml" in response.text
    assert "upload it as small.yaml to replace" in response.text
    assert not (folder / "copy.yaml").exists()


def test_uploading_a_file_again_under_its_name_replaces_it(app, client, folder, teacher):
    upload(client, SMALL, "small.yaml")
    response = upload(client, SMALL.replace(b"A small bank", b"A better bank"), "small.yaml")
    assert response.status_code == 303
    assert "Replaced small.yaml" in client.get(response.location).text
    with app.app_context():
        assert current_catalog().get("small").title == "A better bank"
    assert sorted(p.name for p in folder.iterdir()) == ["small.yaml"]  # no temporary file left


def test_the_upload_form_says_which_formats_it_reads(client, folder, teacher):
    page = client.get("/teacher/upload").text
    assert 'enctype="multipart/form-data"' in page
    assert "<code>.yaml</code>" in page


def test_a_post_without_a_file_gives_the_form_back(client, folder, teacher):
    response = client.post("/teacher/upload", data={})
    assert response.status_code == 400
    assert "Choose a question file" in response.text


MIXED = (DATA / "import" / "broken" / "one-option.gift").read_bytes()  # 'Lima' lists one option
PICTURE = (b'::Talara::[html]<p>Where is the airport on this map?</p>'
           b'<img src="@@PLUGINFILE@@/talara.png" alt="A map">{=Talara ~Lima}\n')


def test_a_moodle_file_with_a_broken_question_is_saved_without_it_and_says_so(app, client,
                                                                              folder, teacher):
    response = upload(client, MIXED, "mixed.gift")
    assert response.status_code == 200
    assert (folder / "mixed.gift").read_bytes() == MIXED
    page = response.text
    assert "Saved mixed.gift: 1 question went in" in page
    assert ("<code>mixed.gift:3: question &#39;lima&#39; is left out: a multiple question must "
            "list 2 to 8 options, but lists 1</code>") in page
    assert 'href="/teacher/banks/one-option"' not in page  # the bank id is the file's name
    assert 'href="/teacher/banks/mixed"' in page
    with app.app_context():
        assert [q.id for q in current_catalog().get("mixed").questions] == ["canal"]


def test_a_question_that_shows_a_picture_quipu_has_not_is_named_on_the_page(client, folder,
                                                                            teacher):
    page = upload(client, PICTURE, "map.gift").text
    assert "Saved map.gift: 1 question went in" in page and "To check: 1" in page
    assert ("map.gift:1: question &#39;talara&#39; shows a picture (talara.png) that Quipu does "
            "not have") in page


def test_a_broken_yaml_file_is_still_refused_whole(client, folder, teacher):
    response = upload(client, BAD, "week3.yaml")
    assert response.status_code == 400 and not (folder / "week3.yaml").exists()


def test_a_moodle_file_with_no_usable_question_is_refused_saying_why(client, folder, teacher):
    response = upload(client, b"::q::Q?{=a =b ~c}\n", "two-keys.gift")
    assert response.status_code == 400 and not (folder / "two-keys.gift").exists()
    assert ("two-keys.gift:1: question &#39;q&#39; is left out: a choice question has one right "
            "answer, but 2 are marked right") in response.text
    assert "the file holds no question Quipu can use (1 skipped)" in response.text
