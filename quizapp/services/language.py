"""The interface's languages, a learner's choice of one (kept in their account), and what a page
says when a bank's texts are not in the reader's language.

The choice for a visitor (no account) is a cookie, and the choice among the learner's, the
cookie and the browser's Accept-Language is made per request by web/language.py.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import update

from ..bank.model import Bank
from ..bank.translation import Translation
from ..database import write_transaction
from ..extensions import db
from ..i18n import Lazy, _l
from ..models import Learner
from .attempts import Someone
from .catalog import current_catalog
from .errors import Invalid

# The languages the interface is written in, the default first. Their names as each is written
# in itself, for the switch (a language is offered in its own words).
LANGUAGES = ("en", "es")
NAMES = {"en": "English", "es": "Español"}
DEFAULT = LANGUAGES[0]


def checked(value: object) -> str:
    """`value` if it is one of LANGUAGES; Invalid (a tampered form) otherwise."""
    if isinstance(value, str) and value in LANGUAGES:
        return value
    raise Invalid(_l("Choose a language among %(languages)s.", languages=", ".join(LANGUAGES)))


def set_language(learner: Someone, value: object) -> str:
    """Keep the learner's choice of language in their account; Invalid for anything else."""
    language = checked(value)
    with write_transaction():
        db.session.execute(update(Learner).where(Learner.id == learner.id)
                           .values(language=language))
    return language


# A bank's own texts are in the language its file says, else the one its words are in
# (Bank.written_in); translations beside it, `<stem>.<lang>.yaml`, give them in others.
NOT_TRANSLATED = {  # the bank has no translation into the reader's language
    "en": _l("This bank is in English: its questions are shown in English."),
    "es": _l("This bank is in Spanish: its questions are shown in Spanish."),
}
PARTLY_TRANSLATED = {  # its translation leaves some of its texts out
    "en": _l("Some of this bank’s questions are in English."),
    "es": _l("Some of this bank’s questions are in Spanish."),
}
TEXT_NOT_TRANSLATED = {  # the reading page: a source text is never translated, its facts may be
    "en": _l("The text is in English; the facts beside it are in your language."),
    "es": _l("The text is in Spanish; the facts beside it are in your language."),
}


def bank_language_note(bank_id: str, lang: str, *, text: bool = False) -> Lazy | None:
    """What a page showing a bank's questions or facts (or, `text`, its source text) says once,
    near its top, when they are not all in the reader's language `lang`: that the bank is in its
    own language (it has no translation into `lang`), that some of it is (its translation leaves
    texts out), or that its text is; None when they are all in `lang`, or for a bank not loaded."""
    bank = current_catalog().get(bank_id)
    if bank is None or lang == bank.written_in:
        return None
    own = bank.written_in
    translation = next((t for t in bank.translations if t.lang == lang), None)
    if translation is None:
        return NOT_TRANSLATED[own]
    if text:
        return TEXT_NOT_TRANSLATED[own]
    return PARTLY_TRANSLATED[own] if _leaves_out(bank, translation) else None


@lru_cache(maxsize=64)  # a bank is hashed by identity: a reloaded bank is worked out again
def _leaves_out(bank: Bank, translation: Translation) -> bool:
    """Whether the translation leaves out a text of the bank's facts, people or written questions
    that a reader sees (what loading the bank lists as not translated)."""
    facts = {e.id: e for e in translation.facts}
    people = {e.id: e for e in translation.people}
    questions = {e.id: e for e in translation.questions}
    for f in bank.facts:
        entry = facts.get(f.id)
        if entry is None or not {"text", *(("when",) if f.when else ())} <= entry.texts.keys():
            return True
    for p in bank.people:
        entry = people.get(p.id)
        if entry is None or not {"name", *(("role",) if p.role else ())} <= entry.texts.keys():
            return True
    for q in bank.questions:  # generated ones are worded from the facts
        entry = None if q.generated else questions.get(q.id)
        wanted = {"prompt", *(("explanation",) if q.explanation else ())}
        if not q.generated and (entry is None or entry.options is None
                                or not wanted <= entry.texts.keys()):
            return True
    return False
