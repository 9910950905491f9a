"""Waking the clients that wait on a live game, in each process: one poller thread a process.

Every stream of a process (a phone's or a projector's Server-Sent Events) waits on a condition;
one thread reads the watched games' (version, activity) from the database every POLL seconds, in
one statement for all of them, and wakes the waiting streams when a game's pair changes. So 200
phones on 2 workers cost 2 small reads every POLL, not 200; and since the pair lives in the
database, a change made by any worker of any app server wakes everyone within POLL.

With QUIZAPP_REDIS_URL set, `changed` publishes each game's change on CHANNEL, and a listener
thread a process reads the database at once on a message for a watched game: everyone wakes as
soon as the change is committed, and the poll, every REDIS_POLL, is only the safety net (a lost
message, Redis down). The game's state stays in the database either way.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

from flask import Flask
from sqlalchemy import select

from ..extensions import db
from ..models import LiveGame

POLL = 0.1  # seconds between reads of the watched games
REDIS_POLL = 1.0  # the same, with Redis to wake the poller
GATHER = 0.02  # after a poke, the changes of this many seconds are read together (a burst of
# answers is one read, not one each)
CHANNEL = "quipu:live"
Signal = tuple[int, int]  # a game's (version, activity)
log = logging.getLogger(__name__)


class Watcher:
    """The games watched by this process's streams, and their last (version, activity)."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        lock = threading.Lock()
        self.changed = threading.Condition(lock)  # a game's phase moved: all its streams wake
        # Only a join or an answer: only the projectors' streams wake (200 phones would wake for
        # nothing 200 times a question).
        self.stirred = threading.Condition(lock)
        self.waiting: dict[int, int] = {}  # game id: streams waiting on it
        self.seen: dict[int, Signal] = {}
        self.thread: threading.Thread | None = None
        self.pid = 0
        self.poke = threading.Event()  # read now: Redis said a watched game changed
        self.redis_url: str | None = app.config.get("REDIS_URL")

    def wait(self, game_id: int, last: Signal | None, timeout: float,
             activity: bool = False) -> Signal | None:
        """The game's signal once its version (and, with `activity`, its activity: a host's
        page) differs from `last`'s, or after `timeout` seconds."""

        def moved() -> bool:
            now = self.seen.get(game_id)
            if now is None or last is None:
                return now is not None
            return now != last if activity else now[0] != last[0]

        if last is None:  # a stream's first wait: where the game is now, read at once
            with self.changed:
                self._start()
            return self._read([game_id]).get(game_id)
        with self.changed:
            self._start()
            self.waiting[game_id] = self.waiting.get(game_id, 0) + 1
            try:
                (self.stirred if activity else self.changed).wait_for(moved, timeout)
                return self.seen.get(game_id)
            finally:
                self.waiting[game_id] -= 1
                if not self.waiting[game_id]:
                    del self.waiting[game_id]
                    self.seen.pop(game_id, None)

    def _start(self) -> None:
        # After gunicorn forks a worker, the threads are the parent's: start them here.
        if self.thread is None or not self.thread.is_alive() or self.pid != os.getpid():
            self.pid = os.getpid()
            self.thread = threading.Thread(target=self._run, name="live-watch", daemon=True)
            self.thread.start()
            if self.redis_url:
                threading.Thread(target=self._listen, name="live-redis", daemon=True).start()

    def _read(self, ids: list[int]) -> dict[int, Signal]:
        with self.app.app_context():
            try:
                rows = db.session.execute(select(LiveGame.id, LiveGame.version, LiveGame.activity)
                                          .where(LiveGame.id.in_(ids))).all()
                return {i: (v, a) for i, v, a in rows}
            finally:
                db.session.remove()

    def _run(self) -> None:
        while True:
            with self.changed:
                ids = list(self.waiting)
            fresh = self._read(ids) if ids else {}
            with self.changed:
                moved = [i for i, s in fresh.items() if self.seen.get(i) != s]
                phase = any(self.seen.get(i, (None,))[0] != fresh[i][0] for i in moved)
                self.seen.update(fresh)
                if phase:
                    self.changed.notify_all()
                if moved:
                    self.stirred.notify_all()
            if self.poke.wait(REDIS_POLL if self.redis_url else POLL):
                time.sleep(GATHER)
            self.poke.clear()

    def _listen(self) -> None:
        """Poke the poller on each message about a watched game (reconnecting after a failure;
        meanwhile the poll goes on)."""
        import redis

        url = self.redis_url or ""
        while True:
            try:
                pubsub = redis.Redis.from_url(url).pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(CHANNEL)
                for message in pubsub.listen():
                    if int(message["data"]) in self.waiting:
                        self.poke.set()
            except Exception:  # noqa: BLE001  (Redis away: the poll carries on)
                log.warning("live games: Redis unreachable, polling every %s s", REDIS_POLL)
                time.sleep(5)


_lock = threading.Lock()
_publishers: dict[str, Any] = {}


def watcher(app: Flask) -> Watcher:
    """This app's watcher in this process (kept in the app's extensions)."""
    with _lock:
        found = app.extensions.get("live_watch")
        if found is None:
            found = app.extensions["live_watch"] = Watcher(app)
        return found


def changed(app: Flask, game_id: int) -> None:
    """Say that a game changed (after its commit): published on Redis when it is set up, so
    waiting streams everywhere wake at once; nothing to do otherwise (the poll sees it)."""
    url = app.config.get("REDIS_URL")
    if not url:
        return
    try:
        import redis

        with _lock:
            client = _publishers.get(url)
            if client is None:
                client = _publishers[url] = redis.Redis.from_url(
                    url, socket_timeout=0.5, socket_connect_timeout=0.5)
        client.publish(CHANNEL, game_id)
    except Exception:  # noqa: BLE001  (Redis away: the poll carries on)
        log.warning("live games: could not publish a change to Redis")
