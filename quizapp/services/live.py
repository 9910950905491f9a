"""Live games: create one on a bank, join it, answer, move it on; its state is its rows.

Every rule of play is `quiz/live.py`'s; grading is the quiz's (`quiz/snapshot.py`). The game, its
players and their answers live in the database (models/live.py), so every gunicorn worker and
every app server sees one game; nothing of a game is kept in one process's memory. What a host or
a phone is shown is `services/live_view.py`'s; waking waiting clients, `services/live_watch.py`'s.
Self-study's exam lock (services/exam_lock.py) holds for a game too, since it shows its keys: no
game on a bank paused for guests, and no player joins while the bank is paused for them.
When the game finishes, each signed-in player's answers are stored as an attempt of mode `live`
(`attempts.store`, then `handin.hand_in`: scores, results, item analysis and FSRS cards see it
as they see a quiz); a guest's count for the game only.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from typing import Any, cast

from flask import current_app
from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import Learner, LiveAnswer, LiveGame, LivePlayer
from ..models.people import username_key
from ..quiz import live as rules
from ..quiz.build import QuizError, build_quiz
from ..quiz.rules import LIVE, MODES, SEED_LIMIT
from ..quiz.snapshot import AnswerError, Snapshot, check_answer, grade_snapshot, make_snapshot
from . import exam_lock, live_class, live_watch
from .attempts import Someone, _ids, store, worded
from .catalog import DEFAULT_LANG, current_catalog
from .errors import AlreadySubmitted, Conflict, Invalid, NotAllowed, NotFound, Unbuildable
from .fast import SignedIn
from .handin import hand_in
from .names import clean_name, name_problem

# The game's numbers, for the pages (web/ reads no quiz/ module).
MIN_SECONDS, MAX_SECONDS = rules.MIN_SECONDS, rules.MAX_SECONDS
DEFAULT_SECONDS = rules.DEFAULT_SECONDS
MIN_QUESTIONS, MAX_QUESTIONS = rules.MIN_QUESTIONS, rules.MAX_QUESTIONS
DEFAULT_QUESTIONS = rules.DEFAULT_QUESTIONS
NICKNAME = 24  # characters: a nickname fits a phone's line and the projector's leaderboard
ENDED = _l("This game has ended: ask your teacher for the PIN of a new one.")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def token_hash(token: str) -> str:
    """How a player token is stored: its SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


def snapshots(game: LiveGame) -> list[Snapshot]:
    """The game's questions as served."""
    return [Snapshot.from_json(q["snapshot"]) for q in game.questions]


def snapshot_at(game: LiveGame, index: int) -> Snapshot:
    """One question of the game as served (only it is read: a stream wakes often)."""
    return Snapshot.from_json(game.questions[index]["snapshot"])


def create_game(host: Learner | SignedIn, bank_id: Any, mode: Any, length: Any,
                seconds: Any, class_id: Any = None, lang: str = "") -> LiveGame:
    """A new game in its lobby, its questions drawn and snapshotted now, worded in the host's
    language `lang` where the bank has it (the room reads one screen); teachers only. With a
    class (one the host teaches, else NotFound), only its students and teachers may join."""
    if not host.is_teacher:
        raise NotAllowed(_l("Only a teacher can host a live game."))
    for_class = live_class.class_for_game(host, class_id)
    bank = current_catalog().get(bank_id) if isinstance(bank_id, str) else None
    if bank is None:
        raise Invalid(_l("There is no question bank %(bank)s.", bank=repr(bank_id)))
    if mode not in MODES:
        raise Invalid(_l("A live game’s questions are one of %(modes)s.", modes=", ".join(MODES)))
    if not _whole(length) or not rules.MIN_QUESTIONS <= length <= rules.MAX_QUESTIONS:
        raise Invalid(_l("A live game has %(low)d to %(high)d questions.",
                         low=rules.MIN_QUESTIONS, high=rules.MAX_QUESTIONS))
    if not _whole(seconds) or not rules.MIN_SECONDS <= seconds <= rules.MAX_SECONDS:
        raise Invalid(_l("A question lasts %(low)d to %(high)d seconds.",
                         low=rules.MIN_SECONDS, high=rules.MAX_SECONDS))
    lock = exam_lock.lock_on(None, bank.id, clock.now(),  # as for a guest: anyone may join
                             lang or DEFAULT_LANG)
    if lock is not None:
        raise NotAllowed(_l("%(lock)s A live game shows its keys, so it waits too: choose "
                            "another bank.", lock=lock.message))
    try:
        quiz = build_quiz(current_catalog().pool(bank.id), mode, length, random.Random())
    except QuizError as e:
        raise Unbuildable(_l("%(problem)s: choose another kind or bank.", problem=e.args[0])
                          ) from None
    shown = bank.translated(lang) if lang else bank
    new_id = _ids()
    questions = [{"question_id": item.question.id, "order": list(item.order),
                  "snapshot": make_snapshot(item, shown, new_id).to_json()}
                 for item in worded(quiz, shown)]
    for _ in range(20):  # a PIN in use is drawn again
        game = LiveGame(pin=str(secrets.randbelow(900000) + 100000), host_id=host.id,
                        bank=bank.id, class_id=for_class, mode=mode, length=len(questions),
                        seconds=seconds,
                        phase=rules.LOBBY, question_index=0, questions=questions,
                        created=clock.now(), phase_started=clock.now(), version=0, activity=0)
        try:
            with write_transaction():
                db.session.add(game)
        except IntegrityError:
            continue
        return game
    raise Conflict(_l("No free PIN was found: try again."))


