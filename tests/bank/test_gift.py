"""GIFT files, read as Moodle reads them; types Quipu has not are skipped, problems located."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.gift import parse_gift
from quizapp.bank.loader import load_file, parser_for
from tests.bank.fuzzing import assert_located, left_out, mutated, problems_of, read_good

DATA = Path(__file__).parent.parent / "data" / "import"
GOOD = DATA / "peru-history.gift"


def parse(text: str):
    return parse_gift(text, "q.gift")


def question(text: str):
    result = parse(text)
    assert result.problems == () and result.skipped == ()
    (only,) = result.bank.questions
    return only


def problems(text: str) -> list[tuple[int, str]]:
    """What a parse left out as broken: (line, message)."""
    return left_out(parse(text))


@pytest.fixture(scope="module")
def shipped():
    return read_good(GOOD)


def test_gift_files_are_read_by_the_gift_parser():
    assert parser_for("questions/Peru.GIFT") is parse_gift


def test_the_bank_is_named_after_the_file_and_titled_by_its_first_category(shipped):
    bank = shipped.bank
    assert (bank.id, bank.title, bank.line) == ("peru-history", "Peru and the United States", 1)


def test_ids_come_from_id_comments_then_names_then_the_question_number(shipped):
    bank = shipped.bank
    assert [q.id for q in bank.questions] == [
        "canal-year", "leguia-events", "embassy-t-f", "q-4", "escapes", "defense-treaty",
        "multi-line"]


def test_a_choice_question_keeps_its_feedback_explanation_tags_and_line(shipped):
    canal = shipped.bank.questions_by_id["canal-year"]
    assert (canal.type, canal.prompt, canal.line) == (
        "choice", "In which year did the Panama Canal open?", 8)
    assert canal.options == ("1904", "1914", "1920", "1952")
    assert canal.key == ("1914",)
    assert canal.feedback == ("Too early: construction had only just begun.",
                              "Right: it opened in August 1914.", "", "")
    assert canal.explanation == (
        "The canal opened in 1914 and boosted trade between Peru and the U.S.")
    assert canal.tags == ("dates", "trade")


def test_answers_weighted_without_an_equals_sign_make_a_multiple_question(shipped):
    events = shipped.bank.questions_by_id["leguia-events"]
    assert events.type == "multiple"
    assert events.key == ("U.S. private capital overtook British investment",
                          "The U.S. mission became an embassy")
    assert events.feedback == ()


def test_true_false_is_a_choice_of_true_and_false_with_feedback_on_each(shipped):
    embassy = shipped.bank.questions_by_id["embassy-t-f"]
    assert (embassy.type, embassy.options, embassy.key) == ("choice", ("True", "False"), ("True",))
    assert embassy.feedback == ("Yes, Congress raised it in 1920.",
                                "No: Congress raised it in 1920.")


def test_false_puts_the_right_feedback_on_false():
    assert question("Q{F#wrong#right}").feedback == ("wrong", "right")
    assert question("Q{false}").key == ("False",)


def test_a_missing_word_question_shows_a_blank_where_its_answers_were(shipped):
    assert shipped.bank.questions_by_id["q-4"].prompt == (
        "The U.S. broke off relations with Peru in _____ after the coup.")


def test_escaped_characters_are_read_as_themselves(shipped):
    escapes = shipped.bank.questions_by_id["escapes"]
    assert escapes.prompt == "Which of these is written with GIFT's special characters { } = ~ # : ?"
    assert escapes.options == ("a = b: c", "{braces}", "50% ~ #1")


def test_html_text_is_made_plain_text_as_in_moodle_xml(shipped):
    treaty = shipped.bank.questions_by_id["defense-treaty"]
    assert treaty.prompt == "Which treaty did Peru sign in 1952?"
    assert treaty.key == ("The Treaty of Assistance and Mutual Defense",)
    # An answer with no prefix of its own is in its question's format, as Moodle reads it.
    assert treaty.options[1] == "The Rio Treaty"


def test_plain_and_moodle_text_keeps_its_markup_as_characters():
    assert question("[plain]Is <b> a tag?{T}").prompt == "Is <b> a tag?"
    assert question("[moodle]Tom &amp; Jerry?{T}").prompt == "Tom &amp; Jerry?"


def test_html_and_markdown_text_drops_tags_reads_entities_keeps_paragraphs_runs_no_script():
    listen = question(r'::Listen::[html]<p>Who spoke?</p><p><a href="https\://x.org/a.mp3">'
                      "Listen</a><br />&amp; answer<script>alert(1)</script></p>"
                      "{=[html]<b>Leguía</b> ~Prado}")
    assert listen.prompt == "Who spoke?\nListen\n& answer"
    assert listen.options == ("Leguía", "Prado")
    assert question("[markdown]Tom &amp; Jerry<br>*or* not?{T}").prompt == (
        "Tom & Jerry\n*or* not?")


def test_a_question_may_run_over_lines_and_hold_escaped_line_breaks(shipped):
    assert shipped.bank.questions_by_id["multi-line"].prompt == (
        "Put differently\n: which year saw the coup\nthat removed Manuel Prado?")


def test_types_quipu_has_not_are_skipped_at_their_lines_and_the_rest_loads(shipped):
    assert [str(s) for s in shipped.skipped] == [
        f"{GOOD}:39: question 'essay' is an essay question, which Quipu does not have",
        f"{GOOD}:41: question 'trade-growth' is a numerical question, which Quipu does not have",
        f"{GOOD}:43: question 'capital' is a short-answer question, which Quipu does not have",
    ]


@pytest.mark.parametrize(("text", "kind"), [
    ("Just some text.", "a description (text with no answers)"),
    ("Match{=Peru -> Lima =Chile -> Santiago}", "a matching question"),
    ("Q{#1914..1916}", "a numerical question"),
])
def test_other_types_are_skipped_with_their_kind(text, kind):
    result = parse(f"Q{{=a ~b}}\n\n{text}\n")
    [skipped] = result.skipped
    assert result.problems == () and len(result.bank.questions) == 1
    assert (skipped.line, skipped.message) == (3, f"question 'q-2' is {kind}, which Quipu does "
                                                  "not have")


def test_a_file_of_skipped_questions_only_has_no_bank():
    assert problems_of(parse("Essay?{}\n")) == [
        (1, "the file holds no question Quipu can use (1 skipped); a bank needs one")]


def test_an_id_comment_wins_over_the_name_and_repeated_names_are_made_unique():
    bank = parse("// [id:First One]\n::x::Q{=a ~b}\n\n::Same::Q{=a ~b}\n\n::Same::Q{=a ~b}").bank
    assert [q.id for q in bank.questions] == ["first-one", "same", "same-2"]


def test_an_id_comment_in_its_own_block_sets_the_next_question():
    bank = parse("// [id:mine] [tag:a\\]b]\n\n::x::Q{=a ~b}\n\n::y::Q{=a ~b}").bank
    assert [(q.id, q.tags) for q in bank.questions] == [("mine", ("a]b",)), ("y", ())]


def test_a_question_right_under_its_category_line_is_read():
    bank = parse("$CATEGORY: $course$/top/Peru//Chile\n::q::Q{=a ~b}").bank
    assert (bank.title, [q.id for q in bank.questions]) == ("Peru/Chile", ["q"])


def test_a_category_of_no_name_leaves_the_file_name_as_title():
    assert parse("$CATEGORY: $course$/top\n\nQ{=a ~b}").bank.title == "q"


@pytest.mark.parametrize(("name", "line", "message", "loaded"), [
    ("unclosed-brace.gift", 3, "question 'canal' is left out: the { on this line is never "
                               "closed; end the answers with } (and keep blank lines out of a "
                               "question)", ["embassy"]),
    ("one-option.gift", 3, "question 'lima' is left out: a multiple question must list 2 to 8 "
                           "options, but lists 1", ["canal"]),
    ("text-before-answers.gift", 2, "question 'canal' is left out: this text comes before the "
                                    "first answer; start each answer with = (right) or ~ "
                                    "(wrong)", None),
    ("unclosed-name.gift", 2, "question 'q-1' is left out: the question name opened with :: is "
                              "never closed; write ::name:: before the question's text", None),
])
def test_a_broken_question_is_left_out_at_its_line_and_the_rest_loads(name, line, message,
                                                                       loaded):
    path = DATA / "broken" / name
    result = load_file(path)
    assert [str(e) for e in result.skipped] == [f"{path}:{line}: {message}"]
    if loaded is None:  # nothing else in the file: no bank, and the file says why
        assert result.bank is None
        assert [e.message for e in result.problems] == [
            "the file holds no question Quipu can use (1 skipped); a bank needs one"]
    else:
        assert result.problems == () and [q.id for q in result.bank.questions] == loaded


def test_a_stray_closing_brace_is_reported_at_its_line():
    assert problems("Q\n}{=a ~b}") == [
        (2, "question 'q-1' is left out: this } closes no {; write a } in text as \\}")]


def test_a_second_set_of_braces_is_reported_at_its_line():
    assert problems("Q{=a ~b}\nand {=c ~d}") == [
        (2, "question 'q-1' is left out: a question has one set of answers in { }; write a { "
            "or } in text as \\{ or \\}")]


def test_two_right_answers_in_a_choice_question_are_a_problem():
    assert problems("::q::Q{=a =b ~c}") == [
        (1, "question 'q' is left out: a choice question has one right answer, but 2 are "
            "marked right")]


def test_a_repeated_option_is_reported_at_its_line():
    assert problems("::q::Q{\n=a\n~a\n}") == [
        (3, "question 'q' is left out: option \"a\" is listed twice (first on line 2)")]


def test_a_question_with_no_text_is_a_problem():
    assert problems("::q::{=a ~b}") == [(1, "question 'q' is left out: the question has no text")]


def test_one_broken_question_among_good_ones_is_left_out_and_the_rest_load():
    result = parse("::a::A?{=x ~y}\n\n::b::B?{=x =y ~z}\n\n// [id:c]\n::C::C?{T}\n")
    assert result.problems == () and [q.id for q in result.bank.questions] == ["a", "c"]
    assert left_out(result) == [
        (3, "question 'b' is left out: a choice question has one right answer, but 2 are "
            "marked right")]


def test_a_lone_backslash_stays_a_backslash():
    assert question(r"C:\path\to{=a\\b ~c}").prompt == r"C:\path\to"
    assert question(r"Q{=a\\b ~c}").options == ("a\\b", "c")


FUZZ = settings(max_examples=200, deadline=None)


@FUZZ
@given(st.text())
def test_any_text_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.gift")


@FUZZ
@given(st.text(alphabet="{}=~#:%\\/ \nabT-", max_size=60))
def test_any_text_of_gift_characters_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.gift")


@FUZZ
@given(mutated(GOOD.read_text("utf-8"), "{}=~#:\n%\\/[]$"))
def test_the_good_file_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.gift")


ORDERING = (DATA / "moodle" / "ordering.gift").read_text("utf-8")


@FUZZ
@given(mutated(ORDERING, "{}>=~#:\n%0123ALRSVH[]"))
def test_moodles_ordering_file_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.gift")


@FUZZ
@given(st.text(alphabet="{}>=~#\n 3ALRELSHOW[html]<p>ab", max_size=60))
def test_any_text_of_ordering_characters_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.gift")
