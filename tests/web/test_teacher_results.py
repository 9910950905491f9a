"""Class results, one learner's attempts, the CSV exports, and the item analysis page.

Read by an admin, who sees every learner (these learners are guests, in no class); what a teacher
sees of them is tested in test_teacher_scope.py.
"""

import csv
import io
import re

import pytest

from quizapp.extensions import db
from quizapp.services.exports import ATTEMPT_COLUMNS, ITEM_COLUMNS, cell
from tests.web.teacher_helpers import XSS, at, learner_id, sign_in_admin, take

ALL = {"embassy-year", "canal-year", "early-events", "order-all"}


@pytest.fixture
def teacher(auth):
    sign_in_admin(auth)


def read_csv(response):
    """The rows of a CSV download, after checking it starts with the BOM."""
    assert response.data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_the_class_results_give_each_learner_attempts_best_and_last_percent(app, client, teacher):
    take(app, "Ana", right=ALL, started=at(1))
    take(app, "Ana", right={"canal-year"}, started=at(2))
    take(app, "Ben", right={"canal-year", "order-all"}, started=at(1))
    take(app, "Ben", started=at(3), submit=False)
    page = client.get("/teacher/results").text
    ana = page[page.index("Ana"):page.index("Ben")]
    assert "<td>2</td>" in ana and "<td>100%</td>" in ana and "<td>25%</td>" in ana
    ben = page[page.index("Ben"):]
    assert "<td>1</td>" in ben  # one submitted, one not
    assert ben.count("<td>50%</td>") == 2  # best and last


def named(name, page):
    """Whether the page names the learner (a word of its own: a CSRF token may hold "Ana")."""
    return re.search(rf"\b{name}\b", page) is not None


def test_results_filter_by_bank_and_by_days(app, client, teacher):
    take(app, "Ana", started=at(1))
    take(app, "Ben", started=at(5, hour=23))
    assert named("Ben", client.get("/teacher/results?until=2026-11-05").text)
    page = client.get("/teacher/results?since=2026-11-02&until=2026-11-05").text
    assert named("Ben", page) and not named("Ana", page)
    page = client.get("/teacher/results?since=2026-11-06").text
    assert not named("Ben", page) and "No attempts match" in page
    assert named("Ana", client.get("/teacher/results?bank=sample").text)


@pytest.mark.parametrize("query", ["since=yesterday", "since=2026-11-05&until=2026-11-01",
                                   "bank=no-such-bank", "until=2026-13-01"])
def test_results_refuse_filters_that_do_not_make_sense(client, teacher, query):
    assert client.get(f"/teacher/results?{query}").status_code == 400
    assert client.get(f"/teacher/results/attempts.csv?{query}").status_code == 400


def test_one_learners_page_lists_their_attempts_and_links_each_review(app, client, teacher):
    first = take(app, "Ana", right=ALL, started=at(1))
    take(app, "Ana", started=at(2), submit=False)
    page = client.get(f"/teacher/learners/{learner_id(app, 'Ana')}").text
    assert f"/teacher/attempts/{first}" in page and "not submitted yet" in page
    review = client.get(f"/teacher/attempts/{first}").text
    assert "100%" in review and "When did the embassy open?" in review


def test_an_unknown_learner_or_attempt_is_404(client, teacher):
    assert client.get("/teacher/learners/999").status_code == 404
    assert client.get("/teacher/attempts/nope").status_code == 404


def test_the_attempts_csv_has_one_row_an_attempt_in_utf8_with_a_bom(app, client, teacher):
    take(app, "Ana", right={"canal-year"}, started=at(1))
    take(app, "José", started=at(2), submit=False)
    response = client.get("/teacher/results/attempts.csv")
    assert response.mimetype == "text/csv" and response.mimetype_params["charset"] == "utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    header, *rows = read_csv(response)
    assert tuple(header) == ATTEMPT_COLUMNS
    assert [(r[1], r[3], r[10]) for r in rows] == [("Ana", "sample", "25"), ("José", "sample", "")]
    assert rows[0][6] == "2026-11-01T12:00:00Z" and rows[1][7] == ""


