"""A class at once, against a real server: gunicorn with 2 workers on one SQLite file.

Each test sends real HTTP from many threads, then reads the database file itself to check what
was stored. The server serves the sample bank through tests/serve_sample.py.
"""

import os
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from quizapp import accounts, create_app
from quizapp.extensions import db
from quizapp.models import Learner
from tests.web.api_helpers import PASSWORD, password_hash

pytestmark = pytest.mark.concurrency

REPO = Path(__file__).resolve().parent.parent
CLASS_SIZE = 50
TIMEOUT = 10.0  # seconds for any one request, or for the threads to line up
BOOT_DEADLINE = 20.0
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


@dataclass
class Server:
    url: str
    database: Path
    learners: list[tuple[int, str]]  # (learner id, bearer token), one a client

    def rows(self, sql: str, *params) -> list[tuple]:
        """Read the database file directly, as a second process would."""
        with closing(sqlite3.connect(self.database)) as conn:
            return conn.execute(sql, params).fetchall()


def make_learners(database: Path, instance: Path) -> list[tuple[int, str]]:
    """The class: learners with tokens made beforehand, and "solo", who signs in over HTTP."""
    app = create_app({"INSTANCE_PATH": str(instance), "SECRET_KEY": "concurrency",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    with app.app_context():
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
        text = log.read_text()
        listening = LISTENING.search(text)
        if listening and text.count("Booting worker") >= 2:
            try:
                requests.get(f"{listening[1]}/api/v1/banks", timeout=2.0).close()
                return listening[1]
            except (requests.ConnectionError, requests.Timeout):
                pass  # a worker still loading the app: ask again until the deadline
        time.sleep(0.05)
    pytest.fail(f"gunicorn did not answer within {BOOT_DEADLINE} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    """gunicorn -w 2 on a free port (the OS picks it: port 0), stopped at the end."""
    tmp = tmp_path_factory.mktemp("server")
    database, log = tmp / "quizapp.sqlite", tmp / "gunicorn.log"
    (tmp / "questions").mkdir()
    learners = make_learners(database, tmp / "instance")
    env = os.environ | {
        "QUIZAPP_INSTANCE_PATH": str(tmp / "instance"),
        "QUIZAPP_DATABASE_URL": f"sqlite:///{database}",
        "QUIZAPP_QUESTIONS_DIR": str(tmp / "questions"),
        "QUIZAPP_SECRET_KEY": "concurrency-test-secret",
    }
    command = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", "127.0.0.1:0",
               "--graceful-timeout", "5", "tests.serve_sample:create_app()"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out)
    try:
        yield Server(wait_until_serving(process, log), database, learners)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def any_answers(attempt: dict) -> dict:
    """A well-formed answer to every item: the first option, or every option as shown."""
    answers = {}
    for item in attempt["items"]:
        ids = [o["id"] for o in item["options"]]
        answers[item["id"]] = {"choice": ids[0], "multiple": ids[:1]}.get(item["type"], ids)
    return answers


def all_at_once(task, args: list) -> list:
    """Run task(arg) for every arg in its own thread, released together by a barrier."""
    barrier = threading.Barrier(len(args), timeout=TIMEOUT)

    def lined_up(arg):
        barrier.wait()
        return task(arg)

    with ThreadPoolExecutor(max_workers=len(args)) as pool:
        return list(pool.map(lined_up, args))


def test_a_class_of_fifty_starts_and_submits_at_once_without_an_error(server):
    class_ = server.learners[:CLASS_SIZE]

    def take_quiz(token: str) -> tuple:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            began = time.perf_counter()
            started = http.post(f"{server.url}/api/v1/attempts", timeout=TIMEOUT,
                                json={"bank": "sample", "mode": "mixed"})
            attempt = started.json()
            submitted = http.post(f"{server.url}/api/v1/attempts/{attempt['id']}/answers",
                                  json={"answers": any_answers(attempt)}, timeout=TIMEOUT)
            return started.status_code, submitted.status_code, time.perf_counter() - began

    began = time.perf_counter()
    results = all_at_once(take_quiz, [token for _, token in class_])
    wall = time.perf_counter() - began
    assert {(started, submitted) for started, submitted, _ in results} == {(201, 200)}
    ids = ", ".join(str(learner_id) for learner_id, _ in class_)
    stored = server.rows(f"SELECT count(*), count(score), count(DISTINCT learner_id) "
                         f"FROM attempt WHERE learner_id IN ({ids})")
    assert stored == [(CLASS_SIZE, CLASS_SIZE, CLASS_SIZE)]
    times = sorted(t for *_, t in results)
    print(f"\n{CLASS_SIZE} learners, start + submit each: {wall:.2f} s in all; per learner "
          f"median {statistics.median(times) * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")


def test_the_same_submission_sent_eight_times_at_once_is_graded_once(server):
    with requests.Session() as http:
        signed_in = http.post(f"{server.url}/api/v1/tokens", timeout=TIMEOUT,
                              json={"username": "solo", "password": PASSWORD})
        assert signed_in.status_code == 201
        http.headers["Authorization"] = f"Bearer {signed_in.json()['token']}"
        attempt = http.post(f"{server.url}/api/v1/attempts", timeout=TIMEOUT,
                            json={"bank": "sample", "mode": "mixed", "seed": 1}).json()
        headers = dict(http.headers)
    url = f"{server.url}/api/v1/attempts/{attempt['id']}/answers"
    body = {"answers": any_answers(attempt)}

    def send(_) -> requests.Response:
        return requests.post(url, json=body, headers=headers, timeout=TIMEOUT)

    responses = all_at_once(send, list(range(8)))
    assert sorted(r.status_code for r in responses) == [200] + [409] * 7
    graded = next(r.json() for r in responses if r.status_code == 200)
    assert all("already submitted" in r.json()["error"] for r in responses if r.status_code == 409)
    assert server.rows("SELECT score FROM attempt WHERE id = ?", attempt["id"]) == [
        (graded["score"],)]
    print(f"\n8 identical submissions at once: {sorted(r.status_code for r in responses)}")


def test_a_submission_that_fails_inside_its_transaction_stores_nothing(server):
    _, token = server.learners[CLASS_SIZE]
    headers = {"Authorization": f"Bearer {token}"}
    attempt = requests.post(f"{server.url}/api/v1/attempts", headers=headers, timeout=TIMEOUT,
                            json={"bank": "sample", "mode": "mixed"}).json()
    url = f"{server.url}/api/v1/attempts/{attempt['id']}/answers"
    assert re.fullmatch(r"[\w-]+", attempt["id"])  # safe to write into the trigger below
    # The failure strikes after the attempt is claimed, when its items' points are written.
    with closing(sqlite3.connect(server.database)) as conn, conn:
        conn.execute(f"CREATE TRIGGER fail_grading BEFORE UPDATE OF points ON attempt_item "
                     f"WHEN NEW.attempt_id = '{attempt['id']}' "
                     f"BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    failed = requests.post(url, json={"answers": any_answers(attempt)}, headers=headers,
                           timeout=TIMEOUT)
    assert failed.status_code == 500
    assert "nothing was saved" in failed.json()["error"]
    assert server.rows("SELECT submitted, score FROM attempt WHERE id = ?", attempt["id"]) == [
        (None, None)]
    assert set(server.rows("SELECT answer, points FROM attempt_item WHERE attempt_id = ?",
                           attempt["id"])) == {(None, None)}
    with closing(sqlite3.connect(server.database)) as conn, conn:
        conn.execute("DROP TRIGGER fail_grading")
    retried = requests.post(url, json={"answers": any_answers(attempt)}, headers=headers,
                            timeout=TIMEOUT)
    assert retried.status_code == 200
    assert server.rows("SELECT score FROM attempt WHERE id = ?", attempt["id"]) == [
        (retried.json()["score"],)]
