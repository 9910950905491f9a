"""A real server for tests: gunicorn with 2 workers serving the sample bank on a fresh database.

Used through the module-scoped `server` fixture (tests/conftest.py), once per backend: the database
is made by the migrations, as `make run` makes it, and the class's learners are stored beforehand.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import accounts
from tests.web.api_helpers import password_hash

REPO = Path(__file__).resolve().parent.parent
CLASS_SIZE = 50
WORKERS = 2
BOOT_DEADLINE = 20.0
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


@dataclass
class Server:
    url: str
    database_url: str
    learners: list[tuple[int, str]]  # (learner id, bearer token), one a client
    process: subprocess.Popen
    log: Path

    def rows(self, sql: str, **params) -> list[tuple]:
        """Run SQL on the database directly, as a second process would (`:name` parameters)."""
        engine = create_engine(self.database_url, poolclass=NullPool)
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(row) for row in result] if result.returns_rows else []

    @property
    def sqlite(self) -> bool:
        """Whether the database is a SQLite file."""
        return self.database_url.startswith("sqlite")

    def workers(self) -> list[int]:
        """The process ids of gunicorn's workers: the master's children."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # a process that ended meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:  # field 4: ppid
                found.append(int(entry.name))
        return found

    def answers(self) -> bool:
        """Whether a request gets an answer now."""
        try:
            requests.get(f"{self.url}/api/v1/banks", timeout=2.0).close()
            return True
        except (requests.ConnectionError, requests.Timeout):
            return False


def make_learners(database_url: str, instance: Path) -> list[tuple[int, str]]:
    """The schema, by the migrations; the class, with tokens; "solo", who signs in over HTTP."""
    app = create_app({"INSTANCE_PATH": str(instance), "SECRET_KEY": "concurrency",
                      "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        upgrade()
        learners = [Learner(username=f"pupil{i:02}", display_name=f"Pupil {i}")
                    for i in range(CLASS_SIZE + 1)]
        learners.append(Learner(username="solo", display_name="Solo", password_hash=password_hash()))
        db.session.add_all(learners)
        db.session.commit()
        made = [(learner.id, accounts.issue_token(learner)) for learner in learners[:-1]]
        db.engine.dispose()
    return made


def wait_until_serving(process: subprocess.Popen, log: Path) -> str:
    """The server's address once it listens, both workers booted and it answers HTTP."""
    deadline = time.monotonic() + BOOT_DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        text_ = log.read_text()
        listening = LISTENING.search(text_)
        if listening and text_.count("Booting worker") >= WORKERS:
            try:
                requests.get(f"{listening[1]}/api/v1/banks", timeout=2.0).close()
                return listening[1]
            except (requests.ConnectionError, requests.Timeout):
                pass  # a worker still loading the app: ask again until the deadline
        time.sleep(0.05)
    pytest.fail(f"gunicorn did not answer within {BOOT_DEADLINE} s:\n{log.read_text()}")


@contextmanager
def gunicorn(tmp: Path, database_url: str) -> Iterator[Server]:
    """gunicorn -w 2 on a free port (the OS picks it: port 0), stopped at the end."""
    log = tmp / "gunicorn.log"
    (tmp / "questions").mkdir()
    learners = make_learners(database_url, tmp / "instance")
    env = os.environ | {
        "QUIZAPP_INSTANCE_PATH": str(tmp / "instance"),
        "QUIZAPP_DATABASE_URL": database_url,
        "QUIZAPP_QUESTIONS_DIR": str(tmp / "questions"),
        "QUIZAPP_SECRET_KEY": "concurrency-test-secret",
        # A learner here starts and submits quizzes as fast as the server goes (test_crash.py):
        # what is tested is the server under load, not the limits (tests/test_limits.py).
        "QUIZAPP_STARTS_PER_MINUTE": "1000000", "QUIZAPP_OPEN_QUIZZES": "1000000",
    }
    command = [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", "127.0.0.1:0",
               "--graceful-timeout", "5", "tests.serve_sample:create_app()"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out)
    try:
        yield Server(wait_until_serving(process, log), database_url, learners, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