def test_the_items_csv_has_one_row_an_attempt_question_with_answers_as_text(app, client, teacher):
    attempt_id = take(app, "Ana", right={"canal-year", "early-events"})
    header, *rows = read_csv(client.get("/teacher/results/items.csv"))
    assert tuple(header) == ITEM_COLUMNS == (
        "learner", "username", "attempt_id", "bank", "assigned_quiz", "position", "question_id",
        "type", "prompt", "answer", "key", "points")
    by_question = {r[6]: dict(zip(header, r, strict=True)) for r in rows}
    assert set(by_question) == ALL and {r[2] for r in rows} == {attempt_id}
    canal = by_question["canal-year"]
    assert (canal["type"], canal["prompt"]) == ("choice", "When did the canal open?")
    assert (canal["answer"], canal["key"], canal["points"]) == ("1914", "1914", "1.0")
    early = by_question["early-events"]
    assert sorted(early["answer"].split(" | ")) == ["A canal opens", "Trade jumps"]
    order = by_question["order-all"]
    assert order["answer"] == "A treaty is signed | An embassy opens | Trade jumps | A canal opens"
    assert order["points"] == "0.0"


def test_the_csv_neutralises_cells_a_spreadsheet_would_run(app, client, teacher):
    take(app, '=HYPERLINK("http://evil","x")')
    take(app, XSS)
    rows = read_csv(client.get("/teacher/results/items.csv"))
    names = {r[0] for r in rows[1:]}
    assert names == {"'=HYPERLINK(\"http://evil\",\"x\")", XSS}  # the script stays plain text


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1"])
def test_each_formula_start_is_neutralised(text):
    assert cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Ana", "1920", "a=b", "", 1.0, 0.5])
def test_other_cells_are_left_as_they_are(value):
    assert cell(value) == value


def test_the_exports_follow_the_filters(app, client, teacher):
    take(app, "Ana", started=at(1))
    take(app, "Ben", started=at(5))
    _, *rows = read_csv(client.get("/teacher/results/attempts.csv?since=2026-11-03"))
    assert [r[1] for r in rows] == ["Ben"]
    _, *rows = read_csv(client.get("/teacher/results/items.csv?until=2026-11-03"))
    assert {r[0] for r in rows} == {"Ana"} and len(rows) == 4


def test_the_analysis_page_shows_the_hand_computed_statistics(app, client, teacher):
    # The four learners of tests/quiz/test_analysis.py (q1 embassy-year, q2 canal-year,
    # q3 early-events); everyone gets order-all wrong, which adds 0 to every score.
    for name, right in [("A", {"embassy-year", "canal-year", "early-events"}),
                        ("B", {"embassy-year", "canal-year"}), ("C", {"embassy-year"}),
                        ("D", {"early-events"})]:
        take(app, name, right=right, started=at(1))
        take(app, name, right=ALL, started=at(2))  # a second attempt: not counted
    page = client.get("/teacher/banks/sample/analysis").text
    assert "4 attempts" in page
    row = page[page.index("When did the canal open?"):]
    assert "<td>4</td>" in row[:300] and "50.0%" in row[:300] and "0.58" in row[:300]
    row = page[page.index("When did the embassy open?"):]
    assert "75.0%" in row[:300] and "0.50" in row[:300] and "0.00" in row[:300]
    row = page[page.index("Which happened before 1919?"):]
    assert "-0.30" in row[:300] and "Too few answers yet: 4." in row[:500]
    row = page[page.index("Put these in order."):]
    assert "0.0%" in row[:300] and "Too few answers yet: 4." in row[:500]
    assert "check the key" not in page and "Very hard" not in page
    assert "0 of 4 questions need a look" in page


def test_the_analysis_flags_questions_once_ten_first_attempts_answered_them(app, client, teacher):
    for i in range(9):
        take(app, f"L{i}", right={"embassy-year"}, started=at(1))
    page = client.get("/teacher/banks/sample/analysis").text
    assert "Too few answers yet: 9." in page and "Very hard" not in page
    take(app, "L9", right={"embassy-year"}, started=at(1))
    page = client.get("/teacher/banks/sample/analysis").text
    assert "Too few answers yet" not in page
    row = page[page.index("Put these in order."):]
    assert "Very hard" in row[:500]
    assert "4 of 4 questions need a look" in page  # embassy-year: everyone right, very easy


