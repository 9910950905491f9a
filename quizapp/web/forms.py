"""The pages' forms (Flask-WTF), and how a submitted quiz page becomes the answers of an attempt.

The rules on usernames, passwords and quizzes live in `accounts` and `attempts`; these forms only
check what a form can (a field filled, two passwords equal) and leave the rest to those services.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import (
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, EqualTo, InputRequired, NumberRange

from ..models import AttemptItem
from ..services.accounts import MIN_PASSWORD
from ..services.attempts import Snapshot
from ..services.catalog import Bank
from ..services.rules import DEFAULT_LENGTH, MAX_LENGTH, MIN_LENGTH, MODES
from ..services.today import MAX_GOAL, MIN_GOAL

MODE_LABELS = {
    "mixed": _l("Mixed: choice and ordering questions"),
    "choice": _l("Choice questions only"),
    "ordering": _l("Ordering questions only"),
}
MODE_CHOICES = [SelectChoice(mode, MODE_LABELS[mode]) for mode in MODES]  # a label for each mode
ANSWER_PREFIX = "a."  # answer fields are a.<item> and, for ordering items, a.<item>.<option>
KEEP = "keep"  # an ordering item's a.<item>: "Keep this order", the order as shown is the answer


class PageForm(FlaskForm):
    """A page's form: read from the posted form fields only. Flask-WTF would read a JSON body
    as the form too, and one that is not an object (`[1]`, `false`) failed with a 500."""

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form: Any, formdata: Any) -> Any:
            if request.is_json and not request.form:
                formdata = request.form  # empty: a page takes no JSON
            return super().wrap_formdata(form, formdata)


def quiz_length_field() -> IntegerField:
    """How many questions: the one rule of quiz length, as a form field."""
    return IntegerField(
        _l("Number of questions"), default=DEFAULT_LENGTH,
        validators=[InputRequired(), NumberRange(MIN_LENGTH, MAX_LENGTH)],
        render_kw={"min": MIN_LENGTH, "max": MAX_LENGTH},
        description=_l("From %(low)d to %(high)d.", low=MIN_LENGTH, high=MAX_LENGTH),
    )


class GoalForm(PageForm):
    """The daily goal: facts a day (the rule is services.today.set_goal's; this checks the form)."""

    goal = IntegerField(
        _l("Facts a day"), validators=[InputRequired(), NumberRange(MIN_GOAL, MAX_GOAL)],
        render_kw={"min": MIN_GOAL, "max": MAX_GOAL, "inputmode": "numeric"},
        description=_l("From %(low)d to %(high)d.", low=MIN_GOAL, high=MAX_GOAL),
    )


class RegisterForm(PageForm):
    """A new account: a username and the password typed twice."""

    username = StringField(
        _l("Username"), validators=[DataRequired()], render_kw={"autocomplete": "username"},
        description=_l("3 to 40 letters, digits, dots, dashes or underscores."),
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired()],
        description=_l("At least %(n)d characters.", n=MIN_PASSWORD),
        render_kw={"autocomplete": "new-password", "minlength": MIN_PASSWORD},
    )
    confirm = PasswordField(
        _l("Password again"), render_kw={"autocomplete": "new-password"},
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class LoginForm(PageForm):
    """Sign in with a username and password."""

    username = StringField(
        _l("Username"), validators=[DataRequired()], render_kw={"autocomplete": "username"}
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired()], render_kw={"autocomplete": "current-password"}
    )
    next = HiddenField()


class GuestForm(PageForm):
    """Start as a guest, known only by a display name."""

    display_name = StringField(
        _l("Your name"), validators=[DataRequired()], render_kw={"autocomplete": "nickname"},
        description=_l("Shown only to you and your teacher."),
    )
    next = HiddenField()


class StartQuizForm(PageForm):
    """Which bank, which kind of questions, how many."""

    bank = SelectField(_l("Question bank"), validators=[InputRequired()])
    mode = RadioField(_l("Questions"), choices=MODE_CHOICES, default="mixed")
    length = quiz_length_field()

    def __init__(self, banks: Iterable[Bank], *args, **kwargs) -> None:
        from .filters import bank_title  # filters -> language -> auth imports this module

        super().__init__(*args, **kwargs)
        self.bank.choices = [SelectChoice(bank.id, bank_title(bank.id)) for bank in banks]


class OrderingError(ValueError):
    """Positions given to an ordering question that do not make an order."""


def answer_field(item_id: str, option_id: str | None = None) -> str:
    """The name of an item's answer field (of one option's position, for an ordering item)."""
    name = ANSWER_PREFIX + item_id
    return name if option_id is None else f"{name}.{option_id}"


def _position(typed: str, n: int) -> bool:
    """Whether `typed` is one of the positions the form offers, 1 to n in ASCII digits: not `²`,
    not Arabic-Indic `٣` (which int() reads), not 5,000 digits (which int() refuses)."""
    return typed.isascii() and typed.isdigit() and len(typed) <= 4 and 1 <= int(typed) <= n


