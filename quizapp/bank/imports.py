"""What the GIFT, Aiken and Moodle XML importers share: ids, titles, the rules, the bank they build.

An imported file is one bank (docs/design.md, "Question files"): its id is the file name without its
extension, made a slug; its title is its first category, else that name.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

from .model import (
    DEFAULT_ORDERING_METHOD,
    Bank,
    BankError,
    BrokenQuestion,
    Image,
    ParseResult,
    Question,
)
from .rules import option_problems
from .said import Said, _m, _mn

ID_LENGTH = 60  # Moodle names are often a whole sentence; an id stays short enough to read


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by single hyphens ('' when none are left)."""
    # An apostrophe joins what it stands between: "Leguía's term" -> leguias-term.
    text = re.sub(r"['’]", "", text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:ID_LENGTH].rstrip("-")


def _named_segments(category: str) -> list[str]:
    # Moodle writes a slash inside a category's own name as '//'.
    segments = [s.replace("//", "/").strip() for s in re.split(r"(?<!/)/(?!/)", category)]
    return [s for s in segments
            if s and s != "top" and not (s.startswith("$") and s.endswith("$"))]


def category_title(category: str) -> str:
    """The last named segment of a Moodle category path ('$course$/top/Peru' -> 'Peru')."""
    named = _named_segments(category)
    return named[-1] if named else ""


def category_path(category: str) -> str:
    """A Moodle category path as a tag: its named segments ('$course$/top/Peru/Leaders' ->
    'Peru/Leaders'), one line."""
    return " ".join("/".join(_named_segments(category)).split())


@dataclass(frozen=True)
class Draft:
    """A question as an importer read it, before its id is settled and the rules are checked."""

    number: int  # its place among the file's questions, skipped ones included: q-<number>
    line: int
    type: str
    prompt: str
    options: tuple[str, ...]
    key: tuple[str, ...]
    option_lines: tuple[int, ...]
    name: str = ""  # the id or name the file gives it, if any: its id is made of this
    moodle_name: str = ""  # the name the file gives it (Moodle's `<name>`, GIFT's `::name::`)
    explanation: str = ""
    feedback: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    grading: str = DEFAULT_ORDERING_METHOD
    weights: tuple[float, ...] = ()  # each option's worth in percent, where the file gives it
    missing: tuple[Said, ...] = ()  # what its text points at that Quipu has not: "a picture"...
    images: tuple[Image, ...] = ()  # the pictures its text shows that are kept


