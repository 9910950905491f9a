"""The layers of docs/design.md, checked: who may import what, and how long a module may grow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quizapp"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def imported(path: Path) -> set[str]:
    """Every module the file imports, as an absolute dotted name."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts if path.name == "__init__.py" else parts[:-1]
    if path.name == "__init__.py":
        package = parts[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


def relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


@pytest.mark.parametrize("path", MODULES, ids=relative)
def test_no_module_is_over_300_lines(path):
    assert len(path.read_text().splitlines()) <= 300


@pytest.mark.parametrize("path", [p for p in MODULES if "web" in p.parts], ids=relative)
def test_views_reach_the_domain_and_the_database_only_through_services(path):
    names = imported(path)
    assert not {n for n in names if n.startswith("quizapp.quiz") or n.startswith("quizapp.bank")}
    assert not {n for n in names if n.startswith("sqlalchemy") or n == "quizapp.extensions.db"}


@pytest.mark.parametrize("path", [p for p in MODULES if {"bank", "quiz"} & set(p.parts)],
                         ids=relative)
def test_the_domain_imports_no_flask_and_no_database(path):
    names = imported(path)
    outside = {n for n in names if n.startswith("quizapp.")
               and not n.startswith(("quizapp.bank", "quizapp.quiz"))}
    assert not outside
    assert not {n for n in names if n.split(".")[0] in {"flask", "sqlalchemy", "flask_login"}}