def find_game(pin: Any) -> LiveGame:
    """The game with this PIN; NotFound, saying so, for any other."""
    game = None
    if isinstance(pin, str) and rules.valid_pin(pin):
        game = db.session.scalar(select(LiveGame).where(LiveGame.pin == pin))
    if game is None:
        raise NotFound(_l("There is no game with PIN %(pin)s: check the six digits on the "
                          "screen.", pin=repr(str(pin)[:12])))
    return game


def phase_of(game: LiveGame) -> str:
    """The phase players see now (an open question whose time is up is revealed)."""
    return rules.shown_phase(game.phase, game.phase_started, game.seconds, clock.now())


def join(game: LiveGame, nickname: Any,
         learner: Learner | SignedIn | None = None) -> tuple[LivePlayer, str]:
    """A player joins (a signed-in learner under their own name, again with a new token if they
    had joined before); the player and their token, which only the phone keeps."""
    phase = phase_of(game)
    if phase == rules.FINISHED:
        raise NotAllowed(ENDED)
    token = secrets.token_urlsafe(24)
    signed_in = learner is not None and not learner.is_guest
    if not live_class.may_join(game, learner if signed_in else None):
        raise NotAllowed(live_class.refusal(game))
    # The exam lock's rules, as for self-study: a game reveals its keys.
    exam_lock.ensure_unlocked(learner if signed_in else None, game.bank, clock.now())
    if signed_in:
        assert learner is not None
        again = db.session.scalar(select(LivePlayer).where(
            LivePlayer.game_id == game.id, LivePlayer.learner_id == learner.id))
        if again is not None:
            with write_transaction():
                again.token_hash = token_hash(token)
            return again, token
        nickname = learner.display_name
    if not isinstance(nickname, str):
        raise Invalid(_l("Give a nickname to play under."))
    problem = name_problem(nickname, _l("nickname"), NICKNAME)
    if problem:
        raise Invalid(problem)
    name = clean_name(nickname)
    player = LivePlayer(game_id=game.id, nickname=name, nickname_key=username_key(name),
                        learner_id=learner.id if signed_in and learner else None,
                        token_hash=token_hash(token), score=0, joined=clock.now(),
                        first_question=rules.first_question(phase, game.question_index))
    try:
        with write_transaction():
            db.session.add(player)
            db.session.execute(update(LiveGame).where(LiveGame.id == game.id)
                               .values(activity=LiveGame.activity + 1))
    except IntegrityError:
        raise Conflict(_l("Someone in this game is already called %(name)s: choose another "
                          "nickname.", name=repr(name))) from None
    live_watch.changed(current_app, game.id)
    return player, token


def player_for(game: LiveGame, token: str) -> LivePlayer | None:
    """The player a token belongs to, if it is this game's; NotAllowed for another game's."""
    player = db.session.scalar(select(LivePlayer).where(LivePlayer.token_hash == token_hash(token)))
    if player is not None and player.game_id != game.id:
        raise NotAllowed(_l("This player token is for another game: join this one with its "
                            "PIN."))
    return player


