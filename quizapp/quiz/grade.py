"""Score one answer. Every question is worth 1 point; points are floats in [0, 1].

Graders see only the key and the response, as sequences of opaque ids (the option ids of an
attempt's snapshot, or the option texts themselves): never a request, never a database row.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from ..bank.model import DEFAULT_ORDERING_METHOD, ORDERING_METHODS
from ..bank.said import Said, _m

Key = Sequence[Hashable]


class GradeError(ValueError):
    """A response that cannot be graded against its key (wrong shape, unknown ids)."""


def grade_choice(key: Key, response: Hashable | None) -> float:
    """1 if the one chosen option is the right one, else 0."""
    return 1.0 if response is not None and response == key[0] else 0.0


def _as_set(response: Sequence[Hashable], what: Said) -> set[Hashable]:
    """The response's items as a set; a string or unhashable items (bad JSON) are a GradeError."""
    if isinstance(response, str | bytes):
        raise GradeError(_m("%(what)s must be a list of option ids, not a string", what=what))
    try:
        return set(response)
    except TypeError:
        raise GradeError(_m("%(what)s must list option ids, not nested lists or objects",
                            what=what)) from None


def grade_multiple(key: Key, response: Sequence[Hashable] | None) -> float:
    """(right picks - wrong picks) / number of right answers, floored at 0."""
    if not response:
        return 0.0
    picks = _as_set(response, _m("a multiple answer"))
    right = len(picks & set(key))
    wrong = len(picks) - right
    return max(0.0, (right - wrong) / len(key))


def _exact(key: Key, resp: Key) -> float:
    return 1.0 if list(resp) == list(key) else 0.0


def _position(key: Key, resp: Key) -> float:
    return sum(a == b for a, b in zip(key, resp, strict=True)) / len(key)


def _distance(key: Key, resp: Key) -> float:
    n = len(key)
    at = {x: i for i, x in enumerate(resp)}
    hits = sum(max(0, (n - 1) - abs(at[x] - i)) for i, x in enumerate(key))
    return hits / (n * (n - 1))


_END = object()  # what stands before the first item and after the last


def _around(seq: Key) -> tuple[dict[Hashable, object], dict[Hashable, object]]:
    """Each item's predecessor and successor (the ends have _END)."""
    return dict(zip(seq, [_END, *seq[:-1]], strict=True)), dict(
        zip(seq, [*seq[1:], _END], strict=True)
    )


def _next_hits(key: Key, resp: Key) -> int:
    after = _around(resp)[1]
    return sum(after[a] == b for a, b in zip(key, key[1:], strict=False))


def _next(key: Key, resp: Key) -> float:
    return _next_hits(key, resp) / (len(key) - 1)


def _next_last(key: Key, resp: Key) -> float:
    return (_next_hits(key, resp) + (resp[-1] == key[-1])) / len(key)


def _neighbours(key: Key, resp: Key) -> float:
    (key_before, key_after), (resp_before, resp_after) = _around(key), _around(resp)
    hits = sum((key_before[x] == resp_before[x]) + (key_after[x] == resp_after[x]) for x in key)
    return hits / (2 * len(key))


def _pairs(key: Key, resp: Key) -> float:
    n = len(key)
    rank = {x: i for i, x in enumerate(key)}
    ranks = [rank[x] for x in resp]
    right = sum(ranks[i] < ranks[j] for i in range(n) for j in range(i + 1, n))
    return right / (n * (n - 1) / 2)


def _longest_increasing(ranks: list[int]) -> int:
    tails: list[int] = []
    for r in ranks:
        i = bisect_left(tails, r)
        tails[i : i + 1] = [r]
    return len(tails)


def _subset(key: Key, resp: Key) -> float:
    rank = {x: i for i, x in enumerate(key)}
    longest = _longest_increasing([rank[x] for x in resp])
    return 0.0 if longest < 2 else longest / len(key)


def _contiguous(key: Key, resp: Key) -> float:
    rank = {x: i for i, x in enumerate(key)}
    ranks = [rank[x] for x in resp]
    longest = run = 1
    for prev, cur in zip(ranks, ranks[1:], strict=False):
        run = run + 1 if cur == prev + 1 else 1
        longest = max(longest, run)
    return 0.0 if longest < 2 else longest / len(key)


# The methods are named once, in bank.model.ORDERING_METHODS; each grader is `_<method>`, in
# that order (a test checks the names).
ORDERING_GRADERS: dict[str, Callable[[Key, Key], float]] = dict(zip(
    ORDERING_METHODS,
    (_exact, _position, _distance, _next, _next_last, _neighbours, _pairs, _subset, _contiguous),
    strict=True,
))


def grade_ordering(key: Key, response: Sequence[Hashable] | None,
                   method: str = DEFAULT_ORDERING_METHOD) -> float:
    """Score an order against the right one by one of the nine methods (docs/design.md)."""
    try:
        grader = ORDERING_GRADERS[method]
    except KeyError:
        raise GradeError(_m("unknown ordering method %(method)s", method=repr(method))) from None
    if not response:
        return 0.0
    picks = _as_set(response, _m("an ordering answer"))
    if len(response) != len(key) or picks != set(key) or len(set(key)) != len(key):
        raise GradeError(_m("an ordering answer must list every item exactly once"))
    if len(key) == 1:
        return 1.0
    return grader(key, list(response))


def positions_correct(key: Key, response: Sequence[Hashable] | None) -> list[bool]:
    """For the review: whether each item of the response sits where the key puts it."""
    if not response:
        return []
    return [a == b for a, b in zip(key, response, strict=False)]


# A response is a checked answer as JSON gives it: an option id or a list of them, or None.
SCORERS: dict[str, Callable[[Key, Any, str], float]] = {
    "choice": lambda key, response, method: grade_choice(key, response),
    "multiple": lambda key, response, method: grade_multiple(key, response),
    "ordering": grade_ordering,
}


def grade(qtype: str, key: Key, response: Any, method: str = DEFAULT_ORDERING_METHOD) -> float:
    """Score a response to a question of any type; an unanswered question (None) scores 0."""
    try:
        scorer = SCORERS[qtype]
    except KeyError:
        raise GradeError(_m("unknown question type %(type)s", type=repr(qtype))) from None
    return scorer(key, response, method)
