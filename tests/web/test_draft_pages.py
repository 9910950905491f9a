"""New bank from a text (/teacher/banks/draft): paste or upload, see the draft, create the bank."""

import io
import re

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.bank.text_input import MAX_TEXT
from tests.web.conftest import elements
from tests.web.teacher_helpers import sign_in_teacher

TEXT = """In 1914 the Panama Canal opens to ships from every nation.

During the term of President Augusto B. Leguía (1919-1930), U.S. capital grows in Peru. For the
first time it passes British investment.

The Debt Crisis of the 1980s strikes Latin America hard.
"""


@pytest.fixture
def teacher(auth):
    sign_in_teacher(auth)


def post(client, url, **values):
    """A multipart post, as the page's forms send."""
    boundary, body = encode_multipart(values)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def draft(client, title="Canal and capital", text=TEXT, file=None):
    values = {"title": title, "text": text}
    if file is not None:
        values["file"] = FileStorage(io.BytesIO(file[1]), filename=file[0])
    return post(client, "/teacher/banks/draft", **values)


def create_values(page):
    """The hidden fields of the page's "Create this bank" form."""
    form = page.split('action="/teacher/banks/draft/create"', 1)[1].split("</form>", 1)[0]
    return {a["name"]: a.get("value", "") for a in elements(form, "input")
            if a["name"] != "csrf_token"}


def test_the_page_asks_for_a_title_and_a_text_or_a_file(client, teacher):
    page = client.get("/teacher/banks/draft")
    assert page.status_code == 200
    assert "New bank from a text" in page.text
    for name in ("title", "text", "file"):
        assert elements(page.text, id=name)


def test_a_pasted_text_is_drafted_and_shown_with_its_counts_and_notes(client, folder, teacher):
    page = draft(client)
    assert page.status_code == 200, page.text
    assert "<strong>4 facts</strong>," in page.text and "4 of them dated" in page.text
    assert "1 person with their terms" in page.text
    assert "from the context: check it" in page.text
    assert "1919–1930" in page.text and "the 1980s" in page.text
    assert "Create this bank" in page.text
    assert list(folder.iterdir()) == []  # nothing saved yet


def test_create_saves_the_bank_and_its_source_then_goes_to_the_editor(client, folder, teacher):
    values = create_values(draft(client).text)
    assert values["create-title"] == "Canal and capital" and "Leguía" in values["create-text"]
    created = post(client, "/teacher/banks/draft/create", **values)
    assert created.status_code == 303, created.text
    assert created.location == "/teacher/banks/canal-and-capital/edit"
    yaml_text = (folder / "canal-and-capital.yaml").read_text("utf-8")
    assert "source: canal-and-capital.txt" in yaml_text and "cite:" in yaml_text
    assert (folder / "canal-and-capital.txt").read_text("utf-8") == TEXT
    preview = client.get("/teacher/banks/canal-and-capital")
    assert preview.status_code == 200 and "Canal and capital" in preview.text
    assert "Canal and capital" in client.get("/teacher/").text  # owned by the teacher: listed


def test_a_name_clash_saves_nothing_and_says_so(client, folder, teacher):
    values = create_values(draft(client).text)
    assert post(client, "/teacher/banks/draft/create", **values).status_code == 303
    before = sorted(p.name for p in folder.iterdir())
    again = post(client, "/teacher/banks/draft/create", **values)
    assert again.status_code == 400
    assert "There is a bank named “canal-and-capital” already" in again.text
    assert "give this one another title" in again.text
    assert sorted(p.name for p in folder.iterdir()) == before


def test_an_html_file_is_read_as_text_and_its_scripts_are_not(client, folder, teacher):
    html = (b"<html><head><script>alert(1)</script></head><body><p>In 1914 the canal opens to "
            b"ships.</p><p>Trade grows &amp; grows in 1916 between both.</p></body></html>")
    page = draft(client, text="", file=("page.html", html))
    assert page.status_code == 200, page.text
    assert "<strong>2 facts</strong>" in page.text and "alert" not in page.text
    assert "Trade grows &amp; grows between both." in page.text


def test_a_markdown_file_keeps_its_source_as_markdown(client, folder, teacher):
    page = draft(client, text="", file=("notes.md", b"# Notes\n\nIn 1914 the canal opens."))
    values = create_values(page.text)
    assert values["create-markdown"] == "md"
    assert post(client, "/teacher/banks/draft/create", **values).status_code == 303
    assert (folder / "canal-and-capital.md").is_file()
    assert "source: canal-and-capital.md" in (folder / "canal-and-capital.yaml").read_text()


