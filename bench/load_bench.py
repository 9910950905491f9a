"""How long loading a large bank takes: 10,000 questions and 2,000 facts, best of 5 runs.

Not a test: run it with `.venv/bin/python bench/load_bench.py`. It times `load_folder` and, as a
baseline in the same run, libyaml composing the same file alone (with the garbage collector paused,
as the loader runs it, and without), and prints the ratio.
"""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

import yaml
from timing import best_of

from quizapp.bank.loader import load_folder
from quizapp.bank.yaml_syntax import SafeLoader

QUESTIONS, FACTS, PEOPLE, RUNS = 10_000, 2_000, 50, 5


def fact_lines(i: int) -> list[str]:
    """One fact, with a period every third fact and a leader every other."""
    year = 1900 + i % 100
    lines = [f"  - id: fact-{i}", f"    year: {year}", f"    text: Event number {i} happens."]
    if i % 3 == 0:
        lines.append(f"    until: {year + 2}")
    if i % 2 == 0:
        lines.append(f"    leader: person-{i % PEOPLE}")
    lines.append("    tags: [politics, trade]")
    return lines


def question_lines(i: int) -> list[str]:
    """One question: choice, multiple and ordering in turn, each citing a fact."""
    head = [f"  - id: q-{i}", f"    prompt: Question number {i}?", f"    facts: [fact-{i % FACTS}]"]
    kind = ("choice", "multiple", "ordering")[i % 3]
    head.append(f"    type: {kind}")
    if kind == "choice":
        return head + ["    choices: [1914, 1916, 1920, 1952]", "    answer: 1920",
                       "    explanation: Because the text says so.", "    difficulty: 1"]
    if kind == "multiple":
        return head + ['    choices: ["Lima", "Cusco", "Quito", "Bogota"]',
                       "    answers: [Lima, Cusco]"]
    return head + ["    items:", "      - The canal opens", "      - Trade jumps",
                   "      - The mission becomes an embassy", "    grading: pairs"]


def write_bank(folder: Path) -> Path:
    """Write the synthetic bank and return its path."""
    lines = ["bank: synthetic", "title: A synthetic bank", "people:"]
    for i in range(PEOPLE):
        lines += [f"  - id: person-{i}", f"    name: Person {i}", "    year: 1900",
                  "    until: 2000"]
    lines.append("facts:")
    for i in range(FACTS):
        lines += fact_lines(i)
    lines.append("questions:")
    for i in range(QUESTIONS):
        lines += question_lines(i)
    path = folder / "synthetic.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path



def compose_gc_paused(text: str) -> None:
    """Compose as the loader does: with the cyclic garbage collector paused."""
    gc.disable()
    try:
        yaml.compose(text, Loader=SafeLoader)
    finally:
        gc.enable()


def main() -> int:
    """Write the bank, time compose and load, print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_bank(Path(tmp))
        result = load_folder(tmp)
        if not result.ok or len(result.banks[0].questions) != QUESTIONS:
            print("the synthetic bank did not load:", *result.problems[:5], sep="\n")
            return 1
        text = path.read_text(encoding="utf-8")
        compose_gc = best_of(RUNS, lambda: yaml.compose(text, Loader=SafeLoader))
        compose = best_of(RUNS, lambda: compose_gc_paused(text))
        load = best_of(RUNS, lambda: load_folder(tmp))
    size = len(text.encode()) / 1e6
    print(f"bank: {QUESTIONS} questions, {FACTS} facts, {PEOPLE} people, {size:.1f} MB")
    print(f"parser: {SafeLoader.__name__}; best of {RUNS} runs")
    print(f"compose alone, gc on:     {compose_gc * 1000:7.1f} ms")
    print(f"compose alone, gc paused: {compose * 1000:7.1f} ms  (the baseline)")
    print(f"load_folder:              {load * 1000:7.1f} ms  ({load / compose:.2f}x the baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
