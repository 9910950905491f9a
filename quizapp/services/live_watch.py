"""Waking the clients that wait on a live game, in each process: one poller thread a process.

Every stream of a process (a phone's or a projector's Server-Sent Events) waits on a condition;
one thread reads the watched games' (version, activity) from the database every POLL seconds, in
one statement for all of them, and wakes the waiting streams when a game's pair changes. So 200
phones on 2 workers cost 2 small reads every POLL, not 200; and since the pair lives in the
database, a change made by any worker of any app server wakes everyone within POLL.
"""

from __future__ import annotations

import threading
import time

from flask import Flask
from sqlalchemy import select

from ..extensions import db
from ..models import LiveGame

POLL = 0.1  # seconds between reads of the watched games
Signal = tuple[int, int]  # a game's (version, activity)


class Watcher:
    """The games watched by this process's streams, and their last (version, activity)."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.changed = threading.Condition()
        self.waiting: dict[int, int] = {}  # game id: streams waiting on it
        self.seen: dict[int, Signal] = {}
        self.thread: threading.Thread | None = None
        self.pid = 0

    def wait(self, game_id: int, last: Signal | None, timeout: float,
             activity: bool = False) -> Signal | None:
        """The game's signal once its version (and, with `activity`, its activity: a host's
        page) differs from `last`'s, or after `timeout` seconds."""

        def moved() -> bool:
            now = self.seen.get(game_id)
            if now is None or last is None:
                return now is not None
            return now != last if activity else now[0] != last[0]

        with self.changed:
            self._start()
            self.waiting[game_id] = self.waiting.get(game_id, 0) + 1
            try:
                self.changed.wait_for(moved, timeout)
                return self.seen.get(game_id)
            finally:
                self.waiting[game_id] -= 1
                if not self.waiting[game_id]:
                    del self.waiting[game_id]
                    self.seen.pop(game_id, None)

    def _start(self) -> None:
        import os

        # After gunicorn forks a worker, the thread is the parent's: start one here.
        if self.thread is None or not self.thread.is_alive() or self.pid != os.getpid():
            self.pid = os.getpid()
            self.thread = threading.Thread(target=self._run, name="live-watch", daemon=True)
            self.thread.start()

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
                if any(self.seen.get(i) != s for i, s in fresh.items()):
                    self.seen.update(fresh)
                    self.changed.notify_all()
            time.sleep(POLL)


_watchers: dict[int, Watcher] = {}
_lock = threading.Lock()


def watcher(app: Flask) -> Watcher:
    """This app's watcher in this process."""
    with _lock:
        return _watchers.setdefault(id(app), Watcher(app))
