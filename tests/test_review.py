"""The review of a submitted attempt, read from the snapshots."""

from quizapp.models import Attempt, AttemptItem
from quizapp.services.review import review, review_item

ORDER = {
    "type": "ordering", "prompt": "Order them.", "key": ["a", "b", "c", "d"],
    "options": [{"id": o, "text": o.upper()} for o in "dcba"],
    "explanation": "", "feedback": {},
    "facts": [{"id": "f", "year": 1914, "label": "1914", "text": "A canal opens."}],
}
MULTIPLE = {
    "type": "multiple", "prompt": "Which?", "key": ["a", "b"],
    "options": [{"id": o, "text": o.upper()} for o in "abc"],
    "explanation": "Because.", "feedback": {"c": "C came later."}, "facts": [],
}


def test_an_ordering_answer_marks_each_item_in_or_out_of_place():
    answered = AttemptItem(snapshot=ORDER, answer=["b", "a", "c", "d"], points=5 / 6)
    r = review_item(answered, 1)
    assert [(p.text, p.right) for p in r.given] == [
        ("B", False), ("A", False), ("C", True), ("D", True)]
    assert r.key == ("A", "B", "C", "D")
    assert r.facts == ({"id": "f", "label": "1914", "text": "A canal opens."},)
    assert not r.correct and r.answered


def test_multiple_picks_are_marked_right_or_wrong_with_the_remarks_on_them():
    r = review_item(AttemptItem(snapshot=MULTIPLE, answer=["a", "c"], points=0.0), 2)
    assert [(p.text, p.right) for p in r.given] == [("A", True), ("C", False)]
    assert r.remarks == ("C came later.",) and r.explanation == "Because."


def test_an_unanswered_item_has_nothing_given_and_no_points():
    r = review_item(AttemptItem(snapshot=MULTIPLE, answer=None, points=0.0), 1)
    assert not r.answered and r.points == 0.0 and r.key == ("A", "B")


def test_review_numbers_the_items_in_the_order_served():
    attempt = Attempt(items=[AttemptItem(position=0, snapshot=ORDER, answer=None, points=0.0),
                             AttemptItem(position=1, snapshot=MULTIPLE, answer=["a", "b"],
                                         points=1.0)])
    assert [(r.number, r.prompt, r.correct) for r in review(attempt)] == [
        (1, "Order them.", False), (2, "Which?", True)]
