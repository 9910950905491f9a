"""The rules of a live game, pure: its phases, its points, its ranks and its reveal's bars.

A game moves lobby → question → reveal → leaderboard → question ... → finished, one step each time
the host says "next". A question's phase ends by itself when its time is up or every player has
answered (`shown_phase`): the server's clock decides, never a phone's. Grading is the quiz's
(`quiz.snapshot`), so ordering and multiple answers earn partial credit as in any quiz; the speed
of a right answer only scales its points (`points`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..bank.said import _m
from .snapshot import Snapshot

LOBBY, QUESTION, REVEAL, LEADERBOARD, FINISHED = (
    "lobby", "question", "reveal", "leaderboard", "finished")
PHASES = (LOBBY, QUESTION, REVEAL, LEADERBOARD, FINISHED)
MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS = 10, 120, 20  # to answer one question
MIN_QUESTIONS, MAX_QUESTIONS, DEFAULT_QUESTIONS = 1, 30, 10  # in one game
MAX_POINTS, MIN_RIGHT_POINTS = 1000, 500  # a right answer: 1000 at once, 500 at the last moment
TOP = 5  # players on the leaderboard
PIN_DIGITS = 6


class LiveError(ValueError):
    """A move the game's rules do not allow (next after the end)."""


def points(credit: float, elapsed: float, seconds: int) -> int:
    """Points for an answer with `credit` (0 to 1, the quiz's grade) given `elapsed` seconds
    into a question open for `seconds`: MAX_POINTS for a right answer at once, falling evenly to
    MIN_RIGHT_POINTS at the last moment, scaled by the credit; 0 for a wrong one or a late one."""
    if credit <= 0 or seconds <= 0 or elapsed > seconds:
        return 0
    speed = 1 - max(0.0, elapsed) / seconds * (1 - MIN_RIGHT_POINTS / MAX_POINTS)
    return round(MAX_POINTS * min(credit, 1.0) * speed)


def closes_at(started: datetime, seconds: int) -> datetime:
    """When a question opened at `started` takes no more answers."""
    return started + timedelta(seconds=seconds)


def seconds_left(started: datetime, seconds: int, now: datetime) -> int:
    """Whole seconds a question has left (rounded up while any is left), never below 0."""
    left = (closes_at(started, seconds) - now).total_seconds()
    return max(0, -int(-left // 1))


def shown_phase(phase: str, started: datetime, seconds: int, now: datetime) -> str:
    """The phase as players see it: an open question whose time is up is revealed."""
    if phase == QUESTION and now >= closes_at(started, seconds):
        return REVEAL
    return phase


def next_step(phase: str, index: int, length: int) -> tuple[str, int]:
    """The phase and question index after the host's "next", from the phase shown now."""
    if phase == LOBBY:
        return QUESTION, 0
    if phase == QUESTION:
        return REVEAL, index
    if phase == REVEAL:
        return LEADERBOARD, index
    if phase == LEADERBOARD:
        return (QUESTION, index + 1) if index + 1 < length else (FINISHED, index)
    raise LiveError(_m("This game has ended: start a new one."))


def first_question(phase: str, index: int) -> int:
    """The first question a player joining now plays: the next one once a question has shown."""
    return 0 if phase == LOBBY else index + 1


def ranks(scores: Mapping[str, int]) -> dict[str, int]:
    """Each player's rank by score, ties sharing a rank (1, 2, 2, 4)."""
    ordered = sorted(scores.values(), reverse=True)
    first: dict[int, int] = {}
    for i, score in enumerate(ordered):
        first.setdefault(score, i + 1)
    return {player: first[score] for player, score in scores.items()}


def top(scores: Mapping[str, int], names: Mapping[str, str], n: int = TOP) -> list[
        tuple[int, str, int]]:
    """The first `n` players as (rank, name, score), best first, ties by name."""
    rank = ranks(scores)
    order = sorted(scores, key=lambda p: (-scores[p], names.get(p, "").casefold(), p))
    return [(rank[p], names.get(p, ""), scores[p]) for p in order[:n]]


@dataclass(frozen=True)
class Bar:
    """One option of a revealed question: how many chose it (for ordering: how many put it in
    its place), and whether it is right (for ordering: always, each item has a place)."""

    option_id: str
    text: str
    count: int
    right: bool


def bars(snapshot: Snapshot, answers: Iterable[Any]) -> list[Bar]:
    """The reveal's bar chart from the players' checked answers (None: no answer)."""
    counts = dict.fromkeys((o.id for o in snapshot.options), 0)
    for answer in answers:
        if answer is None:
            continue
        if snapshot.type == "ordering":
            for place, option in zip(snapshot.key, answer, strict=False):
                if place == option:
                    counts[option] += 1
        elif snapshot.type == "choice":
            if answer in counts:
                counts[answer] += 1
        else:
            for option in set(answer) & counts.keys():
                counts[option] += 1
    ordering = snapshot.type == "ordering"
    options = ([o for k in snapshot.key for o in snapshot.options if o.id == k] if ordering
               else list(snapshot.options))
    return [Bar(o.id, o.text, counts[o.id], ordering or o.id in snapshot.key) for o in options]


def shown_question(snapshot: Snapshot, with_key: bool) -> dict[str, Any]:
    """A question as a phone gets it: prompt and options, and the key only if `with_key`."""
    shown: dict[str, Any] = {
        "type": snapshot.type, "prompt": snapshot.prompt,
        "options": [{"id": o.id, "text": o.text} for o in snapshot.options],
    }
    if with_key:
        shown |= {"key": list(snapshot.key), "explanation": snapshot.explanation}
    return shown


def valid_pin(pin: str) -> bool:
    """Whether the text is a PIN's shape: six digits, the first not 0."""
    return len(pin) == PIN_DIGITS and pin.isascii() and pin.isdigit() and pin[0] != "0"


def answered_all(answered: int, players: int) -> bool:
    """Whether every player who can answer has: the question closes early."""
    return players > 0 and answered >= players

