"""A live game for a class (issue 16): who may join it, how many of the class have, who did not.

A game started from a class's page records the class (`LiveGame.class_id`). Only the class's
teachers (owner, co-teachers; an admin) may start one for it: another's class is NotFound, as
everywhere. Only its students, signed in, and its teachers may join; anyone else is refused
(NotAllowed: 403) with a message saying why.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..extensions import db
from ..i18n import Lazy, _l
from ..models import ClassMember, Classroom, Learner, LiveGame, LivePlayer
from .classes import NO_CLASS, Viewer, find_class, taught_class_ids
from .errors import NotFound


def class_for_game(host: Any, class_id: Any) -> int | None:
    """The id of the class a new game is for, checked to be one the host teaches; None for none."""
    return None if class_id is None else taught_class(host, class_id)[0]


def taught_class(host: Any, class_id: Any) -> tuple[int, str]:
    """(id, name) of a class the host teaches; NotFound for any other id, or no id."""
    if not isinstance(class_id, int) or isinstance(class_id, bool):
        raise NotFound(NO_CLASS)
    found = find_class(Viewer.of(host), class_id)
    return found.id, found.name


def may_join(game: LiveGame, learner: Any) -> bool:
    """Whether this learner (None: a guest) may join: any game without a class; a class's game
    only for its students and teachers, signed in."""
    if game.class_id is None:
        return True
    if learner is None or learner.is_guest:
        return False
    member = db.session.scalar(select(func.count()).select_from(ClassMember).where(
        ClassMember.class_id == game.class_id, ClassMember.learner_id == learner.id)) or 0
    if member:
        return True
    viewer = Viewer.of(learner)
    taught = db.session.scalar(select(func.count()).where(
        Classroom.id == game.class_id, Classroom.id.in_(taught_class_ids(viewer)))) or 0
    return bool(taught)


def refusal(game: LiveGame) -> Lazy:
    """Why someone may not join a class's game, for them to act on."""
    name = class_name(game) or ""
    return _l("This game is for the class %(name)s: only its students, signed in, and its "
                  "teachers can join. Sign in with your own account, or ask your teacher.",
              name=name)


def class_name(game: LiveGame) -> str | None:
    """The name of the game's class, or None."""
    if game.class_id is None:
        return None
    return db.session.scalar(select(Classroom.name).where(Classroom.id == game.class_id))


def _members(game: LiveGame) -> list[tuple[int, str]]:
    return [(i, n) for i, n in db.session.execute(
        select(Learner.id, Learner.display_name)
        .join(ClassMember, ClassMember.learner_id == Learner.id)
        .where(ClassMember.class_id == game.class_id)
        .order_by(func.lower(Learner.display_name), Learner.id))]


def _played(game: LiveGame) -> set[int]:
    return set(db.session.scalars(select(LivePlayer.learner_id).where(
        LivePlayer.game_id == game.id, LivePlayer.learner_id.is_not(None))))


def joined_of_class(game: LiveGame) -> tuple[int, int] | None:
    """How many of the class's students have joined, and how many it has; None without a class."""
    if game.class_id is None:
        return None
    members, played = _members(game), _played(game)
    return sum(1 for i, _ in members if i in played), len(members)


def absent(game: LiveGame) -> list[str]:
    """The class's students who did not join the game, by name (none without a class)."""
    if game.class_id is None:
        return []
    played = _played(game)
    return [n for i, n in _members(game) if i not in played]
