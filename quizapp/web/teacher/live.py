"""The host's pages of a live game: "Play live" from a bank, then the projector's page.

The projector's page is drawn whole by the server for the phase the game is in (lobby, question,
reveal, leaderboard, podium) with a Next button; static/live.js reloads it as the game moves on,
keeps "n of m answered" up to date, and presses Next on Space or the right arrow.
"""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import HiddenField, IntegerField, RadioField, SelectField
from wtforms.validators import InputRequired, NumberRange

from ...services import live
from ...services.catalog import current_catalog
from ...services.errors import NotFound
from ...services.exports import csv_lines
from ...services.live_class import taught_class
from ...services.live_view import host_state, results
from .. import language
from ..forms import MODE_CHOICES, PageForm
from ..live_stream import event_stream
from .blueprint import bp
from .results import csv_response


class LiveForm(PageForm):
    """A new game's settings."""

    class_id = HiddenField()  # set: the game is for this class (from the class's page)
    bank = SelectField(_l("Question bank"), validators=[InputRequired(_l("Choose a bank."))])
    mode = RadioField(_l("Kind of questions"), choices=MODE_CHOICES, default="mixed",
                      validators=[InputRequired(_l("Choose the kind of questions."))])
    length = IntegerField(
        _l("Questions"), default=live.DEFAULT_QUESTIONS,
        description=_l("%(low)d to %(high)d.", low=live.MIN_QUESTIONS, high=live.MAX_QUESTIONS),
        validators=[InputRequired(_l("Give the number of questions.")),
                    NumberRange(live.MIN_QUESTIONS, live.MAX_QUESTIONS,
                                _l("From %(low)d to %(high)d questions.",
                                   low=live.MIN_QUESTIONS, high=live.MAX_QUESTIONS))])
    seconds = IntegerField(
        _l("Seconds per question"), default=live.DEFAULT_SECONDS,
        description=_l("%(low)d to %(high)d.", low=live.MIN_SECONDS, high=live.MAX_SECONDS),
        validators=[InputRequired(_l("Give the seconds per question.")),
                    NumberRange(live.MIN_SECONDS, live.MAX_SECONDS,
                                _l("From %(low)d to %(high)d seconds.",
                                   low=live.MIN_SECONDS, high=live.MAX_SECONDS))])


def _form() -> LiveForm:
    form = LiveForm()
    banks = current_catalog().banks
    form.bank.choices = [(b, banks[b].title) for b in sorted(banks, key=lambda b: banks[b].title)]
    return form


@bp.route("/live", methods=["GET", "POST"])
def new_live():
    """Play live: the game's settings, then its lobby; `?class=<id>` (from a class's page): a
    game for that class, which only its students and teachers may join."""
    form = _form()
    if request.method == "GET" and request.args.get("bank") in current_catalog().banks:
        form.bank.data = request.args["bank"]
    given = request.args.get("class") if request.method == "GET" else form.class_id.data
    chosen = None
    if given:  # another teacher's class, or no class: 404 before anything is made
        number = given.isascii() and given.isdigit() and len(given) < 10
        chosen = taught_class(current_user, int(given) if number else None)
        form.class_id.data = str(chosen[0])
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_template("teacher/live_new.html", form=form, chosen=chosen), status
    game = live.create_game(current_user, form.bank.data, form.mode.data, form.length.data,
                            form.seconds.data, chosen[0] if chosen else None, language.current())
    return redirect(url_for("teacher.host_live", pin=game.pin), 303)


def _hosted(pin: str):
    game = live.find_game(pin)
    if game.host_id != current_user.id:
        raise NotFound(_("There is no game of yours with PIN %(pin)s.", pin=pin))
    return game


@bp.get("/live/<pin>")
def host_live(pin: str):
    """The projector's page."""
    game = _hosted(pin)
    return render_template("teacher/live_host.html", game=game, state=host_state(game),
                           join_url=url_for("live.enter", _external=True))


@bp.post("/live/<pin>/next")
def next_live(pin: str) -> Response:
    """Next: start, reveal, leaderboard, the next question, the podium."""
    live.next_phase(_hosted(pin), current_user)
    return redirect(url_for("teacher.host_live", pin=pin), 303)


@bp.get("/live/<pin>/events")
def host_events(pin: str) -> Response:
    """The host's events (live.js listens)."""
    return event_stream(_hosted(pin).id, None)


@bp.get("/live/<pin>/results.csv")
def live_results(pin: str) -> Response:
    """The game's results: rank, nickname, signed in, score, points per question."""
    header, rows = results(_hosted(pin))
    return csv_response(csv_lines(header, rows), f"quipu-live-{pin}.csv")
