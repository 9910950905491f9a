"""What changed between two versions of a bank, said in a few words ("2 facts changed, 1 question
added"), for the history of a bank's file: a message, said in the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .model import Bank, Fact, Person, Question
from .said import Said, Translate, TranslatePlural, _m, _mn, joined

Entry = Fact | Person | Question
Counted = Callable[[int], Said]
# How many entries of a kind a change added, changed and removed.
FACTS: dict[str, Counted] = {
    "changed": lambda n: _mn("%(num)d fact changed", "%(num)d facts changed", n),
    "added": lambda n: _mn("%(num)d fact added", "%(num)d facts added", n),
    "removed": lambda n: _mn("%(num)d fact removed", "%(num)d facts removed", n),
}
PEOPLE: dict[str, Counted] = {
    "changed": lambda n: _mn("%(num)d person changed", "%(num)d people changed", n),
    "added": lambda n: _mn("%(num)d person added", "%(num)d people added", n),
    "removed": lambda n: _mn("%(num)d person removed", "%(num)d people removed", n),
}
QUESTIONS: dict[str, Counted] = {
    "changed": lambda n: _mn("%(num)d question changed", "%(num)d questions changed", n),
    "added": lambda n: _mn("%(num)d question added", "%(num)d questions added", n),
    "removed": lambda n: _mn("%(num)d question removed", "%(num)d questions removed", n),
}


class Sentence(Said):
    """Messages said one after another, the first letter a capital whatever the language."""

    __slots__ = ()

    def say(self, translate: Translate | None = None,
            translate_plural: TranslatePlural | None = None) -> str:
        text = super().say(translate, translate_plural)
        return text[:1].upper() + text[1:]


def _compare(before: Sequence[Entry], after: Sequence[Entry], said: dict[str, Counted]
             ) -> list[Said | str]:
    """'1 fact added', '2 facts changed', '1 fact removed', as they apply (by id)."""
    old = {e.id: replace(e, line=0) for e in before}
    new = {e.id: replace(e, line=0) for e in after}
    counts = {
        "changed": sum(1 for i in new if i in old and new[i] != old[i]),
        "added": sum(1 for i in new if i not in old),
        "removed": sum(1 for i in old if i not in new),
    }
    return [said[what](count) for what, count in counts.items() if count]


def summary(before: Bank | None, after: Bank | None) -> Said:
    """What a change from `before` to `after` did, in short (None: a file that did not load)."""
    if before is None and after is None:
        return _m("a file that did not load replaced by another")
    if before is None:
        return _m("a file that did not load replaced by a good one")
    if after is None:
        return _m("replaced by a file that did not load")
    parts: list[Said | str] = []
    if before.id != after.id:
        parts.append(_m("bank id %(old)s became %(new)s", old=before.id, new=after.id))
    if before.title != after.title:
        parts.append(_m("title changed"))
    if before.exam_only != after.exam_only:
        parts.append(_m("exam-only switched on") if after.exam_only else
                     _m("exam-only switched off"))
    parts.extend(_compare(before.facts, after.facts, FACTS))
    parts.extend(_compare(before.people, after.people, PEOPLE))
    parts.extend(_compare(before.questions, after.questions, QUESTIONS))
    if not parts:
        return _m("no change to its facts, people or questions")
    return Sentence("%(parts)s", parts=joined(parts, ", "))
