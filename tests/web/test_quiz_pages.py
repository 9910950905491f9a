"""The quiz pages: the banks, a quiz, its review, and the history."""

import re
from dataclasses import replace

import pytest

from quizapp.bank.model import BankError, LoadResult
from quizapp.services import catalog
from quizapp.web.forms import answer_field
from tests.sample_bank import FACTS, QUESTIONS, SAMPLE_BANK
from tests.web.conftest import elements


def test_home_lists_every_bank_with_its_counts_and_a_form_to_start(client):
    page = client.get("/").text
    assert "A sample bank" in page
    assert "4 questions: 3 choice" in page and "1 ordering" in page and "4 facts" in page
    assert elements(page, "select", name="bank")
    assert {a["value"] for a in elements(page, "input", name="mode")} == {
        "mixed", "choice", "ordering"}
    assert elements(page, "input", name="length", value="10", min="1", max="50")


def test_starting_a_quiz_needs_a_signed_in_learner(client):
    response = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 10})
    assert response.status_code == 302
    assert response.location.startswith("/login")


@pytest.mark.parametrize(("mode", "types"), [
    ("mixed", {"choice", "multiple", "ordering"}),
    ("choice", {"choice", "multiple"}),
    ("ordering", {"ordering"}),
])
def test_starting_a_quiz_in_each_mode_serves_its_questions(client, signed_in, quiz, mode, types):
    attempt_id = quiz.start(mode)
    assert {snap.type for _, snap in quiz.served(attempt_id)} == types
    assert client.get(f"/attempts/{attempt_id}").status_code == 200


@pytest.mark.parametrize("length", ["0", "51", "ten", ""])
def test_a_length_outside_1_to_50_gives_the_form_back_with_a_message(client, signed_in, length):
    response = client.post("/", data={"bank": "sample", "mode": "mixed", "length": length})
    assert response.status_code == 400
    assert elements(response.text, "p", **{"class": "error", "id": "length-error"})


def test_an_unknown_bank_gives_the_form_back(client, signed_in):
    response = client.post("/", data={"bank": "nope", "mode": "mixed", "length": 10})
    assert response.status_code == 400
    assert "Not a valid choice" in response.text


def test_the_quiz_page_asks_each_question_in_a_fieldset_with_the_right_inputs(
    client, signed_in, quiz
):
    attempt_id = quiz.start()
    page = client.get(f"/attempts/{attempt_id}").text
    served = quiz.served(attempt_id)
    assert len(elements(page, "fieldset")) == len(served) == page.count("<legend>")
    for item_id, snap in served:
        if snap.type == "ordering":
            for option in snap.options:
                name = answer_field(item_id, option.id)
                [select] = elements(page, "select", name=name)
                assert elements(page, "label", **{"for": select["id"]})
                assert len(elements(page, "option")) > len(snap.options)
        else:
            kind = "radio" if snap.type == "choice" else "checkbox"
            inputs = elements(page, "input", name=answer_field(item_id))
            assert [i["type"] for i in inputs] == [kind] * len(snap.options)
            assert all(elements(page, "label", **{"for": i["id"]}) for i in inputs)


def test_the_quiz_page_shows_the_options_in_the_served_order(client, signed_in, quiz):
    attempt_id = quiz.start()
    page = client.get(f"/attempts/{attempt_id}").text
    for _, snap in quiz.served(attempt_id):
        texts = [o.text for o in snap.options]
        at = [page.index(f">{text}</label>", page.index(snap.prompt)) for text in texts]
        assert at == sorted(at)


def test_the_quiz_page_reveals_no_key_nor_question_or_fact_ids(client, signed_in, quiz):
    attempt_id = quiz.start()
    page = client.get(f"/attempts/{attempt_id}").text
    for question in QUESTIONS:
        assert question.id not in page
        assert question.explanation == "" or question.explanation not in page
    attribute_values = {v for a in elements(page) for v in a.values() if v}
    names = {a["name"] for a in elements(page) if a.get("name")}
    for fact in FACTS:
        assert fact.id not in attribute_values
        assert not any(fact.id in name for name in names)
    assert "correct" not in page.lower() and "key" not in attribute_values