def answer(game: LiveGame, player: LivePlayer, value: Any) -> None:
    """Keep a player's one answer to the open question, timed and graded now, by the server.
    AlreadySubmitted (409) for a second answer or one after the time is up."""
    now, index = clock.now(), game.question_index
    phase = rules.shown_phase(game.phase, game.phase_started, game.seconds, now)
    if phase == rules.FINISHED:
        raise NotAllowed(ENDED)
    if game.phase != rules.QUESTION:
        raise NotAllowed(_l("No question is open now: wait for the next one."))
    if phase != rules.QUESTION:
        raise AlreadySubmitted(_l("Time was up for this question: this answer came too late "
                                  "and was not counted."))
    if player.first_question > index:
        raise NotAllowed(_l("You joined during this question: you play from the next one."))
    snapshot = snapshot_at(game, index)
    try:
        checked = check_answer(snapshot, value)
    except AnswerError as e:
        raise Invalid(_l("That answer does not fit this question: %(problem)s.",
                         problem=e.args[0])) from None
    credit = grade_snapshot(snapshot, checked)
    earned = rules.points(credit, (now - game.phase_started).total_seconds(), game.seconds)
    try:
        with write_transaction():
            db.session.add(LiveAnswer(game_id=game.id, player_id=player.id, question_index=index,
                                      answer=checked, credit=credit, points=earned,
                                      answered=now))
            db.session.flush()
            db.session.execute(update(LivePlayer).where(LivePlayer.id == player.id)
                               .values(score=LivePlayer.score + earned))
            db.session.execute(update(LiveGame).where(LiveGame.id == game.id)
                               .values(activity=LiveGame.activity + 1))
            if rules.answered_all(*answered_and_players(game)):
                _move(game, rules.REVEAL, index)
    except IntegrityError:
        raise AlreadySubmitted(_l("You have answered this question already: your first "
                                  "answer stands.")) from None
    live_watch.changed(current_app, game.id)


def answered_and_players(game: LiveGame) -> tuple[int, int]:
    """How many have answered the current question, and how many players may answer it."""
    index = game.question_index
    answered = db.session.scalar(select(func.count()).select_from(LiveAnswer).where(
        LiveAnswer.game_id == game.id, LiveAnswer.question_index == index)) or 0
    players = db.session.scalar(select(func.count()).select_from(LivePlayer).where(
        LivePlayer.game_id == game.id, LivePlayer.first_question <= index)) or 0
    return answered, players


def _move(game: LiveGame, phase: str, index: int) -> bool:
    """Set the game's phase, in the caller's write transaction, unless it moved meanwhile."""
    result = db.session.execute(
        update(LiveGame).where(LiveGame.id == game.id, LiveGame.version == game.version)
        .values(phase=phase, question_index=index, phase_started=clock.now(),
                version=LiveGame.version + 1))
    moved = cast(CursorResult[Any], result).rowcount
    db.session.expire(game)
    return bool(moved)


def next_phase(game: LiveGame, host: Someone) -> LiveGame:
    """The host moves the game on one step; at the end the signed-in players' attempts are
    stored."""
    if host.id != game.host_id:
        raise NotAllowed(_l("Only the game’s host can move it on."))
    try:
        phase, index = rules.next_step(phase_of(game), game.question_index, game.length)
    except rules.LiveError:
        raise NotAllowed(ENDED) from None
    with write_transaction():
        moved = _move(game, phase, index)
    live_watch.changed(current_app, game.id)
    if moved and phase == rules.FINISHED:
        store_attempts(game)
    return game


def store_attempts(game: LiveGame) -> int:
    """Each signed-in player's answers as an attempt of mode `live`, handed in at once; how
    many. A bank no longer in the catalog stores none (the game's own results stand)."""
    bank = current_catalog().get(game.bank)
    if bank is None:
        return 0
    served, stored = snapshots(game), 0
    players = db.session.scalars(select(LivePlayer).where(
        LivePlayer.game_id == game.id, LivePlayer.learner_id.is_not(None))).all()
    for player in players:
        learner = db.session.get(Learner, player.learner_id)
        if learner is None or learner.is_guest:
            continue
        answers: dict[int, Any] = dict(db.session.execute(
            select(LiveAnswer.question_index, LiveAnswer.answer)
            .where(LiveAnswer.player_id == player.id)).all())
        played = range(player.first_question, len(served))
        if not played:
            continue
        attempt = store(learner, bank, LIVE, game.id % SEED_LIMIT, [],
                        snapshots=[served[i] for i in played])
        checked = {item.public_id: answers.get(i) for item, i in zip(attempt.items, played,
                                                                         strict=True)}
        with write_transaction():
            now = clock.now()
            stored += hand_in(attempt, checked, now, now)
    return stored
