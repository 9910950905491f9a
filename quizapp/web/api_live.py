"""The live game's JSON API under /api/v1/live (docs/api.md): host with a teacher's token, play
with a player token (or a student's token to join under their name).

These routes join the API blueprint, so every error is JSON with its status, as for the rest of
the API. A player token is sent as `Authorization: Bearer <player_token>`, like an API token.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from ..models import Learner, LiveGame, LivePlayer
from ..services import accounts, live
from ..services.live_view import host_state, player_state
from ..services.names import storable
from .api import ApiError, bearer_learner, bp, json_body
from .languages import asked_language
from .live_stream import event_stream

SEND_BEARER = _l("Send 'Authorization: Bearer <token>': the player token POST "
                 "/api/v1/live/<pin>/players gave you, or the host's API token.")
NEITHER = _l("This token is neither this game's host's nor one of its players': join the game "
             "first.")


def _token() -> str:
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, str(SEND_BEARER))
    if not storable(token):
        raise ApiError(401, _("That token holds characters that are not text."))
    return token.strip()


def viewer(game: LiveGame) -> LivePlayer | Learner:
    """Who calls about the game: one of its players, or its host; 401/403 for anyone else."""
    token = _token()
    player = live.player_for(game, token)
    if player is not None:
        return player
    learner = accounts.learner_for_token(token)
    if learner is None:
        raise ApiError(401, _("That token is not valid: join the game again, or get a new API "
                             "token from POST /api/v1/tokens."))
    if learner.id != game.host_id:
        raise ApiError(403, str(NEITHER))
    return learner


def state_of(game: LiveGame, who: LivePlayer | Learner) -> dict[str, Any]:
    """The game as `who` sees it."""
    return player_state(game, who) if isinstance(who, LivePlayer) else host_state(game)


@bp.post("/live")
def create_live():
    """A teacher opens a game: 201 with its PIN and where players join."""
    host = bearer_learner()
    body = json_body('{"bank": "peru-us-relations", "mode": "mixed", "length": 10, '
                     '"seconds": 20}')
    game = live.create_game(host, body.get("bank"), body.get("mode", "mixed"),
                            body.get("length", 10), body.get("seconds", 20),
                            lang=asked_language())
    response = jsonify(host_state(game) | {
        "join_url": url_for("live.play", pin=game.pin, _external=True),
        "url": url_for("api.get_live", pin=game.pin, _external=True)})
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_live", pin=game.pin)
    return response


@bp.post("/live/<pin>/players")
def join_live(pin: str):
    """Join with a nickname, or with a student's API token under their own name: 201 with the
    player token the phone keeps."""
    game = live.find_game(pin)
    learner = bearer_learner() if request.headers.get("Authorization") else None
    nickname = None
    if learner is None:
        nickname = json_body('{"nickname": "Ana"}').get("nickname")
        if not isinstance(nickname, str):
            raise ApiError(400, _('Send "nickname", a string, or a student\'s API token.'))
    player, token = live.join(game, nickname, learner)
    return jsonify(player_token=token, nickname=player.nickname), 201


@bp.get("/live/<pin>")
def get_live(pin: str):
    """The game now, as the host or the player whose token is sent sees it."""
    game = live.find_game(pin)
    return jsonify(state_of(game, viewer(game)))


@bp.post("/live/<pin>/answers")
def answer_live(pin: str):
    """A player's answer to the open question, once: 200 {"received": true}; 409 for a second
    one or one after the time is up."""
    game = live.find_game(pin)
    who = viewer(game)
    if not isinstance(who, LivePlayer):
        raise ApiError(403, _("The host does not answer: send a player token."))
    body = json_body('{"answer": "<option id>"}')
    if "answer" not in body:
        raise ApiError(400, _('Send "answer": an option id, or a list of them for several '
                              "answers or an order."))
    live.answer(game, who, body["answer"])
    return jsonify(received=True)


@bp.post("/live/<pin>/next")
def next_live(pin: str):
    """The host moves the game on one step; the answer is the game as the host sees it then."""
    game = live.find_game(pin)
    who = viewer(game)
    if isinstance(who, LivePlayer):
        raise ApiError(403, _("Only the game's host can move it on: send the host's API token."))
    live.next_phase(game, who)
    return jsonify(host_state(game))


@bp.get("/live/<pin>/events")
def live_events(pin: str) -> Response:
    """The game's state as Server-Sent Events: one event now and one each time it changes."""
    game = live.find_game(pin)
    who = viewer(game)
    return event_stream(game.id, who.id if isinstance(who, LivePlayer) else None)
