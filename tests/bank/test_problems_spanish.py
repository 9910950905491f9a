"""Every problem a YAML question file (or its translation, or the loader) can report is in the
Spanish catalog: with the Spanish translator installed, each reads differently than in English,
and so does every message among its values (a `kind`, a `where`, a hint), none left English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from babel.support import Translations
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank import said
from quizapp.bank.loader import load_file, load_files, load_folder
from quizapp.bank.model import BankError
from quizapp.bank.rules import option_problems
from quizapp.bank.said import Said
from quizapp.bank.source import MAX_SOURCE
from quizapp.bank.yaml_bank import parse_yaml_bank
from quizapp.bank.yaml_translation import parse_translation
from tests.bank.test_loader_properties import (
    SMALL,
    mutate,
    mutations,
    replace_somewhere,
    structures,
)
from tests.bank.test_loader_rules import CHOICE, HEADER, item
from tests.bank.test_translation import BANK, GOOD, write

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@contextmanager
def spanish() -> Iterator[Translations]:
    """The Spanish catalog installed as the domain's translator, the one before put back after."""
    translations = Translations.load(ROOT / "quizapp" / "translations", ["es"])
    before = said._translate, said._translate_plural
    said.install(translations.ugettext, translations.ungettext)
    try:
        yield translations
    finally:
        said.install(*before)


def parts(message: Said) -> Iterator[Said]:
    """The message and every message among its values, at any depth."""
    yield message
    for value in message.values.values():
        if isinstance(value, Said):
            yield from parts(value)


def untranslated(problems: list[BankError] | tuple[BankError, ...]) -> list[str]:
    """Each problem (or message in one) that reads the same in Spanish as in English."""
    left = []
    for problem in problems:
        message = problem.message
        assert isinstance(message, Said), f"{problem}: built as text"
        if str(message) == message.english():
            left.append(str(problem))
        for part in parts(message):
            words = PLACEHOLDER.sub("", part.message)
            if any(c.isalpha() for c in words) and part.say() == part.english():
                left.append(f"{problem}: {part.message!r}")
    return left


