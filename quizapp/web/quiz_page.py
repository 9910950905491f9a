"""What the quiz page shows of each item, worked out in Python before the template draws it.

The page was two thirds of a quiz page's CPU: Jinja looks up `snap.type` on a dict by trying an
attribute first (an exception each time), and each ordering item drew a position menu option by
option through filters and calls. Here every value the template needs is a plain attribute, and
the position menus, the same for every item of a length, are built once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from ..forms import answer_field


@dataclass(frozen=True, slots=True)
class ShownOption:
    """One option: its id and text, its field (ordering: its own), and what the learner gave."""

    id: str
    text: str
    name: str
    checked: bool = False
    positions: Markup = Markup()


@dataclass(frozen=True, slots=True)
class ShownItem:
    """One question as the page draws it."""

    qid: str
    type: str
    prompt: str
    name: str
    problem: str | None
    options: tuple[ShownOption, ...]


@lru_cache(maxsize=256)
def positions(count: int, selected: str | None) -> Markup:
    """The <option>s of a position menu (1 to count), one selected; indented as the page is."""
    # Safe as markup: nothing in it but this function's own text and whole numbers.
    return Markup("\n        ".join(  # noqa: S704
        f'<option value="{n}"{" selected" if selected == str(n) else ""}>{n}</option>'
        for n in range(1, count + 1)
    ))


def _options(qid: str, snap: dict, given: MultiDict) -> tuple[ShownOption, ...]:
    options = snap["options"]
    if snap["type"] == "ordering":
        count, shown = len(options), []
        for o in options:
            name = answer_field(qid, o["id"])
            chosen = given.get(name)
            menu = positions(count, chosen if chosen and chosen.isdigit() else None)
            shown.append(ShownOption(o["id"], o["text"], name, positions=menu))
        return tuple(shown)
    name, picked = answer_field(qid), set(given.getlist(answer_field(qid)))
    return tuple(ShownOption(o["id"], o["text"], name, checked=o["id"] in picked)
                 for o in options)


def shown_items(
    items: Iterable[tuple[str, dict]], given: MultiDict, problems: dict[str, str]
) -> list[ShownItem]:
    """The items (public id, snapshot) as the page draws them, with what was given, each problem."""
    return [ShownItem(qid, snap["type"], snap["prompt"], answer_field(qid), problems.get(qid),
                      _options(qid, snap, given))
            for qid, snap in items]
