"""What `questions check` prints: every problem, or what each bank holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import QUESTION_TYPES, Bank, BrokenQuestion, LoadResult


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def contents(facts: int, people: int, types: Counter[str]) -> str:
    """'2 facts, 1 person, 3 questions (1 choice, 1 multiple, 1 ordering)'."""
    by_type = ", ".join(f"{types[t]} {t}" for t in QUESTION_TYPES)
    return (f"{_plural(facts, 'fact')}, {_plural(people, 'person', 'people')}, "
            f"{_plural(sum(types.values()), 'question')} ({by_type})")


def summary_lines(banks: Iterable[Bank]) -> list[str]:
    """Per bank its id, title and counts, then a total line."""
    lines = []
    facts = people = 0
    types: Counter[str] = Counter()
    count = 0
    for bank in banks:
        bank_types = Counter(q.type for q in bank.questions)
        lines.append(f"{bank.id}: {bank.title}")
        lines.append(f"  {contents(len(bank.facts), len(bank.people), bank_types)}")
        if bank.translations:
            lines.append(f"  translated into: {', '.join(bank.languages)}")
        facts, people, count = facts + len(bank.facts), people + len(bank.people), count + 1
        types += bank_types
    if not count:
        return ["No question files found."]
    lines.append(f"Total: {_plural(count, 'bank')}, {contents(facts, people, types)}")
    return lines


def report_lines(result: LoadResult) -> list[str]:
    """Every problem as `path:line: message` and a count, or the summary when there are none."""
    skipped = [f"{s} (skipped)" for s in result.skipped]
    skipped += [f"{p.path}: {p.message}" for p in result.passed_over]
    skipped += [str(note) for note in result.notes]
    if result.ok:
        broken = sum(isinstance(s, BrokenQuestion) for s in result.skipped)
        left_out = ([f"{_plural(broken, 'broken question')} left out: fix "
                     f"{'it' if broken == 1 else 'them'} and check again."] if broken else [])
        return skipped + summary_lines(result.banks) + left_out
    files = len({p.path for p in result.problems})
    tally = f"{_plural(len(result.problems), 'problem')} in {_plural(files, 'file')}."
    return [str(p) for p in result.problems] + skipped + [tally]
