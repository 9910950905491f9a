"""What a service refuses, by what went wrong: `web/` turns each into an HTTP status, once.

Every refusal carries a sentence a person can act on (`message`); none knows about HTTP.
Messages are written with `quizapp.i18n._l` (no Flask here): `message` reads them in the language
of the request (web/language.py), English by default (the CLI).
"""

from __future__ import annotations

from datetime import datetime

from ..i18n import Lazy


class ServiceError(Exception):
    """A request a service cannot meet, with a message for the person who made it."""

    def __init__(self, message: str | Lazy) -> None:
        super().__init__(message)
        self._message = message

    @property
    def message(self) -> str:
        """The message in the language of the request reading it (a `quizapp.i18n._l` message
        is translated now; a plain string is as written)."""
        return str(self._message)


class Invalid(ServiceError, ValueError):
    """Malformed: an unknown bank or mode, a length out of range, answers that do not fit."""


class NotFound(ServiceError):
    """Not there, or not this learner's (the two look the same from outside)."""


class NotAllowed(ServiceError):
    """Well-formed and there, but not now or not for this person."""


class NotOpen(NotAllowed):
    """A start before an assigned quiz opens or after it closes."""


class LimitReached(NotAllowed):
    """A start beyond the number of attempts the teacher allows."""


class AlreadySubmitted(ServiceError):
    """A second submission: the first one's score stands."""


class Conflict(ServiceError):
    """A change made on an out-of-date copy: someone else changed the thing since it was read."""


class Unbuildable(ServiceError):
    """Well-formed, but the bank has no questions for it."""


class RateLimited(ServiceError):
    """Too many of something in a short time (quiz starts, guests from one address): the same
    request works again in `retry_after` seconds."""

    def __init__(self, message: str | Lazy, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TooManyOpen(ServiceError):
    """A start while the learner has as many unfinished quizzes as allowed: waiting will not help,
    finishing one will. `open` lists them (id, bank id, when started), oldest first."""

    def __init__(self, message: str | Lazy,
                 open_quizzes: list[tuple[str, str, datetime]]) -> None:
        super().__init__(message)
        self.open = open_quizzes
