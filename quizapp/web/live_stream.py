"""A live game's Server-Sent Events: the state now, then again each time it changes.

A plain Flask streaming response, served by a thread of a gthread worker (docs/design.md says why):
each event is the JSON `GET /api/v1/live/<pin>` gives the same viewer. The stream sleeps on this
process's watcher (services/live_watch.py), which wakes it when the game's row changes; a question
whose time runs out wakes it by its own clock. A comment every KEEPALIVE seconds keeps proxies
from closing it; after LIFETIME it ends and the browser's EventSource reconnects (`retry`).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

from flask import Response, current_app

from ..services.live_view import current_state
from ..services.live_watch import watcher

KEEPALIVE = 15.0  # seconds
LIFETIME = 600.0  # seconds a stream lasts before the client reconnects
RETRY_MS = 1000
POLL_MS = 2000  # the retry of a stream sent once, when this process holds LIVE_STREAMS already
_lock = threading.Lock()


def _places_of(app) -> threading.BoundedSemaphore:
    """The app's places for streams in this process (kept in the app's extensions)."""
    with _lock:
        found = app.extensions.get("live_streams")
        if found is None:
            found = app.extensions["live_streams"] = threading.BoundedSemaphore(
                max(1, int(app.config.get("LIVE_STREAMS") or 100)))
        return found


def event_stream(game_id: int, player_id: int | None) -> Response:
    """The stream of a game's state for its host (player_id None) or one of its players."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    watch, places = watcher(app), _places_of(app)

    def once() -> Iterator[str]:
        yield f"retry: {POLL_MS}\n\n"
        with app.app_context():
            state = current_state(game_id, player_id)
        if state is not None:
            state.pop("closes_in")
            yield f"data: {json.dumps(state, separators=(',', ':'))}\n\n"

    def events() -> Iterator[str]:
        yield f"retry: {RETRY_MS}\n\n"
        signal, sent = None, None
        ends = time.monotonic() + LIFETIME
        while time.monotonic() < ends:
            with app.app_context():
                state = current_state(game_id, player_id)
            if state is None:
                return
            closes_in = state.pop("closes_in")
            shown = {k: v for k, v in state.items() if k != "seconds_left"}
            if shown != sent:
                sent = shown
                yield f"data: {json.dumps(state, separators=(',', ':'))}\n\n"
            if state["phase"] == "finished":
                return
            timeout = KEEPALIVE if closes_in is None else min(KEEPALIVE, closes_in + 0.05)
            fresh = watch.wait(game_id, signal, timeout, activity=player_id is None)
            if fresh == signal:
                yield ": still here\n\n"
            signal = fresh

    held = places.acquire(blocking=False)
    response = Response(events() if held else once(), mimetype="text/event-stream")
    if held:  # closed by the server when the stream ends or its client is gone, however
        response.call_on_close(places.release)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response
