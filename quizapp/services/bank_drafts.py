"""A new bank drafted from a teacher's text (pasted, or a .txt, .md or .html file), and saved.

The draft itself is `bank/draft.py`; here the text is read, the bank named after the title the
teacher gives, and the draft saved as a new bank owned by the teacher through the upload path
(`services/uploads.py`: the same checks, owners, kept versions and reload as an uploaded file),
with its source text beside it (`<bank>.txt`, or `.md` for Markdown), kept the same way.
Nothing is saved when anything is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..bank.draft import Draft, NothingToDraft, draft_bank
from ..bank.draft_text import slug
from ..bank.text_input import MAX_TEXT, NotText, read_text
from ..i18n import Lazy, _l
from .catalog import Catalog
from .errors import Conflict, Invalid
from .uploads import (
    MAX_STEM,
    Put,
    Uploader,
    UploadRejected,
    check_upload,
    put_file,
    target_path,
    upload_name,
)

MAX_TITLE = 120  # characters of a bank's title


class DraftRefused(Invalid):
    """A text or title that gives no draft: a message for each field it concerns ("title",
    "text" or "file")."""

    def __init__(self, problems: Mapping[str, str | Lazy]) -> None:  # a Lazy read once, here
        self.problems = {field: str(problem) for field, problem in problems.items()}
        super().__init__(" ".join(self.problems.values()))


@dataclass(frozen=True)
class DraftText:
    """What a teacher gave: the bank's title, its text, and the kind of file it was."""

    title: str
    text: str
    markdown: bool = False


def _title_problem(title: str) -> Lazy | None:
    if not title:
        return _l("Give the bank a title, e.g. “Peru and the United States”.")
    if len(title) > MAX_TITLE:
        return _l("The title is %(length)d characters long; keep it to %(max)d.",
                  length=len(title), max=MAX_TITLE)
    if not slug(title):
        return _l("The title needs a letter or a digit (Latin letters make the bank's name).")
    return None


def _text(pasted: str, filename: str, data: bytes | None) -> tuple[str, bool]:
    """The text given and whether it is Markdown; DraftRefused naming the field if none."""
    if data is not None and pasted.strip():
        raise DraftRefused({"text": _l("Paste a text or choose a file, not both.")})
    if data is not None:
        try:
            return read_text(data, filename), filename.lower().endswith(".md")
        except NotText as e:
            raise DraftRefused({"file": e.message}) from None
    if not pasted.strip():
        raise DraftRefused({"text": _l("Paste a text, or choose a .txt, .md or .html file.")})
    if len(pasted.encode("utf-8", "replace")) > MAX_TEXT:
        raise DraftRefused({"text": _l("The text is larger than %(size)d KB; draft a bank from "
                                       "each part of it.", size=MAX_TEXT // 1024)})
    return pasted, False


def read_given(title: str, pasted: str, filename: str, data: bytes | None) -> DraftText:
    """The title and the text, from a pasted text or an uploaded file; DraftRefused, with every
    field's problem, if there is no title that makes a name, no text, or a file not a text."""
    title = " ".join((title or "").split())
    problems: dict[str, str | Lazy] = {}
    problem = _title_problem(title)
    if problem:
        problems["title"] = problem
    try:
        text, markdown = _text((pasted or "").replace("\r\n", "\n"), filename, data)
    except DraftRefused as e:
        raise DraftRefused(problems | e.problems) from None
    if problems:
        raise DraftRefused(problems)
    return DraftText(title, text, markdown)


def bank_name(title: str) -> str:
    """The id (and file name stem) of a bank made from a title."""
    return slug(title, 12)[:MAX_STEM].strip("-") or "bank"


def make_draft(given: DraftText) -> Draft:
    """The draft of a bank from the text; DraftRefused if the text has no sentence to draft."""
    name = bank_name(given.title)
    source = f"{name}.md" if given.markdown else f"{name}.txt"
    try:
        return draft_bank(given.text, source, name, given.title)
    except NothingToDraft as e:
        raise DraftRefused({"text": _l("%(why)s Give a text in sentences.", why=e.message)}
                           ) from None


def save_draft(catalog: Catalog, draft: Draft, who: Uploader, now: datetime) -> str:
    """Save a draft as a new bank owned by `who`, its source text beside it; the bank's id.

    UploadRejected (nothing saved) if a bank or a file of that name is there already, or if the
    draft does not pass the upload's checks (its cites checked against its text). The text is
    written, kept and owned like the bank's file (`uploads.put_file`, `also`).
    """
    name = upload_name(f"{draft.bank_id}.yaml")
    catalog.folder.mkdir(parents=True, exist_ok=True)
    target = target_path(catalog.folder, name)
    source = target_path(catalog.folder, draft.source_name)

    def taken_message(files: list[str]) -> UploadRejected:
        there = f" ({', '.join(files)})" if files else ""
        return UploadRejected([_l("There is a bank named “%(bank)s” already%(there)s: give this "
                                  "one another title. Nothing was saved.", bank=draft.bank_id,
                                  there=there)])

    taken = [p.name for p in (target, source) if p.exists()]
    if draft.bank_id in catalog.banks or taken:
        raise taken_message(taken)
    data, text = draft.yaml.encode("utf-8"), draft.source_text.encode("utf-8")
    bank = check_upload(name, data, catalog.banks, target, text)
    try:
        put_file(catalog, name, target, data, bank, who, now,
                 also=Put(draft.source_name, source, text, True), expected="")
    except Conflict:  # made in the moment since the look above
        raise taken_message([name]) from None
    return bank.id
