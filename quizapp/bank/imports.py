"""What the GIFT, Aiken and Moodle XML importers share: ids, titles, the rules, the bank they build.

An imported file is one bank (docs/design.md, "Question files"): its id is the file name without its
extension, made a slug; its title is its first category, else that name.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

from .model import DEFAULT_ORDERING_METHOD, Bank, BankError, ParseResult, Question
from .rules import option_problems

ID_LENGTH = 60  # Moodle names are often a whole sentence; an id stays short enough to read


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by single hyphens ('' when none are left)."""
    # An apostrophe joins what it stands between: "Leguía's term" -> leguias-term.
    text = re.sub(r"['’]", "", text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:ID_LENGTH].rstrip("-")


def category_title(category: str) -> str:
    """The last named segment of a Moodle category path ('$course$/top/Peru' -> 'Peru')."""
    # Moodle writes a slash inside a category's own name as '//'.
    segments = [s.replace("//", "/").strip() for s in re.split(r"(?<!/)/(?!/)", category)]
    named = [s for s in segments
             if s and s != "top" and not (s.startswith("$") and s.endswith("$"))]
    return named[-1] if named else ""


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
    name: str = ""  # the id or name the file gives it, if any
    explanation: str = ""
    feedback: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    grading: str = DEFAULT_ORDERING_METHOD


class Import:
    """One file's import in progress: the questions read, the problems and the questions skipped."""

    def __init__(self, path: str, suffix: str) -> None:
        name = os.path.basename(path)
        self.path = path
        self.stem = name[:-len(suffix)] if name.lower().endswith(suffix) else name
        self.title = ""
        self.drafts: list[Draft] = []
        self.problems: list[BankError] = []
        self.skipped: list[BankError] = []
        self.count = 0

    def next_number(self) -> int:
        """The number of the next question of the file (1 for the first)."""
        self.count += 1
        return self.count

    def problem(self, line: int, message: str) -> None:
        """Record a problem at a line."""
        self.problems.append(BankError(self.path, max(line, 1), message))

    def skip(self, line: int, number: int, name: str, kind: str) -> None:
        """Record a question of a type Quipu has not, e.g. kind 'an essay question'."""
        label = slugify(name) or f"q-{number}"
        self.skipped.append(BankError(self.path, max(line, 1),
                                      f"question '{label}' is {kind}, which Quipu does not have"))

    def add_category(self, category: str) -> None:
        """Note a category; the first one that names something titles the bank."""
        if not self.title:
            self.title = category_title(category)

    def finish(self) -> ParseResult:
        """The bank (or None when anything is wrong), the problems, and the skipped questions."""
        questions = [_question(d, qid) for d, qid in zip(self.drafts, _ids(self.drafts),
                                                          strict=True)]
        for draft, question in zip(self.drafts, questions, strict=True):
            for line, message in _draft_problems(draft):
                self.problem(line, f"question '{question.id}': {message}")
        bank_id = slugify(self.stem)
        if not bank_id:
            self.problem(1, f"the file name '{self.stem}' gives no bank id; name the file with "
                         "letters or digits, like peru-quiz")
        if not self.drafts and not self.problems:
            passed = f" ({len(self.skipped)} skipped)" if self.skipped else ""
            self.problem(1, f"the file holds no question Quipu can use{passed}; a bank needs one")
        if self.problems:
            return ParseResult(None, tuple(sorted(self.problems, key=lambda p: p.line)),
                               tuple(self.skipped))
        bank = Bank(id=bank_id, title=self.title or self.stem, questions=tuple(questions),
                    path=self.path, line=1)
        return ParseResult(bank, skipped=tuple(self.skipped))


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


def _draft_problems(draft: Draft) -> list[tuple[int, str]]:
    """(line, message) for each rule the question breaks: text, then options (bank/rules.py)."""
    found = [] if draft.prompt else [(draft.line, "the question has no text")]
    noun = "item" if draft.type == "ordering" else "option"
    found += [(line, f"{noun} {index} is empty")
              for index, (text, line) in enumerate(zip(draft.options, draft.option_lines,
                                                       strict=True), 1) if not text]
    return found + option_problems(draft.type, draft.options, draft.key, draft.option_lines,
                                   draft.line)


def _question(draft: Draft, qid: str) -> Question:
    feedback = draft.feedback if any(draft.feedback) else ()
    return Question(id=qid, type=draft.type, prompt=draft.prompt, options=draft.options,
                    key=draft.key, explanation=draft.explanation, feedback=feedback,
                    tags=tuple(dict.fromkeys(draft.tags)), grading=draft.grading,
                    line=draft.line)
