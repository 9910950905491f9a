"""Structural checks of the shipped bank, questions/peru-us-relations.yaml.

Independent of the app's own loader on purpose: the file is read with yaml.safe_load and the
rules of docs/design.md ("Question files") plus the content rules of this bank are checked directly.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from quizapp.bank.model import ORDERING_METHODS

REPO_ROOT = Path(__file__).resolve().parents[2]
BANK_FILE = REPO_ROOT / "questions" / "peru-us-relations.yaml"
SOURCE_FILE = REPO_ROOT / "questions" / "peru-us-relations.txt"  # shipped beside the bank
SHARED_REL = Path("shared") / "source" / "peru-us-relations.txt"  # where the text came from

TOP_KEYS = {"bank", "title", "source", "facts", "people", "questions"}
FACT_KEYS = {"id", "year", "until", "when", "text", "leader", "tags", "cite", "approximate"}
PERSON_KEYS = {"id", "name", "role", "year", "until"}
QUESTION_KEYS = {
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "answers",
    "items",
    "grading",
    "explanation",
    "facts",
    "difficulty",
}
GRADINGS = set(ORDERING_METHODS)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RUN = 8  # no run of this many words of the source may appear in the bank's own text
FACT_MAX = 140  # characters: a fact's text is an option or part of a prompt in generated questions
# A fact's text must stand alone: no opening word that points back at an earlier fact.
DANGLING_START = re.compile(r"^(?:The approach|This|That|These|Those|It|Its|They|Such)\b")
DANGLING_ANYWHERE = re.compile(r"\b(?:that year|the same year|that decade)\b", re.IGNORECASE)


def shared_source() -> Path | None:
    """The text the shipped copy was taken from: ../shared/source/... next to the repo (the
    nearest ancestor that has it, so that a git worktree nested one level deeper finds it too)."""
    for base in REPO_ROOT.parents:
        candidate = base / SHARED_REL
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def bank() -> dict:
    with BANK_FILE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def facts(bank) -> dict:
    return {f["id"]: f for f in bank["facts"]}


def test_only_known_keys(bank):
    assert set(bank) <= TOP_KEYS
    assert {"bank", "title", "questions"} <= set(bank)
    for fact in bank["facts"]:
        assert set(fact) <= FACT_KEYS, fact["id"]
        assert {"id", "text"} <= set(fact), fact
    for person in bank.get("people", []):
        assert set(person) <= PERSON_KEYS, person["id"]
    for q in bank["questions"]:
        assert set(q) <= QUESTION_KEYS, q["id"]


def test_ids_are_unique_slugs(bank):
    assert SLUG.match(bank["bank"])
    for kind in ("facts", "people", "questions"):
        ids = [x["id"] for x in bank.get(kind, [])]
        assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]
        dupes = [i for i, n in Counter(ids).items() if n > 1]
        assert not dupes, f"duplicate {kind} ids: {dupes}"


def test_counts(bank):
    types = Counter(q["type"] for q in bank["questions"])
    assert set(types) <= {"choice", "multiple", "ordering"}
    assert len(bank["facts"]) >= 30
    assert len(bank["questions"]) >= 45
    assert types["choice"] >= 25
    assert types["multiple"] >= 6
    assert types["ordering"] >= 10


def test_years_are_plausible(bank):
    for item in bank["facts"] + bank.get("people", []):
        if "year" in item:
            assert isinstance(item["year"], int) and 1800 <= item["year"] <= 2100, item["id"]
        if "until" in item:
            assert "year" in item and isinstance(item["until"], int), item["id"]
            assert item["until"] >= item["year"], item["id"]


def test_leaders_exist(bank):
    people = {p["id"] for p in bank.get("people", [])}
    for fact in bank["facts"]:
        if "leader" in fact:
            assert fact["leader"] in people, fact["id"]


def test_fact_texts_are_short_and_stand_alone(bank):
    """Generated questions use a fact's text out of context, as an option or inside a prompt."""
    long = [f["id"] for f in bank["facts"] if len(f["text"]) > FACT_MAX]
    assert not long, f"fact texts over {FACT_MAX} characters: {long}"
    dangling = [
        f["id"]
        for f in bank["facts"]
        if DANGLING_START.match(f["text"]) or DANGLING_ANYWHERE.search(f["text"])
    ]
    assert not dangling, f"fact texts that lean on another fact: {dangling}"


