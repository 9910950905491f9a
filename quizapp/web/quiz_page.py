"""The question form of the quiz and practice pages: each question's HTML, written in Python.

The quiz page is the page a school loads all at once, and a Jinja macro drawing its questions was
a third of its CPU: every `{{ }}` calls markupsafe's escape, about 360 times a page, most of them on
the same ids and texts again. Here each question is one join of strings: a prompt or an option's
text is escaped once per process (they repeat across attempts), an id only when it holds more than
letters, digits, dots and dashes (Quipu's never do), and the position menus, the same for every
ordering item of a length, are built once. Everything a learner or an author wrote goes through
`escape`; the rest is this module's own text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict

from ..services.attempts import ShownOption, Snapshot
from ..services.review import KINDS as KIND_NAMES
from ..services.rules import from_utc, shown_day, zone_name
from .forms import KEEP, answer_field

HINTS = {"choice": _l("Choose one answer."), "multiple": _l("Choose every answer that is right.")}
KINDS = {"choice": "radio", "multiple": "checkbox"}
ORDER_HINT = _l("First at the top, last at the bottom.")  # one line on a phone; the rest: ORDER_HOW
ORDER_HOW = _l('Give each item its position, 1 for the first and %(n)s for the last; or, if the '
               'order shown is yours, tick "Keep this order". Left as it is, the question counts '
               'as not answered.')


def order_how(n: int) -> str:
    """How to answer an ordering question of n items, folded (its text is escaped)."""
    summary = escape(_("How to answer"))  # outside the f-string: pybabel reads no call inside one
    return (f'\n  <details class="how">\n    <summary>{summary}</summary>'
            f'\n    <p>{escape(str(ORDER_HOW) % {"n": n})}</p>\n  </details>')


@dataclass(frozen=True, slots=True)
class ShownItem:
    """One question as a page shows it: its public id, its problem if any, and its form HTML."""

    qid: str
    problem: str | None
    html: Markup


@lru_cache(maxsize=8192)
def _text(value: str) -> str:
    """A prompt's or an option's text, escaped; the same texts come back in every attempt."""
    return str(escape(value))


_ID_MARKS = str.maketrans("", "", ".-_")


def _attr(value: str) -> str:
    """An id or a field name for an attribute: letters, digits, dots, dashes and underscores need
    no escaping, and Quipu's ids are made of nothing else; anything else is escaped."""
    return value if value.translate(_ID_MARKS).isalnum() else str(escape(value))


@lru_cache(maxsize=256)
def positions(count: int, selected: str | None) -> str:
    """The <option>s of a position menu (1 to count), one selected."""
    return "".join(
        f'\n      <option value="{n}"{" selected" if selected == str(n) else ""}>{n}</option>'
        for n in range(1, count + 1)
    )


def _ordering(qid: str, options: tuple[ShownOption, ...], given: MultiDict) -> list[str]:
    """The items numbered as shown, a position menu each, and "Keep this order" (forms.KEEP):
    an order is answered by positions, or kept as it stands."""
    q, count, out = _attr(qid), len(options), ['\n  <ol class="order-list">']
    position, keep = escape(_("Position")), escape(_("Keep this order"))
    for n, option in enumerate(options, 1):
        oid = _attr(option.id)
        field = answer_field(qid, option.id)
        name, chosen = _attr(field), given.get(field) if given else None
        menu = positions(count, chosen if chosen and chosen.isdigit() else None)
        out.append(f'\n  <li class="order-item">\n    <span class="order-pos" '
                   f'aria-hidden="true">{n}</span>\n    <label for="p-{oid}">'
                   f'{_text(option.text)}</label>\n'
                   f'    <select name="{name}" id="p-{oid}">\n      <option value="">'
                   f'{position}</option>{menu}\n    </select>\n  </li>')
    kept = " checked" if given and given.get(answer_field(qid)) == KEEP else ""
    out.append(f'\n  </ol>\n  <div class="option keep">\n    <input type="checkbox" '
               f'name="{_attr(answer_field(qid))}" id="k-{q}" value="{KEEP}"{kept}>\n    <label '
               f'for="k-{q}">{keep}</label>\n  </div>')
    return out


