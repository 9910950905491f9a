"""Questions generated from facts: sound, reproducible, and plentiful enough for a real bank."""

import os
import random
import re
import subprocess
import sys
from itertools import combinations, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.generate import TEMPLATES, VARIANTS, generate_questions
from quizapp.bank.model import Bank, Fact, Person
from quizapp.bank.timeline import clause

PRESIDENT = "President of Peru"
LEADER_ROLES = (PRESIDENT, "Leader of Peru")
PEOPLE = (
    Person("leguia", "Augusto Leguía", PRESIDENT, 1919, 1930),
    Person("prado", "Manuel Prado", PRESIDENT),  # no years: only the facts say when he led
    Person("odria", "Manuel Odría", PRESIDENT, 1948, 1956),
    Person("belaunde", "Fernando Belaúnde", PRESIDENT, 1963, 1968),  # led again in the 1980s
    Person("belaunde-again", "Fernando Belaúnde", PRESIDENT, 1980, 1985),  # same name, twice
    Person("velasco", "Juan Velasco", PRESIDENT, 1968, 1975),
    Person("morales", "Francisco Morales Bermúdez", PRESIDENT, 1975, 1980),
    Person("garcia", "Alan García", PRESIDENT, 1985, 1990),
    Person("fujimori", "Alberto Fujimori", PRESIDENT, 1990, 2000),
    Person("toledo", "Alejandro Toledo", PRESIDENT, 2001),
    Person("envoy", "A U.S. envoy", "U.S. Ambassador to Peru", 1920, 1925),
    Person("secretary", "A Secretary of State", "U.S. Secretary of State"),
)
# (id, year, until, when, leader): a bank shaped like the Peru-U.S. one, with invented events.
# fmt: off
ROWS = (
    ("canal", 1914, None, None, None), ("trade-grows", 1916, None, None, None),
    ("oncenio", 1919, 1930, None, "leguia"), ("embassy", 1920, None, None, "leguia"),
    ("trade-jump", 1920, None, None, "leguia"), ("loan", 1922, None, None, "leguia"),
    ("border", 1929, None, None, "leguia"), ("crash", 1930, None, None, None),
    ("air-route", 1934, None, None, None), ("neighbours", 1936, None, None, None),
    ("war", 1941, 1945, "during World War II", None), ("conference", 1942, None, None, "prado"),
    ("airbase", 1943, None, None, "prado"), ("aid", 1948, None, None, "odria"),
    ("pact", 1952, None, None, "odria"), ("volunteers", 1962, None, None, None),
    ("road", 1965, None, None, "belaunde"), ("reforms", 1968, 1976, None, None),
    ("oil", 1969, None, None, "velasco"), ("fishing", 1971, None, None, "velasco"),
    ("settlement", 1974, None, None, "velasco"), ("elections", 1980, None, None, "belaunde"),
    ("debt", 1980, 1989, "the 1980s", None), ("drugs", 1984, None, None, "belaunde"),
    ("default", 1986, None, None, "garcia"), ("fujimori-years", 1990, 2000, None, "fujimori"),
    ("trade-act", 1991, None, None, "fujimori"), ("self-coup", 1992, None, None, "fujimori"),
    ("siege", 1997, None, None, "fujimori"), ("talks", 2002, None, None, "toledo"),
    ("ties", None, None, None, None), ("exchange", None, None, "in the early years", "leguia"),
    ("visits", None, None, None, None), ("summit", 1958, None, "spring 1958", None),
    ("strike", 1977, None, "late 1977", None), ("storm", 1998, None, "early 1998", None),
)
# fmt: on
PERU = Bank(
    "peru-shaped",
    "Invented events",
    tuple(
        Fact(i, f"Event {i} takes place.", y, u, w, lead, tags=("t",)) for i, y, u, w, lead in ROWS
    ),
    PEOPLE,
)


def date_kind(fact):
    """How a fact's date reads: a year, a span of years ("1919–1930"), a period in words ("the
    1980s"), or one year in words ("spring 1958")."""
    if fact.last_year != fact.year:
        return "span" if re.fullmatch(r"\d+–\d+", fact.label) else "period"
    return "year" if fact.label.isdigit() else "moment"