def test_every_question_has_explanation_and_facts(bank, facts):
    for q in bank["questions"]:
        assert isinstance(q.get("prompt"), str) and q["prompt"].strip(), q["id"]
        assert isinstance(q.get("explanation"), str) and q["explanation"].strip(), q["id"]
        assert isinstance(q.get("facts"), list) and q["facts"], q["id"]
        missing = [f for f in q["facts"] if f not in facts]
        assert not missing, f"{q['id']} cites unknown facts {missing}"


def test_every_fact_is_cited(bank):
    cited = {f for q in bank["questions"] for f in q["facts"]}
    uncited = [f["id"] for f in bank["facts"] if f["id"] not in cited]
    assert not uncited, f"facts no question cites: {uncited}"


def test_difficulty_spread(bank):
    levels = [q.get("difficulty", 2) for q in bank["questions"]]
    assert set(levels) <= {1, 2, 3}
    assert set(levels) == {1, 2, 3}, Counter(levels)


def test_question_shapes(bank):
    for q in bank["questions"]:
        kind = q["type"]
        if kind in ("choice", "multiple"):
            choices = q["choices"]
            assert 2 <= len(choices) <= 8, q["id"]
            assert len(set(choices)) == len(choices), q["id"]
            assert "items" not in q and "grading" not in q, q["id"]
        if kind == "choice":
            assert "answers" not in q and q["answer"] in q["choices"], q["id"]
        elif kind == "multiple":
            assert "answer" not in q and q["answers"], q["id"]
            assert len(set(q["answers"])) == len(q["answers"]), q["id"]
            assert set(q["answers"]) <= set(q["choices"]), q["id"]
            assert set(q["answers"]) != set(q["choices"]), f"{q['id']}: no wrong choice"
        elif kind == "ordering":
            items = q["items"]
            assert 3 <= len(items) <= 8 and len(set(items)) == len(items), q["id"]
            assert not {"choices", "answer", "answers"} & set(q), q["id"]
            assert q.get("grading", "pairs") in GRADINGS, q["id"]


def test_ordering_items_are_dated_in_order(bank, facts):
    """Each ordering question cites one fact per item, in the items' order; the dated ones must
    have strictly increasing, non-overlapping dates in the written order."""
    for q in (q for q in bank["questions"] if q["type"] == "ordering"):
        assert len(q["facts"]) == len(q["items"]), f"{q['id']}: one fact per item"
        assert len(set(q["facts"])) == len(q["facts"]), q["id"]
        dated = [facts[f] for f in q["facts"] if "year" in facts[f]]
        for before, after in zip(dated, dated[1:], strict=False):
            end = before.get("until", before["year"])
            assert end < after["year"], (
                f"{q['id']}: {before['id']} ({before['year']}-{end}) does not end before "
                f"{after['id']} ({after['year']}) starts"
            )


def _words(text: str, joiner: str) -> list[str]:
    """Lowercase, punctuation stripped. `joiner` is what punctuation becomes: "" (so U.S. -> us)
    or " " (so U.S. -> u s); the copy check runs with both."""
    text = text.lower().replace("_", " ")
    return re.sub(r"[^\w\s]", joiner, text).split()


def _own_texts(bank):
    for fact in bank["facts"]:
        yield f"fact {fact['id']}", fact["text"]
    for q in bank["questions"]:
        yield f"{q['id']} prompt", q["prompt"]
        yield f"{q['id']} explanation", q["explanation"]
        for option in q.get("choices", []) + q.get("items", []):
            yield f"{q['id']} option", option


def test_the_bank_ships_its_source(bank):
    assert bank["source"] == SOURCE_FILE.name
    assert SOURCE_FILE.is_file()
    shared = shared_source()
    if shared is not None:  # on a fresh clone there is none: the shipped copy is the text
        assert SOURCE_FILE.read_bytes() == shared.read_bytes()


def test_every_fact_cites_the_source(bank):
    source = " ".join(SOURCE_FILE.read_text(encoding="utf-8").split())
    for fact in bank["facts"]:
        assert fact.get("cite"), f"fact {fact['id']} cites no passage of the text"
        assert " ".join(fact["cite"].split()) in source, fact["id"]


def test_no_long_run_copied_from_source(bank):
    source = SOURCE_FILE.read_text(encoding="utf-8")
    copied = []
    for joiner in ("", " "):
        words = _words(source, joiner)
        runs = {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
        for where, text in _own_texts(bank):
            own = _words(str(text), joiner)
            for i in range(len(own) - RUN + 1):
                if tuple(own[i : i + RUN]) in runs:
                    copied.append(f"{where}: {' '.join(own[i : i + RUN])}")
                    break
    assert not copied, "copied from the source:\n" + "\n".join(sorted(set(copied)))