def read_order(formdata: Mapping[str, str], fields: Mapping[str, str],
               kept: list[str] | None = None) -> list[str] | None:
    """Option ids sorted by the positions chosen for them; None when none is chosen.

    `fields` maps each option id (in the order shown) to the name of its position field; `kept`
    holds the values of the item's "Keep this order" box: ["keep"] answers with the order shown
    when no position is chosen (with positions, quiz.js has written the order shown into them).
    """
    if kept and kept != [KEEP]:
        raise OrderingError(_("This order could not be read: tick Keep this order, or give "
                              "each item a position."))
    chosen = {option: formdata.get(name, "").strip() for option, name in fields.items()}
    if not any(chosen.values()):
        return list(fields) if kept else None
    n = len(chosen)
    if not all(chosen.values()):
        raise OrderingError(_("Give every item a position from 1 to %(n)d, or leave them all "
                              "blank.", n=n))
    if not all(_position(v, n) for v in chosen.values()):
        raise OrderingError(_("Positions are the numbers 1 to %(n)d, written with the digits "
                              "0-9.", n=n))
    positions = [int(v) for v in chosen.values()]
    twice = sorted({p for p in positions if positions.count(p) > 1})
    if twice:
        listed = ", ".join(map(str, twice))
        raise OrderingError(
            _("Position %(listed)s is given to more than one item: give each item its own "
              "position.", listed=listed)
        )
    return sorted(chosen, key=lambda option: int(chosen[option]))


def read_picks(qtype: str, values: list[str]) -> str | list[str] | None:
    """A choice item's option id or a multiple item's list of them; None when nothing is picked.

    Several values for a choice item can only come from a tampered form: they are passed on as a
    list, for `submit_attempt` to refuse.
    """
    picked = [v for v in values if v]
    if not picked:
        return None
    return picked[0] if qtype == "choice" and len(picked) == 1 else picked


def read_answers(
    items: Iterable[AttemptItem], formdata: MultiDict
) -> tuple[dict[str, object], dict[str, str]]:
    """The answers `submit_attempt` takes, and a message for each item whose order is broken."""
    return read_quiz_answers(((item.public_id, item.snapshot) for item in items), formdata)


def read_quiz_answers(
    items: Iterable[tuple[str, Snapshot]], formdata: MultiDict
) -> tuple[dict[str, object], dict[str, str]]:
    """The answers to the items (public id, snapshot) in a posted form, and a message for each
    item whose order is broken.

    Only answer fields are read: anything else a client sends (a score, say) is ignored. An answer
    field naming no item of this attempt is passed on, for `submit_attempt` to refuse.
    """
    answers: dict[str, object] = {}
    problems: dict[str, str] = {}
    known: set[str] = set()
    for item_id, snap in items:
        if snap.type == "ordering":
            fields = {o.id: answer_field(item_id, o.id) for o in snap.options}
            known |= {*fields.values(), answer_field(item_id)}
            try:
                answer: str | list[str] | None = read_order(
                    formdata, fields, formdata.getlist(answer_field(item_id)))
            except OrderingError as e:
                problems[item_id] = str(e)
                continue
        else:
            known.add(answer_field(item_id))
            answer = read_picks(snap.type, formdata.getlist(answer_field(item_id)))
        if answer is not None:
            answers[item_id] = answer
    for name in formdata:
        if name.startswith(ANSWER_PREFIX) and name not in known:
            answers[name.removeprefix(ANSWER_PREFIX)] = formdata.get(name)
    return answers, problems


def answers_as_form(items: Iterable[tuple[str, Snapshot]], answers: Mapping[str, object]
                    ) -> MultiDict:
    """Saved answers (by item id) as the quiz form's fields, for the page to show them again:
    the inverse of read_answers."""
    given: MultiDict = MultiDict()
    for item_id, snap in items:
        answer = answers.get(item_id)
        if answer is None:
            continue
        picked = [answer] if isinstance(answer, str) else list(answer)  # type: ignore[call-overload]
        if snap.type == "ordering":
            for position, option in enumerate(picked, start=1):
                given.add(answer_field(item_id, option), str(position))
        else:
            for option in picked:
                given.add(answer_field(item_id), option)
    return given


def unanswered(items: Iterable[tuple[str, Snapshot]], answers: Mapping[str, object],
               problems: Mapping[str, str]) -> list[int]:
    """The numbers (from 1) of the questions with no answer, or a broken one."""
    return [n for n, (item_id, _) in enumerate(items, start=1)
            if answers.get(item_id) in (None, []) or item_id in problems]


def given_answer_fields(formdata: MultiDict) -> list[tuple[str, str]]:
    """The answer fields of a posted quiz form, as (name, value) pairs, to post them again."""
    return [(k, v) for k, v in formdata.items(multi=True) if k.startswith(ANSWER_PREFIX)]