@pytest.mark.parametrize(("values", "field", "says"), [
    ({"title": "", "text": TEXT}, "title", "Give the bank a title"),
    ({"title": "x" * 121, "text": TEXT}, "title", "keep it to 120"),
    ({"title": "—", "text": TEXT}, "title", "needs a letter or a digit"),
    ({"title": "T", "text": "  "}, "text", "Paste a text, or choose"),
    ({"title": "T", "text": "... 12 !!"}, "text", "no sentences to draft facts from"),
    ({"title": "T", "text": TEXT, "file": ("a.txt", b"In 1914 x y z.")}, "text", "not both"),
    ({"title": "T", "text": "", "file": ("a.pdf", b"%PDF-1")}, "file", "not a text file"),
    ({"title": "T", "text": "", "file": ("a.txt", b"%PDF-1.4")}, "file", "this is a PDF"),
    ({"title": "T", "text": "", "file": ("a.txt", b"Caf\xe9 in 1914")}, "file", "not UTF-8"),
    ({"title": "T", "text": "", "file": ("a.txt", b"\x00\x01bin")}, "file", "binary file"),
])
def test_bad_input_is_a_400_with_the_message_beside_its_field(client, folder, teacher, values,
                                                              field, says):
    page = draft(client, values["title"], values["text"], values.get("file"))
    assert page.status_code == 400
    error = re.search(rf'<p class="error" id="{field}-error">(.*?)</p>', page.text, re.S)
    assert error and says in error.group(1).replace("&#39;", "'").replace("&amp;", "&"), page.text
    assert elements(page.text, id=field)[0].get("aria-invalid") == "true"
    assert list(folder.iterdir()) == []


def test_a_text_over_a_megabyte_is_refused_with_a_413(client, folder, teacher):
    page = draft(client, text="", file=("big.txt", b"a " * (MAX_TEXT // 2 + 1)))
    assert page.status_code == 400 and "larger than 1024 KB" in page.text
    huge = draft(client, text="a" * (2 * MAX_TEXT + 70_000))
    assert huge.status_code == 413 and "larger than 1024 KB" in huge.text


def test_a_tampered_create_form_saves_nothing_it_should_not(client, folder, teacher):
    values = create_values(draft(client).text)
    assert post(client, "/teacher/banks/draft/create", **(values | {"create-text": ""})).status_code == 400
    assert post(client, "/teacher/banks/draft/create", **(values | {"create-title": ""})).status_code == 400
    assert list(folder.iterdir()) == []


def test_students_and_visitors_cannot_draft(client, auth, folder):
    assert client.get("/teacher/banks/draft").status_code == 302  # to sign in
    auth.create("stu")
    auth.login("stu")
    assert client.get("/teacher/banks/draft").status_code == 403
    assert post(client, "/teacher/banks/draft/create", **{"create-title": "T", "create-text": TEXT}).status_code == 403
    assert list(folder.iterdir()) == []


def test_every_field_with_a_problem_says_so_at_once(client, folder, teacher):
    page = draft(client, title="", text="")
    assert page.status_code == 400
    assert 'id="title-error">Give the bank a title' in page.text
    assert 'id="text-error">Paste a text, or choose' in page.text


def test_a_bank_file_that_appears_meanwhile_is_never_overwritten(app, client, folder, teacher,
                                                                  monkeypatch):
    """Two teachers creating the same bank at once: the second finds its name taken."""
    from quizapp.services import bank_drafts

    values = create_values(draft(client).text)
    real = bank_drafts.check_upload

    def meanwhile(name, data, banks, target, source=None):
        bank = real(name, data, banks, target, source)
        target.write_text("another teacher's bank", "utf-8")
        return bank

    monkeypatch.setattr(bank_drafts, "check_upload", meanwhile)
    page = post(client, "/teacher/banks/draft/create", **values)
    assert page.status_code == 400 and "(canal-and-capital.yaml)" in page.text
    assert (folder / "canal-and-capital.yaml").read_text("utf-8") == "another teacher's bank"
    assert not (folder / "canal-and-capital.txt").exists()


def test_when_saving_the_bank_fails_its_text_is_removed_again(app, client, folder, teacher,
                                                              monkeypatch):
    from quizapp.services import bank_drafts
    from quizapp.services.uploads import NotYours

    values = create_values(draft(client).text)

    def refused(*args, **kwargs):
        raise NotYours(["canal-and-capital.yaml: This file belongs to someone else."])

    monkeypatch.setattr(bank_drafts, "put_file", refused)
    page = post(client, "/teacher/banks/draft/create", **values)
    assert page.status_code == 403 and "belongs to someone else" in page.text
    assert list(folder.iterdir()) == []


def test_with_csrf_on_a_create_without_its_token_saves_nothing(app, client, folder, teacher):
    app.config["WTF_CSRF_ENABLED"] = True
    form_page = client.get("/teacher/banks/draft").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form_page).group(1)
    page = draft(client, text=TEXT)  # no token
    assert page.status_code == 400 and list(folder.iterdir()) == []
    shown = post(client, "/teacher/banks/draft", title="Canal and capital", text=TEXT,
                 csrf_token=token)
    assert shown.status_code == 200
    values = create_values(shown.text)
    assert post(client, "/teacher/banks/draft/create", **values).status_code == 400
    assert list(folder.iterdir()) == []
    created = post(client, "/teacher/banks/draft/create", **values, csrf_token=token)
    assert created.status_code == 303 and (folder / "canal-and-capital.yaml").is_file()


def test_a_long_draft_lists_its_first_facts_and_says_how_many_more(client, folder, teacher):
    text = "\n\n".join(f"In {1500 + i} the town number {i} was founded by settlers." for i in range(320))
    page = draft(client, text=text)
    assert page.status_code == 200
    assert page.text.count('<li class="draft-fact') == 300
    assert "And 20 more facts: every fact is in the bank file below." in page.text
