"""Each rule of a question file (docs/design.md, "Question files"), reported at the line to fix."""

from __future__ import annotations

from textwrap import dedent, indent

from quizapp.bank.yaml_bank import parse_yaml_bank

HEADER = """\
bank: test
title: A test bank
people:
  - id: leguia
    name: Augusto B. Leguía
facts:
  - id: embassy
    text: The mission becomes an embassy.
questions:
"""
Q = 10  # the line a question given to `question()` starts on
F = 7  # the line of the first fact
CHOICE = """\
id: embassy-year
type: choice
prompt: In which year?
choices: ["1914", "1916", "1920", "1952"]
answer: "1920"
"""


def problems(text: str) -> list[tuple[int, str]]:
    """The (line, message) of each problem of a YAML text that must not load."""
    result = parse_yaml_bank(text, "q.yaml")
    assert result.bank is None
    return [(e.line, e.message) for e in result.problems]


def item(body: str) -> str:
    """`body`, a mapping, written as an entry of a list two spaces in."""
    return indent(dedent(body), "    ").replace("    ", "  - ", 1)


def question(body: str) -> list[tuple[int, str]]:
    """The problems of a file holding one question whose keys are `body`."""
    return problems(HEADER + item(body))


def fact(body: str) -> list[tuple[int, str]]:
    """The problems of a file whose one fact has the keys `body` (and one good question)."""
    head = HEADER.split("facts:")[0] + "facts:\n"
    return problems(head + item(body) + "questions:\n" + item(CHOICE))


def test_missing_bank_and_title_are_reported_at_the_first_line():
    assert problems("facts:\n  - id: f\n    text: x\n") == [
        (1, "the required key 'bank' is missing"), (1, "the required key 'title' is missing")]


def test_the_bank_id_must_be_a_slug():
    [(line, message)] = problems(HEADER.replace("bank: test", "bank: Peru US") + item(CHOICE))
    assert (line, message.split(":")[0]) == (1, "'bank' is 'Peru US', which is not a slug")


def test_a_file_with_no_questions_and_no_facts_is_a_problem():
    assert problems("bank: b\ntitle: T\nquestions: []\n") == [
        (1, "the file has no questions and no facts; a bank needs at least one")]


def test_an_unknown_key_at_the_top_suggests_the_close_match_and_lists_the_allowed():
    assert problems(HEADER.replace("title:", "titel:") + item(CHOICE)) == [
        (1, "the required key 'title' is missing"),
        (2, "unknown key 'titel' (did you mean 'title'?); the keys allowed here are "
            "bank, title, language, source, exam_only, facts, people, questions")]


def test_an_unknown_question_key_names_the_key_and_suggests_the_close_match():
    found = question(CHOICE.replace("answer:", "answr:"))
    assert (Q, "question 'embassy-year': a choice question needs 'answer'") in found
    assert found[-1][0] == Q + 4
    assert found[-1][1].startswith("question 'embassy-year': unknown key 'answr' "
                                   "(did you mean 'answer'?); the keys allowed here are id, type")


def test_an_unknown_fact_key_is_reported_at_its_line():
    [(line, message)] = fact("id: f\ntext: x\nyeer: 1920\n")
    assert line == F + 2
    assert message.split(";")[0] == "fact 'f': unknown key 'yeer' (did you mean 'year'?)"


def test_an_unknown_person_key_is_reported_at_its_line():
    text = HEADER.replace("    name:", "    nmae: x\n    name:") + item(CHOICE)
    [(line, message)] = problems(text)
    assert (line, message.split(" (")[0]) == (5, "person 'leguia': unknown key 'nmae'")


def test_a_key_given_twice_is_reported_at_the_second():
    assert question(CHOICE + "prompt: Again?\n") == [
        (Q + 5, "question 'embassy-year': the key 'prompt' is given twice (first at line 12)")]


def test_a_text_where_a_list_is_wanted_is_reported():
    assert question(CHOICE + "facts: embassy\n") == [
        (Q + 5, "question 'embassy-year': 'facts' must be a list, not the text 'embassy'; "
                "write [embassy] for a single one")]


def test_a_list_for_a_prompt_is_reported():
    assert question(CHOICE.replace("prompt: In which year?", "prompt: [a, b]")) == [
        (Q + 2, "question 'embassy-year': 'prompt' must be text, not a list")]


def test_an_empty_text_is_reported():
    assert question(CHOICE + 'explanation: ""\n') == [
        (Q + 5, "question 'embassy-year': 'explanation' is empty")]


def test_a_question_that_is_not_a_mapping_is_reported_at_its_item():
    assert problems(HEADER + "  - just a sentence\n") == [
        (Q, "question 1: a question must be a mapping of keys, not the text 'just a sentence'")]