def test_right_answers_score_100_percent(client, signed_in, quiz):
    attempt_id = quiz.start()
    response = client.post(f"/attempts/{attempt_id}", data=quiz.right_form(attempt_id))
    assert response.status_code == 303
    assert response.location == f"/attempts/{attempt_id}"
    assert "100%" in client.get(response.location).text
    assert quiz.stored(attempt_id)[0] == 4.0


def test_an_ordering_question_left_blank_is_unanswered(client, signed_in, quiz):
    attempt_id = quiz.start("ordering")
    assert client.post(f"/attempts/{attempt_id}", data={"confirm": "1"}).status_code == 303
    assert quiz.stored(attempt_id) == (0.0, [None])
    assert "Not answered" in client.get(f"/attempts/{attempt_id}").text


def _ordering(quiz, attempt_id):
    return next((i, s) for i, s in quiz.served(attempt_id) if s.type == "ordering")


def test_a_repeated_position_gives_the_page_back_with_a_message_and_the_answers_kept(
    client, signed_in, quiz
):
    attempt_id = quiz.start()
    data = quiz.right_form(attempt_id)
    item_id, snap = _ordering(quiz, attempt_id)
    first, second = (answer_field(item_id, o.id) for o in snap.options[:2])
    data[second] = data[first]
    response = client.post(f"/attempts/{attempt_id}", data=data)
    assert response.status_code == 400
    page = response.text
    [problem] = elements(page, "p", id=f"problem-{item_id}")
    assert f"Position {data[first]} is given to more than one item" in page
    assert elements(page, "fieldset", id=f"q-{item_id}")[0]["aria-describedby"].endswith(
        f"problem-{item_id}")
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        if name.count(".") == 2:  # an ordering position: the select keeps it
            assert re.search(rf'name="{re.escape(name)}"[^>]*>\s*<option value="">Position'
                             rf'</option>.*?<option value="{value}" selected>', page, re.S)
        else:
            checked = {a["value"] for a in elements(page, "input", name=name) if "checked" in a}
            assert checked == set(values)
    assert quiz.stored(attempt_id)[0] is None


def test_an_order_filled_in_part_is_refused_too(client, signed_in, quiz):
    attempt_id = quiz.start("ordering")
    item_id, snap = _ordering(quiz, attempt_id)
    response = client.post(f"/attempts/{attempt_id}",
                           data={answer_field(item_id, snap.options[0].id): "1"})
    assert response.status_code == 400
    assert "Give every item a position from 1 to 4" in response.text


def test_a_second_submission_gets_409_pointing_to_the_review(client, signed_in, quiz):
    attempt_id = quiz.start()
    client.post(f"/attempts/{attempt_id}", data={"confirm": "1"})
    response = client.post(f"/attempts/{attempt_id}", data=quiz.right_form(attempt_id))
    assert response.status_code == 409
    assert "already submitted" in response.text
    assert elements(response.text, "a", href=f"/attempts/{attempt_id}")
    assert quiz.stored(attempt_id)[0] == 0.0


def test_another_learners_attempt_is_not_found(client, auth, quiz):
    auth.guest("Ann")
    attempt_id = quiz.start()
    auth.logout()
    auth.guest("Bob")
    assert client.get(f"/attempts/{attempt_id}").status_code == 404
    assert client.post(f"/attempts/{attempt_id}", data={}).status_code == 404
    assert client.get("/attempts/no-such-attempt").status_code == 404
    assert quiz.stored(attempt_id)[0] is None


def test_an_answer_naming_an_unknown_option_or_item_is_a_bad_request(client, signed_in, quiz):
    attempt_id = quiz.start("choice")
    item_id, _ = quiz.served(attempt_id)[0]
    for data in ({answer_field(item_id): "not-an-option"}, {answer_field("no-such-item"): "x"}):
        response = client.post(f"/attempts/{attempt_id}", data=data)
        assert response.status_code == 400
        assert "do not fit this quiz" in response.text
    assert quiz.stored(attempt_id)[0] is None


