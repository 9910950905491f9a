"""Exports to Moodle XML and GIFT, read back by the importers, give the same questions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.export import to_gift, to_moodle_xml, weights
from quizapp.bank.gift import parse_gift
from quizapp.bank.loader import load_file
from quizapp.bank.model import ORDERING_METHODS, Bank, Question
from quizapp.bank.moodle_xml import parse_moodle_xml

SHIPPED = Path(__file__).parent.parent.parent / "questions" / "peru-us-relations.yaml"
AWKWARD = ["a ~ b = c # d { e } f : g", "\\ back\\slash \\n not a break", "line one\nline two",
           "Leguía, Belaúnde, 秘鲁 🇵🇪", "<b>x</b>", "<script>alert(1)</script>", "&amp; &lt;",
           "%50% off", "[html]not html", "::not a name::", "// not a comment", "$CATEGORY: no",
           "####", "{T}", "a -> b", "]] > ]]>", "C:\\path\\to"]


def same(question: Question) -> tuple:
    """What a round trip must keep."""
    return (question.id, question.type, question.prompt, question.options, question.key,
            question.explanation, question.feedback, question.grading)


def same_in_gift(question: Question) -> tuple:
    """What a round trip through GIFT must keep: Moodle's GIFT ordering question has no place
    for an explanation or an item's feedback."""
    if question.type != "ordering":
        return same(question)
    return (question.id, question.type, question.prompt, question.options, question.key,
            question.grading)


def xml_round_trip(bank: Bank) -> Bank:
    back = parse_moodle_xml(to_moodle_xml(bank), f"{bank.id}.xml")
    assert back.problems == () and back.skipped == ()
    return back.bank


def gift_round_trip(bank: Bank) -> Bank:
    back = parse_gift(to_gift(bank), f"{bank.id}.gift")
    assert back.problems == () and back.skipped == ()
    return back.bank


def bank_of(*questions: Question, title: str = "A / B: awkward") -> Bank:
    return Bank(id="awkward", title=title, questions=questions)


def choice(qid: str, prompt: str, options: tuple[str, ...], right: int = 0, **more) -> Question:
    return Question(id=qid, type="choice", prompt=prompt, options=options,
                    key=(options[right],), **more)


@pytest.fixture(scope="module")
def peru():
    loaded = load_file(SHIPPED)
    assert loaded.problems == ()
    return loaded.bank


def test_the_shipped_bank_comes_back_from_moodle_xml_the_same(peru):
    back = xml_round_trip(peru)
    assert (back.id, back.title) == (peru.id, peru.title)
    assert [same(q) for q in back.questions] == [same(q) for q in peru.questions]
    assert [q.grading for q in back.questions] == [q.grading for q in peru.questions]


def test_facts_come_back_as_fact_tags(peru):
    back = xml_round_trip(peru)
    for before, after in zip(peru.questions, back.questions, strict=True):
        assert after.tags == (*before.tags, *(f"fact:{f}" for f in before.facts))


def test_the_shipped_bank_comes_back_from_gift_ordering_questions_included(peru):
    back = gift_round_trip(peru)
    assert back.title == peru.title
    assert any(q.type == "ordering" for q in back.questions)
    assert [same_in_gift(q) for q in back.questions] == [same_in_gift(q) for q in peru.questions]


def test_gift_writes_an_ordering_question_as_moodles_ordering_question_does():
    items = ("Leguía takes office", "U.S. capital overtakes British", "Leguía's term ends")
    bank = bank_of(Question(id="o", type="ordering", prompt="Order these.", options=items,
                            key=items, grading="next", name="Leguía's years"))
    assert to_gift(bank).split("\n\n")[1] == (
        "// [id:o]\n"
        "::Leguía's years::Order these.{>3 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW\n"
        "\tLeguía takes office\n\tU.S. capital overtakes British\n\tLeguía's term ends\n}\n")


@pytest.mark.parametrize("method", ORDERING_METHODS)
def test_every_grading_method_survives_moodle_xml(method):
    items = ("first", "second", "third")
    question = Question(id="o", type="ordering", prompt="Order", options=items, key=items,
                        grading=method)
    assert xml_round_trip(bank_of(question)).questions[0].grading == method


def test_awkward_text_survives_both_formats():
    questions = [choice(f"q{n}", text, (text, f"other {n}"), right=n % 2, explanation=text,
                        feedback=(text, "")) for n, text in enumerate(AWKWARD)]
    questions.append(Question(id="m", type="multiple", prompt="Pick", options=tuple(AWKWARD[:5]),
                              key=tuple(AWKWARD[1:3])))
    bank = bank_of(*questions)
    for back in (xml_round_trip(bank), gift_round_trip(bank)):
        assert back.title == "A / B: awkward"
        assert [same(q) for q in back.questions] == [same(q) for q in bank.questions]