def _choices(qid: str, kind: str, options: tuple[ShownOption, ...], given: MultiDict) -> list[str]:
    field = answer_field(qid)
    name, picked = _attr(field), set(given.getlist(field)) if given else ()
    out = []
    for option in options:
        oid = _attr(option.id)
        checked = " checked" if option.id in picked else ""
        out.append(f'\n  <div class="option">\n    <input type="{kind}" name="{name}" id="o-{oid}" '
                   f'value="{oid}"{checked}>\n    <label for="o-{oid}">{_text(option.text)}'
                   f'</label>\n  </div>')
    return out


def question_html(qid: str, snap: Snapshot, given: MultiDict, problem: str | None,
                  number: int | None = None) -> Markup:
    """One question to answer: radios for one answer, checkboxes for several, and a position menu
    per item for an order (quiz.js adds dragging); what was `given` is kept, `problem` shown."""
    kind, options, q = snap.type, snap.options, _attr(qid)
    described = f"hint-{q} problem-{q}" if problem else f"hint-{q}"
    kind_words = f'<span class="kind" aria-hidden="true">{escape(KIND_NAMES.get(kind, ""))}</span>'
    numbered = _("Question %(num)d", num=number) if number else ""
    label = (f'<span class="card-head"><span class="number">{numbered}</span> '
             f'{kind_words}</span> ' if number else "")
    hint = escape(HINTS.get(kind) or ORDER_HINT)
    out = [f'<fieldset class="question card{" invalid" if problem else ""}" id="q-{q}" '
           f'data-type="{escape(kind)}" aria-describedby="{described}">\n  <legend>{label}'
           f'{_text(snap.prompt)}</legend>']
    out += [f'\n  <img class="picture" src="{url_for("quiz.picture", digest=image.digest)}" '
            f'alt="{escape(image.alt)}">' for image in snap.images]  # below the text it goes with
    out.append(f'\n  <p class="hint" id="hint-{q}">{hint}</p>')
    if kind == "ordering":
        out.append(order_how(len(options)))
    if problem:
        out.append(f'\n  <p class="error" id="problem-{q}">{escape(problem)}</p>')
    out += (_ordering(qid, options, given) if kind == "ordering"
            else _choices(qid, KINDS.get(kind, "radio"), options, given))
    out.append("\n</fieldset>\n")
    return Markup("".join(out))  # noqa: S704  (every outside value above is escaped)


def shown_items(
    items: Iterable[tuple[str, Snapshot]], given: MultiDict, problems: dict[str, str],
    numbered: bool = True,
) -> list[ShownItem]:
    """The items (public id, snapshot) as a page shows them, with what was given, each problem;
    numbered Question 1, 2... unless `numbered` is false (practice shows one question)."""
    return [ShownItem(qid, problems.get(qid),
                      question_html(qid, snap, given, problems.get(qid), n if numbered else None))
            for n, (qid, snap) in enumerate(items, 1)]


def deadline_words(started: datetime, deadline: datetime, time_limit: int | None) -> str:
    """An attempt's deadline for people, read without JavaScript: "Hand in by 09:40 (UTC) — 15
    minutes from the start", or "... — when the quiz closes"; in the school's time zone, with
    the day too if not the start's."""
    local, began = from_utc(deadline), from_utc(started)
    at = f"{local:%H:%M} ({zone_name()})"
    if local.date() != began.date():
        at = f"{shown_day(local)}, {at}"
    if time_limit is not None and deadline == started + timedelta(minutes=time_limit):
        why = ngettext("%(num)d minute from the start", "%(num)d minutes from the start",
                       time_limit)
    else:
        why = _("when the quiz closes")
    return _("Hand in by %(at)s — %(why)s", at=at, why=why)
