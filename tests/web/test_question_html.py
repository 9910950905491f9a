"""The quiz and practice pages' question HTML (quizapp/web/quiz_page.py), written in Python.

Whatever an author or a learner wrote comes back as text, never as markup, and what a learner gave
is kept: checked for choices, selected for positions.
"""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from quizapp.quiz.snapshot import Snapshot
from quizapp.web.forms import answer_field
from quizapp.web.quiz_page import question_html, shown_items

TAGS = {"fieldset", "legend", "span", "p", "div", "input", "label", "ul", "ol", "li", "select", "option",
        "details", "summary"}


class Read(HTMLParser):
    """The tags, attributes and text of a question's HTML."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def inputs(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]


def snapshot(kind: str, prompt: str, texts: list[str]) -> Snapshot:
    return Snapshot.from_json({
        "question_id": "q", "type": kind, "prompt": prompt, "key": [],
        "options": [{"id": f"o{i}", "text": t} for i, t in enumerate(texts)]})


@given(prompt=st.text(min_size=1), texts=st.lists(st.text(min_size=1), min_size=2, max_size=5),
       problem=st.none() | st.text(min_size=1),
       kind=st.sampled_from(["choice", "multiple", "ordering"]))
def test_every_text_comes_back_as_text_and_no_markup_gets_in(prompt, texts, problem, kind):
    page = Read(question_html("q1", snapshot(kind, prompt, texts), MultiDict(), problem, 3))
    assert {tag for tag, _ in page.tags} <= TAGS
    text = lines("".join(page.text))
    for value in (prompt, *texts, *([problem] if problem else [])):
        assert lines(value) in text


def lines(text: str) -> str:
    """Text with its line breaks made one kind (HTML parsers do as much)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def test_a_choice_keeps_what_was_picked_and_names_one_field():
    snap = snapshot("multiple", "Which?", ["a", "b", "c"])
    page = Read(question_html("q1", snap, MultiDict([(answer_field("q1"), "o2")]), None))
    boxes = page.inputs("input")
    assert [b["type"] for b in boxes] == ["checkbox"] * 3
    assert {b["name"] for b in boxes} == {answer_field("q1")}
    assert [b["value"] for b in boxes if "checked" in b] == ["o2"]
    assert ("legend", {}) in page.tags and "Question" not in "".join(page.text)


def test_an_ordering_item_keeps_its_position_and_ignores_one_that_is_not_a_number():
    snap = snapshot("ordering", "Order these", ["first", "second"])
    given_ = MultiDict([(answer_field("q1", "o0"), "2"), (answer_field("q1", "o1"), "x")])
    page = Read(question_html("q1", snap, given_, "Give each item its own place.", 4))
    menus = page.inputs("select")
    assert [m["name"] for m in menus] == [answer_field("q1", "o0"), answer_field("q1", "o1")]
    selected = [o["value"] for o in page.inputs("option") if "selected" in o]
    assert selected == ["2"]
    fieldset = page.inputs("fieldset")[0]
    assert "invalid" in fieldset["class"] and fieldset["aria-describedby"] == "hint-q1 problem-q1"
    assert "Question 4" in "".join(page.text)


def test_shown_items_number_the_questions_unless_asked_not_to():
    items = [("q1", snapshot("choice", "One?", ["a", "b"])),
             ("q2", snapshot("choice", "Two?", ["a", "b"]))]
    numbered = shown_items(items, MultiDict(), {"q2": "Choose one."})
    assert ["Question 2" in str(item.html) for item in numbered] == [False, True]
    assert [item.problem for item in numbered] == [None, "Choose one."]
    assert "Question" not in str(shown_items(items[:1], MultiDict(), {}, numbered=False)[0].html)