class Import:
    """One file's import in progress: the questions read, the problems and the questions skipped.

    A problem met while a question is being read (after `next_number`, before `between`) is that
    question's: the question is left out and listed with the skipped ones (a `BrokenQuestion`),
    and the rest of the file loads. Any other problem is the file's, and no bank is made.
    """

    def __init__(self, path: str, suffix: str) -> None:
        name = os.path.basename(path)
        self.path = path
        self.stem = name[:-len(suffix)] if name.lower().endswith(suffix) else name
        self.title = ""
        self.home = ""  # the path of the category that titles the bank
        self.category = ""  # the sub-category the questions read now are in ('' for the home one)
        self.drafts: list[Draft] = []
        self.problems: list[BankError] = []
        self.skipped: list[BankError] = []
        self.broken: dict[int, list[tuple[int, Said | str]]] = {}  # by number: (line, message)
        self.names: dict[int, str] = {}
        self.count = 0
        self.orphans = 0
        self.current: int | None = None

    def next_number(self, name: str = "") -> int:
        """Start reading the next question of the file; its number (1 for the first)."""
        self.count += 1
        self.current = self.count
        self.names[self.count] = name
        return self.count

    def orphan(self) -> None:
        """Start reading lines that belong to no question (an option or an `ANSWER:` before any
        question text, an element where a question goes): a problem in them leaves them out,
        and the questions keep their numbers."""
        self.orphans += 1
        self.current = -self.orphans
        self.names[self.current] = ""

    def name(self, number: int, name: str) -> None:
        """The name a question gives itself, once read (it labels the question if it is broken)."""
        self.names[number] = name

    def between(self) -> None:
        """No question is being read now: a problem from here on is the file's."""
        self.current = None

    def problem(self, line: int, message: Said | str) -> None:
        """Record a problem at a line: the question's being read, else the file's."""
        if self.current is not None:
            self.broken.setdefault(self.current, []).append((max(line, 1), message))
        else:
            self.problems.append(BankError(self.path, max(line, 1), message))

    def is_broken(self, number: int) -> bool:
        """Whether a problem was found in the question of that number."""
        return number in self.broken

    def skip(self, line: int, number: int, name: str, kind: Said) -> None:
        """Record a question of a type Quipu has not, e.g. kind _m("an essay question")."""
        label = slugify(name) or f"q-{number}"
        self.skipped.append(BankError(self.path, max(line, 1), _m(
            "question '%(label)s' is %(kind)s, which Quipu does not have", label=label, kind=kind)))

    def add_category(self, category: str) -> None:
        """Note a category: the first one that names something titles the bank; the questions
        after a later one are tagged with its path (`Peru/Leaders`), so a sub-category is kept."""
        self.between()
        title, path = category_title(category), category_path(category)
        if not self.title:
            self.title, self.home = title, path
        self.category = path if path != self.home else ""

    def tags(self, tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """A question's own tags, then its sub-category's path (if it is in one)."""
        return (*tags, self.category) if self.category else tuple(tags)

    def finish(self) -> ParseResult:
        """The bank (or None when the file is wrong), the problems, the skipped questions (types
        Quipu has not, and broken ones) and the notes (a picture or a sound a question lacks)."""
        self.between()
        ids = _ids(self.drafts)
        labels = {n: slugify(name) or f"q-{n}" for n, name in self.names.items()}
        for draft, qid in zip(self.drafts, ids, strict=True):
            labels[draft.number] = qid
            for line, message in _draft_problems(draft):
                self.broken.setdefault(draft.number, []).append((line, message))
        for number, found in self.broken.items():
            self.skipped += [BrokenQuestion(self.path, line, _left_out(labels[number], number,
                                                                       message))
                             for line, message in found]
        kept = [(d, qid) for d, qid in zip(self.drafts, ids, strict=True)
                if d.number not in self.broken]
        notes = [BankError(self.path, d.line, _m(
                     "question '%(id)s' shows %(what)s that Quipu does not have: learners may not "
                     "be able to answer it", id=qid, what=what))
                 for d, qid in kept for what in d.missing]
        bank_id = slugify(self.stem)
        if not bank_id:
            self.problem(1, _m("the file name '%(stem)s' gives no bank id; name the file with "
                               "letters or digits, like peru-quiz", stem=self.stem))
        if not kept and not self.problems:
            self.problem(1, _no_question(len(self.skipped)))
        skipped = tuple(sorted(self.skipped, key=lambda s: s.line))
        if self.problems:
            return ParseResult(None, tuple(sorted(self.problems, key=lambda p: p.line)), skipped)
        bank = Bank(id=bank_id, title=self.title or self.stem,
                    questions=tuple(_question(d, qid) for d, qid in kept), path=self.path, line=1)
        return ParseResult(bank, skipped=skipped, notes=tuple(notes))


def _ids(drafts: list[Draft]) -> list[str]:
    """Each question's id: its name as a slug, else q-<number>; made unique by -2, -3..."""
    used: set[str] = set()
    ids = []
    for draft in drafts:
        base = slugify(draft.name) or f"q-{draft.number}"
        qid, suffix = base, 2
        while qid in used:
            qid, suffix = f"{base}-{suffix}", suffix + 1
        used.add(qid)
        ids.append(qid)
    return ids


def _left_out(label: str, number: int, problem: Said | str) -> Said:
    """What is left out (a question, or lines of none when `number` < 1), and why."""
    if number > 0:
        return _m("question '%(label)s' is left out: %(problem)s", label=label, problem=problem)
    return _m("these lines are left out: %(problem)s", problem=problem)


def _no_question(skipped: int) -> Said:
    """Why a file makes no bank when none of its questions could be used."""
    if not skipped:
        return _m("the file holds no question Quipu can use; a bank needs one")
    return _mn("the file holds no question Quipu can use (%(num)d skipped); a bank needs one",
               "the file holds no question Quipu can use (%(num)d skipped); a bank needs one",
               skipped)


def _draft_problems(draft: Draft) -> list[tuple[int, Said | str]]:
    """(line, message) for each rule the question breaks: text, then options (bank/rules.py)."""
    found: list[tuple[int, Said | str]] = (
        [] if draft.prompt else [(draft.line, _m("the question has no text"))])
    for index, (text, line) in enumerate(zip(draft.options, draft.option_lines, strict=True), 1):
        if not text:
            found.append((line, _m("item %(index)d is empty", index=index)
                          if draft.type == "ordering"
                          else _m("option %(index)d is empty", index=index)))
    found.extend(option_problems(draft.type, draft.options, draft.key, draft.option_lines,
                                 draft.line))
    return found


def _question(draft: Draft, qid: str) -> Question:
    feedback = draft.feedback if any(draft.feedback) else ()
    weights = draft.weights if len(draft.weights) == len(draft.options) else ()
    return Question(id=qid, type=draft.type, prompt=draft.prompt, options=draft.options,
                    key=draft.key, explanation=draft.explanation, feedback=feedback,
                    tags=tuple(dict.fromkeys(draft.tags)), grading=draft.grading,
                    line=draft.line, name=draft.moodle_name, weights=weights,
                    images=draft.images)