def cited_apart(bank, q):
    """The facts a multi-fact question cites, checked dated and pairwise clear of each other."""
    cited = [bank.facts_by_id[i] for i in q.facts]
    assert all(f.year is not None for f in cited), "undated fact in a date question"
    assert not any(a.overlaps(b) for a, b in combinations(cited, 2)), "overlapping facts"
    by_option = {clause(f): f for f in cited}
    assert set(by_option) == set(q.options)
    return by_option, by_option[q.key[0]]


def check_year(bank, q):
    by_option, right = cited_apart(bank, q)
    year = int(re.fullmatch(r"Which of these happened in (\d+)\?", q.prompt)[1])
    assert right.year == right.last_year == year
    assert not any(f.year <= year <= f.last_year for f in by_option.values() if f is not right)


def check_first(bank, q):
    by_option, right = cited_apart(bank, q)
    assert all(right.last_year < f.year for f in by_option.values() if f is not right)


def check_last(bank, q):
    by_option, right = cited_apart(bank, q)
    assert all(right.year > f.last_year for f in by_option.values() if f is not right)


def check_order(bank, q):
    by_option, _ = cited_apart(bank, q)
    assert q.type == "ordering" and q.key == q.options and 4 <= len(q.options) <= 5
    assert all(by_option[a].last_year < by_option[b].year for a, b in pairwise(q.options))


def check_when(bank, q):
    fact = bank.facts_by_id[q.facts[0]]
    assert fact.year is not None and q.key == (fact.label,)
    for label in set(q.options) - {fact.label}:
        carriers = [f for f in bank.facts if f.year is not None and f.label == label]
        assert date_kind(fact) in {date_kind(f) for f in carriers}
        assert not any(f.overlaps(fact) for f in carriers), f"{label} is also true"


def check_leader(bank, q):
    fact = bank.facts_by_id[q.facts[0]]
    leader = bank.people_by_id[fact.leader]
    assert q.key == (leader.name,)
    for name in set(q.options) - {leader.name}:
        named = [p for p in bank.people if p.name == name]
        assert leader.id not in {p.id for p in named}
        assert any(p.role in LEADER_ROLES or p.id in {f.leader for f in bank.facts} for p in named)
        if fact.year is None:
            continue
        ids = {p.id for p in named}
        led = [(f.year, f.last_year) for f in bank.facts if f.leader in ids and f.year]
        led += [(p.year, p.until or p.year) for p in named if p.role in LEADER_ROLES and p.year]
        assert not any(a <= fact.last_year and fact.year <= b for a, b in led), f"{name} led then"


CHECKS = {
    "year": check_year,
    "first": check_first,
    "last": check_last,
    "order": check_order,
    "when": check_when,
    "leader": check_leader,
}


def check_sound(bank, questions):
    """Every question is well formed, its key true and every distractor false by the dates."""
    for q in questions:
        assert q.generated and 1 <= q.difficulty <= 3 and q.explanation
        assert len(set(q.options)) == len(q.options) and set(q.key) <= set(q.options)
        assert all(i in bank.facts_by_id for i in q.facts)
        CHECKS[q.id.split("-")[1]](bank, q)


def test_a_bank_shaped_like_the_peru_bank_yields_at_least_a_hundred_distinct_questions():
    questions = generate_questions(PERU)
    assert len({(q.prompt, frozenset(q.options)) for q in questions}) >= 100
    assert {q.id.split("-")[1] for q in questions} == set(CHECKS)


def test_every_generated_question_has_a_true_key_and_only_false_distractors():
    for seed in range(10):
        check_sound(PERU, generate_questions(PERU, seed))


def test_the_same_seed_gives_the_same_questions_and_another_seed_others():
    assert generate_questions(PERU, 3) == generate_questions(PERU, 3)
    assert generate_questions(PERU, 3) != generate_questions(PERU, 4)


def test_ids_are_unique_and_stable_across_processes():
    ids = [q.id for q in generate_questions(PERU, 5)]
    assert len(ids) == len(set(ids)) and all(i.startswith("gen-") for i in ids)
    code = f"import sys; sys.path.insert(0, {os.path.dirname(__file__)!r}); import test_generate"
    code += " as t; print('\\n'.join(q.id for q in t.generate_questions(t.PERU, 5)))"
    for hash_seed in ("1", "2"):  # string hashing differs per process; the ids must not
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = [sys.executable, "-c", code]  # this interpreter, running this file's code
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=True)  # noqa: S603
        assert run.stdout.split() == ids


