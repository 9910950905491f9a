"""The players' pages of a live game: `/live` (PIN and nickname) and the phone's page.

The phone's player token is kept in the session (signed cookie), by PIN: a reload, or coming back
to /live with the same PIN, gets back into the game where it is. Each page is drawn whole by the
server from the player's state, so nothing needs JavaScript: "See what's next" reloads it. With
JavaScript (static/live.js), the page listens to the game's events and reloads itself when the
game moves on, and counts the seconds down.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from ..services import live
from ..services.errors import NotFound, ServiceError
from ..services.live_view import open_question, player_state
from .errors import render_error, status_of
from .forms import read_quiz_answers
from .live_stream import event_stream
from .quiz_page import question_html

bp = Blueprint("live", __name__)

KEPT_GAMES = 5  # player tokens a browser keeps, newest last
QID = "q"  # the answer form's item id: one question a page


def _tokens() -> dict[str, str]:
    kept = session.get("live")
    return dict(kept) if isinstance(kept, dict) else {}


def _keep(pin: str, token: str) -> None:
    kept = {p: t for p, t in _tokens().items() if p != pin}
    kept[pin] = token
    session["live"] = dict(list(kept.items())[-KEPT_GAMES:])


def _signed_in() -> Any:
    return current_user if current_user.is_authenticated and not current_user.is_guest else None


def _player(pin: str) -> tuple[Any, Any] | None:
    """The game and this browser's player in it, or None if it has not joined."""
    game = live.find_game(pin)
    token = _tokens().get(pin)
    player = live.player_for(game, token) if isinstance(token, str) else None
    return None if player is None else (game, player)


@bp.errorhandler(ServiceError)
def refused(e: ServiceError):
    """A wrong PIN, an ended game: a page saying so, and the way back to /live."""
    return render_error(status_of(e), e.message, link=(url_for("live.enter"), _("Join a game")))


@bp.get("/live")
def enter():
    """The PIN and a nickname (a signed-in student plays under their name)."""
    pin = request.args.get("pin", "")
    return render_template("live/join.html", pin=pin[:6], nickname="", error=None,
                           signed_in=_signed_in())


@bp.post("/live")
def join():
    """Join the game with this PIN, then on to its page; the form again with what is wrong."""
    pin = (request.form.get("pin") or "").strip()
    nickname = request.form.get("nickname") or ""
    try:
        game = live.find_game(pin)
        if pin in _tokens() and _player(pin) is not None:
            return redirect(url_for("live.play", pin=pin), 303)  # already in: back to it
        _joined, token = live.join(game, nickname, _signed_in())
    except ServiceError as e:
        return render_template("live/join.html", pin=pin[:6], nickname=nickname[:40],
                               error=e.message, signed_in=_signed_in()), status_of(e)
    _keep(pin, token)
    return redirect(url_for("live.play", pin=pin), 303)


def _page(game: Any, player: Any, problem: str | None = None, status: int = 200,
          given: MultiDict | None = None) -> tuple[str, int]:
    state = player_state(game, player)
    form = None
    snapshot = open_question(game, player) if not state["answered"] else None
    if snapshot is not None and snapshot.type != "choice":
        form = question_html(QID, snapshot, given or MultiDict(), problem)
    texts = {o["id"]: o["text"] for o in (state["question"] or {}).get("options", [])}
    return render_template("live/play.html", game=game, state=state, snapshot=snapshot,
                           form=form, problem=problem, texts=texts, qid=QID), status


@bp.get("/live/<pin>")
def play(pin: str):
    """The phone's page for the game where it is now."""
    found = _player(pin)
    if found is None:
        return redirect(url_for("live.enter", pin=pin), 303)
    return _page(*found)


@bp.post("/live/<pin>/answer")
def answer(pin: str) -> Response | tuple[str, int]:
    """The player's answer, once; the page again saying what went wrong if it was refused."""
    found = _player(pin)
    if found is None:
        return redirect(url_for("live.enter", pin=pin), 303)
    game, player = found
    snapshot = open_question(game, player)
    if snapshot is None:
        return _page(game, player, _("No question is open for you now: wait for the next one."),
                     409)
    answers, problems = read_quiz_answers([(QID, snapshot)], request.form)
    if problems or answers.get(QID) is None:
        return _page(game, player, problems.get(QID) or _("Choose an answer first."), 400,
                     request.form)
    try:
        live.answer(game, player, answers[QID])
    except ServiceError as e:
        return _page(game, player, e.message, status_of(e))
    return redirect(url_for("live.play", pin=pin), 303)


@bp.get("/live/<pin>/events")
def events(pin: str) -> Response:
    """The player's events (live.js listens)."""
    found = _player(pin)
    if found is None:
        raise NotFound(_("Join this game first: /live asks for its PIN and a nickname."))
    return event_stream(found[0].id, found[1].id)