def test_a_score_sent_by_the_client_is_ignored(client, signed_in, quiz):
    attempt_id = quiz.start()
    response = client.post(f"/attempts/{attempt_id}",
                           data={"score": "4", "percent": "100", "points": "1", "confirm": "1"})
    assert response.status_code == 303
    assert quiz.stored(attempt_id)[0] == 0.0


def test_the_review_shows_the_answers_the_right_ones_the_explanation_and_the_facts(
    client, signed_in, quiz
):
    attempt_id = quiz.start("choice")
    served = quiz.served(attempt_id)
    embassy_id, embassy = next((i, s) for i, s in served if s.question_id == "embassy-year")
    wrong = next(o.id for o in embassy.options if o.id not in embassy.key)
    client.post(f"/attempts/{attempt_id}", data={answer_field(embassy_id): wrong, "confirm": "1"})
    page = client.get(f"/attempts/{attempt_id}").text
    assert "0%" in page and "0 of 3 points" in page
    assert "It opened in 1920." in page
    assert "<strong>1920</strong>: An embassy opens." in page
    assert "The right answer" in page and "✗ wrong" in page
    assert page.count("Not answered.") == 2  # the two blank questions' answers
    assert page.count('class="card review result-blank"') == 2
    assert not elements(page, "form", method="post", **{"class": "quiz"})


def test_the_review_shows_the_right_order_and_which_items_are_in_place(client, signed_in, quiz):
    attempt_id = quiz.start("ordering")
    item_id, snap = _ordering(quiz, attempt_id)
    key = list(list(snap.key))
    swapped = [key[1], key[0], *key[2:]]  # the first two swapped: the other two in place
    data = {answer_field(item_id, o): str(p) for p, o in enumerate(swapped, start=1)}
    client.post(f"/attempts/{attempt_id}", data=data)
    page = client.get(f"/attempts/{attempt_id}").text
    assert "The right order" in page
    assert page.count("✗ out of place") == 2 and page.count("✓ in its right place") == 2
    right_order = ["A canal opens", "Trade jumps", "An embassy opens", "A treaty is signed"]
    section = page[page.index("The right order"):]
    assert [section.index(t) for t in right_order] == sorted(section.index(t) for t in right_order)


def test_history_lists_the_attempts_newest_first_each_linking_to_its_review(
    client, signed_in, quiz
):
    first = quiz.start("choice")
    client.post(f"/attempts/{first}", data=quiz.right_form(first))
    second = quiz.start("ordering")
    page = client.get("/history").text
    links = [a["href"] for a in elements(page, "a") if a["href"].startswith("/attempts/")]
    assert links == [f"/attempts/{second}", f"/attempts/{first}"]
    assert "A sample bank" in page and "100%" in page and "not submitted yet" in page


def test_an_empty_history_says_how_to_start(client, signed_in):
    page = client.get("/history").text
    assert "You have not taken a quiz yet" in page
    assert elements(page, "a", href="/")


def test_the_history_needs_a_signed_in_learner(client):
    response = client.get("/history")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")


def _catalog(app, tmp_path, banks, problems=()):
    result = LoadResult(banks=banks, problems=problems)
    catalog.init_app(
        app, catalog.Catalog(tmp_path, load=lambda folder: result, questions=lambda b: b.questions)
    )


def test_a_mode_the_bank_has_no_questions_for_gives_the_form_back_with_422(
    app, client, signed_in, tmp_path
):
    no_ordering = tuple(q for q in QUESTIONS if q.type != "ordering")
    _catalog(app, tmp_path, (replace(SAMPLE_BANK, questions=no_ordering),))
    response = client.post("/", data={"bank": "sample", "mode": "ordering", "length": 10})
    assert response.status_code == 422
    assert "choose another mode or bank" in response.text


def test_only_a_teacher_sees_the_files_that_failed_to_load(app, client, auth, tmp_path):
    _catalog(app, tmp_path, (SAMPLE_BANK,), (BankError("bad.yaml", 3, "no prompt"),))
    assert "bad.yaml:3: no prompt" not in client.get("/").text
    auth.create("ms-t", role="teacher")
    auth.login("ms-t")
    assert "bad.yaml:3: no prompt" in client.get("/").text