def test_facts_sharing_a_year_or_overlapping_a_period_are_never_asked_together():
    for q in generate_questions(PERU, 1):
        assert not {"embassy", "trade-jump"} <= set(q.facts)
        assert not {"war", "airbase"} <= set(q.facts)


def test_undated_facts_appear_only_in_who_led_questions():
    undated = {"ties", "exchange", "visits"}
    for q in generate_questions(PERU, 2):
        if undated & set(q.facts):
            assert q.id.startswith("gen-leader-")


def test_who_led_never_offers_the_leader_twice_or_someone_leading_then():
    questions = [q for q in generate_questions(PERU, 0) if q.id.startswith("gen-leader-drugs-")]
    assert questions
    for q in questions:  # Belaúnde led in 1984 under two person ids; Morales's term had ended
        assert q.options.count("Fernando Belaúnde") == 1 and q.key == ("Fernando Belaúnde",)
        assert "A U.S. envoy" not in q.options and "A Secretary of State" not in q.options


def test_a_leader_known_only_by_a_first_year_is_never_offered_for_later_facts():
    people = (*PEOPLE[:3], Person("late", "A late president", PRESIDENT, 1935))
    facts = (*PERU.facts, Fact("later", "Later event.", 1950, leader="odria"))
    questions = generate_questions(Bank("open", "Open", facts, people), 0)
    later = [q for q in questions if q.id.startswith("gen-leader-later-")]
    assert later and all("A late president" not in q.options for q in later)
    earlier = [q for q in questions if q.id.startswith("gen-leader-") and q.facts[0] == "embassy"]
    assert any("A late president" in q.options for q in earlier)


def test_who_led_is_not_asked_of_a_fact_naming_its_leader_nor_offers_one_it_names():
    facts = (
        Fact("named", "President Leguia opens a road.", 1925, leader="leguia"),
        Fact("rivals", "Belaúnde and Odría meet.", 1970, leader="velasco"),
        *PERU.facts,
    )
    questions = generate_questions(Bank("names", "Names", facts, PEOPLE), 0)
    assert not [q for q in questions if q.id.startswith("gen-leader-named-")]
    rivals = [q for q in questions if q.id.startswith("gen-leader-rivals-")]
    assert rivals
    assert all(not {"Fernando Belaúnde", "Manuel Odría"} & set(q.options) for q in rivals)


def test_a_fact_whose_text_gives_its_date_is_not_asked_for_that_date():
    facts = (
        Fact("stated", "In 1955 a treaty is signed.", 1955),
        Fact("decade", "Debts mark the 1980s.", 1981, 1988, "the 1980s"),
        Fact("wartime", "In World War II a base is built.", 1942, 1944, "during World War II"),
        *PERU.facts,
    )
    questions = generate_questions(Bank("dates", "Dates", facts, PEOPLE), 0)
    asked = {q.facts[0] for q in questions if q.id.startswith(("gen-when-", "gen-year-"))}
    assert not {"stated", "decade", "wartime"} & asked
    assert any("stated" in q.facts for q in questions if q.id.startswith("gen-order-"))


def test_a_fact_ending_in_an_abbreviation_keeps_its_full_stop_in_prompts_and_options():
    accord = Fact("accord", "Peru signs an accord with the U.S.", 1955, leader="odria")
    assert clause(accord) == "Peru signs an accord with the U.S."
    assert clause(Fact("plain", "Peru signs an accord.")) == "Peru signs an accord"
    questions = generate_questions(Bank("abbrev", "Abbrev", (accord, *PERU.facts), PEOPLE), 0)
    asked = [q for q in questions if "accord" in q.facts]
    assert any(q.prompt.endswith("with the U.S.?") for q in asked)
    assert all(not text.endswith("U.S") for q in asked for text in (q.prompt, *q.options))