def test_the_analysis_of_a_bank_without_attempts_says_so(client, teacher):
    page = client.get("/teacher/banks/sample/analysis").text
    assert "No submitted attempts yet" in page and "Not available" in page


def test_the_analysis_of_an_unknown_bank_is_404(client, teacher):
    assert client.get("/teacher/banks/nope/analysis").status_code == 404


def practise(app, name, right, started=None):
    """`name` answers one practice question, right or not (started at `started`, if given)."""
    from quizapp.services.attempts import submit_attempt
    from quizapp.services.study import start_practice
    from tests.web.teacher_helpers import answer, learner_named

    with app.app_context():
        learner = learner_named(name)
        attempt = start_practice(learner, "sample")
        item = attempt.items[0]
        submit_attempt(learner, attempt.id, {item.public_id: answer(item.snapshot, right)})
        if started is not None:
            attempt.started = started
            db.session.commit()


def test_practice_answers_are_listed_apart_and_never_count_in_the_quiz_percents(
        app, client, teacher):
    take(app, "Ana", right={"canal-year"}, started=at(1))  # 25%
    for right in (True, True, True, False):
        practise(app, "Ana", right)
    practise(app, "Cy", True)  # practice only: no quiz row for Cy
    page = client.get("/teacher/results").text
    quizzes = page[page.index('id="quizzes-heading"'):page.index('id="practice-heading"')]
    ana = quizzes[quizzes.index("Ana"):]
    assert "<td>1</td>" in ana[:200] and ana[:400].count("<td>25%</td>") == 2
    assert "Cy" not in quizzes
    practice = page[page.index('id="practice-heading"'):]
    ana = practice[practice.index("Ana"):practice.index("Cy")]
    assert "<td>4</td>" in ana and "<td>75%</td>" in ana
    cy = practice[practice.index("Cy"):]
    assert "<td>1</td>" in cy and "<td>100%</td>" in cy
    assert 'id="average">25%, over 1 learner with a submitted quiz' in page


def test_the_class_average_median_and_spread_of_best_percents(app, client, teacher):
    take(app, "Ana", right=ALL, started=at(1))  # 100
    take(app, "Ana", right=(), started=at(2))  # 0, but her best is 100
    take(app, "Ben", right={"canal-year", "order-all"}, started=at(1))  # 50
    take(app, "Cy", right={"canal-year"}, started=at(1))  # 25
    take(app, "Di", started=at(1), submit=False)  # nothing submitted: not in the numbers
    page = client.get("/teacher/results").text
    assert 'id="average">58.3%, over 3 learners with a submitted quiz' in page
    assert 'id="median">50%' in page
    assert '<svg class="histogram"' in page and 'role="img"' in page
    assert "<title>20–30%: 1 learner</title>" in page
    assert "<title>90–100%: 1 learner</title>" in page
    assert page.count('<rect class="bar"') == 3
    table = page[page.index("Learners by best quiz percent"):]
    assert "<tr><td>50–60%</td><td>1</td></tr>" in table
    assert "<tr><td>0–10%</td><td>0</td></tr>" in table


def test_the_numbers_follow_the_filters(app, client, teacher):
    take(app, "Ana", right=ALL, started=at(1))
    take(app, "Ben", right=(), started=at(5))
    page = client.get("/teacher/results?since=2026-11-03").text
    assert 'id="average">0%, over 1 learner' in page
    page = client.get("/teacher/results?since=2026-11-09").text
    assert 'id="average"' not in page and "No attempts match yet." in page


def test_item_analysis_reads_first_quiz_attempts_never_practice(app, client, teacher):
    practise(app, "Ana", False, started=at(1, hour=8))  # before her quiz: never her first
    take(app, "Ana", right=ALL, started=at(1))
    page = client.get("/teacher/banks/sample/analysis").text
    assert "1 attempt." in page
    assert "<td>0%</td>" not in page  # her quiz: everything right