BROKEN_QUESTIONS = [
    CHOICE.replace("answer:", "answr:"),
    CHOICE.replace('answer: "1920"', 'answer: "1921"'),
    CHOICE.replace('answer: "1920"', 'answers: ["1920"]'),
    CHOICE + "items: [a, b, c]\ngrading: pairs\n",
    CHOICE.replace('"1952"]', '"1920"]'),
    CHOICE.replace('["1914", "1916", "1920", "1952"]', '["1920"]'),
    CHOICE.replace('["1914", "1916", "1920", "1952"]', "[1, 2, 3, 4, 5, 6, 7, 8, 9]"),
    CHOICE.replace('["1914", "1916", "1920", "1952"]', '"1920"'),
    CHOICE.replace('["1914", "1916", "1920", "1952"]', '["1914", "", [a], "1920"]'),
    CHOICE.replace("type: choice", "type: choise"),
    CHOICE.replace("id: embassy-year", "id: Embassy Year"),
    CHOICE.replace("prompt: In which year?", "prompt: [a list]"),
    CHOICE.replace("prompt: In which year?", "prompt:"),
    CHOICE + "difficulty: 4\nfacts: [embasy, ok, 3]\ntags: [a, {b: c}]\n",
    CHOICE + 'difficulty: "2"\n',
    CHOICE + "difficulty: yes\n",
    CHOICE + "id: again\n",
    "id: pick\ntype: multiple\nprompt: Which?\nchoices: [a, b]\nanswer: a\n",
    "id: pick\ntype: multiple\nprompt: Which?\nchoices: [a, b]\nanswers: [a, a, c]\n",
    "id: pick\ntype: multiple\nprompt: Which?\nchoices: [a, b]\nanswers: []\n",
    "id: order\ntype: ordering\nprompt: Order?\nitems: [a, b]\ngrading: pair\n",
    "id: order\ntype: ordering\nprompt: Order?\nitems: [a, b, a]\nchoices: [a]\n",
    "id: order\ntype: ordering\nprompt: Order?\n",
    "id: order\ntype: ordering\nprompt: Order?\nitems: [a, '', c]\n",
    "id: pick\ntype: multiple\nprompt: Which?\nchoices: [a, b]\nanswers: ['', a]\n",
    "id: pick\ntype: choice\nprompt: Which?\nchoices:\n  - a\n  - b\n  - a\nanswer: a\n",
]
BROKEN_FACTS = [
    "id: f\ntext: A fact.\nyear: 19x0\nuntil: 2969\n",
    "id: f\ntext: A fact.\nyear: 1930\nuntil: 1919\nleader: leguiа\n",
    "id: f\ntext: A fact.\nuntil: 1919\napproximate: maybe\n",
    "id: f\ntext: A fact.\napproximate: true\ncite: [a]\n",
    "id: f\ntext: A fact.\nwhen: [1920]\nyear: true\ntags: nope\nsay: x\n",
    "id: f\ntext: A fact.\nyear: ~\n",
]
BROKEN_FILES = [
    "", "- a\n- b\n", "bank: b\ntitle: T\n", "bank: b\ntitle: T\ntitle: U\nfacts: x\n",
    "bank: Not A Slug\ntitle: T\nexam_only: maybe\nsource: ../x.txt\nquestionz: []\n",
    "bank: b\ntitle: T\nsource: notes.gift\nfacts:\n  - id: f\n    text: F.\n",
    "bank: b\ntitle: T\nfacts:\n  - id: f\n    text: F.\n    cite: the canal\n",
    "bank: b\ntitle: T\nfacts:\n  - id: f\n    text: F.\n  - id: f\n    text: G.\n  - x\n",
    "bank: b\ntitle: T\npeople:\n  - id: p\n    name: P\n  - id: p\n    naem: Q\n  - [x]\n",
    "bank: b\ntitle: T\nquestions:\n  - x\n" + item(CHOICE) + item(CHOICE),
    "bank: b\ntitle: 'T\n", "bank: b\n\ttitle: T\n", "bank: b\n---\ntitle: T\n",
    "bank: b\n  title: T\nfacts: [\n", "bank: b\ntitle: T\x07\n", "[a]: b\n",
    "bank: b\ntitle: T\ud800\n", "bank: b\ntitle: T\nfacts: {a: 1,\n  b: 2\nc: 3\n",
    "bank: b\ntitle: T\n" + "facts:\n" + "  " * 1 + "- " + "[" * 2000 + "]" * 2000 + "\n",
]
BROKEN_TRANSLATIONS = [
    GOOD.replace("bank: tiny", "bank: other").replace("  - id: embassy\n", "  - id: embasy\n"),
    GOOD.replace('choices: ["En 1914", "En 1916", "En 1920"]', 'choices: ["En 1914", "En 1916"]')
    .replace("items: [Se inaugura el canal, Llega la embajada, Se firma el tratado]",
             "items: [Se inaugura el canal, Se inaugura el canal, Se firma el tratado]"),
    GOOD.replace("    role: Presidente del Perú\n", "    role: Presidente\n    year: 1919\n")
    .replace("  - id: pick\n", "  - id: pick\n    items: [a, b, c]\n  - id: pick\n"),
    "bank: tiny\nfacts:\n  - id: embassy\n    when: en 1920\n  - text: sin id\n  - [x]\n",
    "- a\n",
    "bank: tiny\nfacts:\n  - id: canal\n    text: x\n  - id: canal\n    text: y\npeople:\n"
    "  - id: leguia\n    name: x\n  - id: leguia\n    name: y\n  - id: nobody\n    name: z\n"
    "  - [x]\nquestions:\n  - [x]\n  - id: nothing\n    prompt: x\n"
    "  - id: pick\n    choices: [a, b, c]\n    items: [a, b, c]\n",
    GOOD.replace("[Canal en 1914, Embajada en 1920, Canal en 1930]",
                 "[Canal en 1914, Canal en 1914, Canal en 1930]")
    .replace("items: [Se inaugura el canal, Llega la embajada, Se firma el tratado]",
             "items: [Se inaugura el canal, '', Se firma el tratado, Otro]"),
]


