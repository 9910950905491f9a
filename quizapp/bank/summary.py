"""What `questions check` prints: every problem, or what each bank holds.

Each line is a message (bank/said.py), said in the command's language when it is printed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import Bank, BankError, BrokenQuestion, LoadResult
from .said import Said, _m, _mn, joined


def contents(facts: int, people: int, types: Counter[str]) -> Said:
    """'2 facts, 1 person, 3 questions (1 choice, 1 multiple, 1 ordering)'."""
    return _m("%(facts)s, %(people)s, %(questions)s (%(types)s)",
              facts=_mn("%(num)d fact", "%(num)d facts", facts),
              people=_mn("%(num)d person", "%(num)d people", people),
              questions=_mn("%(num)d question", "%(num)d questions", sum(types.values())),
              types=_m("%(choice)d choice, %(multiple)d multiple, %(ordering)d ordering",
                       choice=types["choice"], multiple=types["multiple"],
                       ordering=types["ordering"]))


def _indented(line: Said) -> Said:
    return Said("  %(line)s", line=line)


def summary_lines(banks: Iterable[Bank]) -> list[Said | str]:
    """Per bank its id, title and counts, then a total line."""
    lines: list[Said | str] = []
    facts = people = 0
    types: Counter[str] = Counter()
    count = 0
    for bank in banks:
        bank_types = Counter(q.type for q in bank.questions)
        lines.append(f"{bank.id}: {bank.title}")
        lines.append(_indented(contents(len(bank.facts), len(bank.people), bank_types)))
        if bank.translations:
            lines.append(_indented(_m("translated into: %(languages)s",
                                      languages=", ".join(bank.languages))))
        facts, people, count = facts + len(bank.facts), people + len(bank.people), count + 1
        types += bank_types
    if not count:
        return [_m("No question files found.")]
    lines.append(_m("Total: %(banks)s, %(contents)s",
                    banks=_mn("%(num)d bank", "%(num)d banks", count),
                    contents=contents(facts, people, types)))
    return lines


def _located(problem: BankError) -> Said:
    """`path:line: message`, the message said when the line is."""
    return joined([f"{problem.path}:{problem.line}", problem.message], ": ")


def report_lines(result: LoadResult) -> list[Said | str]:
    """Every problem as `path:line: message` and a count, or the summary when there are none."""
    lines: list[Said | str] = [_m("%(problem)s (skipped)", problem=_located(s))
                               for s in result.skipped]
    lines += [joined([p.path, p.message], ": ") for p in result.passed_over]
    lines += [_located(note) for note in result.notes]
    if result.ok:
        broken = sum(isinstance(s, BrokenQuestion) for s in result.skipped)
        left_out = ([_mn("%(num)d broken question left out: fix it and check again.",
                         "%(num)d broken questions left out: fix them and check again.", broken)]
                    if broken else [])
        return lines + summary_lines(result.banks) + left_out
    files = len({p.path for p in result.problems})
    tally = _m("%(problems)s in %(files)s.",
               problems=_mn("%(num)d problem", "%(num)d problems", len(result.problems)),
               files=_mn("%(num)d file", "%(num)d files", files))
    return [_located(p) for p in result.problems] + lines + [tally]