def test_ids_must_be_slugs():
    [(line, message)] = question(CHOICE.replace("id: embassy-year", "id: Embassy_Year"))
    assert line == Q and "'id' is 'Embassy_Year', which is not a slug" in message


def test_a_question_id_used_twice_is_reported_at_the_second_id():
    text = HEADER + item(CHOICE)
    text += item(CHOICE)
    assert problems(text) == [
        (Q + 5, "question id 'embassy-year' is used twice (first at line 10); ids must be unique")]


def test_a_fact_id_used_twice_is_reported_at_the_second_id():
    text = HEADER.replace("questions:", "  - id: embassy\n    text: Again.\nquestions:")
    [(line, message)] = problems(text + item(CHOICE))
    assert (line, message.split(" (")[0]) == (F + 2, "fact id 'embassy' is used twice")


def test_a_question_may_share_an_id_with_a_fact():
    result = parse_yaml_bank(HEADER + item(CHOICE).replace("embassy-year", "embassy"), "q.yaml")
    assert result.problems == () and result.bank.questions[0].id == "embassy"


def test_an_unknown_type_suggests_the_close_match():
    found = question(CHOICE.replace("type: choice", "type: mutliple"))
    assert found == [(Q + 1, "question 'embassy-year': type 'mutliple' is not a question type "
                             "(did you mean 'multiple'?); use choice, multiple or ordering")]


def test_answer_not_among_choices_is_reported_at_the_answer_line():
    assert question(CHOICE.replace('answer: "1920"', "answer: 1921")) == [
        (Q + 4, "question 'embassy-year': answer '1921' is not one of its choices "
                '("1914", "1916", "1920", "1952")')]


def test_a_choice_question_needs_at_least_two_choices():
    found = question(CHOICE.replace('["1914", "1916", "1920", "1952"]', '["1920"]'))
    assert found == [(Q + 3, "question 'embassy-year': 'choices' must list 2 to 8 choices, "
                             "but lists 1")]


def test_a_choice_question_takes_at_most_eight_choices():
    many = ", ".join(str(1900 + i) for i in range(9)) + ", 1920"
    found = question(CHOICE.replace('"1914", "1916", "1920", "1952"', many))
    assert found == [(Q + 3, "question 'embassy-year': 'choices' must list 2 to 8 choices, "
                             "but lists 10")]


def test_a_repeated_choice_is_reported_at_its_item_line():
    body = CHOICE.replace('choices: ["1914", "1916", "1920", "1952"]',
                          "choices:\n  - 1914\n  - 1920\n  - 1914")
    assert question(body) == [
        (Q + 6, "question 'embassy-year': choice \"1914\" is listed twice (first on line 14)")]


def test_a_choice_question_with_answers_is_reported_at_that_key():
    assert question(CHOICE + "answers: [\"1920\"]\n") == [
        (Q + 5, "question 'embassy-year': 'answers' does not belong in a choice question, which "
                "takes 'choices' and 'answer' (for several right answers use type: multiple)")]


def test_a_choice_question_with_items_is_reported_at_that_key():
    [(line, message)] = question(CHOICE + "items: [a, b, c]\n")
    assert line == Q + 5 and "'items' does not belong in a choice question" in message


def test_a_choice_question_without_an_answer_is_reported_at_the_question():
    assert question(CHOICE.replace('answer: "1920"\n', "")) == [
        (Q, "question 'embassy-year': a choice question needs 'answer'")]


MULTIPLE = """\
id: capitals
type: multiple
prompt: Which are capitals?
choices: [Lima, Cusco, Quito]
answers: [Lima, Quito]
"""


def test_a_multiple_question_needs_at_least_one_answer():
    assert question(MULTIPLE.replace("[Lima, Quito]", "[]")) == [
        (Q + 4, "question 'capitals': 'answers' must list 1 to 8 answers, but lists 0")]


def test_a_multiple_answer_not_among_choices_is_reported_at_its_item_line():
    body = MULTIPLE.replace("answers: [Lima, Quito]", "answers:\n  - Lima\n  - Bogota")
    assert question(body) == [(Q + 6, "question 'capitals': answer 'Bogota' is not one of its "
                                      'choices ("Lima", "Cusco", "Quito")')]


def test_a_repeated_multiple_answer_is_reported():
    [(line, message)] = question(MULTIPLE.replace("[Lima, Quito]", "[Lima, Lima]"))
    assert (line, message) == (Q + 4, "question 'capitals': answer \"Lima\" is listed twice")


def test_a_multiple_question_with_answer_is_reported_at_that_key():
    [(line, message)] = question(MULTIPLE + "answer: Lima\n")
    assert line == Q + 5 and message.endswith("(a multiple question lists its right choices "
                                              "under 'answers')")


