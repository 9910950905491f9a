"""The interface's languages, and a learner's choice of one (kept in their account).

The choice for a visitor (no account) is a cookie, and the choice among the learner's, the
cookie and the browser's Accept-Language is made per request by web/language.py.
"""

from __future__ import annotations

from sqlalchemy import update

from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import Learner
from .attempts import Someone
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
