"""What a live game shows: to its host (the projector) and to each phone, and its results.

A phone never gets a question's key before the reveal: `quiz.live.shown_question` gives the key
only from the reveal on, and a player's points for a question only then too (points would tell
right from wrong). The host's view adds the players, how many answered, and the reveal's bars.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from .. import clock
from ..extensions import db
from ..models import LiveAnswer, LiveGame, LivePlayer
from ..quiz import live as rules
from ..quiz.snapshot import Snapshot
from .live import answered_and_players, snapshot_at
from .live_class import absent, class_name, joined_of_class

KEYED = (rules.REVEAL, rules.LEADERBOARD, rules.FINISHED)  # phases that show the key


def _question(game: LiveGame, phase: str) -> tuple[Snapshot | None, dict[str, Any] | None]:
    if phase in (rules.LOBBY, rules.FINISHED):
        return None, None
    snapshot = snapshot_at(game, game.question_index)
    shown = rules.shown_question(snapshot, with_key=phase in KEYED)
    return snapshot, shown | {"number": game.question_index + 1}


def _common(game: LiveGame, phase: str, now: Any) -> dict[str, Any]:
    open_ = phase == rules.QUESTION
    return {
        "pin": game.pin, "phase": phase, "questions": game.length, "seconds": game.seconds,
        "seconds_left": rules.seconds_left(game.phase_started, game.seconds, now) if open_
        else None,
        "version": game.version,
    }


def scores(game: LiveGame) -> tuple[dict[str, int], dict[str, str]]:
    """Every player's score and nickname, by player id (as text)."""
    rows = db.session.execute(select(LivePlayer.id, LivePlayer.nickname, LivePlayer.score)
                              .where(LivePlayer.game_id == game.id)).all()
    return {str(i): s for i, _, s in rows}, {str(i): n for i, n, _ in rows}


def leaderboard(game: LiveGame) -> list[dict[str, Any]]:
    """The top five, best first."""
    points, names = scores(game)
    return [{"rank": r, "nickname": n, "score": s} for r, n, s in rules.top(points, names)]


def host_state(game: LiveGame) -> dict[str, Any]:
    """The projector's view: the phase, the question (with the key and bars from the reveal
    on), the players, how many answered, the leaderboard."""
    now = clock.now()
    phase = rules.shown_phase(game.phase, game.phase_started, game.seconds, now)
    snapshot, question = _question(game, phase)
    answered, able = answered_and_players(game)
    nicknames = list(db.session.scalars(select(LivePlayer.nickname).where(
        LivePlayer.game_id == game.id).order_by(LivePlayer.id)))
    state = _common(game, phase, now) | {
        "question": question, "players": nicknames, "answered": answered, "can_answer": able,
        "host": True, "class_name": class_name(game), "of_class": joined_of_class(game),
    }
    if snapshot is not None and phase in KEYED:
        given = db.session.scalars(select(LiveAnswer.answer).where(
            LiveAnswer.game_id == game.id, LiveAnswer.question_index == game.question_index))
        state["bars"] = [{"id": b.option_id, "text": b.text, "count": b.count, "right": b.right}
                         for b in rules.bars(snapshot, given)]
    if phase in (rules.LEADERBOARD, rules.FINISHED):
        state["leaderboard"] = leaderboard(game)
    return state


def player_state(game: LiveGame, player: LivePlayer) -> dict[str, Any]:
    """A phone's view: the question without its key while it is open; from the reveal on, the
    key, whether the player was right, their points for it, their score and rank."""
    now = clock.now()
    phase = rules.shown_phase(game.phase, game.phase_started, game.seconds, now)
    _, question = _question(game, phase)
    db.session.refresh(player)
    mine = db.session.execute(select(LiveAnswer.credit, LiveAnswer.points).where(
        LiveAnswer.player_id == player.id, LiveAnswer.question_index == game.question_index)
    ).first()
    ahead = db.session.scalar(select(func.count()).select_from(LivePlayer).where(
        LivePlayer.game_id == game.id, LivePlayer.score > player.score)) or 0
    state = _common(game, phase, now) | {
        "question": question, "nickname": player.nickname, "score": player.score,
        "rank": ahead + 1, "answered": mine is not None,
        "waiting": phase != rules.LOBBY and game.question_index < player.first_question,
    }
    if phase in KEYED and question is not None:
        state["result"] = None if mine is None else {
            "correct": mine.credit >= 1, "partial": 0 < mine.credit < 1, "points": mine.points}
    if phase in (rules.LEADERBOARD, rules.FINISHED):
        state["leaderboard"] = leaderboard(game)
    return state


def results(game: LiveGame) -> tuple[list[str], list[list[Any]]]:
    """The game's results as a table: each player's rank, nickname, whether signed in, score,
    and points per question (empty: not answered, or joined later); for a class's game, then
    each of its students who did not play ("did not play", no rank, no score)."""
    points, names = scores(game)
    rank = rules.ranks(points)
    answers: dict[tuple[str, int], int] = {
        (str(p), i): pts for p, i, pts in db.session.execute(
            select(LiveAnswer.player_id, LiveAnswer.question_index, LiveAnswer.points)
            .where(LiveAnswer.game_id == game.id))}
    signed_in = {str(i): learner is not None for i, learner in db.session.execute(
        select(LivePlayer.id, LivePlayer.learner_id).where(LivePlayer.game_id == game.id))}
    header = ["rank", "nickname", "signed_in", "score",
              *[f"q{i + 1}" for i in range(game.length)]]
    order = sorted(points, key=lambda p: (rank[p], names[p].casefold()))
    rows = [[rank[p], names[p], "yes" if signed_in[p] else "no", points[p],
             *[answers.get((p, i), "") for i in range(game.length)]] for p in order]
    rows += [["", name, "did not play", "", *[""] * game.length] for name in absent(game)]
    return header, rows


def current_state(game_id: int, player_id: int | None) -> dict[str, Any] | None:
    """The game as its host (player_id None) or one player sees it now, read afresh; None if
    either is gone. With "closes_in": seconds until the open question closes, else None."""
    game = db.session.get(LiveGame, game_id)
    player = db.session.get(LivePlayer, player_id) if player_id is not None else None
    if game is None or (player_id is not None and player is None):
        return None
    state = host_state(game) if player is None else player_state(game, player)
    open_ = state["phase"] == rules.QUESTION
    closes = (rules.closes_at(game.phase_started, game.seconds) - clock.now()).total_seconds()
    return state | {"closes_in": max(0.0, closes) if open_ else None}


def open_question(game: LiveGame, player: LivePlayer) -> Snapshot | None:
    """The question the player may answer now (its snapshot, for the answer form: the page shows
    no key), or None: no question open, one they joined during, or one answered."""
    phase = rules.shown_phase(game.phase, game.phase_started, game.seconds, clock.now())
    if phase != rules.QUESTION or player.first_question > game.question_index:
        return None
    answered = db.session.scalar(select(LiveAnswer.id).where(
        LiveAnswer.player_id == player.id, LiveAnswer.question_index == game.question_index))
    return None if answered is not None else snapshot_at(game, game.question_index)
