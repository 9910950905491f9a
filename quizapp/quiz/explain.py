"""What the review says about a graded answer, in words: the points and where they come from, the
date of each item of a right order, and a timeline question's facts in the order they happened.

Pure functions of a snapshot's key, the answer and its facts; the words agree with `grade.py`
(a property test checks that each tally gives the points it names).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

from .grade import ORDERING_GRADERS, Key, _longest_increasing, _next_hits, grade
from .snapshot import Snapshot, SnapshotFact

RIGHT, PARTLY, WRONG, BLANK = "right", "partly", "wrong", "blank"  # an answer's result
RESULTS = (RIGHT, PARTLY, WRONG, BLANK)
RESULT_WORDS = {RIGHT: "right", PARTLY: "partly right", WRONG: "wrong", BLANK: "not answered"}


def result_of(answered: bool, points: float) -> str:
    """RIGHT (full marks), PARTLY (some), WRONG (none) or BLANK (no answer)."""
    if not answered:
        return BLANK
    return RIGHT if points >= 1.0 else PARTLY if points > 0 else WRONG


# How the review's words are said: a message with `%(name)s` values, and the values. English
# (the message as written) unless the caller passes a translating `say` (services/review.py):
# the domain imports no translation machinery, and `make messages` extracts `say("...")` too.
Say = Callable[[str, Mapping[str, object]], str]


def _w(words: str) -> str:
    """Marks words the review says (a tally's `what` and `rule`) for the catalogs; `say` them."""
    return words


def english(message: str, values: Mapping[str, object]) -> str:
    """A message as written, its values put in (points as "0.67", "1")."""
    if not values:
        return message
    return message % {k: f"{round(v, 2):g}" if isinstance(v, float) else v
                      for k, v in values.items()}


def points_text(value: float, say: Say = english) -> str:
    """Points as people write them: "1 point", "0.67 points", "0 points"."""
    shown = f"{round(value, 2):g}"
    if shown == "1":
        return say("%(points)s point", {"points": 1.0})
    return say("%(points)s points", {"points": round(value, 2)})


@dataclass(frozen=True, slots=True)
class Tally:
    """How an ordering answer earned its points: `hits` of `out_of` of `what`."""

    hits: int
    out_of: int
    what: str
    rule: str = ""  # a condition the method adds, said after the count


def _rank(key: Key, resp: Key) -> list[int]:
    rank = {x: i for i, x in enumerate(key)}
    return [rank[x] for x in resp]


def _longest_run(ranks: list[int]) -> int:
    longest = run = 1
    for prev, cur in zip(ranks, ranks[1:], strict=False):
        run = run + 1 if cur == prev + 1 else 1
        longest = max(longest, run)
    return longest


def ordering_tally(method: str, key: Key, resp: Key) -> Tally:
    """The count behind an ordering answer's points by `method` (`resp` is a full order)."""
    n = len(key)
    if method == "exact":
        return Tally(int(list(resp) == list(key)), 1, _w("exact order"),
                     _w("only the whole order counts"))
    if method == "position":
        return Tally(sum(a == b for a, b in zip(key, resp, strict=True)), n,
                     _w("items in their right place"))
    if method == "distance":
        at = {x: i for i, x in enumerate(resp)}
        hits = sum(max(0, (n - 1) - abs(at[x] - i)) for i, x in enumerate(key))
        return Tally(hits, n * (n - 1), _w("closeness points"),
                     _w("each item loses one for every place it sits from its right one"))
    if method == "next":
        return Tally(_next_hits(key, resp), n - 1, _w("items followed by the right next item"))
    if method == "next_last":
        return Tally(_next_hits(key, resp) + (resp[-1] == key[-1]), n,
                     _w("items followed by the right next item, or last and rightly so"))
    if method == "neighbours":
        before = dict(zip(key, [None, *key[:-1]], strict=True))
        after = dict(zip(key, [*key[1:], None], strict=True))
        got_before = dict(zip(resp, [None, *resp[:-1]], strict=True))
        got_after = dict(zip(resp, [*resp[1:], None], strict=True))
        hits = sum((before[x] == got_before[x]) + (after[x] == got_after[x]) for x in key)
        return Tally(hits, 2 * n, _w("neighbours right (before and after each item)"))
    if method == "subset":
        longest = _longest_increasing(_rank(key, resp))
        return Tally(longest, n, _w("items in the longest run in the right order"),
                     _w("a run counts from two items"))
    if method == "contiguous":
        longest = _longest_run(_rank(key, resp))
        return Tally(longest, n,
                     _w("items in the longest run in the right order, side by side"),
                     _w("a run counts from two items"))
    pairs = n * (n - 1) // 2  # "pairs", the default
    ranks = _rank(key, resp)
    right = sum(ranks[i] < ranks[j] for i in range(n) for j in range(i + 1, n))
    return Tally(right, pairs, _w("pairs in the right order"))


def tally_points(method: str, tally: Tally) -> float:
    """The points a tally gives (what `grade` gives the answer it counts)."""
    if method in ("subset", "contiguous") and tally.hits < 2:
        return 0.0
    return tally.hits / tally.out_of


def points_in_words(snap: Snapshot, answer: Hashable | Sequence[Hashable] | None,
                    say: Say = english) -> str:
    """Why an answer got its points: "4 of 6 pairs in the right order: 0.67 points" (in the
    language `say` speaks)."""
    if answer is None or (isinstance(answer, list) and not answer):
        return say("Not answered: %(points)s", {"points": points_text(0.0, say)})
    points = grade(snap.type, snap.key, answer, snap.grading)
    worth = points_text(points, say)
    if snap.type == "ordering" and isinstance(answer, list) and len(snap.key) > 1:
        if snap.grading not in ORDERING_GRADERS:
            return worth
        tally = ordering_tally(snap.grading, snap.key, answer)
        counted = {"hits": tally.hits, "out_of": tally.out_of, "what": say(tally.what, {}),
                   "points": worth}
        if tally.rule:
            return say("%(hits)s of %(out_of)s %(what)s (%(rule)s): %(points)s",
                       counted | {"rule": say(tally.rule, {})})
        return say("%(hits)s of %(out_of)s %(what)s: %(points)s", counted)
    if snap.type == "multiple" and isinstance(answer, list):
        right = sum(1 for a in answer if a in snap.key)
        wrong = len(answer) - right
        values = {"right": right, "keys": len(snap.key), "wrong": wrong, "points": worth}
        if wrong == 1:  # a message of its own: other languages make "wrong" agree with one
            return say("%(right)s of %(keys)s right answers picked, 1 wrong: %(points)s", values)
        return say("%(right)s of %(keys)s right answers picked, %(wrong)s wrong: %(points)s",
                   values)
    if points >= 1:
        return say("Right: %(points)s", {"points": worth})
    return say("Wrong: %(points)s", {"points": worth})


def key_dates(snap: Snapshot) -> tuple[str, ...]:
    """For an ordering question, the date (or period) of each item of the right order, from the
    facts it cites one an item in that order; () when they do not pair up that way."""
    facts = snap.facts
    if snap.type != "ordering" or len(facts) != len(snap.key) or not all(f.label for f in facts):
        return ()
    years = [f.year for f in facts if f.year is not None]
    if years != sorted(years):
        return ()  # cited in another order than the items': not safe to pair
    return tuple(f.label for f in facts)


def in_date_order(snap: Snapshot) -> tuple[SnapshotFact, ...]:
    """A generated question's facts in the order they happened, when every one is dated and there
    are several ("Which of these came last?"): its explanation, as a list; () otherwise."""
    facts = snap.facts
    if not snap.generated or len(facts) < 2 or any(f.year is None for f in facts):
        return ()
    return tuple(sorted(facts, key=lambda f: f.year or 0))