def test_a_leader_missing_from_the_people_gives_no_who_led_question():
    facts = (Fact("orphan", "Orphan event.", 1950, leader="nobody"), *PERU.facts[:10])
    questions = generate_questions(Bank("orphan", "Orphan", facts, PEOPLE))
    assert not [q for q in questions if q.id.startswith("gen-leader-orphan-")]


def test_questions_cite_their_facts_and_explain_them_with_their_dates():
    questions = {q.id: q for q in generate_questions(PERU, 0)}
    when = next(q for i, q in questions.items() if i.startswith("gen-when-embassy-"))
    assert when.facts == ("embassy",) and when.explanation == "Event embassy takes place — 1920."
    order = next(q for i, q in questions.items() if i.startswith("gen-order-"))
    assert all(PERU.facts_by_id[f].label in order.explanation for f in order.facts)


def test_a_random_generator_can_be_passed_in_instead_of_a_seed():
    assert generate_questions(PERU, rng=random.Random(9)) == generate_questions(PERU, 9)


def test_when_offers_date_labels_of_the_same_kind_as_the_answer():
    questions = [q for q in generate_questions(PERU, 0) if q.id.startswith("gen-when-")]
    kinds = {f.label: date_kind(f) for f in PERU.facts if f.year}
    for q in questions:
        assert len({kinds[option] for option in q.options}) == 1
    keys = {q.key[0] for q in questions}
    assert {"1920", "1919–1930", "spring 1958"} <= keys
    # The only other period in words is "the 1980s": never offered beside "1919–1930", and one
    # wrong option is too few for a question.
    assert "during World War II" not in keys


def test_a_bank_with_too_few_facts_yields_fewer_questions_without_error():
    assert generate_questions(Bank("empty", "Empty")) == ()
    two = Bank("two", "Two", PERU.facts[:2], PEOPLE)
    assert generate_questions(two) == ()
    few = Bank("few", "Few", PERU.facts[:5], PEOPLE)
    assert 0 < len(generate_questions(few)) < len(generate_questions(PERU))


def test_the_number_of_questions_is_bounded_by_the_number_of_facts():
    assert len(generate_questions(PERU)) <= len(PERU.facts) * len(TEMPLATES) * VARIANTS


@st.composite
def banks(draw):
    """Small banks with crowded dates: shared years, periods, undated facts, odd people."""
    roles = st.sampled_from([*LEADER_ROLES, PRESIDENT, "U.S. Ambassador to Peru"])
    people = []
    for i in range(draw(st.integers(0, 6))):
        year = draw(st.none() | st.integers(1900, 1930))
        until = draw(st.none() | st.integers(year, year + 6)) if year else None
        people.append(Person(f"p{i}", f"Person {i % 4}", draw(roles), year, until))
    facts = []
    for i in range(draw(st.integers(0, 20))):
        year = draw(st.none() | st.integers(1900, 1930))
        until = draw(st.none() | st.integers(year, year + 8)) if year else None
        when = draw(st.sampled_from([None, None, None, "early on", "in wartime", "later"]))
        leader = draw(st.none() | st.sampled_from([p.id for p in people])) if people else None
        facts.append(Fact(f"f{i}", f"Fact {i}.", year, until, when, leader))
    return Bank("random", "Random", tuple(facts), tuple(people))


@settings(max_examples=150, deadline=None)
@given(banks(), st.integers(0, 1000))
def test_on_any_bank_keys_are_true_and_distractors_false(bank, seed):
    questions = generate_questions(bank, seed)
    assert len({q.id for q in questions}) == len(questions)
    check_sound(bank, questions)


def test_a_very_big_bank_makes_at_most_max_generated_questions_from_a_sample_of_its_facts():
    from quizapp.bank.generate import MAX_GENERATED, asked_facts
    from quizapp.bank.model import Bank, Fact

    facts = tuple(Fact(id=f"f{i}", text=f"Fact {i} happens.", year=1900 + i % 100)
                  for i in range(5000))
    bank = Bank(id="big", title="Big", facts=facts)
    made = generate_questions(bank, seed=3)
    assert 0 < len(made) <= MAX_GENERATED
    sample = asked_facts(bank, random.Random(3))
    assert len(sample) < len(facts) and list(sample) == sorted(sample, key=facts.index)
    assert generate_questions(bank, seed=3) == made  # still the same for the same seed