def test_html_in_a_question_is_written_as_text_never_as_markup():
    bank = bank_of(choice("x", "<script>alert(1)</script>", ("<b>x</b>", "y")))
    xml = to_moodle_xml(bank)
    assert "<script>" not in xml and "&lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert "::x::[plain]<script>alert(1)</script>{" in to_gift(bank)


def test_gift_escapes_what_it_gives_a_meaning_to():
    bank = bank_of(choice("x", "a {b} = c: #d ~e \\f", ("1", "%50% off"), explanation="two\nlines"))
    assert to_gift(bank).split("\n\n")[1].rstrip() == (
        "// [id:x]\n"
        "::x::a \\{b\\} \\= c\\: \\#d \\~e \\\\f{\n"
        "\t=1\n"
        "\t~%0%%50% off\n"
        "\t####two\\nlines\n"
        "}")


def test_a_multiple_question_weighs_right_picks_up_and_wrong_ones_down():
    question = Question(id="m", type="multiple", prompt="Pick", options=("a", "b", "c", "d"),
                        key=("a", "b", "c"))
    assert weights(question) == ["33.33333", "33.33333", "33.33333", "-33.33333"]


def test_moodle_xml_holds_what_moodle_needs_for_an_ordering_question():
    items = ("a", "b", "c")
    bank = bank_of(Question(id="o", type="ordering", prompt="Order", options=items, key=items,
                            grading="neighbours", tags=("t",)))
    question = ET.fromstring(to_moodle_xml(bank)).findall("question")[1]
    assert question.get("type") == "ordering"
    assert [(e.tag, e.text) for e in question if e.tag in {
        "layouttype", "selecttype", "selectcount", "gradingtype", "showgrading"}] == [
        ("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "3"),
        ("gradingtype", "RELATIVE_ONE_PREVIOUS_AND_NEXT"), ("showgrading", "SHOW")]
    assert [(a.get("fraction"), a.findtext("text")) for a in question.findall("answer")] == [
        ("1", "a"), ("2", "b"), ("3", "c")]
    assert [t.findtext("text") for t in question.findall("tags/tag")] == ["t"]


def test_characters_xml_cannot_hold_are_left_out():
    bank = bank_of(choice("x", "bell\x07 here", ("a", "b")))
    assert xml_round_trip(bank).questions[0].prompt == "bell here"


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("~=#{}:\\%[]<>&/\n"),
    min_size=1, max_size=15,
).map(str.strip).filter(bool)


@st.composite
def banks(draw) -> Bank:
    """A bank of one question of each type, with texts of any characters."""
    options = tuple(draw(st.lists(texts, min_size=3, max_size=8, unique=True)))
    right = draw(st.lists(st.sampled_from(options), min_size=1, unique=True))
    remarks = tuple(draw(st.lists(texts | st.just(""), min_size=len(options),
                                  max_size=len(options))))
    remarks = remarks if any(remarks) else ()  # as the model holds "no feedback"
    return bank_of(
        choice("c", draw(texts), options, draw(st.integers(0, len(options) - 1)),
               explanation=draw(texts), feedback=remarks),
        Question(id="m", type="multiple", prompt=draw(texts), options=options,
                 key=tuple(o for o in options if o in right)),
        Question(id="o", type="ordering", prompt=draw(texts), options=options, key=options,
                 grading=draw(st.sampled_from(ORDERING_METHODS))),
    )


@settings(max_examples=100, deadline=None)
@given(banks())
def test_any_text_survives_moodle_xml(bank):
    back = xml_round_trip(bank)
    assert [same(q) for q in back.questions] == [same(q) for q in bank.questions]
    assert back.questions[2].grading == bank.questions[2].grading


@settings(max_examples=100, deadline=None)
@given(banks())
def test_any_text_survives_gift(bank):
    back = gift_round_trip(bank)
    assert [same_in_gift(q) for q in back.questions] == [same_in_gift(q) for q in bank.questions]


def test_an_ordering_item_that_starts_like_a_comment_survives_gift():
    items = ("0", "//", "// not a comment")
    bank = bank_of(Question(id="o", type="ordering", prompt="Order", options=items, key=items))
    assert gift_round_trip(bank).questions[0].options == items
