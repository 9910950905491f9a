"""The questions of one quiz never give each other away: a property over many seeds and lengths.

Checked on the shipped bank, written and generated questions together as the catalog pools them,
with rules of their own here (not `quiz/apart.py`'s code): a pair of questions of which one is
generated shares no option text, no fact, and neither's answer is in the other's prompt; at most
two questions of a template ("came first" and "came last" being one); a "when" question's options
all of one kind.
"""

import random
import re
from collections import Counter
from functools import cache
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.generate import generate_questions
from quizapp.bank.loader import load_file
from quizapp.bank.model import Question
from quizapp.quiz.build import QuizPool, build_quiz, build_review
from tests.bank.test_shipped_bank import BANK_FILE

MODES = ("mixed", "choice", "ordering")
SPAN = re.compile(r"\d{1,4}–\d{1,4}")


@cache
def shipped():
    bank = load_file(BANK_FILE).bank
    return bank, QuizPool(bank.questions + generate_questions(bank, 0))


def words(text):
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def template(q):
    if not q.generated:
        return None
    name = q.id.split("-")[1]
    return "first-last" if name in ("first", "last") else name


def label_kind(bank, label):
    """How a date label reads: a year, a span of years, or words (for one year or several)."""
    if label.isdigit():
        return "year"
    if SPAN.fullmatch(label):
        return "span"
    several = {f.year != f.last_year for f in bank.facts if f.year is not None and f.label == label}
    assert len(several) == 1, label
    return "period" if several.pop() else "moment"


def broken_rules(bank, quiz):
    """Each rule a quiz breaks, with the questions that break it."""
    questions = [item.question for item in quiz]
    broken = []
    for name, n in Counter(filter(None, map(template, questions))).items():
        if n > 2:
            broken.append(f"{n} questions from the template {name}")
    for a, b in combinations(questions, 2):
        if not (a.generated or b.generated):
            continue
        if {words(o) for o in a.options} & {words(o) for o in b.options}:
            broken.append(f"{a.id} and {b.id} share an option")
        if set(a.facts) & set(b.facts):
            broken.append(f"{a.id} and {b.id} ask the same fact")
        for x, y in ((a, b), (b, a)):
            if any(words(k) in words(y.prompt) for k in x.key):
                broken.append(f"{y.id}'s prompt holds {x.id}'s answer")
    for q in questions:
        if template(q) == "when" and len({label_kind(bank, o) for o in q.options}) > 1:
            broken.append(f"{q.id} mixes kinds of dates: {q.options}")
    return broken


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 50), st.sampled_from(MODES))
def test_no_question_of_a_quiz_gives_another_away(seed, length, mode):
    bank, pool = shipped()
    quiz = build_quiz(pool, mode, length, random.Random(seed))
    assert broken_rules(bank, quiz) == []
    assert quiz == build_quiz(pool, mode, length, random.Random(seed))  # the same seed, the same
    # Long enough: the bank has 15 ordering questions someone wrote, and plenty of the others.
    assert len(quiz) == min(length, 15 if mode == "ordering" else 50)


def test_a_quiz_of_ten_still_holds_generated_questions_and_no_three_of_a_kind():
    """The rules do not simply shut generated questions out: most quizzes of ten hold several."""
    bank, pool = shipped()
    generated = []
    for seed in range(100):
        quiz = build_quiz(pool, "mixed", 10, random.Random(seed))
        assert broken_rules(bank, quiz) == []
        generated.append(sum(item.question.generated for item in quiz))
    assert sum(generated) / len(generated) >= 3
    assert min(generated) >= 1


def test_the_rules_catch_what_they_say():
    """The checker itself: a quiz made by hand of questions that give each other away."""
    bank, pool = shipped()
    whens = [q for q in pool.questions if template(q) == "when"]
    lasts = [q for q in pool.questions if template(q) == "first-last"]

    class Item:
        def __init__(self, question):
            self.question = question

    same_fact = next(
        [w, q] for w in whens for q in pool.questions
        if q.generated and q is not w and w.facts[0] in q.facts
    )
    assert any("ask the same fact" in r for r in broken_rules(bank, map(Item, same_fact)))
    assert any("from the template first-last" in r for r in broken_rules(bank, map(Item, lasts[:3])))


def test_a_review_quiz_prefers_a_question_that_gives_none_away_but_asks_every_due_fact():
    def when(fact, generated=True):
        prefix = "gen-when-" if generated else "written-"
        return Question(f"{prefix}{fact}-x", "choice", f"When did {fact} happen?",
                        (f"{fact} 1", f"{fact} 2"), (f"{fact} 1",), facts=(fact,),
                        generated=generated)

    pool = QuizPool([when("a"), when("b"), when("c"), when("c", generated=False), when("d")])
    quiz = build_review(pool, ["a", "b", "c", "d"], 10, random.Random(1))
    asked = [item.question.id for item in quiz]
    assert asked == ["gen-when-a-x", "gen-when-b-x", "written-c-x", "gen-when-d-x"]
