"""Live games: the game (its phase and the snapshots of its questions), its players and their
answers. Everything a game is lives in these rows, so any worker of any app server can serve it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import JSONText, Model, utcnow


class LiveGame(Model):
    """One game: hosted by a teacher on a bank; `version` rises with every change of phase (what
    waiting players wake on), `activity` with every join and answer (what the host's page wakes
    on)."""

    __tablename__ = "live_game"

    id: Mapped[int] = mapped_column(primary_key=True)
    pin: Mapped[str] = mapped_column(String(6), unique=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    bank: Mapped[str] = mapped_column(String(80))
    # The class it is for (only its students and teachers join), or None: anyone with the PIN.
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("classroom.id", ondelete="SET NULL"), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    length: Mapped[int]
    seconds: Mapped[int]
    phase: Mapped[str] = mapped_column(String(16))
    question_index: Mapped[int] = mapped_column(default=0)
    phase_started: Mapped[datetime] = mapped_column(default=utcnow)
    # Each question as served: {"question_id", "order", "snapshot"} (the Snapshot's JSON).
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSONText)
    created: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=0)
    activity: Mapped[int] = mapped_column(default=0)


class LivePlayer(Model):
    """One player of a game: a nickname unique in it, a signed-in learner's id or none (a guest),
    and the SHA-256 of the token the phone holds."""

    __tablename__ = "live_player"
    __table_args__ = (
        UniqueConstraint("game_id", "nickname_key"),
        Index("ix_live_player_game_score", "game_id", "score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("live_game.id", ondelete="CASCADE"))
    nickname: Mapped[str] = mapped_column(String(80))
    nickname_key: Mapped[str] = mapped_column(String(80))  # as compared: NFKC, case-folded
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("learner.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    first_question: Mapped[int] = mapped_column(default=0)  # a late joiner plays from here
    score: Mapped[int] = mapped_column(default=0)
    joined: Mapped[datetime] = mapped_column(default=utcnow)


class LiveAnswer(Model):
    """One player's one answer to one question of a game: once (the unique constraint), timed by
    the server."""

    __tablename__ = "live_answer"
    __table_args__ = (
        UniqueConstraint("player_id", "question_index"),
        Index("ix_live_answer_game_question", "game_id", "question_index"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("live_game.id", ondelete="CASCADE"))
    player_id: Mapped[int] = mapped_column(ForeignKey("live_player.id", ondelete="CASCADE"))
    question_index: Mapped[int]
    answer: Mapped[Any | None] = mapped_column(JSONText)
    credit: Mapped[float]  # the quiz's grade, 0 to 1
    points: Mapped[int]
    answered: Mapped[datetime] = mapped_column(default=utcnow)
