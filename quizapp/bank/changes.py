"""What changed between two versions of a bank, said in a few words ("2 facts changed, 1 question
added"), for the history of a bank's file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .model import Bank, Fact, Person, Question

Entry = Fact | Person | Question
NOUNS = (("fact", "facts"), ("person", "people"), ("question", "questions"))


def _counted(count: int, nouns: tuple[str, str], verb: str) -> str:
    return f"{count} {nouns[0] if count == 1 else nouns[1]} {verb}"


def _compare(before: Sequence[Entry], after: Sequence[Entry], nouns: tuple[str, str]
             ) -> list[str]:
    """'1 fact added', '2 facts changed', '1 fact removed', as they apply (by id)."""
    old = {e.id: replace(e, line=0) for e in before}
    new = {e.id: replace(e, line=0) for e in after}
    added = sum(1 for i in new if i not in old)
    removed = sum(1 for i in old if i not in new)
    changed = sum(1 for i in new if i in old and new[i] != old[i])
    said = [(changed, "changed"), (added, "added"), (removed, "removed")]
    return [_counted(count, nouns, verb) for count, verb in said if count]


def summary(before: Bank | None, after: Bank | None) -> str:
    """What a change from `before` to `after` did, in short (None: a file that did not load)."""
    if before is None and after is None:
        return "a file that did not load replaced by another"
    if before is None:
        return "a file that did not load replaced by a good one"
    if after is None:
        return "replaced by a file that did not load"
    parts = []
    if before.id != after.id:
        parts.append(f"bank id {before.id} became {after.id}")
    if before.title != after.title:
        parts.append("title changed")
    if before.exam_only != after.exam_only:
        parts.append("exam-only switched " + ("on" if after.exam_only else "off"))
    parts.extend(_compare(before.facts, after.facts, NOUNS[0]))
    parts.extend(_compare(before.people, after.people, NOUNS[1]))
    parts.extend(_compare(before.questions, after.questions, NOUNS[2]))
    if not parts:
        return "no change to its facts, people or questions"
    text = ", ".join(parts)
    return text[0].upper() + text[1:]
