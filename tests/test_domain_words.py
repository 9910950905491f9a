"""The domain's words reach a person as messages (quizapp/bank/said.py), never as text built in
English: each call that reports a problem, raises a domain error or names a flag is given a `_m`
message (or a name holding one), not a string literal, an f-string, a `+` or a `%`.

A message built as text is frozen in English before anyone reads it; a `_m` message is said in the
reader's language when it is read.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quizapp"
DOMAIN = sorted(p for d in ("bank", "quiz") for p in (PACKAGE / d).glob("*.py"))

# What a person reads: the problems of a question file, the domain's errors. The message is the
# last positional argument (BankError(path, line, message), report(at, where, message), ...).
SAYS = {"report", "problem", "broken", "note", "skip", "BankError", "BrokenQuestion", "XmlProblem",
        "QuizError", "AnswerError", "GradeError", "LiveError", "Flag"}

# Modules whose words are still built in English: this set can only shrink.
PENDING: set[str] = set()  # none


def built_text(node: ast.expr) -> bool:
    """A string literal with letters, an f-string, or text joined with + or %."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return built_text(node.left) or built_text(node.right)
    return False


def english_words(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name in SAYS and built_text(node.args[-1]):
            found.append(f"{path.name}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", [p for p in DOMAIN if p.name not in PENDING],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_domain_says_its_words_as_messages(path):
    assert english_words(path) == []


@pytest.mark.parametrize("name", sorted(PENDING))
def test_a_pending_module_still_builds_english(name):
    path = next(p for p in DOMAIN if p.name == name)
    assert english_words(path), f"{name} says its words as messages now: take it out of PENDING"


def test_the_checker_finds_built_text():
    source = ("r.report(n, w, f'{x} is empty')\nraise QuizError('no questions')\n"
              "r.report(n, w, 'a' + b)\nr.report(n, w, _m('%(x)s is empty', x=x))\n"
              "r.report(n, w, why)\n")
    path = Path("/tmp/quipu_domain_words_check.py")
    path.write_text(source)
    assert english_words(path) == [f"{path.name}:1", f"{path.name}:2", f"{path.name}:3"]
