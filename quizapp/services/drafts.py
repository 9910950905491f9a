"""Saving an open attempt's answers before it is submitted (autosave, and "Save answers").

A draft is checked like a submission, but may leave questions out; it replaces the saved answers
(a question left out is saved as unanswered), grades nothing and tells nothing back but how many
questions are answered. It is refused, like a submission, once the attempt is submitted or past
its deadline and grace (which hands the attempt in with what was saved before).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .. import clock
from ..database import write_transaction
from . import fast
from .attempts import SUBMITTED, Someone, checked_answers, own_attempt, refuse_if_closed
from .errors import AlreadySubmitted


def save_draft(learner: Someone, attempt_id: Any, answers: Any,
               keep: Collection[str] = ()) -> int:
    """Save the answers (by item id) on the learner's open attempt; the items in `keep` keep what
    they had (a page's broken order, say). How many questions are now answered.

    NotFound for someone else's attempt, Invalid for answers that do not fit it, AlreadySubmitted
    once submitted, TooLate past the deadline."""
    attempt, now = own_attempt(learner, attempt_id), clock.now()
    refuse_if_closed(attempt, now)
    checked = {k: v for k, v in checked_answers(attempt, answers).items() if v not in (None, [])}
    with write_transaction():
        if not fast.lock_open_attempt(attempt.id):  # submitted since it was read
            raise AlreadySubmitted(SUBMITTED)
        fast.save_draft((item, checked.get(item.public_id)) for item in attempt.items
                        if item.public_id not in keep)
        saved = fast.saved_answers(attempt.id)
    return sum(1 for answer in saved.values() if answer is not None)