def test_every_problem_of_a_broken_file_reads_in_spanish(tmp_path):
    problems: list[BankError] = []
    for path in sorted((DATA / "broken").glob("*.yaml")):
        problems += load_file(path).problems
    for body in BROKEN_QUESTIONS:
        problems += parse_yaml_bank(HEADER + item(body), "q.yaml").problems
    for body in BROKEN_FACTS:
        problems += parse_yaml_bank(HEADER.split("facts:")[0] + "facts:\n" + item(body)
                                    + "questions:\n" + item(CHOICE), "f.yaml").problems
    for text in BROKEN_FILES:
        problems += parse_yaml_bank(text, "b.yaml").problems
    for text in BROKEN_TRANSLATIONS:
        loaded = load_folder(write(tmp_path, es=text))
        problems += [*loaded.problems, *loaded.notes]
        problems += parse_translation(text, "tiny.es.yaml", "es")[1]
    # A person and a question that have no role and no explanation to translate.
    plain = BANK.replace("    role: President of Peru\n", "").replace(
        "    explanation: It opened in 1914.\n", "")
    problems += load_folder(write(tmp_path, bank=plain)).problems
    problems += [BankError("x.gift", line, message) for line, message in [
        *option_problems("choice", ["a", "b", "a"], ["a", "b"], [2, 3, 4], 1),
        *option_problems("choice", ["a"], [], [2], 1),
        *option_problems("multiple", ["a", "b"], [], [2, 3], 1),
        *option_problems("ordering", ["a", "b"], ["a", "b"], [2, 3], 1)]]
    assert len(problems) > 100
    with spanish():
        assert untranslated(problems) == []
    assert str(problems[0].message) == problems[0].message.english()  # English again after


def test_the_loader_s_problems_and_notes_read_in_spanish(tmp_path):
    (tmp_path / "latin.yaml").write_bytes("bank: b\ntitle: Perú\n".encode("latin-1"))
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "a.yaml").write_text("bank: a\ntitle: A\nfacts:\n  - id: f\n    text: F.\n")
    (tmp_path / "b.yaml").write_text("bank: a\ntitle: B\nfacts:\n  - id: f\n    text: F.\n")
    (tmp_path / "c.yaml").write_text("bank: c\ntitle: C\nsource: gone.txt\nfacts:\n"
                                     "  - id: f\n    text: F.\n    cite: a phrase\n")
    (tmp_path / "d.yaml").write_text("bank: d\ntitle: D\nsource: bad.txt\nfacts:\n"
                                     "  - id: f\n    text: F.\n    cite: A Phrase\n"
                                     "  - id: g\n    text: G.\n    cite: not there\n")
    (tmp_path / "bad.txt").write_text("a phrase")
    (tmp_path / "many.yaml").write_text("bank: m\ntitle: M\nfacts:\n"
                                        + "  - id: f\n    text: ''\n" * 150)
    (tmp_path / ".hidden.yaml").write_text("x")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "link.yaml").symlink_to(tmp_path / "nowhere.yaml")
    for name, source in [("e", "big.txt"), ("f", "latin.txt"), ("g", "dir.txt")]:
        (tmp_path / f"{name}.yaml").write_text(f"bank: {name}\ntitle: T\nsource: {source}\n"
                                               "facts:\n  - id: f\n    text: F.\n")
    (tmp_path / "big.txt").write_text("x" * (MAX_SOURCE + 1))
    (tmp_path / "latin.txt").write_bytes("Perú".encode("latin-1"))
    (tmp_path / "dir.txt").mkdir()
    result = load_folder(tmp_path)
    reported = [*result.problems, *result.notes, *result.passed_over,
                *load_files([tmp_path / "notes.txt"]).problems,
                *load_file(tmp_path / "folder.yaml").problems]
    assert len(reported) > 100
    with spanish():
        assert untranslated(reported) == []


QUICK = settings(max_examples=60, deadline=None)


@QUICK
@given(st.lists(mutations, min_size=1, max_size=4))
def test_a_mutated_file_s_problems_read_in_spanish(changes):
    text = SMALL
    for change in changes:
        text = mutate(text, change)
    with spanish():
        assert untranslated(parse_yaml_bank(text, "p.yaml").problems) == []


@QUICK
@given(st.lists(st.integers(0, 50), min_size=1, max_size=5), structures)
def test_a_bank_with_a_value_replaced_has_its_problems_in_spanish(path, value):
    data = replace_somewhere(yaml.safe_load(SMALL), path, value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with spanish():
        assert untranslated(parse_yaml_bank(text, "p.yaml").problems) == []