def test_a_multiple_question_needs_answers():
    assert question(MULTIPLE.replace("answers: [Lima, Quito]\n", "")) == [
        (Q, "question 'capitals': a multiple question needs 'answers'")]


ORDERING = """\
id: order
type: ordering
prompt: Put these in order.
items: [Canal, Trade, Embassy]
"""


def test_an_ordering_question_needs_at_least_three_items():
    assert question(ORDERING.replace("[Canal, Trade, Embassy]", "[Canal, Trade]")) == [
        (Q + 3, "question 'order': 'items' must list 3 to 8 items, but lists 2")]


def test_a_repeated_ordering_item_is_reported():
    [(line, _)] = question(ORDERING.replace("Embassy]", "Embassy, Canal]"))
    assert line == Q + 3


def test_an_ordering_question_takes_no_choices_or_answer():
    found = question(ORDERING + "choices: [a, b]\nanswer: a\n")
    assert [line for line, _ in found] == [Q + 4, Q + 5]
    assert found[0][1].startswith("question 'order': 'choices' does not belong in an ordering")


def test_an_unknown_grading_method_suggests_the_close_match():
    [(line, message)] = question(ORDERING + "grading: pair\n")
    assert line == Q + 4
    assert message.startswith("question 'order': grading 'pair' is not a grading method "
                              "(did you mean 'pairs'?); use one of exact, position")


def test_grading_is_only_for_ordering_questions():
    [(line, message)] = question(CHOICE + "grading: pairs\n")
    assert line == Q + 5 and "'grading' is for ordering questions only" in message


def test_difficulty_must_be_one_two_or_three():
    assert question(CHOICE + "difficulty: 4\n") == [
        (Q + 5, "question 'embassy-year': difficulty must be 1 (easy), 2 (medium) or 3 (hard), "
                "not 4")]


def test_a_true_false_difficulty_is_not_a_number():
    [(line, message)] = question(CHOICE + "difficulty: yes\n")
    assert line == Q + 5 and "'difficulty' must be a whole number, not true/false" in message


def test_a_cited_fact_that_does_not_exist_is_reported_at_its_item_with_a_suggestion():
    assert question(CHOICE + "facts:\n  - embassy\n  - embasy\n") == [
        (Q + 7, "question 'embassy-year': fact 'embasy' is not one of the facts of this bank "
                "(did you mean 'embassy'?)")]


def test_a_leader_who_is_not_among_the_people_is_reported():
    assert fact("id: f\ntext: x\nleader: legia\n") == [
        (F + 2, "fact 'f': leader 'legia' is not one of the people of this bank "
                "(did you mean 'leguia'?)")]


def test_a_true_false_year_is_not_a_year():
    assert fact("id: f\ntext: x\nyear: true\n") == [
        (F + 2, "fact 'f': 'year' must be a whole number, not true/false "
                "('true' means true or false in YAML)")]


def test_a_quoted_year_is_not_a_number_and_the_message_says_so():
    [(line, message)] = fact("id: f\ntext: x\nyear: '1920'\n")
    assert line == F + 2 and message.endswith("not the text '1920' (remove the quotes)")


def test_a_year_outside_the_plausible_range_is_reported():
    assert fact("id: f\ntext: x\nyear: 3020\n") == [
        (F + 2, "fact 'f': year 3020 is not a plausible year (Quipu accepts 1000 to 2100)")]


def test_until_before_year_is_reported_at_the_until_line():
    assert fact("id: f\ntext: x\nyear: 1930\nuntil: 1920\n") == [
        (F + 3, "fact 'f': until 1920 is before year 1930")]


def test_until_without_year_is_reported_at_the_until_line():
    assert fact("id: f\ntext: x\nuntil: 1920\n") == [
        (F + 2, "fact 'f': 'until' is given without 'year'; add the first year")]


def test_the_years_of_a_person_are_checked_too():
    years = "    name: L\n    year: 1930\n    until: 1919"
    text = HEADER.replace("    name: Augusto B. Leguía", years)
    assert problems(text + item(CHOICE)) == [
        (7, "person 'leguia': until 1919 is before year 1930")]


def test_every_problem_of_a_file_is_reported_in_line_order():
    body = CHOICE.replace("type: choice", "type: choice\nextra: 1").replace('"1920"\n', "1921\n")
    found = question(body + "difficulty: 0\nfacts: [nowhere]\n")
    assert [line for line, _ in found] == [Q + 2, Q + 5, Q + 6, Q + 7]


def test_a_fact_with_problems_still_counts_as_cited_so_one_typo_gives_one_problem():
    text = HEADER.replace("text: The mission", "year: 99\n    text: The mission")
    found = problems(text + item(CHOICE + "facts: [embassy]\n"))
    assert [line for line, _ in found] == [F + 1]
